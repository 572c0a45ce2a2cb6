package outcome_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// The tests of this file are the worked examples of the rules written on
// Ledger.Total: no day counted twice, and the newest figure wins.

const (
	ovNation   = "100000"
	ovProvince = "430000"
	ovCounty   = "433122" // 泸溪县, with villages A to C
	ovCounty2  = "433130" // 龙山县, with village D
	ovVillageA = "433122100201"
	ovVillageB = "433122100202"
	ovVillageC = "433122100203"
	ovVillageD = "433130100201"
)

var ovIndicators = []outcome.Indicator{
	{Code: "training", Name: lang.Name{Zh: "培训场次", En: "training sessions"}, Unit: quantity.Session, Aggregation: outcome.Flow},
	{Code: "assigned", Name: lang.Name{Zh: "派驻", En: "assignments"}, Unit: quantity.Person, Aggregation: outcome.Entries},
	{Code: "poor-counties", Name: lang.Name{Zh: "贫困县", En: "poor counties"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
	{Code: "platforms", Name: lang.Name{Zh: "平台载体", En: "platforms"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
}

func ovRegions(t testing.TB) *outcome.RegionSet {
	t.Helper()
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: ovNation, Name: lang.Name{Zh: "全国", En: "China"}, Level: outcome.Nation},
		{Code: ovProvince, Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province, Parent: ovNation},
		{Code: ovCounty, Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: ovProvince},
		{Code: ovCounty2, Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: ovProvince},
		{Code: ovVillageA, Name: lang.Name{Zh: "甲村", En: "A"}, Level: outcome.Village, Parent: ovCounty},
		{Code: ovVillageB, Name: lang.Name{Zh: "乙村", En: "B"}, Level: outcome.Village, Parent: ovCounty},
		{Code: ovVillageC, Name: lang.Name{Zh: "丙村", En: "C"}, Level: outcome.Village, Parent: ovCounty},
		{Code: ovVillageD, Name: lang.Name{Zh: "丁村", En: "D"}, Level: outcome.Village, Parent: ovCounty2},
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func ovLedger(t testing.TB, records ...outcome.Record) *outcome.Ledger {
	t.Helper()
	l, err := outcome.NewLedger(ovRegions(t), ovIndicators...)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Add(records...); err != nil {
		t.Fatal(err)
	}
	return l
}

func ovRec(indicator, region, per, figure string) outcome.Record {
	return outcome.Record{Indicator: indicator, Region: region, Period: period.MustParse(per), Quantity: quantity.MustParse(figure)}
}

// ovShow writes records briefly: "433122 2019 176场".
func ovShow(rs []outcome.Record) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Region+" "+r.Period.String()+" "+r.Quantity.String())
	}
	return out
}

// quarters are 泸溪县's four quarterly training rows of 2019.
func quarters(figures ...string) []outcome.Record {
	periods := []string{"2019-01-01/2019-03-31", "2019-04-01/2019-06-30", "2019-07-01/2019-09-30", "2019-10-01/2019-12-31"}
	var out []outcome.Record
	for i, f := range figures {
		out = append(out, ovRec("training", ovCounty, periods[i], f))
	}
	return out
}

func TestTotalNoDayCountedTwice(t *testing.T) {
	q := quarters("42场", "51场", "38场", "45场")
	type test struct {
		name    string
		records []outcome.Record
		region  string
		window  string
		want    int64
		used    []string // the records Used gives
		leftOut int
	}
	tests := []test{
		{
			// SEMANTICS.md, No day counted twice: an office's 合计 row is
			// its own total; its quarters are not added to it.
			name:    "quarters and their 合计",
			records: append(slices.Clone(q), ovRec("training", ovCounty, "2019", "176场")),
			region:  ovCounty, window: "2019", want: 176,
			used: []string{"433122 2019 176场"}, leftOut: 4,
		},
		{
			name:    "quarters without a 合计 add up",
			records: q, region: ovCounty, window: "2019", want: 176,
			used: ovShow(q),
		},
		{
			name:    "quarters that add up to 177 beside a 合计 of 176",
			records: append(quarters("42场", "51场", "38场", "46场"), ovRec("training", ovCounty, "2019", "176场")),
			region:  ovCounty, window: "2019", want: 176,
			used: []string{"433122 2019 176场"}, leftOut: 4,
		},
		{
			name: "a cumulative figure holds the years it contains",
			records: []outcome.Record{ovRec("training", ovCounty, "2018", "100场"), ovRec("training", ovCounty, "2019", "100场"),
				ovRec("training", ovCounty, "2005-/2019", "1000场")},
			region: ovCounty, window: "2005-01-01/2019-12-31", want: 1000,
			used: []string{"433122 2005-/2019 1000场"}, leftOut: 2,
		},
		{
			name: "a window the cumulative figure does not lie in",
			records: []outcome.Record{ovRec("training", ovCounty, "2018", "100场"), ovRec("training", ovCounty, "2019", "100场"),
				ovRec("training", ovCounty, "2005-/2019", "1000场")},
			region: ovCounty, window: "2018-01-01/2019-12-31", want: 200,
			used: []string{"433122 2018 100场", "433122 2019 100场"},
		},
		{
			name:    "a year and one day inside it",
			records: []outcome.Record{ovRec("training", ovCounty, "2019", "100场"), ovRec("training", ovCounty, "2019-05-01", "3场")},
			region:  ovCounty, window: "2019", want: 100,
			used: []string{"433122 2019 100场"}, leftOut: 1,
		},
		{
			name: "a record partly overlapping a longer one is left out",
			records: []outcome.Record{ovRec("training", ovCounty, "2019", "100场"),
				ovRec("training", ovCounty, "2019-12-01/2020-01-31", "7场"), ovRec("training", ovCounty, "2020-02", "5场")},
			region: ovCounty, window: "2019/2020", want: 105,
			used: []string{"433122 2019 100场", "433122 2020-02 5场"}, leftOut: 1,
		},
		{
			name:    "a month and a quarter of which only the month is in the window",
			records: []outcome.Record{ovRec("training", ovCounty, "2019-03", "10场"), q[0]},
			region:  ovCounty, window: "2019-03", want: 10,
			used: []string{"433122 2019-03 10场"},
		},
		{
			name:    "the month and its quarter, both in the window",
			records: []outcome.Record{ovRec("training", ovCounty, "2019-03", "10场"), q[0]},
			region:  ovCounty, window: "2019-01/2019-03", want: 42,
			used: []string{"433122 2019-01-01/2019-03-31 42场"}, leftOut: 1,
		},
		{
			name:    "finer records fill what no coarser one covers",
			records: []outcome.Record{q[0], ovRec("training", ovCounty, "2019-03", "10场"), ovRec("training", ovCounty, "2019-04", "20场")},
			region:  ovCounty, window: "2019", want: 62,
			used: []string{"433122 2019-01-01/2019-03-31 42场", "433122 2019-04 20场"}, leftOut: 1,
		},
		{
			name: "one county's 合计 does not hide another county's quarters",
			records: []outcome.Record{ovRec("training", ovCounty2, "2019", "176场"),
				ovRec("training", ovCounty, "2019-01-01/2019-03-31", "10场"), ovRec("training", ovCounty, "2019-04-01/2019-06-30", "20场")},
			region: ovProvince, window: "2019", want: 206,
			used: []string{"433122 2019-01-01/2019-03-31 10场", "433122 2019-04-01/2019-06-30 20场", "433130 2019 176场"},
		},
		{
			name: "a region's own figure covers its villages' records on its days",
			records: []outcome.Record{ovRec("training", ovCounty, "2019-01-01/2019-03-31", "42场"),
				ovRec("training", ovVillageA, "2019", "10场")},
			region: ovProvince, window: "2019", want: 42,
			used: []string{"433122 2019-01-01/2019-03-31 42场"},
		},
		{
			// SEMANTICS.md, No day counted twice: the county's first
			// quarter is at least 42, its year at least its village's 100;
			// the larger reading stands.
			name: "villages' records that add up to more on a region's days stand for it",
			records: []outcome.Record{ovRec("training", ovCounty, "2019-01-01/2019-03-31", "42场"),
				ovRec("training", ovVillageA, "2019", "100场")},
			region: ovProvince, window: "2019", want: 100,
			used: []string{"433122100201 2019 100场"},
		},
		{
			name: "entries are events: a year and a day in it both count",
			records: []outcome.Record{ovRec("assigned", ovCounty, "2019", "3名"), ovRec("assigned", ovCounty, "2019-05-01", "1名"),
				ovRec("assigned", ovCounty, "2019-05-01", "1名")},
			region: ovCounty, window: "2019", want: 5,
			used: []string{"433122 2019 3名", "433122 2019-05-01/2019-05-01 1名", "433122 2019-05-01/2019-05-01 1名"},
		},
	}
	// Many training days, in no order, beside a 合计 of their year: the
	// days' periods are checked day by day rather than sorted.
	var days, daysUsed []outcome.Record
	for _, d := range rand.New(rand.NewPCG(1, 2)).Perm(200) {
		day := date(2019, 1, 1).AddDate(0, 0, d)
		p, err := period.Span(day, day)
		if err != nil {
			t.Fatal(err)
		}
		days = append(days, outcome.Record{Indicator: "training", Region: ovCounty, Period: p, Quantity: quantity.Int(1, quantity.Session)})
	}
	for _, r := range days {
		if r.Period.End().Year() == 2019 && r.Period.End().Month() == time.July {
			daysUsed = append(daysUsed, r)
		}
	}
	slices.SortFunc(daysUsed, func(x, y outcome.Record) int { return x.Period.Compare(y.Period) })
	tests = append(tests,
		test{name: "200 days and the 合计 of their year", records: append(slices.Clone(days), ovRec("training", ovCounty, "2019", "150场")),
			region: ovCounty, window: "2019", want: 150, used: []string{"433122 2019 150场"}, leftOut: 200},
		test{name: "200 days and the 合计 of another year", records: append(slices.Clone(days), ovRec("training", ovCounty, "2018", "150场")),
			region: ovCounty, window: "2019-07", want: int64(len(daysUsed)), used: ovShow(daysUsed)},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ovLedger(t, tt.records...)
			ind := tt.records[0].Indicator
			window := period.MustParse(tt.window)
			sum, err := l.Total(ind, tt.region, window)
			if err != nil {
				t.Fatal(err)
			}
			if !sum.Value.Equal(decimal.NewFromInt(tt.want)) || sum.Records != len(tt.used) || sum.LeftOut != tt.leftOut {
				t.Errorf("Total(%s, %s, %s) = %v of %d records, %d left out; want %d of %d, %d left out",
					ind, tt.region, tt.window, sum.Value, sum.Records, sum.LeftOut, tt.want, len(tt.used), tt.leftOut)
			}
			used, err := l.Used(ind, tt.region, window)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.used, ovShow(used)); diff != "" {
				t.Errorf("Used mismatch (-want +got):\n%s", diff)
			}
			latest := time.Time{}
			for _, r := range used {
				if r.Period.End().After(latest) {
					latest = r.Period.End()
				}
			}
			if !sum.Latest.Equal(latest) {
				t.Errorf("Latest = %v, want %v, the end of the newest record used", sum.Latest, latest)
			}
			valuesAgree(t, l, ind, tt.region, window, sum)
		})
	}
}

