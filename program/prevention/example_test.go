package prevention_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/prevention"
)

// The zero Policy is the seed's: the absolute poverty line of 2300 yuan per
// person a year (004_32acad38fe6c52df.txt §三(一) [20]: 「以人均年收入2300元作为
// 绝对贫困线」), latent poverty up to 1.5 times the line, and medical,
// education and disaster spending as shocks (§三(三) 一是). The households
// are made up; each is three persons.
func ExamplePolicy_Classify() {
	household := func(id string, wage int64) prevention.Household {
		h := prevention.Household{ID: id, Village: "433122100201", Members: 3}
		h.Income[prevention.Wage] = prevention.Yuan(wage)
		return h
	}
	illness := household("illness", 12000)
	illness.Expenditure[prevention.Medical] = prevention.Yuan(15000)
	for _, h := range []prevention.Household{
		household("below", 6000),                                     // 2000 yuan a person
		household("no-housing", 30000).Fails(prevention.SafeHousing), // 两不愁三保障 not met
		illness,                    // 4000 a person, but 15000 for medical care
		household("fragile", 9600), // 3200 a person: within 1.5 times the line
		household("secure", 30000), // 10000 a person
	} {
		class, why, err := prevention.Policy{}.Classify(h, 2019)
		if err != nil {
			panic(err)
		}
		if why == 0 {
			fmt.Printf("%s: %s %s\n", h.ID, class, class.Name().In(lang.English))
			continue
		}
		fmt.Printf("%s: %s %s, %s\n", h.ID, class, class.Name().In(lang.English), why.Name().In(lang.English))
	}
	// Output:
	// below: 绝对贫困 absolute poverty, income below the line
	// no-housing: 绝对贫困 absolute poverty, a basic need unmet
	// illness: 次生贫困 secondary poverty, a shock, and income below expenditure
	// fragile: 潜在贫困 latent poverty, income within the monitoring band
	// secure: 无风险 not at risk
}

func ExampleReadCSV() {
	const file = `id,village,members,wage,operating,property,transfer,medical,education,disaster,other,unmet
h1,433122100201,3,6000,1200,0,800,0,0,0,5000,
h2,433122100201,0,9000,0,0,0,0,0,0,4000,
h3,433122100202,4,20000,3500.5,0,0,18000,0,0,6000,住房安全有保障
`
	for h, err := range prevention.ReadCSV(strings.NewReader(file), "households.csv") {
		var he *prevention.HouseholdError
		if errors.As(err, &he) {
			// A bad household is reported, and reading goes on.
			fmt.Println("refused:", he.ID, he.Field, errors.Is(err, outcome.ErrInvalid))
			continue
		}
		if err != nil {
			panic(err) // a bad header or a read error ends the sequence
		}
		fmt.Println(h.ID, h.Members, "income", h.TotalIncome(), "spending", h.TotalExpenditure(), "unmet", h.Unmet != 0)
	}
	// Output:
	// h1 3 income 8000 spending 5000 unmet false
	// refused: h2 members true
	// h3 4 income 23500.5 spending 24000 unmet true
}

// A screening counts each class per village; its tally becomes ledger
// records, and NoAbsolutePoverty lists the villages that still have
// absolutely poor households.
func ExampleNoAbsolutePoverty() {
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433122100201", Name: lang.Name{Zh: "甲村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433122100202", Name: lang.Name{Zh: "乙村"}, Level: outcome.Village, Parent: "433122"},
	})
	if err != nil {
		panic(err)
	}
	household := func(id, village string, members int, wage int64) prevention.Household {
		h := prevention.Household{ID: id, Village: village, Members: members}
		h.Income[prevention.Wage] = prevention.Yuan(wage)
		return h
	}
	households := []prevention.Household{
		household("h1", "433122100201", 3, 30000),
		household("h2", "433122100202", 2, 4000), // 2000 yuan a person: below the line
		household("h3", "433122100202", 4, 40000),
	}
	tally, err := prevention.Screening{Year: 2019, Regions: rs}.Run(slices.Values(households))
	if err != nil {
		panic(err)
	}
	l, err := outcome.NewLedger(rs, prevention.Indicators()...)
	if err != nil {
		panic(err)
	}
	if err := l.Add(tally.Records(period.Year(2019), outcome.Cite("泸溪县 2019 screening", "", ""))...); err != nil {
		panic(err)
	}
	report, err := prevention.NoAbsolutePoverty("433122", time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)).
		Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	r := report.Results[0]
	fmt.Println(r.Status.Name().In(lang.English), r.Covered, "of", r.Units, "villages without an absolutely poor household")
	for g := range r.Shortfall.All() {
		fmt.Println(g.Region.Code, g.Region.Name.Zh, "has", g.Has, "too many by", g.Excess)
	}
	// The target is a range of 0—0 absolutely poor households in each
	// village: a village above it makes the result "exceeded".

	// Output:
	// over the limit 1 of 2 villages without an absolutely poor household
	// 433122100202 乙村 has 1 too many by 1
}
