package colstore

import (
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/column"
)

// Aggregation is a series' figure per region position over a window,
// before roll-up: the sum of its own counted records. A region's sum, count
// and bound sit side by side, so adding a row touches one cache line.
type Aggregation struct {
	Exp   int32
	Cells []Cell
	Dec   []decimal.Decimal // set when a figure overflowed int64: the sums, instead of Cell.Own
	Plan  Plan              // flows and entries: the rows that count

	// Set when the newest period counted in each region is tracked
	// (Cell.Newest): rank holds, by period id, 1 + the place of the
	// period's end among the distinct ends of the table, which Ends lists
	// in order.
	rank []uint16
	Ends []int32

	// Stocks.
	Best   []int32 // by position, row+1 of the region's own row that counts; 0 for none
	Passed []int32 // rows passed over for newer detail, by position

	// Flows: the rows of descendants on days a region's own rows do not
	// cover, added to its cell (foldDisjoint), by the region's position.
	Folded map[int32][]int32
	// Uncovered holds the flow rows left out that hold days no counted row
	// covers, each with the region whose figure they may add to: a
	// region's row overlapping its counted ones only in part (March to
	// August beside a counted first half), or a descendant's beside the
	// region's own that stood (a county's year beside its province's first
	// half).
	Uncovered []RowAt
	Newest    []int32 // by position, the last day of the newest row among the descendants; nil unless passOver ran
}

// RowAt is a row and the position of the region it belongs to.
type RowAt struct{ Row, At int32 }

// UncoveredIn calls fn for each row of a.Uncovered whose region lies at
// positions lo to hi and is reached by a roll-up from lo.
func (a *Aggregation) UncoveredIn(rs Tree, lo, hi int32, fn func(row int32)) {
	for _, u := range a.Uncovered {
		if lo <= u.At && u.At < hi && a.Cells[u.At].Count > 0 && a.reached(rs, u.At, lo) {
			fn(u.Row)
		}
	}
}

// UncoveredUnits is UncoveredIn for each of units, positions of regions
// each rolled up alone: fn gets the index in units of each unit whose
// figure a row of a.Uncovered may add to.
func (a *Aggregation) UncoveredUnits(rs Tree, units []int32, fn func(k int, row int32)) {
	if len(a.Uncovered) == 0 {
		return
	}
	at := newUnitIndex(units)
	for _, u := range a.Uncovered {
		if a.Cells[u.At].Count == 0 {
			continue
		}
		at.holding(rs, u.At, func(unit int32) {
			if a.reached(rs, u.At, unit) {
				for _, k := range at[unit] {
					fn(k, u.Row)
				}
			}
		})
	}
}

// Cell is a region's figure in an aggregation: its own records' sum,
// before roll-up.
type Cell struct {
	Own   int64 // the sum × 10^-Exp
	Count int32 // records counted
	Bound uint8 // the bound bits of their qualifiers, joined
	// Newest is the rank (Aggregation.rank) of the newest period counted,
	// 0 for none, when ranks are tracked. It fits in what would be the
	// cell's padding.
	Newest uint16
}

