// Package regiontree lays a set of coded regions out as a tree in arrays:
// depth-first, children sorted by code, so that a region's descendants are
// contiguous, with codes and names in one string and a code index. It
// checks the shape of the tree (codes unique, parents present and of a
// higher level); what a code or a level means is the caller's.
package regiontree

import (
	"bytes"
	"math"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/taizhang/taizhang/internal/codeindex"
	"github.com/taizhang/taizhang/internal/column"
)

// Tree is a set of regions in depth-first order; a region is known by its
// position. L is the caller's level type: a parent's level is lower.
type Tree[L ~uint8] struct {
	Text    string          // code, Chinese and English name of each region, in input order
	Off     []uint32        // Off[3j], Off[3j+1], Off[3j+2]: where input j's code and names start; Off[3n] = len(Text)
	Src     []int32         // Src[i]: the input index of the region at position i
	Level   []L             //
	End     []int32         // End[i]: one past the last descendant of i
	Parent  []int32         // -1 for a root
	ByNum   codeindex.Table // code → position
	Runs    *codeindex.Runs // six- and twelve-digit code → position, for large sets in code order; may be nil
	ByLevel [256]int32      // how many regions of each level
	Ordered bool            // depth-first order is also code order
}

// Len returns the number of regions.
func (t *Tree[L]) Len() int { return len(t.Level) }

// Code returns the code of the region at position i.
func (t *Tree[L]) Code(i int32) string {
	j := t.Src[i]
	return t.Text[t.Off[3*j]:t.Off[3*j+1]]
}

// Names returns the Chinese and English names of the region at position i.
func (t *Tree[L]) Names(i int32) (zh, en string) {
	j := t.Src[i]
	o := t.Off[3*j : 3*j+4]
	return t.Text[o[1]:o[2]], t.Text[o[2]:o[3]]
}

// Builder gathers regions in input order, their text in one buffer, for
// [Builder.Build] to check and lay out. It may index their codes as they
// come ([Builder.IndexCodes]), so that a reader indexes while it parses.
type Builder[L ~uint8] struct {
	text   []byte   // code, Chinese and English name of each region
	off    []uint32 // three per region: where its code and names start
	level  []L
	parent []uint64 // codeindex.Key of the parent; 0 for a root

	// unordered: a code came after a greater or equal one. Checked as
	// regions come, on the CPUs that parse them; a file sorted by code,
	// as most are, then needs no sorting check in Build.
	unordered bool

	// The code index, filled as regions come by IndexCodes.
	idx     codeindex.Table
	indexed int     // how many regions idx holds
	dups    []int32 // regions whose code came before
}

// Grow makes room for n more regions with textLen bytes of codes and names.
func (b *Builder[L]) Grow(n, textLen int) {
	b.text = column.Reserve(b.text, textLen)
	b.off = column.Reserve(b.off, 3*n+1)
	b.level = column.Reserve(b.level, n)
	b.parent = column.Reserve(b.parent, n)
}

// Reserve makes the code index with room for n regions.
func (b *Builder[L]) Reserve(n int) { b.idx, b.indexed, b.dups = codeindex.New(n), 0, b.dups[:0] }

// Len returns the number of regions added.
func (b *Builder[L]) Len() int { return len(b.level) }

// Reset empties b, keeping its memory.
func (b *Builder[L]) Reset() {
	b.text, b.off, b.level, b.parent = b.text[:0], b.off[:0], b.level[:0], b.parent[:0]
	b.unordered = false
}

