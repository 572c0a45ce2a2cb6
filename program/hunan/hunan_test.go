package hunan_test

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
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func results(t *testing.T, p program.Program, l *outcome.Ledger, asOf time.Time) map[string]target.Result {
	t.Helper()
	r, err := p.Evaluate(l, asOf)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]target.Result{}
	for _, res := range r.Results {
		out[res.ID] = res
	}
	return out
}

func TestExpertServiceTeams(t *testing.T) {
	p := hunan.ExpertServiceTeams()
	tests := []struct {
		asOf    time.Time
		id      string
		status  target.Status
		covered int
		units   int
	}{
		// 004_32acad38fe6c52df.txt §二(二)二是 ¶[11]: 2018 「实现全省51个贫困县全覆盖」.
		{date(2018, 12, 31), "team-per-poor-county", target.Met, 51, 51},
		// Every county-level unit is not yet covered in 2018: 51 of 123.
		{date(2018, 12, 31), "team-per-county-unit", target.InProgress, 51, 123},
		// §二(二)二是 [11]: 2019 新组建72个, 「对所有县市区的全覆盖」: 123 (51 + 72, inferred).
		{date(2019, 12, 31), "team-per-county-unit", target.Met, 123, 123},
		// [11]: 「科技特派员对所有贫困村的全覆盖」, 3209 villages of [7].
		{date(2019, 12, 31), "commissioner-per-poor-village", target.Met, 3209, 3209},
		{date(2018, 12, 31), "commissioner-per-poor-village", target.NoData, 0, 3209},
	}
	for _, tt := range tests {
		r := results(t, p, hunan.Reported(), tt.asOf)[tt.id]
		if r.Status != tt.status || r.Covered != tt.covered || r.Units != tt.units {
			t.Errorf("%s as of %s: %v %d/%d, want %v %d/%d", tt.id, tt.asOf.Format(time.DateOnly), r.Status, r.Covered, r.Units, tt.status, tt.covered, tt.units)
		}
	}
}

func TestSevenOnesOnReported(t *testing.T) {
	rs := results(t, hunan.SevenOnes(), hunan.Reported(), date(2019, 12, 31))
	want := map[string]target.Status{
		"industry-per-poor-county":     target.NoData,
		"specialist-per-poor-village":  target.Met, // [11]: 2019 commissioners cover every poor village
		"local-technicians":            target.NoData,
		"patented-technologies":        target.NoData,
		"info-network-per-poor-county": target.NoData,
		"star-space-per-poor-county":   target.NoData,
		"demo-entities":                target.NoData,
	}
	for id, st := range want {
		r, ok := rs[id]
		if !ok {
			t.Errorf("no target %s", id)
			continue
		}
		if r.Status != st {
			t.Errorf("%s: %v, want %v", id, r.Status, st)
		}
		if st == target.NoData && !r.Progress.IsZero() {
			t.Errorf("%s: progress %v without data, want none (not 0%%)", id, r.Progress)
		}
	}
	// 004 §一(四)二是: 「培训一万名乡土技术骨干」 counts persons; the person-times of
	// [4] (118万人次), [12] (128万人次) and ¶[18] (2400余人次) are refused, and
	// the result says why.
	notes := rs["local-technicians"].Notes
	if len(notes) != 3 {
		t.Fatalf("local technicians notes = %v, want one per person-time figure", notes)
	}
	for _, n := range notes {
		if !strings.Contains(n.Zh, "单位人次不能计为名") || !strings.Contains(n.In(lang.English), "person-times are not persons") {
			t.Errorf("note %v does not give the reason", n)
		}
	}
}

