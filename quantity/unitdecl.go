package quantity

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
)

// Declared units (issue 15 item 7). A Unit is a small number kept in every
// record's column, and its methods (Symbol, String, MarshalText) and the
// parsers (ParseUnit, Parse, the CSV and JSON readers) take no
// context. So a declared unit is declared once for the process, by
// DeclareUnit, explicitly and safely for concurrent use: not per ledger,
// which would need a variant of every parser that takes the ledger. Files
// and JSON never hold a unit's number, only its symbol or English code, so
// the numbers DeclareUnit hands out (after the built-in units, in the order
// of declaration) may differ between processes without harm; a process
// that reads a file with a declared unit declares it first.

// UnitSpec declares a unit that is not built in.
//
// Factor is how many of the dimension's base unit one of the unit is,
// exactly, as a decimal; zero means one (the unit is the base). Choose the
// base so that every unit of a dimension has a decimal factor: for areas
// the mu (亩), since 1 公顷 = 15 亩 and 1 平方米 = 0.0015 亩 exactly, whereas
// 1 亩 = 1/15 公顷 has no decimal. Then a quantity converts into the base
// exactly, always, and out of it exactly where the result is a decimal
// ([Quantity.Convert]): 30亩 is 2公顷, 10亩 is no decimal number of 公顷.
type UnitSpec struct {
	Symbol    string          // as written after a figure: 亩, 公顷, 吨
	En        string          // the English name and code, plural: "mu", "hectares", "tonnes"
	Dimension lang.Name       // what it measures: {面积, area}; one of the built-in dimensions ("money", "things", …) or a new one, by its English name
	Factor    decimal.Decimal // how many base units one is; zero for the base itself
}

// A unit of counted things (套, 所, 种) is best declared in the built-in
// dimension "things" with no factor: it is then counted whole, as 个 and 家
// are (a record of 0.5套 is refused), and compatible with them. A new
// dimension (area, mass, length) may hold fractions.

// declaredUnits is the table of declared units, replaced whole on each
// declaration so that readers need no lock.
type declaredUnits struct {
	units []unitDef   // Unit(len(units)+i) is units[i]
	dims  []lang.Name // dimension(len(dimensionNames)+i) is dims[i]
}

var (
	declared   atomic.Pointer[declaredUnits]
	declaredMu sync.Mutex // serialises DeclareUnit
)

func init() { declared.Store(&declaredUnits{}) }

// lookup returns the declared unit with symbol or English name s.
func (t *declaredUnits) lookup(s string) (Unit, bool) {
	for i, d := range t.units {
		if d.symbol == s || d.en == s {
			return Unit(len(units) + i), true
		}
	}
	return 0, false
}

// symbolAt returns the longest declared symbol that runes begin with.
func (t *declaredUnits) symbolAt(runes []rune) (Unit, int) {
	best, n := Unit(0), 0
	for i, d := range t.units {
		if k := utf8.RuneCountInString(d.symbol); k > n && k <= len(runes) && string(runes[:k]) == d.symbol {
			best, n = Unit(len(units)+i), k
		}
	}
	return best, n
}

