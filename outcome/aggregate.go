package outcome

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"
)

// Sum is an aggregate of one indicator over a region and a window.
type Sum struct {
	Value     decimal.Decimal // 0 when no record counts
	Unit      Unit            // the indicator's unit
	Certainty Certainty       // joined from the qualifiers of the records used
	Records   int             // how many records were used
	// Latest is the last day of the newest record used: how current the
	// figure is. A stock evaluated in 2016 may rest on a 2012 record.
	Latest time.Time
	qual   Qualifier // the qualifier of the one record used
	bound  bound     // joined from the qualifiers of the records used
}

// Bounds returns the values the true sum may take, given the qualifiers of
// the records added: 1000余 + 200 is more than 1200.
func (s Sum) Bounds() Bounds {
	if s.Records == 1 {
		return s.Quantity().Bounds()
	}
	return s.bound.bounds(s.Value)
}

// Has reports whether any record was used.
func (s Sum) Has() bool { return s.Records > 0 }

// Quantity returns the sum as a quantity. A sum of one record keeps that
// record's qualifier (5000余名); a sum of several states its certainty: 以上
// for a lower bound, 不到 for an upper bound, 近 for an approximation.
func (s Sum) Quantity() Quantity {
	if s.Records == 1 {
		return Quantity{value: s.Value, unit: s.Unit, qual: s.qual}
	}
	return Quantity{value: s.Value, unit: s.Unit, qual: certaintyQualifier[s.Certainty]}
}

var certaintyQualifier = [...]Qualifier{Exact: 0, LowerBound: AtLeast, UpperBound: LessThan, Approximate: Nearly}

// Total returns the aggregate of indicator over region ("" for every root of
// the region set) within window.
//
// For a [Flow] the records whose period lies within window add up; a record
// that straddles a window boundary is left out, since it cannot be split.
// For a [Stock] only window's end matters: each region's latest record ending
// on or before it counts.
//
// Roll-up: a region's figure is its own record when it has one, and
// otherwise the sum of its children's figures, recursively. A province's own
// figure is taken to include its counties'; they are never added to it.
func (l *Ledger) Total(indicator, region string, window Period) (Sum, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, err := l.lookupSeries(indicator)
	if err != nil {
		return Sum{}, err
	}
	lo, hi, ok := l.regions.subtree(region)
	if !ok {
		return Sum{}, fmt.Errorf("outcome: total of %s in %s: %w", indicator, region, ErrUnknownRegion)
	}
	a := s.aggregate(l.regions, window)
	defer a.release()
	for {
		out := Sum{Unit: s.ind.Unit}
		acc := a.newAccum()
		for u := lo; u < hi; u = l.regions.end[u] {
			n, b := a.rollup(l.regions, u, &acc)
			out.Records += n
			out.bound |= b
		}
		out.Certainty = out.bound.certainty()
		if !acc.overflow {
			out.Value = acc.value()
			if n, latest := s.countedSpan(window); out.Records > 1 && n == out.Records {
				// Every row counted is used: the newest is the newest counted.
				out.Latest = dateOf(latest)
			} else if out.Records > 0 {
				latest := int32(minDay)
				s.usedRows(l.regions, a, window, lo, hi, func(row int32) {
					latest = max(latest, s.period.at(row).end)
					out.qual = lazyAt(s.qual, row) // kept when there is one record
				})
				out.Latest = dateOf(latest)
				if out.Records > 1 {
					out.qual = 0
				}
			}
			return out, nil
		}
		a.toDecimal()
	}
}

// Used returns the records [Ledger.Total] adds up for the same query,
// ordered by region and period: the evidence behind a figure.
func (l *Ledger) Used(indicator, region string, window Period) ([]Record, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, err := l.lookupSeries(indicator)
	if err != nil {
		return nil, err
	}
	lo, hi, ok := l.regions.subtree(region)
	if !ok {
		return nil, fmt.Errorf("outcome: records of %s in %s: %w", indicator, region, ErrUnknownRegion)
	}
	var out []Record
	a := s.aggregate(l.regions, window)
	defer a.release()
	s.usedRows(l.regions, a, window, lo, hi, func(row int32) {
		out = append(out, s.record(l, row))
	})
	slices.SortFunc(out, func(x, y Record) int { return cmpRecords(x, y) })
	return out, nil
}

// cmpRecords orders records by region, then period.
func cmpRecords(x, y Record) int {
	if c := strings.Compare(x.Region, y.Region); c != 0 {
		return c
	}
	return x.Period.Compare(y.Period)
}

