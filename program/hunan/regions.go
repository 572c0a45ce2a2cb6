package hunan

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

var (
	//go:embed data/hunan_divisions_2020.csv
	divisionsCSV []byte
	//go:embed data/hunan_townships_2020.csv
	townshipsCSV []byte
	//go:embed data/hunan_poverty_counties_51.csv
	poorCountiesCSV []byte
)

// ProvinceCode is Hunan's code.
const ProvinceCode = "430000"

var regions = sync.OnceValues(func() (*outcome.RegionSet, error) {
	var list []outcome.Region
	for _, f := range []struct {
		name string
		data []byte
	}{{"hunan_divisions_2020.csv", divisionsCSV}, {"hunan_townships_2020.csv", townshipsCSV}} {
		rs, err := outcome.ReadRegions(bytes.NewReader(f.data), f.name)
		if err != nil {
			return nil, err
		}
		list = append(list, rs...)
	}
	return outcome.NewRegionSet(list)
})

// Regions returns Hunan's statistical divisions of 2020: the province, its
// 14 prefectures, 137 county-level units (122 divisions and 15 statistical
// zones) and 2006 townships. The province, prefectures and county-level
// units have English names (data/SOURCE.md states the convention); the
// townships have Chinese names only. The set is immutable and shared.
func Regions() *outcome.RegionSet { return catalog.Must(regions()) }

// Tier says who listed a poor county.
type Tier uint8

const (
	NationalTier   Tier = 1 + iota // 国家级贫困县 (40)
	ProvincialTier                 // 省级贫困县 (11)
)

var tierNames = [...]lang.Name{NationalTier: {Zh: "国家级", En: "national"}, ProvincialTier: {Zh: "省级", En: "provincial"}}

// Name returns the tier's bilingual name.
func (t Tier) Name() lang.Name {
	if t != 0 && int(t) < len(tierNames) {
		return tierNames[t]
	}
	return lang.Name{}
}

func (t Tier) String() string {
	if n := t.Name(); n.En != "" {
		return n.En
	}
	return fmt.Sprintf("Tier(%d)", t)
}

// PoorCounty is one of Hunan's 51 poor counties, named in Chinese as the
// list prints it and in English.
type PoorCounty struct {
	Code       string
	Name       lang.Name
	Prefecture lang.Name
	Tier       Tier
	ExitYear   int // the assessment year of its exit, 2016–2019
}

var poorCounties = sync.OnceValues(func() ([]PoorCounty, error) {
	rows, err := catalog.Table(poorCountiesCSV, "hunan_poverty_counties_51.csv")
	if err != nil {
		return nil, err
	}
	rs, err := regions()
	if err != nil {
		return nil, err
	}
	var out []PoorCounty
	for i, r := range rows {
		y, err := strconv.Atoi(r["exit_year"])
		tier := map[string]Tier{"national": NationalTier, "provincial": ProvincialTier}[r["tier"]]
		pref, ok := rs.Lookup(r["prefecture_code"])
		if err != nil || tier == 0 || !ok || pref.Name.Zh != r["prefecture"] {
			return nil, fmt.Errorf("hunan: hunan_poverty_counties_51.csv:%d: %v", i+2, r)
		}
		out = append(out, PoorCounty{Code: r["code"], Name: lang.Name{Zh: r["name"], En: r["name_en"]},
			Prefecture: pref.Name, Tier: tier, ExitYear: y})
	}
	slices.SortFunc(out, func(a, b PoorCounty) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
})

func mustPoorCounties() []PoorCounty { return catalog.Must(poorCounties()) }

// PoorCountyList returns Hunan's 51 poor counties, by code; 洪江区 is the
// statistical zone 431271 (怀化市洪江管理区). The slice is the caller's own.
func PoorCountyList() []PoorCounty { return slices.Clone(mustPoorCounties()) }

// PoorCounties is the population of the 51 poor counties: 「全省51个贫困县」
// (004 §一(四)三是 [7]).
func PoorCounties() target.Population {
	var codes []string
	for _, c := range mustPoorCounties() {
		codes = append(codes, c.Code)
	}
	return target.Listed(lang.Name{Zh: "全省51个贫困县", En: "Hunan's 51 poor counties"}, codes...)
}

// CountyUnits is the population of Hunan's 123 county-level units
// (「所有县市区」): the 122 official county-level divisions and 洪江区, the
// statistical zone 431271 that is one of the poor counties. The article
// never prints this count: 「实现科技专家服务团对所有县市区的全覆盖」 names
// no number, and 123 = 51 + 72 expert service teams (the poor counties'
// and 「新组建72个非贫困县科技专家服务团」) is an inference, documented in
// data/SOURCE.md.
func CountyUnits() target.Population {
	var codes []string
	for r := range Regions().All() {
		if r.Level == outcome.County && (!isZone(r.Code) || r.Code == "431271") {
			codes = append(codes, r.Code)
		}
	}
	return target.Listed(lang.Name{Zh: "全省所有县市区(123个, 推断)", En: "every county-level unit (123, inferred)"}, codes...)
}

// isZone reports whether a county-level code is an NBS statistical zone
// (5th and 6th digits 71–79).
func isZone(code string) bool { return len(code) == 6 && code[4] == '7' && code[5] >= '1' }

// PoorVillages is the population of Hunan's 3209 poor villages
// (「3209个贫困村」, 004 §一(四)三是 [7]), known by its count only: no village
// list is embedded, so coverage over it is read from an aggregate figure.
func PoorVillages() target.Population {
	return target.Counted(lang.Name{Zh: "全省3209个贫困村", En: "Hunan's 3209 poor villages"}, 3209, ProvinceCode)
}

// Exits returns one county-exits record per poor county in its exit year,
// from the county list: 2 in 2016, 12 in 2017, 17 in 2018, 20 in 2019.
func Exits() []outcome.Record {
	src := outcome.Cite("hunan_poverty_counties_51.csv", "", "")
	var out []outcome.Record
	for _, c := range mustPoorCounties() {
		out = append(out, outcome.Record{Indicator: "county-exits", Region: c.Code, Period: period.Year(c.ExitYear),
			Quantity: quantity.Int(1, quantity.Piece), Source: src})
	}
	return out
}

// StillPoor returns the poor counties that had not exited by the end of
// year, by code: none after 2019.
func StillPoor(year int) []PoorCounty {
	var out []PoorCounty
	for _, c := range mustPoorCounties() {
		if c.ExitYear > year {
			out = append(out, c)
		}
	}
	return out
}
