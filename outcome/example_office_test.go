package outcome_test

import (
	"fmt"
	"strings"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// luxi is a county office's region file: Chinese headers and levels, and
// a column of its own, kept as an attribute. The villages are made up.
const luxi = `代码,名称,级别,上级代码,是否贫困村
433122,泸溪县,县,,
433122106,洗溪镇,镇,433122,
433122108,浦市镇,镇,433122,
433122106202,新桥村,村,433122106,否
433122108201,下都村,村,433122108,是
433122108202,新桥村,村,433122108,是
`

func luxiLedger() *outcome.Ledger {
	rs, err := outcome.ReadRegionSet(strings.NewReader(luxi), "regions.csv")
	if err != nil {
		panic(err)
	}
	l, err := outcome.NewLedger(rs,
		outcome.Indicator{Code: "commissioners", Name: lang.Name{Zh: "科技特派员人数"}, Unit: quantity.Person, Aggregation: outcome.Stock, Aliases: []string{"特派员"}},
		outcome.Indicator{Code: "training", Name: lang.Name{Zh: "培训场次"}, Unit: quantity.Session, Aggregation: outcome.Flow})
	if err != nil {
		panic(err)
	}
	return l
}

func ExampleRegionSet_Find() {
	rs := luxiLedger().Regions()
	r, _ := rs.Find("泸溪县/浦市镇/下都村")
	poor, _ := r.Attrs.Get("是否贫困村")
	fmt.Println(r.Code, r.Name.Zh, r.Level, poor)
	_, err := rs.Find("新桥村")
	fmt.Println(err)
	// Output:
	// 433122108201 下都村 村 是
	// outcome: region "新桥村": region name is ambiguous (write its name path, such as 泸溪县/浦市镇/下都村, or its code): 2 regions: 泸溪县/洗溪镇/新桥村 (433122106202), 泸溪县/浦市镇/新桥村 (433122108202)
}

func ExampleLedger_FindIndicator() {
	l := luxiLedger()
	ind, _ := l.FindIndicator("特派员")
	fmt.Println(ind.Code)
	_, err := l.FindIndicator("培训次数")
	fmt.Println(err)
	// Output:
	// commissioners
	// outcome: indicator "培训次数": unknown indicator; closest: training (培训场次)
}

func ExampleAttributes() {
	l := luxiLedger()
	err := l.ReadCSV(strings.NewReader("序号,指标,区划,时期,数值,填报人\n1,培训场次,下都村,2019,12,张敏\n"), outcome.ReadOptions{Name: "ledger.csv"})
	if err != nil {
		panic(err)
	}
	for r := range l.All() {
		who, _ := r.Attrs.Get("填报人")
		fmt.Println(r.Indicator, r.Region, r.Quantity, who)
	}
	// Output:
	// training 433122108201 12场 张敏
}

func ExampleLedger_ReadSheet() {
	sheet := `2019年泸溪县科技扶贫工作台账
序号,县,乡镇,村,科技特派员人数,培训场次（场）
1,泸溪县,浦市镇,下都村,2,12
2,泸溪县,洗溪镇,新桥村,1,
3,泸溪县,,,,40
`
	l := luxiLedger()
	err := l.ReadSheet(strings.NewReader(sheet), outcome.Sheet{Region: []string{"县", "乡镇", "村"}}, outcome.ReadOptions{Name: "sheet.csv"})
	if err != nil {
		panic(err)
	}
	for r := range l.All() {
		fmt.Println(r.Indicator, r.Region, r.Period, r.Quantity)
	}
	err = l.ReadSheet(strings.NewReader("县,村,培训场次\n泸溪县,上都村,3\n"), outcome.Sheet{Region: []string{"县", "村"}, Fixed: period.Year(2020)}, outcome.ReadOptions{Name: "bad.csv"})
	fmt.Println(err)
	// Output:
	// commissioners 433122108201 2019 2名
	// commissioners 433122106202 2019 1名
	// training 433122108201 2019 12场
	// training 433122 2019 40场
	// bad.csv:2: 县/村 "泸溪县/上都村": no region of that name; similar: 泸溪县/浦市镇/下都村 (433122108201)
}

func ExampleLedger_ReadRoster() {
	roster := `姓名,身份证号,乡镇,村,派驻年度
张敏,433122198001010011,浦市镇,下都村,2019
王强,433122198502020022,浦市镇,下都村,2019
张敏,433122198001010011,浦市镇,下都村,2019
`
	l := luxiLedger()
	n, err := l.ReadRoster(strings.NewReader(roster), outcome.Roster{Indicator: "特派员",
		Region: []string{"乡镇", "村"}, Period: "派驻年度", Key: []string{"身份证号"}}, outcome.ReadOptions{Name: "roster.csv"})
	if err != nil {
		panic(err)
	}
	fmt.Println(n.Rows, "rows,", n.Counted, "counted")
	for _, d := range n.Duplicates {
		fmt.Println(d)
	}
	for r := range l.All() {
		fmt.Println(r.Indicator, r.Region, r.Period, r.Quantity)
	}
	// Output:
	// 3 rows, 2 counted
	// line 4 repeats line 2: 433122198001010011 in 433122108201 2019
	// commissioners 433122108201 2019 2名
}
