package national_test

import (
	"fmt"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/program/national"
)

func ExampleReported() {
	l := national.Reported()
	if err := l.Add(national.Exits()...); err != nil {
		panic(err)
	}
	r, err := national.PovertyEradication2020().Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, res := range r.Results {
		fmt.Println(res.ID, res.Status.Name().En, res.Progress.StringFixed(4))
	}
	// Output:
	// rural-poor in progress 0.9443
	// poor-counties in progress 0.9375
	// poor-villages in progress 0.9789
	// county-exits in progress 0.9375
}

func ExampleStillPoor() {
	still := national.StillPoor(2019)
	c := still[0]
	fmt.Println(len(still), c.Code, c.Name, c.Province)
	fmt.Printf("%s, %s\n", c.Name.In(lang.English), c.Province.In(lang.English))
	// Output:
	// 52 450225 融水苗族自治县 广西壮族自治区
	// Rongshui Miao Autonomous County, Guangxi
}