func TestTotalNewestFigureWins(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt intro: 52 poor counties at the end of 2019;
	// the counties' records of 2020 sum to 0.
	national := []outcome.Record{ovRec("poor-counties", ovNation, "2019", "52个"),
		ovRec("poor-counties", ovCounty, "2020", "0个"), ovRec("poor-counties", ovCounty2, "2020", "0个")}
	nested := []outcome.Record{
		ovRec("platforms", ovProvince, "2012", "100个"), // older than everything below
		ovRec("platforms", ovCounty, "2015", "30个"),    // older than its villages
		ovRec("platforms", ovVillageA, "2019", "1个"), ovRec("platforms", ovVillageB, "2019", "2个"),
		ovRec("platforms", ovCounty2, "2019", "5个"), // newer than its village
		ovRec("platforms", ovVillageD, "2018", "9个"),
	}
	tests := []struct {
		name    string
		records []outcome.Record
		region  string
		asOf    time.Time
		want    int64
		used    []string
		passed  []string
	}{
		{
			name:    "the nation's own figure is older than the counties': they count",
			records: national, region: ovNation, asOf: date(2020, 12, 31), want: 0,
			used:   []string{"433122 2020 0个", "433130 2020 0个"},
			passed: []string{"100000 2019 52个"},
		},
		{
			name:    "as of 2019 the nation's own figure is the newest",
			records: national, region: ovNation, asOf: date(2019, 12, 31), want: 52,
			used: []string{"100000 2019 52个"},
		},
		{
			name: "an own figure newer than its villages' counts",
			records: []outcome.Record{ovRec("platforms", ovCounty, "2019", "7个"),
				ovRec("platforms", ovVillageA, "2018", "1个"), ovRec("platforms", ovVillageB, "2018", "2个")},
			region: ovCounty, asOf: date(2019, 12, 31), want: 7,
			used: []string{"433122 2019 7个"},
		},
		{
			name: "an own figure of the same date as its villages' counts",
			records: []outcome.Record{ovRec("platforms", ovCounty, "2019", "7个"),
				ovRec("platforms", ovVillageA, "2019", "1个"), ovRec("platforms", ovVillageB, "2019", "2个")},
			region: ovCounty, asOf: date(2019, 12, 31), want: 7,
			used: []string{"433122 2019 7个"},
		},
		{
			name:    "three levels: a province's 2012 total hides no newer record below it",
			records: nested, region: ovNation, asOf: date(2019, 12, 31), want: 8,
			used:   []string{"433122100201 2019 1个", "433122100202 2019 2个", "433130 2019 5个"},
			passed: []string{"430000 2012 100个", "433122 2015 30个"},
		},
		{
			name:    "three levels, as of 2016: the county's 2015 figure is the newest below the province",
			records: nested, region: ovProvince, asOf: date(2016, 12, 31), want: 30,
			used:   []string{"433122 2015 30个"},
			passed: []string{"430000 2012 100个"},
		},
		{
			name:    "three levels, within the county",
			records: nested, region: ovCounty, asOf: date(2019, 12, 31), want: 3,
			used:   []string{"433122100201 2019 1个", "433122100202 2019 2个"},
			passed: []string{"433122 2015 30个"},
		},
		{
			name: "what lies below a figure that counts is not passed over for it",
			records: []outcome.Record{ovRec("platforms", ovProvince, "2019", "40个"), ovRec("platforms", ovCounty, "2017", "30个"),
				ovRec("platforms", ovVillageA, "2018", "1个")},
			region: ovProvince, asOf: date(2019, 12, 31), want: 40,
			used: []string{"430000 2019 40个"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ovLedger(t, tt.records...)
			ind := tt.records[0].Indicator
			window := period.Through(tt.asOf)
			sum, err := l.Total(ind, tt.region, window)
			if err != nil {
				t.Fatal(err)
			}
			if !sum.Value.Equal(decimal.NewFromInt(tt.want)) || sum.Records != len(tt.used) {
				t.Errorf("Total(%s, %s) as of %s = %v of %d records, want %d of %d",
					ind, tt.region, tt.asOf.Format(time.DateOnly), sum.Value, sum.Records, tt.want, len(tt.used))
			}
			if diff := cmp.Diff(tt.passed, ovShow(sum.Passed)); diff != "" || sum.PassedCount != len(tt.passed) {
				t.Errorf("Passed (%d) mismatch (-want +got):\n%s", sum.PassedCount, diff)
			}
			used, err := l.Used(ind, tt.region, window)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.used, ovShow(used)); diff != "" {
				t.Errorf("Used mismatch (-want +got):\n%s", diff)
			}
			valuesAgree(t, l, ind, tt.region, window, sum)
		})
	}
}

