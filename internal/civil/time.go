package civil

import "time"

// MinDay is a day before every day of the years a ledger records: the start
// of a window that takes everything up to a date.
const MinDay = -1 << 30

// DayOf returns the date of t, where t is, as days since 1970-01-01.
func DayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns the day at midnight UTC.
func Time(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// First and Last are the first and last days of the years MinYear to
// MaxYear.
var First, Last = Days(MinYear, 1, 1), Days(MaxYear, 12, 31)
