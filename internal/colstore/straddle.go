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
	across := func(p Span) bool {
		return p.Start <= window.End && window.Start <= p.End && (p.Start < window.Start || p.End > window.End)
	}
	if !slices.ContainsFunc(s.Period.Table, across) {
		return
	}
	var rows []int32
	regions := map[int32]spans{}
	for row := range int32(s.Len()) {
		if u := s.Region[row]; u >= lo && u < hi && across(s.Period.At(row)) && a.reached(rs, u, lo) {
			rows = append(rows, row)
			regions[u] = nil
		}
	}
	if len(rows) == 0 {
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
	for _, row := range rows {
		p := s.Period.At(row)
		in := Span{Start: max(p.Start, window.Start), End: min(p.End, window.End)}
		if !regions[s.Region[row]].covers(in) {
			fn(row)
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
