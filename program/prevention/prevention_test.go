package prevention_test

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/prevention"
	"github.com/taizhang/taizhang/target"
)

// line is the seed's poverty line: 004_32acad38fe6c52df.txt §三(一) [20],
// 「以人均年收入2300元作为绝对贫困线」.
const line = 2300

func household(members int, wage int64) prevention.Household {
	h := prevention.Household{ID: "h", Village: "433122100201", Members: members}
	h.Income[prevention.Wage] = prevention.Yuan(wage)
	return h
}

func TestClassify(t *testing.T) {
	var pol prevention.Policy
	medical := household(3, 3*line*2)
	medical.Expenditure[prevention.Medical] = prevention.Yuan(30000)
	medical.Expenditure[prevention.Other] = prevention.Yuan(5000)
	shockCovered := household(3, 3*line*2)
	shockCovered.Expenditure[prevention.Medical] = prevention.Yuan(2000)
	transferOnly := prevention.Household{ID: "t", Village: "433122100201", Members: 2}
	transferOnly.Income[prevention.Transfer] = prevention.Yuan(2 * 4000)
	below := household(2, 2*line)
	below.Income[prevention.Wage] -= prevention.Yuan(1)
	tests := []struct {
		name  string
		h     prevention.Household
		class prevention.Class
		why   prevention.Reason
	}{
		{"exactly at the line is not below it", household(2, 2*line), prevention.Latent, prevention.WithinBand},
		{"one yuan below the line", below, prevention.Absolute, prevention.BelowLine},
		{"above the line but no safe housing", household(2, 2*line*3).Fails(prevention.SafeHousing), prevention.Absolute, prevention.NeedUnmet},
		{"below the line and no drinking water", household(1, 1000).Fails(prevention.SafeDrinkingWater), prevention.Absolute, prevention.BelowLine | prevention.NeedUnmet},
		{"income below expenditure after a medical shock", medical, prevention.Secondary, prevention.ShockOverflow},
		{"a shock the income covers", shockCovered, prevention.NotAtRisk, 0},
		{"inside the band (1.49 times the line)", household(1, line*149/100), prevention.Latent, prevention.WithinBand},
		{"at the band's edge (1.5 times) is outside it", household(1, line*3/2), prevention.NotAtRisk, 0},
		{"one member, well above", household(1, 9000), prevention.NotAtRisk, 0},
		{"one member, below", household(1, 2299), prevention.Absolute, prevention.BelowLine},
		{"transfer income only", transferOnly, prevention.NotAtRisk, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, why, err := pol.Classify(tt.h, 2019)
			require.NoError(t, err)
			if c != tt.class || why != tt.why {
				t.Errorf("Classify = %v (%v), want %v (%v)", c, why, tt.class, tt.why)
			}
		})
	}
}

func TestPolicyParameters(t *testing.T) {
	h := household(1, 3000)
	// A line in current prices for 2020.
	pol := prevention.Policy{Lines: map[int]prevention.Money{2020: prevention.Yuan(4000)}}
	if c, _, _ := pol.Classify(h, 2019); c != prevention.Latent {
		t.Errorf("2019 with the default line: %v, want latent", c)
	}
	if c, _, _ := pol.Classify(h, 2020); c != prevention.Absolute {
		t.Errorf("2020 with a 4000-yuan line: %v, want absolute", c)
	}
	// A narrower band and no shocks.
	narrow := prevention.Policy{Band: decimal.RequireFromString("0.2"), Shocks: []prevention.Expense{}}
	if c, _, _ := narrow.Classify(household(1, line*13/10), 2019); c != prevention.NotAtRisk {
		t.Errorf("1.3 times the line with a 20%% band: %v, want not at risk", c)
	}
	bad := prevention.Policy{Shocks: []prevention.Expense{prevention.Other}}
	if _, _, err := bad.Classify(h, 2019); err == nil {
		t.Error("other spending as a shock: want an error")
	}
}

