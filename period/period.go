// Package period says when a figure holds: a year, a half-year, a quarter, a
// month, a span of days, a running total since a day as of a day, or an
// undated span a figure falls somewhere within. [Parse] reads periods as
// ledgers and source documents write them (2019, 2019年上半年, 2019Q1,
// 2019年3月, 2018-01-01/2019-06-30, 2005年以来(截至2019年)); an undated
// figure (近三年 in a report of 2020) is written ~2017/2020, since only its
// document's date says which years it means.
package period

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/enum"
	"github.com/taizhang/taizhang/internal/errs"
	"github.com/taizhang/taizhang/lang"
)

// Kind says how a period was stated.
type Kind uint8

const (
	KindYear       Kind = 1 + iota // a civil year: 2019
	KindMonth                      // a month: 2019-03
	KindSpan                       // a date range: 2018-01-01/2019-06-30
	KindCumulative                 // a running total since a date, as of a date: 2005-/2019
	// KindUndated is a figure the source does not date (近三年, 目前, 每年
	// in an undated document): it falls somewhere within the span, which
	// is as much as the source allows. Written ~2017/2020.
	KindUndated
	KindQuarter  // a calendar quarter: 2019Q1, 2019年第一季度
	KindHalfYear // a half-year: 2019H1, 2019年上半年
)

var periodKindNames = [...]lang.Name{
	KindYear:       {Zh: "年", En: "year"},
	KindMonth:      {Zh: "月", En: "month"},
	KindSpan:       {Zh: "时段", En: "span"},
	KindCumulative: {Zh: "累计", En: "cumulative"},
	KindUndated:    {Zh: "未注明时间", En: "undated"},
	KindQuarter:    {Zh: "季度", En: "quarter"},
	KindHalfYear:   {Zh: "半年", En: "half-year"},
}

// Name returns the bilingual name of the kind; the zero Kind has none.
func (k Kind) Name() lang.Name {
	if int(k) < len(periodKindNames) {
		return periodKindNames[k]
	}
	return lang.Name{}
}

// String returns the Chinese name (年, 月, 时段, 累计, 未注明时间, 季度, 半年).
func (k Kind) String() string { return enum.Label(k.Name(), lang.Chinese, "Kind", int(k)) }

// code returns the English name ("year"), the stable code that
// [Kind.MarshalText] writes.
func (k Kind) code() string { return enum.Label(k.Name(), lang.English, "Kind", int(k)) }

// Period is the time an observation covers: a year, a half-year, a quarter,
// a month, a date range, or a cumulative span since a date. Both ends are whole days and inclusive. The
// zero value is invalid ([Period.IsZero]); periods are comparable with ==.
type Period struct {
	kind       Kind
	start, end int32 // days since 1970-01-01
}

// Year returns the civil year y, or the zero, invalid Period when y is
// outside 1 to 9999: a ledger (outcome.Ledger.Add) refuses a record
// without a period.
func Year(y int) Period {
	if y < civil.MinYear || y > civil.MaxYear {
		return Period{}
	}
	return Period{KindYear, civil.Days(y, 1, 1), civil.Days(y, 12, 31)}
}

// Month returns month m of year y, or the zero, invalid Period when y is
// outside 1 to 9999 or m is not a month.
func Month(y int, m time.Month) Period {
	if y < civil.MinYear || y > civil.MaxYear || m < time.January || m > time.December {
		return Period{}
	}
	return Period{KindMonth, civil.Days(y, int(m), 1), civil.Days(y, int(m), civil.DaysIn(y, int(m)))}
}

// Quarter returns quarter q (1 to 4) of year y, or the zero, invalid
// Period when y is outside 1 to 9999 or q is not a quarter.
func Quarter(y, q int) Period {
	if y < civil.MinYear || y > civil.MaxYear || q < 1 || q > 4 {
		return Period{}
	}
	m := 3*q - 2
	return Period{KindQuarter, civil.Days(y, m, 1), civil.Days(y, m+2, civil.DaysIn(y, m+2))}
}

