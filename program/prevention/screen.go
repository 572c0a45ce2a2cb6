package prevention

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
)

// Class is a household's risk class. The zero value is invalid.
type Class uint8

const (
	NotAtRisk Class = 1 + iota // 无风险
	Latent                     // 潜在贫困: above the line, within the monitoring band
	Secondary                  // 次生贫困: a shock, and income cannot cover expenditure
	Absolute                   // 绝对贫困: income below the line, or a need of 两不愁三保障 unmet
	numClasses
)

var classNames = [numClasses]lang.Name{
	NotAtRisk: {Zh: "无风险", En: "not at risk"}, Latent: {Zh: "潜在贫困", En: "latent poverty"},
	Secondary: {Zh: "次生贫困", En: "secondary poverty"}, Absolute: {Zh: "绝对贫困", En: "absolute poverty"},
}

// Name returns the bilingual name of the class: 绝对贫困, absolute poverty.
func (c Class) Name() lang.Name {
	if c != 0 && c < numClasses {
		return classNames[c]
	}
	return lang.Name{}
}

// String returns the Chinese name of the class; Name().In(lang.English)
// is the English.
func (c Class) String() string {
	if c != 0 && c < numClasses {
		return classNames[c].Zh
	}
	return fmt.Sprintf("Class(%d)", c)
}

// Reason is a bit set of why a household was classed as it was.
type Reason uint16

const (
	BelowLine     Reason = 1 << iota // income per person below the line
	NeedUnmet                        // a need of 两不愁三保障 is unmet (see Household.Unmet)
	ShockOverflow                    // a shock expenditure, and income below total expenditure
	WithinBand                       // income per person above the line but within the band
)

var reasonNames = [...]lang.Name{
	{Zh: "人均收入低于贫困线", En: "income below the line"},
	{Zh: "两不愁三保障未全部实现", En: "a basic need unmet"},
	{Zh: "有刚性支出且收不抵支", En: "a shock, and income below expenditure"},
	{Zh: "人均收入在监测带内", En: "income within the monitoring band"},
}

// Name returns the reasons in each language, joined by "、" and ", ".
func (r Reason) Name() lang.Name {
	var zh, en []string
	for i, n := range reasonNames {
		if r&(1<<i) != 0 {
			zh, en = append(zh, n.Zh), append(en, n.En)
		}
	}
	return lang.Name{Zh: strings.Join(zh, "、"), En: strings.Join(en, ", ")}
}

// String lists the reasons in Chinese; Name().In(lang.English) lists
// them in English.
func (r Reason) String() string { return r.Name().Zh }

// Policy holds the screening parameters. The zero value is the default
// policy: the 2300-yuan line, a 50% band, and medical, education and
// disaster spending as shocks.
type Policy struct {
	// Line is the poverty line per person per year. Zero means 2300 yuan:
	// 「以人均年收入2300元作为绝对贫困线」 (004 §三(一) [20]), at 2010 prices.
	Line Money
	// Lines gives the line by year, in the prices of that year; a year not
	// listed uses Line.
	Lines map[int]Money
	// Band is how far above the line latent poverty reaches, as a fraction of
	// the line. Zero means 0.5: households below 1.5 times the line. The
	// article gives no band: latent poverty is
	// 「一些处于贫困线之上的农户,由于抵御风险能力的极度脆弱,成为极易落入贫困陷阱的潜在贫困」,
	// above the line by no stated margin. 1.5 times the line is the threshold
	// the national monitoring of households at risk of (re)entering poverty
	// has used, so it is the default, and a parameter.
	Band decimal.Decimal
	// Shocks are the expenditures that count as shocks. Nil means medical
	// care, children's education and natural disasters, the three the
	// article names (「疾病医疗、子女教育、自然灾害等家庭支出情况」).
	Shocks []Expense
}

// DefaultLine is the poverty line the Hunan article gives,
// 「以人均年收入2300元作为绝对贫困线」: 2300 yuan per person per year
// (§三(一) [20]).
const DefaultLine Money = 2300 * 100

// resolved is a policy with its defaults filled, ready for the hot loop.
type resolved struct {
	line      Money
	bandNum   int64 // band as bandNum/10000
	shockMask uint8
}

