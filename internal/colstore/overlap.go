package colstore

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
)

// This file keeps a flow from counting a day twice and lets a stock's
// newest figure win at whatever level it was reported: the rules written on
// the ledger's Total. Both cost nothing in the common case. A flow's distinct
// periods are a small table; only when two of those inside the window
// overlap are rows looked at one by one, and only the rows of those
// periods. A stock's figures are compared across levels only when a region
// with a figure of its own has a descendant with one.

// Plan says which rows of a flow, or of entries, count in a window.
type Plan struct {
	// in holds, by period id, the periods inside the window that overlap
	// no other period inside it: their rows count, every one.
	in []bool
	// rank is set when some periods inside the window overlap: by period
	// id, the place of such a period in the order in which records are
	// taken (longest first, then the earlier start, then by kind), -1 for
	// the others.
	rank []int32
	// kept holds the rows of overlapping periods that count, by region;
	// leftOut how many such rows are left out, by region; partial the rows
	// left out that hold days no counted row of their region covers.
	kept    []int32
	leftOut []regionCount
	partial []int32
}

// plan decides which rows of s count in window.
func (s *Series) plan(window Span, nregions int) Plan {
	p := Plan{in: s.Period.Inside(window)}
	if s.Kind != Flow {
		return p // entries are events: equal rows are two, and none hides another
	}
	if p.rank = Contested(s.Period.Table, p.in); p.rank == nil {
		return p
	}
	for id, r := range p.rank {
		if r >= 0 {
			p.in[id] = false
		}
	}
	s.resolveOverlaps(&p, nregions)
	return p
}

// contested returns, for the periods of table that in marks, the rank of
// each that overlaps another (see Plan.rank), or nil when none does:
// ledgers mostly hold years, months or days side by side, and then this is
// all that overlap handling costs.
func Contested(table []Span, in []bool) []int32 {
	// Periods mostly come in the order of time: then one look at each tells.
	sorted, last := true, int32(MinDay)
	for id, p := range table {
		if in[id] {
			if p.Start <= last {
				sorted = false
				break
			}
			last = p.End
		}
	}
	if sorted {
		return nil
	}
	var ivs []daySpan
	var ids []int32 // the period of each of ivs
	lo, hi := int32(math.MaxInt32), int32(MinDay)
	for id, p := range table {
		if in[id] {
			ivs, ids = append(ivs, daySpan{p.Start, p.End}), append(ids, int32(id))
			lo, hi = min(lo, p.Start), max(hi, p.End)
		}
	}
	var hit []bool // by index in ivs
	if days := int64(hi) - int64(lo) + 1; len(ivs) > 64 && days <= 8*int64(len(ivs)) {
		hit = overlapsByDay(ivs, lo, int(days))
	} else {
		hit = overlapsBySort(ivs)
	}
	var over []int32
	for i, h := range hit {
		if h {
			over = append(over, ids[i])
		}
	}
	if over == nil {
		return nil
	}
	slices.SortFunc(over, func(a, b int32) int { return takeOrder(table[a], table[b]) })
	rank := make([]int32, len(table))
	for i := range rank {
		rank[i] = -1
	}
	for r, id := range over {
		rank[id] = int32(r)
	}
	return rank
}

// overlapsBySort reports, for each span, whether it shares a day with
// another: sorted by start, a span overlaps one before it exactly when it
// starts by the latest end so far, and a run of such spans overlaps as a
// whole.
func overlapsBySort(ivs []daySpan) []bool {
	order := make([]int32, len(ivs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(ivs[a].Start, ivs[b].Start), cmp.Compare(ivs[a].End, ivs[b].End))
	})
	hit := make([]bool, len(ivs))
	first, last := 0, int32(MinDay) // the run's first span and its latest end
	for k, i := range order {
		if k > 0 && ivs[i].Start <= last {
			hit[order[first]], hit[i] = true, true
		} else {
			first = k
		}
		last = max(last, ivs[i].End)
	}
	return hit
}

// overlapsByDay does what overlapsBySort does in time linear in the spans
// and the days from lo they cover, for many short spans over few days:
// hundreds of training days. It counts the spans on each day; a span
// overlaps another when one of its days has two.
func overlapsByDay(ivs []daySpan, lo int32, days int) []bool {
	cover := make([]int32, days+1)
	for _, iv := range ivs {
		cover[iv.Start-lo]++
		cover[iv.End-lo+1]--
	}
	// shared[d] counts the days before d on which two spans or more lie.
	shared := make([]int32, days+1)
	n := int32(0)
	for d := range days {
		n += cover[d]
		shared[d+1] = shared[d]
		if n >= 2 {
			shared[d+1]++
		}
	}
	hit := make([]bool, len(ivs))
	for i, iv := range ivs {
		hit[i] = shared[iv.End-lo+1] > shared[iv.Start-lo]
	}
	return hit
}

