package target

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// shardedLedger is a random national ledger of provinces, counties and
// villages, with records at every level, and the same split into shards of
// whole provinces (each shard a ledger of its own).
func shardedLedger(t *testing.T, rng *rand.Rand, provinces int, shards [][]int) (*outcome.Ledger, []*outcome.Ledger) {
	t.Helper()
	var regions []outcome.Region
	province := func(p int) string { return fmt.Sprintf("%02d0000", 11+p) }
	for p := range provinces {
		pc := province(p)
		regions = append(regions, outcome.Region{Code: pc, Name: lang.Name{Zh: "省" + pc}, Level: outcome.Province})
		for c := range 1 + rng.IntN(3) {
			cc := fmt.Sprintf("%s%02d", pc[:4], c+1)
			regions = append(regions, outcome.Region{Code: cc, Name: lang.Name{Zh: "县" + cc}, Level: outcome.County, Parent: pc})
			for v := range 1 + rng.IntN(5) {
				vc := fmt.Sprintf("%s100%03d", cc, 201+v)
				regions = append(regions, outcome.Region{Code: vc, Name: lang.Name{Zh: "村" + vc}, Level: outcome.Village, Parent: cc})
			}
		}
	}
	var records []outcome.Record
	seen := map[string]bool{}
	for range 40 * provinces {
		r := regions[rng.IntN(len(regions))]
		ind := testIndicators[rng.IntN(len(testIndicators))]
		year := 2015 + rng.IntN(6)
		key := fmt.Sprint(ind.Code, r.Code, year)
		if seen[key] {
			continue // one figure per indicator, region and year
		}
		seen[key] = true
		q := fmt.Sprintf("%d%s", 1+rng.IntN(40), ind.Unit.Symbol())
		if rng.IntN(8) == 0 {
			q = fmt.Sprintf("%d余%s", 10+rng.IntN(40), ind.Unit.Symbol())
		}
		records = append(records, rec(ind.Code, r.Code, fmt.Sprint(year), q))
	}
	ledger := func(keep func(code string) bool) *outcome.Ledger {
		var regs []outcome.Region
		for _, r := range regions {
			if keep(r.Code) {
				regs = append(regs, r)
			}
		}
		rs, err := outcome.NewRegionSet(regs)
		require.NoError(t, err)
		l, err := outcome.NewLedger(rs, testIndicators...)
		require.NoError(t, err)
		var recs []outcome.Record
		for _, r := range records {
			if keep(r.Region) {
				recs = append(recs, r)
			}
		}
		require.NoError(t, l.Add(recs...))
		return l
	}
	whole := ledger(func(string) bool { return true })
	var parts []*outcome.Ledger
	for _, shard := range shards {
		parts = append(parts, ledger(func(code string) bool {
			return slices.ContainsFunc(shard, func(p int) bool { return code[:2] == province(p)[:2] })
		}))
	}
	return whole, parts
}

// TestMergeShards checks that a ledger evaluated in province shards and
// merged gives the result of the whole, for every kind of target, on
// random ledgers: shards of one province, of several, not adjacent in code
// order.
func TestMergeShards(t *testing.T) {
	villages := AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "")
	counties := AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "")
	targets := []Target{
		AtLeast("training", lang.Name{En: "training"}, "training", quantity.Int(300, quantity.PersonTime)).From(start2016).By(end2020),
		Range("platforms", lang.Name{En: "platforms"}, "platforms", quantity.MustParse("100—300个")),
		Coverage("commissioners", lang.Name{En: "a commissioner a village"}, "commissioners", villages, quantity.Int(1, quantity.Person)),
		EachInRange("leaders", lang.Name{En: "leaders"}, "leaders", villages, quantity.MustParse("3—5名")).By(end2020),
		Coverage("star", lang.Name{En: "counties with a star space"}, "star-spaces", counties, quantity.Int(1, quantity.Establishment)),
		Observe("poor-now", lang.Name{En: "rural poor"}, "poor"),
		Reduction("poor", lang.Name{En: "no rural poor"}, "poor", quantity.Quantity{}, quantity.Int(0, quantity.Person)).From(date(2016, 12, 31)).By(end2020),
	}
	targets = append(targets, AllOf("all", lang.Name{En: "all of"}, targets[2], targets[3]).From(start2016).By(end2020))
	splits := [][][]int{{{0}, {1}, {2}, {3}}, {{0, 2}, {1, 3}}, {{3}, {0, 1, 2}}}
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 3))
		for _, split := range splits {
			whole, shards := shardedLedger(t, rng, 4, split)
			for _, tg := range targets {
				for _, asOf := range []string{"2017-12-31", "2019-12-31", "2021-06-30"} {
					when := period.MustParse(asOf).End()
					want, err := tg.Evaluate(whole, when)
					require.NoError(t, err)
					var parts []Result
					for _, l := range shards {
						p, err := tg.Evaluate(l, when)
						require.NoError(t, err)
						parts = append(parts, p)
					}
					got, err := tg.Merge(parts...)
					if err != nil {
						t.Fatalf("seed %d, %s: %v", seed, tg.ID(), err)
					}
					if diff := cmp.Diff(asJSON(t, want), asJSON(t, got)); diff != "" {
						t.Fatalf("seed %d, split %v, %s as of %s: merged shards differ from the whole (-whole +merged):\n%s", seed, split, tg.ID(), asOf, diff)
					}
				}
			}
		}
	}
}

func asJSON(t *testing.T, r Result) map[string]any {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	// A merge keeps the notes of its parts in the parts' order, and each
	// part names up to maxEvidence records passed over or disagreeing where
	// the whole names that many of all: those notes are left out here.
	if notes, ok := m["notes"].([]any); ok {
		notes = slices.DeleteFunc(notes, func(n any) bool {
			en := fmt.Sprint(n.(map[string]any)["en"])
			return strings.HasPrefix(en, "passed over") || strings.HasPrefix(en, "records disagree") || strings.Contains(en, " more ")
		})
		slices.SortFunc(notes, func(a, b any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		m["notes"] = notes
		if len(notes) == 0 {
			delete(m, "notes")
		}
	}
	return m
}

func TestMergeRefuses(t *testing.T) {
	l := testLedger(t)
	a := AtLeast("a", lang.Name{En: "a"}, "training", quantity.Int(1, quantity.PersonTime))
	b := AtLeast("b", lang.Name{En: "b"}, "training", quantity.Int(1, quantity.PersonTime))
	ra, _ := a.Evaluate(l, asOf2019)
	rb, _ := b.Evaluate(l, asOf2019)
	ra2020, _ := a.Evaluate(l, end2020)
	for name, parts := range map[string][]Result{"none": nil, "another target": {ra, rb}, "another date": {ra, ra2020}} {
		if _, err := a.Merge(parts...); err == nil {
			t.Errorf("Merge with %s: no error", name)
		}
	}
}
