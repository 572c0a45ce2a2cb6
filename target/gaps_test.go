package target

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

func TestGaps(t *testing.T) {
	// leaders 3—5 a village: 0 has no record, 1 has 6 (above), 2 has 4 (in range), 3 and 4 have 2 (below).
	l := testLedger(t,
		rec("leaders", villages[1], "2019", "6名"), rec("leaders", villages[2], "2019", "4名"),
		rec("leaders", villages[3], "2019", "2名"), rec("leaders", villages[4], "2019", "2名"))
	pop := AllAt(lang.Name{Zh: "村"}, outcome.Village, "")
	r, err := EachInRange("leaders", lang.Name{Zh: "带头人"}, "leaders", pop, quantity.MustParse("3—5名")).Evaluate(l, asOf2019)
	require.NoError(t, err)
	g := r.Shortfall
	want := GapCounts{NoRecord: 1, Below: 2, Above: 1}
	if got := g.Counts(); g.Len() != 4 || got != want {
		t.Fatalf("Len %d, Counts %+v; want 4, %+v", g.Len(), got, want)
	}
	var codes []string
	for gap := range g.All() {
		codes = append(codes, gap.Region.Code)
	}
	if want := []string{villages[0], villages[1], villages[3], villages[4]}; !slices.Equal(codes, want) {
		t.Errorf("All() = %v, want %v", codes, want)
	}
	if a := g.At(1); a.Region.Code != villages[1] || a.Kind != GapAbove || !a.Has.Equal(d("6")) || !a.Excess.Equal(d("1")) || !a.Lacks.IsZero() {
		t.Errorf("At(1) = %+v, want %s above, has 6, excess 1", a, villages[1])
	}
	if a := g.At(0); a.Kind != GapNoRecord || !a.Has.IsZero() || !a.Lacks.Equal(d("3")) {
		t.Errorf("At(0) = %+v, want no record, lacks 3", a)
	}
	if a := g.At(2); a.Kind != GapBelow || !a.Has.Equal(d("2")) || !a.Lacks.Equal(d("1")) {
		t.Errorf("At(2) = %+v, want below, has 2, lacks 1", a)
	}
	list := GapList(slices.Collect(g.All())...)
	if got := list.Counts(); list.Len() != 4 || got != want || list.At(3).Region.Code != villages[4] {
		t.Errorf("GapList: Len %d, Counts %+v", list.Len(), got)
	}
	if r.Status != InProgress {
		t.Errorf("status %v, want in progress: a village has no record and two are below", r.Status)
	}
	if (Gaps{}).Len() != 0 || GapList().Len() != 0 {
		t.Error("empty gaps have a length")
	}
}

// TestGapLacks checks what a unit lacks, for whole figures (made once per
// minimum of at most 64), fractional figures, and minimums beyond 64 or
// fractional.
func TestGapLacks(t *testing.T) {
	whole := testLedger(t,
		rec("platforms", villages[1], "2019", "1个"), rec("platforms", villages[2], "2019", "2个"),
		rec("platforms", villages[3], "2019", "0个"), rec("platforms", villages[4], "2019", "63个"))
	// A fraction of a thing cannot be recorded; of money it can.
	fractional := testLedger(t,
		rec("funds", villages[1], "2019", "1元"), rec("funds", villages[2], "2019", "2.5元"))
	pop := AllAt(lang.Name{Zh: "村"}, outcome.Village, "")
	for _, tt := range []struct {
		l    *outcome.Ledger
		ind  string
		min  string
		want []string // what villages 0–4 lack
	}{
		{whole, "platforms", "3个", []string{"3", "2", "1", "3", ""}},
		{whole, "platforms", "64个", []string{"64", "63", "62", "64", "1"}},
		{whole, "platforms", "100个", []string{"100", "99", "98", "100", "37"}},
		{whole, "platforms", "2.5个", []string{"2.5", "1.5", "0.5", "2.5", ""}},
		{fractional, "funds", "3元", []string{"3", "2", "0.5", "3", "3"}},
	} {
		r, err := Coverage("c", lang.Name{}, tt.ind, pop, quantity.MustParse(tt.min)).Evaluate(tt.l, asOf2019)
		require.NoError(t, err)
		lacks := map[string]string{}
		for g := range r.Shortfall.All() {
			lacks[g.Region.Code] = g.Lacks.String()
		}
		for i, want := range tt.want {
			if got := lacks[villages[i]]; got != want {
				t.Errorf("minimum %s: %s lacks %q, want %q", tt.min, villages[i], got, want)
			}
		}
	}
}

// TestGapQualified checks the shortfall of units whose records qualify
// their figures: a unit recorded 不到3 against a minimum of 3 is below and
// lacks more than 0, never "has 3, lacks 0"; one recorded 6余 against a
// maximum of 5 has more than 1 in excess; 近2 against a minimum of 3 lacks
// more than 1. JSON keeps the qualifier.
func TestGapQualified(t *testing.T) {
	l := testLedger(t,
		rec("leaders", villages[0], "2019", "不到3名"), rec("leaders", villages[1], "2019", "6余名"),
		rec("leaders", villages[2], "2019", "近2名"), rec("leaders", villages[3], "2019", "2名"),
		rec("leaders", villages[4], "2019", "4名"))
	pop := AllAt(lang.Name{Zh: "村"}, outcome.Village, "")
	r, err := EachInRange("leaders", lang.Name{Zh: "带头人"}, "leaders", pop, quantity.MustParse("3—5名")).Evaluate(l, asOf2019)
	require.NoError(t, err)
	type row struct {
		code              string
		kind              GapKind
		figure, different string
	}
	var got []row
	for g := range r.Shortfall.All() {
		got = append(got, row{g.Region.Code, g.Kind, g.Figure().String(), g.Difference().String()})
	}
	want := []row{
		{villages[0], GapBelow, "不到3", "超过0"},
		{villages[1], GapAbove, "6余", "超过1"},
		{villages[2], GapBelow, "不到2", "超过1"}, // a unit's figure keeps its bounds, not its words: 近2 is less than 2
		{villages[3], GapBelow, "2", "1"},
	}
	require.Equal(t, want, got)

	b, err := r.Shortfall.MarshalJSON()
	require.NoError(t, err)
	var back Gaps
	require.NoError(t, back.UnmarshalJSON(b))
	require.Equal(t, quantity.LessThan, back.At(0).Qualifier, "qualifier read back from %s", b)
	require.Equal(t, "超过0", back.At(0).Difference().String())
}

// A province's own flow record that its counties' records of the same days
// add up to more than is passed over, and the notes say so without also
// saying it counts.
func TestNotesOnAPassedOverFlow(t *testing.T) {
	l := testLedger(t, rec("training", "430000", "2018", "100人次"),
		rec("training", "433122", "2018", "176人次"), rec("training", "433130", "2018", "30人次"))
	r, err := AtLeast("t", lang.Name{}, "training", quantity.MustParse("150人次")).In("430000").
		From(date(2018, 1, 1)).By(date(2018, 12, 31)).Evaluate(l, date(2018, 12, 31))
	require.NoError(t, err)
	require.Equal(t, Met, r.Status, "206 of 150")
	var zh []string
	for _, n := range r.Notes {
		zh = append(zh, n.Zh)
	}
	all := strings.Join(zh, "\n")
	require.Contains(t, all, "未采用 湖南省 2018年 100人次")
	require.Contains(t, all, "本级 湖南省 2018年 100人次")
	require.NotContains(t, all, "计入 湖南省", "the province's record does not count")
}
