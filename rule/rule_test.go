package rule

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func ledger(t *testing.T, records ...outcome.Record) *outcome.Ledger {
	t.Helper()
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province},
		{Code: "433100", Name: lang.Name{Zh: "湘西州"}, Level: outcome.Prefecture, Parent: "430000"},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县"}, Level: outcome.County, Parent: "433100"},
	})
	require.NoError(t, err)
	l, err := outcome.NewLedger(rs,
		outcome.Indicator{Code: "stars", Unit: quantity.Establishment, Aggregation: outcome.Stock},
		outcome.Indicator{Code: "stars-filed", Unit: quantity.Establishment, Aggregation: outcome.Stock},
		outcome.Indicator{Code: "trainees", Unit: quantity.PersonTime, Aggregation: outcome.Flow},
	)
	require.NoError(t, err)
	require.NoError(t, l.Add(records...))
	return l
}

func rec(ind, region string, year int, qty string) outcome.Record {
	return outcome.Record{Indicator: ind, Region: region, Period: period.Year(year), Quantity: quantity.MustParse(qty)}
}

var y2019 = period.Through(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))

func TestOperators(t *testing.T) {
	l := ledger(t, rec("stars", "430000", 2019, "149家"), rec("stars-filed", "430000", 2019, "75家"))
	filed, all := Of("stars-filed", "430000", y2019), Of("stars", "430000", y2019)
	for _, tt := range []struct {
		op   Operator
		want bool
	}{{Equal, false}, {NotEqual, true}, {Less, true}, {LessOrEqual, true}, {Greater, false}, {GreaterOrEqual, false}} {
		o, err := Rule{ID: "r", Left: filed, Op: tt.op, Right: all}.Check(l)
		require.NoError(t, err)
		if o.Holds != tt.want || o.Skipped {
			t.Errorf("75 %v 149: holds %v skipped %v, want %v", tt.op, o.Holds, o.Skipped, tt.want)
		}
	}
	// Sums and constants: 75 + 74 = 149.
	o, _ := Rule{ID: "sum", Left: filed.Plus(Const(decimal.NewFromInt(74))), Op: Equal, Right: all}.Check(l)
	if !o.Holds || !o.Left.Value.Equal(decimal.NewFromInt(149)) {
		t.Errorf("75 + 74 = 149: %v", o)
	}
}

// A rule decides from the bounds of its sides: it holds, or is violated,
// only when every value the qualifiers allow says so, and is undecided,
// not violated, when they allow both.
func TestQualifiersDecideRules(t *testing.T) {
	filed, all := Of("stars-filed", "430000", y2019), Of("stars", "430000", y2019)
	for _, tt := range []struct {
		filed, all string
		op         Operator
		holds      string // "yes", "no" or "?"
	}{
		{"不到60家", "50余家", LessOrEqual, "?"}, // below 60 against above 50, below 60
		{"50家", "近50家", LessOrEqual, "no"},  // 50 against below 50
		{"近50家", "50家", LessOrEqual, "yes"},
		{"近50家", "50家", Less, "yes"},
		{"50余家", "50家", Greater, "yes"},
		{"50余家", "60家", LessOrEqual, "yes"}, // 50余 is below 60
		{"50余家", "55家", LessOrEqual, "?"},
		{"50家以上", "50家", Equal, "?"},
		{"50家以上", "49家", Equal, "no"},
		{"50家以上", "49家", NotEqual, "yes"},
		{"约50家", "49家", GreaterOrEqual, "?"},
		{"75家", "149家", LessOrEqual, "yes"},
	} {
		l := ledger(t, rec("stars", "430000", 2019, tt.all), rec("stars-filed", "430000", 2019, tt.filed))
		o, err := Rule{ID: "r", Left: filed, Op: tt.op, Right: all, Severity: Critical}.Check(l)
		require.NoError(t, err)
		got := "?"
		switch {
		case o.Holds && !o.Undecided:
			got = "yes"
		case o.Violated():
			got = "no"
		case !o.Undecided:
			t.Errorf("%s %v %s: neither holds, violated nor undecided: %+v", tt.filed, tt.op, tt.all, o)
		}
		if got != tt.holds {
			t.Errorf("%s %v %s = %s, want %s", tt.filed, tt.op, tt.all, got, tt.holds)
		}
	}
}

