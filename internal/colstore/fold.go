package colstore

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/column"
)

// foldDisjoint settles a flow's figures across levels by days. A region's
// own counted rows and its descendants' are two readings of its figure, and
// the true figure is at least either, since the descendants' are parts of
// it: the larger stands.
//
//   - Its own rows, with its descendants' rows on days they do not cover,
//     which nothing else holds: a province's 2018 total of 100 beside its
//     counties' 2019 records of 176 and 30 is 306 over 2018–2019, not 100.
//   - Its descendants' rows alone, when those that share days with its own
//     add up to more than its own, all their figures being exact: a prefecture's 50 for the first half of
//     2019 beside its counties' 176 and 30 for the whole year is 206 for
//     2019, not 50. Its own rows are then passed over (Passed).
//
// Only an aggregation in which a region with counted rows has descendants
// with counted rows needs it, so the common case costs one pass over the
// cells. Regions are taken deepest first, so that a region finds its
// descendants' figures already settled: the rows a descendant's roll-up
// uses are its own counted rows and those folded into it, or, for one
// without rows, its children's, recursively.
func (s *Series) foldDisjoint(rs Tree, a *Aggregation) {
	if !nestedCells(rs, a.Cells) {
		return
	}
	own := map[int32][]int32{} // counted rows by region
	s.Each(&a.Plan, func(row int32) {
		r := s.Region[row]
		own[r] = append(own[r], row)
	})
	a.Folded = map[int32][]int32{}
	for u := int32(rs.Len()) - 1; u >= 0; u-- {
		mine := own[u]
		if len(mine) == 0 || rs.End[u] == u+1 {
			continue
		}
		below := a.RowsBelow(rs, u, own)
		days := unionOf(s, mine)
		var apart, shared []int32 // below rows on other days, and on its days
		for _, row := range below {
			if days.overlaps(s.Period.At(row)) {
				shared = append(shared, row)
			} else {
				apart = append(apart, row)
			}
		}
		if len(shared) > 0 && s.exact(shared) && s.exact(mine) && s.sumOf(shared).GreaterThan(s.sumOf(mine)) {
			// Its parts add up to more on its days: they stand for it.
			a.Passed = append(a.Passed, mine...)
			a.Cells[u] = Cell{}
			if a.Dec != nil {
				a.Dec[u] = decimal.Decimal{}
			}
			continue
		}
		for _, row := range apart {
			s.addRowTo(a, row, u)
			a.Folded[u] = append(a.Folded[u], row)
		}
		for _, row := range shared {
			if !days.covers(s.Period.At(row)) {
				// Its days beyond the region's own are held by nothing
				// counted: the figure may lack up to its value.
				a.Uncovered = append(a.Uncovered, RowAt{row, u})
			}
		}
	}
}

// RowsBelow returns the rows the roll-ups of the children of the region at
// position u use, given the counted rows by region: a region's own and
// those folded into it, or, for one without a figure of its own, its
// children's, recursively.
func (a *Aggregation) RowsBelow(rs Tree, u int32, own map[int32][]int32) []int32 {
	var below []int32
	for c := u + 1; c < rs.End[u]; {
		if a.Cells[c].Count == 0 {
			c++ // no figure of its own: its children's, found next
			continue
		}
		below = append(append(below, own[c]...), a.Folded[c]...)
		c = rs.End[c]
	}
	return below
}

// exact reports whether the figures of rows are all exact: only then is a
// sum of them known to be larger than another. A qualified figure (约80,
// 100余) leaves the region's own standing, and a disagreement is reported
// where its bounds allow no common value.
func (s *Series) exact(rows []int32) bool {
	for _, row := range rows {
		if s.Bound(row) != 0 {
			return false
		}
	}
	return true
}

// sumOf adds up the figures of rows.
func (s *Series) sumOf(rows []int32) decimal.Decimal {
	var sum decimal.Decimal
	for _, row := range rows {
		sum = sum.Add(s.ValueAt(row))
	}
	return sum
}

// nestedCells reports whether a region with counted rows lies below
// another: depth-first order puts a region below an earlier one exactly
// when it comes before that one's end.
func nestedCells(rs Tree, cells []Cell) bool {
	reach := int32(0)
	for u := range int32(len(cells)) {
		if cells[u].Count == 0 {
			continue
		}
		if u < reach {
			return true
		}
		reach = max(reach, rs.End[u])
	}
	return false
}

// spans is a union of periods: disjoint spans in order of their days.
type spans []Span

// unionOf returns the days the periods of rows cover, as a union, so that
// each test against it costs a binary search rather than a pass over rows.
func unionOf(s *Series, rows []int32) spans {
	u := make(spans, 0, len(rows))
	for _, row := range rows {
		u = append(u, s.Period.At(row))
	}
	slices.SortFunc(u, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	out := u[:0]
	for _, p := range u {
		if n := len(out); n > 0 && int64(p.Start) <= int64(out[n-1].End)+1 {
			out[n-1].End = max(out[n-1].End, p.End)
			continue
		}
		out = append(out, p)
	}
	return out
}

// overlaps reports whether p shares a day with u. Of the spans starting by
// p's end, the last ends latest, as they are disjoint and in order.
func (u spans) overlaps(p Span) bool {
	i, _ := slices.BinarySearchFunc(u, p.End, func(q Span, end int32) int {
		if q.Start <= end {
			return -1
		}
		return 1
	})
	return i > 0 && u[i-1].End >= p.Start
}

// addRowTo adds row's figure to the cell at position u, as addRows adds a
// row to its own region's, switching a to decimals on overflow.
func (s *Series) addRowTo(a *Aggregation, row, u int32) {
	g := &a.Cells[u]
	g.Count++
	g.Bound |= s.Bound(row)
	if a.rank != nil && s.Period.ids16 != nil {
		g.Newest = max(g.Newest, a.rank[s.Period.ids16[row]])
	}
	if a.Dec == nil {
		c, ok := mulPow10(s.Coef.At(row), int32(column.LazyAt(s.Exp, row))-a.Exp)
		if sum := g.Own + c; ok && sum >= g.Own {
			g.Own = sum
			return
		}
		a.ToDecimal()
	}
	a.Dec[u] = a.Dec[u].Add(s.ValueAt(row))
}
