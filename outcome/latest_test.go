package outcome_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

// TestValuesLatestManyPeriods checks Values.Latest against the records
// Used gives unit by unit, for random selections, on ledgers with few
// periods and with more distinct periods than two bytes number (where the
// newest period is not tracked while the figures are made).
func TestValuesLatestManyPeriods(t *testing.T) {
	for _, many := range []bool{false, true} {
		for seed := range uint64(4) {
			if many && seed >= 2 {
				break // slow: two are enough
			}
			t.Run(fmt.Sprintf("many=%v/%d", many, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 29))
				regions := randomRegions(rng)
				l := emptyLedger(t, regions)
				records := randomRecords(rng, regions, "plain")
				if many {
					stockEnds := map[time.Time]bool{}
					for _, sp := range stockPeriods {
						stockEnds[period.MustParse(sp).End()] = true
					}
					// Two-day spans from 1900 on: 70,000 distinct periods.
					first := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
					for i := range 70000 {
						from := first.AddDate(0, 0, i)
						p, err := period.Span(from, from.AddDate(0, 0, 1))
						if err != nil {
							t.Fatal(err)
						}
						for _, ind := range []string{"training", "platforms"} {
							if ind == "platforms" && stockEnds[p.End()] {
								continue // a second figure for a day a stock figure holds: refused
							}
							r := ovRec(ind, regions[rng.IntN(len(regions))].Code, "2019", "1个")
							if ind == "training" {
								r = ovRec(ind, regions[rng.IntN(len(regions))].Code, "2019", "1场")
							}
							r.Period = p
							records = append(records, r)
						}
					}
				}
				if err := l.Add(records...); err != nil {
					t.Fatal(err)
				}
				windows := []period.Period{period.Year(2019), period.MustParse("2018/2019"), period.MustParse("2015-/2019"), period.Through(date(2019, 12, 31)), period.Through(date(2018, 6, 30)), period.MustParse("1900/2100")}
				selections := 5
				if many {
					selections = 1 // each Used aggregates 140,000 rows: one selection a window is enough
				}
				for _, ind := range []string{"training", "platforms"} {
					for _, w := range windows {
						for range selections {
							var codes []string
							for _, r := range regions {
								if rng.IntN(3) == 0 {
									codes = append(codes, r.Code)
								}
							}
							units, err := l.Regions().Select("", func(r outcome.Region) bool {
								for _, c := range codes {
									if c == r.Code {
										return true
									}
								}
								return false
							})
							if err != nil {
								t.Fatal(err)
							}
							v, err := l.Values(ind, units, w)
							if err != nil {
								t.Fatal(err)
							}
							// The newest of the units' figures as Total dates
							// them: by their records' ends, and by the last days
							// in the window of records across its edge.
							var want time.Time
							for i := range units.Len() {
								sum, err := l.Total(ind, units.At(i).Code, w)
								if err != nil {
									t.Fatal(err)
								}
								if (sum.Has() || sum.Across > 0) && sum.Latest.After(want) {
									want = sum.Latest
								}
							}
							if got := v.Latest(); !got.Equal(want) {
								t.Errorf("Values(%s, %d units, %v).Latest() = %v, want %v", ind, units.Len(), w, got, want)
							}
						}
					}
				}
			})
		}
	}
}
