package outcome_test

import (
	"errors"
	"fmt"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

func ExampleParseQuantity() {
	for _, s := range []string{"26.8亿多元", "5000余名", "近1000名", "3 000—5 000个", "8.5万人次", "不到 60%", "一万名"} {
		q, err := outcome.ParseQuantity(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s | %s | %s | %s\n", s, q.Value(), q.Certainty().Name().In(lang.English), q.In(lang.English))
	}
	// Output:
	// 26.8亿多元 | 2680000000 | lower bound | more than 2.68 billion yuan
	// 5000余名 | 5000 | lower bound | more than 5,000 persons
	// 近1000名 | 1000 | upper bound | nearly 1,000 persons
	// 3 000—5 000个 | 3000 | exact | 3,000–5,000
	// 8.5万人次 | 85000 | exact | 85,000 person-times
	// 不到 60% | 60 | upper bound | less than 60%
	// 一万名 | 10000 | exact | 10,000 persons
}

func ExampleParseQuantity_error() {
	_, err := outcome.ParseQuantity("数十名")
	fmt.Println(errors.Is(err, outcome.ErrSyntax))
	fmt.Println(err)
	// Output:
	// true
	// quantity "数十名" at byte 0: no number (数十 and the like are not counts)
}

func ExampleUnit_Compatible() {
	fmt.Println(outcome.Piece.Compatible(outcome.Establishment)) // 个 and 家 both count things
	fmt.Println(outcome.Person.Compatible(outcome.PersonTime))   // 名 and 人次 do not mix
	// Output:
	// true
	// false
}

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
	stars := outcome.Indicator{Code: "star-spaces", Name: lang.Name{Zh: "星创天地"}, Unit: outcome.Establishment, Aggregation: outcome.Stock}
	training := outcome.Indicator{Code: "training", Name: lang.Name{Zh: "培训"}, Unit: outcome.Session, Aggregation: outcome.Flow}
	l, _ := outcome.NewLedger(rs, stars, training)
	err := l.Add(
		// A stock: the latest count wins, never the sum of the years.
		outcome.Record{Indicator: "star-spaces", Region: "433122", Period: period.Year(2018), Quantity: outcome.MustParseQuantity("2家")},
		outcome.Record{Indicator: "star-spaces", Region: "433122", Period: period.Year(2019), Quantity: outcome.MustParseQuantity("3家")},
		outcome.Record{Indicator: "star-spaces", Region: "433130", Period: period.Year(2019), Quantity: outcome.MustParseQuantity("1家")},
		// A flow: amounts within the window add up.
		outcome.Record{Indicator: "training", Region: "433122", Period: period.Year(2018), Quantity: outcome.MustParseQuantity("40场")},
		outcome.Record{Indicator: "training", Region: "433130", Period: period.Year(2019), Quantity: outcome.MustParseQuantity("60余场")},
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
	l, _ := outcome.NewLedger(rs, outcome.Indicator{Code: "star-spaces", Unit: outcome.Establishment, Aggregation: outcome.Stock})
	r := outcome.Record{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019), Quantity: outcome.MustParseQuantity("149家"),
		Source: outcome.Cite("004_32acad38fe6c52df.txt", "二(三)二是", "[14]")}
	fmt.Println(l.Add(r, r)) // an identical record twice is harmless
	r.Quantity = outcome.MustParseQuantity("150家")
	err := l.Add(r)
	var re *outcome.RecordError
	fmt.Println(errors.Is(err, outcome.ErrConflict), errors.As(err, &re) && re.Field == "value", l.Len())
	fmt.Println(err)
	// Output:
	// <nil>
	// true true 1
	// outcome: record 0 (indicator=star-spaces region=430000 period=2019): value "150家": conflicting value for the same indicator, region and period: 149家 already recorded (004_32acad38fe6c52df.txt §二(三)二是 [14])
}