// addStock counts, for every region, its latest row ending by window's
// end, and lets the newest figure win when a region with a row of its own
// has descendants with rows.
func (s *Series) addStock(rs Tree, window Span, a *Aggregation) {
	n := rs.Len()
	best := make([]int32, n)
	for row := range int32(len(s.Region)) {
		p := s.Period.At(row)
		if p.End > window.End {
			continue
		}
		r := s.Region[row]
		b := best[r] - 1
		if b < 0 {
			best[r] = row + 1
			continue
		}
		if q := s.Period.At(b); p.End > q.End || p.End == q.End && p.Start >= q.Start {
			best[r] = row + 1
		}
	}
	a.Best = best
	nested, end := false, rs.End
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
func (s *Series) CountedSpan(a *Aggregation) (int, int32) {
	if s.Kind == Stock || len(a.Plan.leftOut) > 0 {
		return 0, 0
	}
	perID := make([]int, len(s.Period.Table))
	if ids := s.Period.ids16; ids != nil {
		for _, id := range ids {
			perID[id]++
		}
	} else {
		for _, id := range s.Period.ids32 {
			perID[id]++
		}
	}
	n, latest := 0, int32(MinDay)
	for id, p := range s.Period.Table {
		if perID[id] > 0 && (a.Plan.in[id] || a.Plan.rank != nil && a.Plan.rank[id] >= 0) {
			n += perID[id]
			latest = max(latest, p.End)
		}
	}
	return n, latest
}

// cellPool keeps the cells of finished aggregations: a national region set
// needs tens of megabytes of them per query, and memory used before is far
// cheaper to clear than fresh memory is to touch.
var cellPool sync.Pool

// aggregate adds up s's counted records in window by region.
func (s *Series) Aggregate(rs Tree, window Span) *Aggregation {
	return s.AggregateNewest(rs, window, false)
}

// aggregateNewest is aggregate; with newest, the cells also track the
// newest period counted, when the periods can be ranked in two bytes.
func (s *Series) AggregateNewest(rs Tree, window Span, newest bool) *Aggregation {
	n := rs.Len()
	a := &Aggregation{Exp: s.MinExp}
	if newest && s.Period.ids32 == nil {
		a.rank, a.Ends = periodRanks(s.Period.Table)
	}
	if c, ok := cellPool.Get().(*[]Cell); ok && cap(*c) >= n {
		a.Cells = (*c)[:n]
		clear(a.Cells)
	} else {
		a.Cells = make([]Cell, n)
		// Fresh memory is mapped on first touch. Touched in order here, a
		// page at a time, it costs a tenth of what the scattered adds
		// below would pay, faulting pages in at random while other
		// goroutines fault too.
		clear(a.Cells)
	}
	if s.Kind == Stock {
		s.addStock(rs, window, a)
		return a
	}
	a.Plan = s.plan(window, n)
	if !s.addPlain(a) {
		s.addRows(a, func(fn func(row int32)) { s.Each(&a.Plan, fn) })
	}
	for _, row := range a.Plan.partial {
		a.Uncovered = append(a.Uncovered, RowAt{row, s.Region[row]})
	}
	if s.Kind == Flow {
		s.foldDisjoint(rs, a)
	}
	return a
}

// addRows adds the rows each yields into their regions' cells, in int64
// while the sums fit and in decimals otherwise.
func (s *Series) addRows(a *Aggregation, each func(fn func(row int32))) {
	overflow := s.Big != nil
	rank, ids := a.rank, s.Period.ids16
	if !overflow {
		each(func(row int32) {
			c, ok := mulPow10(s.Coef.At(row), int32(column.LazyAt(s.Exp, row))-a.Exp)
			g := &a.Cells[s.Region[row]]
			sum := g.Own + c
			if !ok || sum < g.Own { // values are never negative
				overflow = true
			}
			g.Own = sum
			g.Count++
			g.Bound |= s.Bound(row)
			if rank != nil {
				g.Newest = max(g.Newest, rank[ids[row]])
			}
		})
	}
	if overflow {
		clear(a.Cells)
		a.Dec = make([]decimal.Decimal, len(a.Cells))
		each(func(row int32) {
			r := s.Region[row]
			a.Dec[r] = a.Dec[r].Add(s.ValueAt(row))
			g := &a.Cells[r]
			g.Count++
			g.Bound |= s.Bound(row)
			if rank != nil {
				g.Newest = max(g.Newest, rank[ids[row]])
			}
		})
	}
}

// addPlain adds up a flow or entries whose values are all exact integers
// of four bytes, the common case, in one tight loop; it reports false,
// doing nothing, for any other Series. Four-byte values cannot overflow a
// sum of fewer than 2^31 rows. Rows are taken a group at a time, their
// cells loaded first, so that the cache misses of a large region set
// overlap.
func (s *Series) addPlain(a *Aggregation) bool {
	ids, coefs := s.Period.ids16, s.Coef.Narrow()
	if s.Kind == Stock || s.Big != nil || s.Exp != nil || s.Qual != nil || ids == nil || coefs == nil {
		return false
	}
	if a.rank == nil {
		addPlainRows(a.Cells, s.Region, ids, coefs, a.Plan.in)
	} else {
		// in, with each period's rank in place of true.
		in := make([]uint16, len(a.Plan.in))
		for id, ok := range a.Plan.in {
			if ok {
				in[id] = a.rank[id]
			}
		}
		addPlainRowsNewest(a.Cells, s.Region, ids, coefs, in)
	}
	for _, row := range a.Plan.kept {
		c := &a.Cells[s.Region[row]]
		c.Own += int64(coefs[row])
		c.Count++
		if a.rank != nil {
			c.Newest = max(c.Newest, a.rank[ids[row]])
		}
	}
	return true
}

// addPlainRows adds the rows counted (in, by period id) into their regions'
// cells. One goroutine does it: the time goes in cache misses, and
// splitting the regions between goroutines was measured not to pay. A
// program runs its targets side by side instead.
func addPlainRows(cells []Cell, regions []int32, ids []uint16, coefs []int32, in []bool) {
	var sink int32
	const group = 16
	for g := 0; g < len(regions); g += group {
		end := min(g+group, len(regions))
		for _, r := range regions[g:end] {
			sink += cells[r].Count
		}
		for i := g; i < end; i++ {
			if in[ids[i]] {
				c := &cells[regions[i]]
				c.Own += int64(coefs[i])
				c.Count++
			}
		}
	}
	runtime.KeepAlive(sink) // the loads above are made for their effect on the cache
}

// addPlainRowsNewest is addPlainRows, for in holding the rank of each
// period counted, 0 for the others: it keeps the greatest rank counted in
// each Cell as its newest.
func addPlainRowsNewest(cells []Cell, regions []int32, ids []uint16, coefs []int32, in []uint16) {
	var sink int32
	const group = 16
	for g := 0; g < len(regions); g += group {
		end := min(g+group, len(regions))
		for _, r := range regions[g:end] {
			sink += cells[r].Count
		}
		for i := g; i < end; i++ {
			if rk := in[ids[i]]; rk != 0 {
				c := &cells[regions[i]]
				c.Own += int64(coefs[i])
				c.Count++
				c.Newest = max(c.Newest, rk)
			}
		}
	}
	runtime.KeepAlive(sink)
}

// release hands a's cells back for the next Aggregation; a is not used
// after.
func (a *Aggregation) Release() {
	if a.Cells != nil {
		cells := a.Cells // the pool holds its own pointer: a is not shared
		cellPool.Put(&cells)
		a.Cells = nil
	}
}

// toDecimal switches a to decimal figures.
func (a *Aggregation) ToDecimal() {
	if a.Dec != nil {
		return
	}
	a.Dec = make([]decimal.Decimal, len(a.Cells))
	for i, c := range a.Cells {
		if c.Count > 0 {
			a.Dec[i] = decimal.New(c.Own, a.Exp)
		}
	}
}

// Accum adds rolled-up figures, in int64 while they fit.
type Accum struct {
	exp      int32
	Sum      int64
	Dec      decimal.Decimal
	decimal  bool
	Overflow bool // a sum beyond int64: aggregate again after ToDecimal
}

// usedRows calls fn for every row a roll-up over the positions lo to hi
// uses: the counted rows of the regions with records that no ancestor
// within the range already covers.
func (s *Series) UsedRows(rs Tree, a *Aggregation, lo, hi int32, fn func(row int32)) {
	var roots []int32
	for u := lo; u < hi; u = rs.End[u] {
		roots = append(roots, u)
	}
	s.UsedBy(rs, a, roots, fn)
}

// usedBy calls fn for every row the roll-ups of the regions at the
// positions roots use. Where roots nest, each has its own roll-up (a
// county's own figure hides its villages', not from the villages), and a
// stock's row may be called for more than once.
func (s *Series) UsedBy(rs Tree, a *Aggregation, roots []int32, fn func(row int32)) {
	var used []bool
	if s.Kind != Stock {
		used = make([]bool, rs.Len())
	}
	for _, root := range roots {
		for u, end := root, rs.End[root]; u < end; {
			if a.Cells[u].Count == 0 {
				u++
				continue
			}
			if used == nil {
				fn(a.Best[u] - 1) // a stock's region counts one row
			} else {
				used[u] = true
			}
			u = rs.End[u]
		}
	}
	if used != nil {
		s.Each(&a.Plan, func(row int32) {
			if used[s.Region[row]] {
				fn(row)
			}
		})
		for u, rows := range a.Folded {
			if used[u] {
				for _, row := range rows {
					fn(row)
				}
			}
		}
	}
}

func (a *Aggregation) NewAccum() Accum { return Accum{exp: a.Exp, decimal: a.Dec != nil} }

func (c *Accum) Value() decimal.Decimal {
	if c.decimal {
		return c.Dec
	}
	return decimal.New(c.Sum, c.exp)
}

// rollup adds the figure of the region at position u to acc: its own when it
// has records, else its children's, recursively. It returns how many records
// were used and their joined uint8.
func (a *Aggregation) Rollup(rs Tree, u int32, acc *Accum) (int, uint8) {
	records, b, _ := a.RollupNewest(rs, u, acc)
	return records, b
}

// rollupNewest is rollup, also returning the greatest newest of the cells
// used.
func (a *Aggregation) RollupNewest(rs Tree, u int32, acc *Accum) (int, uint8, uint16) {
	records, b, newest := 0, uint8(0), uint16(0)
	for i, end := u, rs.End[u]; i < end; {
		c := &a.Cells[i]
		if c.Count == 0 {
			i++
			continue
		}
		records += int(c.Count)
		b |= c.Bound
		newest = max(newest, c.Newest)
		if acc.decimal {
			acc.Dec = acc.Dec.Add(a.Dec[i])
		} else {
			s := acc.Sum + c.Own
			if s < acc.Sum {
				acc.Overflow = true
			}
			acc.Sum = s
		}
		i = rs.End[i]
	}
	return records, b, newest
}

// periodRanks ranks the periods of table by their last day: rank[id] is 1
// + the place of the period's end among the distinct ends, which ends
// lists in order. Both are nil when there are more distinct ends than two
// bytes can rank.
func periodRanks(table []Span) (rank []uint16, ends []int32) {
	ends = make([]int32, len(table))
	sorted := true
	for id, p := range table {
		ends[id] = p.End
		if id > 0 && p.End < ends[id-1] {
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
		i, _ := slices.BinarySearch(ends, p.End)
		rank[id] = uint16(i + 1)
	}
	return rank, ends
}
