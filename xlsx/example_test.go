package xlsx_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/xlsx"
	"github.com/xuri/excelize/v2"
)

// The Hunan figures for 2019 of 004_32acad38fe6c52df.txt §二(二)一是 [11]:
// 「2019年选派了403名省级科技特派员和770名“三区”科技人才」, written to a
// workbook and read back into a ledger.
func Example() {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}})
	if err != nil {
		panic(err)
	}
	indicators := []outcome.Indicator{
		{Code: "provincial-commissioners", Name: lang.Name{Zh: "省级科技特派员"}, Unit: quantity.Person, Aggregation: outcome.Flow},
		{Code: "three-regions-talents", Name: lang.Name{Zh: "“三区”科技人才"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	}
	src := outcome.Cite("004_32acad38fe6c52df.txt", "二(二)一是", "[11]")
	records := []outcome.Record{
		{Indicator: "provincial-commissioners", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("403名"), Source: src},
		{Indicator: "three-regions-talents", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("770名"), Source: src, Note: "2019年选派"},
	}

	dir, err := os.MkdirTemp("", "taizhang-xlsx-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "hunan-2019.xlsx")
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	if err := xlsx.WriteLedger(f, slices.Values(records)); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}

	// ReadFile chooses the reader by the extension: .csv, .jsonl or .xlsx.
	l, err := outcome.NewLedger(rs, indicators...)
	if err != nil {
		panic(err)
	}
	if err := xlsx.ReadFile(l, name, outcome.ReadOptions{}); err != nil {
		panic(err)
	}
	for r := range l.All() {
		fmt.Printf("%s %s %s %s (%s) note %q\n", r.Indicator, r.Region, r.Period, r.Quantity, r.Source, r.Note)
	}
	// Output:
	// provincial-commissioners 430000 2019 403名 (004_32acad38fe6c52df.txt §二(二)一是 [11]) note ""
	// three-regions-talents 430000 2019 770名 (004_32acad38fe6c52df.txt §二(二)一是 [11]) note "2019年选派"
}

// A report as a workbook: a sheet for the program with its figures as
// numbers, and a sheet for the units short of the per-unit target. Two
// counties of 「每县3—5位带头人」 (000_f8a6b69a178fa4e7.txt §3.2): 泸溪县
// with 4, 龙山县 with 1.
func ExampleWriteReports() {
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
	})
	if err != nil {
		panic(err)
	}
	leaders := outcome.Indicator{Code: "leaders", Name: lang.Name{Zh: "致富带头人"}, Unit: quantity.Person, Aggregation: outcome.Flow}
	p := program.Program{
		ID: "example/leaders", Name: lang.Name{Zh: "致富带头人"}, Indicators: []outcome.Indicator{leaders},
		Targets: []target.Target{target.EachInRange("leaders", lang.Name{Zh: "每县3—5位带头人"}, "leaders",
			target.AllAt(lang.Name{Zh: "县"}, outcome.County, ""), quantity.MustParse("3—5名"))},
	}
	l, err := outcome.NewLedger(rs, leaders)
	if err != nil {
		panic(err)
	}
	if err := l.Add(
		outcome.Record{Indicator: "leaders", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("4名")},
		outcome.Record{Indicator: "leaders", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("1名")},
	); err != nil {
		panic(err)
	}
	r, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := xlsx.WriteReports(&b, lang.Chinese, r); err != nil {
		panic(err)
	}

	f, err := excelize.OpenReader(&b)
	if err != nil {
		panic(err)
	}
	fmt.Println(f.GetSheetList())
	progress, _ := f.GetCellValue("example-leaders", "J6") // a number, shown as a percentage
	raw, _ := f.GetCellValue("example-leaders", "J6", excelize.Options{RawCellValue: true})
	fmt.Println(progress, raw)
	short, _ := f.GetRows("未达标 leaders")
	for _, row := range short[4:] {
		fmt.Println(row)
	}
	// Output:
	// [example-leaders 未达标 leaders]
	// 50.0% 0.5
	// [区划代码 名称 情况 现有 (名) 差 (名) 超出 (名)]
	// [433130 龙山县 低于要求 1 2]
}
