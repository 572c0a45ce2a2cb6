package target

import (
	"fmt"
	"slices"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
)

// Population is the set of units a per-unit target checks one by one: every
// region of a level within a region ([AllAt]), or an explicit list
// ([Listed]), optionally narrowed by a condition ([Population.Where]). It is
// resolved against a ledger's region set when the target is evaluated. A
// population known only by its size ([Counted]) can be evaluated from an
// aggregate figure only. [Population.In] narrows any of them to a region.
// The zero value is empty and invalid for a target.
type Population struct {
	name      lang.Name
	level     outcome.Level
	within    string
	codes     []string
	size      int
	keep      func(outcome.Region) bool
	condition lang.Name
	scopes    []string  // regions of In calls: every unit lies within each
	counted   int       // the size a listed population was known by before its units were listed
	countedIn string    // the region that size was of
	attr      [2]string // WhereAttr: the attribute and the value a unit must have
}

// WhereAttr returns a copy of p narrowed to the units whose attribute key
// (a column of the region file, [outcome.Region.Attrs]) is value: the poor
// villages of a county's village list, WhereAttr("是否贫困村", "是"). Unlike
// [Population.Where] it needs no function: populations compare equal and
// targets over it evaluate side by side.
func (p Population) WhereAttr(key, value string) Population {
	p.attr = [2]string{key, value}
	if p.condition == (lang.Name{}) {
		p.condition = lang.Name{Zh: key + "为" + value, En: key + " = " + value}
	}
	return p
}

// keeps reports whether r passes p's condition and attribute.
func (p Population) keeps(r outcome.Region) bool {
	if p.attr[0] != "" {
		if v, _ := r.Attrs.Get(p.attr[0]); v != p.attr[1] {
			return false
		}
	}
	return p.keep == nil || p.keep(r)
}

// narrowed reports whether p keeps only some units of its level or list.
func (p Population) narrowed() bool { return p.keep != nil || p.attr[0] != "" }

// Counted is a population known only by its size within the region code:
// 「全省…3209个贫困村」 when no list of the villages is at hand. A coverage
// over it is read from the aggregate indicator set by [Target.CoveredBy];
// there is no unit-by-unit shortfall.
func Counted(name lang.Name, n int, within string) Population {
	return Population{name: name, size: n, within: within}
}

// Size returns the size of a [Counted] population, or 0.
func (p Population) Size() int { return p.size }

// AllAt is every region of level within the region code ("" for the whole
// set): all poor villages of a province, every county of Hunan.
func AllAt(name lang.Name, level outcome.Level, within string) Population {
	return Population{name: name, level: level, within: within}
}

// Listed is the regions with the given codes: the 51 poor counties.
func Listed(name lang.Name, codes ...string) Population {
	return Population{name: name, codes: slices.Clone(codes)}
}

// Where returns a copy of p narrowed to the units for which keep returns
// true; condition names the rule for reports. 「有条件的贫困县」 is a
// population whose condition the caller supplies. A nil keep names the
// condition without narrowing: every unit counts until the condition is
// known. Evaluating a target calls keep from one goroutine; a program
// evaluates the targets that call keep one after another unless told that
// keep is safe for concurrent use (EvaluateConcurrently in package
// program).
func (p Population) Where(condition lang.Name, keep func(outcome.Region) bool) Population {
	p.condition, p.keep = condition, keep
	return p
}

// In returns a copy of p narrowed to the units within the region code: the
// poor counties of one prefecture, the villages of one county. In("")
// changes nothing. Regions are checked when p is resolved. A [Counted]
// population cannot be narrowed below its own region, since its count
// there is unknown: a target over it reports no data in a narrower region
// until its units are listed ([Target.ListUnits]).
func (p Population) In(region string) Population {
	if region != "" && !slices.Contains(p.scopes, region) {
		p.scopes = append(slices.Clone(p.scopes), region)
	}
	return p
}

