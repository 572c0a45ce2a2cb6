package colstore

import "github.com/taizhang/taizhang/internal/column"

// foldDisjoint lets a flow's own figure hide only the days it covers. A
// region's own counted rows stand for it and its descendants over their
// days, so the roll-up takes them instead of the descendants' figures; a
// descendant's row on other days is a figure nothing else holds, and it is
// added to the region's own: a province's 2018 total of 100 beside its
// counties' 2019 records of 176 and 30 is 306 over 2018–2019, not 100.
//
// Only an aggregation in which a region with counted rows has descendants
// with counted rows needs it, so the common case costs one pass over the
// cells. Regions are taken deepest first, so that a region finds its
// descendants' figures already folded: the rows a descendant's roll-up
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
		var below []int32
		for c := u + 1; c < rs.End[u]; {
			if a.Cells[c].Count == 0 {
				c++ // no figure of its own: its children's, found next
				continue
			}
			below = append(append(below, own[c]...), a.Folded[c]...)
			c = rs.End[c]
		}
		for _, row := range below {
			p := s.Period.At(row)
			if !overlapsAny(s, p, mine) {
				s.addRowTo(a, row, u)
				a.Folded[u] = append(a.Folded[u], row)
			}
		}
	}
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

// overlapsAny reports whether p shares a day with the period of any of rows.
func overlapsAny(s *Series, p Span, rows []int32) bool {
	for _, row := range rows {
		if q := s.Period.At(row); p.Start <= q.End && q.Start <= p.End {
			return true
		}
	}
	return false
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
