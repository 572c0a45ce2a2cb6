package prevention

import (
	"errors"
	"iter"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// Tally counts households and persons per class in each village screened.
// Its size grows with the villages, not with the households.
type Tally struct {
	codes  []string         // village codes, by position
	index  map[string]int32 // code → position
	counts []counts         // by position
}

type counts [numClasses][2]int64 // households, persons

func newTally(villages []string, index map[string]int32) *Tally {
	return &Tally{codes: villages, index: index, counts: make([]counts, len(villages))}
}

func (t *Tally) merge(u *Tally) {
	for i := range t.counts {
		for c := range t.counts[i] {
			t.counts[i][c][0] += u.counts[i][c][0]
			t.counts[i][c][1] += u.counts[i][c][1]
		}
	}
}

// Count returns the households and persons of class c in village.
func (t *Tally) Count(village string, c Class) (households, persons int64) {
	i, ok := t.index[village]
	if !ok || c == 0 || c >= numClasses {
		return 0, 0
	}
	return t.counts[i][c][0], t.counts[i][c][1]
}

// Total returns the households and persons of class c in every village.
func (t *Tally) Total(c Class) (households, persons int64) {
	if c == 0 || c >= numClasses {
		return 0, 0
	}
	for i := range t.counts {
		households += t.counts[i][c][0]
		persons += t.counts[i][c][1]
	}
	return households, persons
}

// Villages returns the codes of the villages with at least one household
// of class c, sorted.
func (t *Tally) Villages(c Class) []string {
	var out []string
	for i := range t.counts {
		if c > 0 && c < numClasses && t.counts[i][c][0] > 0 {
			out = append(out, t.codes[i])
		}
	}
	slices.Sort(out)
	return out
}

// Indicator codes of the screening's records: households and persons of
// each class per village.
const (
	AbsoluteHouseholds  = "absolute-households"
	AbsolutePersons     = "absolute-persons"
	SecondaryHouseholds = "secondary-households"
	SecondaryPersons    = "secondary-persons"
	LatentHouseholds    = "latent-households"
	LatentPersons       = "latent-persons"
	ScreenedHouseholds  = "screened-households"
)

var classIndicators = map[Class][2]string{
	Absolute:  {AbsoluteHouseholds, AbsolutePersons},
	Secondary: {SecondaryHouseholds, SecondaryPersons},
	Latent:    {LatentHouseholds, LatentPersons},
}

// Indicators returns the indicators of the screening's records. Counts are
// stocks: the households in a class as of the screening.
func Indicators() []outcome.Indicator {
	ind := func(code, zh, en string, u quantity.Unit) outcome.Indicator {
		return outcome.Indicator{Code: code, Name: lang.Name{Zh: zh, En: en}, Unit: u, Aggregation: outcome.Stock}
	}
	return []outcome.Indicator{
		ind(AbsoluteHouseholds, "绝对贫困户", "absolutely poor households", quantity.Household),
		ind(AbsolutePersons, "绝对贫困人口", "absolutely poor persons", quantity.Person),
		ind(SecondaryHouseholds, "次生贫困户", "households in secondary poverty", quantity.Household),
		ind(SecondaryPersons, "次生贫困人口", "persons in secondary poverty", quantity.Person),
		ind(LatentHouseholds, "潜在贫困户", "households in latent poverty", quantity.Household),
		ind(LatentPersons, "潜在贫困人口", "persons in latent poverty", quantity.Person),
		ind(ScreenedHouseholds, "监测户数", "households screened", quantity.Household),
	}
}

// Records returns the tally as ledger records for period, one per village
// screened and indicator; zero counts are recorded too, since "screened,
// none found" is a finding.
func (t *Tally) Records(per period.Period, source outcome.Citation) []outcome.Record {
	var out []outcome.Record
	for i, code := range t.codes {
		c := t.counts[i]
		var screened int64
		for cl := NotAtRisk; cl < numClasses; cl++ {
			screened += c[cl][0]
		}
		if screened == 0 {
			continue
		}
		add := func(ind string, n int64, u quantity.Unit) {
			out = append(out, outcome.Record{Indicator: ind, Region: code, Period: per, Quantity: quantity.Int(n, u), Source: source})
		}
		add(ScreenedHouseholds, screened, quantity.Household)
		for _, cl := range []Class{Absolute, Secondary, Latent} {
			add(classIndicators[cl][0], c[cl][0], quantity.Household)
			add(classIndicators[cl][1], c[cl][1], quantity.Person)
		}
	}
	return out
}

// Screening is a screening run: the year (for the policy's line), the
// policy, and the region set whose villages the households must belong to.
type Screening struct {
	Year    int
	Policy  Policy
	Regions *outcome.RegionSet
	// Workers is how many goroutines classify; 0 means one per CPU.
	Workers int
}

// batch is how many households a worker takes at a time.
const batch = 4096

// Run screens households as they come and tallies them by village and
// class. A household with bad data (no members, a negative amount, a
// village not in the region set) is left out of the tally and reported;
// screening goes on, and every problem is returned at the end, joined.
func (s Screening) Run(households iter.Seq[Household]) (*Tally, error) {
	pol, err := s.Policy.resolve(s.Year)
	if err != nil {
		return nil, err
	}
	if s.Regions == nil {
		return nil, errors.New("prevention: screening: no region set")
	}
	villages, index := villageIndex(s.Regions)
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan []Household, workers)
	free := make(chan []Household, 2*workers) // batches for reuse
	get := func() []Household {
		select {
		case b := <-free:
			return b
		default:
			return make([]Household, 0, batch)
		}
	}
	tallies := make([]*Tally, workers)
	errs := make([][]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		tallies[w] = newTally(villages, index)
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := tallies[w]
			for hs := range jobs {
				for i := range hs {
					h := &hs[i]
					v, ok := index[h.Village]
					if !ok {
						errs[w] = append(errs[w], &HouseholdError{h.ID, "village", h.Village, outcome.ErrUnknownRegion})
						continue
					}
					if err := check(*h); err != nil {
						errs[w] = append(errs[w], err)
						continue
					}
					c, _ := pol.classify(h)
					t.counts[v][c][0]++
					t.counts[v][c][1] += int64(h.Members)
				}
				select {
				case free <- hs[:0]:
				default:
				}
			}
		}()
	}
	buf := get()
	for h := range households {
		buf = append(buf, h)
		if len(buf) == batch {
			jobs <- buf
			buf = get()
		}
	}
	if len(buf) > 0 {
		jobs <- buf
	}
	close(jobs)
	wg.Wait()
	for _, t := range tallies[1:] {
		tallies[0].merge(t)
	}
	var all []error
	for _, e := range errs {
		all = append(all, e...)
	}
	return tallies[0], errors.Join(all...)
}

