package outcome

import (
	"fmt"
	"iter"

	"github.com/taizhang/taizhang/internal/codeindex"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/regiontree"
	"github.com/taizhang/taizhang/lang"
)

// Region is a statistical division: its code, bilingual name, level and the
// code of its parent ("" for a root). The zero value is invalid.
type Region struct {
	Code   string    `json:"code"`
	Name   lang.Name `json:"name"`
	Level  Level     `json:"level"`
	Parent string    `json:"parent,omitempty"`
	// Attrs are the extra columns of the region file (是否贫困村, 退出年份),
	// kept as written: a population may select by them.
	Attrs Attributes `json:"-"`
}

// Validate checks the code and that the level is one the code's length
// allows: a 6-digit code may be a nation, province, prefecture or county
// (statistical data pads province and prefecture codes to 6 digits), a 9-digit
// code a township, a 12-digit code a village.
func (r Region) Validate() error {
	if err := checkRegion(r.Code, r.Level, r.Parent); err != nil {
		return fmt.Errorf("outcome: region %s: %w", r.Code, err)
	}
	return nil
}

// regionProblem is what is wrong with one field of a region: the field
// ("code", "level" or "parent"), its value and why, so that a reader of a
// region file can name the column.
type regionProblem struct {
	field, value string
	err          error
}

func (p *regionProblem) Error() string { return fmt.Sprintf("%s %q: %v", p.field, p.value, p.err) }

func (p *regionProblem) Unwrap() error { return p.err }

func checkRegion[T string | []byte](code T, level Level, parent T) error {
	implied, err := codeLevel(code)
	if err != nil {
		return &regionProblem{"code", string(code), err}
	}
	ok := level == implied || len(code) == 6 && level.IsValid() && level <= County
	if !ok {
		want := implied.code()
		if len(code) == 6 {
			want = "nation, province, prefecture or county"
		}
		return &regionProblem{"level", level.code(), fmt.Errorf("%w: a %d-digit code (%s) is a %s", errRegionLevel, len(code), code, want)}
	}
	if len(parent) > 0 {
		if _, err := codeLevel(parent); err != nil {
			return &regionProblem{"parent", string(parent), err}
		}
	}
	return nil
}

// RegionSet is an immutable set of regions with their hierarchy. It answers
// lookups, children, descendants and "is X within Y" in constant time per
// answer, and it is safe for concurrent use. Build one with [NewRegionSet]
// or [ReadRegionSet]. The zero value is an empty set: every lookup reports
// the region not found, and a ledger over it refuses every record with
// [ErrUnknownRegion].
//
// Regions are kept in depth-first order with children sorted by code, so a
// region's descendants are contiguous; that is what makes roll-up from
// villages to their county a linear scan. The set holds no pointer per
// region: codes and names share one string, the hierarchy is in arrays of
// positions, so a national set of a million villages costs the garbage
// collector nothing to keep.
type RegionSet struct {
	t      regiontree.Tree[Level]
	byName lazyNames // the Chinese names, indexed on the first lookup by name
	// The attributes of the regions by input index (Tree.Src), interned:
	// attrs[j] indexes attrVals, 0 for none; attrs is shorter than the
	// set when the last regions have none, and empty when none has.
	attrs    []uint32
	attrVals []string
}

// attrsAt returns the attributes of the region at position i.
func (s *RegionSet) attrsAt(i int32) Attributes {
	if j := s.t.Src[i]; int(j) < len(s.attrs) {
		return Attributes{s.attrVals[s.attrs[j]]}
	}
	return Attributes{}
}

// at returns the region at position i. Its strings share the set's text.
func (s *RegionSet) at(i int32) Region {
	zh, en := s.t.Names(i)
	r := Region{Code: s.t.Code(i), Name: lang.Name{Zh: zh, En: en}, Level: s.t.Level[i], Attrs: s.attrsAt(i)}
	if p := s.t.Parent[i]; p >= 0 {
		r.Parent = s.code(p)
	}
	return r
}

// code returns the code of the region at position i.
func (s *RegionSet) code(i int32) string { return s.t.Code(i) }

// pos returns the position of the region with the given code. Codes in a
// set are digits (Region.Validate), so the numeric table is the whole index.
func (s *RegionSet) pos(code string) (int32, bool) {
	k, ok := codeindex.ParseString(code)
	if !ok {
		return 0, false
	}
	return s.t.ByNum.Get(k)
}

// Len returns the number of regions.
func (s *RegionSet) Len() int { return len(s.t.Level) }

// CountAt returns the number of regions at level l.
func (s *RegionSet) CountAt(l Level) int {
	if !l.IsValid() {
		return 0
	}
	return int(s.t.ByLevel[l])
}

// Lookup returns the region with the given code.
func (s *RegionSet) Lookup(code string) (Region, bool) {
	i, ok := s.pos(code)
	if !ok {
		return Region{}, false
	}
	return s.at(i), true
}

// Contains reports whether code is in the set.
func (s *RegionSet) Contains(code string) bool {
	_, ok := s.pos(code)
	return ok
}

// All yields every region, parents before children, children by code.
func (s *RegionSet) All() iter.Seq[Region] {
	return func(yield func(Region) bool) {
		for i := range int32(len(s.t.Level)) {
			if !yield(s.at(i)) {
				return
			}
		}
	}
}

// Children yields the direct children of code, by code; nothing when code
// is not in the set.
func (s *RegionSet) Children(code string) iter.Seq[Region] {
	return func(yield func(Region) bool) {
		i, ok := s.pos(code)
		if !ok {
			return
		}
		for c := i + 1; c < s.t.End[i]; c = s.t.End[c] {
			if !yield(s.at(c)) {
				return
			}
		}
	}
}

// Descendants yields every region below code, parents before children.
func (s *RegionSet) Descendants(code string) iter.Seq[Region] {
	return func(yield func(Region) bool) {
		i, ok := s.pos(code)
		if !ok {
			return
		}
		for d := i + 1; d < s.t.End[i]; d++ {
			if !yield(s.at(d)) {
				return
			}
		}
	}
}

// Ancestors yields the parent of code, its parent, and so on to the root.
func (s *RegionSet) Ancestors(code string) iter.Seq[Region] {
	return func(yield func(Region) bool) {
		i, ok := s.pos(code)
		if !ok {
			return
		}
		for p := s.t.Parent[i]; p >= 0; p = s.t.Parent[p] {
			if !yield(s.at(p)) {
				return
			}
		}
	}
}

// Within reports whether code is ancestor or lies below it. A region is
// within itself; codes not in the set are within nothing.
func (s *RegionSet) Within(code, ancestor string) bool {
	i, ok := s.pos(code)
	a, ok2 := s.pos(ancestor)
	return ok && ok2 && a <= i && i < s.t.End[a]
}

// subtree returns the positions lo to hi of the region code and its
// descendants; the whole set for "".
func (s *RegionSet) subtree(code string) (lo, hi int32, ok bool) {
	if code == "" {
		return 0, int32(len(s.t.Level)), true
	}
	i, ok := s.pos(code)
	if !ok {
		return 0, 0, false
	}
	return i, s.t.End[i], true
}

// tree returns the hierarchy as the columns use it.
func (s *RegionSet) tree() colstore.Tree { return colstore.Tree{End: s.t.End, Parent: s.t.Parent} }