func (p Policy) resolve(year int) (resolved, error) {
	r := resolved{line: p.Line}
	if l, ok := p.Lines[year]; ok {
		r.line = l
	}
	if r.line == 0 {
		r.line = DefaultLine
	}
	if r.line < 0 {
		return r, fmt.Errorf("prevention: policy: negative line %v", r.line)
	}
	band := p.Band
	if band.IsZero() {
		band = decimal.New(5, -1)
	}
	if band.IsNegative() || band.Exponent() < -4 {
		return r, fmt.Errorf("prevention: policy: band %v: want a fraction with at most 4 decimals", band)
	}
	r.bandNum = band.Shift(4).IntPart()
	shocks := p.Shocks
	if shocks == nil {
		shocks = []Expense{Medical, Education, Disaster}
	}
	for _, e := range shocks {
		if e >= numExpense || e == Other {
			return r, fmt.Errorf("prevention: policy: %d is not a shock expenditure", e)
		}
		r.shockMask |= 1 << e
	}
	return r, nil
}

// Classify returns h's class in year under p, with the reasons. It checks
// h as [Screen] does and returns the same errors.
func (p Policy) Classify(h Household, year int) (Class, Reason, error) {
	r, err := p.resolve(year)
	if err != nil {
		return 0, 0, err
	}
	if err := check(h); err != nil {
		return 0, 0, err
	}
	c, why := r.classify(&h)
	return c, why, nil
}

// classify is the hot path: integer arithmetic only. A household exactly
// at the line is not below it; income per person is compared as income
// against line × members, so no division rounds.
func (r *resolved) classify(h *Household) (Class, Reason) {
	income := h.TotalIncome()
	need := r.line * Money(h.Members)
	var why Reason
	if income < need {
		why |= BelowLine
	}
	if h.Unmet != 0 {
		why |= NeedUnmet
	}
	if why != 0 {
		return Absolute, why
	}
	var shock Money
	for e := range numExpense {
		if r.shockMask&(1<<e) != 0 {
			shock += h.Expenditure[e]
		}
	}
	if shock > 0 && income < h.TotalExpenditure() {
		return Secondary, ShockOverflow
	}
	// Within the band: income < line × members × (1 + band).
	if int64(income)*10000 < int64(need)*(10000+r.bandNum) {
		return Latent, WithinBand
	}
	return NotAtRisk, 0
}

// Bad household data wraps one of the sentinels of package outcome, so a
// caller branches on a household's errors as on a ledger's:
// [outcome.ErrInvalid] for a figure no household has (no members, a
// negative amount), [outcome.ErrSyntax] for text that is not an amount or a
// file without the household columns, [outcome.ErrUnknownRegion] for a
// village outside the region set. The specific reason is in the message.
var (
	errMembers     = fmt.Errorf("no members: %w", outcome.ErrInvalid)
	errManyMembers = fmt.Errorf("more than 1000 members: %w", outcome.ErrInvalid)
	errNegative    = fmt.Errorf("negative or impossibly large amount: %w", outcome.ErrInvalid)
	errAmount      = fmt.Errorf("not an amount in yuan with at most two decimals: %w", outcome.ErrSyntax)
)

// HouseholdError reports bad data in a household: which one, which field,
// which value.
type HouseholdError struct {
	ID    string
	Field string
	Value string
	Err   error
}

func (e *HouseholdError) Error() string {
	return fmt.Sprintf("prevention: household %s: %s %q: %v", e.ID, e.Field, e.Value, e.Err)
}

func (e *HouseholdError) Unwrap() error { return e.Err }

// maxAmount bounds amounts so that the integer checks cannot overflow:
// 10^12 yuan is more than any household earns.
const maxAmount = Money(1e14)

func check(h Household) error {
	if h.Members <= 0 {
		return &HouseholdError{h.ID, "members", fmt.Sprint(h.Members), errMembers}
	}
	if h.Members > 1000 {
		return &HouseholdError{h.ID, "members", fmt.Sprint(h.Members), errManyMembers}
	}
	for i, m := range h.Income {
		if m < 0 || m > maxAmount {
			return &HouseholdError{h.ID, fieldName(true, i), m.String(), errNegative}
		}
	}
	for i, m := range h.Expenditure {
		if m < 0 || m > maxAmount {
			return &HouseholdError{h.ID, fieldName(false, i), m.String(), errNegative}
		}
	}
	return nil
}
