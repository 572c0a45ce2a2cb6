package national_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func result(t *testing.T, p program.Program, l *outcome.Ledger, asOf time.Time, id string) target.Result {
	t.Helper()
	r, err := p.Evaluate(l, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range r.Results {
		if res.ID == id {
			return res
		}
	}
	t.Fatalf("program %s has no target %s", p.ID, id)
	return target.Result{}
}

func TestPovertyEradication2020(t *testing.T) {
	p := national.PovertyEradication2020()
	// 000_f8a6b69a178fa4e7.txt intro: 「从2012年底的9899万人减少到551万人」.
	r := result(t, p, national.Reported(), date(2019, 12, 31), "rural-poor")
	want := decimal.NewFromInt(9899-551).DivRound(decimal.NewFromInt(9899), target.ProgressPlaces)
	if r.Status != target.InProgress || !r.Progress.Equal(want) {
		t.Errorf("rural poor as of 2019-12-31: %v, progress %v; want in progress, (9899−551)/9899 = %v", r.Status, r.Progress, want)
	}
	if !r.Achieved.Value().Equal(decimal.NewFromInt(5_510_000)) || !r.Baseline.Value().Equal(decimal.NewFromInt(98_990_000)) {
		t.Errorf("achieved %v from baseline %v; want 551万 from 9899万", r.Achieved, r.Baseline)
	}
	// 004_32acad38fe6c52df.txt §三(一): 「到2020年…全部脱贫」. The seeds have no
	// 2020 figure: after the deadline a target has no figure at the deadline
	// or no data, never met, and never missed on an end-2019 figure.
	for _, res := range mustEvaluate(t, p, national.Reported(), date(2021, 1, 1)).Results {
		if res.Status != target.NoFigureAtDeadline && res.Status != target.NoData {
			t.Errorf("%s as of 2021-01-01: %v, want no figure at the deadline or no data", res.ID, res.Status)
		}
	}
	// 000 intro: 「贫困县从832个减少到52个，贫困村从12.8万个减少到2707个」.
	for id, want := range map[string]string{"poor-counties": "52", "poor-villages": "2707"} {
		r := result(t, p, national.Reported(), date(2019, 12, 31), id)
		if r.Status != target.InProgress || !r.Achieved.Value().Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s as of 2019-12-31: %v %v, want in progress at %s", id, r.Status, r.Achieved, want)
		}
	}
}

