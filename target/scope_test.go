package target

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// prefectureLedger is a ledger over Hunan with two prefectures: 湘西州
// (泸溪县 with three villages, 龙山县 with two) and 衡阳市 (祁东县 with one).
func prefectureLedger(t *testing.T, records ...outcome.Record) *outcome.Ledger {
	t.Helper()
	regions := []outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433100", Name: lang.Name{Zh: "湘西州", En: "Xiangxi"}, Level: outcome.Prefecture, Parent: "430000"},
		{Code: "430400", Name: lang.Name{Zh: "衡阳市", En: "Hengyang"}, Level: outcome.Prefecture, Parent: "430000"},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "433100"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "433100"},
		{Code: "430426", Name: lang.Name{Zh: "祁东县", En: "Qidong"}, Level: outcome.County, Parent: "430400"},
	}
	for _, v := range scopeVillages {
		regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: "村" + v[9:], En: "village " + v[9:]}, Level: outcome.Village, Parent: v[:6]})
	}
	return ledgerOf(t, regions, records...)
}

var scopeVillages = []string{"433122100201", "433122100202", "433122100203", "433130100201", "433130100202", "430426100201"}

var (
	counties3    = Listed(lang.Name{Zh: "贫困县", En: "poor counties"}, "433122", "433130", "430426")
	allCounties  = AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "430000")
	allVillages  = AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "")
	one          = quantity.MustParse("1名")
	teamCoverage = Coverage("teams", lang.Name{}, "leaders", counties3, one).CoveredBy("teams-covered")
)

func TestIn(t *testing.T) {
	// Luxi's first village and both of Longshan's have a leader; Qidong's
	// village has none.
	records := eachVillage("leaders", "2019", "1名", "433122100201", "433130100201", "433130100202")
	records = append(records, rec("leaders", "433122", "2019", "1名"), rec("leaders", "433130", "2019", "2名"))
	tests := []struct {
		name   string
		target Target
		units  int
		w      want
	}{
		{"coverage of the province", Coverage("c", lang.Name{}, "leaders", allVillages, one), 6,
			want{InProgress, "0.5", 3, []string{"430426100201", "433122100202", "433122100203"}}},
		{"coverage in a county", Coverage("c", lang.Name{}, "leaders", allVillages, one).In("433122"), 3,
			want{InProgress, "0.333333333333", 1, []string{"433122100202", "433122100203"}}},
		{"coverage in a prefecture", Coverage("c", lang.Name{}, "leaders", allCounties, one).In("433100"), 2,
			want{Met, "1", 2, nil}},
		{"coverage of a list in a county", Coverage("c", lang.Name{}, "leaders", counties3, one).In("433130"), 1,
			want{Met, "1", 1, nil}},
		{"a list in the other prefecture", Coverage("c", lang.Name{}, "leaders", counties3, one).In("430400"), 1,
			want{NoData, "", 0, []string{"430426"}}},
		{"each in range in a county", EachInRange("e", lang.Name{}, "leaders", allVillages, quantity.MustParse("1—2名")).In("433130"), 2,
			want{Met, "1", 2, nil}},
		{"a condition in a prefecture", Coverage("c", lang.Name{}, "leaders",
			allVillages.Where(lang.Name{En: "not village 202"}, func(r outcome.Region) bool { return !strings.HasSuffix(r.Code, "202") }), one).In("433100"), 3,
			want{InProgress, "0.666666666667", 2, []string{"433122100203"}}},
		{"narrowed twice, outer first", Coverage("c", lang.Name{}, "leaders", allVillages, one).In("430000").In("433122"), 3,
			want{InProgress, "0.333333333333", 1, []string{"433122100202", "433122100203"}}},
		{"narrowed twice, inner first", Coverage("c", lang.Name{}, "leaders", allVillages, one).In("433122").In("433100"), 3,
			want{InProgress, "0.333333333333", 1, []string{"433122100202", "433122100203"}}},
		{"an aggregate in a county", AtLeast("a", lang.Name{}, "leaders", quantity.MustParse("2名")).In("433130"), 0,
			want{Met, "1", 0, nil}},
		{"an aggregate in a prefecture", AtLeast("a", lang.Name{}, "leaders", quantity.MustParse("4名")).In("433100"), 0,
			want{InProgress, "0.75", 0, nil}},
		{"an aggregate narrowed twice", AtLeast("a", lang.Name{}, "leaders", quantity.MustParse("2名")).In("433122").In("430000"), 0,
			want{InProgress, "0.5", 0, nil}},
		{"disjoint regions cover nothing", Coverage("c", lang.Name{}, "leaders", allVillages, one).In("433122").In("430426"), 0,
			want{NoData, "", 0, nil}},
		{"a list outside the region", Coverage("c", lang.Name{}, "leaders", Listed(lang.Name{}, "430426"), one).In("433100"), 0,
			want{NoData, "", 0, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := check(t, tt.target, prefectureLedger(t, records...), asOf2019, tt.w)
			if r.Units != tt.units {
				t.Errorf("units = %d, want %d", r.Units, tt.units)
			}
		})
	}
}