// HalfYear returns half h (1 for January to June, 2 for July to December)
// of year y, or the zero, invalid Period when y is outside 1 to 9999 or h
// is not 1 or 2.
func HalfYear(y, h int) Period {
	if y < civil.MinYear || y > civil.MaxYear || h < 1 || h > 2 {
		return Period{}
	}
	m := 6*h - 5
	return Period{KindHalfYear, civil.Days(y, m, 1), civil.Days(y, m+5, civil.DaysIn(y, m+5))}
}

// Span returns the days from through to, both included. It refuses a span
// that ends before it starts, and one with an end outside the years 1 to
// 9999, with [ErrInvalid].
func Span(from, to time.Time) (Period, error) { return newPeriod(KindSpan, from, to) }

// Since returns a cumulative period: a running total since from, as of
// asOf. 「2017年以来」 in a report written in 2019 is Since(2017-01-01,
// 2019-12-31). It refuses what [Span] refuses.
func Since(from, asOf time.Time) (Period, error) { return newPeriod(KindCumulative, from, asOf) }

// Undated returns the period of a figure the source gives no date for, known
// only to fall between from and to: 「近三年」 in a document written in 2020
// is Undated(2017-01-01, 2020-12-31). Say in the record's note what the
// source printed; never invent a year. It refuses what [Span] refuses.
func Undated(from, to time.Time) (Period, error) { return newPeriod(KindUndated, from, to) }

// Through returns a query window from the earliest representable day
// through asOf: everything recorded as of a date. It is for
// outcome.Ledger.Total and Values, not a period to record: its start lies before the
// year 1, which a ledger refuses, and does not print meaningfully.
func Through(asOf time.Time) Period { return Period{KindSpan, civil.MinDay, civil.DayOf(asOf)} }

// inRange reports whether p lies within the years 1 to 9999, as every
// period [Parse] reads and [Period.String] writes does. A query
// window from [Through] does not: its start is before any year.
func (p Period) inRange() bool { return civil.First <= p.start && p.end <= civil.Last }

