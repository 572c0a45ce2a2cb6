package program_test

import (
	"fmt"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// 脱贫攻坚 as the seeds state it: 「到2020年现行标准下的农村贫困人口全部脱贫」
// (004_32acad38fe6c52df.txt §三(一)), with the figures of
// 000_f8a6b69a178fa4e7.txt's introduction: the rural poor 9899万 at the end
// of 2012 and 551万 at the end of 2019, the poor counties 832 and 52. The
// seeds set no target for the counties, so they are observed, not judged.
func ExampleProgram_Evaluate() {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "100000", Name: lang.Name{Zh: "全国", En: "China"}, Level: outcome.Nation}})
	if err != nil {
		panic(err)
	}
	poor := outcome.Indicator{Code: "rural-poor", Name: lang.Name{Zh: "农村贫困人口", En: "rural poor"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	counties := outcome.Indicator{Code: "poor-counties", Name: lang.Name{Zh: "贫困县", En: "poor counties"}, Unit: quantity.Piece, Aggregation: outcome.Stock}
	p := program.Program{
		ID:         "example/poverty-eradication",
		Name:       lang.Name{Zh: "脱贫攻坚", En: "Poverty eradication by 2020"},
		Level:      outcome.Nation,
		Deadline:   time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Indicators: []outcome.Indicator{poor, counties},
		Targets: []target.Target{
			target.Reduction("rural-poor-zero", lang.Name{Zh: "现行标准下农村贫困人口全部脱贫", En: "no rural poor"}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("0人")).
				From(time.Date(2012, 12, 31, 0, 0, 0, 0, time.UTC)).By(time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)),
			target.Observe("poor-counties", lang.Name{Zh: "贫困县", En: "poor counties"}, "poor-counties"),
		},
	}
	l, err := outcome.NewLedger(rs, p.Indicators...)
	if err != nil {
		panic(err)
	}
	src := outcome.Cite("000_f8a6b69a178fa4e7.txt", "intro", "")
	for _, r := range []struct {
		indicator, figure string
		year              int
	}{{"rural-poor", "9899万人", 2012}, {"rural-poor", "551万人", 2019}, {"poor-counties", "832个", 2012}, {"poor-counties", "52个", 2019}} {
		err := l.Add(outcome.Record{Indicator: r.indicator, Region: "100000", Period: period.Year(r.year), Quantity: quantity.MustParse(r.figure), Source: src})
		if err != nil {
			panic(err)
		}
	}

	report, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, r := range report.Results {
		fmt.Println(r.ID, "|", r.Status.Name().In(lang.English), "|", r.Achieved, "as of", r.DataAsOf.Format(time.DateOnly), "|", r.Percent(), "|", r.Pace.Name().In(lang.English))
	}
	fmt.Println(report.Summary.In(lang.English))
	// Output:
	// rural-poor-zero | in progress | 5510000名 as of 2019-12-31 | 94.4% | ahead
	// poor-counties | recorded | 52个 as of 2019-12-31 | — | —
	// 2 targets: 0 met, 1 in progress, 0 missed, 0 over the limit, 0 no data, 1 recorded only
}
