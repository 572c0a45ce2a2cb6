package outcome_test

import (
	"errors"
	"fmt"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func ExampleRegionSet_Within() {
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province},
		{Code: "433100", Name: lang.Name{Zh: "湘西土家族苗族自治州"}, Level: outcome.Prefecture, Parent: "430000"},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县"}, Level: outcome.County, Parent: "433100"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(rs.Within("433122", "430000"))
	for r := range rs.Descendants("430000") {
		fmt.Println(r.Code, r.Name, r.Level)
	}
	// Output:
	// true
	// 433100 湘西土家族苗族自治州 市州
	// 433122 泸溪县 县市区
}

func ExampleLedger_Total() {
	rs, _ := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县"}, Level: outcome.County, Parent: "430000"},
	})
	stars := outcome.Indicator{Code: "star-spaces", Name: lang.Name{Zh: "星创天地"}, Unit: quantity.Establishment, Aggregation: outcome.Stock}
	training := outcome.Indicator{Code: "training", Name: lang.Name{Zh: "培训"}, Unit: quantity.Session, Aggregation: outcome.Flow}
	l, _ := outcome.NewLedger(rs, stars, training)
	err := l.Add(
		// A stock: the latest count wins, never the sum of the years.
		outcome.Record{Indicator: "star-spaces", Region: "433122", Period: period.Year(2018), Quantity: quantity.MustParse("2家")},
		outcome.Record{Indicator: "star-spaces", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("3家")},
		outcome.Record{Indicator: "star-spaces", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("1家")},
		// A flow: amounts within the window add up.
		outcome.Record{Indicator: "training", Region: "433122", Period: period.Year(2018), Quantity: quantity.MustParse("40场")},
		outcome.Record{Indicator: "training", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("60余场")},
	)
	if err != nil {
		panic(err)
	}
	window, _ := period.Parse("2018/2019")
	for _, ind := range []string{"star-spaces", "training"} {
		sum, _ := l.Total(ind, "430000", window)
		fmt.Println(ind, sum.Value, sum.Certainty, sum.Records)
	}
	// Output:
	// star-spaces 4 确数 2
	// training 100 下限 2
}

func ExampleLedger_Add_conflict() {
	rs, _ := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province}})
	l, _ := outcome.NewLedger(rs, outcome.Indicator{Code: "star-spaces", Unit: quantity.Establishment, Aggregation: outcome.Stock})
	r := outcome.Record{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("149家"),
		Source: outcome.Cite("004_32acad38fe6c52df.txt", "二(三)二是", "[14]")}
	fmt.Println(l.Add(r, r)) // an identical record twice is harmless
	r.Quantity = quantity.MustParse("150家")
	err := l.Add(r)
	var re *outcome.RecordError
	fmt.Println(errors.Is(err, outcome.ErrConflict), errors.As(err, &re) && re.Field == "value", l.Len())
	fmt.Println(err)
	// Output:
	// <nil>
	// true true 1
	// outcome: record 0 (indicator=star-spaces region=430000 period=2019): value "150家": conflicting value for the same indicator, region and period: 149家 already recorded (004_32acad38fe6c52df.txt §二(三)二是 [14])
}