func TestViolationShowsRecords(t *testing.T) {
	// 004_32acad38fe6c52df.txt §二(三)二是 [14]: 75 filed of 149; a ledger with
	// more filed than built is caught, with the records on both sides.
	l := ledger(t, rec("stars", "430000", 2019, "149家"), rec("stars-filed", "430000", 2019, "175家"))
	o, err := Rule{ID: "filed-le-total", Left: Of("stars-filed", "430000", y2019), Op: LessOrEqual, Right: Of("stars", "430000", y2019), Severity: Critical}.Check(l)
	require.NoError(t, err)
	if !o.Violated() || len(o.Left.Records) != 1 || len(o.Right.Records) != 1 || !o.Left.Records[0].Quantity.Value().Equal(decimal.NewFromInt(175)) {
		t.Errorf("outcome = %v with records %v / %v", o, o.Left.Records, o.Right.Records)
	}
}

func TestMissingPolicy(t *testing.T) {
	l := ledger(t, rec("stars", "430000", 2019, "149家"))
	r := Rule{ID: "m", Left: Of("stars-filed", "430000", y2019), Op: GreaterOrEqual, Right: Of("stars", "430000", y2019)}
	for _, tt := range []struct {
		policy  Missing
		skipped bool
		holds   bool
	}{{SkipIfAnyMissing, true, false}, {SkipIfAllMissing, false, false}, {NeverSkip, false, false}} {
		r.Missing = tt.policy
		o, err := r.Check(l)
		require.NoError(t, err)
		if o.Skipped != tt.skipped || !o.Skipped && o.Holds != tt.holds {
			t.Errorf("%v: skipped %v holds %v, want %v %v", tt.policy, o.Skipped, o.Holds, tt.skipped, tt.holds)
		}
	}
	empty := ledger(t)
	r.Missing = SkipIfAllMissing
	if o, _ := r.Check(empty); !o.Skipped {
		t.Error("skip if all missing: a ledger with neither side did not skip")
	}
	r.Missing = NeverSkip
	if o, _ := r.Check(empty); o.Skipped || !o.Holds {
		t.Error("never skip: 0 ≥ 0 must be checked and hold")
	}
}

func TestSubset(t *testing.T) {
	// The county's own figure may not exceed its province's.
	l := ledger(t, rec("stars", "433122", 2019, "20家"), rec("stars", "430000", 2019, "10家"))
	o, err := Subset("county-le-province", lang.Name{}, "stars", "433122", "430000", y2019).Check(l)
	if err != nil || !o.Violated() {
		t.Errorf("20 in a county of a province with 10: %v, %v; want a violation", o, err)
	}
}

func TestCheckErrors(t *testing.T) {
	l := ledger(t)
	for _, tt := range []struct {
		name string
		r    Rule
		want error
	}{
		{"unknown indicator", Rule{ID: "x", Left: Of("nope", "430000", y2019), Op: Equal, Right: Const(decimal.Zero)}, outcome.ErrUnknownIndicator},
		{"unknown region", Rule{ID: "x", Left: Of("stars", "110000", y2019), Op: Equal, Right: Const(decimal.Zero)}, outcome.ErrUnknownRegion},
		{"persons and person-times", Rule{ID: "x", Left: Of("stars", "430000", y2019), Op: Equal, Right: Of("trainees", "430000", y2019)}, outcome.ErrUnitMismatch},
		{"no operator", Rule{ID: "x", Left: Of("stars", "430000", y2019), Right: Const(decimal.Zero)}, ErrRule},
	} {
		if _, err := tt.r.Check(l); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}
