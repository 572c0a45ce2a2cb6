// Package rule checks a ledger against validation rules in the style of
// DHIS2: a [Rule] compares two expressions (sums of indicators at a region
// over a period, and constants) with an [Operator], has a [Severity] and a
// [Missing] value policy, and reports each [Violation] with the values on
// both sides and the records behind them.
//
// Rules catch what a single record cannot show: a part larger than its
// whole (75 filed 星创天地 of 149), a figure that should only fall (the rural
// poor, 9899万 → 551万), teams that should add up (51 + 72 = 123). The
// catalogues ship the rule sets their source documents support.
package rule

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Operator compares the left expression with the right.
type Operator uint8

const (
	Equal Operator = 1 + iota
	NotEqual
	Less
	LessOrEqual
	Greater
	GreaterOrEqual
)

var operatorSymbols = [...]string{Equal: "=", NotEqual: "≠", Less: "<", LessOrEqual: "≤", Greater: ">", GreaterOrEqual: "≥"}

// String returns the operator's symbol, the same in every language: =, ≠,
// <, ≤, >, ≥.
func (o Operator) String() string {
	if o != 0 && int(o) < len(operatorSymbols) {
		return operatorSymbols[o]
	}
	return fmt.Sprintf("Operator(%d)", o)
}

// decide says whether left o right holds for every value the bounds
// allow (holds), fails for every one, or depends on the true values
// (decided is false). Exact sides decide as numbers do.
func (o Operator) decide(left, right quantity.Bounds) (holds, decided bool) {
	// d is left − right.
	var d quantity.Bounds
	if left.HasLo && right.HasHi {
		d.Lo, d.HasLo, d.LoOpen = left.Lo.Sub(right.Hi), true, left.LoOpen || right.HiOpen
	}
	if left.HasHi && right.HasLo {
		d.Hi, d.HasHi, d.HiOpen = left.Hi.Sub(right.Lo), true, left.HiOpen || right.LoOpen
	}
	var zero decimal.Decimal
	not := func(h, dec bool) (bool, bool) { return !h && dec, dec }
	switch o {
	case LessOrEqual:
		return d.AtMost(zero)
	case Less:
		return not(d.AtLeast(zero))
	case GreaterOrEqual:
		return d.AtLeast(zero)
	case Greater:
		return d.MoreThan(zero)
	case Equal, NotEqual:
		ge, geDecided := d.AtLeast(zero)
		le, leDecided := d.AtMost(zero)
		eq, eqDecided := ge && le, geDecided && leDecided || geDecided && !ge || leDecided && !le
		if o == NotEqual {
			return !eq && eqDecided, eqDecided
		}
		return eq && eqDecided, eqDecided
	}
	return false, true
}

// Severity says how much a violation matters (DHIS2's importance).
type Severity uint8

const (
	Info     Severity = 1 + iota // worth a look
	Warning                      // probably wrong, or right only under a reading of the source
	Critical                     // the ledger contradicts itself
)

var severityNames = [...]lang.Name{
	Info:     {Zh: "提示", En: "info"},
	Warning:  {Zh: "警告", En: "warning"},
	Critical: {Zh: "严重", En: "critical"},
}

// Name returns the bilingual name of the severity: 严重, critical.
func (s Severity) Name() lang.Name {
	if s != 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return lang.Name{}
}