func TestSevenOnesReadings(t *testing.T) {
	// Clause 2 read as one of each: with one commissioner and one 三区
	// talent in each village, the 2019 commissioner coverage is only half
	// the clause.
	rs := results(t, hunan.Readings{SpecialistEach: true}.SevenOnes(), hunan.Reported(), date(2019, 12, 31))
	r := rs["specialist-per-poor-village"]
	if r.Kind != target.KindAllOf || r.Status != target.InProgress || len(r.Parts) != 2 {
		t.Errorf("each reading: %v %v with %d parts, want an all-of in progress with 2 parts", r.Kind, r.Status, len(r.Parts))
	}
	p := hunan.Readings{PlatformEach: true, DemoPerType: true}.SevenOnes()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tg := range p.Targets {
		if (tg.ID() == "star-space-per-poor-county" || tg.ID() == "demo-entities") && tg.Kind() != target.KindAllOf {
			t.Errorf("%s: %v, want all-of under the each readings", tg.ID(), tg.Kind())
		}
	}
	if n := results(t, hunan.Readings{ParksInPoorCounties: true}.OneCountyOnePark(), hunan.Reported(), date(2019, 12, 31))["park-per-county"].Units; n != 51 {
		t.Errorf("一县一园区 over poor counties: %d units, want 51", n)
	}
}

func TestCoverageNamesMissingCounties(t *testing.T) {
	l := hunan.Reported()
	missing := map[string]bool{"431271": true, "433130": true, "430426": true}
	var recs []outcome.Record
	for _, c := range hunan.PoorCountyList() {
		if !missing[c.Code] {
			recs = append(recs, outcome.Record{Indicator: "featured-industries", Region: c.Code, Period: period.Year(2019), Quantity: quantity.MustParse("2个")})
		}
	}
	if err := l.Add(recs...); err != nil {
		t.Fatal(err)
	}
	r := results(t, hunan.SevenOnes(), l, date(2019, 12, 31))["industry-per-poor-county"]
	var got []string
	for g := range r.Shortfall.All() {
		got = append(got, g.Region.Code+" "+g.Region.Name.Zh)
	}
	want := []string{"430426 祁东县", "431271 怀化市洪江管理区", "433130 龙山县"}
	if diff := cmp.Diff(want, got); diff != "" || r.Covered != 48 || r.Status != target.InProgress {
		t.Errorf("covered %d, %v; shortfall mismatch (-want +got):\n%s", r.Covered, r.Status, diff)
	}
}

func TestExits(t *testing.T) {
	// shared/data/SOURCES.md §2 (湘政函〔2020〕17号): 2016年摘帽2个, 2017年12个, 2018年17个, 2019年20个.
	l := hunan.Reported()
	if err := l.Add(hunan.Exits()...); err != nil {
		t.Fatal(err)
	}
	for y, want := range map[int]int64{2016: 2, 2017: 12, 2018: 17, 2019: 20, 2020: 0} {
		sum, err := l.Total("county-exits", hunan.ProvinceCode, period.Year(y))
		if err != nil {
			t.Fatal(err)
		}
		if !sum.Value.Equal(decimal.NewFromInt(want)) {
			t.Errorf("exits in %d = %v, want %d", y, sum.Value, want)
		}
	}
	if n := len(hunan.StillPoor(2019)); n != 0 {
		t.Errorf("%d counties still poor after 2019, want none", n)
	}
	if n := len(hunan.StillPoor(2017)); n != 37 {
		t.Errorf("%d counties still poor after 2017, want 51 − 2 − 12 = 37", n)
	}
}

