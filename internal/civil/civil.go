// Package civil counts days in the proleptic Gregorian calendar without
// the time package: a date is the number of days since 1970-01-01, the
// form a ledger stores periods in.
package civil

// MinYear and MaxYear bound the years a ledger records: four digits from
// 0001. Year 0000 is no year a ledger means (it is 1 BC in ISO 8601): a
// ledger that says 0000 has lost its year.
const MinYear, MaxYear = 1, 9999

// Days returns the days from 1970-01-01 to y-m-d (H. Hinnant's algorithm).
func Days(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Year reads a year written as four digits, from 0001.
func Year(b []byte) (int, bool) {
	if len(b) != 4 || !IsDigits(b) {
		return 0, false
	}
	y := Atoi(b)
	return y, y >= MinYear
}

// Date reads YYYY-MM-DD as days since 1970-01-01.
func Date(b []byte) (int32, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' || !IsDigits(b[:4]) || !IsDigits(b[5:7]) || !IsDigits(b[8:]) {
		return 0, false
	}
	y, m, d := Atoi(b[:4]), Atoi(b[5:7]), Atoi(b[8:])
	if y < MinYear || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
		return 0, false
	}
	return Days(y, m, d), true
}

// IsDigits reports whether b is one or more ASCII digits.
func IsDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// Atoi returns the number the digits of b write; b is digits only.
func Atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}
