// Package synth builds deterministic synthetic national ledgers for tests
// and benchmarks: 22 provinces, 832 poor counties in the proportions of the
// real list, 128,000 poor villages and 1,000,000 outcome records by default.
//
// It is internal: the data is made up, only its shape is realistic.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"math"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/prevention"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// provinces lists the 22 provinces with poor counties and how many each had
// (the counts of shared/data/national_832_poor_counties.csv; they sum to 832).
var provinces = []struct {
	code     string
	name     lang.Name
	counties int
}{
	{"13", lang.Name{Zh: "河北省", En: "Hebei"}, 45}, {"14", lang.Name{Zh: "山西省", En: "Shanxi"}, 36},
	{"15", lang.Name{Zh: "内蒙古自治区", En: "Inner Mongolia"}, 31}, {"22", lang.Name{Zh: "吉林省", En: "Jilin"}, 8},
	{"23", lang.Name{Zh: "黑龙江省", En: "Heilongjiang"}, 20}, {"34", lang.Name{Zh: "安徽省", En: "Anhui"}, 20},
	{"36", lang.Name{Zh: "江西省", En: "Jiangxi"}, 24}, {"41", lang.Name{Zh: "河南省", En: "Henan"}, 38},
	{"42", lang.Name{Zh: "湖北省", En: "Hubei"}, 28}, {"43", lang.Name{Zh: "湖南省", En: "Hunan"}, 40},
	{"45", lang.Name{Zh: "广西壮族自治区", En: "Guangxi"}, 33}, {"46", lang.Name{Zh: "海南省", En: "Hainan"}, 5},
	{"50", lang.Name{Zh: "重庆市", En: "Chongqing"}, 14}, {"51", lang.Name{Zh: "四川省", En: "Sichuan"}, 66},
	{"52", lang.Name{Zh: "贵州省", En: "Guizhou"}, 66}, {"53", lang.Name{Zh: "云南省", En: "Yunnan"}, 88},
	{"54", lang.Name{Zh: "西藏自治区", En: "Xizang"}, 74}, {"61", lang.Name{Zh: "陕西省", En: "Shaanxi"}, 56},
	{"62", lang.Name{Zh: "甘肃省", En: "Gansu"}, 58}, {"63", lang.Name{Zh: "青海省", En: "Qinghai"}, 42},
	{"64", lang.Name{Zh: "宁夏回族自治区", En: "Ningxia"}, 8}, {"65", lang.Name{Zh: "新疆维吾尔自治区", En: "Xinjiang"}, 32},
}

// Indicator codes of the synthetic ledger.
const (
	Commissioners = "commissioners" // stock, persons, per village: commissioners in post
	Leaders       = "leaders"       // flow, persons, per village: entrepreneurial leaders cultivated
	Training      = "training"      // flow, person-times, per county: farmers trained on a day
	StarSpaces    = "star-spaces"   // flow, establishments, per county: 星创天地 built in a year
)

