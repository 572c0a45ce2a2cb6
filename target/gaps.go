package target

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// GapKind is why a unit is not covered by a per-unit target.
type GapKind uint8

const (
	GapNoRecord  GapKind = 1 + iota // no record of the unit: unknown, not 0
	GapBelow                        // below the minimum
	GapAbove                        // above the maximum of a range
	GapUndecided                    // its figure's bounds allow both: 近3 against 2
)

var gapKindNames = [...]lang.Name{
	GapNoRecord:  {Zh: "无记录", En: "no record"},
	GapBelow:     {Zh: "低于要求", En: "below"},
	GapAbove:     {Zh: "高于上限", En: "above"},
	GapUndecided: {Zh: "待定", En: "undecided"},
}

// Name returns the bilingual name of the kind.
func (k GapKind) Name() lang.Name {
	if k != 0 && int(k) < len(gapKindNames) {
		return gapKindNames[k]
	}
	return lang.Name{}
}

// String returns the Chinese name, as ledgers and reports write it;
// Name().In(lang.English) is the English, and JSON writes the English.
func (k GapKind) String() string {
	if n := k.Name(); !n.IsZero() {
		return n.Zh
	}
	return fmt.Sprintf("GapKind(%d)", k)
}

// Gap is a unit not covered by a per-unit target: why, what it has, and
// what it lacks to reach the minimum or has in excess of the maximum.
//
// A unit's record may state its figure with a qualifier (不到1, 近3,
// 20余): Qualifier keeps it, and Lacks and Excess are then differences from
// the figure as written, bounded as [Gap.Difference] says. A unit recorded
// 不到1 against a minimum of 1 has 不到1 and lacks more than 0, not 0.
//
// Records left out may bound a unit's figure to a range (a record across
// the window's edge: 0 to 5, or 1 to 5 beside a counted 1): Has is then
// its lower end and Max its upper one, and Lacks and Excess are measured
// from Has.
type Gap struct {
	Region    outcome.Region
	Kind      GapKind
	Has       decimal.Decimal    // 0 for a unit with no record: see Kind
	Qualifier quantity.Qualifier // how the record states Has; 0 when exact
	Max       decimal.Decimal    // the upper end when the figure is a range from Has; 0 otherwise
	Lacks     decimal.Decimal    // to reach the minimum (all of it without a record); 0 when above the maximum
	Excess    decimal.Decimal    // above the maximum of a range; 0 otherwise
}

// Figure returns what the unit has, as its record states it: 不到1; or
// the range records left out leave it in: 0—5.
func (g Gap) Figure() quantity.Quantity {
	if g.ranged() {
		return quantity.Between(g.Has, g.Max, 0)
	}
	return quantity.New(g.Has, 0, g.Qualifier)
}

// ranged reports whether the unit's figure is a range.
func (g Gap) ranged() bool { return g.Max.GreaterThan(g.Has) }

