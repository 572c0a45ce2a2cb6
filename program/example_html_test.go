package program_test

import (
	"bytes"
	"fmt"
	"regexp"
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

// patents is a program of one target with a record, as in
// ExampleReport_WriteText.
func patents() (program.Program, *outcome.Ledger) {
	rs, _ := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}})
	ind := outcome.Indicator{Code: "patents", Name: lang.Name{Zh: "实用专利技术", En: "patented technologies"}, Unit: quantity.Item, Aggregation: outcome.Flow}
	p := program.Program{
		ID:         "example/patents",
		Name:       lang.Name{Zh: "专利技术推广", En: "Patent promotion"},
		Level:      outcome.Province,
		Start:      time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
		Deadline:   time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Indicators: []outcome.Indicator{ind},
		Targets: []target.Target{
			target.AtLeast("patents", lang.Name{Zh: "一百项以上实用专利技术", En: "100 patented technologies or more"}, "patents", quantity.MustParse("一百项以上")),
		},
	}
	l, _ := outcome.NewLedger(rs, p.Indicators...)
	_ = l.Add(
		outcome.Record{Indicator: "patents", Region: "430000", Period: period.Year(2018), Quantity: quantity.MustParse("40项")},
		outcome.Record{Indicator: "patents", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("80项")},
	)
	return p, l
}

// rows reads the target rows back from a page: each target's name and
// status.
var rows = regexp.MustCompile(`(?s)<span class="tname">([^<]*)</span>.*?<span class="status">([^<]*)</span>`)

func ExampleReport_WriteHTML() {
	p, l := patents()
	r, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	var page bytes.Buffer // or a file: the page needs nothing beside it
	if err := r.WriteHTML(&page, lang.English); err != nil {
		panic(err)
	}
	fmt.Println(strings.SplitN(page.String(), "\n", 2)[0])
	for _, m := range rows.FindAllStringSubmatch(page.String(), -1) {
		fmt.Println(m[1]+":", m[2])
	}
	// Output:
	// <!DOCTYPE html>
	// 100 patented technologies or more: met
}

// A page for several programs, with a trend chart under one of them.
func ExampleWriteHTML() {
	p, l := patents()
	asOf := time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)
	var reports []program.Report
	q := p // the same target, due a year earlier
	q.ID, q.Name, q.Deadline = "example/patents-2019", lang.Name{Zh: "专利技术推广(2019年)", En: "Patent promotion by 2019"}, asOf
	for _, q := range []program.Program{p, q} {
		r, err := q.Evaluate(l, asOf)
		if err != nil {
			panic(err)
		}
		reports = append(reports, r)
	}
	series, err := trend.Evaluate(p, l, trend.YearEnds(2017, 2019), trend.Options{})
	if err != nil {
		panic(err)
	}
	var chart bytes.Buffer
	if err := trend.WriteSVG(&chart, lang.Chinese, "", series...); err != nil {
		panic(err)
	}
	var page bytes.Buffer
	opts := program.HTMLOptions{Title: "湖南省专利技术推广", Charts: map[string][]byte{p.ID: chart.Bytes()}}
	if err := program.WriteHTML(&page, reports, lang.Chinese, opts); err != nil {
		panic(err)
	}
	fmt.Println("sections:", strings.Count(page.String(), `<section class="report"`))
	fmt.Println("target rows:", strings.Count(page.String(), `<tr class="target`))
	fmt.Println("charts:", strings.Count(page.String(), `<img src="data:image/svg`))
	// Output:
	// sections: 2
	// target rows: 2
	// charts: 1
}
