package national

import (
	_ "embed"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// data/indicators.csv defines the catalogue's indicators: code, Chinese and
// English name, unit, stock or flow, and a note on the scope. Counts of
// things built or taking part are stocks: reports print running totals
// (「建设3 000—5 000个」), and adding yearly totals would count the same park
// twice.
//
//go:embed data/indicators.csv
var indicatorsCSV []byte

var indicators = catalog.NewIndicatorSet(indicatorsCSV, "indicators.csv")

// Indicators returns every indicator of the national catalogue, in the
// order of data/indicators.csv. A record names its indicator by code
// (rural-poor, poor-counties, county-exits …). The slice is the caller's
// own.
func Indicators() []outcome.Indicator { return indicators.All() }

func pick(codes ...string) []outcome.Indicator { return indicators.Pick(codes...) }