// DeclareUnit declares a unit for the process and returns it. Declaring a
// unit again as it was is harmless and returns the same Unit, so that
// packages may each declare what they use; a symbol or English name that
// is already another unit's, an empty one, or a negative factor is refused
// with [ErrInvalid]. At most 255 units, built in and declared, exist. It is
// safe for concurrent use.
func DeclareUnit(spec UnitSpec) (Unit, error) {
	bad := func(why string) (Unit, error) {
		return 0, fmt.Errorf("quantity: declare unit %q (%s): %s: %w", spec.Symbol, spec.En, why, ErrInvalid)
	}
	switch {
	case spec.Symbol == "" || spec.En == "" || spec.Dimension.En == "":
		return bad("want a symbol, an English name and a dimension")
	case spec.Factor.IsNegative():
		return bad("negative factor")
	case !utf8.ValidString(spec.Symbol + spec.En + spec.Dimension.Zh + spec.Dimension.En):
		return bad("not UTF-8")
	}
	for _, r := range spec.Symbol {
		if r >= '0' && r <= '9' || r == '.' || r == ',' || r == ' ' {
			return bad("a symbol has no digits, points, commas or spaces")
		}
	}
	declaredMu.Lock()
	defer declaredMu.Unlock()
	t := declared.Load()
	next := &declaredUnits{units: slices.Clone(t.units), dims: slices.Clone(t.dims)}
	dim := dimension(0)
	for d, n := range dimensionNames {
		if d != 0 && n.En == spec.Dimension.En {
			dim = dimension(d)
		}
	}
	for i, n := range next.dims {
		if n.En == spec.Dimension.En {
			dim = dimension(len(dimensionNames) + i)
		}
	}
	if dim == 0 {
		if len(dimensionNames)+len(next.dims) > 255 {
			return bad("too many dimensions")
		}
		next.dims = append(next.dims, spec.Dimension)
		dim = dimension(len(dimensionNames) + len(next.dims) - 1)
	}
	def := unitDef{unitInfo: unitInfo{symbol: spec.Symbol, en: spec.En, dim: dim}, factor: spec.Factor}
	if u, ok := t.lookup(spec.Symbol); ok {
		if old, _ := u.info(); old.unitInfo == def.unitInfo && old.one().Equal(def.one()) {
			return u, nil
		}
		return bad("declared before otherwise")
	}
	if _, ok := t.lookup(spec.En); ok {
		return bad("the English name is another unit's")
	}
	if _, err := ParseUnit(spec.Symbol); err == nil {
		return bad("a built-in unit's symbol")
	}
	if _, err := ParseUnit(spec.En); err == nil {
		return bad("a built-in unit's English name")
	}
	if len(units)+len(next.units) > 255 {
		return bad("too many units")
	}
	next.units = append(next.units, def)
	declared.Store(next)
	return Unit(len(units) + len(next.units) - 1), nil
}

// one returns how many base units one of d is.
func (d unitDef) one() decimal.Decimal {
	if d.factor.IsZero() {
		return one
	}
	return d.factor
}

// Convert returns q in unit u, exactly: 2公顷 is 30亩. It refuses a unit of
// another dimension with [ErrUnitMismatch], and a conversion whose result
// has no exact decimal (10亩 in 公顷 is 0.666…) or more than 30 digits
// with [ErrInvalid]. A quantity without a unit takes u as it is.
func (q Quantity) Convert(u Unit) (Quantity, error) {
	if q.unit == 0 || q.unit == u {
		return q.WithUnit(u), nil
	}
	from, ok1 := q.unit.info()
	to, ok2 := u.info()
	if !ok1 || !ok2 || from.dim != to.dim {
		return Quantity{}, fmt.Errorf("quantity: convert %s to %s: %w", q, u.Symbol(), ErrUnitMismatch)
	}
	conv := func(v decimal.Decimal) (decimal.Decimal, bool) {
		n := v.Mul(from.one())
		r := n.DivRound(to.one(), maxDigits)
		if !r.Mul(to.one()).Equal(n) {
			return r, false
		}
		r = decimal.RequireFromString(r.String()) // without the trailing zeros of the division
		return r, fitsDigits(r)
	}
	out := q
	out.unit = u
	var ok bool
	if out.value, ok = conv(q.value); !ok {
		return Quantity{}, fmt.Errorf("quantity: convert %s to %s: no exact decimal: %w", q, u.Symbol(), ErrInvalid)
	}
	if q.ranged {
		if out.max, ok = conv(q.max); !ok {
			return Quantity{}, fmt.Errorf("quantity: convert %s to %s: no exact decimal: %w", q, u.Symbol(), ErrInvalid)
		}
	}
	return out, nil
}
