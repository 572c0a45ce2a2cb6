package target

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// roundTrip marshals r, unmarshals it and marshals it again: the two JSON
// texts must be equal.
func roundTrip(t *testing.T, r Result) Result {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal(%s, %v, %v): %v", r.ID, r.Kind, r.Status, err)
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", b, err)
	}
	again, err := json.Marshal(back)
	if err != nil {
		t.Fatalf("json.Marshal(read back %s): %v", b, err)
	}
	if diff := cmp.Diff(string(b), string(again)); diff != "" {
		t.Fatalf("%s, %v, %v: marshal, unmarshal, marshal mismatch (-first +second):\n%s", r.ID, r.Kind, r.Status, diff)
	}
	return back
}

// TestResultJSONRoundTrip checks that UnmarshalJSON reads what
// MarshalJSON writes, for results of every kind and status: made by hand
// with every field set, and evaluated.
func TestResultJSONRoundTrip(t *testing.T) {
	seen := map[[2]string]bool{}
	check := func(r Result) {
		t.Helper()
		back := roundTrip(t, r)
		seen[[2]string{r.Kind.String(), r.Status.String()}] = true
		if back.Kind != r.Kind || back.Status != r.Status || back.Certainty != r.Certainty || back.Certain() != r.Certain() {
			t.Errorf("%s reads back as %v, %v, %v; want %v, %v, %v", r.ID, back.Kind, back.Status, back.Certainty, r.Kind, r.Status, r.Certainty)
		}
		if back.Shortfall.Len() != r.Shortfall.Len() || back.Shortfall.Counts() != r.Shortfall.Counts() {
			t.Errorf("%s: shortfall reads back as %d gaps %+v, want %d %+v", r.ID, back.Shortfall.Len(), back.Shortfall.Counts(), r.Shortfall.Len(), r.Shortfall.Counts())
		}
		if data := r.Status != NoData && r.Status != NotStarted; data && !cmp.Equal(back.Bounds, r.Bounds) && !(r.Bounds.IsExact() && back.Bounds.IsExact()) {
			t.Errorf("%s: bounds read back as %+v, want %+v", r.ID, back.Bounds, r.Bounds)
		}
	}

	// By hand: every kind with every status, and the paces, gap kinds and
	// bounds in turn.
	gaps := GapList(
		Gap{Region: outcome.Region{Code: "433122100201", Name: lang.Name{Zh: "甲村", En: "A"}}, Kind: GapNoRecord, Lacks: d("3")},
		Gap{Region: outcome.Region{Code: "433122100202"}, Kind: GapBelow, Has: d("1.5"), Lacks: d("1.5")},
		Gap{Region: outcome.Region{Code: "433122100203"}, Kind: GapAbove, Has: d("7"), Excess: d("2")},
		Gap{Region: outcome.Region{Code: "433130100201"}, Kind: GapUndecided, Has: d("3"), Lacks: d("0")},
		Gap{Region: outcome.Region{Code: "433130100202"}, Kind: GapUndecided, Has: d("0"), Max: d("5"), Lacks: d("2")}, // 0—5: a record across the edge
	)
	bounds := []quantity.Bounds{quantity.Exactly(d("12")), {Lo: d("12"), HasLo: true, LoOpen: true},
		{Hi: d("12"), HasHi: true, HiOpen: true},
		{Lo: d("10"), Hi: d("12.5"), HasLo: true, HasHi: true},
		{},
	}
	i := 0
	for k := KindAtLeast; int(k) < len(kindNames); k++ {
		for s := NoData; int(s) < len(statusNames); s++ {
			i++
			r := Result{
				ID: "r", Name: lang.Name{Zh: "目标", En: "target"}, Kind: k, Indicator: "commissioners", Status: s,
				Certainty: quantity.Certainty(i % 4), Required: quantity.MustParse("5000余名"), Achieved: quantity.Int(int64(i), quantity.Person),
				Records: i, DataAsOf: date(2019, 12, 31), Stale: i%2 == 0, Deadline: end2020,
				Source: outcome.Cite("004_32acad38fe6c52df.txt", "一(四)一是", "[4]"), Bounds: bounds[i%len(bounds)],
				Progress: d("0.123456789012"), Expected: d("0.75"), Pace: Pace(i % len(paceNames)),
				Notes: []lang.Name{{Zh: "注", En: "a note"}},
			}
			if r.Pace == PaceUnknown {
				r.Expected = d("0")
			}
			switch k {
			case KindCoverage, KindEachInRange:
				r.PerUnit, r.Covered, r.Units, r.Listed, r.Shortfall = quantity.MustParse("3—5名"), 1, 5, i%2 == 0, gaps
				r.Bounds = quantity.Exactly(d("1"))
				if i%3 == 0 {
					r.Bounds = quantity.Bounds{Lo: d("1"), Hi: d("2"), HasLo: true, HasHi: true}
				}
			case KindReduction:
				r.Baseline = quantity.MustParse("9899万人")
			case KindAllOf:
				r.Parts = []Result{
					{ID: "p1", Kind: KindAtLeast, Status: Met, Required: quantity.Int(1, quantity.Piece), Achieved: quantity.Int(2, quantity.Piece), Bounds: quantity.Exactly(d("2")), Progress: d("2")},
					{ID: "p2", Kind: KindObserve, Status: NoData},
				}
			}
			check(r)
		}
	}

	// Evaluated: every kind on a random national ledger, as of several
	// dates.
	whole, _ := shardedLedger(t, rand.New(rand.NewPCG(5, 3)), 4, nil)
	villages := AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "")
	targets := []Target{
		AtLeast("training", lang.Name{En: "training"}, "training", quantity.Int(300, quantity.PersonTime)).From(start2016).By(end2020),
		Range("platforms", lang.Name{En: "platforms"}, "platforms", quantity.MustParse("100—300个")),
		Coverage("commissioners", lang.Name{En: "a commissioner a village"}, "commissioners", villages, quantity.Int(1, quantity.Person)),
		EachInRange("leaders", lang.Name{En: "leaders"}, "leaders", villages, quantity.MustParse("3—5名")).By(end2020),
		Observe("poor-now", lang.Name{En: "rural poor"}, "poor"),
		Reduction("poor", lang.Name{En: "no rural poor"}, "poor", quantity.Quantity{}, quantity.Int(0, quantity.Person)).From(date(2016, 12, 31)).By(end2020),
		EachYear("a-year", lang.Name{En: "each year"}, "commissioners", quantity.Int(20, quantity.Person)).From(start2016).By(end2020),
	}
	targets = append(targets, AllOf("all", lang.Name{En: "all of"}, targets[2], targets[3]).From(start2016).By(end2020))
	for _, tg := range targets {
		for _, asOf := range []string{"2014-12-31", "2017-12-31", "2019-12-31", "2021-06-30"} {
			r, err := tg.Evaluate(whole, period.MustParse(asOf).End())
			require.NoError(t, err)
			check(r)
		}
	}
	if want := (len(kindNames) - 1) * (len(statusNames) - 1); len(seen) != want {
		t.Errorf("%d kinds and statuses seen, want %d", len(seen), want)
	}
}

