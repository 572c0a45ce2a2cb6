package period

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/taizhang/taizhang/internal/errs"
	"github.com/taizhang/taizhang/lang"
)

// TestParsePeriodOffice reads periods as offices write them (issue 15 item
// 5), and checks that each prints as a form that reads back the same.
func TestParsePeriodOffice(t *testing.T) {
	tests := []parseCase{
		{"2019年", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		{"2019年度", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		{"2019年全年", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		{"２０１９年", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		{"2019年3月", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2019年03月", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"２０１９年３月", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2019/03", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2019/3", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2019.03", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2019.3", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2019-3", KindMonth, date(2019, 3, 1), date(2019, 3, 31)},
		{"2020/02", KindMonth, date(2020, 2, 1), date(2020, 2, 29)},
		{"2019年3月5日", KindSpan, date(2019, 3, 5), date(2019, 3, 5)},
		{"2019/3/5", KindSpan, date(2019, 3, 5), date(2019, 3, 5)},
		{"2019.03.05", KindSpan, date(2019, 3, 5), date(2019, 3, 5)},
		{"2019Q1", KindQuarter, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019q2", KindQuarter, date(2019, 4, 1), date(2019, 6, 30)},
		{"2019-Q3", KindQuarter, date(2019, 7, 1), date(2019, 9, 30)},
		{"2019 Q4", KindQuarter, date(2019, 10, 1), date(2019, 12, 31)},
		{"2019年第一季度", KindQuarter, date(2019, 1, 1), date(2019, 3, 31)},
		// As of a year's end: the year, whose last day a stock is as of.
		{"2019年底", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		{"2019年末", KindYear, date(2019, 1, 1), date(2019, 12, 31)},
		// 截至: a running total as of a day, since a day not stated; a
		// stock's figure as of that day all the same.
		{"截至2019年底", KindCumulative, date(1, 1, 1), date(2019, 12, 31)},
		{"截止2019年6月", KindCumulative, date(1, 1, 1), date(2019, 6, 30)},
		{"-/2019", KindCumulative, date(1, 1, 1), date(2019, 12, 31)},
		{"2019年前三季度", KindSpan, date(2019, 1, 1), date(2019, 9, 30)},
		// The forms In writes in Chinese read back.
		{"2016年以来(截至2019年)", KindCumulative, date(2016, 1, 1), date(2019, 12, 31)},
		{"2016年以来（截至2019年6月）", KindCumulative, date(2016, 1, 1), date(2019, 6, 30)},
		{"未注明时间(2011年—2019年)", KindUndated, date(2011, 1, 1), date(2019, 12, 31)},
		{"2019年第二季度", KindQuarter, date(2019, 4, 1), date(2019, 6, 30)},
		{"2019年三季度", KindQuarter, date(2019, 7, 1), date(2019, 9, 30)},
		{"2019年第4季度", KindQuarter, date(2019, 10, 1), date(2019, 12, 31)},
		{"2019年1季度", KindQuarter, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019H1", KindHalfYear, date(2019, 1, 1), date(2019, 6, 30)},
		{"2019-H2", KindHalfYear, date(2019, 7, 1), date(2019, 12, 31)},
		{"2019年上半年", KindHalfYear, date(2019, 1, 1), date(2019, 6, 30)},
		{"2019年下半年", KindHalfYear, date(2019, 7, 1), date(2019, 12, 31)},
		{"2019.01.01-2019.03.31", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019/01/01-2019/03/31", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019.01.01—2019.03.31", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019年1月1日至2019年3月31日", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019年1—3月", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019年1-3月", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019年1–3月", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019年1——6月", KindSpan, date(2019, 1, 1), date(2019, 6, 30)},
		{"2019年1月-3月", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
		{"2019年1月至6月", KindSpan, date(2019, 1, 1), date(2019, 6, 30)},
		{"2019年1月-2020年6月", KindSpan, date(2019, 1, 1), date(2020, 6, 30)},
		{"2019年11月-2020年2月", KindSpan, date(2019, 11, 1), date(2020, 2, 29)},
		{"2019Q1-2019Q2", KindSpan, date(2019, 1, 1), date(2019, 6, 30)},
		{"2016-2019", KindSpan, date(2016, 1, 1), date(2019, 12, 31)},
		{"2016年-2019年", KindSpan, date(2016, 1, 1), date(2019, 12, 31)},
		{"2016年至2019年", KindSpan, date(2016, 1, 1), date(2019, 12, 31)},
		{"2019.01.01/2019.03.31", KindSpan, date(2019, 1, 1), date(2019, 3, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.in, tt.check)
	}
}

// Every period In writes in Chinese reads back as itself.
func TestPeriodInChineseReadsBack(t *testing.T) {
	for _, p := range []Period{Year(2019), Month(2019, 3), Quarter(2019, 2), HalfYear(2019, 2),
		MustParse("2018-01-01/2019-06-30"), MustParse("2005-/2019"), MustParse("2016-03-/2019-06"),
		MustParse("~2011/2019"), MustParse("-/2019-06"), MustParse("2019-03-05"), MustParse("2005-03-05-/2019-06-30")} {
		zh := p.In(lang.Chinese)
		if strings.ContainsAny(zh, "-") && p.Kind() != KindSpan {
			t.Errorf("%v: In(Chinese) = %q, a date written as files write it", p, zh)
		}
		back, err := Parse(zh)
		if err != nil || !back.Equal(p) {
			t.Errorf("%v: In(Chinese) = %q, which reads as %v, %v", p, zh, back, err)
		}
	}
}

func TestParsePeriodOfficeErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"2019年13月", ErrInvalid}, // a month or day the calendar does not have
		{"2019/13", ErrInvalid},  // a month or day the calendar does not have
		{"2019Q5", ErrSyntax},
		{"2019Q0", ErrSyntax},
		{"2019H3", ErrSyntax},
		{"2019年第五季度", ErrSyntax},
		{"2019年中半年", ErrSyntax},
		{"2019年2月30日", ErrInvalid}, // a month or day the calendar does not have
		{"2019.02.30", ErrInvalid}, // a month or day the calendar does not have
		{"2019/3/", ErrSyntax},
		{"2019/03.05", ErrSyntax},
		{"19年", ErrSyntax},
		{"20190年", ErrSyntax},
		{"3月", ErrSyntax},
		{"2019年3—1月", errPeriodOrder},
		{"2019.03.31-2019.01.01", errPeriodOrder},
		{"0000年", errs.OutOfRange},
		{"0000Q1", errs.OutOfRange},
		{"2019年1—", ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := Parse(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%q) = %v, %v, want %v", tt.in, p, err, tt.want)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Input != tt.in {
				t.Errorf("Parse(%q) error = %v, want a *SyntaxError", tt.in, err)
			}
			if tt.want == ErrSyntax {
				for _, form := range []string{"2019年3月", "2019Q1", "2019年上半年", "2019.01.01-2019.03.31"} {
					if !strings.Contains(err.Error(), form) {
						t.Errorf("Parse(%q) error %q does not list the form %s", tt.in, err, form)
					}
				}
			}
		})
	}
}

func TestQuarterAndHalfYear(t *testing.T) {
	tests := []struct {
		p              Period
		str, zh, en    string
		start, end     time.Time
		kind, kindText string
	}{
		{Quarter(2019, 1), "2019Q1", "2019年第一季度", "Q1 2019", date(2019, 1, 1), date(2019, 3, 31), "季度", "quarter"},
		{Quarter(2020, 4), "2020Q4", "2020年第四季度", "Q4 2020", date(2020, 10, 1), date(2020, 12, 31), "季度", "quarter"},
		{HalfYear(2019, 1), "2019H1", "2019年上半年", "H1 2019", date(2019, 1, 1), date(2019, 6, 30), "半年", "half-year"},
		{HalfYear(2019, 2), "2019H2", "2019年下半年", "H2 2019", date(2019, 7, 1), date(2019, 12, 31), "半年", "half-year"},
	}
	for _, tt := range tests {
		t.Run(tt.str, func(t *testing.T) {
			if got := tt.p.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := tt.p.In(lang.Chinese); got != tt.zh {
				t.Errorf("In(Chinese) = %q, want %q", got, tt.zh)
			}
			if got := tt.p.In(lang.English); got != tt.en {
				t.Errorf("In(English) = %q, want %q", got, tt.en)
			}
			if !tt.p.Start().Equal(tt.start) || !tt.p.End().Equal(tt.end) {
				t.Errorf("%v..%v, want %v..%v", tt.p.Start(), tt.p.End(), tt.start, tt.end)
			}
			k := tt.p.Kind()
			if k.String() != tt.kind || k.Name().In(lang.English) != tt.kindText {
				t.Errorf("kind %q %q, want %q %q", k.String(), k.Name().In(lang.English), tt.kind, tt.kindText)
			}
			text, err := k.MarshalText()
			if err != nil || string(text) != tt.kindText {
				t.Errorf("MarshalText = %q, %v, want %q", text, err, tt.kindText)
			}
			for _, in := range []string{tt.kindText, tt.kind} {
				var back Kind
				if err := back.UnmarshalText([]byte(in)); err != nil || back != k {
					t.Errorf("UnmarshalText(%q) = %v, %v, want %v", in, back, err, k)
				}
			}
			pt, err := tt.p.MarshalText()
			var back Period
			if err != nil || back.UnmarshalText(pt) != nil || back != tt.p {
				t.Errorf("Period text round trip: %q, %v → %v", pt, err, back)
			}
		})
	}
	for _, z := range []Period{Quarter(2019, 0), Quarter(2019, 5), Quarter(0, 1), HalfYear(2019, 3), HalfYear(10000, 1)} {
		if !z.IsZero() {
			t.Errorf("%v: want the zero Period", z)
		}
	}
}

// TestParsePeriodKeepsISO checks that the office forms take no meaning from
// the forms files were already written in.
func TestParsePeriodKeepsISO(t *testing.T) {
	for _, s := range []string{"2019", "2019-03", "2016/2019", "2018-01-01/2019-06-30", "2005-/2019", "~2017/2020", "2019-05-04"} {
		want, err := parseISOPeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := MustParse(s); got != want {
			t.Errorf("Parse(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2019", "2019-03", "2019Q1", "2019H2", "2019年第一季度", "2019年上半年", "2019.01.01-2019.03.31",
		"2019年1—3月", "2005-/2019", "~2017/2020", "2019/03", "２０１９年３月", "2019年1月-2020年6月"} {
		f.Add(s)
	}
	for _, s := range []string{"2016-03-05", "0000-01-01", "2019-02-29", "2020-02-29", "2019-13-01", "+019-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		if p.IsZero() || !p.inRange() || p.end < p.start {
			t.Fatalf("Parse(%q) = %#v", s, p)
		}
		back, err := Parse(p.String())
		if err != nil || back != p {
			t.Fatalf("Parse(%q) = %v; its String %q reads back as %v, %v", s, p, p.String(), back, err)
		}
		var bin Period
		if b, _ := p.MarshalBinary(); bin.UnmarshalBinary(b) != nil || bin != p {
			t.Fatalf("Parse(%q) = %v; its binary form reads back as %v", s, p, bin)
		}
	})
}

// TestParsePeriodNoSuchDay checks that a month or day the calendar does not
// have is named as such, not called malformed with the forms listed: the
// form is right, the number is not.
func TestParsePeriodNoSuchDay(t *testing.T) {
	for in, want := range map[string]string{
		"2019-13":               "no month 13: months are 1 to 12",
		"2019年13月":              "no month 13: months are 1 to 12",
		"2019-02-29":            "no day 29 in 2019-02, which has 28 days",
		"2019年4月31日":            "no day 31 in 2019-04, which has 30 days",
		"2019.01.01-2019.02.30": "no day 30 in 2019-02, which has 28 days",
	} {
		_, err := Parse(in)
		if err == nil || !strings.HasSuffix(err.Error(), want) || !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q) = %v, want ErrInvalid ending %q", in, err, want)
		}
	}
}