func TestDiscrepancies(t *testing.T) {
	q := quarters("42场", "51场", "38场", "45场")
	year := ovRec("training", ovCounty, "2019", "176场")
	tests := []struct {
		name    string
		records []outcome.Record
		region  string
		window  string
		want    []string // Kind: Counted | Sum | Detail
	}{
		{
			name:    "quarters that agree with their 合计",
			records: append(slices.Clone(q), year), region: ovCounty, window: "2019",
		},
		{
			name:    "quarters that add up to more than their 合计",
			records: append(quarters("42场", "51场", "38场", "46场"), year), region: ovCounty, window: "2019",
			want: []string{"finer records exceed: 433122 2019 176场 | 177场 | 433122 2019-01-01/2019-03-31 42场, " +
				"433122 2019-04-01/2019-06-30 51场, 433122 2019-07-01/2019-09-30 38场, 433122 2019-10-01/2019-12-31 46场"},
		},
		{
			name:    "quarters that cover the year and add up to less",
			records: append(quarters("42场", "51场", "38场", "44场"), year), region: ovCounty, window: "2019",
			want: []string{"finer records fall short: 433122 2019 176场 | 175场 | 433122 2019-01-01/2019-03-31 42场, " +
				"433122 2019-04-01/2019-06-30 51场, 433122 2019-07-01/2019-09-30 38场, 433122 2019-10-01/2019-12-31 44场"},
		},
		{
			name:    "three quarters that add up to less: the fourth is unknown",
			records: append(quarters("42场", "51场", "38场"), year), region: ovProvince, window: "2019",
		},
		{
			name: "months against their quarter, the quarters against their year",
			records: append(slices.Clone(q), year, ovRec("training", ovCounty, "2019-01", "10场"),
				ovRec("training", ovCounty, "2019-02", "10场"), ovRec("training", ovCounty, "2019-03", "10场")),
			region: ovCounty, window: "2019",
			want: []string{"finer records fall short: 433122 2019-01-01/2019-03-31 42场 | 30场 | 433122 2019-01 10场, 433122 2019-02 10场, 433122 2019-03 10场"},
		},
		{
			name:    "quarters of which one is 45余 beside a 合计 of 176: more than it",
			records: append(quarters("42场", "51场", "38场", "45余场"), year), region: ovCounty, window: "2019",
			want: []string{"finer records exceed: 433122 2019 176场 | 176余场 | 433122 2019-01-01/2019-03-31 42场, " +
				"433122 2019-04-01/2019-06-30 51场, 433122 2019-07-01/2019-09-30 38场, 433122 2019-10-01/2019-12-31 45余场"},
		},
		{
			name:    "a 合计 of 170余 allows the quarters' 176",
			records: append(slices.Clone(q), ovRec("training", ovCounty, "2019", "170余场")), region: ovCounty, window: "2019",
		},
		{
			name:    "a cumulative figure below the years it holds",
			records: []outcome.Record{ovRec("training", ovCounty, "2018", "100场"), ovRec("training", ovCounty, "2019", "100场"), ovRec("training", ovCounty, "2018-/2019", "150场")},
			region:  "", window: "2018/2019",
			want: []string{"finer records exceed: 433122 2018-/2019 150场 | 200场 | 433122 2018 100场, 433122 2019 100场"},
		},
		{
			name: "a province's own figure against its counties' of the same date",
			records: []outcome.Record{ovRec("platforms", ovProvince, "2019", "10个"), ovRec("platforms", ovCounty, "2019", "4个"),
				ovRec("platforms", ovCounty2, "2019", "5个")},
			region: ovNation, window: "2019",
			want: []string{"descendants differ: 430000 2019 10个 | 9个 | 433122 2019 4个, 433130 2019 5个"},
		},
		{
			name: "a province's own figure that agrees",
			records: []outcome.Record{ovRec("platforms", ovProvince, "2019", "9个"), ovRec("platforms", ovCounty, "2019", "4个"),
				ovRec("platforms", ovCounty2, "2019", "5个")},
			region: ovNation, window: "2019",
		},
		{
			name: "an own figure newer than its descendants' is not held against them",
			records: []outcome.Record{ovRec("platforms", ovProvince, "2020", "10个"), ovRec("platforms", ovCounty, "2019", "4个"),
				ovRec("platforms", ovCounty2, "2019", "5个")},
			region: ovNation, window: "2020",
		},
		{
			name: "the descendants' figure is their own roll-up, newest first",
			records: []outcome.Record{ovRec("platforms", ovProvince, "2019", "10个"), ovRec("platforms", ovCounty, "2017", "4个"),
				ovRec("platforms", ovVillageA, "2019", "3个"), ovRec("platforms", ovCounty2, "2019", "5个")},
			region: ovProvince, window: "2019",
			want: []string{"descendants differ: 430000 2019 10个 | 8个 | 433122100201 2019 3个, 433130 2019 5个"},
		},
		{
			name:    "entries never disagree",
			records: []outcome.Record{ovRec("assigned", ovCounty, "2019", "3名"), ovRec("assigned", ovCounty, "2019-05", "9名")},
			region:  ovCounty, window: "2019",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ovLedger(t, tt.records...)
			ind := tt.records[0].Indicator
			ds, err := l.Discrepancies(ind, tt.region, period.MustParse(tt.window))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.Kind.Name().En+": "+strings.Join(ovShow([]outcome.Record{d.Counted}), "")+" | "+
					d.Sum.Quantity().String()+" | "+strings.Join(ovShow(d.Detail), ", "))
				if d.Sum.Records != len(d.Detail) {
					t.Errorf("%v: Sum.Records = %d for %d records listed", d, d.Sum.Records, len(d.Detail))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Discrepancies(%s, %q, %s) mismatch (-want +got):\n%s", ind, tt.region, tt.window, diff)
			}
		})
	}
	if _, err := ovLedger(t).Discrepancies("nope", "", period.Year(2019)); err == nil {
		t.Error("Discrepancies of an unknown indicator: no error")
	}
	if _, err := ovLedger(t).Discrepancies("training", "110000", period.Year(2019)); err == nil {
		t.Error("Discrepancies in an unknown region: no error")
	}
}

