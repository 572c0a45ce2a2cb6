package outcome

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func TestFastPeriodsAgree(t *testing.T) {
	// The CSV fast paths must give exactly what period.Parse gives.
	for _, s := range []string{"1900", "1970", "2000", "2019", "2100", "0001", "9999",
		"2019-01-01/2019-12-31", "2020-02-29/2020-03-01", "1999-12-31/2000-01-01", "1969-06-15/1970-01-02", "2016-03-05/2016-03-05"} {
		want, err := period.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parsePeriodBytes([]byte(s))
		if err != nil || got != want {
			t.Errorf("parsePeriodBytes(%q) = %v %v, want %v", s, got, err, want)
		}
	}
	for _, bad := range []string{"2019-02-29/2019-03-01", "2019-13-01/2019-12-31", "2019-12-31/2019-01-01", "2019-00-10/2019-01-01",
		"0000", "0000-01-01/2019-12-31", "2019-01-01/0000-12-31"} {
		if _, err := parsePeriodBytes([]byte(bad)); err == nil {
			t.Errorf("parsePeriodBytes(%q) gave no error", bad)
		}
	}
}

// FuzzParsePeriodBytes checks that the CSV reader's periods are
// period.Parse's: the same period, or an error where it gives one.
func FuzzParsePeriodBytes(f *testing.F) {
	for _, s := range []string{"2019", "2019-03", "2019Q1", "2019H2", "2019年第一季度", "2019年上半年", "2019.01.01-2019.03.31",
		"2019年1—3月", "2005-/2019", "~2017/2020", "2019/03", "２０１９年３月", "2019年1月-2020年6月",
		"2016-03-05", "0000-01-01", "2019-02-29", "2020-02-29", "2019-13-01", "+019-01-01", "2019-01-01/2019-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := period.Parse(s)
		got, berr := parsePeriodBytes([]byte(s))
		switch {
		case err != nil && berr == nil:
			t.Fatalf("parsePeriodBytes(%q) = %v, want an error as period.Parse's, %v", s, got, err)
		case err == nil && (berr != nil || got != p):
			t.Fatalf("parsePeriodBytes(%q) = %v, %v, want %v", s, got, berr, p)
		}
	})
}

func TestIndicatorReportedQuarterly(t *testing.T) {
	for _, tt := range []struct {
		k             period.Kind
		years, months int
	}{{0, 1, 0}, {period.KindYear, 1, 0}, {period.KindHalfYear, 0, 6}, {period.KindQuarter, 0, 3}, {period.KindMonth, 0, 1}} {
		ind := Indicator{Code: "training", Unit: quantity.Session, Aggregation: Flow, Reported: tt.k}
		if err := ind.Validate(); err != nil {
			t.Errorf("reported %v: %v", tt.k, err)
		}
		if y, m := ind.Every(); y != tt.years || m != tt.months {
			t.Errorf("reported %v: Every() = %d, %d, want %d, %d", tt.k, y, m, tt.years, tt.months)
		}
	}
	if err := (Indicator{Code: "x", Unit: quantity.Session, Aggregation: Flow, Reported: period.KindSpan}).Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("reported as a span: error = %v, want ErrInvalid", err)
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// errPeriodOrder is package period's reason for a period that ends before
// it starts, which errors about such a period in a ledger file wrap.
var errPeriodOrder = func() error {
	_, err := period.Parse("2019/2018")
	var se *SyntaxError
	if !errors.As(err, &se) {
		panic("period.Parse(\"2019/2018\") gave no SyntaxError")
	}
	return se.Err
}()

// The reasons package quantity gives, which errors about a figure in a
// ledger file wrap.
var (
	errNotANumber = func() error {
		_, err := quantity.Parse("数十名")
		var se *SyntaxError
		if !errors.As(err, &se) {
			panic("quantity.Parse(\"数十名\") gave no SyntaxError")
		}
		return se.Err
	}()
	errRangeOrder = quantity.Between(decimal.NewFromInt(5), decimal.NewFromInt(3), quantity.Person).Validate()
)

// qualifierEnd is the first qualifier value that is none: every valid
// qualifier is less.
var qualifierEnd = func() quantity.Qualifier {
	q := quantity.Qualifier(1)
	for q.IsValid() {
		q <<= 1
	}
	return q
}()
