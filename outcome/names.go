package outcome

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/taizhang/taizhang/internal/codeindex"
)

// Regions by name. Offices write 泸溪县/浦市镇/下都村 where a file of codes
// would have 433122104201: a name path, read from the last name up, or a
// name alone when it is unique in the set. The names are indexed the first
// time one is looked up, so a ledger read by codes never pays for it.

var (
	errRegionName      = reason(ErrUnknownRegion, "no region of that name")
	errAmbiguousRegion = reason(ErrUnknownRegion, "region name is ambiguous (write its name path, such as 泸溪县/浦市镇/下都村, or its code)")
)

// maxCandidates is how many regions an error about a name lists.
const maxCandidates = 5

// nameIndex finds regions by Chinese name: a hash table chained through
// the positions, 8 bytes a region (head and next), the names staying in
// the set's text. A national set of a million villages indexes in 8 MB.
type nameIndex struct {
	seed maphash.Seed
	mask uint64
	head []int32 // hash bucket → first position + 1; 0 is empty
	next []int32 // position → next position + 1 in its bucket
}

// names returns the name index, building it on first use.
func (s *RegionSet) names() *nameIndex {
	s.byName.once.Do(func() {
		n := len(s.t.Level)
		size := 1 << bits.Len(uint(n|1)) // at least n buckets, a power of two
		ix := &nameIndex{seed: maphash.MakeSeed(), mask: uint64(size - 1), head: make([]int32, size), next: make([]int32, n)}
		for i := int32(n) - 1; i >= 0; i-- { // each bucket lists positions in order
			zh, _ := s.t.Names(i)
			h := maphash.String(ix.seed, zh) & ix.mask
			ix.next[i], ix.head[h] = ix.head[h], i+1
		}
		s.byName.ix = ix
	})
	return s.byName.ix
}

// lazyNames holds a set's name index once it is made.
type lazyNames struct {
	once sync.Once
	ix   *nameIndex
}

// named appends to dst the positions of the regions named zh, in
// depth-first order.
func (s *RegionSet) named(dst []int32, zh string) []int32 {
	ix := s.names()
	if len(ix.head) == 0 {
		return dst
	}
	for i := ix.head[maphash.String(ix.seed, zh)&ix.mask]; i != 0; i = ix.next[i-1] {
		if name, _ := s.t.Names(i - 1); name == zh {
			dst = append(dst, i-1)
		}
	}
	return dst
}

// Find returns the region that ref names: its code, its name path from
// any ancestor down (泸溪县/浦市镇/下都村, 湖南省/泸溪县/下都村: each name an
// ancestor of the next, levels may be skipped), or a Chinese name that no
// other region of the set bears. An unknown or ambiguous name is an error
// wrapping [ErrUnknownRegion] that lists the candidates.
func (s *RegionSet) Find(ref string) (Region, error) {
	i, err := s.find(ref)
	if err != nil {
		return Region{}, fmt.Errorf("outcome: region %q: %w", ref, err)
	}
	return s.at(i), nil
}