func TestDiscrepancyString(t *testing.T) {
	l := ovLedger(t, append(quarters("42场", "51场", "38场", "46场"), ovRec("training", ovCounty, "2019", "176场"))...)
	ds, err := l.Discrepancies("training", ovCounty, period.Year(2019))
	if err != nil || len(ds) != 1 {
		t.Fatalf("Discrepancies = %v, %v; want one", ds, err)
	}
	want := "training in 433122, 2019: 176 sessions counts, but 4 finer records within it add up to more: 177 sessions"
	if got := ds[0].In(lang.English); got != want {
		t.Errorf("In(English) = %q, want %q", got, want)
	}
	want = "training 433122 2019年：176场 计入，但其内 4 条更细的记录合计更多：177场"
	if got := ds[0].String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestValuesLatest(t *testing.T) {
	l := ovLedger(t,
		ovRec("training", ovVillageA, "2018", "5场"), ovRec("training", ovVillageB, "2019-03", "5场"),
		ovRec("training", ovVillageB, "2019-01-01/2019-03-31", "9场"), // holds the month: the quarter counts
		ovRec("training", ovVillageC, "2020", "5场"),
		ovRec("platforms", ovVillageA, "2017", "1个"), ovRec("platforms", ovVillageB, "2019-06", "1个"),
		ovRec("platforms", ovCounty, "2018", "3个"),
	)
	villages, err := l.Regions().SelectLevel("", outcome.Village)
	if err != nil {
		t.Fatal(err)
	}
	villageA, err := l.Regions().SelectCodes(ovVillageA)
	if err != nil {
		t.Fatal(err)
	}
	counties, err := l.Regions().SelectLevel("", outcome.County)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		ind   string
		units outcome.Selection
		asOf  time.Time
		want  time.Time
	}{
		{"training", villages, date(2019, 12, 31), date(2019, 3, 31)},
		{"training", villages, date(2020, 12, 31), date(2020, 12, 31)},
		{"training", villages, date(2017, 12, 31), time.Time{}},
		{"training", villageA, date(2020, 12, 31), date(2018, 12, 31)}, // the units' records only
		{"platforms", villages, date(2019, 12, 31), date(2019, 6, 30)},
		{"platforms", villages, date(2016, 12, 31), time.Time{}},
		{"platforms", villageA, date(2019, 12, 31), date(2017, 12, 31)},
		// 泸溪县's own 2018 figure is older than village B's: the villages count.
		{"platforms", counties, date(2019, 12, 31), date(2019, 6, 30)},
		{"platforms", counties, date(2018, 12, 31), date(2018, 12, 31)},
	} {
		v, err := l.Values(tt.ind, tt.units, period.Through(tt.asOf))
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Latest(); !got.Equal(tt.want) {
			t.Errorf("Values(%s, %d units) as of %s: Latest() = %v, want %v", tt.ind, tt.units.Len(), tt.asOf.Format(time.DateOnly), got, tt.want)
		}
	}
	if got := (outcome.Values{}).Latest(); !got.IsZero() {
		t.Errorf("zero Values: Latest() = %v, want the zero time", got)
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestValuesLatestConcurrent(t *testing.T) {
	// Latest looks at the records there were when Values was called, not
	// at those added since, and is safe beside Add.
	l := ovLedger(t, ovRec("training", ovVillageA, "2018", "5场"))
	villages, err := l.Regions().SelectLevel("", outcome.Village)
	if err != nil {
		t.Fatal(err)
	}
	v, err := l.Values("training", villages, period.Through(date(2019, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		var err error
		for d := range 300 {
			day := date(2019, 1, 1).AddDate(0, 0, d)
			p, _ := period.Span(day, day)
			if err = l.Add(outcome.Record{Indicator: "training", Region: ovVillageB, Period: p, Quantity: quantity.Int(1, quantity.Session)}); err != nil {
				break
			}
		}
		done <- err
	}()
	for range 50 {
		if got := v.Latest(); !got.Equal(date(2018, 12, 31)) {
			t.Errorf("Latest() = %v, want 2018-12-31", got)
			break
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := v.Latest(); !got.Equal(date(2018, 12, 31)) {
		t.Errorf("after the Adds, Latest() = %v, want 2018-12-31", got)
	}
}

// valuesAgree checks that Values of the one region gives Total's sum.
func valuesAgree(t *testing.T, l *outcome.Ledger, ind, region string, window period.Period, sum outcome.Sum) {
	t.Helper()
	sel, err := l.Regions().SelectCodes(region)
	if err != nil {
		t.Fatal(err)
	}
	v, err := l.Values(ind, sel, window)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Value(0).Equal(sum.Value) || v.Records(0) != sum.Records {
		t.Errorf("Values = %v of %d records, want Total's %v of %d", v.Value(0), v.Records(0), sum.Value, sum.Records)
	}
}
