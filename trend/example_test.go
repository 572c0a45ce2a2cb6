package trend_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/trend"
)

// ruralPoor is the national program of one target: the rural poor under
// the current standard, 9899万 at the end of 2012, to zero by the end of
// 2020, and a ledger with the figures 000_f8a6b69a178fa4e7.txt states in
// its introduction: 9899万 at the end of 2012 and 551万 at the end of 2019.
func ruralPoor() (program.Program, *outcome.Ledger) {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "100000", Name: lang.Name{Zh: "全国", En: "China"}, Level: outcome.Nation}})
	if err != nil {
		panic(err)
	}
	poor := outcome.Indicator{Code: "rural-poor", Name: lang.Name{Zh: "农村贫困人口", En: "rural poor"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	p := program.Program{
		ID:         "example/rural-poor",
		Name:       lang.Name{Zh: "现行标准下农村贫困人口全部脱贫", En: "No rural poor under the current standard"},
		Level:      outcome.Nation,
		Indicators: []outcome.Indicator{poor},
		Targets: []target.Target{
			target.Reduction("rural-poor-zero", lang.Name{Zh: "农村贫困人口清零", En: "rural poor to zero"}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("0人")).
				From(time.Date(2012, 12, 31, 0, 0, 0, 0, time.UTC)).By(time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)),
		},
	}
	l, err := outcome.NewLedger(rs, poor)
	if err != nil {
		panic(err)
	}
	src := outcome.Cite("000_f8a6b69a178fa4e7.txt", "intro", "")
	for _, r := range []struct {
		year   int
		figure string
	}{{2012, "9899万人"}, {2019, "551万人"}} {
		err := l.Add(outcome.Record{Indicator: "rural-poor", Region: "100000", Period: period.Year(r.year), Quantity: quantity.MustParse(r.figure), Source: src})
		if err != nil {
			panic(err)
		}
	}
	return p, l
}

func ExampleEvaluate() {
	p, l := ruralPoor()
	dates := []time.Time{
		time.Date(2012, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	series, err := trend.Evaluate(p, l, dates, trend.Options{})
	if err != nil {
		panic(err)
	}
	s := series[0]
	for _, pt := range s.Points {
		r := pt.Result
		fmt.Println(r.AsOf.Format(time.DateOnly), r.Achieved, "progress", r.Progress.StringFixed(3), "expected", pt.Expected.StringFixed(3), pt.Pace.Name().In(lang.English))
	}
	fmt.Println(s.Projection.In(lang.English))
	// A stale figure has no pace. The trend runs from the 2012 figure to
	// the 2019 one: 94.4% in seven years.

	// Output:
	// 2012-12-31 98990000名 progress 0.000 expected 0.000 on track
	// 2016-12-31 98990000名 progress 0.000 expected 0.500 —
	// 2019-12-31 5510000名 progress 0.944 expected 0.875 ahead
	// at the current pace, met by 2020-05-30 (13.5% a year)
}

func ExampleWriteText() {
	p, l := ruralPoor()
	dates := []time.Time{
		time.Date(2012, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	series, err := trend.Evaluate(p, l, dates, trend.Options{})
	if err != nil {
		panic(err)
	}
	if err := trend.WriteText(os.Stdout, lang.English, series...); err != nil {
		panic(err)
	}
	// The 2016 row rests on the 2012 figure: it is marked stale and has no
	// pace. Past the deadline, the 2019 figure cannot say whether the goal
	// was reached: the projection, at the pace of the figures, falls before
	// the deadline, and no later figure confirms it.

	// Output:
	// rural poor to zero [rural-poor-zero]
	// date        achieved               data as of          progress  expected  status                     pace
	// 2012-12-31  98.99 million persons  2012-12-31          0.0%      0.0%      in progress                on track
	// 2016-12-31  98.99 million persons  2012-12-31 (stale)  0.0%      50.0%     in progress                -
	// 2019-12-31  5.51 million persons   2019-12-31          94.4%     87.5%     in progress                ahead
	// 2020-12-31  5.51 million persons   2019-12-31 (stale)  94.4%     100.0%    no figure at the deadline  -
	// at the pace of its figures, met by 2020-05-30 (13.5% a year); no later figure confirms it
	//
	// (stale): figures older than the reporting period, a year before the date judged (the as-of date, or the deadline once passed)
}

// The chart of the rural poor: the 2012 figure is carried forward to 2016
// (a dashed level line, labelled), and no line joins it to the 2019 figure.
// The lines below are those of the chart that carry text.
func ExampleWriteSVG() {
	p, l := ruralPoor()
	series, err := trend.Evaluate(p, l, trend.YearEnds(2012, 2020), trend.Options{})
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	if err := trend.WriteSVG(&b, lang.English, p.Name.In(lang.English), series...); err != nil {
		panic(err)
	}
	for line := range strings.Lines(b.String()) {
		if strings.Contains(line, "font-size=\"1") && !strings.HasPrefix(line, "<svg") {
			_, text, _ := strings.Cut(line, ">")
			text, _, _ = strings.Cut(text, "<")
			fmt.Println(text)
		}
	}
	// Output:
	// No rural poor under the current standard
	// rural poor to zero
	// carried forward from 2012-12-31
	// carried forward from 2019-12-31
	// current figure
	// figure carried forward (no newer figure)
	// expected
	// target 100%
	// projection
}