func TestRegions(t *testing.T) {
	rs := hunan.Regions()
	for lvl, want := range map[outcome.Level]int{outcome.Province: 1, outcome.Prefecture: 14, outcome.County: 137, outcome.Township: 2006} {
		if got := rs.CountAt(lvl); got != want {
			t.Errorf("%v: %d regions, want %d", lvl, got, want)
		}
	}
	units, err := hunan.CountyUnits().Resolve(rs)
	if err != nil {
		t.Fatal(err)
	}
	// 004 §三(二)一是: 「全省123个科技专家服务团」; 122 divisions + 洪江区 (inferred).
	if units.Len() != 123 {
		t.Errorf("county units: %d, want 123", units.Len())
	}
	poor, err := hunan.PoorCounties().Resolve(rs)
	if err != nil {
		t.Fatal(err)
	}
	tiers := map[hunan.Tier]int{}
	for _, c := range hunan.PoorCountyList() {
		tiers[c.Tier]++
	}
	if poor.Len() != 51 || tiers[hunan.NationalTier] != 40 || tiers[hunan.ProvincialTier] != 11 {
		t.Errorf("poor counties: %d (%v), want 51 = 40 national + 11 provincial", poor.Len(), tiers)
	}
	for c := range poor.All() {
		if !slices.ContainsFunc(slices.Collect(units.All()), func(u outcome.Region) bool { return u.Code == c.Code }) {
			t.Errorf("poor county %s %s is not one of the 123 county units", c.Code, c.Name.Zh)
		}
	}
	if !rs.Within("431225", "431200") || !rs.Within("433122", hunan.ProvinceCode) {
		t.Error("hierarchy is wrong: 会同县 should lie in 怀化市, 泸溪县 in 湖南省")
	}
}

// TestReported checks the figures of data/reported.csv, taken from
// 004_32acad38fe6c52df.txt: every one cited to a section
// of the article, none lost, and the qualifiers and periods of a sample kept as
// printed.
func TestReported(t *testing.T) {
	l := hunan.Reported()
	n := 0
	periods := map[string]period.Period{}
	for r := range l.All() {
		n++
		if r.Source.Document != catalog.Seed004 || r.Source.Section == "" {
			t.Errorf("record %s %s is not cited to a section of the seed", r.Indicator, r.Quantity)
		}
		periods[r.Indicator+" "+r.Quantity.String()] = r.Period
	}
	if n != 86 {
		t.Errorf("Reported has %d records, want the 86 rows of data/reported.csv", n)
	}
	// Qualifiers kept as printed, by section and footnote mark of 004.
	for _, tt := range []struct {
		indicator, qty string
		kind           period.Kind
	}{
		{"commissioners-organised", "5000余名", period.KindUndated}, // §一(四)一是 [4], 每年
		{"three-regions-talents", "近1000名", period.KindUndated},   // §一(四)一是 [4], 每年
		{"three-regions-selected", "770名", period.KindYear},       // §二(二)一是 [11], 2019年选派
		{"provincial-commissioners", "403名", period.KindYear},     // §二(二)一是 [11], 2019年选派
		{"income-increase", "26.8亿多元", period.KindYear},           // §二(二)一是 [12], 2017
		{"service-bases", "达723个", period.KindYear},               // §二(二)一是 [13], 2018
		{"farmers-trained-total", "达118万人次", period.KindUndated},  // §一(四)一是 [4], less than 2017 alone
		{"farmers-trained", "128万人次", period.KindYear},            // §二(二)一是 [12], 2017
		{"commissioners-in-post", "近5000人", period.KindUndated},   // §二(二)一是 [11], besides 5000余 organised
		{"xiangxi-commissioners", "534名", period.KindUndated},     // §一(四)一是 [5], 近三年
	} {
		key := tt.indicator + " " + quantity.MustParse(tt.qty).String()
		p, ok := periods[key]
		if !ok {
			t.Errorf("no record %s", key)
			continue
		}
		// Undated figures carry an undated period, never an invented year.
		if p.Kind() != tt.kind {
			t.Errorf("%s: period %v (%v), want a %v period", key, p, p.Kind(), tt.kind)
		}
	}
}

func TestCatalogue(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range hunan.Programs() {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
		if !strings.HasPrefix(p.ID, "hunan/") || ids[p.ID] {
			t.Errorf("id %q is not a unique hunan/… id", p.ID)
		}
		ids[p.ID] = true
		for _, tg := range p.Targets {
			if tg.Source().IsZero() {
				t.Errorf("%s/%s has no citation", p.ID, tg.ID())
			}
		}
		if _, err := p.Evaluate(hunan.Reported(), date(2019, 12, 31)); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
	}
	if len(ids) != 10 {
		t.Errorf("%d programs, want 10", len(ids))
	}
}

