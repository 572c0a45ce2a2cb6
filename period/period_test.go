package period

import (
	"errors"
	"testing"
	"time"

	"github.com/taizhang/taizhang/internal/errs"
	"github.com/taizhang/taizhang/lang"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// parseCase is a period as written and what Parse reads it as.
type parseCase struct {
	in         string
	kind       Kind
	start, end time.Time
}

// check parses c.in and checks the period, and that its String, and its
// Chinese unless it is a span, read back as the same period.
func (c parseCase) check(t *testing.T) {
	p, err := Parse(c.in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind() != c.kind || !p.Start().Equal(c.start) || !p.End().Equal(c.end) {
		t.Errorf("Parse(%q) = %v %v..%v, want %v %v..%v", c.in, p.Kind(), p.Start(), p.End(), c.kind, c.start, c.end)
	}
	if back, err := Parse(p.String()); err != nil || back != p {
		t.Errorf("Parse(%q.String() = %q) = %v, %v", c.in, p.String(), back, err)
	}
	if back, err := Parse(p.In(lang.Chinese)); p.Kind() != KindSpan && (err != nil || back != p) {
		t.Errorf("Parse(%q.In(Chinese) = %q) = %v, %v", c.in, p.In(lang.Chinese), back, err)
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []parseCase{
		{"2019", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		{"2019-03", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2020-02", KindMonth, date(2020, 2, 1), date(2020, 2, 29)},
		{"2018-01-01/2019-06-30", KindSpan, date(2018, 1, 1), date(2019, 6, 30)},
		{"2016/2019", KindSpan, date(2016, 1, 1), date(2019, 12, 31)},
		{"2005-/2019", KindCumulative, date(2005, 1, 1), date(2019, 12, 31)},
		{"2017-03-/2019-06", KindCumulative, date(2017, 3, 1), date(2019, 6, 30)},
		{"2019-05-04", KindSpan, date(2019, 5, 4), date(2019, 5, 4)},
		{"~2017/2020", KindUndated, date(2017, 1, 1), date(2020, 12, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.in, tt.check)
	}
	for _, bad := range []string{"", "19", "2019-13", "2019/2018", "2019-02-30", "abcd", "+201", "2019-06-01/2019-05-31", "~2019", "~2005-/2019", "~~2017/2019"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
	if _, err := Parse("2019/2018"); !errors.Is(err, errPeriodOrder) {
		t.Errorf("Parse(2019/2018) error = %v, want errPeriodOrder", err)
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   error
		offset int
	}{
		{"one digit", "0", ErrSyntax, 0},
		{"year 0", "0000", errs.OutOfRange, 0},
		{"a month of year 0", "0000-03", errs.OutOfRange, 0},
		{"a day of year 0", "0000-01-01", errs.OutOfRange, 0},
		{"since 0, one digit", "0-/2019", ErrSyntax, 0},
		{"since year 0", "0000-/2019", errs.OutOfRange, 0},
		{"a span from year 0", "0000/2019", errs.OutOfRange, 0},
		{"a span to year 0", "2019/0000", errs.OutOfRange, 5},
		{"undated from year 0", "~0000/2019", errs.OutOfRange, 1},
		{"undated to year 0", "~2017/0000-12", errs.OutOfRange, 6},
		{"a span from a day of year 0", "0000-01-01/2019-12-31", errs.OutOfRange, 0},
		{"ends before it starts", "2019/2018", errPeriodOrder, 5},
		{"month 13", "2019-13", ErrInvalid, 0},
		{"February 30", "2019-02-30", ErrInvalid, 0},
		{"February 29 of a common year", "2019-02-01/2019-02-29", ErrInvalid, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%q) = %v, %v, want %v", tt.in, p, err, tt.want)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Input != tt.in || se.Offset != tt.offset {
				t.Errorf("Parse(%q) error = %v, want a *SyntaxError at byte %d", tt.in, err, tt.offset)
			}
		})
	}
}

// TestPeriodConstructorsRange checks that the constructors keep to the
// years Parse reads, 1 to 9999: those that return an error refuse
// others with errs.OutOfRange, Year and Month return the zero Period, which
// a ledger refuses.
func TestPeriodConstructorsRange(t *testing.T) {
	zero := []struct {
		name string
		p    Period
	}{
		{"Year(0)", Year(0)},
		{"Year(-1)", Year(-1)},
		{"Year(10000)", Year(10000)},
		{"Month(0, 1)", Month(0, time.January)},
		{"Month(2019, 13)", Month(2019, 13)},
		{"Month(2019, 0)", Month(2019, 0)},
	}
	for _, tt := range zero {
		if !tt.p.IsZero() {
			t.Errorf("%s = %v, want the zero Period", tt.name, tt.p)
		}
	}
	for _, y := range []int{1, 2019, 9999} {
		if p := Year(y); p.IsZero() || p != MustParse(yearString(y)) {
			t.Errorf("Year(%d) = %v, want the year", y, p)
		}
	}
	constructors := []struct {
		name string
		f    func(from, to time.Time) (Period, error)
	}{{"Span", Span}, {"Since", Since}, {"Undated", Undated}}
	for _, c := range constructors {
		for _, span := range [][2]time.Time{
			{date(0, 1, 1), date(2019, 12, 31)},
			{date(-5, 6, 1), date(2019, 12, 31)},
			{date(2019, 1, 1), date(10000, 1, 1)},
		} {
			if p, err := c.f(span[0], span[1]); !errors.Is(err, errs.OutOfRange) {
				t.Errorf("%s(%v, %v) = %v, %v, want errs.OutOfRange", c.name, span[0], span[1], p, err)
			}
		}
		if _, err := c.f(date(1, 1, 1), date(9999, 12, 31)); err != nil {
			t.Errorf("%s(0001-01-01, 9999-12-31) error: %v", c.name, err)
		}
	}
}

func TestPeriodRelations(t *testing.T) {
	y2019 := Year(2019)
	since2017, err := Since(date(2017, 1, 1), date(2019, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if !y2019.Contains(date(2019, 7, 1)) || y2019.Contains(date(2020, 1, 1)) {
		t.Error("Year(2019).Contains is wrong at its edges")
	}
	if !since2017.Covers(y2019) || y2019.Covers(since2017) {
		t.Error("Covers is wrong")
	}
	if !y2019.Overlaps(since2017) || y2019.Overlaps(Year(2020)) {
		t.Error("Overlaps is wrong")
	}
	if _, err := Span(date(2019, 2, 1), date(2019, 1, 31)); !errors.Is(err, errPeriodOrder) {
		t.Errorf("Span ending before it starts: error = %v, want errPeriodOrder", err)
	}
	if !(Period{}).IsZero() || y2019.IsZero() {
		t.Error("IsZero is wrong")
	}
	if Year(2018).Compare(y2019) >= 0 {
		t.Error("Compare does not order 2018 before 2019")
	}
}

func TestEarlyYearsRoundTrip(t *testing.T) {
	// Found by FuzzRead: a year below 1000 must print with four digits.
	for _, s := range []string{"0001", "0019", "0999", "0019-03", "0005-/0019", "~0100/0200"} {
		p, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := Parse(p.String()); err != nil || back != p {
			t.Errorf("Parse(%q).String() = %q, which reads back as %v, %v", s, p.String(), back, err)
		}
	}
}
