package national

import (
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

//go:embed data/national_832_poor_counties.csv
var countiesCSV []byte

// Area is the east/central/west classification of the list.
type Area uint8

const (
	East    Area = 1 + iota // 东部
	Central                 // 中部
	West                    // 西部
)

var areaNames = [...]lang.Name{East: {Zh: "东部", En: "east"}, Central: {Zh: "中部", En: "central"}, West: {Zh: "西部", En: "west"}}

// Name returns the area's bilingual name.
func (a Area) Name() lang.Name {
	if a != 0 && int(a) < len(areaNames) {
		return areaNames[a]
	}
	return lang.Name{}
}

func (a Area) String() string {
	if n := a.Name(); n.En != "" {
		return n.En
	}
	return fmt.Sprintf("Area(%d)", a)
}

// PoorCounty is one of the 832 poor counties, as the list states it.
//
// Four codes of the source are wrong and kept as printed, so that the list
// matches its source: 532600 文山市 and 622900 临夏市 are prefecture codes,
// 630104 冷湖行委 is the code of 西宁市城西区, and 632825 大柴旦行委 exists in
// no vintage. Note says so for each; data/SOURCE.md has the details.
//
// Names are in Chinese as the list prints them and in English as romanized
// in the list's English columns (data/SOURCE.md states the convention).
// Prefecture is zero for the counties that hang from their province
// directly (Hainan's, 神农架林区).
type PoorCounty struct {
	Code       string
	Name       lang.Name
	Province   lang.Name
	Prefecture lang.Name
	Area       Area
	// ExitYear is the assessment year (年度) in which the county left the
	// list, 2016–2020.
	ExitYear int
	// SourceExitYear is the year as the source table printed it; it
	// differs from ExitYear only for 双柏县 (532322), see data/SOURCE.md.
	SourceExitYear int
	Note           string // the source's flag on the row, if any
}

var loadCounties = sync.OnceValues(func() ([]PoorCounty, error) {
	rows, err := catalog.Table(countiesCSV, "national_832_poor_counties.csv")
	if err != nil {
		return nil, err
	}
	areas := map[string]Area{"东部": East, "中部": Central, "西部": West}
	out := make([]PoorCounty, 0, len(rows))
	provinces := map[string]string{} // Chinese name → English, to refuse two spellings of one province
	for i, r := range rows {
		c := PoorCounty{Code: r["code"], Name: lang.Name{Zh: r["name"], En: r["name_en"]},
			Province:   lang.Name{Zh: r["province"], En: r["province_en"]},
			Prefecture: lang.Name{Zh: r["prefecture"], En: r["prefecture_en"]},
			Area:       areas[r["region"]], Note: r["note"]}
		var err1, err2 error
		c.ExitYear, err1 = strconv.Atoi(r["exit_year"])
		c.SourceExitYear, err2 = strconv.Atoi(r["exit_year_in_source_table"])
		en, seen := provinces[c.Province.Zh]
		if err1 != nil || err2 != nil || c.Area == 0 || seen && en != c.Province.En {
			return nil, fmt.Errorf("national: national_832_poor_counties.csv:%d: %v", i+2, r)
		}
		provinces[c.Province.Zh] = c.Province.En
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b PoorCounty) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
})

// counties returns the embedded list, loaded once.
func counties() []PoorCounty { return catalog.Must(loadCounties()) }

// PoorCountyList returns the 832 poor counties, by code. The slice is the
// caller's own.
func PoorCountyList() []PoorCounty { return slices.Clone(counties()) }

// StillPoor returns the counties that had not exited by the end of year,
// by code: 52 after 2019, none after 2020.
func StillPoor(year int) []PoorCounty {
	var out []PoorCounty
	for _, c := range counties() {
		if c.ExitYear > year {
			out = append(out, c)
		}
	}
	return out
}

// NationCode is the code of the national root region. GB/T 2260 has no
// code for the whole country; 100000 is the one statistical portals use.
const NationCode = "100000"

var regions = sync.OnceValues(func() (*outcome.RegionSet, error) {
	list := []outcome.Region{{Code: NationCode, Name: lang.Name{Zh: "全国", En: "China"}, Level: outcome.Nation}}
	seen := map[string]bool{}
	for _, c := range counties() {
		prov := c.Code[:2] + "0000"
		if !seen[prov] {
			seen[prov] = true
			list = append(list, outcome.Region{Code: prov, Name: c.Province, Level: outcome.Province, Parent: NationCode})
		}
		// Counties hang from their province directly: two of the source's
		// codes are prefecture codes, so a prefecture level would clash.
		list = append(list, outcome.Region{Code: c.Code, Name: c.Name, Level: outcome.County, Parent: prov})
	}
	return outcome.NewRegionSet(list)
})

// Regions returns the national region set: the nation (100000), the 22
// provinces with poor counties, and the 832 counties under their province.
// The set is immutable and shared.
func Regions() *outcome.RegionSet { return catalog.Must(regions()) }

// PoorCounties returns the population of the 832 poor counties.
func PoorCounties() target.Population {
	codes := make([]string, 0, 832)
	for _, c := range counties() {
		codes = append(codes, c.Code)
	}
	return target.Listed(lang.Name{Zh: "832个贫困县", En: "the 832 poor counties"}, codes...)
}

// listSource cites the county list.
var listSource = outcome.Cite("national_832_poor_counties.csv", "", "")

// Exits returns records built from the county list: for every county, 1
// poor county at the end of 2012 (indicator poor-counties), 0 from its exit
// year on, and 1 exit (county-exits) in its exit year and 0 in each year
// from 2013 to the year before. With them, the total of poor-counties over a
// province is its number of poor counties as of a date, and the exit
// coverage target lists the counties not yet out as below it (the list says
// they had not exited), not as counties without a record.
func Exits() []outcome.Record {
	cs := counties()
	out := make([]outcome.Record, 0, 10*len(cs))
	one, zero := quantity.Int(1, quantity.Piece), quantity.Int(0, quantity.Piece)
	for _, c := range cs {
		exit := period.Year(c.ExitYear)
		out = append(out,
			outcome.Record{Indicator: "poor-counties", Region: c.Code, Period: period.Year(2012), Quantity: one, Source: listSource},
			outcome.Record{Indicator: "poor-counties", Region: c.Code, Period: exit, Quantity: zero, Source: listSource},
			outcome.Record{Indicator: "county-exits", Region: c.Code, Period: exit, Quantity: one, Source: listSource},
		)
		for y := 2013; y < c.ExitYear; y++ {
			out = append(out, outcome.Record{Indicator: "county-exits", Region: c.Code, Period: period.Year(y), Quantity: zero, Source: listSource})
		}
	}
	return out
}