// Values returns the figure of indicator for every unit of units within
// window, rolled up as [Ledger.Total] does. Units with no record have no
// value ([Values.Has] is false).
func (l *Ledger) Values(indicator string, units Selection, window Period) (Values, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, err := l.lookupSeries(indicator)
	if err != nil {
		return Values{}, err
	}
	if units.set != nil && units.set != l.regions {
		return Values{}, fmt.Errorf("outcome: values of %s: selection from another region set: %w", indicator, ErrUnknownRegion)
	}
	a := s.aggregate(l.regions, window)
	defer a.release()
	v := Values{sel: units, unit: s.ind.Unit, exp: a.exp,
		count: makeLarge[int32](len(units.ids), len(units.ids)), bound: makeLarge[bound](len(units.ids), len(units.ids))}
	if a.dec == nil {
		v.sums = makeLarge[int64](len(units.ids), len(units.ids))
	} else {
		v.dec = make([]decimal.Decimal, len(units.ids))
	}
	end := l.regions.end
	for i, u := range units.ids {
		if a.dec == nil && end[u] == u+1 {
			// A leaf (a village): its figure is its own.
			c := &a.cells[u]
			v.sums[i], v.count[i], v.bound[i] = c.own, c.count, c.bound
			continue
		}
		acc := a.newAccum()
		n, b := a.rollup(l.regions, u, &acc)
		if acc.overflow {
			// Rare: a rolled-up figure beyond int64. Redo in decimals.
			return l.valuesDecimal(s, units, window)
		}
		v.count[i], v.bound[i] = int32(n), b
		if v.dec == nil {
			v.sums[i] = acc.sum
		} else {
			v.dec[i] = acc.value()
		}
	}
	return v, nil
}

func (l *Ledger) valuesDecimal(s *series, units Selection, window Period) (Values, error) {
	a := s.aggregate(l.regions, window)
	defer a.release()
	a.toDecimal()
	v := Values{sel: units, unit: s.ind.Unit, count: make([]int32, len(units.ids)),
		bound: make([]bound, len(units.ids)), dec: make([]decimal.Decimal, len(units.ids))}
	for i, u := range units.ids {
		acc := a.newAccum()
		n, b := a.rollup(l.regions, u, &acc)
		v.count[i], v.bound[i], v.dec[i] = int32(n), b, acc.value()
	}
	return v, nil
}

func (l *Ledger) lookupSeries(indicator string) (*series, error) {
	i, ok := l.byCode[indicator]
	if !ok {
		return nil, fmt.Errorf("outcome: indicator %q: %w", indicator, ErrUnknownIndicator)
	}
	return l.series[i], nil
}

// Values holds one figure per unit of a [Selection]. The zero value is empty.
type Values struct {
	sel   Selection
	unit  Unit
	exp   int32
	sums  []int64           // value = sums[i] × 10^exp, unless dec is set
	dec   []decimal.Decimal // used when figures do not fit int64
	count []int32
	bound []bound
}

// Len returns the number of units.
func (v Values) Len() int { return len(v.count) }

// Region returns the i-th unit.
func (v Values) Region(i int) Region { return v.sel.At(i) }

// Unit returns the indicator's unit.
func (v Values) Unit() Unit { return v.unit }

// Has reports whether any record counted for unit i.
func (v Values) Has(i int) bool { return v.count[i] > 0 }

// Records returns how many records counted for unit i.
func (v Values) Records(i int) int { return int(v.count[i]) }

// Certainty returns the certainty of unit i's figure.
func (v Values) Certainty(i int) Certainty { return v.bound[i].certainty() }

// Bounds returns the values unit i's true figure may take.
func (v Values) Bounds(i int) Bounds {
	if v.count[i] == 0 {
		return Bounds{}
	}
	return v.bound[i].bounds(v.Value(i))
}

// IsExact reports whether unit i's figure rests on exact records only: its
// value is its true value.
func (v Values) IsExact(i int) bool { return v.bound[i] == 0 }

// Value returns unit i's figure (0 when it has none).
func (v Values) Value(i int) decimal.Decimal {
	if v.dec != nil {
		return v.dec[i]
	}
	return newDecimal(v.sums[i], v.exp)
}

// smallInts holds the decimals 0 to 63. Decimals are immutable, so sharing
// them saves an allocation for the most common figures.
var smallInts = func() (t [64]decimal.Decimal) {
	for i := range t {
		t[i] = decimal.NewFromInt(int64(i))
	}
	return t
}()