func TestTalentEachYear(t *testing.T) {
	// 004_32acad38fe6c52df.txt §一(四)一是 [4]: 「每年组织5000余名科技特派员、近1000名
	// “三区”科技人才」. The seed's own figures have no year, so they count
	// for no year; the 770 三区 talents and 403 commissioners the province
	// selected in 2019 (§二(二)一是 [11]) are another measure.
	rs := results(t, hunan.TalentPrecisionProject(), hunan.Reported(), date(2019, 12, 31))
	for id, wantNotes := range map[string][]string{
		"commissioners-a-year": {
			`not counted: 403 persons of "provincial-level commissioners selected", another measure`,
			"not counted: more than 5,000 persons (undated, within 2011–2019; 每年组织); the record spans more than one year and cannot count for any one of them",
		},
		"three-regions-a-year": {
			`not counted: 770 persons of "three-regions talents selected by the province", another measure`,
			"not counted: nearly 1,000 persons (undated, within 2011–2019; 每年组织); the record spans more than one year and cannot count for any one of them",
		},
	} {
		r := rs[id]
		var notes []string
		for _, n := range r.Notes {
			notes = append(notes, n.En)
		}
		if r.Kind != target.KindEachYear || r.Status != target.NoData || len(r.Parts) != 1 || r.Parts[0].ID != "2019" {
			t.Errorf("%s: %v %v with %d years, want each year at least, no data, 2019 only", id, r.Kind, r.Status, len(r.Parts))
		}
		if diff := cmp.Diff(wantNotes, notes); diff != "" {
			t.Errorf("%s notes mismatch (-want +got):\n%s", id, diff)
		}
	}

	// With yearly figures and a start, every year is judged. 近1000 is taken
	// at 1000: 2018's 1000 meets it, 2019's 990 does not.
	l := hunan.Reported()
	if err := l.Add(
		outcome.Record{Indicator: "three-regions-talents", Region: hunan.ProvinceCode, Period: period.Year(2018), Quantity: quantity.MustParse("1000名")},
		outcome.Record{Indicator: "three-regions-talents", Region: hunan.ProvinceCode, Period: period.Year(2019), Quantity: quantity.MustParse("990名")},
		outcome.Record{Indicator: "commissioners-organised", Region: hunan.ProvinceCode, Period: period.Year(2018), Quantity: quantity.MustParse("5000余名")},
		outcome.Record{Indicator: "commissioners-organised", Region: hunan.ProvinceCode, Period: period.Year(2019), Quantity: quantity.MustParse("5300名")},
	); err != nil {
		t.Fatal(err)
	}
	p := hunan.TalentPrecisionProject()
	p.Start = date(2018, 1, 1)
	rs = results(t, p, l, date(2019, 12, 31))
	for id, want := range map[string]target.Status{"commissioners-a-year": target.Met, "three-regions-a-year": target.Missed} {
		if r := rs[id]; r.Status != want || r.Units != 2 {
			t.Errorf("%s from 2018: %v over %d years, want %v over 2", id, r.Status, r.Units, want)
		}
	}
}

// countyLedger is the reported ledger over Hunan's regions and three poor
// villages of 泸溪县 (433122) under two of its townships. The village codes
// and names are made up for the test: no village list is embedded.
func countyLedger(t *testing.T) (*outcome.Ledger, []string) {
	t.Helper()
	regions := slices.Collect(hunan.Regions().All())
	villages := []string{"433122102201", "433122102202", "433122104201"}
	for i, v := range villages {
		regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: []string{"甲村", "乙村", "丙村"}[i]}, Level: outcome.Village, Parent: v[:9]})
	}
	rs, err := outcome.NewRegionSet(regions)
	if err != nil {
		t.Fatal(err)
	}
	l, err := outcome.NewLedger(rs, hunan.Indicators()...)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Add(slices.Collect(hunan.Reported().All())...); err != nil {
		t.Fatal(err)
	}
	return l, villages
}