func regions(t *testing.T) *outcome.RegionSet {
	t.Helper()
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县"}, Level: outcome.County, Parent: "430000"},
		{Code: "433122100201", Name: lang.Name{Zh: "甲村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433122100202", Name: lang.Name{Zh: "乙村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433122100203", Name: lang.Name{Zh: "丙村"}, Level: outcome.Village, Parent: "433122"},
	})
	require.NoError(t, err)
	return rs
}

func TestScreenBadDataGoesOn(t *testing.T) {
	negative := household(2, 9000)
	negative.ID, negative.Income[prevention.Property] = "neg", -prevention.Yuan(5)
	none := household(0, 9000)
	none.ID = "none"
	elsewhere := household(2, 9000)
	elsewhere.ID, elsewhere.Village = "far", "110101001001"
	good := household(2, 100)
	tally, err := prevention.Screening{Year: 2019, Regions: regions(t)}.Run(slices.Values([]prevention.Household{negative, good, none, elsewhere}))
	var fields []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var he *prevention.HouseholdError
		if errors.As(e, &he) {
			fields = append(fields, he.ID+" "+he.Field)
		}
	}
	slices.Sort(fields)
	if diff := cmp.Diff([]string{"far village", "neg property", "none members"}, fields); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if n, p := tally.Total(prevention.Absolute); n != 1 || p != 2 {
		t.Errorf("absolute poor: %d households, %d persons; want the one good household, 2 persons", n, p)
	}
}

func TestScreeningFeedsTheLedger(t *testing.T) {
	rs := regions(t)
	hs := []prevention.Household{household(3, 9000*3), household(2, 1000), household(4, 9000*4)}
	hs[1].Village, hs[2].Village = "433122100202", "433122100203"
	tally, err := prevention.Screening{Year: 2019, Regions: rs}.Run(slices.Values(hs))
	require.NoError(t, err)
	l, err := outcome.NewLedger(rs, prevention.Indicators()...)
	require.NoError(t, err)
	require.NoError(t, l.Add(tally.Records(period.Year(2019), outcome.Cite("screening", "", ""))...))
	r, err := prevention.NoAbsolutePoverty("433122", time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)).Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	res := r.Results[0]
	// One village has an absolutely poor household: above the range 0—0.
	if res.Status != target.Exceeded || res.Covered != 2 || res.Shortfall.Len() != 1 || res.Shortfall.At(0).Region.Code != "433122100202" ||
		res.Shortfall.At(0).Kind != target.GapAbove || !res.Shortfall.At(0).Excess.Equal(decimal.NewFromInt(1)) {
		t.Errorf("no-absolute-poverty: %v %d covered, shortfall %v", res.Status, res.Covered, slices.Collect(res.Shortfall.All()))
	}
}

func TestCSVRoundTrip(t *testing.T) {
	villages := []string{"433122100201", "433122100202"}
	want := slices.Collect(prevention.Generate(villages, 50, 7))
	var b bytes.Buffer
	require.NoError(t, prevention.WriteCSV(&b, slices.Values(want)))
	var got []prevention.Household
	for h, err := range prevention.ReadCSV(&b, "households.csv") {
		require.NoError(t, err)
		got = append(got, h)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CSV round trip (-want +got):\n%s", diff)
	}
	if again := slices.Collect(prevention.Generate(villages, 50, 7)); !slices.Equal(want, again) {
		t.Error("Generate is not deterministic")
	}
}

