// Package catalog holds what the built-in catalogues (program/national,
// program/hunan) share: the source documents they cite (the seeds: the two
// articles the catalogues are written from, [Documents]), and the reading
// of their embedded data with the library's own readers. Each catalogue
// keeps its indicators in data/indicators.csv and the figures its article
// reports in data/reported.csv, a ledger file, so that both can be checked
// against the article in a spreadsheet.
package catalog

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"sync"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// The seed documents, by the file name a citation gives: the locator that
// data keeps. They are named here and nowhere else in the code; the
// reported figures' files name them in their source column, and the
// catalogues' tests check that they do. Reports show them by title,
// journal and year ([Documents]).
const (
	// Seed000 is the national article, 《科技赋能助推精准脱贫》
	// ("Science and Technology Empowering Promotes Targeted Poverty
	// Alleviation") by 国务院扶贫开发领导小组办公室开发指导司, in
	// 《中国科学院院刊》 (Bulletin of Chinese Academy of Sciences), vol. 35
	// no. 10, October 2020: the national programs and figures.
	Seed000 = "000_f8a6b69a178fa4e7.txt"
	// Seed004 is 《湖南省科技精准扶贫的实践探索与前瞻思考》: Hunan's programs
	// and figures, and the national commitment of its §三(一). The text
	// names no author, journal or date; the latest year it mentions is 2019.
	Seed004 = "004_32acad38fe6c52df.txt"
)

// Documents are the seed documents as reports show them. Importing a
// catalogue declares them ([outcome.DeclareDocument]), so that its
// reports cite each by title rather than by file name.
//
// Seed000 prints its title in Chinese and in English, and its journal by
// its English name with the journal's ISSN 1000-3045 in the DOI; the
// journal's Chinese name is 《中国科学院院刊》. Seed004 prints a Chinese
// title only, and no journal, publisher or year, so none is given: the
// English rendering of its title is ours, and English reports write it in
// square brackets marked "(in Chinese)", the marks of a translated title.
var Documents = []outcome.Document{
	{
		Locator:   Seed000,
		Title:     lang.Name{Zh: "科技赋能助推精准脱贫", En: "Science and Technology Empowering Promotes Targeted Poverty Alleviation"},
		Publisher: lang.Name{Zh: "《中国科学院院刊》", En: "Bulletin of Chinese Academy of Sciences (Chinese Version)"},
		Year:      2020,
	},
	{
		Locator:         Seed004,
		Title:           lang.Name{Zh: "湖南省科技精准扶贫的实践探索与前瞻思考"},
		TranslatedTitle: "Practical Exploration and Forward-Looking Thoughts on Sci-Tech Targeted Poverty Alleviation in Hunan Province",
	},
}

func init() {
	for _, d := range Documents {
		if err := outcome.DeclareDocument(d); err != nil {
			panic(err)
		}
	}
}

// Must returns v, and panics on err. The catalogues use it only for data
// embedded in the module, which their tests load: a failure is a broken
// build, never bad input from a caller.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Table reads a CSV file with a header row into one map a row, by column
// name. Every row must have the header's fields.
func Table(data []byte, name string) ([]map[string]string, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("catalog: %s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("catalog: %s: no header", name)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := make(map[string]string, len(r))
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out, nil
}

// indicatorColumns are the columns of an indicator file. The note is for
// the reader of the file: an indicator has no field for it.
var indicatorColumns = []string{"code", "zh", "en", "unit", "aggregation", "note"}

// ReadIndicators reads an indicator file: the columns code, zh and en (the
// bilingual name), unit (a symbol such as 个 or 人次, as [quantity.ParseUnit]
// reads it), aggregation (stock, flow or entries) and note, in that order.
// Every indicator is validated and every code is unique.
func ReadIndicators(data []byte, name string) ([]outcome.Indicator, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("catalog: %s: %w", name, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], indicatorColumns) {
		return nil, fmt.Errorf("catalog: %s: header is not %q", name, indicatorColumns)
	}
	out := make([]outcome.Indicator, 0, len(rows)-1)
	seen := make(map[string]bool, len(rows)-1)
	for i, r := range rows[1:] {
		unit, err := quantity.ParseUnit(r[3])
		if err != nil {
			return nil, fmt.Errorf("catalog: %s:%d: %w", name, i+2, err)
		}
		agg, err := outcome.ParseAggregation(r[4])
		if err != nil {
			return nil, fmt.Errorf("catalog: %s:%d: %w", name, i+2, err)
		}
		ind := outcome.Indicator{Code: r[0], Name: lang.Name{Zh: r[1], En: r[2]}, Unit: unit, Aggregation: agg}
		if err := ind.Validate(); err != nil {
			return nil, fmt.Errorf("catalog: %s:%d: %w", name, i+2, err)
		}
		if seen[ind.Code] {
			return nil, fmt.Errorf("catalog: %s:%d: indicator %q defined twice", name, i+2, ind.Code)
		}
		seen[ind.Code] = true
		out = append(out, ind)
	}
	return out, nil
}

// Pick returns the indicators of all whose codes are listed, in the order
// of all. A code all lacks is a mistake in a catalogue, which its tests
// find: Pick panics on it rather than leave a program without the
// indicator.
func Pick(all []outcome.Indicator, codes ...string) []outcome.Indicator {
	var out []outcome.Indicator
	for _, ind := range all {
		if slices.Contains(codes, ind.Code) {
			out = append(out, ind)
		}
	}
	for _, c := range codes {
		if !slices.ContainsFunc(out, func(ind outcome.Indicator) bool { return ind.Code == c }) {
			panic(fmt.Sprintf("catalog: no indicator %q", c))
		}
	}
	return out
}

// Records reads a ledger file (the format of [outcome.Ledger.ReadCSV]) over
// regions and indicators and returns its records, in the order [outcome.Ledger.All] yields them.
func Records(regions *outcome.RegionSet, indicators []outcome.Indicator, data []byte, name string) ([]outcome.Record, error) {
	l, err := outcome.NewLedger(regions, indicators...)
	if err != nil {
		return nil, err
	}
	if err := l.ReadCSV(bytes.NewReader(data), outcome.ReadOptions{Name: name}); err != nil {
		return nil, err
	}
	return slices.Collect(l.All()), nil
}

// Ledger returns a new ledger over regions and indicators holding records.
func Ledger(regions *outcome.RegionSet, indicators []outcome.Indicator, records []outcome.Record) *outcome.Ledger {
	l := Must(outcome.NewLedger(regions, indicators...))
	if err := l.Add(records...); err != nil {
		panic(err)
	}
	return l
}

// IndicatorSet is a catalogue's indicators, read from its embedded CSV
// (ReadIndicators) when first asked. A catalogue's CSV is checked by its
// tests, so an error reading it is a broken build: Must panics with it.
type IndicatorSet struct {
	get func() ([]outcome.Indicator, error)
}

// NewIndicatorSet returns the indicators of the CSV data, named name in
// errors, read on first use.
func NewIndicatorSet(data []byte, name string) IndicatorSet {
	return IndicatorSet{sync.OnceValues(func() ([]outcome.Indicator, error) { return ReadIndicators(data, name) })}
}

// All returns every indicator, in the order of the file; the slice is the
// caller's own.
func (s IndicatorSet) All() []outcome.Indicator { return slices.Clone(Must(s.get())) }

// Pick returns the indicators of codes, in that order (see [Pick]).
func (s IndicatorSet) Pick(codes ...string) []outcome.Indicator { return Pick(Must(s.get()), codes...) }
