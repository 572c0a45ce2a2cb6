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

	"github.com/taizhang/taizhang/internal/column"
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
	// LeftOut counts the flow records inside the window that were not
	// added because a coarser record that counts overlaps them: the
	// quarters of a year whose 全年合计 counts, the years within a
	// cumulative figure. 0 when no record overlaps another.
	LeftOut int
	// Passed lists the stock records passed over for newer detail: a
	// region's own figure older than the newest record among its
	// descendants, whose figures count instead (全国 2019年末 52个, passed
	// over for the counties' 2020 records). At most 100 are listed, by
	// region; PassedCount counts them all. Both are zero when nothing was
	// passed over.
	Passed      []Record
	PassedCount int
	qual        Qualifier // the qualifier of the one record used
	bound       bound     // joined from the qualifiers of the records used
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
// record's qualifier (5000余名); a sum of several states its bounds: 余 when
// it is more than its value (40 + 30余 is 70余), 以上 when at least it, 不到
// when less than it, 约 when its records bound it both ways.
func (s Sum) Quantity() Quantity {
	if s.Records == 1 {
		return Quantity{value: s.Value, unit: s.Unit, qual: s.qual}
	}
	return Quantity{value: s.Value, unit: s.Unit, qual: s.Bounds().Qualifier()}
}

