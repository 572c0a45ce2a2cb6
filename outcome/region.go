package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"math"
	"runtime"
	"slices"
	"strings"
	"unsafe"

	"github.com/taizhang/taizhang/internal/codeindex"
	"github.com/taizhang/taizhang/internal/column"
	"github.com/taizhang/taizhang/internal/store"
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

// String returns the English name ("county"), which [ParseLevel] reads back.
func (l Level) String() string {
	if l.IsValid() {
		return levelNames[l].En
	}
	return fmt.Sprintf("Level(%d)", l)
}

// ParseLevel reads a level's English or Chinese name.
func ParseLevel(s string) (Level, error) {
	for l, n := range levelNames {
		if l != 0 && (n.En == s || n.Zh == s) {
			return Level(l), nil
		}
	}
	return 0, fmt.Errorf("outcome: region level %q: %w", s, ErrRegionLevel)
}

// CodeLevel checks a statistical division code (GB/T 2260 and the NBS
// 统计用区划代码) and returns the level its shape implies: 12 digits a
// village, 9 a township, 6 a county, a prefecture (ending 00) or a province
// (ending 0000). Codes of other lengths or with other characters are refused
// with [ErrInvalidCode].
func CodeLevel(code string) (Level, error) { return codeLevel(code) }

func codeLevel[T string | []byte](code T) (Level, error) {
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0, &SyntaxError{What: "region code", Input: string(code), Offset: i, Err: ErrInvalidCode}
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
	return 0, &SyntaxError{What: "region code", Input: string(code), Offset: len(code), Err: ErrInvalidCode}
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
		return fmt.Errorf("outcome: region %s: level %v for a %d-digit code: %w", code, level, len(code), ErrRegionLevel)
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
	text    string                 // code, Chinese and English name of each region, in input order
	off     []uint32               // off[3j], off[3j+1], off[3j+2]: where input j's code and names start; off[3n] = len(text)
	src     []int32                // src[i]: the input index of the region at position i
	level   []Level                //
	end     []int32                // end[i]: one past the last descendant of i
	parent  []int32                // -1 for a root
	byNum   codeindex.Table        // code → position
	byLevel [len(levelNames)]int32 // how many regions of each level
	ordered bool                   // depth-first order is also code order
}

// NewRegionSet checks regions and builds their hierarchy. Every parent must be
// in the set and of a higher level than its children. Problems are reported
// together, joined, up to the first 20.
func NewRegionSet(regions []Region) (*RegionSet, error) {
	var b regionBuilder
	b.grow(len(regions), 0)
	for i, r := range regions {
		if err := addRegion(&b, r.Code, r.Name.Zh, r.Name.En, r.Level, r.Parent); err != nil {
			if b.report(fmt.Errorf("region %d: %w", i, err)) {
				break
			}
		}
	}
	return b.build()
}

// regionBuilder gathers regions in input order, their text in one buffer,
// for [regionBuilder.build] to check and put in depth-first order.
type regionBuilder struct {
	text   []byte   // code, Chinese and English name of each region
	off    []uint32 // three per region: where its code and names start
	level  []Level
	parent []uint64 // numCode of the parent; 0 for a root
	where  func(i int) string
	errs   errorList

	// The code index, filled as regions come by indexCodes.
	idx     codeindex.Table
	indexed int     // how many regions idx holds
	dups    []int32 // regions whose code came before
}

func (b *regionBuilder) grow(n, textLen int) {
	b.text = column.Reserve(b.text, textLen)
	b.off = column.Reserve(b.off, 3*n+1)
	b.level = column.Reserve(b.level, n)
	b.parent = column.Reserve(b.parent, n)
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
	b.off = append(b.off, uint32(len(b.text)))
	b.text = append(b.text, code...)
	b.off = append(b.off, uint32(len(b.text)))
	b.text = append(b.text, zh...)
	b.off = append(b.off, uint32(len(b.text)))
	b.text = append(b.text, en...)
	b.level = append(b.level, level)
	var p uint64
	if len(parent) > 0 {
		p = codeindex.Key(parent)
	}
	b.parent = append(b.parent, p)
	return nil
}

