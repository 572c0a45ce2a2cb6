package target

import (
	"fmt"
	"slices"

	"github.com/taizhang/taizhang/outcome"
)

// Population is the set of units a per-unit target checks one by one: every
// region of a level within a region ([AllAt]), or an explicit list
// ([Listed]), optionally narrowed by a condition ([Population.Where]). It is
// resolved against a ledger's region set when the target is evaluated. A
// population known only by its size ([Counted]) can be evaluated from an
// aggregate figure only. The zero value is empty and invalid for a target.
type Population struct {
	name      outcome.Name
	level     outcome.Level
	within    string
	codes     []string
	size      int
	keep      func(outcome.Region) bool
	condition outcome.Name
}

// Counted is a population known only by its size within the region code:
// 「全省…3209个贫困村」 when no list of the villages is at hand. A coverage
// over it is read from the aggregate indicator set by [Target.CoveredBy];
// there is no unit-by-unit shortfall.
func Counted(name outcome.Name, n int, within string) Population {
	return Population{name: name, size: n, within: within}
}

// Size returns the size of a [Counted] population, or 0.
func (p Population) Size() int { return p.size }

// AllAt is every region of level within the region code ("" for the whole
// set): all poor villages of a province, every county of Hunan.
func AllAt(name outcome.Name, level outcome.Level, within string) Population {
	return Population{name: name, level: level, within: within}
}

// Listed is the regions with the given codes: the 51 poor counties.
func Listed(name outcome.Name, codes ...string) Population {
	return Population{name: name, codes: slices.Clone(codes)}
}

// Where returns a copy of p narrowed to the units for which keep returns
// true; condition names the rule for reports. 「有条件的贫困县」 is a
// population whose condition the caller supplies. A nil keep names the
// condition without narrowing: every unit counts until the condition is
// known. keep must be safe to call from several goroutines at once: a
// program evaluates its targets side by side.
func (p Population) Where(condition outcome.Name, keep func(outcome.Region) bool) Population {
	p.condition, p.keep = condition, keep
	return p
}

// Equal reports whether p and q select the same units: the same name,
// level, region, codes, size and condition. Predicates are Go functions and
// cannot be compared: two populations are equal only if neither has one.
func (p Population) Equal(q Population) bool {
	return p.name == q.name && p.level == q.level && p.within == q.within && slices.Equal(p.codes, q.codes) &&
		p.size == q.size && p.condition == q.condition && p.keep == nil && q.keep == nil
}

// Name returns the population's name.
func (p Population) Name() outcome.Name { return p.name }

// Level returns the level of an [AllAt] population, or 0.
func (p Population) Level() outcome.Level { return p.level }

// Within returns the region an [AllAt] population lies in.
func (p Population) Within() string { return p.within }

// Codes returns a copy of a [Listed] population's codes.
func (p Population) Codes() []string { return slices.Clone(p.codes) }

// Condition returns the name of the condition set by [Population.Where].
func (p Population) Condition() outcome.Name { return p.condition }

// Conditional reports whether p is narrowed by a condition.
func (p Population) Conditional() bool { return p.keep != nil }

// IsZero reports whether p is the zero, empty population.
func (p Population) IsZero() bool { return p.level == 0 && p.codes == nil && p.size == 0 }

// Resolve returns p's units in rs, sorted by code. Codes of a listed
// population that rs does not hold are an error.
func (p Population) Resolve(rs *outcome.RegionSet) (outcome.Selection, error) {
	switch {
	case p.codes != nil:
		sel, err := rs.SelectCodes(p.codes...)
		if err != nil || p.keep == nil {
			return sel, err
		}
		codes := make([]string, 0, sel.Len())
		for r := range sel.All() {
			if p.keep(r) {
				codes = append(codes, r.Code)
			}
		}
		return rs.SelectCodes(codes...)
	case p.level.IsValid() && p.keep == nil:
		return rs.SelectLevel(p.within, p.level)
	case p.level.IsValid():
		level, keep := p.level, p.keep
		return rs.Select(p.within, func(r outcome.Region) bool {
			return r.Level == level && (keep == nil || keep(r))
		})
	}
	return outcome.Selection{}, fmt.Errorf("target: population %v: %w", p.name, outcome.ErrMissing)
}
