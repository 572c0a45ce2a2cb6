package national

import (
	_ "embed"
	"slices"
	"sync"

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

var indicators = sync.OnceValues(func() ([]outcome.Indicator, error) {
	return catalog.ReadIndicators(indicatorsCSV, "indicators.csv")
})

// Indicators returns every indicator of the national catalogue, in the
// order of data/indicators.csv. A record names its indicator by code
// (rural-poor, poor-counties, county-exits …). The slice is the caller's
// own.
func Indicators() []outcome.Indicator { return slices.Clone(catalog.Must(indicators())) }

func pick(codes ...string) []outcome.Indicator {
	return catalog.Pick(catalog.Must(indicators()), codes...)
}

// Codes that Go code outside the catalogue names: the tests of rule and
// trend. The catalogue itself writes an indicator's code as a ledger
// file does, and a caller looks an indicator up by code in [Indicators].
const (
	PoorCountyCount = "poor-counties"    // stock, 个: counties still on the poor list
	Workers         = "sci-tech-workers" // stock, 名: sci-tech workers taking part
)
