package outcome

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/taizhang/taizhang/internal/codeindex"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/regiontree"
)

// Level is a region's place in the administrative hierarchy. The zero value
// is invalid.
type Level uint8

const (
	Nation     Level = 1 + iota // 全国
	Province                    // 省级: province, autonomous region, municipality
	Prefecture                  // 地级: prefecture, 市州
	County                      // 县级: county, county-level city, district, statistical zone
	Township                    // 乡级: township, town, sub-district
	Village                     // 村级: administrative village, community
)

var levelNames = [...]Name{
	Nation:     {"全国", "nation"},
	Province:   {"省", "province"},
	Prefecture: {"市州", "prefecture"},
	County:     {"县市区", "county"},
	Township:   {"乡镇", "township"},
	Village:    {"村", "village"},
}

// IsValid reports whether l is a defined level.
func (l Level) IsValid() bool { return l != 0 && int(l) < len(levelNames) }

// Name returns the bilingual name of the level.
func (l Level) Name() Name {
	if l.IsValid() {
		return levelNames[l]
	}
	return Name{}
}

// String returns the Chinese name (县市区), which [ParseLevel] reads back.
func (l Level) String() string { return label(l.Name(), Chinese, "Level", int(l)) }

// code returns the English name ("county"), the stable code that
// [Level.MarshalText] writes.
func (l Level) code() string { return label(l.Name(), English, "Level", int(l)) }

// ParseLevel reads a level's English code ("county") or Chinese name (县市区).
func ParseLevel(s string) (Level, error) {
	for l, n := range levelNames {
		if l != 0 && (n.En == s || n.Zh == s) {
			return Level(l), nil
		}
	}
	return 0, fmt.Errorf("outcome: region level %q: %w", s, errRegionLevel)
}

// codeLevel checks a statistical division code (GB/T 2260 and the NBS
// 统计用区划代码) and returns the level its shape implies: 12 digits a
// village, 9 a township, 6 a county, a prefecture (ending 00) or a province
// (ending 0000). Codes of other lengths or with other characters are
// refused: [ErrInvalid], an invalid region code.
func codeLevel[T string | []byte](code T) (Level, error) {
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0, &SyntaxError{What: "region code", Input: string(code), Offset: i, Err: errInvalidCode}
		}
	}
	switch len(code) {
	case 12:
		return Village, nil
	case 9:
		return Township, nil
	case 6:
		switch {
		case code[2] == '0' && code[3] == '0' && code[4] == '0' && code[5] == '0':
			return Province, nil
		case code[4] == '0' && code[5] == '0':
			return Prefecture, nil
		}
		return County, nil
	}
	return 0, &SyntaxError{What: "region code", Input: string(code), Offset: len(code), Err: errInvalidCode}
}

// Region is a statistical division: its code, bilingual name, level and the
// code of its parent ("" for a root). The zero value is invalid.
type Region struct {
	Code   string `json:"code"`
	Name   Name   `json:"name"`
	Level  Level  `json:"level"`
	Parent string `json:"parent,omitempty"`
}

// Validate checks the code and that the level is one the code's length
// allows: a 6-digit code may be a nation, province, prefecture or county
// (statistical data pads province and prefecture codes to 6 digits), a 9-digit
// code a township, a 12-digit code a village.
func (r Region) Validate() error { return checkRegion(r.Code, r.Level, r.Parent) }

