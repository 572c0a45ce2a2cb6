// Package program groups targets into named programs with their source, and
// evaluates them into a [Report] that renders, in Chinese or English, as an
// aligned text table, Markdown, CSV (a row per target), an SVG bar chart, one
// self-contained HTML page ([WriteHTML]), or JSON.
//
// A [Program] holds its indicators and [target.Target]s. The built-in
// catalogues (program/national, program/hunan) are functions returning fresh
// values, so no caller can change another's copy.
package program

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

// ErrInvalid reports a program that cannot be evaluated as defined.
var ErrInvalid = errors.New("invalid program")

// Program is a named set of targets with its source: 科技扶贫“百千万”工程,
// 科技扶贫“七个一”工程. Targets without a start or deadline of their own take
// the program's.
type Program struct {
	ID         string              // stable id, such as "national/bai-qian-wan"
	Name       lang.Name           // bilingual name
	Level      outcome.Level       // the level of government that issued it: outcome.Nation, outcome.Province, …
	Issuers    []lang.Name         // issuing bodies, as the source names them
	Start      time.Time           // zero when the source gives none
	Deadline   time.Time           // zero when the source gives none
	Source     outcome.Citation    // where the program is stated
	Indicators []outcome.Indicator // what its targets are measured by
	Targets    []target.Target
}

// Validate checks the id, every indicator and target, and that each target's
// indicator is one of the program's. All problems are joined.
func (p Program) Validate() error {
	var errs []error
	if p.ID == "" {
		errs = append(errs, fmt.Errorf("program: no id: %w", ErrInvalid))
	}
	codes := make(map[string]bool, len(p.Indicators))
	for _, ind := range p.Indicators {
		if err := ind.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("program %s: %w", p.ID, err))
		}
		codes[ind.Code] = true
	}
	var check func(t target.Target)
	check = func(t target.Target) {
		if t.Kind() == target.KindAllOf {
			for _, part := range t.Parts() {
				check(part)
			}
			return
		}
		if !codes[t.Indicator()] {
			errs = append(errs, fmt.Errorf("program %s: target %s: indicator %q is not the program's: %w", p.ID, t.ID(), t.Indicator(), ErrInvalid))
		}
		if c := t.CoveredIndicator(); c != "" && !codes[c] {
			errs = append(errs, fmt.Errorf("program %s: target %s: covered-by indicator %q is not the program's: %w", p.ID, t.ID(), c, ErrInvalid))
		}
	}
	for _, t := range p.Targets {
		if err := t.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("program %s: %w", p.ID, err))
			continue
		}
		check(t)
	}
	return errors.Join(errs...)
}

// Evaluate evaluates every target against l as of asOf; results and errors
// keep the targets' order. Targets are evaluated side by side on up to
// GOMAXPROCS goroutines, except those whose population calls a function of
// the caller (a condition given to [target.Population.Where]): these are
// evaluated one after another, so such a function is never called from two
// goroutines at once. [Program.EvaluateConcurrently] lifts that limit.
func (p Program) Evaluate(l *outcome.Ledger, asOf time.Time) (Report, error) {
	return p.evaluate(l, asOf, false)
}

// EvaluateConcurrently is [Program.Evaluate] with every target evaluated
// side by side, those whose population calls a function of the caller too.
// Use it when every such function is safe to call from several goroutines
// at once; a program without them evaluates as fast either way.
func (p Program) EvaluateConcurrently(l *outcome.Ledger, asOf time.Time) (Report, error) {
	return p.evaluate(l, asOf, true)
}

func (p Program) evaluate(l *outcome.Ledger, asOf time.Time, concurrently bool) (Report, error) {
	if err := p.Validate(); err != nil {
		return Report{}, err
	}
	r := Report{Program: p.ID, Name: p.Name, Source: p.Source, AsOf: asOf}
	targets := p.targets()
	results := make([]target.Result, len(targets))
	errs := make([]error, len(targets))
	// Each run is evaluated on a goroutine of its own, its targets in order:
	// one run per target, except that the targets calling caller functions
	// share one run unless the caller allows them to run concurrently.
	var runs [][]int
	shared := -1
	for i, t := range targets {
		if concurrently || !callsCaller(t) {
			runs = append(runs, []int{i})
			continue
		}
		if shared < 0 {
			shared = len(runs)
			runs = append(runs, nil)
		}
		runs[shared] = append(runs[shared], i)
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)) // one per running evaluation
	for _, run := range runs {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, i := range run {
				results[i], errs[i] = targets[i].Evaluate(l, asOf)
			}
			<-slots
		}()
	}
	wg.Wait()
	for i, res := range results {
		if errs[i] != nil {
			errs[i] = fmt.Errorf("program %s: %w", p.ID, errs[i])
			continue
		}
		r.Results = append(r.Results, res)
		r.Summary.add(res.Status)
	}
	if err := errors.Join(errs...); err != nil {
		return Report{}, err
	}
	return r, nil
}

