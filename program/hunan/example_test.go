package hunan_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
)

func ExampleExpertServiceTeams() {
	p := hunan.ExpertServiceTeams()
	for _, asOf := range []time.Time{time.Date(2018, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)} {
		r, err := p.Evaluate(hunan.Reported(), asOf)
		if err != nil {
			panic(err)
		}
		for _, res := range r.Results {
			fmt.Printf("%d %s %s %d/%d\n", asOf.Year(), res.ID, res.Status.Name().En, res.Covered, res.Units)
		}
	}
	// Output:
	// 2018 team-per-poor-county met 51/51
	// 2018 team-per-county-unit in progress 51/123
	// 2018 commissioner-per-poor-village no data 0/3209
	// 2019 team-per-poor-county met 51/51
	// 2019 team-per-county-unit met 123/123
	// 2019 commissioner-per-poor-village met 3209/3209
}

// An indicator is looked up by its code, the key a ledger file writes.
func ExampleIndicators() {
	inds := hunan.Indicators()
	i := slices.IndexFunc(inds, func(ind outcome.Indicator) bool { return ind.Code == "star-spaces" })
	fmt.Println(inds[i].Name.Zh, inds[i].Unit.Name().In(lang.English), inds[i].Aggregation.Name().In(lang.English))
	// Output:
	// 星创天地 establishments stock
}