// newDecimal returns coef × 10^exp.
func newDecimal(coef int64, exp int32) decimal.Decimal {
	if exp == 0 && coef >= 0 && coef < int64(len(smallInts)) {
		return smallInts[coef]
	}
	return decimal.New(coef, exp)
}

// CmpFunc returns a function that compares unit i's figure with k, as
// [decimal.Decimal.Cmp] does; it converts k once, so it is the fast way to
// check every unit against a threshold.
func (v Values) CmpFunc(k decimal.Decimal) func(i int) int {
	if v.dec == nil {
		if kk, ok := scaleTo(k, v.exp); ok {
			return func(i int) int {
				switch s := v.sums[i]; {
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

// scaleTo returns k as an integer count of 10^exp, if it is one and fits.
func scaleTo(k decimal.Decimal, exp int32) (int64, bool) {
	c, e, ok := split(k)
	if !ok || e < exp || e-exp > 18 {
		return 0, false
	}
	return mulPow10(c, e-exp)
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func mulPow10(c int64, e int32) (int64, bool) {
	if e < 0 || e > 18 {
		return 0, false
	}
	p := pow10[e]
	if c > math.MaxInt64/p || c < math.MinInt64/p {
		return 0, false
	}
	return c * p, true
}

// aggregation is an indicator's figure per region position over a window,
// before roll-up: the sum of its own counted records. A region's sum, count
// and certainty sit side by side, so adding a row touches one cache line.
type aggregation struct {
	exp   int32
	cells []cell
	dec   []decimal.Decimal // set when a figure overflowed int64: the sums, instead of cell.own
}

type cell struct {
	own   int64 // the sum × 10^-exp
	count int32 // records counted
	bound bound
}

// counted calls fn for every row that counts in window: each flow or entry
// row inside it; for a stock, each region's latest row ending by window's
// end.
func (s *series) counted(nregions int, window Period, fn func(row int32)) {
	n := int32(len(s.region))
	if s.ind.Aggregation != Stock { // flows and entries add up within the window
		in := s.period.matching(func(p Period) bool { return p.start >= window.start && p.end <= window.end })
		if ids := s.period.ids16; ids != nil {
			for row, id := range ids {
				if in[id] {
					fn(int32(row))
				}
			}
			return
		}
		for row := range n {
			if in[s.period.id(row)] {
				fn(row)
			}
		}
		return
	}
	best := makeLarge[int32](nregions, nregions)
	for row := range n {
		p := s.period.at(row)
		if p.end > window.end {
			continue
		}
		r := s.region[row]
		b := best[r] - 1
		if b < 0 {
			best[r] = row + 1
			continue
		}
		if q := s.period.at(b); p.end > q.end || p.end == q.end && p.start >= q.start {
			best[r] = row + 1
		}
	}
	for _, b := range best {
		if b > 0 {
			fn(b - 1)
		}
	}
}

// countedSpan returns how many rows of a flow or entries count in window
// and the last day of the newest, from one pass over the period column; 0
// for a stock.
func (s *series) countedSpan(window Period) (int, int32) {
	if s.ind.Aggregation == Stock {
		return 0, 0
	}
	perID := make([]int, len(s.period.table))
	if ids := s.period.ids16; ids != nil {
		for _, id := range ids {
			perID[id]++
		}
	} else {
		for _, id := range s.period.ids32 {
			perID[id]++
		}
	}
	n, latest := 0, int32(minDay)
	for id, p := range s.period.table {
		if perID[id] > 0 && p.start >= window.start && p.end <= window.end {
			n += perID[id]
			latest = max(latest, p.end)
		}
	}
	return n, latest
}

func (s *series) bound(row int32) bound {
	if s.qual == nil {
		return 0
	}
	return boundOf(s.qual[row])
}

// cellPool keeps the cells of finished aggregations: a national region set
// needs tens of megabytes of them per query, and memory used before is far
// cheaper to clear than fresh memory is to touch.
var cellPool sync.Pool

func (s *series) aggregate(rs *RegionSet, window Period) *aggregation {
	n := rs.Len()
	a := &aggregation{exp: s.minExp}
	if c, ok := cellPool.Get().(*[]cell); ok && cap(*c) >= n {
		a.cells = (*c)[:n]
		clear(a.cells)
	} else {
		a.cells = makeLarge[cell](n, n)
	}
	if s.addPlain(a, window) {
		return a
	}
	overflow := s.big != nil
	if !overflow {
		s.counted(n, window, func(row int32) {
			c, ok := mulPow10(s.coef.at(row), int32(lazyAt(s.exp, row))-a.exp)
			g := &a.cells[s.region[row]]
			sum := g.own + c
			if !ok || sum < g.own { // values are never negative
				overflow = true
			}
			g.own = sum
			g.count++
			g.bound |= s.bound(row)
		})
	}
	if overflow {
		clear(a.cells)
		a.dec = make([]decimal.Decimal, n)
		s.counted(n, window, func(row int32) {
			r := s.region[row]
			a.dec[r] = a.dec[r].Add(s.value(row))
			a.cells[r].count++
			a.cells[r].bound |= s.bound(row)
		})
	}
	return a
}

// addPlain adds up a flow or entries whose values are all exact integers
// of four bytes, the common case, in one tight loop; it reports false,
// doing nothing, for any other series. Four-byte values cannot overflow a
// sum of fewer than 2^31 rows. Rows are taken a group at a time, their
// cells loaded first, so that the cache misses of a large region set
// overlap.
func (s *series) addPlain(a *aggregation, window Period) bool {
	ids, coefs := s.period.ids16, s.coef.narrow
	if s.ind.Aggregation == Stock || s.big != nil || s.exp != nil || s.qual != nil || ids == nil || coefs == nil {
		return false
	}
	in := s.period.matching(func(p Period) bool { return p.start >= window.start && p.end <= window.end })
	addPlainRows(a.cells, s.region, ids, coefs, in)
	return true
}

// addPlainRows adds the rows counted (in, by period id) into their regions'
// cells. One goroutine does it: the time goes in cache misses, and
// splitting the regions between goroutines was measured not to pay. A
// program runs its targets side by side instead.
func addPlainRows(cells []cell, regions []int32, ids []uint16, coefs []int32, in []bool) {
	var sink int32
	const group = 16
	for g := 0; g < len(regions); g += group {
		end := min(g+group, len(regions))
		for _, r := range regions[g:end] {
			sink += cells[r].count
		}
		for i := g; i < end; i++ {
			if in[ids[i]] {
				c := &cells[regions[i]]
				c.own += int64(coefs[i])
				c.count++
			}
		}
	}
	runtime.KeepAlive(sink) // the loads above are made for their effect on the cache
}

// release hands a's cells back for the next aggregation; a is not used
// after.
func (a *aggregation) release() {
	if a.cells != nil {
		cells := a.cells // the pool holds its own pointer: a is not shared
		cellPool.Put(&cells)
		a.cells = nil
	}
}

// toDecimal switches a to decimal figures.
func (a *aggregation) toDecimal() {
	if a.dec != nil {
		return
	}
	a.dec = make([]decimal.Decimal, len(a.cells))
	for i, c := range a.cells {
		if c.count > 0 {
			a.dec[i] = decimal.New(c.own, a.exp)
		}
	}
}

// accum adds rolled-up figures, in int64 while they fit.
type accum struct {
	exp      int32
	sum      int64
	dec      decimal.Decimal
	decimal  bool
	overflow bool
}

// usedRows calls fn for every row a roll-up over the positions lo to hi
// uses: the counted rows of the regions with records that no ancestor
// within the range already covers.
func (s *series) usedRows(rs *RegionSet, a *aggregation, window Period, lo, hi int32, fn func(row int32)) {
	used := makeLarge[bool](rs.Len(), rs.Len())
	for u := lo; u < hi; {
		if a.cells[u].count > 0 {
			used[u] = true
			u = rs.end[u]
			continue
		}
		u++
	}
	s.counted(rs.Len(), window, func(row int32) {
		if used[s.region[row]] {
			fn(row)
		}
	})
}

func (a *aggregation) newAccum() accum { return accum{exp: a.exp, decimal: a.dec != nil} }

func (c *accum) value() decimal.Decimal {
	if c.decimal {
		return c.dec
	}
	return decimal.New(c.sum, c.exp)
}

// rollup adds the figure of the region at position u to acc: its own when it
// has records, else its children's, recursively. It returns how many records
// were used and their joined bound.
func (a *aggregation) rollup(rs *RegionSet, u int32, acc *accum) (int, bound) {
	records, b := 0, bound(0)
	for i, end := u, rs.end[u]; i < end; {
		c := &a.cells[i]
		if c.count == 0 {
			i++
			continue
		}
		records += int(c.count)
		b |= c.bound
		if acc.decimal {
			acc.dec = acc.dec.Add(a.dec[i])
		} else {
			s := acc.sum + c.own
			if s < acc.sum {
				acc.overflow = true
			}
			acc.sum = s
		}
		i = rs.end[i]
	}
	return records, b
}