func TestInAllOf(t *testing.T) {
	l := prefectureLedger(t, append(eachVillage("leaders", "2019", "1名", "433122100201", "433130100201", "433130100202"),
		rec("commissioners", "433130", "2019", "10名"), rec("commissioners", "433122", "2019", "1名"))...)
	whole := AllOf("all", lang.Name{}, Coverage("villages", lang.Name{}, "leaders", allVillages, one),
		AtLeast("commissioners", lang.Name{}, "commissioners", quantity.MustParse("10名")),
	)
	for _, tt := range []struct {
		region string
		status Status
		parts  []string
	}{
		{"", InProgress, []string{"villages in progress", "commissioners met"}},
		{"433130", Met, []string{"villages met", "commissioners met"}},
		{"433122", InProgress, []string{"villages in progress", "commissioners in progress"}},
	} {
		r, err := whole.In(tt.region).Evaluate(l, asOf2019)
		require.NoError(t, err)
		if diff := cmp.Diff(tt.parts, partStatuses(r)); diff != "" || r.Status != tt.status {
			t.Errorf("In(%q): %v, want %v; parts mismatch (-want +got):\n%s", tt.region, r.Status, tt.status, diff)
		}
	}
	// Parts given after In are narrowed as the whole was.
	replaced := whole.In("433130").WithParts(whole.Parts()...)
	if r, err := replaced.Evaluate(l, asOf2019); err != nil || r.Status != Met {
		t.Errorf("WithParts after In(433130): %v %v, want met", r.Status, err)
	}
}

func TestInCoveredBy(t *testing.T) {
	// The aggregate says 3 counties have a team in the province, 2 in 湘西州
	// and none yet in 衡阳市: narrowed, coverage reads the region's figure,
	// over the region's units.
	l := prefectureLedger(t, rec("teams-covered", "430000", "2019", "3个"), rec("teams-covered", "433100", "2019", "2个"),
		rec("teams-covered", "430400", "2019", "0个"))
	for _, tt := range []struct {
		region         string
		status         Status
		covered, units int
	}{
		{"", Met, 3, 3},
		{"433100", Met, 2, 2},
		{"430400", InProgress, 0, 1},
	} {
		r, err := teamCoverage.In(tt.region).Evaluate(l, asOf2019)
		require.NoError(t, err)
		if r.Status != tt.status || r.Covered != tt.covered || r.Units != tt.units || r.Listed {
			t.Errorf("In(%q) = %v %d/%d (listed %v), want %v %d/%d from the aggregate", tt.region, r.Status, r.Covered, r.Units, r.Listed, tt.status, tt.covered, tt.units)
		}
	}
}

func TestInUnknownRegion(t *testing.T) {
	l := prefectureLedger(t)
	for _, tg := range []Target{
		teamCoverage.In("439999"),
		AtLeast("a", lang.Name{}, "leaders", one).In("433122").In("439999"),
		Reduction("r", lang.Name{}, "poor", quantity.MustParse("100名"), quantity.MustParse("0名")).In("439999"),
		AllOf("all", lang.Name{}, Observe("o", lang.Name{}, "leaders")).In("439999"),
		yearly().In("439999"),
	} {
		_, err := tg.Evaluate(l, asOf2019)
		var te *Error
		if !errors.Is(err, outcome.ErrUnknownRegion) || !errors.As(err, &te) || !strings.Contains(err.Error(), "439999") {
			t.Errorf("%s In an unknown region: %v, want an *Error naming 439999 and wrapping ErrUnknownRegion", tg.ID(), err)
		}
	}
}

