package hunan

import (
	_ "embed"

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

var indicators = catalog.NewIndicatorSet(indicatorsCSV, "indicators.csv")

// Indicators returns every indicator of the Hunan catalogue, in the order
// of data/indicators.csv. A record names its indicator by code
// (featured-industries, expert-teams, star-spaces …). The slice is the
// caller's own.
func Indicators() []outcome.Indicator { return indicators.All() }

func pick(codes ...string) []outcome.Indicator { return indicators.Pick(codes...) }
