package target

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	start2016 = date(2016, 1, 1)
	end2020   = date(2020, 12, 31)
	asOf2019  = date(2019, 12, 31)
	after     = date(2021, 6, 30)
)

var testIndicators = []outcome.Indicator{
	{Code: "platforms", Name: lang.Name{Zh: "平台载体", En: "platforms"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
	{Code: "star-spaces", Name: lang.Name{Zh: "星创天地", En: "star spaces"}, Unit: quantity.Establishment, Aggregation: outcome.Flow},
	{Code: "commissioners", Name: lang.Name{Zh: "科技特派员", En: "commissioners"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	{Code: "leaders", Name: lang.Name{Zh: "致富带头人", En: "leaders"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	{Code: "poor", Name: lang.Name{Zh: "农村贫困人口", En: "rural poor"}, Unit: quantity.Person, Aggregation: outcome.Stock},
	{Code: "teams-covered", Name: lang.Name{Zh: "专家服务团覆盖县数", En: "counties with a team"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
	{Code: "training", Name: lang.Name{Zh: "培训农民", En: "farmers trained"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
	{Code: "funds", Name: lang.Name{Zh: "扶贫资金", En: "poverty-alleviation funds"}, Unit: quantity.Yuan, Aggregation: outcome.Flow},
}

var villages = []string{"433122100201", "433122100202", "433122100203", "433130100201", "433130100202"}

func testLedger(t *testing.T, records ...outcome.Record) *outcome.Ledger {
	t.Helper()
	regions := []outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
	}
	for _, v := range villages {
		regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: "村" + v[9:], En: "village " + v[9:]}, Level: outcome.Village, Parent: v[:6]})
	}
	return ledgerOf(t, regions, records...)
}

// ledgerOf returns a ledger of the test indicators over regions, holding
// records.
func ledgerOf(t *testing.T, regions []outcome.Region, records ...outcome.Record) *outcome.Ledger {
	t.Helper()
	rs, err := outcome.NewRegionSet(regions)
	require.NoError(t, err)
	l, err := outcome.NewLedger(rs, testIndicators...)
	require.NoError(t, err)
	require.NoError(t, l.Add(records...))
	return l
}

func rec(ind, region, per, qty string) outcome.Record {
	return outcome.Record{Indicator: ind, Region: region, Period: period.MustParse(per), Quantity: quantity.MustParse(qty)}
}

func eachVillage(ind, per, qty string, codes ...string) []outcome.Record {
	var out []outcome.Record
	for _, c := range codes {
		out = append(out, rec(ind, c, per, qty))
	}
	return out
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

type want struct {
	status   Status
	progress string // "" when there is none
	covered  int
	gaps     []string // shortfall codes
}

func check(t *testing.T, tg Target, l *outcome.Ledger, asOf time.Time, w want) Result {
	t.Helper()
	r, err := tg.Evaluate(l, asOf)
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if r.Status != w.status {
		t.Errorf("Status = %v, want %v", r.Status, w.status)
	}
	if w.progress != "" && !r.Progress.Equal(d(w.progress)) {
		t.Errorf("Progress = %v, want %v", r.Progress, w.progress)
	}
	if w.progress == "" && !r.Progress.IsZero() {
		t.Errorf("Progress = %v, want none", r.Progress)
	}
	if r.Covered != w.covered {
		t.Errorf("Covered = %d, want %d", r.Covered, w.covered)
	}
	var gaps []string
	for g := range r.Shortfall.All() {
		gaps = append(gaps, g.Region.Code)
	}
	if diff := cmp.Diff(w.gaps, gaps); diff != "" {
		t.Errorf("shortfall mismatch (-want +got):\n%s", diff)
	}
	return r
}

func TestAtLeast(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt footnote ②: 「建设“一百个”科技园区、星创天地等平台载体」.
	tg := AtLeast("platforms", lang.Name{Zh: "一百个平台载体"}, "platforms", quantity.MustParse("一百个")).From(start2016).By(end2020)
	tests := []struct {
		name    string
		records []outcome.Record
		asOf    time.Time
		want    want
	}{
		{"no data", nil, asOf2019, want{status: NoData}},
		{"partial", []outcome.Record{rec("platforms", "430000", "2019", "40个")}, asOf2019, want{status: InProgress, progress: "0.4"}},
		{"exactly met", []outcome.Record{rec("platforms", "430000", "2019", "100个")}, asOf2019, want{status: Met, progress: "1"}},
		{"exceeded", []outcome.Record{rec("platforms", "430000", "2019", "150个")}, asOf2019, want{status: Met, progress: "1.5"}},
		{"past deadline", []outcome.Record{rec("platforms", "430000", "2020", "40个")}, after, want{status: Missed, progress: "0.4"}},
		{"on the deadline, its figure in", []outcome.Record{rec("platforms", "430000", "2020", "40个")}, end2020, want{status: Missed, progress: "0.4"}},
		{"past deadline, no figure at it", []outcome.Record{rec("platforms", "430000", "2019", "40个")}, after, want{status: NoFigureAtDeadline, progress: "0.4"}},
		{"figures after the deadline do not count", []outcome.Record{rec("platforms", "430000", "2020", "40个"), rec("platforms", "430000", "2021", "120个")}, after, want{status: Missed, progress: "0.4"}},
		{"before the start", []outcome.Record{rec("platforms", "430000", "2015", "40个")}, date(2015, 12, 31), want{status: NotStarted}},
		{"stock counted once, not summed over years", []outcome.Record{rec("platforms", "430000", "2018", "60个"), rec("platforms", "430000", "2019", "70个")}, asOf2019, want{status: InProgress, progress: "0.7"}},
		{"counties roll up", []outcome.Record{rec("platforms", "433122", "2019", "60个"), rec("platforms", "433130", "2019", "40个")}, asOf2019, want{status: Met, progress: "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tg, testLedger(t, tt.records...), tt.asOf, tt.want) })
	}
}

func TestRange(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt §3.1 (2): 「建设3 000—5 000个星创天地」; records in 家 count for 个.
	tg := Range("star-spaces", lang.Name{Zh: "星创天地"}, "star-spaces", quantity.MustParse("3 000—5 000个")).From(start2016).By(end2020)
	tests := []struct {
		name    string
		records []outcome.Record
		asOf    time.Time
		want    want
	}{
		{"no data", nil, asOf2019, want{status: NoData}},
		{"partial", []outcome.Record{rec("star-spaces", "430000", "2018", "1000家"), rec("star-spaces", "430000", "2019", "500家")}, asOf2019, want{status: InProgress, progress: "0.5"}},
		{"exactly the minimum", []outcome.Record{rec("star-spaces", "430000", "2019", "3000家")}, asOf2019, want{status: Met, progress: "1"}},
		{"exactly the maximum", []outcome.Record{rec("star-spaces", "430000", "2019", "5000家")}, asOf2019, want{status: Met, progress: "1.666666666667"}},
		{"above the maximum", []outcome.Record{rec("star-spaces", "430000", "2019", "6000家")}, asOf2019, want{status: Exceeded, progress: "2"}},
		{"past deadline", []outcome.Record{rec("star-spaces", "430000", "2020", "1500家")}, after, want{status: Missed, progress: "0.5"}},
		{"past deadline, no figure at it", []outcome.Record{rec("star-spaces", "430000", "2019", "1500家")}, after, want{status: NoFigureAtDeadline, progress: "0.5"}},
		{"flows before the start do not count", []outcome.Record{rec("star-spaces", "430000", "2015", "2000家"), rec("star-spaces", "430000", "2019", "1500家")}, asOf2019, want{status: InProgress, progress: "0.5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tg, testLedger(t, tt.records...), tt.asOf, tt.want) })
	}
}

func TestCoverage(t *testing.T) {
	pop := AllAt(lang.Name{Zh: "贫困村", En: "poor villages"}, outcome.Village, "430000")
	tg := Coverage("commissioners", lang.Name{Zh: "科技特派员全覆盖"}, "commissioners", pop, quantity.MustParse("1名")).From(start2016).By(end2020)
	tests := []struct {
		name    string
		records []outcome.Record
		asOf    time.Time
		want    want
	}{
		// No data, but the units are known: all short, kept for merging shards.
		{"no data", nil, asOf2019, want{status: NoData, gaps: villages}},
		{"partial", eachVillage("commissioners", "2019", "1名", villages[0], villages[3]), asOf2019,
			want{status: InProgress, progress: "0.4", covered: 2, gaps: []string{villages[1], villages[2], villages[4]}}},
		{"exactly met", eachVillage("commissioners", "2018", "1名", villages...), asOf2019, want{status: Met, progress: "1", covered: 5}},
		{"exceeded", eachVillage("commissioners", "2018", "2名", villages...), asOf2019, want{status: Met, progress: "1", covered: 5}},
		{"past deadline", eachVillage("commissioners", "2020", "1名", villages[:4]...), after,
			want{status: Missed, progress: "0.8", covered: 4, gaps: []string{villages[4]}}},
		{"past deadline, no figure at it", eachVillage("commissioners", "2019", "1名", villages[:4]...), after,
			want{status: NoFigureAtDeadline, progress: "0.8", covered: 4, gaps: []string{villages[4]}}},
		{"a county figure says nothing of its villages one by one", []outcome.Record{rec("commissioners", "433122", "2019", "3名")}, asOf2019,
			want{status: NoData, gaps: villages}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tg, testLedger(t, tt.records...), tt.asOf, tt.want) })
	}
}

func TestCoverageShortfallAmounts(t *testing.T) {
	pop := Listed(lang.Name{Zh: "两个贫困县"}, "433130", "433122")
	tg := Coverage("industries", lang.Name{Zh: "每县两个产业"}, "leaders", pop, quantity.MustParse("2名"))
	r := check(t, tg, testLedger(t, rec("leaders", "433122100201", "2019", "1名")), asOf2019,
		want{status: InProgress, progress: "0", gaps: []string{"433122", "433130"}})
	if g := r.Shortfall.At(0); !g.Has.Equal(d("1")) || !g.Lacks.Equal(d("1")) || g.Region.Name.Zh != "泸溪县" {
		t.Errorf("first gap = %+v, want 泸溪县 has 1 lacks 1 (a village rolls up to its county)", g)
	}
	if g := r.Shortfall.At(1); !g.Has.Equal(d("0")) || !g.Lacks.Equal(d("2")) {
		t.Errorf("second gap = %+v, want has 0 lacks 2", g)
	}
}

func TestConditionalCoverage(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt §3.1 (2): 「有条件的贫困县至少建设一个科技产业园区」; the
	// condition is the caller's.
	eligible := map[string]bool{"433130": true}
	pop := AllAt(lang.Name{Zh: "贫困县"}, outcome.County, "").
		Where(lang.Name{Zh: "有条件的", En: "with the conditions"}, func(r outcome.Region) bool { return eligible[r.Code] })
	tg := Coverage("county-park", lang.Name{Zh: "有条件的贫困县至少建设一个科技产业园区"}, "platforms", pop, quantity.MustParse("至少一个"))
	r := check(t, tg, testLedger(t, rec("platforms", "433130", "2019", "1个")), asOf2019, want{status: Met, progress: "1", covered: 1})
	if r.Units != 1 {
		t.Errorf("Units = %d, want 1: only the eligible county", r.Units)
	}
}

func TestCoverageFromAggregate(t *testing.T) {
	// 004_32acad38fe6c52df.txt §二(二)二是: 「实现全省51个贫困县全覆盖」 gives a count, no list.
	pop := AllAt(lang.Name{Zh: "县"}, outcome.County, "430000")
	tg := Coverage("teams", lang.Name{Zh: "专家服务团全覆盖"}, "platforms", pop, quantity.MustParse("1个")).CoveredBy("teams-covered")
	r := check(t, tg, testLedger(t, rec("teams-covered", "430000", "2018", "2个")), asOf2019, want{status: Met, progress: "1", covered: 2})
	if r.Listed || len(r.Notes) == 0 {
		t.Errorf("Listed = %v, Notes = %v; want no list and a note saying so", r.Listed, r.Notes)
	}
	r = check(t, tg, testLedger(t, rec("teams-covered", "430000", "2018", "1个")), asOf2019, want{status: InProgress, progress: "0.5", covered: 1})
	if r.Listed {
		t.Error("Listed = true for coverage read from an aggregate")
	}
}

func TestEachInRange(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt §3.2: 「每村确定3—5位创业致富带头人培育目标」.
	pop := AllAt(lang.Name{Zh: "贫困村"}, outcome.Village, "")
	tg := EachInRange("leaders", lang.Name{Zh: "每村3—5位带头人"}, "leaders", pop, quantity.MustParse("3—5位")).By(end2020)
	inRange := append(eachVillage("leaders", "2018", "2名", villages...), eachVillage("leaders", "2019", "2名", villages...)...)
	tests := []struct {
		name    string
		records []outcome.Record
		asOf    time.Time
		want    want
	}{
		{"no data", nil, asOf2019, want{status: NoData, gaps: villages}},
		{"partial", eachVillage("leaders", "2019", "3名", villages[1:3]...), asOf2019,
			want{status: InProgress, progress: "0.4", covered: 2, gaps: []string{villages[0], villages[3], villages[4]}}},
		{"met, flows summed", inRange, asOf2019, want{status: Met, progress: "1", covered: 5}},
		{"above the maximum", append(inRange, rec("leaders", villages[2], "2017", "2名")), asOf2019,
			want{status: Exceeded, progress: "0.8", covered: 4, gaps: []string{villages[2]}}},
		{"above the maximum and below the minimum", append(eachVillage("leaders", "2019", "3名", villages[:4]...), rec("leaders", villages[4], "2019", "2名"), rec("leaders", villages[0], "2018", "3名")), asOf2019,
			want{status: InProgress, progress: "0.6", covered: 3, gaps: []string{villages[0], villages[4]}}},
		{"past deadline", eachVillage("leaders", "2020", "3名", villages[1:3]...), after,
			want{status: Missed, progress: "0.4", covered: 2, gaps: []string{villages[0], villages[3], villages[4]}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tg, testLedger(t, tt.records...), tt.asOf, tt.want) })
	}
	r, _ := tg.Evaluate(testLedger(t, append(inRange, rec("leaders", villages[2], "2017", "2名"))...), asOf2019)
	if g := r.Shortfall.At(0); !g.Excess.Equal(d("1")) || !g.Lacks.IsZero() || !g.Has.Equal(d("6")) {
		t.Errorf("gap above the range = %+v, want has 6, excess 1, lacks 0", g)
	}
}

func TestReduction(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt intro: 「从2012年底的9899万人减少到551万人」; 004 §三(一): 到2020年 全部脱贫.
	tg := Reduction("poor", lang.Name{Zh: "农村贫困人口全部脱贫"}, "poor", quantity.MustParse("9899万人"), quantity.MustParse("0人")).
		From(date(2012, 12, 31)).By(end2020)
	tests := []struct {
		name    string
		records []outcome.Record
		asOf    time.Time
		want    want
	}{
		{"no data", nil, asOf2019, want{status: NoData}},
		{"partial", []outcome.Record{rec("poor", "430000", "2019", "551万人")}, asOf2019, want{status: InProgress, progress: "0.944337811900"}},
		{"exactly met", []outcome.Record{rec("poor", "430000", "2020", "0人")}, end2020, want{status: Met, progress: "1"}},
		{"past deadline with no 2020 figure", []outcome.Record{rec("poor", "430000", "2019", "551万人")}, date(2021, 1, 1), want{status: NoFigureAtDeadline, progress: "0.944337811900"}},
		{"past deadline with its 2020 figure", []outcome.Record{rec("poor", "430000", "2020", "551万人")}, date(2021, 1, 1), want{status: Missed, progress: "0.944337811900"}},
		{"10余 is above a goal of 10", []outcome.Record{rec("poor", "430000", "2019", "10余人")}, asOf2019, want{status: InProgress, progress: "0.99999989898"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tg, testLedger(t, tt.records...), tt.asOf, tt.want) })
	}
	// The baseline can be read from the ledger as of the start.
	fromLedger := Reduction("poor", lang.Name{}, "poor", quantity.Quantity{}, quantity.MustParse("0人")).From(date(2012, 12, 31))
	check(t, fromLedger, testLedger(t, rec("poor", "430000", "2012", "9899万人"), rec("poor", "430000", "2019", "551万人")), asOf2019,
		want{status: InProgress, progress: "0.944337811900"})
}

func TestCertainty(t *testing.T) {
	tg := AtLeast("workers", lang.Name{Zh: "十万名科技工作者"}, "commissioners", quantity.MustParse("1000名"))
	tests := []struct {
		name      string
		figure    string
		status    Status
		certainty quantity.Certainty
		certain   bool
	}{
		{"exact", "1000名", Met, quantity.Exact, true},
		// Met only by a lower bound: 5000余 (004 §一(四)一是) kind of figure.
		{"met by a lower bound", "1000余名", Met, quantity.LowerBound, true},
		// 余 rounds down to a unit of its last digit: 900余 is less than
		// 1000, 995余 less than 1000 too; 900以上 has no upper bound.
		{"a lower bound below the target", "900余名", InProgress, quantity.LowerBound, true},
		{"a lower bound just below the target", "995余名", InProgress, quantity.LowerBound, true},
		{"at least, below the target", "900名以上", Undecided, quantity.LowerBound, false},
		// Reached only by 近 (004 §一(四)一是 「近1000名“三区”科技人才」): 近 falls short of 1000.
		{"reached only by 近", "近1000名", InProgress, quantity.UpperBound, true},
		{"不到 the target's figure", "不到1000名", InProgress, quantity.UpperBound, true},
		{"an upper bound above the target", "不到1200名", Undecided, quantity.UpperBound, false},
		{"an upper bound below the target", "不到900名", InProgress, quantity.UpperBound, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tg.Evaluate(testLedger(t, rec("commissioners", "430000", "2019", tt.figure)), asOf2019)
			require.NoError(t, err)
			if r.Status != tt.status || r.Certainty != tt.certainty || r.Certain() != tt.certain {
				t.Errorf("%s: status %v, certainty %v, certain %v; want %v, %v, %v", tt.figure, r.Status, r.Certainty, r.Certain(), tt.status, tt.certainty, tt.certain)
			}
		})
	}
}

func TestPace(t *testing.T) {
	tg := AtLeast("platforms", lang.Name{}, "platforms", quantity.MustParse("100个")).From(date(2017, 1, 1)).By(date(2020, 12, 31))
	// As of 2019-01-01, 730 of 1460 days have passed: 50% expected.
	asOf := date(2019, 1, 1)
	for _, tt := range []struct {
		figure string
		pace   Pace
	}{{"40个", Behind}, {"50个", OnTrack}, {"60个", Ahead}} {
		r, err := tg.Evaluate(testLedger(t, rec("platforms", "430000", "2018", tt.figure)), asOf)
		require.NoError(t, err)
		if r.Pace != tt.pace || !r.Expected.Equal(d("0.5")) {
			t.Errorf("%s: pace %v, expected %v; want %v, 0.5", tt.figure, r.Pace, r.Expected, tt.pace)
		}
	}
	// At the deadline, 不到100 states 100% and is missed: behind, not on
	// track.
	r, err := tg.Evaluate(testLedger(t, rec("platforms", "430000", "2020", "不到100个")), date(2020, 12, 31))
	require.NoError(t, err)
	if r.Status != Missed || r.Pace != Behind {
		t.Errorf("不到100个 at the deadline: %v, pace %v; want missed, behind", r.Status, r.Pace)
	}
	r, _ = AtLeast("x", lang.Name{}, "platforms", quantity.MustParse("100个")).Evaluate(testLedger(t, rec("platforms", "430000", "2018", "1个")), asOf)
	if r.Pace != PaceUnknown {
		t.Errorf("a target without start and deadline has pace %v, want unknown", r.Pace)
	}
}

func TestAllOf(t *testing.T) {
	platforms := AtLeast("platforms", lang.Name{}, "platforms", quantity.MustParse("100个"))
	stars := Range("stars", lang.Name{}, "star-spaces", quantity.MustParse("3—5个"))
	tg := AllOf("bqw", lang.Name{Zh: "百千万"}, platforms, stars).By(end2020)
	tests := []struct {
		name    string
		records []outcome.Record
		asOf    time.Time
		want    want
	}{
		{"no data", nil, asOf2019, want{status: NoData}},
		{"one part without data", []outcome.Record{rec("platforms", "430000", "2019", "100个")}, asOf2019, want{status: InProgress, progress: "0"}},
		{"partial", []outcome.Record{rec("platforms", "430000", "2019", "50个"), rec("star-spaces", "430000", "2019", "3个")}, asOf2019, want{status: InProgress, progress: "0.5"}},
		{"met", []outcome.Record{rec("platforms", "430000", "2019", "100个"), rec("star-spaces", "430000", "2019", "4个")}, asOf2019, want{status: Met, progress: "1"}},
		{"a part exceeded", []outcome.Record{rec("platforms", "430000", "2019", "100个"), rec("star-spaces", "430000", "2019", "9个")}, asOf2019, want{status: Exceeded, progress: "1"}},
		{"past deadline", []outcome.Record{rec("platforms", "430000", "2020", "50个"), rec("star-spaces", "430000", "2020", "3个")}, after, want{status: Missed, progress: "0.5"}},
		{"past deadline, no figure at it", []outcome.Record{rec("platforms", "430000", "2019", "50个"), rec("star-spaces", "430000", "2019", "3个")}, after, want{status: NoFigureAtDeadline, progress: "0.5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tg, testLedger(t, tt.records...), tt.asOf, tt.want) })
	}
}

func TestEvaluateErrors(t *testing.T) {
	pop := AllAt(lang.Name{}, outcome.Village, "")
	tests := []struct {
		name  string
		tg    Target
		field string
		want  error
	}{
		// 004 §一(四)二是 asks for 一万名 local technicians; training is in 人次.
		{"incompatible units", AtLeast("technicians", lang.Name{}, "training", quantity.MustParse("一万名")), "unit", outcome.ErrUnitMismatch},
		{"range minimum above maximum", Range("r", lang.Name{}, "platforms", quantity.Between(d("5"), d("3"), quantity.Piece)), "required", outcome.ErrInvalid},
		{"a range target without a range", Range("r", lang.Name{}, "platforms", quantity.MustParse("3个")), "required", ErrInvalid},
		{"negative", AtLeast("n", lang.Name{}, "platforms", quantity.Int(-1, quantity.Piece)), "required", outcome.ErrInvalid},
		{"coverage without population", Coverage("c", lang.Name{}, "platforms", Population{}, quantity.MustParse("1个")), "population", outcome.ErrMissing},
		{"unknown population region", Coverage("c", lang.Name{}, "platforms", Listed(lang.Name{}, "110000"), quantity.MustParse("1个")), "population", outcome.ErrUnknownRegion},
		{"deadline before start", AtLeast("p", lang.Name{}, "platforms", quantity.MustParse("1个")).From(end2020).By(start2016), "deadline", outcome.ErrInvalid},
		{"no id", AtLeast("", lang.Name{}, "platforms", quantity.MustParse("1个")), "id", ErrInvalid},
		{"baseline below goal", Reduction("p", lang.Name{}, "poor", quantity.MustParse("5人"), quantity.MustParse("9人")), "baseline", outcome.ErrInvalid},
		{"per-unit kind", EachInRange("e", lang.Name{}, "leaders", pop, quantity.MustParse("3—5人次")), "unit", outcome.ErrUnitMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.tg.Evaluate(testLedger(t), asOf2019)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Evaluate error = %v, want %v", err, tt.want)
			}
			var te *Error
			if !errors.As(err, &te) || te.Field != tt.field || te.ID != tt.tg.ID() {
				t.Errorf("Evaluate error = %#v, want a *target.Error for %q, field %s", err, tt.tg.ID(), tt.field)
			}
		})
	}
}

func TestEmptyPopulationIsNoData(t *testing.T) {
	pop := AllAt(lang.Name{Zh: "乡镇"}, outcome.Township, "")
	tg := Coverage("t", lang.Name{}, "platforms", pop, quantity.MustParse("1个")).CoveredBy("teams-covered")
	r, err := tg.Evaluate(testLedger(t, rec("teams-covered", "430000", "2019", "3个")), asOf2019)
	if err != nil || r.Status != NoData || r.Units != 0 || len(r.Notes) != 1 {
		t.Errorf("coverage of a population with no units = %v, %d units, notes %v, %v; want no data with a note", r.Status, r.Units, r.Notes, err)
	}
}

func TestNilLedger(t *testing.T) {
	_, err := AtLeast("x", lang.Name{}, "platforms", quantity.MustParse("1个")).Evaluate(nil, asOf2019)
	if !errors.Is(err, outcome.ErrMissing) {
		t.Errorf("Evaluate(nil ledger) error = %v, want ErrMissing", err)
	}
}

func TestUnknownIndicatorIsNoData(t *testing.T) {
	r, err := AtLeast("x", lang.Name{}, "federations", quantity.MustParse("1000个")).Evaluate(testLedger(t), asOf2019)
	if err != nil || r.Status != NoData || len(r.Notes) != 1 {
		t.Errorf("Evaluate with an indicator the ledger lacks = %v (notes %v), %v; want no data with a note", r.Status, r.Notes, err)
	}
}

func TestObserve(t *testing.T) {
	// 004_32acad38fe6c52df.txt §一(二)二是 [2]: 星火西进 in 17 counties 「达9万人」, no target.
	tg := Observe("fed", lang.Name{Zh: "解决温饱人数"}, "poor")
	check(t, tg, testLedger(t), asOf2019, want{status: NoData})
	r := check(t, tg, testLedger(t, rec("poor", "430000", "~1997/2000", "达9万人")), asOf2019, want{status: Recorded})
	if !r.Achieved.Value().Equal(d("90000")) || r.Pace != PaceUnknown {
		t.Errorf("observed %v, pace %v; want 90000 and no pace", r.Achieved, r.Pace)
	}
}

func TestSeeAlso(t *testing.T) {
	// 004 §一(四)二是: 「培训一万名乡土技术骨干」 (名); §一(四)一是 [4] reports 培训农民 118万人次.
	tg := AtLeast("technicians", lang.Name{Zh: "一万名乡土技术骨干"}, "leaders", quantity.MustParse("一万名")).SeeAlso("training", "commissioners")
	r := check(t, tg, testLedger(t, rec("training", "430000", "2017", "128万人次"), rec("commissioners", "430000", "2018", "5000名")), asOf2019, want{status: NoData})
	if len(r.Notes) != 2 {
		t.Fatalf("notes = %v, want one per related indicator with records", r.Notes)
	}
	if n := r.Notes[0].In(lang.English); !strings.Contains(n, "person-times are not persons") || !strings.Contains(n, "1.28 million") {
		t.Errorf("note on person-times = %q, want the figure and the reason", n)
	}
	if n := r.Notes[1].Zh; !strings.Contains(n, "口径不同") {
		t.Errorf("note on a compatible indicator = %q, want it named another measure", n)
	}
}

func TestCountedPopulation(t *testing.T) {
	// 004 §一(四)三是 [7]: 「3209个贫困村」, no list; §二(二)二是 [11]: 2019 全覆盖.
	pop := Counted(lang.Name{Zh: "贫困村"}, 3209, "430000")
	tg := Coverage("village-commissioners", lang.Name{}, "commissioners", pop, quantity.MustParse("1名")).CoveredBy("teams-covered")
	check(t, tg, testLedger(t), asOf2019, want{status: NoData})
	r := check(t, tg, testLedger(t, rec("teams-covered", "430000", "2019", "3209个")), asOf2019, want{status: Met, progress: "1", covered: 3209})
	if r.Units != 3209 || r.Listed {
		t.Errorf("units %d, listed %v; want 3209 without a list", r.Units, r.Listed)
	}
	if err := Coverage("c", lang.Name{}, "commissioners", Counted(lang.Name{}, -1, ""), quantity.MustParse("1名")).Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("a negative count: %v, want ErrInvalid", err)
	}
}
