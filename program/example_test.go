package program_test

import (
	"os"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/target"
)

func ExampleReport_WriteText() {
	rs, _ := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: outcome.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}})
	patents := outcome.Indicator{Code: "patents", Name: outcome.Name{Zh: "实用专利技术", En: "patented technologies"}, Unit: outcome.Item, Aggregation: outcome.Flow}
	p := program.Program{
		ID:         "example/patents",
		Name:       outcome.Name{Zh: "专利技术推广", En: "Patent promotion"},
		Level:      program.Provincial,
		Indicators: []outcome.Indicator{patents},
		Targets: []target.Target{
			// 004_32acad38fe6c52df.txt §一(四)二是: 「一百项以上实用专利技术」.
			target.AtLeast("patents", outcome.Name{Zh: "一百项以上实用专利技术", En: "≥100 patented technologies"},
				"patents", outcome.MustParseQuantity("一百项以上")),
		},
	}
	l, _ := outcome.NewLedger(rs, p.Indicators...)
	_ = l.Add(outcome.Record{Indicator: "patents", Region: "430000", Period: outcome.Year(2019), Quantity: outcome.MustParseQuantity("120项")})
	r, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	r.WriteText(os.Stdout, outcome.English)
	// Output:
	// Patent promotion [example/patents]
	// as of 2019-12-31
	//
	// target                      kind      required            achieved   data as of  progress  status  certainty  pace
	// ≥100 patented technologies  at least  at least 100 items  120 items  2019-12-31  120.0%    met     exact      —
	//
	// 1 target: 1 met, 0 in progress, 0 missed, 0 exceeded, 0 no data
}
