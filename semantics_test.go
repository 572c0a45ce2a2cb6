package taizhang_test

// One test per section of SEMANTICS.md, named after it: each is that
// section's worked example.

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/trend"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	nation   = "100000"
	province = "430000"
	county   = "433122"
	villageA = "433122100201"
	villageB = "433122100202"
	villageC = "433122100203"
	villageD = "433122100204"
)

var indicators = []outcome.Indicator{
	{Code: "training", Name: lang.Name{Zh: "培训场次"}, Unit: quantity.Session, Aggregation: outcome.Flow},
	{Code: "platforms", Name: lang.Name{Zh: "平台载体"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
	{Code: "poor-counties", Name: lang.Name{Zh: "贫困县"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
	{Code: "rural-poor", Name: lang.Name{Zh: "农村贫困人口"}, Unit: quantity.Person, Aggregation: outcome.Stock},
	{Code: "commissioners", Name: lang.Name{Zh: "科技特派员"}, Unit: quantity.Person, Aggregation: outcome.Stock},
	{Code: "leaders", Name: lang.Name{Zh: "致富带头人"}, Unit: quantity.Person, Aggregation: outcome.Stock},
	{Code: "talents", Name: lang.Name{Zh: "三区科技人才"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	{Code: "households-visited", Name: lang.Name{Zh: "走访贫困户"}, Unit: quantity.Household, Aggregation: outcome.Stock,
		Reported: period.KindMonth},
}

func ledger(t *testing.T, records ...outcome.Record) *outcome.Ledger {
	t.Helper()
	regions := []outcome.Region{
		{Code: nation, Name: lang.Name{Zh: "全国"}, Level: outcome.Nation},
		{Code: province, Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province, Parent: nation},
		{Code: county, Name: lang.Name{Zh: "泸溪县"}, Level: outcome.County, Parent: province},
		{Code: "433130", Name: lang.Name{Zh: "龙山县"}, Level: outcome.County, Parent: province},
	}
	for _, v := range []string{villageA, villageB, villageC, villageD} {
		regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: "村" + v[9:]}, Level: outcome.Village, Parent: county})
	}
	rs, err := outcome.NewRegionSet(regions)
	if err != nil {
		t.Fatal(err)
	}
	l, err := outcome.NewLedger(rs, indicators...)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Add(records...); err != nil {
		t.Fatal(err)
	}
	return l
}

func rec(indicator, region, per, figure string) outcome.Record {
	return outcome.Record{Indicator: indicator, Region: region, Period: period.MustParse(per),
		Quantity: quantity.MustParse(figure)}
}

func total(t *testing.T, l *outcome.Ledger, indicator, region, window string) outcome.Sum {
	t.Helper()
	s, err := l.Total(indicator, region, period.MustParse(window))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func evaluate(t *testing.T, tg target.Target, l *outcome.Ledger, asOf time.Time) target.Result {
	t.Helper()
	r, err := tg.Evaluate(l, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func villages() target.Population {
	return target.AllAt(lang.Name{Zh: "村"}, outcome.Village, county)
}

func gapKinds(r target.Result) map[string]target.GapKind {
	kinds := map[string]target.GapKind{}
	for g := range r.Shortfall.All() {
		kinds[g.Region.Code] = g.Kind
	}
	return kinds
}

func TestNoDataIsNotZero(t *testing.T) {
	l := ledger(t, rec("commissioners", villageA, "2019", "1名"), rec("commissioners", villageB, "2019", "1名"),
		rec("commissioners", villageC, "2019", "1名"))
	tg := target.Coverage("c", lang.Name{}, "commissioners", villages(), quantity.MustParse("1名"))
	r := evaluate(t, tg, l, day(2019, 12, 31))
	if r.Status != target.InProgress || r.Covered != 3 || r.Units != 4 {
		t.Errorf("coverage: %v, %d of %d; want in progress, 3 of 4", r.Status, r.Covered, r.Units)
	}
	if k := gapKinds(r); len(k) != 1 || k[villageD] != target.GapNoRecord {
		t.Errorf("shortfall %v, want village D with no record", k)
	}
	r = evaluate(t, target.AtLeast("p", lang.Name{}, "platforms", quantity.MustParse("100个")), ledger(t), day(2019, 12, 31))
	if r.Status != target.NoData || !r.Progress.IsZero() {
		t.Errorf("no records: %v, progress %v; want no data, none", r.Status, r.Progress)
	}
}

func TestStocksAndFlows(t *testing.T) {
	l := ledger(t, rec("platforms", province, "2018", "60个"), rec("platforms", province, "2019", "70个"))
	if s := total(t, l, "platforms", province, "2016-01-01/2019-12-31"); !s.Value.Equal(decimal.NewFromInt(70)) {
		t.Errorf("platforms as of 2019 = %v, want 70 (the latest, never summed)", s.Value)
	}
}

func TestNoDayCountedTwice(t *testing.T) {
	quarters := []outcome.Record{
		rec("training", county, "2019-01-01/2019-03-31", "42场"), rec("training", county, "2019-04-01/2019-06-30", "51场"),
		rec("training", county, "2019-07-01/2019-09-30", "38场"), rec("training", county, "2019-10-01/2019-12-31", "45场"),
	}
	tests := []struct {
		name    string
		records []outcome.Record
		window  string
		want    int64
	}{
		{"quarters and their 合计", append(slices.Clone(quarters), rec("training", county, "2019", "176场")), "2019", 176},
		{"quarters alone add up", quarters, "2019", 176},
		{"quarters that disagree with the 合计", append(slices.Clone(quarters[:3]),
			rec("training", county, "2019-10-01/2019-12-31", "46场"), rec("training", county, "2019", "176场")), "2019", 176},
		{"a cumulative figure holds the years it contains", []outcome.Record{rec("training", county, "2018", "100场"),
			rec("training", county, "2019", "100场"), rec("training", county, "2005-/2019", "1000场")}, "2005-01-01/2019-12-31", 1000},
		{"a window the cumulative figure does not lie in", []outcome.Record{rec("training", county, "2018", "100场"),
			rec("training", county, "2019", "100场"), rec("training", county, "2005-/2019", "1000场")}, "2018-01-01/2019-12-31", 200},
		{"a day inside a year", []outcome.Record{rec("training", county, "2019", "100场"),
			rec("training", county, "2019-05-01/2019-05-01", "3场")}, "2019", 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ledger(t, tt.records...)
			if s := total(t, l, "training", county, tt.window); !s.Value.Equal(decimal.NewFromInt(tt.want)) {
				t.Errorf("total over %s = %v, want %d", tt.window, s.Value, tt.want)
			}
		})
	}
	t.Run("a province's own figure below its counties' is passed over and reported", func(t *testing.T) {
		l := ledger(t, rec("training", province, "2019", "100场"), rec("training", county, "2019", "176场"),
			rec("training", "433130", "2019", "30场"))
		if s := total(t, l, "training", province, "2019"); !s.Value.Equal(decimal.NewFromInt(206)) || s.PassedCount != 1 {
			t.Errorf("the province's total = %v, %d passed over; want its counties' 206, its own 100 passed over", s.Value, s.PassedCount)
		}
		d, err := l.Discrepancies("training", "", period.Year(2019))
		if err != nil {
			t.Fatal(err)
		}
		if len(d) != 1 || d[0].Kind != outcome.DescendantsExceed || !d[0].Sum.Value.Equal(decimal.NewFromInt(206)) {
			t.Errorf("discrepancies = %v, want the province's 100 against its counties' 206", d)
		}
	})
	t.Run("a record across the edge is left out, and bounds the figure", func(t *testing.T) {
		l := ledger(t, rec("training", county, "2018-12-01/2019-01-31", "200场"), rec("training", county, "2019-02/2019-12", "110场"))
		tg := target.AtLeast("t", lang.Name{}, "training", quantity.MustParse("120场")).In(county).From(day(2019, 1, 1)).By(day(2019, 12, 31))
		r := evaluate(t, tg, l, day(2019, 12, 31))
		if r.Status != target.Undecided || !r.Bounds.Hi.Equal(decimal.NewFromInt(310)) {
			t.Errorf("%v, bounds %s; want undecided, at most 310", r.Status, r.Bounds.In(lang.English))
		}
		// December to January bounds all of 2019: 110 to 130 misses 140,
		// with a figure at the deadline.
		l = ledger(t, rec("training", county, "2019-12-01/2020-01-31", "20场"), rec("training", county, "2019-01/2019-11", "110场"))
		tg = target.AtLeast("t", lang.Name{}, "training", quantity.MustParse("140场")).In(county).From(day(2019, 1, 1)).By(day(2019, 12, 31))
		if r := evaluate(t, tg, l, day(2019, 12, 31)); r.Status != target.Missed {
			t.Errorf("110 to 130 against 140: %v, want missed", r.Status)
		}
		// A record across the edge and nothing else: no figure counted, but
		// one of at most 200, known to January 31 only: against 140 by
		// December 31, no figure at the deadline, said why.
		l = ledger(t, rec("training", county, "2018-12-01/2019-01-31", "200场"))
		if s := total(t, l, "training", county, "2019"); s.Has() || s.Bounds().In(lang.English) != "≥0, ≤200" {
			t.Errorf("a record across the edge alone: has %v, bounds %s; want no figure, 0 to 200", s.Has(), s.Bounds().In(lang.English))
		}
		if r := evaluate(t, tg, l, day(2019, 12, 31)); r.Status != target.NoFigureAtDeadline || len(r.Notes) != 1 {
			t.Errorf("a record across the edge alone: %v, notes %v; want no figure at the deadline, with a note", r.Status, r.Notes)
		}
		// What a record across the edge may hold is its upper bound, not
		// its number: 20余 is less than 30, 20以上 has none.
		for figure, want := range map[string]string{"20余场": "≥110, <140", "20场以上": "≥110, no upper bound", "近20场": "≥110, <130"} {
			l := ledger(t, rec("training", county, "2019-02/2019-12", "110场"), rec("training", county, "2018-12-01/2019-01-31", figure))
			if got := total(t, l, "training", county, "2019").Bounds().In(lang.English); got != want {
				t.Errorf("110 beside %s across the edge: %s, want %s", figure, got, want)
			}
		}
		// One reaching to the deadline bounds the whole year: 0 to 50
		// misses 140.
		l = ledger(t, rec("training", county, "2019-12-01/2020-01-31", "50场"))
		if r := evaluate(t, tg, l, day(2019, 12, 31)); r.Status != target.Missed || !r.Bounds.Hi.Equal(decimal.NewFromInt(50)) {
			t.Errorf("0 to 50 against 140: %v, bounds %s; want missed", r.Status, r.Bounds.In(lang.English))
		}
		// An undated figure (within 2011–2019) alone says nothing of 2019.
		l = ledger(t, rec("training", county, "~2011/2019", "5000场"))
		if r := evaluate(t, tg, l, day(2019, 12, 31)); r.Status != target.NoData {
			t.Errorf("an undated figure alone: %v, want no data", r.Status)
		}
	})
	t.Run("a record left out that holds days nothing counted holds bounds the figure", func(t *testing.T) {
		// The first half counts; April to July is left out for overlapping
		// it, but July is held by nothing counted: 2019 is 100 to 130.
		l := ledger(t, rec("training", county, "2019-01-01/2019-06-30", "100场"), rec("training", county, "2019-04-01/2019-07-31", "30场"))
		s := total(t, l, "training", county, "2019")
		if s.Uncovered != 1 || s.Bounds().In(lang.English) != "≥100, ≤130" {
			t.Errorf("uncovered %d, bounds %s; want 1, 100 to 130", s.Uncovered, s.Bounds().In(lang.English))
		}
		// Across levels: the province's own first half stands beside its
		// county's smaller year, which holds the second half as well.
		l = ledger(t, rec("training", province, "2019-01-01/2019-06-30", "100场"), rec("training", county, "2019", "12场"))
		tg := target.AtLeast("t", lang.Name{}, "training", quantity.MustParse("105场")).In(province).From(day(2019, 1, 1)).By(day(2019, 12, 31))
		r := evaluate(t, tg, l, day(2019, 12, 31))
		if r.Certainty == quantity.Exact || !r.Bounds.Hi.Equal(decimal.NewFromInt(112)) ||
			!slices.ContainsFunc(r.Notes, func(n lang.Name) bool { return strings.HasPrefix(n.Zh, "1 条记录与计入的记录部分重叠") }) {
			t.Errorf("%v, certainty %v, bounds %s, notes %v; want 100 to 112, not exact, with a note", r.Status, r.Certainty, r.Bounds.In(lang.English), r.Notes)
		}
		// Unit by unit, as in total: a village's first half and its April
		// to July give 1 to 2 for 2019.
		l = ledger(t, rec("training", villageA, "2019-01-01/2019-06-30", "1场"), rec("training", villageA, "2019-04-01/2019-07-31", "1场"))
		units, err := l.Regions().SelectLevel(county, outcome.Village)
		if err != nil {
			t.Fatal(err)
		}
		v, err := l.Values("training", units, period.Year(2019))
		if err != nil {
			t.Fatal(err)
		}
		if v.Uncovered(0) != 1 || v.Bounds(0).In(lang.English) != "≥1, ≤2" {
			t.Errorf("village A: uncovered %d, bounds %s; want 1, 1 to 2", v.Uncovered(0), v.Bounds(0).In(lang.English))
		}
		// Quarters within a counted 合计 hold no other day: the figure stays exact.
		l = ledger(t, append(slices.Clone(quarters), rec("training", county, "2019", "176场"))...)
		if s := total(t, l, "training", county, "2019"); s.Uncovered != 0 || s.Certainty != quantity.Exact {
			t.Errorf("quarters within their 合计: uncovered %d, %v; want none, exact", s.Uncovered, s.Certainty)
		}
	})
	t.Run("a unit's record across the edge bounds its figure", func(t *testing.T) {
		// Every village at least 2 sessions in 2019: A has 3; B only a
		// record of December to January, which may or may not hold 2 in
		// December; C 1 in February to November and 4 in December to
		// January, so 1 to 5; D nothing.
		l := ledger(t, rec("training", villageA, "2019", "3场"),
			rec("training", villageB, "2019-12-01/2020-01-31", "5场"),
			rec("training", villageC, "2019-02/2019-11", "1场"), rec("training", villageC, "2019-12-01/2020-01-31", "4场"))
		tg := target.Coverage("v", lang.Name{}, "training", villages(), quantity.MustParse("2场")).From(day(2019, 1, 1)).By(day(2019, 12, 31))
		r := evaluate(t, tg, l, day(2019, 12, 31))
		want := map[string]target.GapKind{villageB: target.GapUndecided, villageC: target.GapUndecided, villageD: target.GapNoRecord}
		if diff := cmp.Diff(want, gapKinds(r)); diff != "" {
			t.Errorf("shortfall mismatch (-want +got):\n%s", diff)
		}
		figures := map[string]string{}
		for g := range r.Shortfall.All() {
			figures[g.Region.Code] = g.Figure().String()
		}
		if diff := cmp.Diff(map[string]string{villageB: "0—5", villageC: "1—5", villageD: "0"}, figures); diff != "" {
			t.Errorf("shortfall figures mismatch (-want +got):\n%s", diff)
		}
		if r.Covered != 1 || !slices.ContainsFunc(r.Notes, func(n lang.Name) bool {
			return strings.HasPrefix(n.Zh, "2 个单位有跨越评估期间边界")
		}) {
			t.Errorf("covered %d, notes %v; want 1, and a note on the 2 units with records across the edge", r.Covered, r.Notes)
		}
		units, err := l.Regions().SelectLevel(county, outcome.Village)
		if err != nil {
			t.Fatal(err)
		}
		v, err := l.Values("training", units, period.Year(2019))
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range []string{"3", "≥0, ≤5", "≥1, ≤5", "no lower bound, no upper bound"} {
			if got := v.Bounds(i).In(lang.English); got != want {
				t.Errorf("village %s: bounds %s, want %s", v.Region(i).Code, got, want)
			}
		}
	})
	t.Run("a disagreement is reported", func(t *testing.T) {
		l := ledger(t, append(slices.Clone(quarters[:3]),
			rec("training", county, "2019-10-01/2019-12-31", "46场"), rec("training", county, "2019", "176场"))...)
		d, err := l.Discrepancies("training", county, period.Year(2019))
		if err != nil {
			t.Fatal(err)
		}
		if len(d) != 1 {
			t.Fatalf("discrepancies = %v, want the 合计 against its quarters", d)
		}
	})
}

func TestTheNewestFigureWins(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt intro: 贫困县从832个减少到52个 by the end of
	// 2019; the county records of 2020 sum to 0.
	l := ledger(t, rec("poor-counties", nation, "2019", "52个"),
		rec("poor-counties", county, "2020", "0个"), rec("poor-counties", "433130", "2020", "0个"))
	if s := total(t, l, "poor-counties", nation, "2012-12-31/2020-12-31"); !s.Value.IsZero() {
		t.Errorf("poor counties as of 2020 = %v, want 0: the counties' 2020 records are newer than the nation's 2019 one", s.Value)
	}
	if s := total(t, l, "poor-counties", nation, "2012-12-31/2019-12-31"); !s.Value.Equal(decimal.NewFromInt(52)) {
		t.Errorf("poor counties as of 2019 = %v, want 52", s.Value)
	}
	same := ledger(t, rec("platforms", province, "2019", "10个"), rec("platforms", county, "2019", "4个"), rec("platforms", "433130", "2019", "5个"))
	if s := total(t, same, "platforms", province, "2019"); !s.Value.Equal(decimal.NewFromInt(10)) {
		t.Errorf("a province's own figure of the same date = %v, want its own 10", s.Value)
	}
	d, err := same.Discrepancies("platforms", province, period.Year(2019))
	if err != nil {
		t.Fatal(err)
	}
	if len(d) != 1 {
		t.Errorf("discrepancies = %v, want the province's 10 against its counties' 9", d)
	}

	// Where only some subdivisions have newer figures, their roll-up still
	// counts, and the note says how many of them have figures at all.
	partial := ledger(t, rec("platforms", province, "2019", "149个"), rec("platforms", county, "2020", "2个"))
	r := evaluate(t, target.AtLeast("p", lang.Name{}, "platforms", quantity.MustParse("100个")).In(province), partial, day(2020, 12, 31))
	found := false
	for _, n := range r.Notes {
		found = found || strings.Contains(n.Zh, "未采用") && strings.Contains(n.Zh, "个下级中 1 个有数据") && strings.Contains(n.En, "1 of its")
	}
	if !found {
		t.Errorf("notes %v: want the figure passed over, and how many subdivisions have figures", r.Notes)
	}
}

func TestQualifiersDecide(t *testing.T) {
	atLeast := target.AtLeast("a", lang.Name{}, "talents", quantity.MustParse("1000名"))
	down := target.Reduction("r", lang.Name{}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("10人"))
	tests := []struct {
		tg     target.Target
		figure string
		want   target.Status
	}{
		{atLeast, "1000余名", target.Met},
		{atLeast, "1000名以上", target.Met},
		{atLeast, "近1000名", target.InProgress},
		{atLeast, "不到1000名", target.InProgress},
		{atLeast, "不到1200名", target.Undecided},
		{atLeast, "900余名", target.InProgress}, // 余 rounds down: fewer than 1000
		{atLeast, "900名以上", target.Undecided},
		{down, "10余人", target.InProgress},
		{down, "不到10人", target.Met},
		{down, "10人", target.Met},
	}
	for _, tt := range tests {
		ind := tt.tg.Indicator()
		r := evaluate(t, tt.tg, ledger(t, rec(ind, province, "2019", tt.figure)), day(2019, 12, 31))
		if r.Status != tt.want {
			t.Errorf("%s against %v %v: %v, want %v", tt.figure, tt.tg.Kind(), tt.tg.Required(), r.Status, tt.want)
		}
	}
}

func TestDeadlines(t *testing.T) {
	sessions := target.AtLeast("s", lang.Name{}, "training", quantity.MustParse("200场")).
		From(day(2019, 1, 1)).By(day(2019, 12, 31))
	l := ledger(t, rec("training", county, "2019", "176场"))
	if r := evaluate(t, sessions, l, day(2019, 12, 31)); r.Status != target.Missed {
		t.Errorf("200 sessions by 2019-12-31, 176 in on the day: %v, want missed", r.Status)
	}
	if r := evaluate(t, sessions, l, day(2018, 12, 31)); r.Status != target.NotStarted {
		t.Errorf("before its start: %v, want not started", r.Status)
	}
	// 000_f8a6b69a178fa4e7.txt intro: 551万 at the end of 2019.
	poor := target.Reduction("p", lang.Name{}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("0人")).
		From(day(2012, 12, 31)).By(day(2020, 12, 31))
	r := evaluate(t, poor, ledger(t, rec("rural-poor", nation, "2019", "551万人")), day(2021, 1, 1))
	if r.Status != target.NoFigureAtDeadline || !r.DataAsOf.Equal(day(2019, 12, 31)) || !r.Achieved.Value().Equal(decimal.NewFromInt(5510000)) {
		t.Errorf("past the deadline on an end-2019 figure: %v, %v as of %v; want no figure at the deadline, 5510000 as of 2019-12-31",
			r.Status, r.Achieved, r.DataAsOf)
	}
}

func TestStaleFigures(t *testing.T) {
	tg := target.Reduction("p", lang.Name{}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("0人"))
	l := ledger(t, rec("rural-poor", nation, "2019", "551万人"))
	if r := evaluate(t, tg, l, day(2020, 12, 31)); !r.Stale {
		t.Error("as of 2020-12-31 the end-2019 figure is not marked stale")
	}
	if r := evaluate(t, tg, l, day(2020, 6, 30)); r.Stale {
		t.Error("as of 2020-06-30 the end-2019 figure is marked stale")
	}
	// An indicator reported monthly: its May figure is stale by the end of
	// June.
	visits := target.AtLeast("v", lang.Name{}, "households-visited", quantity.MustParse("100户"))
	l = ledger(t, rec("households-visited", county, "2020-05", "80户"))
	if r := evaluate(t, visits, l, day(2020, 6, 30)); !r.Stale {
		t.Error("a monthly figure of May is not stale at the end of June")
	}
	if r := evaluate(t, visits, l, day(2020, 6, 15)); r.Stale {
		t.Error("a monthly figure of May is stale in mid-June")
	}
}

func TestPerUnit(t *testing.T) {
	l := ledger(t, rec("leaders", villageA, "2019", "4名"), rec("leaders", villageB, "2019", "6名"),
		rec("leaders", villageC, "2019", "2名"))
	tg := target.EachInRange("l", lang.Name{}, "leaders", villages(), quantity.MustParse("3—5名"))
	r := evaluate(t, tg, l, day(2019, 12, 31))
	want := map[string]target.GapKind{villageB: target.GapAbove, villageC: target.GapBelow, villageD: target.GapNoRecord}
	if got := gapKinds(r); !maps(got, want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
	if c := r.Shortfall.Counts(); c != (target.GapCounts{NoRecord: 1, Below: 1, Above: 1}) || r.Covered != 1 || r.Status != target.InProgress {
		t.Errorf("counts %+v, covered %d, %v; want one of each, 1 covered, in progress", c, r.Covered, r.Status)
	}

	// Had C recorded 不到3: below, lacking more than 0.
	l = ledger(t, rec("leaders", villageC, "2019", "不到3名"))
	r = evaluate(t, tg, l, day(2019, 12, 31))
	found := false
	for g := range r.Shortfall.All() {
		if g.Region.Code == villageC {
			found = true
			if g.Kind != target.GapBelow || g.Difference().String() != "超过0" {
				t.Errorf("C recorded 不到3: %v, lacks %v; want below, lacking 超过0", g.Kind, g.Difference())
			}
		}
	}
	if !found {
		t.Error("C recorded 不到3 is not in the shortfall")
	}

	// A unit certainly above the range settles it, whatever an undecided
	// one holds: A 近4 (less than 4, perhaps below 3) and B 6 against 3—5.
	l = ledger(t, rec("leaders", villageA, "2019", "近4名"), rec("leaders", villageB, "2019", "6名"),
		rec("leaders", villageC, "2019", "4名"), rec("leaders", villageD, "2019", "4名"))
	if r := evaluate(t, tg, l, day(2019, 12, 31)); r.Status != target.Exceeded {
		t.Errorf("one unit above, one undecided: %v, want over the limit", r.Status)
	}
}

func maps(a, b map[string]target.GapKind) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestEachYearAtLeastN(t *testing.T) {
	l := ledger(t, rec("talents", province, "2018", "1200名"), rec("talents", province, "2019", "900名"),
		rec("talents", province, "2020-03", "300名"))
	tg := target.EachYear("t", lang.Name{}, "talents", quantity.MustParse("1000名")).
		From(day(2018, 1, 1)).By(day(2020, 12, 31))
	r := evaluate(t, tg, l, day(2020, 6, 30))
	var years []string
	for _, p := range r.Parts {
		years = append(years, p.Name.Zh+" "+p.Status.Name().En)
	}
	want := []string{"2018年 met", "2019年 missed", "2020年 in progress"}
	if r.Status != target.Missed || !slices.Equal(years, want) {
		t.Errorf("each year at least 1000: %v, years %q; want missed, %q", r.Status, years, want)
	}
}

func TestAllOf(t *testing.T) {
	platforms := target.AtLeast("p", lang.Name{}, "platforms", quantity.MustParse("100个"))
	talents := target.AtLeast("t", lang.Name{}, "talents", quantity.MustParse("1000名"))
	tg := target.AllOf("all", lang.Name{}, platforms, talents)
	tests := []struct {
		talents string
		want    target.Status
	}{
		{"1000余名", target.Met},
		{"900名", target.InProgress},
		{"不到1200名", target.Undecided},
	}
	for _, tt := range tests {
		l := ledger(t, rec("platforms", province, "2019", "120个"), rec("talents", province, "2019", tt.talents))
		if r := evaluate(t, tg, l, day(2019, 12, 31)); r.Status != tt.want {
			t.Errorf("platforms met, talents %s: %v, want %v", tt.talents, r.Status, tt.want)
		}
	}
	// An observed part requires nothing: it neither blocks the verdict nor
	// sets the progress.
	observed := target.AllOf("obs", lang.Name{}, platforms, target.Observe("o", lang.Name{}, "training"))
	l := ledger(t, rec("platforms", province, "2019", "80个"), rec("training", county, "2019", "176场"))
	if r := evaluate(t, observed, l, day(2019, 12, 31)); r.Status != target.InProgress || !r.Progress.Equal(decimal.RequireFromString("0.8")) {
		t.Errorf("with an observed part: %v, progress %v; want in progress, 0.8", r.Status, r.Progress)
	}
	l = ledger(t, rec("platforms", province, "2019", "120个"), rec("training", county, "2019", "176场"))
	if r := evaluate(t, observed, l, day(2019, 12, 31)); r.Status != target.Met {
		t.Errorf("met beside an observed part: %v, want met", r.Status)
	}
}

func TestScoping(t *testing.T) {
	l := ledger(t, rec("commissioners", villageA, "2019", "1名"))
	all := target.Coverage("c", lang.Name{}, "commissioners", target.AllAt(lang.Name{Zh: "村"}, outcome.Village, ""), quantity.MustParse("1名"))
	in := evaluate(t, all.In(county), l, day(2019, 12, 31))
	if in.Units != 4 || in.Covered != 1 {
		t.Errorf("coverage in 泸溪县: %d of %d, want 1 of its 4 villages", in.Covered, in.Units)
	}
	if _, err := all.In("439999").Evaluate(l, day(2019, 12, 31)); err == nil {
		t.Error("a target narrowed to a region the ledger does not hold: no error")
	}
}

func TestProjection(t *testing.T) {
	p := program.Program{ID: "p", Name: lang.Name{Zh: "平台"}, Indicators: indicators,
		Targets: []target.Target{target.AtLeast("p", lang.Name{}, "platforms", quantity.MustParse("100个")).
			From(day(2016, 1, 1)).By(day(2020, 12, 31))}}
	one := ledger(t, rec("platforms", province, "2017", "40个"))
	series, err := trend.Evaluate(p, one, trend.YearEnds(2016, 2020), trend.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if series[0].Projection.Reachable {
		t.Errorf("one figure gives a projection: %+v", series[0].Projection)
	}
	// 40 at the end of 2017 and 80 at the end of 2018 would reach 100 in
	// mid-2019, but the end-2019 figure is still 80: no projection before 2019-12-31.
	l := ledger(t, rec("platforms", province, "2017", "40个"), rec("platforms", province, "2018", "80个"),
		rec("platforms", province, "2019", "80个"))
	series, err = trend.Evaluate(p, l, trend.YearEnds(2016, 2020), trend.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pr := series[0].Projection; pr.Reachable && pr.Date.Before(day(2019, 12, 31)) {
		t.Errorf("projected %v, before the last date it was unmet", pr.Date)
	}
}
