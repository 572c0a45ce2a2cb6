package outcome

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
)

// PeriodKind says how a period was stated.
type PeriodKind uint8

const (
	YearPeriod       PeriodKind = 1 + iota // a civil year: 2019
	MonthPeriod                            // a month: 2019-03
	SpanPeriod                             // a date range: 2018-01-01/2019-06-30
	CumulativePeriod                       // a running total since a date, as of a date: 2005-/2019
	// UndatedPeriod is a figure the source does not date (近三年, 目前, 每年
	// in an undated document): it falls somewhere within the span, which
	// is as much as the source allows. Written ~2017/2020.
	UndatedPeriod
)

var periodKindNames = [...]Name{
	YearPeriod:       {"年", "year"},
	MonthPeriod:      {"月", "month"},
	SpanPeriod:       {"时段", "span"},
	CumulativePeriod: {"累计", "cumulative"},
	UndatedPeriod:    {"未注明时间", "undated"},
}

// Name returns the bilingual name of the kind; the zero PeriodKind has none.
func (k PeriodKind) Name() Name {
	if int(k) < len(periodKindNames) {
		return periodKindNames[k]
	}
	return Name{}
}

// String returns the Chinese name (年, 月, 时段, 累计, 未注明时间).
func (k PeriodKind) String() string { return label(k.Name(), Chinese, "PeriodKind", int(k)) }

// code returns the English name ("year"), the stable code that
// [PeriodKind.MarshalText] writes.
func (k PeriodKind) code() string { return label(k.Name(), English, "PeriodKind", int(k)) }

// Period is the time an observation covers: a year, a month, a date range, or
// a cumulative span since a date. Both ends are whole days and inclusive. The
// zero value is invalid ([Period.IsZero]); periods are comparable with ==.
type Period struct {
	kind       PeriodKind
	start, end int32 // days since 1970-01-01
}

