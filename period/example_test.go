package period_test

import (
	"fmt"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
)

func ExampleParse() {
	for _, s := range []string{"2019", "2019-03", "2018-01-01/2019-06-30", "2005-/2019"} {
		p, _ := period.Parse(s)
		fmt.Println(p.Kind(), p.Start().Format(time.DateOnly), p.End().Format(time.DateOnly), p.In(lang.Chinese))
	}
	// Output:
	// 年 2019-01-01 2019-12-31 2019年
	// 月 2019-03-01 2019-03-31 2019年3月
	// 时段 2018-01-01 2019-06-30 2018-01-01/2019-06-30
	// 累计 2005-01-01 2019-12-31 2005年以来(截至2019年)
}

func ExampleParse_office() {
	// The forms offices write read as the periods they mean.
	for _, s := range []string{"2019年", "2019年第一季度", "2019年上半年", "2019.01.01-2019.03.31", "截至2019年底"} {
		p, err := period.Parse(s)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s\t%s\t%s\n", s, p, p.Kind().Name().In(lang.English))
	}
	// Output:
	// 2019年	2019	year
	// 2019年第一季度	2019Q1	quarter
	// 2019年上半年	2019H1	half-year
	// 2019.01.01-2019.03.31	2019-01-01/2019-03-31	span
	// 截至2019年底	-/2019	cumulative
}

func ExampleThrough() {
	asOf := time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)
	window := period.Through(asOf)
	fmt.Println(window.Covers(period.Year(2019)), window.Covers(period.Year(2020)))
	// Output: true false
}
