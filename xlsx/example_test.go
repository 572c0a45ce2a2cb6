package xlsx_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/xlsx"
)

// The Hunan figures for 2019 of 004_32acad38fe6c52df.txt §二(二)一是 [11]:
// 「2019年选派了403名省级科技特派员和770名“三区”科技人才」, written to a
// workbook and read back into a ledger.
func Example() {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: outcome.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}})
	if err != nil {
		panic(err)
	}
	indicators := []outcome.Indicator{
		{Code: "provincial-commissioners", Name: outcome.Name{Zh: "省级科技特派员"}, Unit: outcome.Person, Aggregation: outcome.Flow},
		{Code: "three-regions-talents", Name: outcome.Name{Zh: "“三区”科技人才"}, Unit: outcome.Person, Aggregation: outcome.Flow},
	}
	src := outcome.Cite("004_32acad38fe6c52df.txt", "二(二)一是", "[11]")
	records := []outcome.Record{
		{Indicator: "provincial-commissioners", Region: "430000", Period: outcome.Year(2019), Quantity: outcome.MustParseQuantity("403名"), Source: src},
		{Indicator: "three-regions-talents", Region: "430000", Period: outcome.Year(2019), Quantity: outcome.MustParseQuantity("770名"), Source: src, Note: "2019年选派"},
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