// append appends the regions of o, checked already.
func (b *regionBuilder) append(o *regionBuilder) {
	base := uint32(len(b.text))
	b.text = append(b.text, o.text...)
	for _, x := range o.off {
		b.off = append(b.off, base+x)
	}
	b.level = append(b.level, o.level...)
	b.parent = append(b.parent, o.parent...)
}

func (b *regionBuilder) code(i int) []byte { return b.text[b.off[3*i]:b.off[3*i+1]] }

// indexCodes puts the codes of the first n regions in b.idx, those from
// b.indexed on; a table too small for n is made anew, for all of them.
// The regions whose code is there already are noted in b.dups.
func (b *regionBuilder) indexCodes(n int) {
	if !b.idx.Fits(n) {
		b.idx, b.indexed, b.dups = codeindex.New(n), 0, b.dups[:0]
	}
	var packed, home [lookupGroup]uint64
	for lo := b.indexed; lo < n; lo += lookupGroup {
		// Pack a group's codes, then load their home slots together, so
		// that the cache misses overlap, then insert.
		m := min(lookupGroup, n-lo)
		for j := range m {
			packed[j] = codeindex.Pack(codeindex.Key(b.code(lo + j)))
			home[j] = b.idx.Home(packed[j])
		}
		var sink uint64
		for j := range m {
			sink += b.idx.Touch(home[j])
		}
		runtime.KeepAlive(sink)
		for j := range m {
			if !b.idx.Put(packed[j], home[j], int32(lo+j)) {
				b.dups = append(b.dups, int32(lo+j))
			}
		}
	}
	b.indexed = n
}

// build resolves parents and lays the regions out depth-first.
func (b *regionBuilder) build() (*RegionSet, error) {
	if len(b.text) > math.MaxUint32 {
		return nil, fmt.Errorf("outcome: region set: codes and names take more than 4 GiB")
	}
	if err := b.errs.join(); err != nil {
		return nil, err
	}
	n := len(b.level)
	where := b.where
	if where == nil {
		where = func(i int) string { return fmt.Sprintf("region %d", i) }
	}
	if n > codeindex.MaxPositions {
		return nil, fmt.Errorf("outcome: region set: %d regions, more than the %d a set holds", n, codeindex.MaxPositions)
	}
	b.indexCodes(n)
	idx := b.idx
	for _, i := range b.dups {
		if b.report(fmt.Errorf("outcome: %s: %s: %w", where(int(i)), b.code(int(i)), ErrDuplicateRegion)) {
			return nil, b.errs.join()
		}
	}
	parent := make([]int32, n)
	// first[p+1] counts the children of p; the virtual node n holds the roots.
	first := make([]int32, n+2)
	for i := range n {
		parent[i] = -1
		if b.parent[i] == 0 {
			first[n+1]++
			continue
		}
		p, ok := idx.Get(b.parent[i])
		switch {
		case !ok:
			b.report(fmt.Errorf("outcome: %s: %s: parent %s: %w", where(i), b.code(i), codeindex.String(b.parent[i]), ErrUnknownRegion))
			continue
		case b.level[p] >= b.level[i]:
			b.report(fmt.Errorf("outcome: %s: %s (%v) under %s (%v): %w", where(i), b.code(i), b.level[i], b.code(int(p)), b.level[p], ErrRegionLevel))
			continue
		}
		parent[i] = p
		first[p+1]++
	}
	if err := b.errs.join(); err != nil {
		return nil, err
	}

	// Children lists in one flat array (counting sort by parent), each
	// sorted by code; the roots are the list of the virtual node n. pos
	// serves as the fill cursor before it holds positions.
	for i := 0; i <= n; i++ {
		first[i+1] += first[i]
	}
	kids := make([]int32, n)
	pos := make([]int32, n+1)
	copy(pos, first[:n+1])
	for i := range n {
		p := parent[i]
		if p < 0 {
			p = int32(n)
		}
		kids[pos[p]] = int32(i)
		pos[p]++
	}
	byCode := func(x, y int32) int { return bytes.Compare(b.code(int(x)), b.code(int(y))) }
	for p := 0; p <= n; p++ {
		list := kids[first[p]:first[p+1]]
		if !slices.IsSortedFunc(list, byCode) {
			slices.SortFunc(list, byCode)
		}
	}

	b.off = append(b.off, uint32(len(b.text)))
	s := &RegionSet{
		off:     b.off,
		src:     make([]int32, 0, n),
		level:   make([]Level, 0, n),
		end:     make([]int32, n),
		parent:  make([]int32, n),
		byNum:   idx,
		ordered: true,
	}
	// Iterative depth-first walk: pos[i] is the new position of input i.
	type frame struct{ node, next int32 }
	stack := []frame{{int32(n), first[n]}}
	prev := []byte(nil)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next == first[top.node+1] {
			if top.node != int32(n) {
				s.end[pos[top.node]] = int32(len(s.level))
			}
			stack = stack[:len(stack)-1]
			continue
		}
		c := kids[top.next]
		top.next++
		pos[c] = int32(len(s.level))
		code := b.code(int(c))
		if prev != nil && bytes.Compare(prev, code) >= 0 {
			s.ordered = false
		}
		prev = code
		s.src = append(s.src, c)
		s.level = append(s.level, b.level[c])
		s.byLevel[b.level[c]]++
		stack = append(stack, frame{c, first[c]})
	}
	if len(b.text) > 0 {
		// The set owns the builder's text from here on and never writes it.
		s.text = unsafe.String(&b.text[0], len(b.text))
	}
	for i := range n {
		if parent[i] < 0 {
			s.parent[pos[i]] = -1
		} else {
			s.parent[pos[i]] = pos[parent[i]]
		}
	}
	s.byNum.Renumber(pos)
	return s, nil
}

