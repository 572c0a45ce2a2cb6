package target

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// Kind is the shape of a target.
type Kind uint8

const (
	KindAtLeast     Kind = 1 + iota // an aggregate of at least N: 100 platforms
	KindRange                       // an aggregate within a–b: 3 000—5 000 星创天地
	KindCoverage                    // every unit of a population has at least k
	KindEachInRange                 // every unit of a population has a–b: 3—5 leaders per village
	KindReduction                   // from a baseline down to a goal: 9899万 poor → 0
	KindAllOf                       // every part is met
	KindObserve                     // no requirement: the recorded figure is shown
	KindEachYear                    // every civil year at least N: 「每年组织5000余名科技特派员」
)

var kindNames = [...]lang.Name{
	KindAtLeast:     {Zh: "总量不少于", En: "at least"},
	KindRange:       {Zh: "总量区间", En: "range"},
	KindCoverage:    {Zh: "全覆盖", En: "coverage"},
	KindEachInRange: {Zh: "每单位区间", En: "each in range"},
	KindReduction:   {Zh: "减少至", En: "reduction"},
	KindAllOf:       {Zh: "全部达成", En: "all of"},
	KindObserve:     {Zh: "记录", En: "recorded"},
	KindEachYear:    {Zh: "每年不少于", En: "each year at least"},
}

// Name returns the bilingual name of the kind.
func (k Kind) Name() lang.Name {
	if k != 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return lang.Name{}
}