func mustEvaluate(t *testing.T, p program.Program, l *outcome.Ledger, asOf time.Time) program.Report {
	t.Helper()
	r, err := p.Evaluate(l, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestExits(t *testing.T) {
	l := national.Reported()
	if err := l.Add(national.Exits()...); err != nil {
		t.Fatal(err)
	}
	// 000 intro: 52 poor counties at the end of 2019; the list agrees.
	seed, err := l.Total("poor-counties", national.NationCode, period.Through(date(2019, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	still := national.StillPoor(2019)
	if !seed.Value.Equal(decimal.NewFromInt(int64(len(still)))) || len(still) != 52 {
		t.Errorf("StillPoor(2019) has %d counties, the seed reports %v; want 52 both", len(still), seed.Value)
	}
	if n := len(national.StillPoor(2020)); n != 0 {
		t.Errorf("StillPoor(2020) has %d counties, want none", n)
	}

	r := result(t, national.PovertyEradication2020(), l, date(2019, 12, 31), "county-exits")
	if r.Status != target.InProgress || r.Covered != 780 || r.Units != 832 || !r.Listed {
		t.Errorf("county exits as of 2019: %v, %d/%d, listed %v; want in progress, 780/832, listed", r.Status, r.Covered, r.Units, r.Listed)
	}
	var got, want []string
	for g := range r.Shortfall.All() {
		got = append(got, g.Region.Code+" "+g.Region.Name.Zh)
	}
	for _, c := range still {
		want = append(want, c.Code+" "+c.Name.Zh)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shortfall as of 2019 is not the 52 counties still poor (-want +got):\n%s", diff)
	}
	if !slices.Contains(got, "450225 融水苗族自治县") || slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "43") }) {
		t.Errorf("shortfall should hold 450225 融水苗族自治县 (exit 2020) and no Hunan county (all out by 2019)")
	}
	if r := result(t, national.PovertyEradication2020(), l, date(2020, 12, 31), "county-exits"); r.Status != target.Met || r.Shortfall.Len() != 0 {
		t.Errorf("county exits as of 2020: %v with %d short, want met with none", r.Status, r.Shortfall.Len())
	}
}

func TestExitsByYear(t *testing.T) {
	// shared/data/SOURCES.md §4: the yearly totals 28/125/283/344/52.
	counts := map[int]int{}
	for _, c := range national.PoorCountyList() {
		counts[c.ExitYear]++
	}
	if diff := cmp.Diff(map[int]int{2016: 28, 2017: 125, 2018: 283, 2019: 344, 2020: 52}, counts); diff != "" {
		t.Errorf("exits per year mismatch (-want +got):\n%s", diff)
	}
}

func TestPerProvinceRollUp(t *testing.T) {
	l := national.Reported()
	if err := l.Add(national.Exits()...); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, c := range national.PoorCountyList() {
		want[c.Code[:2]+"0000"]++
	}
	for prov, n := range want {
		sum, err := l.Total("poor-counties", prov, period.Through(date(2012, 12, 31)))
		if err != nil {
			t.Fatal(err)
		}
		if !sum.Value.Equal(decimal.NewFromInt(int64(n))) {
			t.Errorf("poor counties in %s at the end of 2012 = %v, want %d", prov, sum.Value, n)
		}
	}
	// 湖南 has 40 national poor counties (shared/data/SOURCES.md §2; 004's 51
	// adds 11 provincial ones).
	hunan, _ := l.Total("poor-counties", "430000", period.Through(date(2012, 12, 31)))
	if !hunan.Value.Equal(decimal.NewFromInt(40)) {
		t.Errorf("湖南 poor counties = %v, want 40", hunan.Value)
	}
	if len(want) != 22 {
		t.Errorf("%d provinces, want 22", len(want))
	}
	// The national figure is the seed's own, not added to the counties'.
	nation, _ := l.Total("poor-counties", national.NationCode, period.Through(date(2012, 12, 31)))
	if !nation.Value.Equal(decimal.NewFromInt(832)) {
		t.Errorf("national poor counties at the end of 2012 = %v, want 832", nation.Value)
	}
}

func TestNoDataIsNotZero(t *testing.T) {
	// 000 §2: 百千万 and 「千、万、十万」 have no reported counts, only
	// 「接近完成」: no data, never 0% or met.
	for _, p := range []program.Program{national.BaiQianWan(), national.SciTechAidProject()} {
		r := mustEvaluate(t, p, national.Reported(), date(2020, 9, 24))
		if r.Summary.NoData != len(p.Targets) {
			t.Errorf("%s: %+v, want every target without data", p.ID, r.Summary)
		}
		for _, res := range r.Results {
			if !res.Progress.IsZero() || res.Status == target.Met {
				t.Errorf("%s/%s: %v with progress %v", p.ID, res.ID, res.Status, res.Progress)
			}
		}
	}
}

func TestParksEligibility(t *testing.T) {
	eligible := func(r outcome.Region) bool { return strings.HasPrefix(r.Code, "43") }
	l := national.Reported()
	if r := result(t, national.ParksAndStarSpaces(eligible), l, date(2019, 12, 31), "county-park"); r.Status != target.NoData || r.Units != 40 {
		t.Errorf("no park records: %v over %d units, want no data over the 40 Hunan counties", r.Status, r.Units)
	}
	if err := l.Add(outcome.Record{Indicator: "county-parks", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("1个")}); err != nil {
		t.Fatal(err)
	}
	r := result(t, national.ParksAndStarSpaces(eligible), l, date(2019, 12, 31), "county-park")
	if r.Units != 40 || r.Covered != 1 || r.Shortfall.Len() != 39 {
		t.Errorf("Hunan-only eligibility: %d units, %d covered, %d short; want 40, 1, 39", r.Units, r.Covered, r.Shortfall.Len())
	}
	r = result(t, national.ParksAndStarSpaces(nil), l, date(2019, 12, 31), "county-park")
	if r.Units != 832 {
		t.Errorf("nil eligibility: %d units, want all 832", r.Units)
	}
}

func TestCatalogue(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range national.Programs() {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
		if !strings.HasPrefix(p.ID, "national/") || ids[p.ID] {
			t.Errorf("id %q is not a unique national/… id", p.ID)
		}
		ids[p.ID] = true
		if p.Source.Document == "" || p.Name.Zh == "" || p.Name.En == "" {
			t.Errorf("%s: source %v, name %v", p.ID, p.Source, p.Name)
		}
		for _, tg := range p.Targets {
			if tg.Source().IsZero() {
				t.Errorf("%s/%s has no citation", p.ID, tg.ID())
			}
		}
	}
	if len(ids) != 6 {
		t.Errorf("%d programs, want 6", len(ids))
	}
	// Fresh values: changing one does not change the next.
	a := national.BaiQianWan()
	a.Targets[0] = target.AtLeast("x", lang.Name{}, "x", quantity.Int(1, quantity.Piece))
	if national.BaiQianWan().Targets[0].ID() != "platforms" {
		t.Error("BaiQianWan returned a shared value")
	}
}

// TestReported checks every figure of data/reported.csv against
// 000_f8a6b69a178fa4e7.txt (the introduction and §2): the value as
// printed, its period and its citation.
func TestReported(t *testing.T) {
	since2017 := "2017-/2020-09-24" // 「2017年以来」, to the revision date 2020-09-24
	tests := []struct {
		indicator, period, value, section string
	}{
		// 000 intro: 「截至2019年底，我国现行标准下的农村贫困人口从2012年底的9899万人
		// 减少到551万人，贫困县从832个减少到52个，贫困村从12.8万个减少到2707个」.
		{"rural-poor", "2012", "9899万人", "intro"},
		{"rural-poor", "2019", "551万人", "intro"},
		{"poor-counties", "2012", "832个", "intro"}, // base year not printed, read as 2012
		{"poor-counties", "2019", "52个", "intro"},
		{"poor-villages", "2012", "12.8万个", "intro"}, // likewise
		{"poor-villages", "2019", "2707个", "intro"},
		// 000 §2: 「2017年以来，先后有30个科技组织…259个集体…760位科技工作者…」.
		{"excellent-orgs", since2017, "30个", "2"},
		{"advanced-teams", since2017, "259个", "2"},
		{"advanced-workers", since2017, "760位", "2"},
	}
	var got []string
	for r := range national.Reported().All() {
		if r.Source.Document != catalog.Seed000 || r.Region != national.NationCode {
			t.Errorf("record %v is not the nation's, cited to the seed", r)
		}
		got = append(got, strings.Join([]string{r.Indicator, r.Period.String(), r.Quantity.String(), r.Source.Section}, " "))
	}
	var want []string
	for _, tt := range tests {
		want = append(want, strings.Join([]string{tt.indicator, period.MustParse(tt.period).String(), quantity.MustParse(tt.value).String(), tt.section}, " "))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reported figures mismatch (-want +got):\n%s", diff)
	}
}

func TestFlaggedCodesKept(t *testing.T) {
	// shared/data/SOURCES.md §4: four wrong codes are kept as printed.
	rs := national.Regions()
	for _, code := range []string{"532600", "622900", "630104", "632825"} {
		r, ok := rs.Lookup(code)
		if !ok || r.Level != outcome.County {
			t.Errorf("flagged code %s: %v %v, want kept as a county", code, r, ok)
		}
	}
	if rs.CountAt(outcome.County) != 832 || rs.CountAt(outcome.Province) != 22 {
		t.Errorf("%d counties in %d provinces, want 832 in 22", rs.CountAt(outcome.County), rs.CountAt(outcome.Province))
	}
}

func TestPovertyEradicationInHunan(t *testing.T) {
	// shared/data national_832_poor_counties.csv: 40 of the 832 are in Hunan,
	// 5 out in 2017, 15 in 2018 and 20 in 2019.
	l := national.Reported()
	if err := l.Add(national.Exits()...); err != nil {
		t.Fatal(err)
	}
	hunan := national.PovertyEradication2020().In("430000")
	for _, tt := range []struct {
		asOf           time.Time
		status         target.Status
		covered, units int
	}{
		{date(2018, 12, 31), target.InProgress, 20, 40},
		{date(2019, 12, 31), target.Met, 40, 40},
	} {
		r := result(t, hunan, l, tt.asOf, "county-exits")
		if r.Status != tt.status || r.Covered != tt.covered || r.Units != tt.units || r.Shortfall.Len() != tt.units-tt.covered {
			t.Errorf("Hunan's exits as of %s: %v %d/%d with %d short, want %v %d/%d", tt.asOf.Format(time.DateOnly),
				r.Status, r.Covered, r.Units, r.Shortfall.Len(), tt.status, tt.covered, tt.units)
		}
		for g := range r.Shortfall.All() {
			if !strings.HasPrefix(g.Region.Code, "43") {
				t.Errorf("%s of another province is short in Hunan", g.Region.Code)
			}
		}
	}
}

func TestAreaName(t *testing.T) {
	for _, tt := range []struct {
		area   national.Area
		name   lang.Name
		String string
	}{
		{national.East, lang.Name{Zh: "东部", En: "east"}, "east"},
		{national.West, lang.Name{Zh: "西部", En: "west"}, "west"},
		{0, lang.Name{}, "Area(0)"},
		{9, lang.Name{}, "Area(9)"},
	} {
		if got := tt.area.Name(); got != tt.name || tt.area.String() != tt.String {
			t.Errorf("Area(%d): Name() = %v, String() = %q; want %v, %q", uint8(tt.area), got, tt.area.String(), tt.name, tt.String)
		}
	}
}
