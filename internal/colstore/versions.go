package colstore

import "github.com/taizhang/taizhang/internal/column"

// A figure may be revised: a correction of a region and period's row is a
// new row, appended like any other, and the row it replaces stays,
// superseded. The rows of one region and period form a chain in the order
// they were appended; the index finds its last row, the current one.
// Columns stay append-only, so snapshots hold; only the two small maps of
// the chains change, and a snapshot clones them.
//
// Aggregation counts every row it is given: a caller aggregates the
// current rows of a series with versions through [Series.Filter], which
// copies them out. A series without versions is aggregated as it is, so
// the common case pays nothing.

// Revise appends v with meta m as the new version of row old, whose region
// and period it takes: old is superseded and the index finds the new row,
// which it returns. old must be current ([Series.Find]).
func (s *Series) Revise(old int32, v *Value, m uint32) int32 {
	reg, p := s.Region[old], s.Period.At(old)
	row := s.appendRow(reg, p, v, m)
	if s.prev == nil {
		s.prev, s.next = make(map[int32]int32), make(map[int32]int32)
	}
	s.prev[row], s.next[old] = old, row
	if y, isYear := yearBit(p); isYear {
		if s.yearRows != nil {
			s.yearRows[uint64(reg)<<6|uint64(y)] = row
		}
		return row
	}
	// The slot of old now names row: same region and period, same hash.
	h := s.hashKey(reg, p)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; s.slots[i] != 0; i = (i + 1) & mask {
		if int32(uint32(s.slots[i]))-1 == old {
			s.slots[i] = slotOf(h, row)
			break
		}
	}
	return row
}

// Find returns the current row of region and period, or -1. It needs the
// index: not on a snapshot or a filtered copy.
func (s *Series) Find(region int32, p Span) int32 {
	if s.Kind == Entries {
		return -1
	}
	y, isYear := yearBit(p)
	return s.find(region, p, y, isYear, false)
}

// Versioned reports whether some row of s revises another.
func (s *Series) Versioned() bool { return len(s.prev) > 0 }

// Superseded reports whether a later row replaced row.
func (s *Series) Superseded(row int32) bool {
	if s.next == nil {
		return false
	}
	_, ok := s.next[row]
	return ok
}

// Prev returns the row that row revises, if it revises one.
func (s *Series) Prev(row int32) (int32, bool) {
	if s.prev == nil {
		return 0, false
	}
	old, ok := s.prev[row]
	return old, ok
}

// unrevise forgets the revisions made by rows from n on, which Truncate
// drops: the rows they replaced are current again.
func (s *Series) unrevise(n int) {
	for row, old := range s.prev {
		if int(row) >= n {
			delete(s.prev, row)
			delete(s.next, old)
		}
	}
	if len(s.prev) == 0 {
		s.prev, s.next = nil, nil
	}
}

// Filter returns a copy of s holding the rows keep accepts, in order, with
// the revisions among them; rows returns, for each row of the copy, its
// row in s. The copy has no index: it is for reading and aggregating, not
// for Put. A row that revises one keep refuses is kept as a first version.
func (s *Series) Filter(keep func(row int32) bool) (f *Series, rows []int32) {
	f = &Series{Kind: s.Kind, BoundOf: s.BoundOf}
	at := make(map[int32]int32) // row of s → row of f, for the chains
	for row := range int32(len(s.Region)) {
		if !keep(row) {
			continue
		}
		v := Value{Coef: s.Coef.At(row), Exp: int32(column.LazyAt(s.Exp, row)), Fits: true,
			Unit: column.LazyAt(s.Unit, row), Qual: column.LazyAt(s.Qual, row)}
		if b, ok := s.Big[row]; ok {
			v.Fits, v.Big = false, b
		}
		nr := f.appendRow(s.Region[row], s.Period.At(row), &v, column.LazyAt(s.Meta, row))
		rows = append(rows, row)
		if s.next != nil || s.prev != nil {
			at[row] = nr
		}
		if old, ok := s.Prev(row); ok {
			if o, kept := at[old]; kept {
				if f.prev == nil {
					f.prev, f.next = make(map[int32]int32), make(map[int32]int32)
				}
				f.prev[nr], f.next[o] = o, nr
			}
		}
	}
	return f, rows
}

// Current returns a copy of s with its current rows only, for aggregation,
// and for each row its row in s; s itself, and nil, when no row is
// superseded.
func (s *Series) Current() (*Series, []int32) {
	if len(s.next) == 0 {
		return s, nil
	}
	return s.Filter(func(row int32) bool { return !s.Superseded(row) })
}