// villageIndex returns the village codes of rs and their positions.
func villageIndex(rs *outcome.RegionSet) ([]string, map[string]int32) {
	var codes []string
	index := map[string]int32{}
	for r := range rs.All() {
		if r.Level == outcome.Village {
			index[r.Code] = int32(len(codes))
			codes = append(codes, r.Code)
		}
	}
	return codes, index
}

// NoAbsolutePoverty is the program "no absolutely poor household in the
// monitored villages within the region code by deadline": a per-unit target
// whose shortfall lists the villages that still have absolutely poor
// households, and how many. It is evaluated on a ledger holding a
// screening's [Tally.Records].
func NoAbsolutePoverty(within string, deadline time.Time) program.Program {
	src := outcome.Cite(catalog.Seed004, "三(三)一是", "")
	villages := target.AllAt(lang.Name{Zh: "监测村", En: "monitored villages"}, outcome.Village, within)
	return program.Program{
		ID:         "prevention/no-absolute-poverty",
		Name:       lang.Name{Zh: "精准防贫: 监测村无绝对贫困户", En: "Poverty prevention: no absolutely poor household in the monitored villages"},
		Level:      outcome.Province,
		Deadline:   deadline,
		Source:     src,
		Indicators: Indicators(),
		Targets: []target.Target{
			target.EachInRange("no-absolute-households", lang.Name{Zh: "每村绝对贫困户为0", En: "no absolutely poor household in any village"}, AbsoluteHouseholds, villages, quantity.Between(decimal.Zero, decimal.Zero, quantity.Household)).Cite(src),
			target.Observe("secondary", lang.Name{Zh: "次生贫困户", En: "households in secondary poverty"}, SecondaryHouseholds).In(within).Cite(src),
			target.Observe("latent", lang.Name{Zh: "潜在贫困户", En: "households in latent poverty"}, LatentHouseholds).In(within).Cite(src),
		},
	}
}