// dayOf returns the civil date of t as days since 1970-01-01.
func dayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dateOf(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// Year returns the civil year y, or the zero, invalid Period when y is
// outside 1 to 9999: [Ledger.Add] refuses a record without a period.
func Year(y int) Period {
	if y < civil.MinYear || y > civil.MaxYear {
		return Period{}
	}
	return Period{YearPeriod, civil.Days(y, 1, 1), civil.Days(y, 12, 31)}
}

// Month returns month m of year y, or the zero, invalid Period when y is
// outside 1 to 9999 or m is not a month.
func Month(y int, m time.Month) Period {
	if y < civil.MinYear || y > civil.MaxYear || m < time.January || m > time.December {
		return Period{}
	}
	return Period{MonthPeriod, civil.Days(y, int(m), 1), civil.Days(y, int(m), civil.DaysIn(y, int(m)))}
}

// Span returns the days from through to, both included. It refuses a span
// that ends before it starts, and one with an end outside the years 1 to
// 9999, with [ErrInvalid].
func Span(from, to time.Time) (Period, error) { return newPeriod(SpanPeriod, from, to) }

// Since returns a cumulative period: a running total since from, as of
// asOf. 「2017年以来」 in a report written in 2019 is Since(2017-01-01,
// 2019-12-31). It refuses what [Span] refuses.
func Since(from, asOf time.Time) (Period, error) { return newPeriod(CumulativePeriod, from, asOf) }

// Undated returns the period of a figure the source gives no date for, known
// only to fall between from and to: 「近三年」 in a document written in 2020
// is Undated(2017-01-01, 2020-12-31). Say in the record's note what the
// source printed; never invent a year. It refuses what [Span] refuses.
func Undated(from, to time.Time) (Period, error) { return newPeriod(UndatedPeriod, from, to) }

// Through returns a query window from the earliest representable day
// through asOf: everything recorded as of a date. It is for [Ledger.Total]
// and [Ledger.Values], not a period to record: its start lies before the
// year 1, which [Ledger.Add] refuses, and does not print meaningfully.
func Through(asOf time.Time) Period { return Period{SpanPeriod, minDay, dayOf(asOf)} }

const minDay = -1 << 30

// The first and last days of a period that can be recorded: the bounds of
// the years 1 to 9999.
var firstDay, lastDay = civil.Days(civil.MinYear, 1, 1), civil.Days(civil.MaxYear, 12, 31)

// inRange reports whether p lies within the years 1 to 9999, as every
// period [ParsePeriod] reads and [Period.String] writes does. A query
// window from [Through] does not: its start is before any year.
func (p Period) inRange() bool { return firstDay <= p.start && p.end <= lastDay }

func newPeriod(k PeriodKind, from, to time.Time) (Period, error) {
	for _, t := range [...]time.Time{from, to} {
		if y := t.Year(); y < civil.MinYear || y > civil.MaxYear {
			return Period{}, fmt.Errorf("outcome: period %s to %s: year %d: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), y, errOutOfRange)
		}
	}
	p := Period{k, dayOf(from), dayOf(to)}
	if p.end < p.start {
		return Period{}, fmt.Errorf("outcome: period %s to %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), errPeriodOrder)
	}
	return p, nil
}

// Kind returns how the period was stated.
func (p Period) Kind() PeriodKind { return p.kind }

// Start returns the first day, at midnight UTC.
func (p Period) Start() time.Time { return dateOf(p.start) }

// End returns the last day, at midnight UTC.
func (p Period) End() time.Time { return dateOf(p.end) }

// IsZero reports whether p is the zero, invalid Period.
func (p Period) IsZero() bool { return p.kind == 0 }

// Contains reports whether the civil date of t lies in p.
func (p Period) Contains(t time.Time) bool {
	d := dayOf(t)
	return !p.IsZero() && p.start <= d && d <= p.end
}

// Covers reports whether q lies wholly within p.
func (p Period) Covers(q Period) bool {
	return !p.IsZero() && !q.IsZero() && p.start <= q.start && q.end <= p.end
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	return !p.IsZero() && !q.IsZero() && p.start <= q.end && q.start <= p.end
}

// Compare orders periods by start, then end, then kind.
func (p Period) Compare(q Period) int {
	return cmp.Or(cmp.Compare(p.start, q.start), cmp.Compare(p.end, q.end), cmp.Compare(p.kind, q.kind))
}

// Equal reports whether p and q are the same period stated the same way.
func (p Period) Equal(q Period) bool { return p == q }

// String writes p as [ParsePeriod] reads it: 2019, 2019-03,
// 2018-01-01/2019-06-30, 2005-/2019.
func (p Period) String() string {
	switch p.kind {
	case YearPeriod:
		return yearString(p.Start().Year())
	case MonthPeriod:
		return p.Start().Format("2006-01")
	case SpanPeriod:
		return p.Start().Format(time.DateOnly) + "/" + p.End().Format(time.DateOnly)
	case CumulativePeriod:
		return startString(p.Start()) + "-/" + endString(p.End())
	case UndatedPeriod:
		return "~" + startString(p.Start()) + "/" + endString(p.End())
	}
	return ""
}

// In writes p for readers of lang: 2019年, 2005年以来(截至2019年) in Chinese.
func (p Period) In(lang Lang) string {
	if lang == English {
		switch p.kind {
		case CumulativePeriod:
			return "since " + startString(p.Start()) + ", as of " + endString(p.End())
		case UndatedPeriod:
			return "undated, within " + startString(p.Start()) + "–" + endString(p.End())
		}
		return p.String()
	}
	switch p.kind {
	case YearPeriod:
		return p.String() + "年"
	case MonthPeriod:
		return fmt.Sprintf("%d年%d月", p.Start().Year(), p.Start().Month())
	case CumulativePeriod:
		return zhYear(startString(p.Start())) + "以来(截至" + zhYear(endString(p.End())) + ")"
	case UndatedPeriod:
		return "未注明时间(" + zhYear(startString(p.Start())) + "—" + zhYear(endString(p.End())) + ")"
	}
	return p.String()
}

// yearString writes a year with at least four digits, as ParsePeriod reads
// it back: 0019, not 19.
func yearString(y int) string {
	if y >= 0 && y < 1000 {
		return fmt.Sprintf("%04d", y)
	}
	return strconv.Itoa(y)
}

// zhYear adds 年 to a bare year.
func zhYear(s string) string {
	if len(s) == 4 {
		return s + "年"
	}
	return s
}

// startString writes a first day as briefly as it reads back: a year, a
// month or a date.
func startString(t time.Time) string {
	switch {
	case t.YearDay() == 1:
		return yearString(t.Year())
	case t.Day() == 1:
		return t.Format("2006-01")
	}
	return t.Format(time.DateOnly)
}

// endString writes a last day as briefly as it reads back.
func endString(t time.Time) string {
	switch next := t.AddDate(0, 0, 1); {
	case next.YearDay() == 1:
		return yearString(t.Year())
	case next.Day() == 1:
		return t.Format("2006-01")
	}
	return t.Format(time.DateOnly)
}

// MustParsePeriod is like [ParsePeriod] but panics on error; it is for
// literals in catalogues and tests.
func MustParsePeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

// ParsePeriod reads a period: a year (2019), a month (2019-03), a date range
// (2018-01-01/2019-06-30; either end may also be a year or a month, meaning
// its first or last day), a cumulative span (2005-/2019: since 2005, as of
// the end of 2019), or an undated one (~2017/2020: some time within 2017 to
// 2020). Years are written with four digits; year 0000 is refused with
// [ErrInvalid] (out of range), a range that ends before it starts likewise,
// text that does not read with [ErrSyntax]. Errors are [*SyntaxError].
func ParsePeriod(s string) (Period, error) {
	fail := func(off int, err error) (Period, error) {
		return Period{}, &SyntaxError{What: "period", Input: s, Offset: off, Err: err}
	}
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		p, err := ParsePeriod(rest)
		var se *SyntaxError
		if errors.As(err, &se) && se.Err == errOutOfRange {
			return fail(1+se.Offset, errOutOfRange)
		}
		if err != nil || p.kind != SpanPeriod || !strings.Contains(rest, "/") {
			return fail(1, ErrSyntax)
		}
		p.kind = UndatedPeriod
		return p, nil
	}
	from, to, ranged := strings.Cut(s, "/")
	if !ranged {
		first, last, kind, err := parsePoint(s)
		switch {
		case err != nil:
			return fail(0, err)
		case kind == SpanPeriod:
			// A single date is a one-day span.
			return Period{SpanPeriod, first, last}, nil
		}
		return Period{kind, first, last}, nil
	}
	kind := SpanPeriod
	if f, ok := strings.CutSuffix(from, "-"); ok {
		kind, from = CumulativePeriod, f
	}
	first, _, _, err := parsePoint(from)
	if err != nil {
		return fail(0, err)
	}
	_, last, _, err := parsePoint(to)
	if err != nil {
		return fail(len(s)-len(to), err)
	}
	if last < first {
		return fail(len(s)-len(to), errPeriodOrder)
	}
	return Period{kind, first, last}, nil
}

// parsePoint reads a year, a month or a date and returns its first and last
// day and the kind of period it names on its own (SpanPeriod for a date).
func parsePoint(s string) (first, last int32, kind PeriodKind, err error) {
	var t time.Time
	switch len(s) {
	case 4:
		if s[0] == '+' || s[0] == '-' {
			return 0, 0, 0, ErrSyntax
		}
		y, err := strconv.Atoi(s)
		if err != nil {
			return 0, 0, 0, ErrSyntax
		}
		kind, t = YearPeriod, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case 7:
		if t, err = time.Parse("2006-01", s); err != nil {
			return 0, 0, 0, ErrSyntax
		}
		kind = MonthPeriod
	case 10:
		if t, err = time.Parse(time.DateOnly, s); err != nil {
			return 0, 0, 0, ErrSyntax
		}
		kind = SpanPeriod
	default:
		return 0, 0, 0, ErrSyntax
	}
	if t.Year() < civil.MinYear {
		return 0, 0, 0, errOutOfRange
	}
	var p Period
	switch kind {
	case YearPeriod:
		p = Year(t.Year())
	case MonthPeriod:
		p = Month(t.Year(), t.Month())
	default:
		d := dayOf(t)
		p = Period{SpanPeriod, d, d}
	}
	return p.start, p.end, kind, nil
}

// span returns p as the columns keep it.
func (p Period) span() colstore.Span {
	return colstore.Span{Kind: uint8(p.kind), Start: p.start, End: p.end}
}

// periodOf returns the period the columns keep as sp.
func periodOf(sp colstore.Span) Period { return Period{PeriodKind(sp.Kind), sp.Start, sp.End} }
