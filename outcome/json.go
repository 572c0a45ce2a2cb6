package outcome

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// quantityJSON is the JSON shape of a Quantity: decimals as strings so no
// precision is lost, the unit by its English name, the qualifier as
// [Qualifier.String] writes it.
type quantityJSON struct {
	Value     string `json:"value"`
	Max       string `json:"max,omitempty"`
	Unit      string `json:"unit,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
}

// MarshalJSON writes q as {"value":"2680000000","unit":"yuan","qualifier":"多"},
// with "max" for a range.
func (q Quantity) MarshalJSON() ([]byte, error) {
	j := quantityJSON{Value: q.value.String(), Unit: q.unit.String(), Qualifier: q.qual.String()}
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
	if out.qual, err = ParseQualifier(j.Qualifier); err != nil {
		return err
	}
	if err := out.Validate(); err != nil {
		return fmt.Errorf("outcome: quantity %s: %w", b, err)
	}
	*q = out
	return nil
}

// plainDecimal reads a decimal as [decimal.Decimal.String] writes it: an
// optional minus sign, digits, and a point with digits. Exponent notation
// (1e3) is refused, as ParseQuantity refuses it, and the number is as long
// as it is written.
func plainDecimal(what, s string) (decimal.Decimal, error) {
	digits, _ := strings.CutPrefix(s, "-")
	whole, frac, dot := strings.Cut(digits, ".")
	if whole == "" || dot && frac == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return decimal.Decimal{}, &SyntaxError{What: what, Input: s, Err: ErrSyntax}
	}
	return decimal.NewFromString(s)
}

// MarshalText writes p as [Period.String] does.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads p as [ParsePeriod] does.
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalText writes the unit's English name.
func (u Unit) MarshalText() ([]byte, error) { return []byte(u.String()), nil }

// UnmarshalText reads a unit symbol or English name.
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

// MarshalText writes the level's English name.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a level's English or Chinese name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalText writes "stock" or "flow".
func (a Aggregation) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads "stock" or "flow".
func (a *Aggregation) UnmarshalText(b []byte) error {
	v, err := ParseAggregation(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// MarshalText writes the certainty's English name.
func (c Certainty) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a certainty's English or Chinese name.
func (c *Certainty) UnmarshalText(b []byte) error {
	v, err := ParseCertainty(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