// Indicators returns the indicators of the synthetic ledger.
func Indicators() []outcome.Indicator {
	return []outcome.Indicator{
		{Code: Commissioners, Name: lang.Name{Zh: "科技特派员", En: "sci-tech commissioners"}, Unit: quantity.Person, Aggregation: outcome.Stock},
		{Code: Leaders, Name: lang.Name{Zh: "创业致富带头人", En: "entrepreneurial leaders"}, Unit: quantity.Person, Aggregation: outcome.Flow},
		{Code: Training, Name: lang.Name{Zh: "培训农民", En: "farmers trained"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
		{Code: StarSpaces, Name: lang.Name{Zh: "星创天地", En: "star innovation spaces"}, Unit: quantity.Establishment, Aggregation: outcome.Flow},
	}
}

// Config sizes a synthetic ledger. The zero value is the national default.
type Config struct {
	Seed     uint64 // 0 means 20201123
	Villages int    // 0 means 128,000
	Records  int    // 0 means 1,000,000; at least about 5 per village
}

// National is a synthetic national ledger's content.
type National struct {
	Regions  []outcome.Region
	Records  []outcome.Record
	Counties []string // county codes, ascending
	Villages []string // village codes, ascending
}

// Source is the citation every synthetic record carries.
var Source = outcome.Cite("synthetic", "", "")

// NewNational generates a ledger's regions and records. The same Config
// always gives the same result.
func NewNational(cfg Config) (*National, error) {
	if cfg.Seed == 0 {
		cfg.Seed = 20201123
	}
	if cfg.Villages == 0 {
		cfg.Villages = 128_000
	}
	if cfg.Records == 0 {
		cfg.Records = 1_000_000
	}
	if cfg.Villages < 832 || cfg.Records < 5*cfg.Villages {
		return nil, fmt.Errorf("synth: %d villages and %d records: want at least 832 villages and 5 records per village", cfg.Villages, cfg.Records)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7a1))
	n := &National{}
	n.regions(rng, cfg.Villages)
	n.records(rng, cfg.Records)
	return n, nil
}

// Ledger returns a new ledger holding the regions and records.
func (n *National) Ledger() (*outcome.Ledger, error) {
	rs, err := outcome.NewRegionSet(n.Regions)
	if err != nil {
		return nil, err
	}
	l, err := outcome.NewLedger(rs, Indicators()...)
	if err != nil {
		return nil, err
	}
	return l, l.Add(n.Records...)
}

func (n *National) regions(rng *rand.Rand, villages int) {
	weights := make([]float64, 0, 832)
	for _, p := range provinces {
		n.Regions = append(n.Regions, outcome.Region{Code: p.code + "0000", Name: p.name, Level: outcome.Province})
		for c := range p.counties {
			code := fmt.Sprintf("%s%02d%02d", p.code, 1+c/20, 21+c%20)
			n.Counties = append(n.Counties, code)
			n.Regions = append(n.Regions, outcome.Region{Code: code, Level: outcome.County, Parent: p.code + "0000",
				Name: lang.Name{Zh: fmt.Sprintf("%s第%d县", p.name.Zh, c+1), En: fmt.Sprintf("%s county %d", p.name.En, c+1)}})
			weights = append(weights, math.Exp(rng.NormFloat64()*0.6))
		}
	}
	// Villages per county in proportion to the weights, totalling exactly
	// villages; at most 999 villages per township code space is plenty.
	var sum float64
	for _, w := range weights {
		sum += w
	}
	counts := make([]int, len(weights))
	left := villages
	for i, w := range weights {
		counts[i] = max(1, int(float64(villages)*w/sum))
		left -= counts[i]
	}
	for i := 0; left != 0; i = (i + 1) % len(counts) {
		if left > 0 {
			counts[i]++
			left--
		} else if counts[i] > 1 {
			counts[i]--
			left++
		}
	}
	for i, county := range n.Counties {
		perTownship := 8 + rng.IntN(13)
		for v := range counts[i] {
			code := fmt.Sprintf("%s%03d%03d", county, 100+v/perTownship, 200+v%perTownship)
			n.Villages = append(n.Villages, code)
			n.Regions = append(n.Regions, outcome.Region{Code: code, Level: outcome.Village, Parent: county,
				Name: lang.Name{Zh: fmt.Sprintf("第%d村", v+1), En: fmt.Sprintf("village %d", v+1)}})
		}
	}
}

var small [6000]decimal.Decimal

func init() {
	for i := range small {
		small[i] = decimal.NewFromInt(int64(i))
	}
}

// figure returns v in unit u; small values share their decimals, which are
// immutable, so a million records do not hold a million big.Ints.
func figure(v int, u quantity.Unit) quantity.Quantity {
	if v < len(small) {
		return quantity.New(small[v], u, 0)
	}
	return quantity.New(decimal.NewFromInt(int64(v)), u, 0)
}

func (n *National) records(rng *rand.Rand, total int) {
	n.Records = make([]outcome.Record, 0, total)
	add := func(ind, region string, p period.Period, v int, u quantity.Unit) {
		n.Records = append(n.Records, outcome.Record{Indicator: ind, Region: region, Period: p, Quantity: figure(v, u), Source: Source})
	}
	years := [...]period.Period{period.Year(2016), period.Year(2017), period.Year(2018), period.Year(2019), period.Year(2020)}
	budget := total - 5*len(n.Counties) // keep room for star spaces and training
	// Commissioners: about 85% of villages covered from a first year on, one
	// record a year (the number in post) to 2020.
	for _, v := range n.Villages {
		if rng.Float64() >= 0.85 {
			continue
		}
		first := pick(rng, 0.35, 0.25, 0.20, 0.12, 0.08)
		for y := first; y < len(years) && len(n.Records) < budget*45/100; y++ {
			add(Commissioners, v, years[y], 1+boolInt(rng.Float64() < 0.15), quantity.Person)
		}
	}
	// Leaders: a village's total of 0..8 cultivated, spread over years.
	for _, v := range n.Villages {
		k := pick(rng, .06, .06, .10, .16, .20, .18, .12, .07, .05)
		var per [5]int
		for range k {
			per[rng.IntN(5)]++
		}
		for y, c := range per {
			if c > 0 && len(n.Records) < budget*75/100 {
				add(Leaders, v, years[y], c, quantity.Person)
			}
		}
	}
	// Star spaces: 0..3 a county, one a year at most.
	for _, c := range n.Counties {
		for _, y := range rng.Perm(5)[:pick(rng, .30, .35, .22, .13)] {
			add(StarSpaces, c, years[y], 1, quantity.Establishment)
		}
	}
	// Training: the rest, one record per county and training day.
	day0 := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	seen := make(map[[2]int]bool, total-len(n.Records))
	for len(n.Records) < total {
		c, d := rng.IntN(len(n.Counties)), rng.IntN(1827)
		if seen[[2]int{c, d}] {
			continue
		}
		seen[[2]int{c, d}] = true
		day := day0.AddDate(0, 0, d)
		p, _ := period.Span(day, day)
		v := int(math.Round(math.Exp(math.Log(300) + rng.NormFloat64())))
		add(Training, n.Counties[c], p, min(max(v, 10), 5000), quantity.PersonTime)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pick draws an index from the distribution p.
func pick(rng *rand.Rand, p ...float64) int {
	x := rng.Float64()
	for i, pi := range p {
		if x < pi {
			return i
		}
		x -= pi
	}
	return len(p) - 1
}

// Program returns a program of four targets over the synthetic ledger: every
// village at least one commissioner; 3—5 leaders per village; 90,000,000
// person-times of training; every county at least one 星创天地.
func Program() program.Program {
	villages := target.AllAt(lang.Name{Zh: "贫困村", En: "poor villages"}, outcome.Village, "")
	counties := target.AllAt(lang.Name{Zh: "贫困县", En: "poor counties"}, outcome.County, "")
	return program.Program{
		ID:         "synth/national",
		Name:       lang.Name{Zh: "合成全国台账", En: "synthetic national ledger"},
		Level:      outcome.Nation,
		Start:      time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC),
		Deadline:   time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Indicators: Indicators(),
		Targets: []target.Target{
			target.Coverage("commissioners", lang.Name{Zh: "科技特派员全覆盖", En: "a commissioner in every village"}, Commissioners, villages, quantity.Int(1, quantity.Person)),
			target.EachInRange("leaders", lang.Name{Zh: "每村3—5位带头人", En: "3–5 leaders per village"}, Leaders, villages, quantity.MustParse("3—5位")),
			target.AtLeast("training", lang.Name{Zh: "培训农民", En: "farmers trained"}, Training, quantity.MustParse("9000万人次")),
			target.Coverage("star-spaces", lang.Name{Zh: "每县至少一个星创天地", En: "a star space in every county"}, StarSpaces, counties, quantity.MustParse("1个")),
		},
	}
}

// WriteCSV writes the records as a ledger CSV file with the columns a
// national export carries: indicator, region, period, value, unit, source.
func (n *National) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("indicator,region,period,value,unit,source\n")
	for _, r := range n.Records {
		q := r.Quantity
		bw.WriteString(r.Indicator)
		bw.WriteByte(',')
		bw.WriteString(r.Region)
		bw.WriteByte(',')
		bw.WriteString(r.Period.String())
		bw.WriteByte(',')
		bw.WriteString(q.Value().String())
		bw.WriteByte(',')
		bw.WriteString(q.Unit().Symbol())
		bw.WriteByte(',')
		bw.WriteString(r.Source.Document)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// RegisteredHouseholds is the registered poor population at its peak: 29.48
// million households (建档立卡 at its largest; the two source documents do
// not give it), the scale of a national screening.
const RegisteredHouseholds = 29_480_000

// Households yields total synthetic households spread evenly over
// villages (the first villages get one more when total does not divide),
// for a county, a province or the nation: prevention.Generate per village.
func Households(villages []string, total int, seed uint64) iter.Seq[prevention.Household] {
	return func(yield func(prevention.Household) bool) {
		if len(villages) == 0 {
			return
		}
		per, extra := total/len(villages), total%len(villages)
		for i, v := range villages {
			n := per
			if i < extra {
				n++
			}
			for h := range prevention.Generate([]string{v}, n, seed+uint64(i)) {
				if !yield(h) {
					return
				}
			}
		}
	}
}
