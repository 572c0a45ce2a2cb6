package target

import (
	"fmt"
	"slices"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// Merge joins results of t, each evaluated as of the same date over its own
// part of the regions, into the result of t over all of them: the way to
// evaluate a ledger split into province shards, on several cores or several
// machines, and to report it as one.
//
// The parts must not overlap: a region and its descendants belong to one
// part. Then the figures add up, because a region's figure covers its
// descendants (roll-up) and no record is counted in two parts; that holds
// for stocks as for flows. Aggregates and observations add their achieved
// figures and records, and join certainties; per-unit targets add their
// units and units covered and keep the shortfall by code; a reduction adds
// the baselines read from the parts (a baseline given by the target is the
// target's). Status, progress and pace are then judged as an evaluation of
// the whole would judge them. A part without data adds nothing.
//
// Merge refuses parts of another target or as of another date.
func (t Target) Merge(parts ...Result) (Result, error) {
	if len(parts) == 0 {
		return Result{}, t.wrap("merge", "no parts", outcome.ErrMissing)
	}
	asOf := parts[0].AsOf
	for _, p := range parts {
		switch {
		case p.ID != t.id || p.Kind != t.kind:
			return Result{}, t.wrap("merge", p.ID, fmt.Errorf("a result of another target (%s, %v)", p.ID, p.Kind))
		case !p.AsOf.Equal(asOf):
			return Result{}, t.wrap("merge", p.AsOf.Format("2006-01-02"), fmt.Errorf("a result as of another date than %s", asOf.Format("2006-01-02")))
		}
	}
	r := Result{ID: t.id, Name: t.name, Kind: t.kind, Indicator: t.indicator, Source: t.source, ind: parts[0].ind,
		AsOf: asOf, Deadline: t.deadline, Status: NoData, Required: parts[0].Required}
	for _, p := range parts {
		for _, n := range p.Notes {
			if !slices.Contains(r.Notes, n) {
				r.Notes = append(r.Notes, n)
			}
		}
	}
	switch t.kind {
	case KindAllOf:
		for i, pt := range t.inherited() {
			column := make([]Result, 0, len(parts))
			for _, p := range parts {
				if i >= len(p.Parts) {
					return Result{}, t.wrap("merge", p.ID, fmt.Errorf("a result with %d parts, the target has %d", len(p.Parts), len(t.parts)))
				}
				column = append(column, p.Parts[i])
			}
			m, err := pt.Merge(column...)
			if err != nil {
				return Result{}, err
			}
			r.Parts = append(r.Parts, m)
		}
		t.combineAll(&r, asOf)
		return r, nil
	case KindEachYear:
		return t.mergeEachYear(r, parts)
	case KindCoverage, KindEachInRange:
		mergePerUnit(&r, parts)
	default:
		t.mergeAggregate(&r, parts)
	}
	t.judge(&r, parts[0].ind, asOf)
	return r, nil
}

// mergeAggregate adds up the achieved figures of aggregate, observed and
// reduction parts.
func (t Target) mergeAggregate(r *Result, parts []Result) {
	sum := outcome.Sum{Unit: parts[0].Achieved.Unit()}
	base := outcome.Sum{}
	var baseBounds quantity.Bounds // the sum of the parts' baselines' bounds
	var baseline quantity.Quantity // the one part's baseline, while there is one
	var only Result                // the one part with data, whose figure keeps its qualifier
	var bounds quantity.Bounds     // the sum of the parts' bounds
	with := 0
	for _, p := range parts {
		if !p.Baseline.IsZero() {
			if base.Records == 0 {
				baseBounds = p.Baseline.Bounds()
			} else {
				baseBounds = addBounds(baseBounds, p.Baseline.Bounds())
			}
			base.Value = base.Value.Add(p.Baseline.Value())
			base.Unit, base.Certainty = p.Baseline.Unit(), base.Certainty.Join(p.Baseline.Certainty())
			base.Records++
			baseline = p.Baseline
		}
		if p.Records == 0 {
			continue
		}
		if sum.Unit == 0 {
			sum.Unit = p.Achieved.Unit()
		}
		sum.Value = sum.Value.Add(p.Achieved.Value())
		sum.Records += p.Records
		sum.Certainty = sum.Certainty.Join(p.Achieved.Certainty()) // of the figure alone: a reduction's Certainty also has its baseline's
		if p.DataAsOf.After(sum.Latest) {
			sum.Latest = p.DataAsOf
		}
		if with == 0 {
			bounds = p.Bounds
		} else {
			bounds = addBounds(bounds, p.Bounds)
		}
		only, with = p, with+1
	}
	if with == 0 {
		return
	}
	achieved := quantity.New(sum.Value, sum.Unit, bounds.Qualifier(sum.Value))
	if with == 1 {
		achieved = only.Achieved
	}
	switch t.kind {
	case KindObserve:
		finishObserve(r, sum, achieved, bounds)
	case KindReduction:
		switch {
		case !t.baseline.IsZero():
			baseline = t.baseline
		case base.Records > 1:
			// A sum of figures: its qualifier states its bounds.
			baseline = quantity.New(base.Value, base.Unit, baseBounds.Qualifier(base.Value))
		}
		if baseline.IsZero() {
			r.Records, r.Certainty, r.DataAsOf, r.Achieved, r.Bounds = sum.Records, sum.Certainty, sum.Latest, achieved, bounds
			return
		}
		r.Notes = slices.DeleteFunc(r.Notes, func(n lang.Name) bool { return n == noBaseline })
		t.finishReduction(r, baseline, sum, achieved, bounds)
	default:
		t.finishAggregate(r, sum, achieved, bounds)
	}
}

// addBounds returns the bounds of the sum of two figures, as
// [outcome.Sum.Bounds] adds them: a figure is never negative, so the sum is
// bounded below when either is (the other adding at least 0), above when
// both are, and a bound is open when either is.
func addBounds(a, b quantity.Bounds) quantity.Bounds {
	var s quantity.Bounds
	for _, x := range []quantity.Bounds{a, b} {
		if x.HasLo {
			s.Lo, s.HasLo, s.LoOpen = s.Lo.Add(x.Lo), true, s.LoOpen || x.LoOpen
		}
	}
	if a.HasHi && b.HasHi {
		s.Hi, s.HasHi, s.HiOpen = a.Hi.Add(b.Hi), true, a.HiOpen || b.HiOpen
	}
	return s
}

// mergePerUnit adds up the units of per-unit parts and joins their
// shortfalls.
func mergePerUnit(r *Result, parts []Result) {
	gaps := make([]Gaps, 0, len(parts))
	r.Listed = true
	for _, p := range parts {
		r.Units += p.Units
		r.Covered += p.Covered
		r.Listed = r.Listed && p.Listed
		if !p.PerUnit.IsZero() {
			r.PerUnit = p.PerUnit
		}
		gaps = append(gaps, p.Shortfall)
		if p.Status != NoData {
			r.Records += p.Records
			r.Certainty = r.Certainty.Join(p.Certainty)
			if p.DataAsOf.After(r.DataAsOf) {
				r.DataAsOf = p.DataAsOf
			}
		}
	}
	r.Required = quantity.Int(int64(r.Units), quantity.Piece)
	r.Shortfall = mergeGaps(gaps...)
	if r.Records > 0 {
		finishPerUnit(r)
	}
}