func newPeriod(k Kind, from, to time.Time) (Period, error) {
	for _, t := range [...]time.Time{from, to} {
		if y := t.Year(); y < civil.MinYear || y > civil.MaxYear {
			return Period{}, fmt.Errorf("period: %s to %s: year %d: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), y, errs.OutOfRange)
		}
	}
	p := Period{k, civil.DayOf(from), civil.DayOf(to)}
	if p.end < p.start {
		return Period{}, fmt.Errorf("period: %s to %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), errPeriodOrder)
	}
	return p, nil
}

// Kind returns how the period was stated.
func (p Period) Kind() Kind { return p.kind }

// Start returns the first day, at midnight UTC.
func (p Period) Start() time.Time { return civil.Time(p.start) }

// End returns the last day, at midnight UTC.
func (p Period) End() time.Time { return civil.Time(p.end) }

// IsZero reports whether p is the zero, invalid Period.
func (p Period) IsZero() bool { return p.kind == 0 }

// Contains reports whether the civil date of t lies in p.
func (p Period) Contains(t time.Time) bool {
	d := civil.DayOf(t)
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

// String writes p as [Parse] reads it: 2019, 2019-03, 2019Q1,
// 2019H1, 2018-01-01/2019-06-30, 2005-/2019.
func (p Period) String() string {
	switch p.kind {
	case KindQuarter:
		return yearString(p.Start().Year()) + "Q" + strconv.Itoa(p.part(3))
	case KindHalfYear:
		return yearString(p.Start().Year()) + "H" + strconv.Itoa(p.part(6))
	case KindYear:
		return yearString(p.Start().Year())
	case KindMonth:
		return p.Start().Format("2006-01")
	case KindSpan:
		return p.Start().Format(time.DateOnly) + "/" + p.End().Format(time.DateOnly)
	case KindCumulative:
		if p.start == civil.First {
			return "-/" + endString(p.End()) // since a day not stated
		}
		return startString(p.Start()) + "-/" + endString(p.End())
	case KindUndated:
		return "~" + startString(p.Start()) + "/" + endString(p.End())
	}
	return ""
}

// part returns which quarter (months 3) or half (months 6) of its year p
// starts in, from 1.
func (p Period) part(months int) int { return (int(p.Start().Month())-1)/months + 1 }

// In writes p for readers of lang: 2019年, 2019年第一季度, 2019年上半年,
// 2005年以来(截至2019年) in Chinese; Q1 2019, H1 2019 in English.
func (p Period) In(in lang.Lang) string {
	if in == lang.English {
		switch p.kind {
		case KindQuarter:
			return "Q" + strconv.Itoa(p.part(3)) + " " + yearString(p.Start().Year())
		case KindHalfYear:
			return "H" + strconv.Itoa(p.part(6)) + " " + yearString(p.Start().Year())
		case KindCumulative:
			if p.start == civil.First {
				return "cumulative, as of " + endString(p.End())
			}
			return "since " + startString(p.Start()) + ", as of " + endString(p.End())
		case KindUndated:
			return "undated, within " + startString(p.Start()) + "–" + endString(p.End())
		case KindSpan:
			if p.start == p.end {
				return p.Start().Format(time.DateOnly) // a day
			}
		}
		return p.String()
	}
	switch p.kind {
	case KindYear:
		return p.String() + "年"
	case KindMonth:
		return fmt.Sprintf("%d年%d月", p.Start().Year(), p.Start().Month())
	case KindQuarter:
		return yearString(p.Start().Year()) + "年第" + zhDigits[p.part(3)] + "季度"
	case KindHalfYear:
		return yearString(p.Start().Year()) + "年" + [...]string{1: "上", 2: "下"}[p.part(6)] + "半年"
	case KindCumulative:
		if end := endString(p.End()); p.start == civil.First && len(end) == 4 {
			return "截至" + zhYear(end) + "底"
		} else if p.start == civil.First {
			return "截至" + zhYear(end)
		}
		return zhYear(startString(p.Start())) + "以来(截至" + zhYear(endString(p.End())) + ")"
	case KindUndated:
		return "未注明时间(" + zhYear(startString(p.Start())) + "—" + zhYear(endString(p.End())) + ")"
	case KindSpan:
		if p.start == p.end { // a day: 2019年3月5日
			return zhYear(p.Start().Format(time.DateOnly))
		}
	}
	return p.String()
}

var zhDigits = [...]string{"〇", "一", "二", "三", "四"}

// yearString writes a year with at least four digits, as Parse reads
// it back: 0019, not 19.
func yearString(y int) string {
	if y >= 0 && y < 1000 {
		return fmt.Sprintf("%04d", y)
	}
	return strconv.Itoa(y)
}

// zhYear writes a year, month or day as startString and endString write
// it, in Chinese: 2019年, 2019年6月, 2019年6月5日.
func zhYear(s string) string {
	switch len(s) {
	case 4: // 2019
		return s + "年"
	case 7: // 2019-06
		if m, err := strconv.Atoi(s[5:]); err == nil {
			return s[:4] + "年" + strconv.Itoa(m) + "月"
		}
	case 10: // 2019-06-05
		m, err1 := strconv.Atoi(s[5:7])
		d, err2 := strconv.Atoi(s[8:])
		if err1 == nil && err2 == nil {
			return s[:4] + "年" + strconv.Itoa(m) + "月" + strconv.Itoa(d) + "日"
		}
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

// MustParse is like [Parse] but panics on error; it is for
// literals in catalogues and tests.
func MustParse(s string) Period {
	p, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

// Parse reads a period as files write it: a year (2019), a month
// (2019-03), a quarter (2019Q1), a half-year (2019H1), a date range
// (2018-01-01/2019-06-30; either end may also be a year or a month, meaning
// its first or last day), a cumulative span (2005-/2019: since 2005, as of
// the end of 2019), or an undated one (~2017/2020: some time within 2017 to
// 2020).
//
// A figure stated as of a day (截至2019年底, 截至2019年6月, 截止2019年) is a
// cumulative span since a day not stated ([KindCumulative], written
// -/2019): for a flow a running total to date, which a window counts only
// when it reaches back that far, so that it is never added to the years it
// holds; for a stock its level on that day. 2019年底 without 截至 is the
// year 2019.
//
// It also reads a period as offices write one: 2019年, 2019年度, 2019年3月,
// 2019年全年, 2019/03, 2019.03, 2019.3, 2019年3月5日, 2019/3/5, 2019.03.05, 2019-Q1,
// 2019年第一季度, 2019年一季度, 2019年第1季度, 2019-H1, 2019年上半年,
// 2019年下半年, 2019年前三季度 (January to September, a date range), and a
// range of any two of these joined by -, —, –, ~, 至 or
// 到 (2019.01.01-2019.03.31, 2019年1月至2019年6月), where the second may
// leave out the year (2019年1—3月, 2019年1月-3月). A range so written is a
// date range ([KindSpan]) from the first day of its start to the last day
// of its end: 2019年1—3月 is 2019-01-01/2019-03-31, not [KindQuarter],
// which only a quarter written as one is. Full-width digits and
// punctuation (２０１９年３月) and spaces read as their ASCII forms.
//
// Years are written with four digits; year 0000 is refused with
// [ErrInvalid] (out of range), a range that ends before it starts likewise,
// and a month or day the calendar does not have (2019-13, 2019-02-30,
// 2019年2月30日) with a message that says so; text that does not read with
// [ErrSyntax], whose message lists the forms read. Errors are
// [*SyntaxError].
func Parse(s string) (Period, error) {
	p, err := parseISOPeriod(s)
	if err == nil {
		return p, nil
	}
	var se *SyntaxError
	if errors.As(err, &se) && se.Err == ErrSyntax {
		// Not in the forms files are written in: perhaps in one an
		// office writes.
		p, oerr := parseOfficePeriod(s)
		switch {
		case oerr == nil:
			return p, nil
		case oerr == ErrSyntax:
			se.Err = errPeriodSyntax
		default:
			return Period{}, &SyntaxError{What: "period", Input: s, Err: oerr}
		}
	}
	return Period{}, err
}

// parseISOPeriod reads the forms [Period.String] writes.
func parseISOPeriod(s string) (Period, error) {
	fail := func(off int, err error) (Period, error) {
		return Period{}, &SyntaxError{What: "period", Input: s, Offset: off, Err: err}
	}
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		p, err := Parse(rest)
		var se *SyntaxError
		if errors.As(err, &se) && se.Err == errs.OutOfRange {
			return fail(1+se.Offset, errs.OutOfRange)
		}
		if err != nil || p.kind != KindSpan || !strings.Contains(rest, "/") {
			return fail(1, ErrSyntax)
		}
		p.kind = KindUndated
		return p, nil
	}
	from, to, ranged := strings.Cut(s, "/")
	if !ranged {
		first, last, kind, err := parsePoint(s)
		switch {
		case err != nil:
			return fail(0, err)
		case kind == KindSpan:
			// A single date is a one-day span.
			return Period{KindSpan, first, last}, nil
		}
		return Period{kind, first, last}, nil
	}
	kind := KindSpan
	if f, ok := strings.CutSuffix(from, "-"); ok {
		kind, from = KindCumulative, f
	}
	first, _, _, err := parsePoint(from)
	if kind == KindCumulative && from == "" {
		first, err = civil.First, nil // -/2019: since a day not stated
	}
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
// day and the kind of period it names on its own (KindSpan for a date).
func parsePoint(s string) (first, last int32, kind Kind, err error) {
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
		kind, t = KindYear, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case 7:
		if t, err = time.Parse("2006-01", s); err != nil {
			return 0, 0, 0, ErrSyntax
		}
		kind = KindMonth
	case 10:
		if t, err = time.Parse(time.DateOnly, s); err != nil {
			return 0, 0, 0, ErrSyntax
		}
		kind = KindSpan
	default:
		return 0, 0, 0, ErrSyntax
	}
	if t.Year() < civil.MinYear {
		return 0, 0, 0, errs.OutOfRange
	}
	var p Period
	switch kind {
	case KindYear:
		p = Year(t.Year())
	case KindMonth:
		p = Month(t.Year(), t.Month())
	default:
		d := civil.DayOf(t)
		p = Period{KindSpan, d, d}
	}
	return p.start, p.end, kind, nil
}

// The errors [Parse] and the constructors return wrap one of these; they
// are the same values as [outcome.ErrSyntax] and [outcome.ErrInvalid], so
// a period a ledger file could not read answers to either.
var (
	// ErrSyntax is text that is no period.
	ErrSyntax = errs.ErrSyntax
	// ErrInvalid is a period that cannot be: a month 13, a day the
	// calendar does not have, an end before the start, a year outside 1 to
	// 9999.
	ErrInvalid = errs.ErrInvalid
)

// SyntaxError reports text that [Parse] could not read: the input, where
// reading failed and why. It is [outcome.SyntaxError].
type SyntaxError = errs.SyntaxError

// errPeriodOrder is a period that ends before it starts.
var errPeriodOrder = errs.Reason(ErrInvalid, "period ends before it starts")

// errPeriodSyntax is a period in none of the forms [Parse] reads; its
// message lists them.
var errPeriodSyntax = errs.Reason(ErrSyntax, "malformed: write a period as 2019, 2019年, 2019-03, 2019年3月, 2019/03, 2019.03, "+
	"2019Q1, 2019年第一季度, 2019H1, 2019年上半年, 2019年底, 2018-01-01/2019-06-30, 2019.01.01-2019.03.31, 2019年1—3月, "+
	"2019年前三季度, 2005-/2019 or 2005年以来(截至2019年) (since 2005, as of 2019) or ~2017/2019 (undated, within 2017 to 2019)")

// periodText replaces full-width digits, letters and punctuation with their
// ASCII forms and drops spaces, as offices' files mix them.
var periodText = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"Ｑ", "Q", "ｑ", "Q", "q", "Q", "Ｈ", "H", "ｈ", "H", "h", "H", "／", "/", "．", ".", "－", "-", "～", "~",
	"﹣", "-", " ", "", "\t", "", "\u3000", "")

// officePoint is a time as offices write one: a year, a half-year, a
// quarter, a month or a day; fields not written are -1.
type officePoint struct {
	y, h, q, m, d int
}

var noPoint = officePoint{-1, -1, -1, -1, -1}

// parseOfficePeriod reads the forms offices write that [Period.String] does
// not (2019年3月, 2019.01.01-2019.03.31, 2019年1—3月). The error is
// ErrSyntax, errs.OutOfRange, errPeriodOrder or a month or day the calendar
// does not have, bare.
func parseOfficePeriod(s string) (Period, error) {
	s = periodText.Replace(s)
	asOf := false
	for _, w := range [...]string{"截至", "截止到", "截止"} {
		if rest, ok := strings.CutPrefix(s, w); ok && rest != "" {
			// 截至2019年底: the figure as of the end of 2019, a running
			// total since a day not stated.
			s, asOf = rest, true
			break
		}
	}
	undated := false
	if rest, ok := strings.CutPrefix(s, "未注明时间"); ok {
		// 未注明时间(2011年—2019年), as In writes an undated period: a
		// range in brackets.
		s, undated = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(rest, "("), "（"), ")"), "）"), true
	}
	if from, asOf, ok := strings.Cut(s, "以来"); ok && !undated {
		// 2016年以来(截至2019年), as In writes a cumulative period.
		asOf = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(asOf, "("), "（"), ")"), "）")
		asOf = strings.TrimPrefix(asOf, "截至")
		start, ok1 := readOfficePoint(from)
		end, ok2 := readOfficePoint(asOf)
		if ok1 && ok2 && start.y >= 0 && end.y >= 0 {
			first, err := start.period()
			if err != nil {
				return Period{}, err
			}
			last, err := end.period()
			if err != nil {
				return Period{}, err
			}
			if last.end < first.start {
				return Period{}, errPeriodOrder
			}
			return Period{KindCumulative, first.start, last.end}, nil
		}
		return Period{}, ErrSyntax
	}
	if y, q, ok := firstQuarters(s); ok && !undated {
		// 2019年前三季度: from the year's first day to the quarter's last.
		if y < civil.MinYear || y > civil.MaxYear {
			return Period{}, errs.OutOfRange
		}
		return Period{KindSpan, Year(y).start, Quarter(y, q).end}, nil
	}
	if pt, ok := readOfficePoint(s); ok && pt.y >= 0 && !undated {
		p, err := pt.period()
		if err == nil && asOf {
			return Period{KindCumulative, civil.First, p.end}, nil
		}
		return p, err
	}
	for _, sep := range [...]string{"—", "–", "-", "~", "至", "到", "/"} {
		for i := 0; ; {
			j := strings.Index(s[i:], sep)
			if j < 0 {
				break
			}
			i += j
			left, right := s[:i], strings.TrimLeft(s[i+len(sep):], sep)
			i += len(sep)
			from, ok1 := readOfficePoint(left)
			to, ok2 := readOfficePoint(right)
			if !ok1 || !ok2 || from.y < 0 {
				continue
			}
			if to.y < 0 {
				to.y = from.y // 2019年1—3月: the end's year is the start's
			}
			first, err := from.period()
			if err != nil {
				return Period{}, err
			}
			last, err := to.period()
			if err != nil {
				return Period{}, err
			}
			if last.end < first.start {
				return Period{}, errPeriodOrder
			}
			if undated {
				return Period{KindUndated, first.start, last.end}, nil
			}
			return Period{KindSpan, first.start, last.end}, nil
		}
	}
	return Period{}, ErrSyntax
}

