// Quickstart builds a small program with three targets, records outcomes in
// a ledger, and prints the report in Chinese and English.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	// 1. Regions: a province, two counties and their poor villages.
	regions, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi County"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan County"}, Level: outcome.County, Parent: "430000"},
		{Code: "433122100201", Name: lang.Name{Zh: "甲村", En: "Jia Village"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433122100202", Name: lang.Name{Zh: "乙村", En: "Yi Village"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433130100201", Name: lang.Name{Zh: "丙村", En: "Bing Village"}, Level: outcome.Village, Parent: "433130"},
	})
	if err != nil {
		return err
	}

	// 2. A program: what must be achieved, measured by which indicators.
	patents := outcome.Indicator{Code: "patents", Name: lang.Name{Zh: "推广实用专利技术", En: "patented technologies promoted"},
		Unit: quantity.Item, Aggregation: outcome.Flow}
	commissioners := outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "科技特派员", En: "sci-tech commissioners"},
		Unit: quantity.Person, Aggregation: outcome.Stock}
	poor := outcome.Indicator{Code: "poor", Name: lang.Name{Zh: "贫困人口", En: "poor population"},
		Unit: quantity.Person, Aggregation: outcome.Stock}
	villages := target.AllAt(lang.Name{Zh: "贫困村", En: "poor villages"}, outcome.Village, "430000")
	p := program.Program{
		ID:         "example/quickstart",
		Name:       lang.Name{Zh: "示例: 科技扶贫三项目标", En: "Example: three sci-tech poverty targets"},
		Level:      outcome.Province,
		Start:      time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC),
		Deadline:   time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Indicators: []outcome.Indicator{patents, commissioners, poor},
		Targets: []target.Target{
			target.AtLeast("patents", lang.Name{Zh: "推广一百项以上实用专利技术", En: "≥100 patented technologies"}, "patents", quantity.MustParse("一百项以上")),
			target.Coverage("commissioners", lang.Name{Zh: "每个贫困村一名科技特派员", En: "a commissioner in every poor village"}, "commissioners", villages, quantity.MustParse("1名")),
			target.Reduction("poor", lang.Name{Zh: "贫困人口清零", En: "no one left in poverty"}, "poor", quantity.MustParse("12000人"), quantity.MustParse("0人")),
		},
	}

	// 3. A ledger of outcomes, each cited.
	ledger, err := outcome.NewLedger(regions, p.Indicators...)
	if err != nil {
		return err
	}
	src := outcome.Cite("example.txt", "一", "")
	err = ledger.Add(
		outcome.Record{Indicator: "patents", Region: "433122", Period: period.Year(2018), Quantity: quantity.MustParse("40项"), Source: src},
		outcome.Record{Indicator: "patents", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("30余项"), Source: src},
		outcome.Record{Indicator: "commissioners", Region: "433122100201", Period: period.Year(2019), Quantity: quantity.MustParse("2名"), Source: src},
		outcome.Record{Indicator: "commissioners", Region: "433130100201", Period: period.Year(2019), Quantity: quantity.MustParse("1名"), Source: src},
		outcome.Record{Indicator: "poor", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("3000人"), Source: src},
	)
	if err != nil {
		return err
	}

	// 4. Evaluate as of a date and print.
	report, err := p.Evaluate(ledger, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	for _, in := range []lang.Lang{lang.Chinese, lang.English} {
		if err := report.WriteText(w, in); err != nil {
			return err
		}
		fmt.Fprintln(w)
		if err := report.WriteShortfall(w, in, -1); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}