// Equal reports whether p and q select the same units: the same name,
// level, region, codes, size, condition and narrowing. Predicates are Go
// functions and cannot be compared: two populations are equal only if
// neither has one.
func (p Population) Equal(q Population) bool {
	return p.sameUnits(q) && slices.Equal(p.scopes, q.scopes)
}

// sameUnits is [Population.Equal] without the narrowing.
func (p Population) sameUnits(q Population) bool {
	return p.name == q.name && p.level == q.level && p.within == q.within && slices.Equal(p.codes, q.codes) &&
		p.size == q.size && p.condition == q.condition && p.attr == q.attr && p.keep == nil && q.keep == nil
}

// listed returns p with its units given by codes: a listed population with
// p's name, region, condition and narrowing.
func (p Population) listed(codes []string) Population {
	if p.size > 0 {
		p.counted, p.countedIn = p.size, p.within
	}
	p.codes, p.size, p.level = slices.Clone(codes), 0, 0
	if p.codes == nil {
		p.codes = []string{}
	}
	return p
}

// Name returns the population's name.
func (p Population) Name() lang.Name { return p.name }

// Level returns the level of an [AllAt] population, or 0.
func (p Population) Level() outcome.Level { return p.level }

// Within returns the region an [AllAt] population lies in.
func (p Population) Within() string { return p.within }

// Codes returns a copy of a [Listed] population's codes.
func (p Population) Codes() []string { return slices.Clone(p.codes) }

// Condition returns the name of the condition set by [Population.Where].
func (p Population) Condition() lang.Name { return p.condition }

// Conditional reports whether p is narrowed by a condition.
func (p Population) Conditional() bool { return p.keep != nil }

// Attr returns the attribute and value set by [Population.WhereAttr].
func (p Population) Attr() (key, value string) { return p.attr[0], p.attr[1] }

// IsZero reports whether p is the zero, empty population.
func (p Population) IsZero() bool { return p.level == 0 && p.codes == nil && p.size == 0 }

// Resolve returns p's units in rs, sorted by code: within p's region and
// every region it was narrowed to; none when those regions are disjoint.
// Codes of a listed population that rs does not hold are an error, and so
// is a region rs does not hold.
func (p Population) Resolve(rs *outcome.RegionSet) (outcome.Selection, error) {
	within, ok, err := deepest(rs, p.within, p.scopes...)
	if err != nil {
		return outcome.Selection{}, fmt.Errorf("target: population %v: %w", p.name, err)
	}
	if !ok {
		return rs.SelectCodes()
	}
	switch {
	case p.codes != nil:
		sel, err := rs.SelectCodes(p.codes...)
		if err != nil || (!p.narrowed() && within == "") {
			return sel, err
		}
		codes := make([]string, 0, sel.Len())
		for r := range sel.All() {
			if (within == "" || rs.Within(r.Code, within)) && p.keeps(r) {
				codes = append(codes, r.Code)
			}
		}
		return rs.SelectCodes(codes...)
	case p.level.IsValid() && !p.narrowed():
		return rs.SelectLevel(within, p.level)
	case p.level.IsValid():
		level := p.level
		return rs.Select(within, func(r outcome.Region) bool {
			return r.Level == level && p.keeps(r)
		})
	}
	return outcome.Selection{}, fmt.Errorf("target: population %v: %w", p.name, outcome.ErrMissing)
}

// deepest returns the region among first and more ("" for the whole set)
// that lies within all the others: where a target or population narrowed
// more than once is. ok is false when two of them are disjoint, so nothing
// lies within all. A code rs does not hold is an error wrapping
// [outcome.ErrUnknownRegion].
func deepest(rs *outcome.RegionSet, first string, more ...string) (region string, ok bool, err error) {
	region, ok = first, true
	for _, c := range append([]string{first}, more...) {
		switch {
		case c == "":
		case !rs.Contains(c):
			return "", false, fmt.Errorf("region %s: %w", c, outcome.ErrUnknownRegion)
		case region == "" || rs.Within(c, region):
			region = c
		case !rs.Within(region, c):
			ok = false
		}
	}
	if !ok {
		return "", false, nil
	}
	return region, true, nil
}
