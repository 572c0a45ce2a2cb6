package outcome

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Values returns the figure of indicator for every unit of units within
// window, rolled up as [Ledger.Total] does. Units with no record have no
// value ([Values.Has] is false).
func (l *Ledger) Values(indicator string, units Selection, window period.Period) (Values, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, err := l.lookupSeries(indicator)
	if err != nil {
		return Values{}, err
	}
	if units.set != nil && units.set != l.regions {
		return Values{}, fmt.Errorf("outcome: values of %s: selection from another region set: %w", indicator, ErrUnknownRegion)
	}
	rs := l.regions.tree()
	a := s.AggregateNewest(rs, spanOf(window), true)
	defer a.Release()
	v := &values{sel: units, unit: s.ind.Unit, exp: a.Exp,
		count: make([]int32, len(units.ids)), bound: make([]boundBits, len(units.ids))}
	if a.Dec == nil {
		v.sums = make([]int64, len(units.ids))
	} else {
		v.dec = make([]decimal.Decimal, len(units.ids))
	}
	end := rs.End
	newest := uint16(0) // the rank of the newest period behind any unit's figure
	for i, u := range units.ids {
		if a.Dec == nil && end[u] == u+1 {
			// A leaf (a village): its figure is its own.
			c := &a.Cells[u]
			v.sums[i], v.count[i], v.bound[i] = c.Own, c.Count, boundBits(c.Bound)
			newest = max(newest, c.Newest)
			continue
		}
		acc := a.NewAccum()
		n, b, nw := a.RollupNewest(rs, u, &acc)
		if acc.Overflow {
			// Rare: a rolled-up figure beyond int64. Redo in decimals.
			return l.valuesDecimal(s, units, window)
		}
		v.count[i], v.bound[i] = int32(n), boundBits(b)
		newest = max(newest, nw)
		if v.dec == nil {
			v.sums[i] = acc.Sum
		} else {
			v.dec[i] = acc.Value()
		}
	}
	v.setLatest(l, s, a, window, newest)
	v.addAcross(l, s, a, window)
	return Values{v}, nil
}

// addAcross counts, for each unit, the records reaching across window's
// edge that its figure left out, as [Ledger.Total] does for one region:
// their figures raise the unit's upper bound, and their last days in
// window date the figures where they are newer.
func (v *values) addAcross(l *Ledger, s *series, a *colstore.Aggregation, window period.Period) {
	if s.ind.Aggregation == Stock {
		return
	}
	w := spanOf(window)
	s.StraddlingUnits(l.regions.tree(), a, w, v.sel.ids, func(k int, row int32) {
		v.leftOut()
		v.across[k]++
		p := s.Period.At(row)
		v.more[k].add(s.quantityAt(row), p)
		if v.count[k] > 0 || period.Kind(p.Kind) != period.KindUndated {
			v.acrossLatest = max(v.acrossLatest, min(p.End, w.End)) // alone, an undated one dates nothing
		}
	})
	// Records left out for overlapping counted ones in part ([Sum.Uncovered]).
	a.UncoveredUnits(l.regions.tree(), v.sel.ids, func(k int, row int32) {
		v.leftOut()
		v.uncovered[k]++
		v.more[k].add(s.quantityAt(row), s.Period.At(row))
	})
}

// Uncovered returns how many records of unit i were left out for
// overlapping counted ones in part, holding days nothing counted holds: as
// [Sum.Uncovered], their figures raise the upper bound of the unit's
// figure ([Values.Bounds]).
func (v Values) Uncovered(i int) int {
	if v.p.uncovered == nil {
		return 0
	}
	return int(v.p.uncovered[i])
}

// leftOut makes room for the records left out that addAcross counts.
func (v *values) leftOut() {
	if v.across == nil {
		n := len(v.count)
		v.across, v.uncovered, v.more = make([]int32, n), make([]int32, n), make([]lack, n)
		v.acrossLatest = civil.MinDay
	}
}

// mayLack reports whether unit i's figure may lack what records left out
// hold.
func (v Values) mayLack(i int) bool {
	return v.p.across != nil && (v.p.across[i] > 0 || v.p.uncovered[i] > 0)
}

// setLatest sets how v finds its Latest: from newest, the rank of the
// newest period behind the units' figures, when a ranked its periods, and
// otherwise by a scan when first asked.
func (v *values) setLatest(l *Ledger, s *series, a *colstore.Aggregation, window period.Period, newest uint16) {
	switch {
	case a.Ends == nil:
		v.scan = colstore.NewLatestScan(&s.Series, l.regions.tree(), spanOf(window), l.mu.RLocker())
	case newest > 0:
		v.latest = a.Ends[newest-1]
	default:
		v.latest = civil.MinDay
	}
}

func (l *Ledger) valuesDecimal(s *series, units Selection, window period.Period) (Values, error) {
	a := s.AggregateNewest(l.regions.tree(), spanOf(window), true)
	defer a.Release()
	a.ToDecimal()
	v := &values{sel: units, unit: s.ind.Unit, count: make([]int32, len(units.ids)),
		bound: make([]boundBits, len(units.ids)), dec: make([]decimal.Decimal, len(units.ids))}
	newest := uint16(0)
	for i, u := range units.ids {
		acc := a.NewAccum()
		n, b, nw := a.RollupNewest(l.regions.tree(), u, &acc)
		v.count[i], v.bound[i], v.dec[i] = int32(n), boundBits(b), acc.Value()
		newest = max(newest, nw)
	}
	v.setLatest(l, s, a, window, newest)
	v.addAcross(l, s, a, window)
	return Values{v}, nil
}

