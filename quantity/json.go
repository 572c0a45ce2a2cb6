package quantity

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/errs"
)

// quantityJSON is the JSON shape of a Quantity: decimals as strings so no
// precision is lost, the unit by its English code, the qualifier as
// [Qualifier.String] writes it.
type quantityJSON struct {
	Value     string `json:"value"`
	Max       string `json:"max,omitempty"`
	Unit      string `json:"unit,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
}

// MarshalJSON writes q as {"value":"2680000000","unit":"yuan","qualifier":"多"},
// with "max" for a range. A quantity [Quantity.Validate] refuses is not
// written, as [Quantity.UnmarshalJSON] would not read it back.
func (q Quantity) MarshalJSON() ([]byte, error) {
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("quantity: quantity %s: %w", q, err)
	}
	j := quantityJSON{Value: q.value.String(), Unit: q.unit.code(), Qualifier: q.qual.String()}
	if q.ranged {
		j.Max = q.max.String()
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the shape [Quantity.MarshalJSON] writes.
func (q *Quantity) UnmarshalJSON(b []byte) error {
	var j quantityJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v, err := plainDecimal("quantity value", j.Value)
	if err != nil {
		return err
	}
	out := Quantity{value: v}
	if j.Max != "" {
		if out.max, err = plainDecimal("quantity max", j.Max); err != nil {
			return err
		}
		out.ranged = true
	}
	if j.Unit != "" {
		if out.unit, err = ParseUnit(j.Unit); err != nil {
			return err
		}
	}
	if out.qual, err = parseQualifier(j.Qualifier, false); err != nil {
		return err
	}
	if err := out.Validate(); err != nil {
		return fmt.Errorf("quantity: quantity %s: %w", b, err)
	}
	*q = out
	return nil
}

// plainDecimal reads a decimal as [decimal.Decimal.String] writes it: an
// optional minus sign, digits, and a point with digits. Exponent notation
// (1e3) is refused, as Parse refuses it, and the number is as long
// as it is written.
func plainDecimal(what, s string) (decimal.Decimal, error) {
	digits, _ := strings.CutPrefix(s, "-")
	whole, frac, dot := strings.Cut(digits, ".")
	if whole == "" || dot && frac == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return decimal.Decimal{}, &SyntaxError{What: what, Input: s, Err: ErrSyntax}
	}
	return decimal.NewFromString(s)
}

// Every value a MarshalText or MarshalJSON of this package writes, its
// UnmarshalText or UnmarshalJSON reads back equal; a value it could not
// read back, such as Aggregation(7), is not written: encoding fails. A
// zero enum that means "not set" (a [Level], an [Aggregation]) is written
// "" and read back from "", as the zero [Unit] always was; decoding is not
// validation (outcome.Indicator.Validate, outcome.Region.Validate).
//
// An enum is written as its English code, stable whatever the language of
// String ("persons", "county", "stock", "year", "lower bound"), and read
// back from that code or from its Chinese name.

// MarshalText writes the unit's English code ("persons"), "" for no unit.
func (u Unit) MarshalText() ([]byte, error) {
	if u != 0 && !u.IsValid() {
		return nil, fmt.Errorf("quantity: %s: %w", u.code(), errs.UnknownUnit)
	}
	return []byte(u.code()), nil
}

// UnmarshalText reads a unit's English code, or its symbol (名), as
// [ParseUnit] does; "" is no unit.
func (u *Unit) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*u = 0
		return nil
	}
	v, err := ParseUnit(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// MarshalText writes the certainty's English code ("lower bound").
func (c Certainty) MarshalText() ([]byte, error) {
	if int(c) >= len(certaintyNames) {
		return nil, fmt.Errorf("quantity: %s: %w", c.code(), ErrInvalid)
	}
	return []byte(c.code()), nil
}

// UnmarshalText reads a certainty's English code ("lower bound") or Chinese
// name (下限).
func (c *Certainty) UnmarshalText(b []byte) error {
	v, err := parseCertainty(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