// Total returns the aggregate of indicator over region ("" for every root of
// the region set) within window.
//
// Flows add up within the window. For a [Flow] or [Entries] the records
// whose period lies within window add up; a record that straddles a window
// boundary is left out, since it cannot be split.
//
// No day is counted twice. Where a region's records of a [Flow] inside the
// window overlap in time, the coarsest counts and finer ones fill only what
// no coarser one covers: taken longest first (of equal length, the earlier
// start first), a record counts when it overlaps no record counted before,
// and is left out otherwise, whether it lies wholly or partly within one
// counted. So an office's 全年合计 row is its own total: four quarters of
// 42, 51, 38 and 45 with a 合计 of 176 give 176 for 2019, not 352. A
// cumulative figure (2005-/2019) counts for a window it lies in, instead of
// the yearly figures it holds, never added to them; for a window of 2018 to
// 2019 alone, in which it does not lie, the years count. [Sum.LeftOut]
// counts the records left out; [Ledger.Discrepancies] reports finer records
// that disagree with the one that counts. [Entries] are events, not figures
// of a period: two equal rows are two events, and none is left out for
// overlapping another.
//
// The newest figure wins. For a [Stock] only window's end matters: a
// region's latest record ending on or before it is its own figure. That
// figure counts only when it is at least as recent (by its period's end) as
// the newest such record among the region's descendants; otherwise their
// figures, rolled up, count and the own one is passed over
// ([Sum.Passed]). The rule holds at every level: the nation's end-2019
// count of 52 poor counties gives way, as of 2020-12-31, to the counties'
// 2020 records; a province's 2012 total does not hide its counties' 2019
// records; a county whose own figure is newer than its villages' keeps it.
// On a tie the own figure counts, and [Ledger.Discrepancies] reports it if
// the descendants' figures add up to another.
//
// Roll-up: a region's figure is its own when it has one that counts, and
// otherwise the sum of its children's figures, recursively. A province's own
// figure is taken to include its counties'; they are never added to it.
func (l *Ledger) Total(indicator, region string, window Period) (Sum, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, lo, hi, err := l.query("total", indicator, region)
	if err != nil {
		return Sum{}, err
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
			if n, latest := s.countedSpan(a); out.Records > 1 && n == out.Records {
				// Every row counted is used: the newest is the newest counted.
				out.Latest = dateOf(latest)
			} else if out.Records > 0 {
				latest := int32(minDay)
				s.usedRows(l.regions, a, lo, hi, func(row int32) {
					latest = max(latest, s.period.at(row).end)
					out.qual = column.LazyAt(s.qual, row) // kept when there is one record
				})
				out.Latest = dateOf(latest)
				if out.Records > 1 {
					out.qual = 0
				}
			}
			s.evidence(l, a, lo, hi, &out)
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
	s, lo, hi, err := l.query("records", indicator, region)
	if err != nil {
		return nil, err
	}
	var out []Record
	a := s.aggregate(l.regions, window)
	defer a.release()
	s.usedRows(l.regions, a, lo, hi, func(row int32) {
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
	a := s.aggregateNewest(l.regions, window, true)
	defer a.release()
	v := &values{sel: units, unit: s.ind.Unit, exp: a.exp,
		count: make([]int32, len(units.ids)), bound: make([]bound, len(units.ids))}
	if a.dec == nil {
		v.sums = make([]int64, len(units.ids))
	} else {
		v.dec = make([]decimal.Decimal, len(units.ids))
	}
	end := l.regions.end
	newest := uint16(0) // the rank of the newest period behind any unit's figure
	for i, u := range units.ids {
		if a.dec == nil && end[u] == u+1 {
			// A leaf (a village): its figure is its own.
			c := &a.cells[u]
			v.sums[i], v.count[i], v.bound[i] = c.own, c.count, c.bound
			newest = max(newest, c.newest)
			continue
		}
		acc := a.newAccum()
		n, b, nw := a.rollupNewest(l.regions, u, &acc)
		if acc.overflow {
			// Rare: a rolled-up figure beyond int64. Redo in decimals.
			return l.valuesDecimal(s, units, window)
		}
		v.count[i], v.bound[i] = int32(n), b
		newest = max(newest, nw)
		if v.dec == nil {
			v.sums[i] = acc.sum
		} else {
			v.dec[i] = acc.value()
		}
	}
	v.setLatest(l, s, a, window, newest)
	return Values{v}, nil
}

// setLatest sets how v finds its Latest: from newest, the rank of the
// newest period behind the units' figures, when a ranked its periods, and
// otherwise by a scan when first asked.
func (v *values) setLatest(l *Ledger, s *series, a *aggregation, window Period, newest uint16) {
	switch {
	case a.ends == nil:
		v.scan = &latestScan{l: l, s: s, rows: len(s.region), window: window}
	case newest > 0:
		v.latest = a.ends[newest-1]
	default:
		v.latest = minDay
	}
}

func (l *Ledger) valuesDecimal(s *series, units Selection, window Period) (Values, error) {
	a := s.aggregateNewest(l.regions, window, true)
	defer a.release()
	a.toDecimal()
	v := &values{sel: units, unit: s.ind.Unit, count: make([]int32, len(units.ids)),
		bound: make([]bound, len(units.ids)), dec: make([]decimal.Decimal, len(units.ids))}
	newest := uint16(0)
	for i, u := range units.ids {
		acc := a.newAccum()
		n, b, nw := a.rollupNewest(l.regions, u, &acc)
		v.count[i], v.bound[i], v.dec[i] = int32(n), b, acc.value()
		newest = max(newest, nw)
	}
	v.setLatest(l, s, a, window, newest)
	return Values{v}, nil
}

// query finds the series of indicator and the positions lo to hi of region
// ("" for the whole set), or says why not: what names the question, for the
// error.
func (l *Ledger) query(what, indicator, region string) (s *series, lo, hi int32, err error) {
	if s, err = l.lookupSeries(indicator); err != nil {
		return nil, 0, 0, err
	}
	lo, hi, ok := l.regions.subtree(region)
	if !ok {
		return nil, 0, 0, fmt.Errorf("outcome: %s of %s in %s: %w", what, indicator, region, ErrUnknownRegion)
	}
	return s, lo, hi, nil
}

func (l *Ledger) lookupSeries(indicator string) (*series, error) {
	i, ok := l.byCode[indicator]
	if !ok {
		return nil, fmt.Errorf("outcome: indicator %q: %w", indicator, ErrUnknownIndicator)
	}
	return l.series[i], nil
}

// Values holds one figure per unit of a [Selection]. The zero value is empty.
//
// It is a handle to the figures, one pointer, so that a loop over the units
// calling its methods keeps it in a register rather than copying a dozen
// words for each call.
type Values struct{ p *values }

type values struct {
	sel   Selection
	unit  Unit
	exp   int32
	sums  []int64           // value = sums[i] × 10^exp, unless dec is set
	dec   []decimal.Decimal // used when figures do not fit int64
	count []int32
	bound []bound
	// latest is the last day of the newest record behind the units'
	// figures, minDay for none, unless scan is set: then it is found when
	// first asked.
	latest int32
	scan   *latestScan
}

// Latest returns the last day of the newest record behind any unit's
// figure: of the records [Ledger.Used] would give for the units one by
// one, the one that ends last; the zero time when no unit has a figure.
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
		d = v.p.scan.latest(v.p.sel.ids)
	}
	if d != minDay {
		return dateOf(d)
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
func (v Values) Unit() Unit {
	if v.p == nil {
		return 0
	}
	return v.p.unit
}

// Has reports whether any record counted for unit i.
func (v Values) Has(i int) bool { return v.p.count[i] > 0 }

// Records returns how many records counted for unit i.
func (v Values) Records(i int) int { return int(v.p.count[i]) }

// Certainty returns the certainty of unit i's figure.
func (v Values) Certainty(i int) Certainty { return v.p.bound[i].certainty() }

// Bounds returns the values unit i's true figure may take.
func (v Values) Bounds(i int) Bounds {
	if v.p.count[i] == 0 {
		return Bounds{}
	}
	return v.p.bound[i].bounds(v.Value(i))
}

// IsExact reports whether unit i's figure rests on exact records only: its
// value is its true value.
func (v Values) IsExact(i int) bool { return v.p.bound[i] == 0 }

// Value returns unit i's figure (0 when it has none).
func (v Values) Value(i int) decimal.Decimal {
	if v.p.dec != nil {
		return v.p.dec[i]
	}
	return newDecimal(v.p.sums[i], v.p.exp)
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
	if p := v.p; p != nil && p.dec == nil {
		if kk, ok := scaleTo(k, p.exp); ok {
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
	plan  flowPlan          // flows and entries: the rows that count

	// Set when the newest period counted in each region is tracked
	// (cell.newest): rank holds, by period id, 1 + the place of the
	// period's end among the distinct ends of the table, which ends lists
	// in order.
	rank []uint16
	ends []int32

	// Stocks.
	best   []int32 // by position, row+1 of the region's own row that counts; 0 for none
	passed []int32 // rows passed over for newer detail, by position
	newest []int32 // by position, the last day of the newest row among the descendants; nil unless passOver ran
}

type cell struct {
	own   int64 // the sum × 10^-exp
	count int32 // records counted
	bound bound
	// newest is the rank (aggregation.rank) of the newest period counted,
	// 0 for none, when ranks are tracked. It fits in what would be the
	// cell's padding.
	newest uint16
}

// addStock counts, for every region, its latest row ending by window's
// end, and lets the newest figure win when a region with a row of its own
// has descendants with rows.
func (s *series) addStock(rs *RegionSet, window Period, a *aggregation) {
	n := rs.Len()
	best := make([]int32, n)
	for row := range int32(len(s.region)) {
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
	a.best = best
	nested, end := false, rs.end
	s.addRows(a, func(fn func(row int32)) {
		reach := int32(0) // one past the last descendant of the regions with a row so far
		for r, b := range best {
			if b > 0 {
				// Depth-first order: a region lies below an earlier one exactly
				// when it comes before that one's end.
				if int32(r) < reach {
					nested = true
				}
				reach = max(reach, end[r])
				fn(b - 1)
			}
		}
	})
	if nested {
		s.passOver(rs, a)
	}
}

// countedSpan returns how many rows of a flow or entries count in a's
// window and the last day of the newest, from one pass over the period
// column; 0 for a stock, or when some rows inside the window are left out
// for overlapping others.
func (s *series) countedSpan(a *aggregation) (int, int32) {
	if s.ind.Aggregation == Stock || len(a.plan.leftOut) > 0 {
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
		if perID[id] > 0 && (a.plan.in[id] || a.plan.rank != nil && a.plan.rank[id] >= 0) {
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

// aggregate adds up s's counted records in window by region.
func (s *series) aggregate(rs *RegionSet, window Period) *aggregation {
	return s.aggregateNewest(rs, window, false)
}

// aggregateNewest is aggregate; with newest, the cells also track the
// newest period counted, when the periods can be ranked in two bytes.
func (s *series) aggregateNewest(rs *RegionSet, window Period, newest bool) *aggregation {
	n := rs.Len()
	a := &aggregation{exp: s.minExp}
	if newest && s.period.ids32 == nil {
		a.rank, a.ends = periodRanks(s.period.table)
	}
	if c, ok := cellPool.Get().(*[]cell); ok && cap(*c) >= n {
		a.cells = (*c)[:n]
		clear(a.cells)
	} else {
		a.cells = make([]cell, n)
	}
	if s.ind.Aggregation == Stock {
		s.addStock(rs, window, a)
		return a
	}
	a.plan = s.plan(window, n)
	if s.addPlain(a) {
		return a
	}
	s.addRows(a, func(fn func(row int32)) { s.each(&a.plan, fn) })
	return a
}

// addRows adds the rows each yields into their regions' cells, in int64
// while the sums fit and in decimals otherwise.
func (s *series) addRows(a *aggregation, each func(fn func(row int32))) {
	overflow := s.big != nil
	rank, ids := a.rank, s.period.ids16
	if !overflow {
		each(func(row int32) {
			c, ok := mulPow10(s.coef.At(row), int32(column.LazyAt(s.exp, row))-a.exp)
			g := &a.cells[s.region[row]]
			sum := g.own + c
			if !ok || sum < g.own { // values are never negative
				overflow = true
			}
			g.own = sum
			g.count++
			g.bound |= s.bound(row)
			if rank != nil {
				g.newest = max(g.newest, rank[ids[row]])
			}
		})
	}
	if overflow {
		clear(a.cells)
		a.dec = make([]decimal.Decimal, len(a.cells))
		each(func(row int32) {
			r := s.region[row]
			a.dec[r] = a.dec[r].Add(s.value(row))
			g := &a.cells[r]
			g.count++
			g.bound |= s.bound(row)
			if rank != nil {
				g.newest = max(g.newest, rank[ids[row]])
			}
		})
	}
}

// addPlain adds up a flow or entries whose values are all exact integers
// of four bytes, the common case, in one tight loop; it reports false,
// doing nothing, for any other series. Four-byte values cannot overflow a
// sum of fewer than 2^31 rows. Rows are taken a group at a time, their
// cells loaded first, so that the cache misses of a large region set
// overlap.
func (s *series) addPlain(a *aggregation) bool {
	ids, coefs := s.period.ids16, s.coef.Narrow()
	if s.ind.Aggregation == Stock || s.big != nil || s.exp != nil || s.qual != nil || ids == nil || coefs == nil {
		return false
	}
	if a.rank == nil {
		addPlainRows(a.cells, s.region, ids, coefs, a.plan.in)
	} else {
		// in, with each period's rank in place of true.
		in := make([]uint16, len(a.plan.in))
		for id, ok := range a.plan.in {
			if ok {
				in[id] = a.rank[id]
			}
		}
		addPlainRowsNewest(a.cells, s.region, ids, coefs, in)
	}
	for _, row := range a.plan.kept {
		c := &a.cells[s.region[row]]
		c.own += int64(coefs[row])
		c.count++
		if a.rank != nil {
			c.newest = max(c.newest, a.rank[ids[row]])
		}
	}
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

// addPlainRowsNewest is addPlainRows, for in holding the rank of each
// period counted, 0 for the others: it keeps the greatest rank counted in
// each cell as its newest.
func addPlainRowsNewest(cells []cell, regions []int32, ids []uint16, coefs []int32, in []uint16) {
	var sink int32
	const group = 16
	for g := 0; g < len(regions); g += group {
		end := min(g+group, len(regions))
		for _, r := range regions[g:end] {
			sink += cells[r].count
		}
		for i := g; i < end; i++ {
			if rk := in[ids[i]]; rk != 0 {
				c := &cells[regions[i]]
				c.own += int64(coefs[i])
				c.count++
				c.newest = max(c.newest, rk)
			}
		}
	}
	runtime.KeepAlive(sink)
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
func (s *series) usedRows(rs *RegionSet, a *aggregation, lo, hi int32, fn func(row int32)) {
	var roots []int32
	for u := lo; u < hi; u = rs.end[u] {
		roots = append(roots, u)
	}
	s.usedBy(rs, a, roots, fn)
}

// usedBy calls fn for every row the roll-ups of the regions at the
// positions roots use. Where roots nest, each has its own roll-up (a
// county's own figure hides its villages', not from the villages), and a
// stock's row may be called for more than once.
func (s *series) usedBy(rs *RegionSet, a *aggregation, roots []int32, fn func(row int32)) {
	var used []bool
	if s.ind.Aggregation != Stock {
		used = make([]bool, rs.Len())
	}
	for _, root := range roots {
		for u, end := root, rs.end[root]; u < end; {
			if a.cells[u].count == 0 {
				u++
				continue
			}
			if used == nil {
				fn(a.best[u] - 1) // a stock's region counts one row
			} else {
				used[u] = true
			}
			u = rs.end[u]
		}
	}
	if used != nil {
		s.each(&a.plan, func(row int32) {
			if used[s.region[row]] {
				fn(row)
			}
		})
	}
}

// evidence sets what out passed over and left out within the positions lo
// to hi.
func (s *series) evidence(l *Ledger, a *aggregation, lo, hi int32, out *Sum) {
	if len(a.plan.leftOut) > 0 {
		out.LeftOut = a.leftOutIn(l.regions, lo, hi)
	}
	if len(a.passed) > 0 {
		var rows []int32
		rows, out.PassedCount = a.passedIn(s, l.regions, lo, hi)
		for _, row := range rows {
			out.Passed = append(out.Passed, s.record(l, row))
		}
		slices.SortFunc(out.Passed, cmpRecords)
	}
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
	records, b, _ := a.rollupNewest(rs, u, acc)
	return records, b
}

// rollupNewest is rollup, also returning the greatest newest of the cells
// used.
func (a *aggregation) rollupNewest(rs *RegionSet, u int32, acc *accum) (int, bound, uint16) {
	records, b, newest := 0, bound(0), uint16(0)
	for i, end := u, rs.end[u]; i < end; {
		c := &a.cells[i]
		if c.count == 0 {
			i++
			continue
		}
		records += int(c.count)
		b |= c.bound
		newest = max(newest, c.newest)
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
	return records, b, newest
}

// periodRanks ranks the periods of table by their last day: rank[id] is 1
// + the place of the period's end among the distinct ends, which ends
// lists in order. Both are nil when there are more distinct ends than two
// bytes can rank.
func periodRanks(table []Period) (rank []uint16, ends []int32) {
	ends = make([]int32, len(table))
	sorted := true
	for id, p := range table {
		ends[id] = p.end
		if id > 0 && p.end < ends[id-1] {
			sorted = false
		}
	}
	if !sorted {
		slices.Sort(ends)
	}
	ends = slices.Compact(ends)
	if len(ends) > math.MaxUint16 {
		return nil, nil
	}
	rank = make([]uint16, len(table))
	for id, p := range table {
		i, _ := slices.BinarySearch(ends, p.end)
		rank[id] = uint16(i + 1)
	}
	return rank, ends
}
