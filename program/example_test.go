package program_test

import (
	"fmt"
	"os"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func ExampleReport_WriteText() {
	rs, _ := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}})
	patents := outcome.Indicator{Code: "patents", Name: lang.Name{Zh: "实用专利技术", En: "patented technologies"}, Unit: quantity.Item, Aggregation: outcome.Flow}
	p := program.Program{
		ID:         "example/patents",
		Name:       lang.Name{Zh: "专利技术推广", En: "Patent promotion"},
		Level:      outcome.Province,
		Indicators: []outcome.Indicator{patents},
		Targets: []target.Target{
			// 004_32acad38fe6c52df.txt §一(四)二是: 「一百项以上实用专利技术」.
			target.AtLeast("patents", lang.Name{Zh: "一百项以上实用专利技术", En: "≥100 patented technologies"}, "patents", quantity.MustParse("一百项以上")),
		},
	}
	l, _ := outcome.NewLedger(rs, p.Indicators...)
	_ = l.Add(outcome.Record{Indicator: "patents", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("120项")})
	r, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	r.WriteText(os.Stdout, lang.English)
	// Output:
	// Patent promotion [example/patents]
	// as of 2019-12-31
	//
	// target                       kind      required            achieved   data as of  progress  status  certainty  pace
	// >=100 patented technologies  at least  at least 100 items  120 items  2019-12-31  120.0%    met     exact      -
	//
	// 1 target: 1 met, 0 in progress, 0 missed, 0 over the limit, 0 no data
}

func ExampleProgram_In() {
	regions := []outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
	}
	villages := []string{"433122100201", "433122100202", "433122100203", "433130100201", "433130100202"}
	for _, v := range villages {
		regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: "村" + v[9:]}, Level: outcome.Village, Parent: v[:6]})
	}
	rs, _ := outcome.NewRegionSet(regions)
	commissioners := outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "科技特派员", En: "commissioners"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	// 004_32acad38fe6c52df.txt §一(四)二是: 「为每个贫困村明确一名科技特派员」.
	p := program.Program{
		ID:         "example/commissioners",
		Name:       lang.Name{Zh: "贫困村科技特派员", En: "A commissioner in every poor village"},
		Level:      outcome.Province,
		Indicators: []outcome.Indicator{commissioners},
		Targets: []target.Target{
			target.Coverage("commissioner-per-village", lang.Name{Zh: "每个贫困村一名科技特派员"}, "commissioners",
				target.AllAt(lang.Name{Zh: "贫困村"}, outcome.Village, "430000"), quantity.MustParse("一名")),
		},
	}
	l, _ := outcome.NewLedger(rs, p.Indicators...)
	for _, v := range []string{"433122100201", "433122100202", "433122100203", "433130100201"} {
		_ = l.Add(outcome.Record{Indicator: "commissioners", Region: v, Period: period.Year(2019), Quantity: quantity.MustParse("1名")})
	}
	// The province, then each county for itself.
	for _, region := range []string{"430000", "433122", "433130"} {
		r, err := p.In(region).Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			panic(err)
		}
		res := r.Results[0]
		fmt.Println(region, res.Status.Name().In(lang.English), res.Covered, "of", res.Units)
	}
	// Output:
	// 430000 in progress 4 of 5
	// 433122 met 3 of 3
	// 433130 in progress 1 of 2
}