// regionCount is a number of rows of the region at a position.
type regionCount struct{ region, n int32 }

// resolveOverlaps decides, region by region, which rows of overlapping
// periods count: taken in rank order, a row counts when it overlaps no row
// counted before. The rows are gathered by a counting sort on their
// region, so the cost is linear in them and in the regions; each is kept
// with its period's rank, so that a region's rows are put in order without
// looking at the columns again.
func (s *Series) resolveOverlaps(p *Plan, nregions int) {
	n := 0
	for _, r := range p.rank {
		if r >= 0 {
			n++
		}
	}
	byRank := make([]daySpan, n) // the days of the overlapping periods, by rank
	for id, r := range p.rank {
		if r >= 0 {
			byRank[r] = daySpan{s.Period.Table[id].Start, s.Period.Table[id].End}
		}
	}
	// next[r+1] counts the region r's rows, then becomes where they start.
	next := make([]int32, nregions+1)
	total := 0
	ids16, ids32, rank, region := s.Period.ids16, s.Period.ids32, p.rank, s.Region
	if ids16 != nil {
		for row, id := range ids16 {
			if rank[id] >= 0 {
				next[region[row]+1]++
				total++
			}
		}
	} else {
		for row, id := range ids32 {
			if rank[id] >= 0 {
				next[region[row]+1]++
				total++
			}
		}
	}
	if total == 0 {
		return
	}
	for r := 1; r <= nregions; r++ {
		next[r] += next[r-1]
	}
	ranked := make([]uint64, total) // rank<<32 | row
	place := func(row int, rk int32) {
		r := region[row]
		ranked[next[r]] = uint64(rk)<<32 | uint64(row)
		next[r]++
	}
	if ids16 != nil {
		for row, id := range ids16 {
			if rk := rank[id]; rk >= 0 {
				place(row, rk)
			}
		}
	} else {
		for row, id := range ids32 {
			if rk := rank[id]; rk >= 0 {
				place(row, rk)
			}
		}
	}
	// Now the region r's rows run from next[r-1] to next[r]. The rows kept
	// are moved to the front of ranked, behind those read already.
	kept, start := 0, int32(0)
	var counted []daySpan
	var out []uint64 // a region's rows left out that the rows counted so far do not cover
	for r, end := range next[:nregions] {
		group := ranked[start:end]
		start = end
		if len(group) == 0 {
			continue
		}
		sortSmall(group)
		counted, out = counted[:0], out[:0]
		n := 0
		for _, v := range group {
			q := byRank[v>>32]
			var ok bool
			if counted, ok = keep(counted, q); ok {
				ranked[kept] = v
				kept++
				n++
			} else if !covered(counted, q) {
				out = append(out, v) // rows counted later may yet cover it
			}
		}
		if n < len(group) {
			p.leftOut = append(p.leftOut, regionCount{int32(r), int32(len(group) - n)})
		}
		if len(out) > 0 {
			for _, v := range out {
				if !covered(counted, byRank[v>>32]) {
					p.partial = append(p.partial, int32(uint32(v)))
				}
			}
		}
	}
	p.kept = make([]int32, kept)
	for i, v := range ranked[:kept] {
		p.kept[i] = int32(uint32(v))
	}
}

// sortSmall sorts a region's few values: by insertion while they are few.
func sortSmall(v []uint64) {
	if len(v) > 12 {
		slices.Sort(v)
		return
	}
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j] < v[j-1]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// disjoint appends to kept each of rows, taken in order, that overlaps
// none kept before, and returns kept.
func (s *Series) Disjoint(rows, kept []int32) []int32 {
	var counted []daySpan
	for _, row := range rows {
		var ok bool
		p := s.Period.At(row)
		if counted, ok = keep(counted, daySpan{p.Start, p.End}); ok {
			kept = append(kept, row)
		}
	}
	return kept
}

// each calls fn for every row the plan counts.
func (s *Series) Each(p *Plan, fn func(row int32)) {
	if ids := s.Period.ids16; ids != nil {
		for row, id := range ids {
			if p.in[id] {
				fn(int32(row))
			}
		}
	} else {
		for row, id := range s.Period.ids32 {
			if p.in[id] {
				fn(int32(row))
			}
		}
	}
	for _, row := range p.kept {
		fn(row)
	}
}