// callsCaller reports whether evaluating t calls a function of the caller:
// a condition of its population, or of a part's.
func callsCaller(t target.Target) bool {
	if t.Population().Conditional() {
		return true
	}
	return slices.ContainsFunc(t.Parts(), callsCaller)
}

// targets returns the program's targets with its start and deadline where
// they have none.
func (p Program) targets() []target.Target {
	out := make([]target.Target, 0, len(p.Targets))
	for _, t := range p.Targets {
		if t.Start().IsZero() && !p.Start.IsZero() {
			t = t.From(p.Start)
		}
		if t.Deadline().IsZero() && !p.Deadline.IsZero() {
			t = t.By(p.Deadline)
		}
		out = append(out, t)
	}
	return out
}

// Merge joins reports of p, each evaluated as of the same date over its own
// part of the regions (province shards), into the report over all of them,
// target by target as [target.Target.Merge] does.
func (p Program) Merge(parts ...Report) (Report, error) {
	if err := p.Validate(); err != nil {
		return Report{}, err
	}
	if len(parts) == 0 {
		return Report{}, fmt.Errorf("program %s: merge: no reports: %w", p.ID, outcome.ErrMissing)
	}
	r := Report{Program: p.ID, Name: p.Name, Source: p.Source, AsOf: parts[0].AsOf}
	targets := p.targets()
	for _, part := range parts {
		if part.Program != p.ID || len(part.Results) != len(targets) {
			return Report{}, fmt.Errorf("program %s: merge: a report of %s with %d results, the program has %d targets",
				p.ID, part.Program, len(part.Results), len(targets))
		}
	}
	for i, t := range targets {
		column := make([]target.Result, len(parts))
		for k, part := range parts {
			column[k] = part.Results[i]
		}
		res, err := t.Merge(column...)
		if err != nil {
			return Report{}, fmt.Errorf("program %s: %w", p.ID, err)
		}
		r.Results = append(r.Results, res)
		r.Summary.add(res.Status)
	}
	return r, nil
}

// In returns a copy of p for one region, a county or a prefecture: every
// target narrowed to it with [target.Target.In], so a county office
// evaluates 七个一 over its own poor villages, from a ledger of its own or
// the province's. Coverage counts only the units within the region;
// aggregates are taken over it. Requirements are not apportioned: a
// county's figure is compared with the program's whole N, and reads as the
// county's share of it. A population the catalogue knows only by its count
// cannot be narrowed: list its units first ([Program.ListUnits]), or its
// targets report no data and say why. The id is kept, so the reports of
// disjoint regions merge ([Program.Merge]).
func (p Program) In(region string) Program {
	q := p.Clone()
	for i, t := range q.Targets {
		q.Targets[i] = t.In(region)
	}
	return q
}

// ListUnits returns a copy of p in which every target over the population
// pop takes its units from codes ([target.Target.ListUnits]): a caller with
// the list of Hunan's poor villages gives it to a catalogue that knows only
// their number,
//
//	hunan.SevenOnes().ListUnits(hunan.PoorVillages(), villageCodes...)
//
// and coverage is then evaluated village by village, with a shortfall
// list. The ledger's regions must hold the codes.
func (p Program) ListUnits(pop target.Population, codes ...string) Program {
	q := p.Clone()
	for i, t := range q.Targets {
		q.Targets[i] = t.ListUnits(pop, codes...)
	}
	return q
}

// Clone returns a deep copy of p, so a caller may change it freely.
func (p Program) Clone() Program {
	p.Issuers = slices.Clone(p.Issuers)
	p.Indicators = slices.Clone(p.Indicators)
	p.Targets = slices.Clone(p.Targets)
	return p
}