// Values holds one figure per unit of a [Selection]. The zero value is empty.
//
// It is a handle to the figures, one pointer, so that a loop over the units
// calling its methods keeps it in a register rather than copying a dozen
// words for each call.
type Values struct{ p *values }

type values struct {
	sel   Selection
	unit  quantity.Unit
	exp   int32
	sums  []int64           // value = sums[i] × 10^exp, unless dec is set
	dec   []decimal.Decimal // used when figures do not fit int64
	count []int32
	bound []boundBits
	// across and uncovered count, by unit, the records left out across the
	// window's edge and for overlapping counted ones in part (addAcross),
	// and more adds up what they may hold; all nil when there are none.
	across       []int32
	uncovered    []int32
	more         []lack
	acrossLatest int32 // the last day in window of those across the edge; civil.MinDay for none
	// latest is the last day of the newest record behind the units'
	// figures, civil.MinDay for none, unless scan is set: then it is found when
	// first asked.
	latest int32
	scan   *colstore.LatestScan
}

// Latest returns the last day of the newest record behind any unit's
// figure: of the records [Ledger.Used] would give for the units one by
// one, the one that ends last, or the last day in the window of a record
// across its edge where that is later ([Values.Across]), as
// [Sum.Latest] dates a unit's figure; the zero time when no unit has a
// figure.
// It is tracked while the figures are made, as the rank of the newest
// period counted in each region; for a series of more than 65,535
// distinct period ends, which ranks of two bytes cannot tell apart, it is
// found on the first call instead, by aggregating the indicator once more,
// over the records the ledger held when the values were made.
func (v Values) Latest() time.Time {
	if v.p == nil {
		return time.Time{}
	}
	d := v.p.latest
	if v.p.scan != nil {
		d = v.p.scan.Latest(v.p.sel.ids)
	}
	if v.p.across != nil && v.p.acrossLatest > d {
		d = v.p.acrossLatest
	}
	if d != civil.MinDay {
		return civil.Time(d)
	}
	return time.Time{}
}

// Len returns the number of units.
func (v Values) Len() int {
	if v.p == nil {
		return 0
	}
	return len(v.p.count)
}

// Region returns the i-th unit.
func (v Values) Region(i int) Region { return v.p.sel.At(i) }

// Unit returns the indicator's unit.
func (v Values) Unit() quantity.Unit {
	if v.p == nil {
		return 0
	}
	return v.p.unit
}

// Has reports whether any record counted for unit i.
func (v Values) Has(i int) bool { return v.p.count[i] > 0 }

// Across returns how many records of unit i reach across the window's
// edge and were left out, since they cannot be split by days: as
// [Sum.Across], their figures raise the upper bound of the unit's figure
// ([Values.Bounds]). A unit with such records and none counted has no
// figure, and its true one may be anything up to theirs, unless they are
// all undated (~2017/2019): then its bounds are unknown, as of a unit with
// no record.
func (v Values) Across(i int) int {
	if v.p.across == nil {
		return 0
	}
	return int(v.p.across[i])
}

// Records returns how many records counted for unit i.
func (v Values) Records(i int) int { return int(v.p.count[i]) }

// Certainty returns the certainty of unit i's figure: a lower bound, at
// least, when records left out may add to it: records across the window's
// edge ([Values.Across]), or records overlapping counted ones in part
// ([Sum.Uncovered]).
func (v Values) Certainty(i int) quantity.Certainty {
	c := v.p.bound[i].certainty()
	if v.mayLack(i) && (v.p.count[i] > 0 || v.p.more[i].dated) {
		c = c.Join(quantity.LowerBound)
	}
	return c
}

// Bounds returns the values unit i's true figure may take. A figure written
// with 余 or 多 is bounded below only: unlike [Sum.Bounds], Values keeps no
// unit that such a figure rounds to, so a verdict on it may be undecided
// where one on the unit's [Ledger.Total] is not.
//
// Records left out that may add to the figure raise the upper bound by
// what they hold, as in [Sum.Bounds]: records across the window's edge
// ([Values.Across]) and records overlapping counted ones in part
// ([Values.Uncovered]). A village's 1 for February to December beside its
// 1 for 2018-12-01 to 2019-01-31 is, for 2019, at least 1 and at most 2;
// one with only the latter is at least 0 and at most 1; one with only an
// undated record (~2011/2019) has unknown bounds, as one with no record.
func (v Values) Bounds(i int) quantity.Bounds {
	var b quantity.Bounds
	if v.p.count[i] > 0 {
		b = v.p.bound[i].bounds(v.Value(i))
	}
	if !v.mayLack(i) {
		return b
	}
	if v.p.count[i] == 0 {
		if !v.p.more[i].dated {
			return b // undated records alone say nothing of the window
		}
		return v.p.more[i].bounds()
	}
	return v.p.more[i].widen(b)
}

// Value returns unit i's figure (0 when it has none).
func (v Values) Value(i int) decimal.Decimal {
	if v.p.dec != nil {
		return v.p.dec[i]
	}
	return colstore.NewDecimal(v.p.sums[i], v.p.exp)
}

// CmpFunc returns a function that compares unit i's figure with k, as
// [decimal.Decimal.Cmp] does; it converts k once, so it is the fast way to
// check every unit against a threshold.
func (v Values) CmpFunc(k decimal.Decimal) func(i int) int {
	if p := v.p; p != nil && p.dec == nil {
		if kk, ok := colstore.ScaleTo(k, p.exp); ok {
			return func(i int) int {
				switch s := p.sums[i]; {
				case s < kk:
					return -1
				case s > kk:
					return 1
				}
				return 0
			}
		}
	}
	return func(i int) int { return v.Value(i).Cmp(k) }
}