// leftOutIn counts the rows of the plan left out in the regions that a
// roll-up over the positions lo to hi uses.
func (a *Aggregation) LeftOutIn(rs Tree, lo, hi int32) int {
	out := a.Plan.leftOut
	i, _ := slices.BinarySearchFunc(out, lo, func(c regionCount, u int32) int { return cmp.Compare(c.region, u) })
	n := 0
	for ; i < len(out) && out[i].region < hi; i++ {
		if a.reached(rs, out[i].region, lo) {
			n += int(out[i].n)
		}
	}
	return n
}

// reached reports whether a roll-up from position lo reaches the region at
// position u: no ancestor of u from lo down has a figure of its own.
func (a *Aggregation) reached(rs Tree, u, lo int32) bool {
	for q := rs.Parent[u]; q >= lo; q = rs.Parent[q] {
		if a.Cells[q].Count > 0 {
			return false
		}
	}
	return true
}

// passOver lets a stock's newest figure win: a region's own row counts only
// when it ends no earlier than the newest row among its descendants;
// otherwise it is passed over, its Cell emptied, and a roll-up finds its
// descendants' instead. Positions are in depth-first order, so one pass
// from the last to the first sees every region after all its descendants.
// It keeps the newest descendant day of each region for
// [Ledger.Discrepancies].
func (s *Series) passOver(rs Tree, a *Aggregation) {
	n := len(a.Best)
	newest := make([]int32, n)
	for i := range newest {
		newest[i] = MinDay
	}
	for i := n - 1; i >= 0; i-- {
		d := newest[i]
		if b := a.Best[i]; b > 0 {
			own := s.Period.At(b - 1).End
			if d > own {
				a.Passed = append(a.Passed, b-1)
				a.Best[i], a.Cells[i] = 0, Cell{}
				if a.Dec != nil {
					a.Dec[i] = decimal.Decimal{}
				}
			}
			d = max(d, own)
		}
		if p := rs.Parent[i]; p >= 0 && d > newest[p] {
			newest[p] = d
		}
	}
	slices.Reverse(a.Passed)
	a.Newest = newest
}

// passedIn returns the rows passed over that a roll-up over the positions
// lo to hi would otherwise have used: at most MaxListed of them, by
// position, and how many there are.
func (a *Aggregation) PassedIn(s *Series, rs Tree, lo, hi int32) ([]int32, int) {
	var rows []int32
	n := 0
	for _, row := range a.Passed {
		if u := s.Region[row]; u >= lo && u < hi && a.reached(rs, u, lo) {
			if n++; len(rows) < MaxListed {
				rows = append(rows, row)
			}
		}
	}
	return rows, n
}

// MaxListed is how many records a [Sum] or a [Discrepancy] lists at most;
// it counts them all.
const MaxListed = 100

// LatestScan finds, when first asked, the last day of the newest row the
// roll-ups of some units use, among the rows the series held when the scan
// was made: the newest record behind figures of a series whose periods are
// too many to rank in the cells. Rows are only appended, and a refused
// write removes only rows added after it began, so those rows are still
// there, unchanged, however many were added since; the columns cut to them
// are the series as it was.
type LatestScan struct {
	once   sync.Once
	lock   sync.Locker // read-locks the series' owner
	s      *Series
	rows   int
	tree   Tree
	window Span
	day    int32
}

// NewLatestScan returns a scan of s as it is now, over window; lock
// read-locks what owns s.
func NewLatestScan(s *Series, tree Tree, window Span, lock sync.Locker) *LatestScan {
	return &LatestScan{lock: lock, s: s, rows: len(s.Region), tree: tree, window: window}
}

// Latest returns the last day of the newest row the roll-ups of the
// positions units use, MinDay for none.
func (sc *LatestScan) Latest(units []int32) int32 {
	sc.once.Do(func() {
		sc.lock.Lock()
		defer sc.lock.Unlock()
		s, rs := sc.s.Head(sc.rows), sc.tree
		a := s.Aggregate(rs, sc.window)
		defer a.Release()
		sc.day = MinDay
		s.UsedBy(rs, a, units, func(row int32) { sc.day = max(sc.day, s.Period.At(row).End) })
		sc.lock, sc.s = nil, nil
	})
	return sc.day
}
