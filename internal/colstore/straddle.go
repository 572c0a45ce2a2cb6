package colstore

import "slices"

// Straddling calls fn for each row of a region at positions lo to hi,
// reached by a roll-up from lo, whose period reaches across window's edge
// (it shares days with window without lying in it) on days in window that
// no counted row of its region covers. A roll-up cannot split such a row,
// so it leaves it out, and its figure bounds what the window's figure may
// lack: a county's 200 for 2018-12-01 to 2019-01-31 beside its 110 for
// February to December leaves 2019 between 110 and 310.
//
// It costs a pass over the distinct periods when none reaches across
// window, and a pass over the rows otherwise.
func (s *Series) Straddling(rs Tree, a *Aggregation, window Span, lo, hi int32, fn func(row int32)) {
	s.straddling(rs, a, window, func(u int32, yield func(root int32)) {
		if lo <= u && u < hi {
			yield(lo)
		}
	}, func(row, _ int32) { fn(row) })
}

// StraddlingUnits is Straddling for each of units, positions of regions
// each rolled up alone: fn gets the index in units of the unit a row
// across window's edge would bound, once for each unit that holds the
// row's region (a unit and one of its descendants may both be units).
func (s *Series) StraddlingUnits(rs Tree, a *Aggregation, window Span, units []int32, fn func(k int, row int32)) {
	var at unitIndex // made when some period reaches across window
	s.straddling(rs, a, window, func(u int32, yield func(root int32)) {
		if at == nil {
			at = newUnitIndex(units)
		}
		at.holding(rs, u, yield)
	}, func(row, root int32) {
		for _, k := range at[root] {
			fn(k, row)
		}
	})
}

// unitIndex holds the indexes in a list of units of each unit's position.
type unitIndex map[int32][]int

func newUnitIndex(units []int32) unitIndex {
	at := make(unitIndex, len(units))
	for k, v := range units {
		at[v] = append(at[v], k)
	}
	return at
}

// holding calls yield with the position of each unit that holds the
// region at u: the region itself or an ancestor.
func (at unitIndex) holding(rs Tree, u int32, yield func(unit int32)) {
	for q := u; q >= 0; q = rs.Parent[q] {
		if _, ok := at[q]; ok {
			yield(q)
		}
	}
}

// straddling calls fn for each row whose period reaches across window's
// edge, once for each root a roll-up from which reaches the row (roots
// yields them for the row's region), on days in window no counted row of
// its region covers.
func (s *Series) straddling(rs Tree, a *Aggregation, window Span, roots func(u int32, yield func(root int32)), fn func(row, root int32)) {
	across := func(p Span) bool {
		return p.Start <= window.End && window.Start <= p.End && (p.Start < window.Start || p.End > window.End)
	}
	if !slices.ContainsFunc(s.Period.Table, across) {
		return
	}
	type hit struct{ row, root int32 }
	var hits []hit
	regions := map[int32]spans{}
	for row := range int32(s.Len()) {
		if !across(s.Period.At(row)) {
			continue
		}
		u := s.Region[row]
		roots(u, func(root int32) {
			if a.reached(rs, u, root) {
				hits = append(hits, hit{row, root})
				regions[u] = nil
			}
		})
	}
	if len(hits) == 0 {
		return
	}
	own := map[int32][]int32{}
	s.Each(&a.Plan, func(row int32) {
		if _, ok := regions[s.Region[row]]; ok {
			own[s.Region[row]] = append(own[s.Region[row]], row)
		}
	})
	for u, mine := range own {
		regions[u] = unionOf(s, mine)
	}
	for _, h := range hits {
		p := s.Period.At(h.row)
		in := Span{Start: max(p.Start, window.Start), End: min(p.End, window.End)}
		if !regions[s.Region[h.row]].covers(in) {
			fn(h.row, h.root)
		}
	}
}

// covers reports whether every day of p is in u.
func (u spans) covers(p Span) bool {
	for _, q := range u {
		if q.Start <= p.Start {
			if q.End >= p.End {
				return true
			}
			continue
		}
		break
	}
	return false
}
