package outcome_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// hunanCounties is a region file with Hunan, two prefectures and three of
// their counties, under the 2020 statistical division codes.
const hunanCounties = `code,name,level,parent
430000,湖南省,province,
431200,怀化市,prefecture,430000
431225,会同县,county,431200
433100,湘西土家族苗族自治州,prefecture,430000
433122,泸溪县,county,433100
433130,龙山县,county,433100
`

func ExampleReadRegionSet() {
	rs, err := outcome.ReadRegionSet(strings.NewReader(hunanCounties), "regions.csv")
	if err != nil {
		panic(err)
	}
	fmt.Println(rs.Len(), "regions,", rs.CountAt(outcome.County), "counties")
	for r := range rs.Children("433100") {
		fmt.Println(r.Code, r.Name.Zh, r.Level)
	}
	fmt.Println(rs.Within("431225", "430000"), rs.Within("431225", "433100"))

	// Errors name the file and the line.
	_, err = outcome.ReadRegionSet(strings.NewReader("code,name,level,parent\n430000,湖南省,province,\n433122,泸溪县,county,433100\n"), "regions.csv")
	fmt.Println(err)
	// Output:
	// 6 regions, 3 counties
	// 433122 泸溪县 县市区
	// 433130 龙山县 县市区
	// true false
	// regions.csv:3: parent "433100": region not in the region set
}

// A ledger file as offices keep it: plain numbers with their unit, or
// figures as the report writes them, each with its source. The figures are
// Hunan's of 004_32acad38fe6c52df.txt §二(二)一是: 「2019年选派了403名省级科技特派员和770名
// “三区”科技人才[11]」 and 「累计达25000名[10]」 commissioners since 2005.
func ExampleLedger_ReadCSV() {
	rs, err := outcome.ReadRegionSet(strings.NewReader(hunanCounties), "regions.csv")
	if err != nil {
		panic(err)
	}
	commissioners := outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "选派科技特派员", En: "commissioners selected"},
		Unit: quantity.Person, Aggregation: outcome.Flow}
	talents := outcome.Indicator{Code: "three-regions", Name: lang.Name{Zh: "选派“三区”科技人才", En: "three-regions talents selected"},
		Unit: quantity.Person, Aggregation: outcome.Flow}
	l, err := outcome.NewLedger(rs, commissioners, talents)
	if err != nil {
		panic(err)
	}
	const file = `indicator,region,period,value,unit,source,section,mark,note
commissioners,430000,2005-/2019,据不完全统计累计达25000名,,004_32acad38fe6c52df.txt,二(二)一是,[10],自2005年以来
commissioners,430000,2019,403,名,004_32acad38fe6c52df.txt,二(二)一是,[11],省级
three-regions,430000,2019,770,名,004_32acad38fe6c52df.txt,二(二)一是,[11],
`
	if err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "hunan.csv"}); err != nil {
		panic(err)
	}
	fmt.Println(l.Len(), "records")
	// 2019 alone, and everything through the end of 2019: the 2019 figure
	// lies within the cumulative one and is not added to it.
	end2019 := period.Through(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	for _, q := range []struct {
		indicator string
		window    period.Period
	}{{"commissioners", period.Year(2019)}, {"commissioners", end2019}, {"three-regions", period.Year(2019)}} {
		sum, err := l.Total(q.indicator, "430000", q.window)
		if err != nil {
			panic(err)
		}
		fmt.Println(q.indicator, sum.Quantity().In(lang.English), "|", sum.Certainty.Name().In(lang.English), "|", sum.Records, "record(s)")
	}
	// Output:
	// 3 records
	// commissioners 403 persons | exact | 1 record(s)
	// commissioners by incomplete statistics, cumulative, reached 25,000 persons | lower bound | 1 record(s)
	// three-regions 770 persons | exact | 1 record(s)
}

// Reading is all or nothing: a file with a bad line adds no record, and the
// error names the file, line, column and value.
func ExampleLedger_ReadCSV_error() {
	rs, err := outcome.ReadRegionSet(strings.NewReader(hunanCounties), "regions.csv")
	if err != nil {
		panic(err)
	}
	l, err := outcome.NewLedger(rs, outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "选派科技特派员"},
		Unit: quantity.Person, Aggregation: outcome.Flow})
	if err != nil {
		panic(err)
	}
	const file = `indicator,region,period,value,unit
commissioners,430000,2019,403,名
commissioners,433122,2019,2400余,人次
`
	err = l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "hunan.csv"})
	var pe *outcome.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Column, pe.Value)
	}
	fmt.Println(err)
	fmt.Println(errors.Is(err, outcome.ErrUnitMismatch), l.Len(), "records")
	// Output:
	// 3 unit 人次
	// hunan.csv:3: unit "人次": unit of another dimension: 人次 (person-times) for commissioners in 名 (persons)
	// true 0 records
}