func checkRegion[T string | []byte](code T, level Level, parent T) error {
	implied, err := codeLevel(code)
	if err != nil {
		return err
	}
	ok := level == implied || len(code) == 6 && level.IsValid() && level <= County
	if !ok {
		return fmt.Errorf("outcome: region %s: level %s for a %d-digit code: %w", code, level.code(), len(code), errRegionLevel)
	}
	if len(parent) > 0 {
		if _, err := codeLevel(parent); err != nil {
			return fmt.Errorf("outcome: region %s: parent: %w", code, err)
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
	t regiontree.Tree[Level]
}

// NewRegionSet checks regions and builds their hierarchy. Every parent must be
// in the set and of a higher level than its children. Problems are reported
// together, joined, up to the first 20.
func NewRegionSet(regions []Region) (*RegionSet, error) {
	var b regionBuilder
	b.Grow(len(regions), 0)
	for i, r := range regions {
		if err := addRegion(&b, r.Code, r.Name.Zh, r.Name.En, r.Level, r.Parent); err != nil {
			if b.report(fmt.Errorf("region %d: %w", i, err)) {
				break
			}
		}
	}
	return b.build()
}

// at returns the region at position i. Its strings share the set's text.
func (s *RegionSet) at(i int32) Region {
	zh, en := s.t.Names(i)
	r := Region{Code: s.t.Code(i), Name: Name{Zh: zh, En: en}, Level: s.t.Level[i]}
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

// Select returns the regions within the region code ("" for the whole set)
// for which keep returns true (nil keeps all), sorted by code.
func (s *RegionSet) Select(code string, keep func(Region) bool) (Selection, error) {
	lo, hi, ok := s.subtree(code)
	if !ok {
		return Selection{}, fmt.Errorf("outcome: select within %s: %w", code, ErrUnknownRegion)
	}
	ids := make([]int32, 0, hi-lo)
	for i := lo; i < hi; i++ {
		if keep == nil || keep(s.at(i)) {
			ids = append(ids, i)
		}
	}
	return s.selection(ids), nil
}

// SelectLevel returns the regions of level l within the region code (""
// for the whole set), sorted by code: [RegionSet.Select] with a level
// test, without making a [Region] of each.
func (s *RegionSet) SelectLevel(code string, l Level) (Selection, error) {
	lo, hi, ok := s.subtree(code)
	if !ok {
		return Selection{}, fmt.Errorf("outcome: select within %s: %w", code, ErrUnknownRegion)
	}
	ids := make([]int32, 0, min(int(s.CountAt(l)), int(hi-lo)))
	for i, lv := range s.t.Level[lo:hi] {
		if lv == l {
			ids = append(ids, lo+int32(i))
		}
	}
	return s.selection(ids), nil
}

// SelectCodes returns the regions with the given codes, sorted by code.
// Unknown codes are reported together; a code listed twice counts once.
func (s *RegionSet) SelectCodes(codes ...string) (Selection, error) {
	ids := make([]int32, 0, len(codes))
	var errs []error
	for _, c := range codes {
		i, ok := s.pos(c)
		if !ok {
			errs = append(errs, fmt.Errorf("outcome: select %s: %w", c, ErrUnknownRegion))
			continue
		}
		ids = append(ids, i)
	}
	if len(errs) > 0 {
		return Selection{}, errors.Join(errs...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return s.selection(ids), nil
}

func (s *RegionSet) selection(ids []int32) Selection {
	if !s.t.Ordered {
		slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(s.code(a), s.code(b)) })
	}
	return Selection{set: s, ids: ids}
}

// Selection is a set of regions of one [RegionSet], sorted by code: the units
// of a population that a coverage target checks one by one. The zero value
// is empty.
type Selection struct {
	set *RegionSet
	ids []int32
}

// Len returns the number of regions selected.
func (s Selection) Len() int { return len(s.ids) }

// At returns the i-th region, by code.
func (s Selection) At(i int) Region { return s.set.at(s.ids[i]) }

// Set returns the region set the selection was made from.
func (s Selection) Set() *RegionSet { return s.set }

// All yields the selected regions by code.
func (s Selection) All() iter.Seq[Region] {
	return func(yield func(Region) bool) {
		for _, i := range s.ids {
			if !yield(s.set.at(i)) {
				return
			}
		}
	}
}

// tree returns the hierarchy as the columns use it.
func (s *RegionSet) tree() colstore.Tree { return colstore.Tree{End: s.t.End, Parent: s.t.Parent} }

// regionBuilder gathers regions for a set, checking each as it comes, and
// builds the set, reporting what keeps a region from its place: a
// duplicate code, a parent not in the set or not above it.
type regionBuilder struct {
	regiontree.Builder[Level]
	where func(i int) string // where the i-th region was given, for errors
	errs  errorList
}

// report keeps err; it returns true when as many errors are kept as are
// reported, and building stops.
func (b *regionBuilder) report(err error) bool {
	b.errs.add(err)
	return len(b.errs.first) >= maxErrors
}

// addRegion checks one region and appends it.
func addRegion[T string | []byte](b *regionBuilder, code, zh, en T, level Level, parent T) error {
	if err := checkRegion(code, level, parent); err != nil {
		return err
	}
	regiontree.Add(&b.Builder, code, zh, en, level, parent)
	return nil
}

// build resolves parents and lays the regions out depth-first.
func (b *regionBuilder) build() (*RegionSet, error) {
	if err := b.errs.join(); err != nil {
		return nil, err
	}
	where := b.where
	if where == nil {
		where = func(i int) string { return fmt.Sprintf("region %d", i) }
	}
	t, ok := b.Build(func(p regiontree.Problem) bool {
		i := p.Region
		switch p.Kind {
		case regiontree.TooLarge:
			b.errs.add(fmt.Errorf("outcome: region set: codes and names take more than 4 GiB"))
		case regiontree.TooMany:
			b.errs.add(fmt.Errorf("outcome: region set: %d regions, more than the %d a set holds", i, codeindex.MaxPositions))
		case regiontree.Duplicate:
			return b.report(fmt.Errorf("outcome: %s: %s: %w", where(i), b.Code(i), errDuplicateRegion))
		case regiontree.UnknownParent:
			b.report(fmt.Errorf("outcome: %s: %s: parent %s: %w", where(i), b.Code(i), codeindex.String(p.Key), ErrUnknownRegion))
		case regiontree.ParentLevel:
			b.report(fmt.Errorf("outcome: %s: %s (%s) under %s (%s): %w", where(i), b.Code(i), b.LevelOf(i).code(), b.Code(p.Parent), b.LevelOf(p.Parent).code(), errRegionLevel))
		}
		return false // every parent problem is reported, as far as the list goes
	})
	if !ok {
		return nil, b.errs.join()
	}
	return &RegionSet{t: *t}, nil
}
