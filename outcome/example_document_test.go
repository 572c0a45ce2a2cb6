package outcome_test

import (
	"fmt"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
)

// A ledger keeps a document's locator, here a file name; declared once, the
// document is cited by its title, journal and year in reports.
func ExampleCitation_In() {
	err := outcome.DeclareDocument(outcome.Document{
		Locator:   "county-2019.xlsx",
		Title:     lang.Name{Zh: "2019年科技扶贫工作总结", En: "Sci-tech poverty alleviation in 2019: a summary"},
		Publisher: lang.Name{Zh: "县科技局", En: "County Science and Technology Bureau"},
		Year:      2020,
	})
	if err != nil {
		panic(err)
	}
	c := outcome.Cite("county-2019.xlsx", "二(一)", "[3]")
	fmt.Println(c)
	fmt.Println(c.In(lang.Chinese))
	fmt.Println(c.In(lang.English))
	// Output:
	// county-2019.xlsx §二(一) [3]
	// 《2019年科技扶贫工作总结》(县科技局, 2020) §二(一) [3]
	// "Sci-tech poverty alleviation in 2019: a summary", County Science and Technology Bureau, 2020, §2.1 [3]
}