// Difference returns what the unit lacks (below the minimum) or has in
// excess (above the maximum), qualified as the bounds of its figure make
// it: a unit recorded 不到1 lacks more than 0 of a minimum of 1, one
// recorded 20余 has more than 15 in excess of a maximum of 5. The bound on
// the side of the figure is the one stated. An exact figure's difference
// is exact; a unit with no record or an undecided one has the zero
// Quantity.
func (g Gap) Difference() quantity.Quantity {
	var d decimal.Decimal
	switch g.Kind {
	case GapBelow:
		d = g.Lacks
	case GapAbove:
		d = g.Excess
	default:
		return quantity.Quantity{}
	}
	if g.ranged() {
		// A figure from Has to Max lacks from Lacks less the range's width
		// to Lacks, or has in excess from Excess to Excess plus it.
		w := g.Max.Sub(g.Has)
		if g.Kind == GapBelow {
			return quantity.Between(decimal.Max(d.Sub(w), decimal.Zero), d, 0)
		}
		return quantity.Between(d, d.Add(w), 0)
	}
	if g.Qualifier == 0 {
		return quantity.New(d, 0, 0)
	}
	// The side of the figure's bounds at the figure itself bounds the
	// difference: below the minimum the other way round (less than 1 lacks
	// more than 0), above the maximum the same way.
	b := g.Figure().Bounds()
	lower, open := false, false
	switch {
	case b.HasLo && b.Lo.Equal(g.Has):
		lower, open = true, b.LoOpen
	case b.HasHi && b.Hi.Equal(g.Has):
		lower, open = false, b.HiOpen
	default:
		return quantity.New(d, 0, quantity.About)
	}
	if g.Kind == GapBelow {
		lower = !lower
	}
	q := quantity.AtMost
	switch {
	case lower && open:
		q = quantity.MoreThan
	case lower:
		q = quantity.AtLeast
	case open:
		q = quantity.LessThan
	}
	return quantity.New(d, 0, q)
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
	short  []int32   // indexes in values of the units short, ascending
	kinds  []GapKind // the kind of each gap of short
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
	g := Gap{Region: p.values.Region(i), Kind: p.kinds[k], Has: p.values.Value(i)}
	if p.values.Across(i) > 0 || p.values.Uncovered(i) > 0 {
		g.boundedBy(p.values.Bounds(i))
	} else if p.values.Certainty(i) != quantity.Exact {
		g.Qualifier = p.values.Bounds(i).Qualifier(g.Has)
	}
	if g.Kind != GapAbove && g.Has.Cmp(p.lo) < 0 {
		// A whole figure below a minimum of at most 64 is below 64: its
		// coefficient is the figure.
		if h := g.Has.CoefficientInt64(); g.Has.Exponent() == 0 && g.Has.Sign() >= 0 && h < int64(len(p.lacks)) {
			g.Lacks = p.lacks[h] // shared: a decimal is never changed
		} else {
			g.Lacks = p.lo.Sub(g.Has)
		}
	} else if g.Kind == GapAbove {
		g.Excess = g.Has.Sub(p.hi)
	}
	return g
}

// boundedBy sets the figure of a unit whose records left out bound it: the
// range b allows, or the one bound it has (不到8, 1以上).
func (g *Gap) boundedBy(b quantity.Bounds) {
	switch {
	case b.HasLo && b.HasHi && b.Hi.GreaterThan(b.Lo):
		g.Has, g.Max = b.Lo, b.Hi
	case b.HasLo:
		g.Has, g.Qualifier = b.Lo, quantity.AtLeast
		if b.LoOpen {
			g.Qualifier = quantity.MoreThan
		}
	case b.HasHi:
		g.Has, g.Qualifier = b.Hi, quantity.AtMost
		if b.HiOpen {
			g.Qualifier = quantity.LessThan
		}
	}
}

// GapList returns gaps given one by one, as they are: for results made or
// read by other means than an evaluation.
func GapList(gaps ...Gap) Gaps {
	if len(gaps) == 0 {
		return Gaps{}
	}
	return Gaps{parts: []gapPart{{list: gaps}}, n: len(gaps)}
}

// gapsOf returns the gaps of the units of values at the given indexes, of
// the given kinds, against a minimum lo and a maximum hi.
func gapsOf(values outcome.Values, short []int32, kinds []GapKind, lo, hi decimal.Decimal) Gaps {
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
	return Gaps{parts: []gapPart{{values: values, short: short, kinds: kinds, lo: lo, hi: hi, lacks: lacks}}, n: len(short)}
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

// GapCounts counts the gaps of a shortfall by kind.
type GapCounts struct {
	NoRecord, Below, Above, Undecided int
}

// Counts returns how many gaps there are of each kind, without making a
// [Gap] of each.
func (g Gaps) Counts() GapCounts {
	var c GapCounts
	add := func(k GapKind) {
		switch k {
		case GapNoRecord:
			c.NoRecord++
		case GapBelow:
			c.Below++
		case GapAbove:
			c.Above++
		case GapUndecided:
			c.Undecided++
		}
	}
	for k := range g.parts {
		p := &g.parts[k]
		for _, gap := range p.list {
			add(gap.Kind)
		}
		for _, kind := range p.kinds {
			add(kind)
		}
	}
	return c
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
