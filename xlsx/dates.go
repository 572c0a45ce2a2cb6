package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A dateKind is what a date format shows of a date: the year, the month
// or the day; notDate for a format that shows no date (General, 0.00,
// h:mm).
type dateKind uint8

const (
	notDate dateKind = iota
	yearShown
	monthShown
	dayShown
)

// builtinDates are Excel's built-in number formats that show a date, by
// id: 14–17 and 22 in every locale, 27–58 as a Chinese (zh-CN) workbook
// has them (27 is yyyy"年"m"月", 31 yyyy"年"m"月"d"日"); the ids of
// times of day (18–21, 32–35, 45–47, 55, 56) show no date.
var builtinDates = map[int]dateKind{
	14: dayShown, 15: dayShown, 16: dayShown, 17: monthShown, 22: dayShown,
	27: monthShown, 28: dayShown, 29: dayShown, 30: dayShown, 31: dayShown, 36: monthShown,
	50: monthShown, 51: dayShown, 52: monthShown, 53: dayShown, 54: dayShown, 57: monthShown, 58: dayShown,
}

// formatKind returns what the number format code shows of a date: a day
// where it has a day (yyyy-mm-dd, m/d/yy h:mm, d-mmm), else a month where
// it has a month (yyyy-mm, mmm-yy, yyyy"年"m"月"), else a year (yyyy);
// notDate for a number or a time of day. An m is a minute after an h or
// before an s, as Excel reads it. Only the first section (before ;), the
// one of positive numbers, counts; quoted text, escaped characters and
// bracketed codes ([$-804], [Red], [DBNum1]) are not format letters, but
// elapsed time ([h], [mm]) is time.
func formatKind(code string) dateKind {
	var year, month, day bool
	last := byte(0) // the last date or time letter, lower case
	for i := 0; i < len(code); i++ {
		c := code[i]
		lower := c | 0x20
		rest := code[i:]
		switch {
		case c == ';':
			i = len(code)
		case c == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case c == '\\' || c == '_' || c == '*':
			i++ // the character after is text, a width or a fill
		case c == '[':
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				i = len(code)
				break
			}
			if t := strings.ToLower(rest[1:j]); t != "" && strings.Trim(t, "hms") == "" {
				last = t[0] // elapsed hours, minutes or seconds
			}
			i += j
		case hasPrefixFold(rest, "general"):
			i += len("general") - 1
		case hasPrefixFold(rest, "am/pm"):
			i += len("am/pm") - 1
		case hasPrefixFold(rest, "a/p"):
			i += len("a/p") - 1
		case c == 'E' && len(rest) > 1 && (rest[1] == '+' || rest[1] == '-'):
			i++ // scientific notation, 0.00E+00
		case lower == 'y' || lower == 'e': // e is the year of an era
			year, last = true, 'y'
		case lower == 'd':
			day, last = true, 'd'
		case lower == 'h' || lower == 's':
			last = lower
		case lower == 'm':
			j := i
			for j < len(code) && code[j]|0x20 == 'm' {
				j++
			}
			if last != 'h' && nextLetter(code[j:]) != 's' {
				month = true
			}
			last, i = 'm', j-1
		}
	}
	switch {
	case day:
		return dayShown
	case month:
		return monthShown
	case year:
		return yearShown
	}
	return notDate
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// nextLetter returns the next date or time letter of a format code, lower
// case, or 0.
func nextLetter(code string) byte {
	for i := 0; i < len(code); i++ {
		switch c := code[i] | 0x20; c {
		case 'y', 'm', 'd', 'h', 's':
			return c
		}
		if code[i] == '"' || code[i] == '[' || code[i] == ';' {
			return 0
		}
	}
	return 0
}

// dateText writes the date serial as the period a format of kind shows:
// 2020 for a year, 2020-12 for a month, 2020-12-01 for a day.
func dateText(serial float64, kind dateKind, date1904 bool) (string, bool) {
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil || t.Year() < 1 || t.Year() > 9999 {
		return "", false
	}
	switch kind {
	case yearShown:
		return t.Format("2006"), true
	case monthShown:
		return t.Format("2006-01"), true
	case dayShown:
		return t.Format("2006-01-02"), true
	}
	return "", false
}

// dateCells turns the date cells of a sheet's rows into the dates they
// show. A cell is a date cell when it holds a number and its style's
// number format shows a date; it is found by reading the sheet's raw
// values alongside the formatted ones: where the raw value is a number,
// the cell's style says whether it is a date. (The formatted text does not
// tell: excelize leaves the locale's built-in formats, such as 27, as the
// serial.)
type dateCells struct {
	f        *excelize.File
	sheet    string
	raw      *excelize.Rows
	kinds    map[int]dateKind // styles whose number format shows a date
	date1904 bool
}

// newDateCells returns the date cells of sheet, or nil when no style of
// the workbook shows a date: then no cell is a date cell, and the rows are
// read once.
func newDateCells(f *excelize.File, sheet string) (*dateCells, error) {
	kinds := map[int]dateKind{}
	for id := 0; ; id++ {
		st, err := f.GetStyle(id)
		if err != nil {
			break // past the last style
		}
		k := builtinDates[st.NumFmt]
		if st.CustomNumFmt != nil {
			k = formatKind(*st.CustomNumFmt)
		}
		if k != notDate {
			kinds[id] = k
		}
	}
	if len(kinds) == 0 {
		return nil, nil
	}
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, err
	}
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	d := &dateCells{f: f, sheet: sheet, raw: raw, kinds: kinds}
	if props.Date1904 != nil {
		d.date1904 = *props.Date1904
	}
	return d, nil
}

// row turns the date cells of row n, whose formatted cells are cells, into
// dates; it is called for every row in order.
func (d *dateCells) row(n int, cells []string) ([]string, error) {
	if !d.raw.Next() {
		return cells, nil
	}
	raw, err := d.raw.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	for i := range min(len(cells), len(raw)) {
		serial, err := strconv.ParseFloat(raw[i], 64)
		if err != nil {
			continue // text
		}
		ref, err := excelize.CoordinatesToCellName(i+1, n)
		if err != nil {
			return nil, err
		}
		style, err := d.f.GetCellStyle(d.sheet, ref)
		if err != nil {
			return nil, fmt.Errorf("cell %s: %w", ref, err)
		}
		k := d.kinds[style]
		if k == notDate {
			continue
		}
		// A number, not text that reads as one (2019 typed as text in a
		// column formatted as dates).
		typ, err := d.f.GetCellType(d.sheet, ref)
		if err != nil {
			return nil, fmt.Errorf("cell %s: %w", ref, err)
		}
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			continue
		}
		if s, ok := dateText(serial, k, d.date1904); ok {
			cells[i] = s
		}
	}
	return cells, nil
}

func (d *dateCells) close() error { return d.raw.Close() }