// String returns the Chinese name, as ledgers and reports write it;
// Name().In(lang.English) is the English, and JSON writes the English.
func (k Kind) String() string {
	if n := k.Name(); !n.IsZero() {
		return n.Zh
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ErrInvalid reports a target that cannot be evaluated as defined.
var ErrInvalid = errors.New("invalid target")

// Error reports a problem with a target: which target, which field and
// which value. It unwraps to a sentinel: [ErrInvalid] or one of outcome's
// ([outcome.ErrUnitMismatch], [outcome.ErrInvalid], …).
type Error struct {
	ID    string // the target's id
	Field string // "unit", "required", "population", …
	Value string
	Err   error
}

func (e *Error) Error() string {
	return fmt.Sprintf("target: %s: %s %q: %v", e.ID, e.Field, e.Value, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Target says what must hold, over which regions, by when, and where it was
// stated. Build one with [AtLeast], [Range], [Coverage], [EachInRange],
// [Reduction], [EachYear], [Observe] or [AllOf], then refine it with
// [Target.From], [Target.By], [Target.In], [Target.Cite] and
// [Target.CoveredBy], which return copies. The zero value is invalid.
type Target struct {
	id        string
	name      lang.Name
	kind      Kind
	indicator string
	scope     string
	outer     []string // regions of earlier In calls: the target lies within each
	pop       Population
	required  quantity.Quantity
	baseline  quantity.Quantity
	start     time.Time
	deadline  time.Time
	source    outcome.Citation
	coveredBy string
	seeAlso   []string
	parts     []Target

	// outside is set when evaluation finds that the target covers nothing
	// it can evaluate in its scope: it says why, and the result has no data.
	outside lang.Name
	// yearOf marks a year of an each-year target, whose records across
	// the year's edge the whole notes (noteStraddling), not each year.
	yearOf bool
}

// AtLeast is the target "the aggregate of indicator reaches n": 「1000个以上
// 农技协联合会」 or a bare 「一百个」.
func AtLeast(id string, name lang.Name, indicator string, n quantity.Quantity) Target {
	return Target{id: id, name: name, kind: KindAtLeast, indicator: indicator, required: n}
}

// Range is the target "the aggregate of indicator lies within the range r",
// such as 3 000—5 000个.
func Range(id string, name lang.Name, indicator string, r quantity.Quantity) Target {
	return Target{id: id, name: name, kind: KindRange, indicator: indicator, required: r}
}

// Coverage is the target "every unit of pop has at least k of indicator":
// every poor county at least one featured industry. A population given by a
// predicate or a list ([Population.Where], [Listed]) makes it a conditional
// coverage.
func Coverage(id string, name lang.Name, indicator string, pop Population, k quantity.Quantity) Target {
	return Target{id: id, name: name, kind: KindCoverage, indicator: indicator, pop: pop, required: k}
}

// EachInRange is the target "every unit of pop has an amount of indicator
// within r": 3—5 entrepreneurial leaders in each poor village.
func EachInRange(id string, name lang.Name, indicator string, pop Population, r quantity.Quantity) Target {
	return Target{id: id, name: name, kind: KindEachInRange, indicator: indicator, pop: pop, required: r}
}

// Reduction is the target "indicator falls from baseline to goal": the rural
// poor population from 9899万 at the end of 2012 to 0 by 2020. A zero
// baseline is read from the ledger as of the target's start.
func Reduction(id string, name lang.Name, indicator string, baseline, goal quantity.Quantity) Target {
	return Target{id: id, name: name, kind: KindReduction, indicator: indicator, baseline: baseline, required: goal}
}

// EachYear is the recurring target "every civil year, the aggregate of
// indicator reaches n": 「每年组织5000余名科技特派员」. n is a yearly
// figure, read as [AtLeast] reads it: 5000余 asks for more than 5000.
//
// The years run from the year of the start ([Target.From]) to the year of
// the deadline ([Target.By]) or of the date evaluated, whichever is
// earlier; without a start, from that last year only. A start or deadline
// within a year takes the year whole, since ledgers hold yearly figures and
// a year cut short would leave them out. Each year is judged as an [AtLeast]
// target over that year alone, due at its end; the result has a part per
// year (ID "2019", name 「2019年」), and a year not over by the date
// evaluated is shown in progress, never missed.
//
// The whole is judged on the years that are over (on the current year
// while none is), as [AllOf] judges its parts: met when every such year is,
// missed when one is missed, no figure at the deadline when a year that is
// over has no figure beside years met. Its PerUnit is n, Units the years
// judged and Covered the years met; its progress is the weakest year's; it
// has no pace. A record whose period spans more than one year (「每年」 in an
// undated document) cannot count for any one year: the result notes it.
func EachYear(id string, name lang.Name, indicator string, n quantity.Quantity) Target {
	return Target{id: id, name: name, kind: KindEachYear, indicator: indicator, required: n}
}

// Observe shows the recorded figure of indicator without a requirement:
// the outcomes of historical programs (星火西进, 井冈山区五县) that stated no
// numeric target. Its status is [Recorded] or [NoData].
func Observe(id string, name lang.Name, indicator string) Target {
	return Target{id: id, name: name, kind: KindObserve, indicator: indicator}
}

// AllOf is the target "every part is met".
func AllOf(id string, name lang.Name, parts ...Target) Target {
	return Target{id: id, name: name, kind: KindAllOf, parts: slices.Clone(parts)}
}

// From returns a copy of t that counts from start: flows are summed from
// start, and expected progress is measured from it.
func (t Target) From(start time.Time) Target { t.start = start; return t }

// By returns a copy of t due by deadline (inclusive). After it, a target not
// met is missed; figures after the deadline do not count.
func (t Target) By(deadline time.Time) Target { t.deadline = deadline; return t }

// In returns a copy of t narrowed to the region code: aggregates,
// observations, reductions and yearly figures are taken over it rather than
// the whole region set; a population keeps only its units within it
// ([Population.In]); an all-of target narrows every part. In("") changes
// nothing.
//
// Narrowing twice keeps the target within both regions: the deeper one
// counts when one lies within the other, and a target narrowed to two
// disjoint regions covers nothing (its result has no data and says why).
// Regions are checked against the ledger's when the target is evaluated: a
// code the ledger does not hold is an [*Error] wrapping
// [outcome.ErrUnknownRegion].
//
// A requirement is not apportioned: a county's figure is compared with the
// whole N of an aggregate target.
func (t Target) In(region string) Target {
	if region == "" {
		return t
	}
	if t.scope != "" && t.scope != region {
		t.outer = append(slices.Clone(t.outer), t.scope)
	}
	t.scope = region
	if !t.pop.IsZero() {
		t.pop = t.pop.In(region)
	}
	if t.parts != nil {
		parts := make([]Target, len(t.parts))
		for i, p := range t.parts {
			parts[i] = p.In(region)
		}
		t.parts = parts
	}
	return t
}

// ListUnits returns a copy of t in which the population pop, wherever t or
// its parts use it, takes its units from codes: the list of poor villages
// a county office keeps, where the catalogue knows only their number
// ([Counted]). The population keeps its name, its region, its condition
// and any narrowing by [Target.In]; pop is matched as [Population.Equal]
// matches, narrowing aside. Per-unit targets over it are then evaluated
// unit by unit, with a shortfall list.
func (t Target) ListUnits(pop Population, codes ...string) Target {
	if !t.pop.IsZero() && t.pop.sameUnits(pop) {
		t.pop = t.pop.listed(codes)
	}
	if t.parts != nil {
		parts := make([]Target, len(t.parts))
		for i, p := range t.parts {
			parts[i] = p.ListUnits(pop, codes...)
		}
		t.parts = parts
	}
	return t
}

// Cite returns a copy of t stated at c.
func (t Target) Cite(c outcome.Citation) Target { t.source = c; return t }

// CoveredBy returns a copy of a coverage target that, when no unit has a
// record of its own, reads the number of units covered from the aggregate
// indicator: the seeds say 「实现全省51个贫困县全覆盖」 without a list. Such a
// result has no shortfall list.
func (t Target) CoveredBy(indicator string) Target { t.coveredBy = indicator; return t }

// SeeAlso returns a copy of t that names indicators whose figures look
// related but cannot count for it: 118万人次 of farmers trained are not
// 一万名 local technicians. When such an indicator holds records, the
// result notes it and why it is not used (a unit of another dimension, or
// another measure).
func (t Target) SeeAlso(indicators ...string) Target {
	t.seeAlso = append(slices.Clone(t.seeAlso), indicators...)
	return t
}

// WithParts returns a copy of an all-of target with its parts replaced.
// The parts are narrowed as the whole was ([Target.In]).
func (t Target) WithParts(parts ...Target) Target {
	t.parts = slices.Clone(parts)
	for i := range t.parts {
		for _, region := range t.scopes() {
			t.parts[i] = t.parts[i].In(region)
		}
	}
	return t
}

// ID returns the target's id.
func (t Target) ID() string { return t.id }

// Name returns the target's name.
func (t Target) Name() lang.Name { return t.name }

// Kind returns the target's kind.
func (t Target) Kind() Kind { return t.kind }

// Indicator returns the code of the indicator the target is measured by.
func (t Target) Indicator() string { return t.indicator }

// Scope returns the region set by the last [Target.In] ("" for all).
func (t Target) Scope() string { return t.scope }

// scopes returns every region t was narrowed to by [Target.In], in order:
// the target lies within each.
func (t Target) scopes() []string {
	if t.scope == "" {
		return nil
	}
	return append(slices.Clone(t.outer), t.scope)
}

// Population returns the units of a per-unit target.
func (t Target) Population() Population { return t.pop }

// Required returns N, the range a–b, the per-unit k, or a reduction's goal.
func (t Target) Required() quantity.Quantity { return t.required }

// Baseline returns a reduction's baseline.
func (t Target) Baseline() quantity.Quantity { return t.baseline }

// Start returns the start, or the zero time.
func (t Target) Start() time.Time { return t.start }

// Deadline returns the deadline, or the zero time.
func (t Target) Deadline() time.Time { return t.deadline }

// Source returns where the target is stated.
func (t Target) Source() outcome.Citation { return t.source }

// CoveredIndicator returns the aggregate indicator set by [Target.CoveredBy].
func (t Target) CoveredIndicator() string { return t.coveredBy }

// Related returns the indicators set by [Target.SeeAlso].
func (t Target) Related() []string { return slices.Clone(t.seeAlso) }

// Parts returns a copy of an all-of target's parts.
func (t Target) Parts() []Target { return slices.Clone(t.parts) }

// Validate checks that t can be evaluated: an id and a known kind, an
// indicator, a required quantity that fits the kind (a range for range kinds,
// a minimum not above its maximum, no negative value), a population for
// per-unit kinds, a start not after the deadline, and valid parts.
func (t Target) Validate() error {
	bad := func(field, value string, err error) error {
		return &Error{ID: t.id, Field: field, Value: value, Err: err}
	}
	if t.id == "" {
		return bad("id", "", fmt.Errorf("%w: no id", ErrInvalid))
	}
	if t.kind == 0 || int(t.kind) >= len(kindNames) {
		return bad("kind", t.kind.String(), ErrInvalid)
	}
	if !t.start.IsZero() && !t.deadline.IsZero() && t.deadline.Before(t.start) {
		return bad("deadline", t.deadline.Format(time.DateOnly), outcome.ErrInvalid)
	}
	if t.kind == KindAllOf {
		if len(t.parts) == 0 {
			return bad("parts", "", fmt.Errorf("%w: no parts", ErrInvalid))
		}
		var errs []error
		for _, p := range t.parts {
			if err := p.Validate(); err != nil {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	}
	if t.indicator == "" {
		return bad("indicator", "", fmt.Errorf("%w: %w", ErrInvalid, outcome.ErrMissing))
	}
	if t.kind == KindObserve {
		return nil
	}
	if err := t.required.Validate(); err != nil {
		return bad("required", t.required.String(), err)
	}
	ranged := t.kind == KindRange || t.kind == KindEachInRange
	if t.required.IsRange() != ranged {
		want := "a single value"
		if ranged {
			want = "a range"
		}
		return bad("required", t.required.String(), fmt.Errorf("%w: a %v target needs %s", ErrInvalid, t.kind, want))
	}
	if (t.kind == KindCoverage || t.kind == KindEachInRange) && t.pop.IsZero() {
		return bad("population", "", fmt.Errorf("%w: %w", ErrInvalid, outcome.ErrMissing))
	}
	if t.pop.size < 0 {
		return bad("population", strconv.Itoa(t.pop.size), fmt.Errorf("%w: a negative count", ErrInvalid))
	}
	if t.kind == KindReduction {
		if err := t.baseline.Validate(); err != nil {
			return bad("baseline", t.baseline.String(), err)
		}
		if t.baseline.Unit() != 0 && t.required.Unit() != 0 && !t.baseline.Unit().Compatible(t.required.Unit()) {
			return bad("baseline", t.baseline.String(), outcome.ErrUnitMismatch)
		}
		if !t.baseline.IsZero() && t.baseline.Value().LessThanOrEqual(t.required.Value()) {
			// A baseline at the goal leaves nothing to reduce; a zero
			// Quantity{}, not 0名, asks for the baseline to be read.
			return bad("baseline", t.baseline.String(), fmt.Errorf("%w: baseline not above the goal %v (a baseline to read from the ledger is quantity.Quantity{})", outcome.ErrInvalid, t.required))
		}
		if t.baseline.IsZero() && t.start.IsZero() {
			return bad("baseline", "", fmt.Errorf("%w: no baseline and no start to read it at", outcome.ErrMissing))
		}
	}
	return nil
}
