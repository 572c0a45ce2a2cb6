// Package catalog holds what the built-in catalogues (program/national,
// program/hunan) share: picking indicators by code and building their
// ledgers from embedded, tested data.
package catalog

import (
	"slices"

	"github.com/taizhang/taizhang/outcome"
)

// Must returns v, and panics on err. The catalogues use it only for data
// embedded in the module, which their tests load: a failure is a broken
// build, never bad input from a caller.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Pick returns the indicators of all whose codes are listed, in the order
// of all.
func Pick(all []outcome.Indicator, codes ...string) []outcome.Indicator {
	var out []outcome.Indicator
	for _, ind := range all {
		if slices.Contains(codes, ind.Code) {
			out = append(out, ind)
		}
	}
	return out
}

// Ledger returns a new ledger over regions and indicators holding records.
func Ledger(regions *outcome.RegionSet, indicators []outcome.Indicator, records []outcome.Record) *outcome.Ledger {
	l := Must(outcome.NewLedger(regions, indicators...))
	if err := l.Add(records...); err != nil {
		panic(err)
	}
	return l
}