// at returns the region at position i. Its strings share the set's text.
func (s *RegionSet) at(i int32) Region {
	j := s.src[i]
	o := s.off[3*j : 3*j+4]
	r := Region{Code: s.text[o[0]:o[1]], Name: Name{Zh: s.text[o[1]:o[2]], En: s.text[o[2]:o[3]]}, Level: s.level[i]}
	if p := s.parent[i]; p >= 0 {
		r.Parent = s.code(p)
	}
	return r
}

// code returns the code of the region at position i.
func (s *RegionSet) code(i int32) string {
	j := s.src[i]
	return s.text[s.off[3*j]:s.off[3*j+1]]
}

// pos returns the position of the region with the given code. Codes in a
// set are digits (Region.Validate), so the numeric table is the whole index.
func (s *RegionSet) pos(code string) (int32, bool) {
	k, ok := codeindex.ParseString(code)
	if !ok {
		return 0, false
	}
	return s.byNum.Get(k)
}

// Len returns the number of regions.
func (s *RegionSet) Len() int { return len(s.level) }

// CountAt returns the number of regions at level l.
func (s *RegionSet) CountAt(l Level) int {
	if !l.IsValid() {
		return 0
	}
	return int(s.byLevel[l])
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
		for i := range int32(len(s.level)) {
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
		for c := i + 1; c < s.end[i]; c = s.end[c] {
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
		for d := i + 1; d < s.end[i]; d++ {
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
		for p := s.parent[i]; p >= 0; p = s.parent[p] {
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
	return ok && ok2 && a <= i && i < s.end[a]
}

// subtree returns the positions lo to hi of the region code and its
// descendants; the whole set for "".
func (s *RegionSet) subtree(code string) (lo, hi int32, ok bool) {
	if code == "" {
		return 0, int32(len(s.level)), true
	}
	i, ok := s.pos(code)
	if !ok {
		return 0, 0, false
	}
	return i, s.end[i], true
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
	for i, lv := range s.level[lo:hi] {
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
	if !s.ordered {
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
func (s *RegionSet) tree() store.Tree { return store.Tree{End: s.end, Parent: s.parent} }
