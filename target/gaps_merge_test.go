package target

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// TestGapCountsAfterMerge checks the counts of a shortfall merged from the
// results of disjoint region sets, with units above and below a range, on
// both ways Merge joins gaps: runs in code order (shards of counties 433122
// and 433130+433140) and runs that interleave (433122+433140 and 433130),
// which are made one by one into a list.
func TestGapCountsAfterMerge(t *testing.T) {
	// leaders 3—5 a village. Per county: the villages' figures, "" for no record.
	figures := map[string][]string{
		"433122": {"6名", "2名", "4名", "", "近4名"}, // above, below, in range, no record, undecided
		"433130": {"7名", "1名", ""},              // above, below, no record
		"433140": {"5名", "2名", "8名"},            // in range, below, above
	}
	ledger := func(counties ...string) *outcome.Ledger {
		var regions []outcome.Region
		var records []outcome.Record
		for _, c := range counties {
			regions = append(regions, outcome.Region{Code: c, Name: lang.Name{Zh: "县" + c}, Level: outcome.County})
			for i, f := range figures[c] {
				v := fmt.Sprintf("%s100%03d", c, 201+i)
				regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: "村" + v}, Level: outcome.Village, Parent: c})
				if f != "" {
					records = append(records, rec("leaders", v, "2019", f))
				}
			}
		}
		return ledgerOf(t, regions, records...)
	}
	pop := AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "")
	tg := EachInRange("leaders", lang.Name{Zh: "致富带头人"}, "leaders", pop, quantity.MustParse("3—5名")).By(end2020)
	want := GapCounts{NoRecord: 2, Below: 3, Above: 3, Undecided: 1}

	whole, err := tg.Evaluate(ledger("433122", "433130", "433140"), asOf2019)
	require.NoError(t, err)
	if got := whole.Shortfall.Counts(); got != want {
		t.Fatalf("whole: Counts = %+v, want %+v", got, want)
	}
	for _, shards := range [][][]string{
		{{"433122"}, {"433130", "433140"}},
		{{"433122", "433140"}, {"433130"}},
		{{"433130"}, {"433140"}, {"433122"}},
	} {
		var parts []Result
		for _, s := range shards {
			p, err := tg.Evaluate(ledger(s...), asOf2019)
			require.NoError(t, err)
			parts = append(parts, p)
		}
		m, err := tg.Merge(parts...)
		require.NoError(t, err)
		g := m.Shortfall
		var byKind GapCounts
		var codes []string
		for gap := range g.All() {
			codes = append(codes, gap.Region.Code)
			switch gap.Kind {
			case GapNoRecord:
				byKind.NoRecord++
			case GapBelow:
				byKind.Below++
			case GapAbove:
				byKind.Above++
			case GapUndecided:
				byKind.Undecided++
			}
		}
		if got := g.Counts(); got != want || byKind != want || g.Len() != 9 {
			t.Errorf("shards %v: Counts = %+v, the gaps listed %+v, Len %d; want %+v and 9", shards, got, byKind, g.Len(), want)
		}
		if !slices.IsSorted(codes) {
			t.Errorf("shards %v: gaps not by code: %v", shards, codes)
		}
		if m.Units != whole.Units || m.Covered != whole.Covered {
			t.Errorf("shards %v: %d of %d units covered, want %d of %d", shards, m.Covered, m.Units, whole.Covered, whole.Units)
		}
	}
}