// TestResultJSONRefuses checks that UnmarshalJSON refuses names and
// decimals MarshalJSON never writes, and that MarshalJSON refuses what
// UnmarshalJSON could not read back.
func TestResultJSONRefuses(t *testing.T) {
	for _, in := range []string{
		`{"id":"r","kind":"Kind(0)","status":"met"}`,
		`{"id":"r","kind":"at least","status":"Status(0)"}`,
		`{"id":"r","kind":"at least","status":"met","pace":"—"}`,
		`{"id":"r","kind":"at least","status":"met","progress":"1e3"}`,
		`{"id":"r","kind":"coverage","status":"met","shortfall":[{"code":"433122","kind":"GapKind(9)"}]}`,
		`{"id":"r","kind":"coverage","status":"met","shortfall":[{"code":"433122","kind":"below","has":"1e9"}]}`,
		`{"id":"r","kind":"at least","status":"met","bounds":{"lo":"x"}}`,
		`{"id":"r","kind":"at least","status":"met","dataAsOf":"2019"}`,
		`{"id":"r","kind":"at least","status":"met","required":{"value":"1e3"}}`,
	} {
		var r Result
		err := json.Unmarshal([]byte(in), &r)
		if err == nil {
			t.Errorf("json.Unmarshal(%s) = %+v, want an error", in, r)
		}
	}
	for name, r := range map[string]Result{
		"the zero result": {},
		"no status":       {Kind: KindAtLeast},
		"an unknown pace": {Kind: KindAtLeast, Status: Met, Pace: 9},
		"an unknown gap":  {Kind: KindCoverage, Status: Met, Shortfall: GapList(Gap{Kind: 9})},
	} {
		if b, err := json.Marshal(r); !errors.Is(err, ErrInvalid) {
			t.Errorf("json.Marshal(%s) = %s, %v; want ErrInvalid", name, b, err)
		}
	}
}