// String returns the Chinese name of the severity, as ledgers and reports
// write it; Name().In(lang.English) is the English.
func (s Severity) String() string {
	if n := s.Name(); !n.IsZero() {
		return n.Zh
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// Missing says what a rule does when a side has no data. The zero value,
// [SkipIfAnyMissing], is chosen on purpose: it is DHIS2's default, and a
// comparison with an unknown figure proves nothing.
type Missing uint8

const (
	SkipIfAnyMissing Missing = iota // skip when any term of either side has no record
	SkipIfAllMissing                // skip only when no term of either side has a record; missing terms count 0
	NeverSkip                       // always compare; missing terms count 0
)

var missingNames = [...]lang.Name{
	SkipIfAnyMissing: {Zh: "任一项无数据即跳过", En: "skip if any missing"},
	SkipIfAllMissing: {Zh: "全部无数据才跳过", En: "skip if all missing"},
	NeverSkip:        {Zh: "从不跳过", En: "never skip"},
}

// Name returns the bilingual name of the policy.
func (m Missing) Name() lang.Name {
	if int(m) < len(missingNames) {
		return missingNames[m]
	}
	return lang.Name{}
}

// String returns the Chinese name of the policy; Name().In(lang.English)
// is the English.
func (m Missing) String() string {
	if n := m.Name(); !n.IsZero() {
		return n.Zh
	}
	return fmt.Sprintf("Missing(%d)", m)
}

// Term is one indicator at one region over one period: its figure is
// [outcome.Ledger.Total] of that query (the latest as of the period's end
// for a stock, the sum within the period for a flow).
type Term struct {
	Indicator string
	Region    string
	Period    period.Period
}

// Expr is a sum of terms and a constant.
type Expr struct {
	Terms []Term
	Const decimal.Decimal
}

// Of is the expression of one term.
func Of(indicator, region string, per period.Period) Expr {
	return Expr{Terms: []Term{{indicator, region, per}}}
}

// Const is a constant expression, such as a figure stated in another
// document: 832 poor counties nationally.
func Const(d decimal.Decimal) Expr { return Expr{Const: d} }

// Plus returns the sum of e and f.
func (e Expr) Plus(f Expr) Expr {
	return Expr{Terms: append(append([]Term(nil), e.Terms...), f.Terms...), Const: e.Const.Add(f.Const)}
}

// String writes e as indicator@region[period] terms joined by +.
func (e Expr) String() string {
	var parts []string
	for _, t := range e.Terms {
		parts = append(parts, fmt.Sprintf("%s@%s[%s]", t.Indicator, t.Region, t.Period))
	}
	if !e.Const.IsZero() || len(parts) == 0 {
		parts = append(parts, e.Const.String())
	}
	return strings.Join(parts, " + ")
}

// Rule is a validation rule: Left Op Right must hold, or, for a rule made
// by [Agree], the records of one indicator must not disagree.
type Rule struct {
	ID       string
	Name     lang.Name
	Left     Expr
	Op       Operator
	Right    Expr
	Severity Severity
	Missing  Missing
	Source   outcome.Citation // where the figures or the relation come from
	// Agree, when set, makes the rule "the records of each term's
	// indicator within its region over its period do not disagree"
	// ([outcome.Ledger.Discrepancies]); Left, Op and Right are then unused.
	Agree []Term
}

// Agree is the rule "the records of each indicator within region ("" for
// the whole set) over period do not disagree": quarters that add up to more
// than their 全年合计, or a province's own figure that differs from its
// counties' of the same date. [outcome.Ledger.Total] settles such records
// by its rules, so a figure never shows them; this rule does, listing each
// disagreement in [Outcome.Discrepancies]. It is a warning: the figure that
// counts is still the one the rules choose. Indicators of [outcome.Entries]
// are events, which never disagree.
func Agree(id string, name lang.Name, region string, per period.Period, indicators ...string) Rule {
	terms := make([]Term, len(indicators))
	for i, ind := range indicators {
		terms[i] = Term{ind, region, per}
	}
	return Rule{ID: id, Name: name, Severity: Warning, Agree: terms}
}

// AgreeAll is the [Agree] rule over the whole region set and period for
// every indicator: the rule a catalogue ships so that no ledger's
// overlapping or same-date records go unremarked.
func AgreeAll(id string, per period.Period, indicators ...outcome.Indicator) Rule {
	codes := make([]string, len(indicators))
	for i, ind := range indicators {
		codes[i] = ind.Code
	}
	return Agree(id, lang.Name{Zh: "同一指标的记录彼此一致(合计与分期, 本级与下级)",
		En: "records of an indicator agree (totals and their parts, regions and their subdivisions)"}, "", per, codes...)
}

// Side is one side of a checked rule: its value and the records behind it.
type Side struct {
	Value decimal.Decimal
	// Bounds are the values the side may take, from the qualifiers of its
	// records ([outcome.Sum.Bounds]): 不到60 is below 60, 50余 above 50 and
	// below 60. A figure is never negative, so a side is at least 0.
	Bounds  quantity.Bounds
	Missing int              // terms without any record
	Records []outcome.Record // the records the value adds up, by term
}

// Outcome is a rule checked against a ledger.
type Outcome struct {
	Rule        Rule
	Left, Right Side
	Skipped     bool // a side had no data and the rule's Missing policy skips it
	// Holds is true when the rule holds for every value the sides' bounds
	// allow; false for a violation, or when Undecided. Meaningless when
	// Skipped.
	Holds bool
	// Undecided is set when the bounds allow the rule to hold and to fail:
	// 不到60 ≤ 50余. It is not a violation.
	Undecided bool
	// Discrepancies are the disagreements an [Agree] rule found.
	Discrepancies []outcome.Discrepancy
}

// Violated reports whether the rule was checked and fails for every value
// the sides' bounds allow.
func (o Outcome) Violated() bool { return !o.Skipped && !o.Holds && !o.Undecided }

// ErrRule reports a rule that cannot be checked as written.
var ErrRule = errors.New("rule: invalid rule")

// Check evaluates the rule against l. An indicator or region the ledger
// does not have, terms of incompatible units, or an undefined operator are
// errors wrapping [ErrRule], [outcome.ErrUnknownIndicator],
// [outcome.ErrUnknownRegion] or [outcome.ErrUnitMismatch].
func (r Rule) Check(l *outcome.Ledger) (Outcome, error) {
	out := Outcome{Rule: r}
	if len(r.Agree) > 0 {
		for _, a := range r.Agree {
			ds, err := l.Discrepancies(a.Indicator, a.Region, a.Period)
			if err != nil {
				return out, fmt.Errorf("rule %s: %w", r.ID, err)
			}
			out.Discrepancies = append(out.Discrepancies, ds...)
		}
		out.Holds = len(out.Discrepancies) == 0
		return out, nil
	}
	if r.Op == 0 || int(r.Op) >= len(operatorSymbols) {
		return out, fmt.Errorf("%w: %s: operator %v", ErrRule, r.ID, r.Op)
	}
	var unit quantity.Unit
	side := func(e Expr) (Side, error) {
		s := Side{Value: e.Const, Bounds: quantity.Exactly(e.Const)}
		for _, t := range e.Terms {
			ind, ok := l.Indicator(t.Indicator)
			if !ok {
				return s, fmt.Errorf("rule %s: %s: %w", r.ID, t.Indicator, outcome.ErrUnknownIndicator)
			}
			if unit == 0 {
				unit = ind.Unit
			} else if !unit.Compatible(ind.Unit) {
				return s, fmt.Errorf("rule %s: %s in %s beside %s: %w", r.ID, t.Indicator, ind.Unit.Symbol(), unit.Symbol(), outcome.ErrUnitMismatch)
			}
			sum, err := l.Total(t.Indicator, t.Region, t.Period)
			if err != nil {
				return s, fmt.Errorf("rule %s: %w", r.ID, err)
			}
			if !sum.Has() {
				s.Missing++
				continue
			}
			recs, err := l.Used(t.Indicator, t.Region, t.Period)
			if err != nil {
				return s, fmt.Errorf("rule %s: %w", r.ID, err)
			}
			s.Value, s.Bounds = s.Value.Add(sum.Value), addBounds(s.Bounds, sum.Bounds())
			s.Records = append(s.Records, recs...)
		}
		return s, nil
	}
	var err error
	if out.Left, err = side(r.Left); err != nil {
		return out, err
	}
	if out.Right, err = side(r.Right); err != nil {
		return out, err
	}
	terms := len(r.Left.Terms) + len(r.Right.Terms)
	missing := out.Left.Missing + out.Right.Missing
	switch r.Missing {
	case SkipIfAnyMissing:
		out.Skipped = missing > 0
	case SkipIfAllMissing:
		out.Skipped = terms > 0 && missing == terms
	}
	holds, decided := r.Op.decide(out.Left.Bounds, out.Right.Bounds)
	out.Holds, out.Undecided = holds && decided, !decided
	return out, nil
}

// addBounds returns the bounds of a + b, figures that are never negative:
// a side without a lower bound adds at least 0, and the sum has an upper
// bound only when both have one.
func addBounds(a, b quantity.Bounds) quantity.Bounds {
	s := quantity.Bounds{Lo: a.Lo, HasLo: true, LoOpen: a.LoOpen && a.HasLo}
	if !a.HasLo {
		s.Lo = decimal.Decimal{}
	}
	if b.HasLo {
		s.Lo, s.LoOpen = s.Lo.Add(b.Lo), s.LoOpen || b.LoOpen
	}
	if a.HasHi && b.HasHi {
		s.Hi, s.HasHi, s.HiOpen = a.Hi.Add(b.Hi), true, a.HiOpen || b.HiOpen
	}
	return s
}

// Set is a named list of rules.
type Set struct {
	Name  lang.Name
	Rules []Rule
}

// Check checks every rule of s against l, in order. Rules that cannot be
// checked are reported together, joined.
func (s Set) Check(l *outcome.Ledger) ([]Outcome, error) {
	var out []Outcome
	var errs []error
	for _, r := range s.Rules {
		o, err := r.Check(l)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, o)
	}
	return out, errors.Join(errs...)
}

// String writes the outcome in one line, in Chinese as String does across
// the library: the rule, both values, and whether it holds.
func (o Outcome) String() string {
	verdict := "成立"
	switch {
	case o.Skipped:
		verdict = "跳过(无数据)"
	case o.Undecided:
		verdict = "待定"
	case !o.Holds:
		verdict = "违反"
	}
	if len(o.Rule.Agree) > 0 {
		return fmt.Sprintf("%s [%s] %s: %d处不一致: %s", o.Rule.ID, o.Rule.Severity, o.Rule.Name,
			len(o.Discrepancies), verdict)
	}
	return fmt.Sprintf("%s [%s] %s: %s %s %s: %s", o.Rule.ID, o.Rule.Severity, o.Rule.Name,
		o.Left.Value, o.Rule.Op, o.Right.Value, verdict)
}

// Subset is the rule "indicator at child ≤ indicator at parent" over
// period: a county's count cannot exceed its province's.
func Subset(id string, name lang.Name, indicator, child, parent string, per period.Period) Rule {
	return Rule{ID: id, Name: name, Left: Of(indicator, child, per), Op: LessOrEqual, Right: Of(indicator, parent, per), Severity: Critical}
}