// find returns the position of the region ref names, as [RegionSet.Find]
// says; the error is the reason, with the candidates.
func (s *RegionSet) find(ref string) (int32, error) {
	if k, ok := codeindex.ParseString(ref); ok {
		if i, ok := s.t.ByNum.Get(k); ok {
			return i, nil
		}
		return 0, ErrUnknownRegion
	}
	if !utf8.ValidString(ref) {
		return 0, ErrEncoding
	}
	path := splitPath(ref)
	if len(path) == 0 {
		return 0, ErrMissing
	}
	var buf [8]int32
	named := s.named(buf[:0], path[len(path)-1])
	found := named[:0:0]
	for _, i := range named {
		if s.onPath(i, path[:len(path)-1]) {
			found = append(found, i)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return 0, fmt.Errorf("%w: %d regions: %s", errAmbiguousRegion, len(found), s.candidates(found))
	case len(named) > 0:
		return 0, fmt.Errorf("%w: %s is %s", errRegionName, path[len(path)-1], s.candidates(named))
	}
	if similar := s.similar(path[len(path)-1]); len(similar) > 0 {
		return 0, fmt.Errorf("%w; similar: %s", errRegionName, s.candidates(similar))
	}
	return 0, errRegionName
}

// splitPath splits a name path at / (or ／), trimming each name and
// dropping empty ones.
func splitPath(ref string) []string {
	parts := strings.FieldsFunc(ref, func(r rune) bool { return r == '/' || r == '／' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// onPath reports whether the ancestors of i bear the names of path, the
// nearest name first, skipping ancestors between them.
func (s *RegionSet) onPath(i int32, path []string) bool {
	j := len(path) - 1
	for p := s.t.Parent[i]; p >= 0 && j >= 0; p = s.t.Parent[p] {
		if zh, _ := s.t.Names(p); zh == path[j] {
			j--
		}
	}
	return j < 0
}

// similar returns the positions of up to maxCandidates+1 regions whose
// name begins with name or is a beginning of it (泸溪 for 泸溪县, 下都村委会
// for 下都村), or, when none does, whose name is one character away from it
// (泸西县 for 泸溪县: a character written for another that sounds alike, one
// left out or one too many): a scan of the whole set, made only for an
// error.
func (s *RegionSet) similar(name string) []int32 {
	var out []int32
	for i := range int32(len(s.t.Level)) {
		zh, _ := s.t.Names(i)
		if zh != "" && (strings.HasPrefix(zh, name) || strings.HasPrefix(name, zh) && utf8.RuneCountInString(zh) >= 2) {
			if out = append(out, i); len(out) > maxCandidates {
				return out
			}
		}
	}
	if len(out) > 0 || utf8.RuneCountInString(name) < 2 {
		return out
	}
	for i := range int32(len(s.t.Level)) {
		zh, _ := s.t.Names(i)
		if d := len(zh) - len(name); d >= -utf8.UTFMax && d <= utf8.UTFMax && oneEditApart(zh, name) {
			if out = append(out, i); len(out) > maxCandidates {
				break
			}
		}
	}
	return out
}

// oneEditApart reports whether a and b differ by exactly one character
// replaced, added or removed.
func oneEditApart(a, b string) bool {
	if a == b {
		return false
	}
	// Strip the common beginning and end; one edit leaves at most one
	// character on either side.
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[na:], b[nb:]
	}
	for a != "" && b != "" {
		ra, na := utf8.DecodeLastRuneInString(a)
		rb, nb := utf8.DecodeLastRuneInString(b)
		if ra != rb {
			break
		}
		a, b = a[:len(a)-na], b[:len(b)-nb]
	}
	return utf8.RuneCountInString(a) <= 1 && utf8.RuneCountInString(b) <= 1
}

// candidates lists regions by name path and code, the first maxCandidates.
func (s *RegionSet) candidates(ids []int32) string {
	var b strings.Builder
	for n, i := range ids {
		if n == maxCandidates {
			fmt.Fprintf(&b, " and %d more", len(ids)-n)
			break
		}
		if n > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.path(i))
		fmt.Fprintf(&b, " (%s)", s.code(i))
	}
	return b.String()
}

// path returns the name path of the region at i, from the highest
// ancestor below the nation.
func (s *RegionSet) path(i int32) string {
	var names []string
	for p := i; p >= 0; p = s.t.Parent[p] {
		if s.t.Level[p] == Nation {
			break
		}
		zh, _ := s.t.Names(p)
		names = append(names, zh)
	}
	slices.Reverse(names)
	return strings.Join(names, "/")
}

// Indicators by name. A file may name an indicator by its code, its
// Chinese or English name, or one of its [Indicator.Aliases]; codes come
// first, and a name two indicators share names neither.

var errAmbiguousIndicator = reason(ErrUnknownIndicator, "indicator name is ambiguous (write its code)")

// ambiguous marks a name in Ledger.byName that two indicators bear.
const ambiguous = -1

// indexNames indexes the names and aliases of the ledger's indicators; an
// alias that is another indicator's code is an error.
func (l *Ledger) indexNames() []error {
	var errs []error
	l.byName = map[string]int{}
	for i, s := range l.series {
		names := append([]string{s.ind.Name.Zh, s.ind.Name.En}, s.ind.Aliases...)
		for k, n := range names {
			n = strings.TrimSpace(n)
			if n == "" || n == s.ind.Code {
				continue
			}
			if j, isCode := l.byCode[n]; isCode {
				if k >= 2 { // an alias; a name is only shadowed by the code
					errs = append(errs, fmt.Errorf("outcome: indicator %q: alias %q is the code of indicator %q: %w", s.ind.Code, n, l.series[j].ind.Code, errInvalidIndicator))
				}
				continue
			}
			if j, dup := l.byName[n]; dup && j != i {
				l.byName[n] = ambiguous
				continue
			}
			l.byName[n] = i
		}
	}
	return errs
}

// FindIndicator returns the indicator that ref names: its code, its
// Chinese or English name, or one of its aliases. An unknown name is an
// error wrapping [ErrUnknownIndicator] that lists the closest known
// indicators.
func (l *Ledger) FindIndicator(ref string) (Indicator, error) {
	i, err := l.findIndicator(ref)
	if err != nil {
		return Indicator{}, fmt.Errorf("outcome: indicator %q: %w", ref, err)
	}
	return l.series[i].ind, nil
}

// findIndicator returns the series ref names, or the reason it names none.
func (l *Ledger) findIndicator(ref string) (int, error) {
	if i, ok := l.byCode[ref]; ok {
		return i, nil
	}
	ref = strings.TrimSpace(ref)
	if i, ok := l.byCode[ref]; ok {
		return i, nil
	}
	switch i, ok := l.byName[ref]; {
	case ok && i == ambiguous:
		var codes []string
		for _, s := range l.series {
			if s.ind.Name.Zh == ref || s.ind.Name.En == ref || slices.Contains(s.ind.Aliases, ref) {
				codes = append(codes, s.ind.Code)
			}
		}
		return 0, fmt.Errorf("%w: %s", errAmbiguousIndicator, strings.Join(codes, ", "))
	case ok:
		return i, nil
	}
	return 0, l.unknownIndicator(ref)
}

// maxSuggestions is how many indicators an unknown name's error suggests.
const maxSuggestions = 3

// unknownIndicator is [ErrUnknownIndicator] for ref, naming the closest
// indicators: the fewest edits (of characters, not bytes) from ref to
// their code, names or aliases, in the ledger's order on a tie.
func (l *Ledger) unknownIndicator(ref string) error {
	type near struct{ dist, i int }
	var ns []near
	for i, s := range l.series {
		d := -1
		for _, n := range append([]string{s.ind.Code, s.ind.Name.Zh, s.ind.Name.En}, s.ind.Aliases...) {
			if n != "" {
				if e := editDistance(ref, n); d < 0 || e < d {
					d = e
				}
			}
		}
		// Suggest only what shares something with ref.
		if d >= 0 && d < max(utf8.RuneCountInString(ref), 1) {
			ns = append(ns, near{d, i})
		}
	}
	slices.SortStableFunc(ns, func(a, b near) int { return a.dist - b.dist })
	if len(ns) == 0 {
		return ErrUnknownIndicator
	}
	var b strings.Builder
	for k, n := range ns[:min(len(ns), maxSuggestions)] {
		if k > 0 {
			b.WriteString(", ")
		}
		ind := l.series[n.i].ind
		b.WriteString(ind.Code)
		if ind.Name.Zh != "" {
			fmt.Fprintf(&b, " (%s)", ind.Name.Zh)
		}
	}
	return fmt.Errorf("%w; closest: %s", ErrUnknownIndicator, b.String())
}

// nearIndicator returns the Chinese name of the indicator whose name or
// alias ref misspells, or "": one character away from a name of four or
// more, two from one of six or more.
func (l *Ledger) nearIndicator(ref string) string {
	n := utf8.RuneCountInString(ref)
	for _, s := range l.series {
		for _, name := range append([]string{s.ind.Name.Zh}, s.ind.Aliases...) {
			m := utf8.RuneCountInString(name)
			if name == "" || min(n, m) < 4 {
				continue
			}
			if d := editDistance(ref, name); d == 1 || d == 2 && min(n, m) >= 6 {
				return s.ind.Name.Zh
			}
		}
	}
	return ""
}

// editDistance returns the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, prev[j]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
