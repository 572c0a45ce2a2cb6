package rule_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/rule"
)

// provinceLedger builds a ledger over the province alone with the given indicators.
func provinceLedger(indicators ...outcome.Indicator) *outcome.Ledger {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}})
	if err != nil {
		panic(err)
	}
	l, err := outcome.NewLedger(rs, indicators...)
	if err != nil {
		panic(err)
	}
	return l
}

func ExampleRule_Check() {
	l := provinceLedger(
		outcome.Indicator{Code: "star-spaces", Name: lang.Name{Zh: "星创天地"}, Unit: quantity.Establishment, Aggregation: outcome.Stock},
		outcome.Indicator{Code: "star-spaces-filed", Name: lang.Name{Zh: "获国家备案星创天地"}, Unit: quantity.Establishment, Aggregation: outcome.Stock},
	)
	// 004_32acad38fe6c52df.txt §二(三)二是 [14]: 「布局建设149家星创天地,其中获国家备案75家」,
	// undated: somewhere in 2011–2019.
	src := outcome.Cite("004_32acad38fe6c52df.txt", "二(三)二是", "[14]")
	for _, r := range []struct{ indicator, figure string }{{"star-spaces", "149家"}, {"star-spaces-filed", "75家"}} {
		err := l.Add(outcome.Record{Indicator: r.indicator, Region: "430000", Period: period.MustParse("~2011/2019"),
			Quantity: quantity.MustParse(r.figure), Source: src})
		if err != nil {
			panic(err)
		}
	}
	asOf := period.Through(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	filed := rule.Rule{ID: "D3", Name: lang.Name{Zh: "获国家备案的星创天地 ≤ 星创天地总数"},
		Left: rule.Of("star-spaces-filed", "430000", asOf), Op: rule.LessOrEqual, Right: rule.Of("star-spaces", "430000", asOf),
		Severity: rule.Critical, Source: src}
	o, err := filed.Check(l)
	if err != nil {
		panic(err)
	}
	fmt.Println(o.Left.Value, o.Rule.Op, o.Right.Value, "holds:", o.Holds)
	fmt.Println("behind the left side:", o.Left.Records[0].Quantity, o.Left.Records[0].Source)
	// Output:
	// 75 ≤ 149 holds: true
	// behind the left side: 75家 004_32acad38fe6c52df.txt §二(三)二是 [14]
}

func ExampleRule_Check_violated() {
	l := provinceLedger(outcome.Indicator{Code: "teams", Name: lang.Name{Zh: "科技专家服务团"}, Unit: quantity.Piece, Aggregation: outcome.Flow})
	// 004_32acad38fe6c52df.txt §二(二)二是 [11]: 51 teams for the poor counties
	// in 2018, 72 new teams for the others in 2019; §三(二)一是: 「依托全省123个
	// 科技专家服务团」. The ledger here holds a mistyped 2019 figure.
	for _, r := range []struct {
		year   int
		figure string
	}{{2018, "51个"}, {2019, "27个"}} {
		if err := l.Add(outcome.Record{Indicator: "teams", Region: "430000", Period: period.Year(r.year), Quantity: quantity.MustParse(r.figure)}); err != nil {
			panic(err)
		}
	}
	teams := rule.Rule{ID: "D1", Name: lang.Name{Zh: "2018年服务团 + 2019年新组建服务团 = 123"},
		Left:  rule.Of("teams", "430000", period.Year(2018)).Plus(rule.Of("teams", "430000", period.Year(2019))),
		Op:    rule.Equal,
		Right: rule.Const(decimal.NewFromInt(123)), Severity: rule.Critical}
	o, err := teams.Check(l)
	if err != nil {
		panic(err)
	}
	fmt.Println("violated:", o.Violated())
	fmt.Println(o.Left.Value, o.Rule.Op, o.Right.Value)
	for _, r := range o.Left.Records {
		fmt.Println(r.Period, r.Quantity)
	}
	// Output:
	// violated: true
	// 78 = 123
	// 2018 51个
	// 2019 27个
}