// period returns the period pt names, checking its fields.
func (pt officePoint) period() (Period, error) {
	switch {
	case pt.y < civil.MinYear:
		return Period{}, errs.OutOfRange
	case pt.y > civil.MaxYear:
		return Period{}, ErrSyntax
	case pt.h >= 0:
		return HalfYear(pt.y, pt.h), nil
	case pt.q >= 0:
		return Quarter(pt.y, pt.q), nil
	case pt.m < 0:
		return Year(pt.y), nil
	case pt.m < 1 || pt.m > 12:
		return Period{}, errs.Reason(ErrInvalid, fmt.Sprintf("no month %d: months are 1 to 12", pt.m))
	case pt.d < 0:
		return Month(pt.y, time.Month(pt.m)), nil
	case pt.d < 1 || pt.d > civil.DaysIn(pt.y, pt.m):
		return Period{}, errs.Reason(ErrInvalid, fmt.Sprintf("no day %d in %d-%02d, which has %d days", pt.d, pt.y, pt.m, civil.DaysIn(pt.y, pt.m)))
	}
	d := civil.Days(pt.y, pt.m, pt.d)
	return Period{KindSpan, d, d}, nil
}

// readOfficePoint reads a point written as an office writes one: a year
// (2019, 2019年, 2019年度), a half-year (2019H1, 2019-H1, 2019年上半年), a
// quarter (2019Q1, 2019-Q1, 2019年第一季度, 2019年1季度), a month (2019年3月,
// 2019年3, 2019/03, 2019.3, 2019-3) or a day (2019年3月5日, 2019/3/5,
// 2019.03.05); or, without the year, a month or a day (3月, 3月5日), which
// only the end of a range may be. It checks the form, not the numbers: a
// month 13 reads, and period refuses it.
func readOfficePoint(s string) (officePoint, bool) {
	pt := noPoint
	c := periodCursor{s: s}
	if n, w := c.digits(4); w == 4 {
		pt.y = n
	} else {
		// No year: a month (3月) and perhaps a day (3月5日).
		c = periodCursor{s: s}
		if pt.m, w = c.digits(2); w == 0 || !c.eat("月") {
			return pt, false
		}
		if c.done() {
			return pt, true
		}
		if pt.d, w = c.digits(2); w == 0 || !(c.eat("日") || c.eat("号")) {
			return pt, false
		}
		return pt, c.done()
	}
	switch {
	case c.done():
		return pt, true
	case c.eat("年度"):
		return pt, c.done()
	case c.eat("Q") || c.eat("-Q"):
		pt.q = c.digit1to(4)
		return pt, pt.q > 0 && c.done()
	case c.eat("H") || c.eat("-H"):
		pt.h = c.digit1to(2)
		return pt, pt.h > 0 && c.done()
	case c.eat("年"):
		switch {
		case c.done():
			return pt, true
		case c.eat("全年"):
			return pt, c.done() // 2019年全年: the year
		case c.eat("底") || c.eat("末"):
			return pt, c.done() // 2019年底: the year, whose last day a stock is as of
		case c.eat("上半年"):
			pt.h = 1
			return pt, c.done()
		case c.eat("下半年"):
			pt.h = 2
			return pt, c.done()
		}
		save := c
		c.eat("第")
		if q := c.digit1to(4); q != 0 && (c.eat("季度") || c.eat("季")) {
			pt.q = q
			return pt, c.done()
		}
		c = save
		var w int
		if pt.m, w = c.digits(2); w == 0 {
			return pt, false
		}
		if !c.eat("月") {
			return pt, c.done() // 2019年1, the start of 2019年1—3月
		}
		if c.done() {
			return pt, true
		}
		if pt.d, w = c.digits(2); w == 0 || !(c.eat("日") || c.eat("号")) {
			return pt, false
		}
		return pt, c.done()
	}
	for _, sep := range [...]string{"/", ".", "-"} {
		if !c.eat(sep) {
			continue
		}
		var w int
		if pt.m, w = c.digits(2); w == 0 {
			return pt, false
		}
		if c.done() {
			return pt, true
		}
		if !c.eat(sep) {
			return pt, false
		}
		if pt.d, w = c.digits(2); w == 0 {
			return pt, false
		}
		return pt, c.done()
	}
	return pt, false
}

