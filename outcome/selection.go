package outcome

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
)

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
