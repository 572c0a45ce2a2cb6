package prevention

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
)

// Generate yields n synthetic households in each of villages, the same for
// the same seed: for demonstrations, tests and benchmarks. Income per
// person is log-normal around 9000 yuan, so that a few percent fall below
// the 2300-yuan line and more within the band above it; one household in
// seven faces a medical, education or disaster shock; about 1% have a basic
// need unmet; one in fifty lives on transfers alone. The data is made up;
// only its shape is plausible.
func Generate(villages []string, n int, seed uint64) iter.Seq[Household] {
	return func(yield func(Household) bool) {
		rng := rand.New(rand.NewPCG(seed, 0x9e3779b9))
		for _, v := range villages {
			for i := range n {
				members := 1 + rng.IntN(6)
				perPerson := math.Exp(math.Log(9000) + 0.75*rng.NormFloat64())
				total := Yuan(int64(perPerson * float64(members)))
				h := Household{ID: fmt.Sprintf("%s-%04d", v, i), Village: v, Members: members}
				if rng.IntN(50) == 0 {
					h.Income[Transfer] = total
				} else {
					w := 40 + rng.IntN(40)
					o := rng.IntN(min(30, 100-w) + 1)
					p := rng.IntN(min(5, 100-w-o) + 1)
					h.Income[Wage] = total * Money(w) / 100
					h.Income[Operating] = total * Money(o) / 100
					h.Income[Property] = total * Money(p) / 100
					h.Income[Transfer] = total - h.Income[Wage] - h.Income[Operating] - h.Income[Property]
				}
				h.Expenditure[Other] = total * Money(50+rng.IntN(40)) / 100
				switch rng.IntN(21) {
				case 0:
					h.Expenditure[Medical] = Yuan(int64(2000 + rng.IntN(60000)))
				case 1:
					h.Expenditure[Education] = Yuan(int64(1000 + rng.IntN(20000)))
				case 2:
					h.Expenditure[Disaster] = Yuan(int64(1000 + rng.IntN(30000)))
				}
				if rng.IntN(100) == 0 {
					h = h.Fails(Need(rng.IntN(int(numNeeds))))
				}
				if !yield(h) {
					return
				}
			}
		}
	}
}