func TestSevenOnesInCounty(t *testing.T) {
	l, villages := countyLedger(t)
	if err := l.Add(
		outcome.Record{Indicator: "village-specialists", Region: villages[0], Period: period.Year(2019), Quantity: quantity.MustParse("1名")},
		outcome.Record{Indicator: "village-specialists", Region: villages[2], Period: period.Year(2019), Quantity: quantity.MustParse("2名")},
		outcome.Record{Indicator: "featured-industries", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("3个")},
	); err != nil {
		t.Fatal(err)
	}
	// The county office of 泸溪县 evaluates 七个一 for itself, from its own
	// list of poor villages.
	p := hunan.SevenOnes().ListUnits(hunan.PoorVillages(), villages...).In("433122")
	rs := results(t, p, l, date(2019, 12, 31))
	for _, tt := range []struct {
		id             string
		status         target.Status
		covered, units int
	}{
		{"industry-per-poor-county", target.Met, 1, 1},
		{"specialist-per-poor-village", target.InProgress, 2, 3},
		{"info-network-per-poor-county", target.NoData, 0, 1},
		{"local-technicians", target.NoData, 0, 0},
	} {
		r := rs[tt.id]
		if r.Status != tt.status || r.Covered != tt.covered || r.Units != tt.units {
			t.Errorf("%s in 泸溪县: %v %d/%d, want %v %d/%d", tt.id, r.Status, r.Covered, r.Units, tt.status, tt.covered, tt.units)
		}
	}
	if sf := rs["specialist-per-poor-village"].Shortfall; sf.Len() != 1 || sf.At(0).Region.Code != villages[1] {
		t.Errorf("shortfall of %d villages, want %s alone", sf.Len(), villages[1])
	}

	// Without the list, the 3209 villages are counted for the province only:
	// their number in the county is unknown, and the result says so.
	r := results(t, hunan.SevenOnes().In("433122"), l, date(2019, 12, 31))["specialist-per-poor-village"]
	if r.Status != target.NoData || len(r.Notes) == 0 || !strings.Contains(r.Notes[0].En, "known only by its count in 430000") {
		t.Errorf("counted villages in 泸溪县: %v, notes %v; want no data, saying why", r.Status, r.Notes)
	}
	// Over the province, the village records cannot be used either: the
	// coverage is read from the 2019 aggregate, and a note says why.
	r = results(t, hunan.SevenOnes(), l, date(2019, 12, 31))["specialist-per-poor-village"]
	if r.Status != target.Met || r.Listed || !slices.ContainsFunc(r.Notes, func(n lang.Name) bool { return strings.Contains(n.En, "2 records of single units not used") }) {
		t.Errorf("counted villages over Hunan: %v listed %v, notes %v; want met from the aggregate, noting the 2 village records", r.Status, r.Listed, r.Notes)
	}
}

func TestTierName(t *testing.T) {
	for _, tt := range []struct {
		tier   hunan.Tier
		name   lang.Name
		String string
	}{
		{hunan.NationalTier, lang.Name{Zh: "国家级", En: "national"}, "national"},
		{hunan.ProvincialTier, lang.Name{Zh: "省级", En: "provincial"}, "provincial"},
		{0, lang.Name{}, "Tier(0)"},
		{9, lang.Name{}, "Tier(9)"},
	} {
		if got := tt.tier.Name(); got != tt.name || tt.tier.String() != tt.String {
			t.Errorf("Tier(%d): Name() = %v, String() = %q; want %v, %q", uint8(tt.tier), got, tt.tier.String(), tt.name, tt.String)
		}
	}
}
