package outcome

import (
	"fmt"
	"strings"
	"time"

	"github.com/taizhang/taizhang/internal/enum"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Aggregation says how an indicator's records combine over time.
type Aggregation uint8

const (
	// Stock is a level at a moment: 149 星创天地 exist. As of a date the
	// latest record counts; records of several years are never added up.
	Stock Aggregation = 1 + iota
	// Flow is an amount within a period: 5746 training sessions in 2018.
	// Records whose periods lie within the evaluation window add up.
	Flow
	// Entries is a log of events: each record is one entry (a commissioner
	// assigned, a training held), entries are never taken for duplicates,
	// and those within the window add up. Use it for data kept as
	// transactions, where two equal rows are two events; for reported
	// figures use Stock or Flow, which refuse a second, different figure.
	Entries
)

var aggregationNames = [...]lang.Name{
	Stock:   {Zh: "存量", En: "stock"},
	Flow:    {Zh: "流量", En: "flow"},
	Entries: {Zh: "明细", En: "entries"},
}

// Name returns the bilingual name of a; the zero Aggregation has none.
func (a Aggregation) Name() lang.Name {
	if int(a) < len(aggregationNames) {
		return aggregationNames[a]
	}
	return lang.Name{}
}

// String returns the Chinese name (存量, 流量, 明细), which
// [ParseAggregation] reads back.
func (a Aggregation) String() string {
	return enum.Label(a.Name(), lang.Chinese, "Aggregation", int(a))
}

// code returns the English name ("stock"), the stable code that
// [Aggregation.MarshalText] writes.
func (a Aggregation) code() string { return enum.Label(a.Name(), lang.English, "Aggregation", int(a)) }

// ParseAggregation reads an aggregation's English code ("stock", "flow",
// "entries") or Chinese name (存量, 流量, 明细).
func ParseAggregation(s string) (Aggregation, error) {
	for a, n := range aggregationNames {
		if a != 0 && (n.En == s || n.Zh == s) {
			return Aggregation(a), nil
		}
	}
	return 0, fmt.Errorf("outcome: aggregation %q (want stock, flow or entries): %w", s, errInvalidIndicator)
}

// Indicator is what is measured: a code unique in a ledger, a bilingual
// name, the unit, and how records aggregate over time. The zero value is
// invalid.
type Indicator struct {
	Code        string        `json:"code"`
	Name        lang.Name     `json:"name"`
	Unit        quantity.Unit `json:"unit"`
	Aggregation Aggregation   `json:"aggregation"`
	// Reported is how often the indicator is reported: [period.KindYear],
	// [period.KindHalfYear], [period.KindQuarter] or [period.KindMonth]. A figure older
	// than that, as of the date a target is judged, is stale. The zero
	// value is yearly, as the programs' figures are.
	Reported period.Kind `json:"reported,omitempty"`
	// Aliases are other names a file may give the indicator, besides its
	// code and names: 培训场次 for training, a sheet's column header. An
	// alias may not be another indicator's code ([NewLedger]).
	Aliases []string `json:"aliases,omitempty"`
}

// Every returns how long a figure of the indicator stays current: a year,
// or six, three or one months for one reported half-yearly, quarterly or
// monthly.
func (i Indicator) Every() (years, months int) {
	switch i.Reported {
	case period.KindHalfYear:
		return 0, 6
	case period.KindQuarter:
		return 0, 3
	case period.KindMonth:
		return 0, 1
	}
	return 1, 0
}

// Validate checks that the indicator has a code without spaces or commas, a
// unit and an aggregation, and that scores and percentages are stocks
// (adding them up means nothing).
func (i Indicator) Validate() error {
	bad := func(field, value, why string) error {
		return fmt.Errorf("outcome: indicator %q: %s %q: %s: %w", i.Code, field, value, why, errInvalidIndicator)
	}
	switch {
	case i.Code == "" || strings.ContainsAny(i.Code, " \t\r\n,\""):
		return bad("code", i.Code, "want a non-empty code without spaces, commas or quotes")
	case !i.Unit.IsValid():
		return bad("unit", enum.Label(i.Unit.Name(), lang.English, "Unit", int(i.Unit)), "unknown unit")
	case i.Aggregation != Stock && i.Aggregation != Flow && i.Aggregation != Entries:
		return bad("aggregation", i.Aggregation.code(), "want stock, flow or entries")
	case i.Reported != 0 && i.Reported != period.KindYear && i.Reported != period.KindHalfYear && i.Reported != period.KindQuarter && i.Reported != period.KindMonth:
		return bad("reported", enum.Label(i.Reported.Name(), lang.English, "Kind", int(i.Reported)), "want year, half-year, quarter or month")
	case i.Aggregation != Stock && !i.Unit.Additive():
		return bad("aggregation", i.Aggregation.code(), "a percentage or score cannot be added up")
	}
	for _, a := range i.Aliases {
		if strings.TrimSpace(a) == "" {
			return bad("alias", a, "want a non-empty alias")
		}
	}
	return nil
}

// Citation says where a figure or a target is stated: the document, the
// section path and the footnote mark, such as
// 004_32acad38fe6c52df.txt §二(二)二是 [11]. Document is the document's
// locator, the form data keeps (a file name, in a ledger's source column);
// a document declared with [DeclareDocument] is shown by its title,
// journal or publisher and year in reports ([Citation.In]).
type Citation struct {
	Document string `json:"document,omitempty"`
	Section  string `json:"section,omitempty"`
	Mark     string `json:"mark,omitempty"`
}

// Cite returns a citation; it reads well in catalogues.
func Cite(document, section, mark string) Citation { return Citation{document, section, mark} }

// IsZero reports whether c names nothing.
func (c Citation) IsZero() bool { return c == Citation{} }

// String writes "document §section mark", leaving out empty parts, with
// the document's locator as cited: the form of data and of error messages.
// Reports write [Citation.In].
func (c Citation) String() string {
	var parts []string
	if c.Document != "" {
		parts = append(parts, c.Document)
	}
	if c.Section != "" {
		parts = append(parts, "§"+c.Section)
	}
	if c.Mark != "" {
		parts = append(parts, c.Mark)
	}
	return strings.Join(parts, " ")
}

// Record is one observation: the indicator's code, the region's code, the
// period, the quantity and where it was reported. Records are values.
//
// A record of persons, households, things or any unit counted whole holds a
// whole number: [Ledger.Add] and the readers refuse 0.5名 with
// [ErrInvalid] (a fraction of what is counted whole). A quantity may still state a fraction of a person (an
// average in a target, say); a record may not.
type Record struct {
	// Indicator is the indicator's code; [Ledger.Add] also takes its
	// Chinese name or a declared alias ([Ledger.FindIndicator]) and keeps
	// the code.
	Indicator string `json:"indicator"`
	// Region is the region's code. [Ledger.Add] takes codes only; the file
	// readers also read a name path (泸溪县/浦市镇/下都村) or a name
	// unique in the set, which [RegionSet.Find] resolves.
	Region   string            `json:"region"`
	Period   period.Period     `json:"period"`
	Quantity quantity.Quantity `json:"value"`
	Source   Citation          `json:"source,omitzero"`
	Note     string            `json:"note,omitempty"`
	// Attrs are the extra columns of the line the record was read from
	// (填报人, 联系电话), kept as written; evaluation ignores them.
	// WriteCSV and WriteJSONL write them (an attrs column, an "attrs"
	// object) and the readers read them back.
	Attrs Attributes `json:"-"`
	// A correction: the figure it replaces, the day it was reported and
	// why. A record with Revises corrects the figure the ledger holds for
	// its indicator, region and period, which must be Revises, and needs
	// Reported; without Revises a different figure is a conflict. Reported
	// may also date a first figure: [Ledger.AsOf] leaves out what was not
	// yet reported. The ledger keeps the day (the date where Reported is)
	// and gives it back at midnight UTC; the zero time is a record without
	// a day, known from the start.
	Reported time.Time         `json:"reported,omitzero"`
	Revises  quantity.Quantity `json:"revises,omitzero"`
	Reason   string            `json:"reason,omitempty"`
}

// Equal reports whether r and s are the same observation with the same
// source, note and attributes.
func (r Record) Equal(s Record) bool {
	return r.Indicator == s.Indicator && r.Region == s.Region && r.Period == s.Period &&
		r.Quantity.Equal(s.Quantity) && r.Source == s.Source && r.Note == s.Note && r.Attrs == s.Attrs &&
		r.Reported.Equal(s.Reported) && r.Revises.Equal(s.Revises) && r.Reason == s.Reason
}

// key names the record in error messages.
func (r Record) key() string {
	return fmt.Sprintf("indicator=%s region=%s period=%s", r.Indicator, r.Region, r.Period)
}

// checkWhole refuses v, a figure of an indicator in unit u, when u counts
// whole things and v is not a whole number. v's own unit, if any, has the
// dimension of u: the unit is checked first.
func (v *value) checkWhole(u quantity.Unit) error {
	if v.fits && v.exp >= 0 {
		return nil // the commonest case, checked where it is called
	}
	return v.checkFraction(u)
}

func (v *value) checkFraction(u quantity.Unit) error {
	if !u.Whole() || v.whole() {
		return nil
	}
	return fmt.Errorf("%w: %s (%s)", errFraction, u.Symbol(), u.Measures().In(lang.English))
}

// whole reports whether v is a whole number: 5, 5.0, 1.2e4.
func (v *value) whole() bool {
	if !v.fits {
		return v.big.IsInteger()
	}
	if v.exp >= 0 || v.coef == 0 {
		return true
	}
	if v.exp < -18 {
		return false // |coef| < 10^18 is not a multiple of 10^19
	}
	p := int64(1)
	for range -v.exp {
		p *= 10
	}
	return v.coef%p == 0
}

// MarshalText writes the English code "stock", "flow" or "entries", and ""
// for the zero Aggregation.
func (a Aggregation) MarshalText() ([]byte, error) {
	switch a {
	case 0:
		return nil, nil
	case Stock, Flow, Entries:
		return []byte(a.code()), nil
	}
	return nil, fmt.Errorf("outcome: %s: %w", a.code(), errInvalidIndicator)
}

// UnmarshalText reads an English code ("stock") or a Chinese name (存量),
// as [ParseAggregation] does; "" is the zero Aggregation.
func (a *Aggregation) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*a = 0
		return nil
	}
	v, err := ParseAggregation(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