// firstQuarters reads 2019年前三季度, the first three quarters of 2019.
func firstQuarters(s string) (year, quarters int, ok bool) {
	c := periodCursor{s: s}
	y, w := c.digits(4)
	if w != 4 || !c.eat("年前") {
		return 0, 0, false
	}
	q := c.digit1to(4)
	return y, q, q > 0 && (c.eat("季度") || c.eat("个季度")) && c.done()
}

// periodCursor reads a period's text from left to right.
type periodCursor struct {
	s   string
	pos int
}

func (c *periodCursor) done() bool { return c.pos == len(c.s) }

func (c *periodCursor) eat(word string) bool {
	if strings.HasPrefix(c.s[c.pos:], word) {
		c.pos += len(word)
		return true
	}
	return false
}

// digits reads up to max ASCII digits and returns their value and how many
// it read.
func (c *periodCursor) digits(max int) (n, width int) {
	for width < max && c.pos < len(c.s) && c.s[c.pos] >= '0' && c.s[c.pos] <= '9' {
		n = n*10 + int(c.s[c.pos]-'0')
		c.pos++
		width++
	}
	if width == max && c.pos < len(c.s) && c.s[c.pos] >= '0' && c.s[c.pos] <= '9' {
		return 0, 0 // too many digits
	}
	return n, width
}