func TestCountedScope(t *testing.T) {
	// 「全省3209个贫困村」 without a list: here 6 villages known only by their
	// count, with commissioner records of their own and an aggregate figure.
	counted := Counted(lang.Name{Zh: "贫困村", En: "poor villages"}, 6, "430000")
	records := append(eachVillage("leaders", "2019", "1名", scopeVillages[:5]...), rec("teams-covered", "430000", "2019", "5个"))
	l := prefectureLedger(t, records...)
	tg := Coverage("c", lang.Name{}, "leaders", counted, one).CoveredBy("teams-covered")

	r, err := tg.Evaluate(l, asOf2019)
	require.NoError(t, err)
	// Read from the aggregate; the five village records are not used, and
	// the result says why.
	if r.Status != InProgress || r.Covered != 5 || r.Units != 6 || r.Listed || !hasNote(r, "5 records of single units not used") {
		t.Errorf("counted: %v %d/%d listed %v, notes %v; want in progress 5/6 from the aggregate, noting the 5 village records", r.Status, r.Covered, r.Units, r.Listed, r.Notes)
	}

	// Narrowed below the region it is counted in, its count is unknown.
	r, err = tg.In("433122").Evaluate(l, asOf2019)
	require.NoError(t, err)
	if r.Status != NoData || !hasNote(r, "is known only by its count in 430000 (6), not in 433122") {
		t.Errorf("counted in a county: %v, notes %v; want no data, saying the count is the province's", r.Status, r.Notes)
	}
	// Narrowed to its own region, nothing changes.
	if r, _ := tg.In("430000").Evaluate(l, asOf2019); r.Status != InProgress || r.Covered != 5 {
		t.Errorf("counted in its own region: %v %d, want in progress 5", r.Status, r.Covered)
	}

	// With the list, the villages are checked one by one, in any region.
	listed := tg.In("433122").ListUnits(counted, scopeVillages...)
	r, err = listed.Evaluate(l, asOf2019)
	require.NoError(t, err)
	if r.Status != Met || r.Covered != 3 || r.Units != 3 || !r.Listed || len(r.Notes) != 0 {
		t.Errorf("listed in a county: %v %d/%d listed %v notes %v, want met 3/3 unit by unit", r.Status, r.Covered, r.Units, r.Listed, r.Notes)
	}
	r, err = tg.ListUnits(counted, scopeVillages...).Evaluate(l, asOf2019)
	require.NoError(t, err)
	if r.Status != InProgress || r.Covered != 5 || !r.Listed || r.Shortfall.Len() != 1 || r.Shortfall.At(0).Region.Code != "430426100201" {
		t.Errorf("listed: %v %d listed %v shortfall %d, want in progress 5 with 430426100201 short", r.Status, r.Covered, r.Listed, r.Shortfall.Len())
	}
	if got := tg.ListUnits(counted, "x").Population(); got.Name() != counted.Name() || got.Size() != 0 || len(got.Codes()) != 1 {
		t.Errorf("ListUnits: population %v, size %d, codes %v; want the name kept, the list instead of the count", got.Name(), got.Size(), got.Codes())
	}
	// Another population is left alone.
	if got := tg.ListUnits(allVillages, "x").Population(); !got.Equal(counted) {
		t.Errorf("ListUnits of another population changed %v", got.Name())
	}
}

func hasNote(r Result, s string) bool {
	for _, n := range r.Notes {
		if strings.Contains(n.En, s) {
			return true
		}
	}
	return false
}