// Add appends a region; code and parent ("" for a root) must be valid
// codes (codeindex.Parse).
func Add[L ~uint8, T string | []byte](b *Builder[L], code, zh, en T, level L, parent T) {
	if n := len(b.level); n > 0 && !b.unordered && string(b.Code(n-1)) >= string(code) {
		b.unordered = true
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
}

// Append appends the regions of o.
func (b *Builder[L]) Append(o *Builder[L]) {
	if n := len(b.level); o.unordered || n > 0 && len(o.level) > 0 && string(b.Code(n-1)) >= string(o.Code(0)) {
		b.unordered = true
	}
	base := uint32(len(b.text))
	b.text = append(b.text, o.text...)
	for _, x := range o.off {
		b.off = append(b.off, base+x)
	}
	b.level = append(b.level, o.level...)
	b.parent = append(b.parent, o.parent...)
}

// Code returns the code of the i-th region added.
func (b *Builder[L]) Code(i int) []byte { return b.text[b.off[3*i]:b.off[3*i+1]] }

// LevelOf returns the level of the i-th region added.
func (b *Builder[L]) LevelOf(i int) L { return b.level[i] }

// lookupGroup is how many codes are indexed together: the loads of a
// group are independent, so the CPU overlaps their cache misses.
const lookupGroup = 16

// IndexFits reports whether the code index has room for n regions.
func (b *Builder[L]) IndexFits(n int) bool { return b.idx.Fits(n) }

// IndexCodes puts the codes of the first n regions in the index, those
// not indexed yet; an index too small for n is made anew, for all of them.
// The regions whose code is there already are noted as duplicates.
func (b *Builder[L]) IndexCodes(n int) {
	if !b.idx.Fits(n) {
		b.Reserve(n)
	}
	var packed, home [lookupGroup]uint64
	for lo := b.indexed; lo < n; lo += lookupGroup {
		// Pack a group's codes, then load their home slots together, so
		// that the cache misses overlap, then insert.
		m := min(lookupGroup, n-lo)
		for j := range m {
			packed[j] = codeindex.Pack(codeindex.Key(b.Code(lo + j)))
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

// runsFrom is the fewest regions for which a tree has Runs: their table
// of six-digit codes takes 4 MB.
const runsFrom = 1 << 14

// ProblemKind is what is wrong with a region's place in the tree.
type ProblemKind uint8

const (
	Duplicate     ProblemKind = 1 + iota // its code came before
	UnknownParent                        // its parent is not in the set
	ParentLevel                          // its parent's level is not above its own
	TooMany                              // more regions than a tree holds
	TooLarge                             // codes and names take more than 4 GiB
)

// Problem is a region, by input index, that cannot take its place.
type Problem struct {
	Kind   ProblemKind
	Region int    // the input index
	Parent int    // for ParentLevel, the input index of the parent; for Duplicate, of the first region of the code
	Key    uint64 // for UnknownParent, the codeindex.Key of the parent
}

// Build resolves parents and lays the regions out depth-first. It calls
// report for each problem, in input order, until report returns true; with
// any problem it returns false and no tree.
func (b *Builder[L]) Build(report func(Problem) (stop bool)) (*Tree[L], bool) {
	n := len(b.level)
	switch {
	case len(b.text) > math.MaxUint32:
		report(Problem{Kind: TooLarge})
		return nil, false
	case n > codeindex.MaxPositions:
		report(Problem{Kind: TooMany, Region: n})
		return nil, false
	}
	b.IndexCodes(n)
	failed := false
	for _, i := range b.dups {
		failed = true
		first, _ := b.idx.Get(codeindex.Key(b.Code(int(i))))
		if report(Problem{Kind: Duplicate, Region: int(i), Parent: int(first)}) {
			return nil, false
		}
	}
	idx := b.idx
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
			failed = true
			if report(Problem{Kind: UnknownParent, Region: i, Key: b.parent[i]}) {
				return nil, false
			}
			continue
		case b.level[p] >= b.level[i]:
			failed = true
			if report(Problem{Kind: ParentLevel, Region: i, Parent: int(p)}) {
				return nil, false
			}
			continue
		}
		parent[i] = p
		first[p+1]++
	}
	if failed {
		return nil, false
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
	// Regions given in code order make lists in code order.
	byCode := func(x, y int32) int { return bytes.Compare(b.Code(int(x)), b.Code(int(y))) }
	for p := 0; p <= n && b.unordered; p++ {
		list := kids[first[p]:first[p+1]]
		if !slices.IsSortedFunc(list, byCode) {
			slices.SortFunc(list, byCode)
		}
	}

	b.off = append(b.off, uint32(len(b.text)))
	t := &Tree[L]{
		Off:     b.off,
		Src:     make([]int32, 0, n),
		Level:   make([]L, 0, n),
		End:     make([]int32, n),
		Parent:  make([]int32, n),
		ByNum:   idx,
		Ordered: true,
	}
	// Iterative depth-first walk: pos[i] is the new position of input i.
	type frame struct{ node, next int32 }
	stack := []frame{{int32(n), first[n]}}
	prev, prevC := []byte(nil), int32(-1)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next == first[top.node+1] {
			if top.node != int32(n) {
				t.End[pos[top.node]] = int32(len(t.Level))
			}
			stack = stack[:len(stack)-1]
			continue
		}
		c := kids[top.next]
		top.next++
		pos[c] = int32(len(t.Level))
		// Regions following each other in the input follow each other
		// in code order when the input is in code order: only others
		// need comparing.
		code := b.Code(int(c))
		if prev != nil && (b.unordered || c != prevC+1) && bytes.Compare(prev, code) >= 0 {
			t.Ordered = false
		}
		prev, prevC = code, c
		t.Src = append(t.Src, c)
		t.Level = append(t.Level, b.level[c])
		t.ByLevel[b.level[c]]++
		stack = append(stack, frame{c, first[c]})
	}
	// The runs of a large set are made on another CPU while parents are
	// numbered and the index renumbered.
	var runs sync.WaitGroup
	if t.Ordered && n >= runsFrom {
		runs.Go(func() {
			t.Runs = codeindex.NewRuns(n, func(i int32) uint64 {
				k, _ := codeindex.Parse(b.Code(int(t.Src[i]))) // eight digits at a time; Add took digits only
				return k
			})
		})
	}
	if len(b.text) > 0 {
		// The tree owns the builder's text from here on and never writes it.
		t.Text = unsafe.String(&b.text[0], len(b.text))
	}
	for i := range n {
		if parent[i] < 0 {
			t.Parent[pos[i]] = -1
		} else {
			t.Parent[pos[i]] = pos[parent[i]]
		}
	}
	t.ByNum.Renumber(pos)
	runs.Wait()
	return t, true
}