func TestReadCSVErrors(t *testing.T) {
	in := "id,village,members,wage,operating,property,transfer,medical,education,disaster,other,unmet\n" +
		"a,433122100201,2,5000,0,0,0,0,0,0,1000,\n" +
		"b,433122100201,x,5000,0,0,0,0,0,0,1000,\n" +
		"c,433122100201,2,-5,0,0,0,0,0,0,1000,\n" +
		"d,433122100201,2,5000,0,0,0,0,0,0,1000,飞行\n" +
		"e,433122100201,2,5000,0,0,0,0,0,0,1000,住房安全有保障;food\n"
	var ok []string
	var bad []string
	for h, err := range prevention.ReadCSV(bytes.NewBufferString(in), "f.csv") {
		var he *prevention.HouseholdError
		switch {
		case errors.As(err, &he):
			bad = append(bad, he.ID+" "+he.Field)
		case err != nil:
			t.Fatal(err)
		default:
			ok = append(ok, h.ID)
		}
	}
	if diff := cmp.Diff([]string{"a", "e"}, ok); diff != "" {
		t.Errorf("households read (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b members", "c wage", "d unmet"}, bad); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestParseMoney(t *testing.T) {
	for in, want := range map[string]prevention.Money{
		"2300": 230000, "2299.5": 229950, "0.05": 5, " 12 ": 1200, "-3": -300, "+3": 300, ".5": 50, "007": 700,
		"92233720368547758.07": math.MaxInt64, "-92233720368547758.07": -math.MaxInt64,
	} {
		if got, err := prevention.ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{
		"", "abc", "1.234", "1.", ".", "-", "五百", "1,000", "1 000", "--1",
		"1e3", "1E3", "000E0000100000000", "1e-2", // exponent notation
		"92233720368547758.08", "100000000000000000", "99999999999999999999", // beyond int64: no wrapping
	} {
		if m, err := prevention.ParseMoney(bad); !errors.Is(err, outcome.ErrSyntax) {
			t.Errorf("ParseMoney(%q) = %v, %v; want ErrSyntax", bad, m, err)
		}
	}
}

// TestParseMoneyExponentIsQuick checks that an exponent of a hundred
// million, found by fuzzing, is refused at once: it was read as 10^100000000
// yuan, which took until the process was killed.
func TestParseMoneyExponentIsQuick(t *testing.T) {
	done := make(chan error, 1)
	go func() {
		_, err := prevention.ParseMoney("000E0000100000000")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, outcome.ErrSyntax) {
			t.Errorf("ParseMoney(000E0000100000000) error = %v, want ErrSyntax", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ParseMoney(000E0000100000000) runs on")
	}
}

// plainAmount is the syntax ParseMoney reads.
var plainAmount = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]{1,2})?|\.[0-9]{1,2})$`)

// FuzzParseMoney checks ParseMoney against its specification, computed
// with math/big: an amount is taken exactly when it is written as a plain
// decimal of at most two decimals and fits Money, and then it is that
// amount, and writes back to itself.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"2300", "2299.5", "-3", ".05", "1e3", "1.234", "92233720368547758.07", "92233720368547758.08", " 12 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := prevention.ParseMoney(s)
		trimmed := strings.TrimSpace(s)
		var want *big.Int
		if plainAmount.MatchString(trimmed) {
			whole, frac, _ := strings.Cut(strings.TrimLeft(trimmed, "+-"), ".")
			want, _ = new(big.Int).SetString(whole+frac+"00"[len(frac):], 10)
			if strings.HasPrefix(trimmed, "-") {
				want.Neg(want)
			}
			if want.CmpAbs(big.NewInt(math.MaxInt64)) > 0 {
				want = nil // beyond Money
			}
		}
		switch {
		case want == nil && err == nil:
			t.Fatalf("ParseMoney(%q) = %v, want an error", s, m)
		case want == nil && !errors.Is(err, outcome.ErrSyntax):
			t.Fatalf("ParseMoney(%q) error = %v, want ErrSyntax", s, err)
		case want != nil && err != nil:
			t.Fatalf("ParseMoney(%q) error = %v, want %v fen", s, err, want)
		case want != nil && int64(m) != want.Int64():
			t.Fatalf("ParseMoney(%q) = %d fen, want %v", s, int64(m), want)
		}
		if err == nil {
			if back, err := prevention.ParseMoney(m.String()); err != nil || back != m {
				t.Fatalf("ParseMoney(%q) = %v, %v; want %v back", m.String(), back, err, m)
			}
		}
	})
}
