package program_test

import (
	"bytes"
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
)

// villageReport evaluates a commissioner in each of five villages of
// Luxi, four of which have one.
func villageReport() program.Report {
	regions := []outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi County"}, Level: outcome.County, Parent: "430000"},
	}
	for i, zh := range []string{"下都村", "新桥村", "张家坪村", "合水村", "潭溪村"} {
		code := fmt.Sprintf("4331221002%02d", i+1)
		regions = append(regions, outcome.Region{Code: code, Name: lang.Name{Zh: zh}, Level: outcome.Village, Parent: "433122"})
	}
	rs, _ := outcome.NewRegionSet(regions)
	commissioners := outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "科技特派员", En: "commissioners"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	// 004_32acad38fe6c52df.txt §一(四)二是: 「为每个贫困村明确一名科技特派员」.
	p := program.Program{
		ID:         "example/villages",
		Name:       lang.Name{Zh: "贫困村科技特派员", En: "A commissioner in every village"},
		Level:      outcome.County,
		Indicators: []outcome.Indicator{commissioners},
		Targets: []target.Target{
			target.Coverage("commissioner-per-village", lang.Name{Zh: "每个村一名科技特派员", En: "a commissioner in every village"}, "commissioners",
				target.AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "433122"), quantity.MustParse("一名")),
		},
	}
	l, _ := outcome.NewLedger(rs, p.Indicators...)
	for _, v := range []string{"433122100201", "433122100202", "433122100203", "433122100204"} {
		_ = l.Add(outcome.Record{Indicator: "commissioners", Region: v, Period: period.Year(2019), Quantity: quantity.MustParse("1名")})
	}
	r, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleReport_WriteMarkdown() {
	villageReport().WriteMarkdown(os.Stdout, lang.Chinese)
	// Output:
	// ### 贫困村科技特派员 (`example/villages`)
	//
	// 截至 2019-12-31
	//
	// | 目标 | 类型 | 要求 | 实际 | 数据截至 | 进度 | 状态 | 确定性 | 进度对比 |
	// | --- | --- | --- | --- | --- | --- | --- | --- | --- |
	// | 每个村一名科技特派员 | 全覆盖 | 1名 × 5 | 4/5 | 2019-12-31 | 80.0% | 推进中 | 确数 | — |
	//
	// 合计 1 项目标: 已达成 0, 推进中 1, 未达成 0, 超出上限 0, 无数据 0
}

func ExampleReport_WriteCSV() {
	villageReport().WriteCSV(os.Stdout, lang.English)
	// Output:
	// program,as_of,target,name,kind,status,certainty,certain,required,achieved,progress,expected,pace,covered,units,deadline,source,data_as_of,stale,bounds
	// example/villages,2019-12-31,commissioner-per-village,a commissioner in every village,coverage,in progress,exact,true,1名,4个,0.8,,,4,5,,,2019-12-31,false,"[4,4]"
}

func ExampleReport_WriteShortfall() {
	villageReport().WriteShortfall(os.Stdout, lang.English, 10)
	// The village has no English name: its code stands for it.

	// Output:
	// a commissioner in every village — units not covered: 1/5 (1 no record)
	//   433122100205    no record
}

func ExampleReport_WriteSVG() {
	var b bytes.Buffer
	if err := villageReport().WriteSVG(&b, lang.English); err != nil {
		panic(err)
	}
	svg := b.String()
	fmt.Println(strings.Contains(svg, "<svg"), strings.Contains(svg, "a commissioner in every village"))
	// Output:
	// true true
}
