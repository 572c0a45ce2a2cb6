package target

import (
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/outcome"
)

// Gap is a unit that falls short of a per-unit target: what it has, and what
// it lacks to reach the minimum or has in excess of the maximum.
type Gap struct {
	Region outcome.Region
	Has    decimal.Decimal
	Lacks  decimal.Decimal // to reach the minimum; 0 when above the maximum
	Excess decimal.Decimal // above the maximum of a range; 0 otherwise
}

// Gaps are the units that fall short of a per-unit target, by code: below
// its minimum, or above the maximum of a range. An evaluation keeps them as
// the figures of the population and the positions of the units short, four
// bytes each, so that a shortfall of a million villages costs megabytes, not
// hundreds; [Gaps.At] and [Gaps.All] make each [Gap] when asked. The zero
// value is empty.
type Gaps struct {
	parts []gapPart
	n     int
}

// gapPart is a run of gaps by code: positions in the figures of an
// evaluation, or gaps given one by one.
type gapPart struct {
	values outcome.Values
	short  []int32 // indexes in values of the units short, ascending
	lo, hi decimal.Decimal
	lacks  []decimal.Decimal // lacks[h] = lo − h, for a whole lo up to 64
	list   []Gap
}

func (p *gapPart) len() int {
	if p.list != nil {
		return len(p.list)
	}
	return len(p.short)
}

func (p *gapPart) at(k int) Gap {
	if p.list != nil {
		return p.list[k]
	}
	i := int(p.short[k])
	g := Gap{Region: p.values.Region(i), Has: p.values.Value(i)}
	if g.Has.Cmp(p.lo) < 0 {
		// A whole figure below a minimum of at most 64 is below 64: its
		// coefficient is the figure.
		if h := g.Has.CoefficientInt64(); g.Has.Exponent() == 0 && g.Has.Sign() >= 0 && h < int64(len(p.lacks)) {
			g.Lacks = p.lacks[h] // shared: a decimal is never changed
		} else {
			g.Lacks = p.lo.Sub(g.Has)
		}
	} else {
		g.Excess = g.Has.Sub(p.hi)
	}
	return g
}

// GapList returns gaps given one by one, as they are: for results made or
// read by other means than an evaluation.
func GapList(gaps ...Gap) Gaps {
	if len(gaps) == 0 {
		return Gaps{}
	}
	return Gaps{parts: []gapPart{{list: gaps}}, n: len(gaps)}
}

// gapsOf returns the units short of lo (and, for a range, above hi) among
// values, at the given indexes.
func gapsOf(values outcome.Values, short []int32, lo, hi decimal.Decimal) Gaps {
	if len(short) == 0 {
		return Gaps{}
	}
	// Most units short of a small whole minimum lack one of a few amounts
	// (every uncovered village lacks 1): those are made once.
	var lacks []decimal.Decimal
	if lo.IsInteger() && lo.IsPositive() && lo.LessThanOrEqual(decimal.NewFromInt(64)) {
		lacks = make([]decimal.Decimal, lo.IntPart())
		for h := range lacks {
			lacks[h] = lo.Sub(decimal.NewFromInt(int64(h)))
		}
	}
	return Gaps{parts: []gapPart{{values: values, short: short, lo: lo, hi: hi, lacks: lacks}}, n: len(short)}
}

// Len returns the number of units short.
func (g Gaps) Len() int { return g.n }

// At returns the i-th gap by code, for 0 ≤ i < Len.
func (g Gaps) At(i int) Gap {
	for k := range g.parts {
		p := &g.parts[k]
		if i < p.len() {
			return p.at(i)
		}
		i -= p.len()
	}
	panic("target: gap index out of range")
}

// All yields the gaps by code.
func (g Gaps) All() iter.Seq[Gap] {
	return func(yield func(Gap) bool) {
		for k := range g.parts {
			p := &g.parts[k]
			for i := range p.len() {
				if !yield(p.at(i)) {
					return
				}
			}
		}
	}
}

// Counts returns how many units lack something to reach the minimum and how
// many exceed the maximum of a range, without making a [Gap] of each.
func (g Gaps) Counts() (below, above int) {
	for k := range g.parts {
		p := &g.parts[k]
		if p.list != nil {
			for _, gap := range p.list {
				if gap.Lacks.IsPositive() {
					below++
				} else {
					above++
				}
			}
			continue
		}
		cmp := p.values.CmpFunc(p.lo)
		for _, i := range p.short {
			if cmp(int(i)) < 0 {
				below++
			}
		}
		above += len(p.short) - below
	}
	return below, above
}

// mergeGaps joins gaps of disjoint sets of units, keeping them by code:
// the runs are ordered by their first code, and when runs interleave (a
// shard of provinces 11 and 13, another of 12) the gaps are made and
// sorted one by one.
func mergeGaps(all ...Gaps) Gaps {
	var out Gaps
	for _, g := range all {
		out.parts = append(out.parts, g.parts...)
		out.n += g.n
	}
	if len(out.parts) < 2 {
		return out
	}
	first := func(p *gapPart) string { return p.at(0).Region.Code }
	last := func(p *gapPart) string { return p.at(p.len() - 1).Region.Code }
	slices.SortStableFunc(out.parts, func(a, b gapPart) int { return strings.Compare(first(&a), first(&b)) })
	for i := 1; i < len(out.parts); i++ {
		if last(&out.parts[i-1]) >= first(&out.parts[i]) {
			list := slices.Collect(out.All())
			slices.SortStableFunc(list, func(a, b Gap) int { return strings.Compare(a.Region.Code, b.Region.Code) })
			return GapList(list...)
		}
	}
	return out
}