func TestPopulationIn(t *testing.T) {
	rs := prefectureLedger(t).Regions()
	for _, tt := range []struct {
		name string
		pop  Population
		want []string
	}{
		{"all villages in a county", allVillages.In("433130"), []string{"433130100201", "433130100202"}},
		{"counties in a prefecture", allCounties.In("433100"), []string{"433122", "433130"}},
		{"a list in a prefecture", counties3.In("430400"), []string{"430426"}},
		{"narrowed twice", counties3.In("433100").In("433122"), []string{"433122"}},
		{"disjoint", counties3.In("433100").In("430400"), nil},
		{"In(\"\") changes nothing", counties3.In(""), []string{"430426", "433122", "433130"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := tt.pop.Resolve(rs)
			require.NoError(t, err)
			var got []string
			for r := range sel.All() {
				got = append(got, r.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := allVillages.In("439999").Resolve(rs); !errors.Is(err, outcome.ErrUnknownRegion) {
		t.Errorf("Resolve in an unknown region: %v, want ErrUnknownRegion", err)
	}
	if counties3.In("433100").Equal(counties3) {
		t.Error("a narrowed population equals the whole")
	}
}

func TestInJSON(t *testing.T) {
	for _, tg := range []Target{
		teamCoverage.In("433100").In("433122"),
		AllOf("all", lang.Name{}, AtLeast("a", lang.Name{}, "leaders", one), teamCoverage).In("430400"),
		Coverage("c", lang.Name{}, "leaders", Counted(lang.Name{}, 6, "430000"), one).ListUnits(Counted(lang.Name{}, 6, "430000"), "433122100201").In("433122"),
	} {
		b, err := json.Marshal(tg)
		require.NoError(t, err)
		var back Target
		require.NoError(t, json.Unmarshal(b, &back))
		if !back.Equal(tg) {
			t.Errorf("round trip of %s gives another target", b)
		}
	}
	tg := AtLeast("a", lang.Name{}, "leaders", one).In("433100").In("433122")
	if diff := cmp.Diff([]string{"433100", "433122"}, tg.scopes()); diff != "" || tg.Scope() != "433122" {
		t.Errorf("Scope() = %s; scopes() mismatch (-want +got):\n%s", tg.Scope(), diff)
	}
	if tg.In("").Scope() != "433122" {
		t.Error(`In("") changed the scope`)
	}
}

// A target narrowed to a region that holds none of its population says so,
// not that the ledger's regions hold none.
func TestInNoUnitsThere(t *testing.T) {
	l := testLedger(t)
	pop := Listed(lang.Name{Zh: "贫困村"}, villages[0], villages[1])
	r, err := Coverage("c", lang.Name{}, "commissioners", pop, quantity.Int(1, quantity.Person)).In("433130").Evaluate(l, asOf2019)
	require.NoError(t, err)
	want := lang.Name{Zh: "「贫困村」在 433130 内没有单位", En: `no unit of "贫困村" lies within 433130`}
	if r.Units != 0 || r.Status != NoData || len(r.Notes) != 1 || r.Notes[0] != want {
		t.Errorf("%d units, %v, notes %v; want 0, no data, %v", r.Units, r.Status, r.Notes, want)
	}
}

// Listing fewer units than a counted population's count, over the same
// region, is noted; a county's own list, narrowed to it, is not.
func TestListUnitsCountNote(t *testing.T) {
	l := testLedger(t, rec("commissioners", villages[0], "2019", "1名"))
	pop := Counted(lang.Name{Zh: "贫困村"}, 3209, "430000")
	tg := Coverage("c", lang.Name{}, "commissioners", pop, quantity.Int(1, quantity.Person)).ListUnits(pop, villages[:3]...)
	r, err := tg.Evaluate(l, asOf2019)
	require.NoError(t, err)
	want := lang.Name{Zh: "列出的「贫困村」3 个, 目录记为 3209 个", En: `3 units of "贫困村" listed; the catalogue counts 3209`}
	if r.Units != 3 || !slices.Contains(r.Notes, want) {
		t.Errorf("%d units, notes %v; want 3 and %v", r.Units, r.Notes, want)
	}
	r, err = tg.In("433122").Evaluate(l, asOf2019)
	require.NoError(t, err)
	if slices.Contains(r.Notes, want) {
		t.Errorf("a county's own list is noted against the province's count: %v", r.Notes)
	}
}