// digit1to reads one digit from 1 to max, in ASCII or a Chinese numeral
// (一 to 四), and returns it, or 0.
func (c *periodCursor) digit1to(max int) int {
	if c.pos < len(c.s) && c.s[c.pos] >= '1' && int(c.s[c.pos]-'0') <= max {
		c.pos++
		return int(c.s[c.pos-1] - '0')
	}
	for n := 1; n <= max; n++ {
		if c.eat(zhDigits[n]) {
			return n
		}
	}
	return 0
}

// MarshalText writes p as [Period.String] does: "" for the zero Period.
// A query window from [Through] lies outside the years 1 to 9999 that
// [Parse] reads, and is not written.
func (p Period) MarshalText() ([]byte, error) {
	if !p.IsZero() && !p.inRange() {
		return nil, fmt.Errorf("period: %s: outside the years 0001 to 9999: %w", p, errs.OutOfRange)
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads p as [Parse] does; "" is the zero Period.
func (p *Period) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	q, err := Parse(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalText writes the kind's English code ("year", "month", …), and ""
// for the zero Kind.
func (k Kind) MarshalText() ([]byte, error) {
	switch {
	case k == 0:
		return nil, nil
	case int(k) < len(periodKindNames):
		return []byte(k.code()), nil
	}
	return nil, fmt.Errorf("period: %s: %w", k.code(), ErrInvalid)
}

// UnmarshalText reads a kind's English code or Chinese name (年, 月, …); ""
// is the zero Kind.
func (k *Kind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	for v, n := range periodKindNames {
		if v != 0 && (n.En == string(b) || n.Zh == string(b)) {
			*k = Kind(v)
			return nil
		}
	}
	return fmt.Errorf("period: kind %q: %w", b, ErrSyntax)
}

// The binary form of a period: its kind, then its first and last days as
// days since 1970-01-01, each four bytes little-endian: nine bytes in all,
// none for the zero Period.
const binaryLen = 9

// AppendBinary appends p's binary form to b. It never fails: it implements
// [encoding.BinaryAppender].
func (p Period) AppendBinary(b []byte) ([]byte, error) {
	if p.IsZero() {
		return b, nil
	}
	b = append(b, byte(p.kind))
	b = binary.LittleEndian.AppendUint32(b, uint32(p.start))
	return binary.LittleEndian.AppendUint32(b, uint32(p.end)), nil
}

// MarshalBinary returns p's binary form, as [Period.AppendBinary] writes
// it.
func (p Period) MarshalBinary() ([]byte, error) { return p.AppendBinary(make([]byte, 0, binaryLen)) }

// UnmarshalBinary reads a period's binary form; an empty one is the zero
// Period. It refuses a form no Period writes: an unknown kind, days out of
// order or outside the years 1 to 9999 (a query window from [Through]
// excepted), a year, month, quarter or half-year that does not start and
// end where one does.
func (p *Period) UnmarshalBinary(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	if len(b) != binaryLen {
		return fmt.Errorf("period: %d bytes, want %d: %w", len(b), binaryLen, ErrSyntax)
	}
	q := Period{Kind(b[0]), int32(binary.LittleEndian.Uint32(b[1:])), int32(binary.LittleEndian.Uint32(b[5:]))}
	if !q.valid() {
		return fmt.Errorf("period: kind %d, days %d to %d: %w", b[0], q.start, q.end, ErrInvalid)
	}
	*p = q
	return nil
}

// valid reports whether p is a period the constructors make.
func (p Period) valid() bool {
	if p.IsZero() || int(p.kind) >= len(periodKindNames) || p.end < p.start {
		return false
	}
	if !p.inRange() {
		return p == Through(civil.Time(p.end)) && p.end <= civil.Last
	}
	from := p.Start()
	switch p.kind {
	case KindYear:
		return p == Year(from.Year())
	case KindMonth:
		return p == Month(from.Year(), from.Month())
	case KindQuarter:
		return p == Quarter(from.Year(), p.part(3))
	case KindHalfYear:
		return p == HalfYear(from.Year(), p.part(6))
	}
	return true
}
