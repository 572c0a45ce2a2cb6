package target_test

import (
	"fmt"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// counties builds a ledger over a province and three of its counties.
func counties(indicators ...outcome.Indicator) *outcome.Ledger {
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
		{Code: "433125", Name: lang.Name{Zh: "保靖县", En: "Baojing"}, Level: outcome.County, Parent: "430000"},
	})
	if err != nil {
		panic(err)
	}
	l, err := outcome.NewLedger(rs, indicators...)
	if err != nil {
		panic(err)
	}
	return l
}

func ExampleCoverage() {
	industries := outcome.Indicator{Code: "industries", Name: lang.Name{Zh: "特色产业"}, Unit: quantity.Piece, Aggregation: outcome.Stock}
	l := counties(industries)
	for _, code := range []string{"433122", "433130"} {
		err := l.Add(outcome.Record{Indicator: "industries", Region: code, Period: period.Year(2019), Quantity: quantity.MustParse("2个")})
		if err != nil {
			panic(err)
		}
	}
	// 004_32acad38fe6c52df.txt §一(四)二是: 「为每个贫困县培育一个以上特色产业」.
	poorCounties := target.AllAt(lang.Name{Zh: "贫困县", En: "poor counties"}, outcome.County, "430000")
	tg := target.Coverage("industry-per-county", lang.Name{Zh: "每个贫困县一个以上特色产业"}, "industries",
		poorCounties, quantity.MustParse("一个以上"))
	r, err := tg.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Status.Name().In(lang.English), r.Covered, "of", r.Units, "progress", r.Progress.StringFixed(4))
	for g := range r.Shortfall.All() {
		fmt.Println(g.Region.Code, g.Region.Name, "has", g.Has, "lacks", g.Lacks)
	}
	// Output:
	// in progress 2 of 3 progress 0.6667
	// 433125 保靖县 has 0 lacks 1
}

func ExampleReduction() {
	poor := outcome.Indicator{Code: "rural-poor", Name: lang.Name{Zh: "农村贫困人口"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	l := counties(poor)
	// 000_f8a6b69a178fa4e7.txt intro: 9899万 at the end of 2012, 551万 at the end of 2019.
	if err := l.Add(outcome.Record{Indicator: "rural-poor", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("551万人")}); err != nil {
		panic(err)
	}
	tg := target.Reduction("rural-poor-zero", lang.Name{Zh: "现行标准下农村贫困人口全部脱贫"}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("0人")).
		From(time.Date(2012, 12, 31, 0, 0, 0, 0, time.UTC)).By(time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC))
	for _, asOf := range []time.Time{time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)} {
		r, err := tg.Evaluate(l, asOf)
		if err != nil {
			panic(err)
		}
		fmt.Println(asOf.Format(time.DateOnly), r.Status.Name().In(lang.English), r.Achieved, r.Progress.StringFixed(4), r.Pace.Name().In(lang.English),
			"figure as of", r.DataAsOf.Format(time.DateOnly), "stale:", r.Stale)
	}
	// Past the deadline, the end-2019 figure cannot say whether the goal was
	// reached at the end of 2020.

	// Output:
	// 2019-12-31 in progress 5510000名 0.9443 ahead figure as of 2019-12-31 stale: false
	// 2021-01-01 no figure at the deadline 5510000名 0.9443 — figure as of 2019-12-31 stale: true
}

func ExampleResult_Certain() {
	talents := outcome.Indicator{Code: "talents", Name: lang.Name{Zh: "三区科技人才"}, Unit: quantity.Person, Aggregation: outcome.Flow}
	tg := target.AtLeast("talents", lang.Name{Zh: "1000名三区科技人才"}, "talents", quantity.MustParse("1000名"))
	for _, figure := range []string{"1000余名", "近1000名", "1000名以上", "不到1200名"} {
		l := counties(talents)
		if err := l.Add(outcome.Record{Indicator: "talents", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse(figure)}); err != nil {
			panic(err)
		}
		r, _ := tg.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
		fmt.Println(figure, r.Status.Name().In(lang.English), r.Certainty.Name().In(lang.English), "certain:", r.Certain())
	}
	// 近1000 falls short of 1000; 不到1200 may be above or below it.

	// Output:
	// 1000余名 met lower bound certain: true
	// 近1000名 in progress upper bound certain: true
	// 1000名以上 met lower bound certain: true
	// 不到1200名 undecided upper bound certain: false
}

func ExampleEachYear() {
	organised := outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "组织科技特派员"}, Unit: quantity.Person, Aggregation: outcome.Flow}
	l := counties(organised)
	for _, r := range []struct{ period, figure string }{{"2017", "5200名"}, {"2018", "4800名"}, {"2019", "5000余名"}, {"2020-01", "600名"}} {
		err := l.Add(outcome.Record{Indicator: "commissioners", Region: "430000", Period: period.MustParse(r.period), Quantity: quantity.MustParse(r.figure)})
		if err != nil {
			panic(err)
		}
	}
	// 004_32acad38fe6c52df.txt §一(四)一是 [4]: 「每年组织5000余名科技特派员」, given
	// the years 2017–2020.
	tg := target.EachYear("commissioners-a-year", lang.Name{Zh: "每年组织5000余名科技特派员"}, "commissioners", quantity.MustParse("5000余名")).From(time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)).By(time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC))
	r, err := tg.Evaluate(l, time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	// 2020 is not over: it is shown, not judged.
	fmt.Println(r.Status.Name().In(lang.English), r.Covered, "of", r.Units, "years met")
	for _, y := range r.Parts {
		fmt.Println(y.Name.Zh, y.Status.Name().In(lang.English), y.Achieved)
	}
	// Output:
	// missed 2 of 3 years met
	// 2017年 met 5200名
	// 2018年 missed 4800名
	// 2019年 met 5000余名
	// 2020年 in progress 600名
}
