package hunan

import (
	_ "embed"
	"slices"
	"sync"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// data/indicators.csv defines the catalogue's indicators: code, Chinese and
// English name, unit, stock or flow, and a note on the scope. Figures whose
// scope is a part of Hunan that is not a division (湘西地区, 井冈山区五县, the
// 17 minority counties, 武陵山地区) have indicators of their own and are
// recorded at the province, so they never add into Hunan's totals.
//
//go:embed data/indicators.csv
var indicatorsCSV []byte

var indicators = sync.OnceValues(func() ([]outcome.Indicator, error) {
	return catalog.ReadIndicators(indicatorsCSV, "indicators.csv")
})

// Indicators returns every indicator of the Hunan catalogue, in the order
// of data/indicators.csv. A record names its indicator by code
// (featured-industries, expert-teams, star-spaces …). The slice is the
// caller's own.
func Indicators() []outcome.Indicator { return slices.Clone(catalog.Must(indicators())) }

func pick(codes ...string) []outcome.Indicator {
	return catalog.Pick(catalog.Must(indicators()), codes...)
}

// Codes that Go code outside the catalogue names: the tests of rule and
// xlsx. The catalogue itself writes an indicator's code as a ledger
// file does, and a caller looks an indicator up by code in [Indicators].
const (
	LocalTechnicians     = "local-technicians"       // flow, 名: local technical backbones trained (七个一 clause 3)
	CountyUnitsWithTeams = "county-units-with-teams" // stock, 个: county-level units with an expert team
	NewNonPoorTeams      = "new-non-poor-teams"      // flow, 个: expert teams newly formed for non-poor counties
	ExpertTeamsTotal     = "expert-teams-total"      // stock, 个: expert service teams in all
	StarSpaces           = "star-spaces"             // stock, 家: 星创天地
	TrainingSessions     = "training-sessions"       // flow, 场: technical training sessions
)
