package outcome

import (
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/cnum"
)

// Quantity is a figure as a report states it: a decimal value, its [Unit] and
// its [Qualifier]. A quantity can also be a range (3 000—5 000个), which
// targets use; a [Record] must hold a single value.
//
// The zero value is 0 with no unit and no qualifier. Quantities are values:
// the modifiers return a copy.
type Quantity struct {
	value  decimal.Decimal
	max    decimal.Decimal // upper end of a range; unused otherwise
	unit   Unit
	qual   Qualifier
	ranged bool
}

// NewQuantity returns the quantity v in unit u with qualifier q.
func NewQuantity(v decimal.Decimal, u Unit, q Qualifier) Quantity {
	return Quantity{value: v, unit: u, qual: q}
}

// Int returns the exact whole quantity n in unit u.
func Int(n int64, u Unit) Quantity { return Quantity{value: decimal.NewFromInt(n), unit: u} }

// Between returns the range min–max in unit u, such as 3—5位 per village.
func Between(min, max decimal.Decimal, u Unit) Quantity {
	return Quantity{value: min, max: max, unit: u, ranged: true}
}

// Value returns the value, or the lower end of a range.
func (q Quantity) Value() decimal.Decimal { return q.value }

// Max returns the upper end of a range, or the value when q is not a range.
func (q Quantity) Max() decimal.Decimal {
	if q.ranged {
		return q.max
	}
	return q.value
}

// IsRange reports whether q is a range.
func (q Quantity) IsRange() bool { return q.ranged }

// Unit returns the unit, or 0 when none was given.
func (q Quantity) Unit() Unit { return q.unit }

// Qualifier returns the qualifier markers.
func (q Quantity) Qualifier() Qualifier { return q.qual }

// Certainty returns what the qualifier means for the true value.
func (q Quantity) Certainty() Certainty { return q.qual.Certainty() }

// WithUnit returns a copy of q in unit u, for a plain number whose unit
// stands in a separate column.
func (q Quantity) WithUnit(u Unit) Quantity { q.unit = u; return q }

// WithQualifier returns a copy of q with the qualifier markers m.
func (q Quantity) WithQualifier(m Qualifier) Quantity { q.qual = m; return q }

// IsZero reports whether q is the zero Quantity.
func (q Quantity) IsZero() bool {
	return q.value.IsZero() && q.unit == 0 && q.qual == 0 && !q.ranged
}

// Equal reports whether q and r state the same figure: equal values (1.50
// equals 1.5), unit and qualifier.
func (q Quantity) Equal(r Quantity) bool {
	return q.value.Equal(r.value) && q.unit == r.unit && q.qual == r.qual &&
		q.ranged == r.ranged && (!q.ranged || q.max.Equal(r.max))
}

// Validate reports a negative value, a range whose minimum exceeds its
// maximum, or undefined unit or qualifier values.
func (q Quantity) Validate() error {
	switch {
	case q.value.IsNegative() || q.ranged && q.max.IsNegative():
		return ErrNegative
	case q.ranged && q.value.GreaterThan(q.max):
		return ErrRangeOrder
	case q.unit != 0 && !q.unit.IsValid():
		return ErrUnknownUnit
	case !q.qual.IsValid():
		return ErrUnknownQualifier
	}
	return nil
}

// String writes q the way reports do, with the value unscaled so that
// [ParseQuantity] reads it back: 2680000000多元, 近1000名, 3000—5000个.
func (q Quantity) String() string {
	var b strings.Builder
	for _, m := range qualifierMarks {
		switch m.q {
		case IncompleteStats, Cumulative, Total, Reached, Nearly, LessThan:
			if q.qual&m.q != 0 {
				b.WriteString(m.zh)
			}
		}
	}
	b.WriteString(q.value.String())
	if q.ranged {
		b.WriteString("—")
		b.WriteString(q.max.String())
	}
	if q.qual&MoreThanYu != 0 {
		b.WriteString("余")
	}
	if q.qual&MoreThanDuo != 0 {
		b.WriteString("多")
	}
	b.WriteString(q.unit.Symbol())
	if q.qual&AtLeast != 0 {
		b.WriteString("以上")
	}
	return b.String()
}

// In writes q for readers of lang: [Quantity.String] in Chinese, and in
// English "more than 2680000000 yuan", "nearly 1000 persons".
func (q Quantity) In(lang Lang) string {
	if lang != English {
		return q.String()
	}
	var b strings.Builder
	if w := q.qual.English(); w != "" {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	b.WriteString(q.value.String())
	if q.ranged {
		b.WriteString("–")
		b.WriteString(q.max.String())
	}
	if q.unit == Percent {
		b.WriteString("%")
	} else if q.unit.IsValid() {
		b.WriteByte(' ')
		b.WriteString(units[q.unit].en)
	}
	return b.String()
}

// MustParseQuantity is like [ParseQuantity] but panics on error. It is for
// literals in catalogues and tests.
func MustParseQuantity(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(err)
	}
	return q
}

// ParseQuantity reads a figure the way official reports write it:
//
//	26.8亿多元      2680000000 yuan, more than (多)
//	5000余名        5000 persons, more than (余)
//	近1000名        1000 persons, nearly
//	达1000多个      1000, reached and more than
//	3 000—5 000个   the range 3000–5000
//	8.5万人次       85000 person-times
//	42000万元       420000000 yuan
//	不到 60%        60 percent, less than
//	一百个, 一万名, 十万, 99分, 1220
//
// Spaces anywhere and commas between digits are ignored; 万 and 亿 scale the
// value. Recognised markers are listed at [Qualifier]. A figure with no number
// (数十名) is refused with [ErrNotANumber]. Errors are [*SyntaxError].
func ParseQuantity(s string) (Quantity, error) {
	p := quantityParser{in: s}
	for i, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' {
			continue
		}
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		p.runes = append(p.runes, r)
		p.offs = append(p.offs, i)
	}
	q, err := p.parse()
	if err != nil {
		return Quantity{}, &SyntaxError{What: "quantity", Input: s, Offset: p.offset(), Err: err}
	}
	return q, nil
}

type quantityParser struct {
	in    string
	runes []rune
	offs  []int
	pos   int
}

func (p *quantityParser) offset() int {
	if p.pos < len(p.offs) {
		return p.offs[p.pos]
	}
	return len(p.in)
}

// eat consumes word if the input continues with it.
func (p *quantityParser) eat(word string) bool {
	i := p.pos
	for _, r := range word {
		if i >= len(p.runes) || p.runes[i] != r {
			return false
		}
		i++
	}
	p.pos = i
	return true
}

func (p *quantityParser) parse() (Quantity, error) {
	var q Quantity
	if len(p.runes) == 0 {
		return q, ErrSyntax
	}
	// Leading markers, in the order reports combine them.
	for _, m := range [...]struct {
		word string
		q    Qualifier
	}{
		{"据不完全统计", IncompleteStats}, {"累计", Cumulative}, {"共计", Total}, {"共", Total},
		{"达", Reached}, {"近", Nearly}, {"不到", LessThan}, {"至少", AtLeast},
	} {
		if p.eat(m.word) {
			q.qual |= m.q
			p.eat(",")
			p.eat("，")
		}
	}
	v, scaled, err := p.number(&q)
	if err != nil {
		return q, err
	}
	q.value = v
	if p.eatAny("—", "–", "-", "~", "～", "至", "到") {
		for p.eat("—") {
		}
		hiStart := p.pos
		hi, hiScaled, err := p.number(&q)
		if err != nil {
			return q, err
		}
		if scaled == 0 && hiScaled != 0 {
			// 3—5万 is 3万 to 5万.
			q.value = q.value.Shift(hiScaled)
		}
		q.max, q.ranged = hi, true
		if q.value.GreaterThan(hi) {
			p.pos = hiStart
			return q, ErrRangeOrder
		}
	}
	for _, u := range unitSymbols {
		if p.eat(u.symbol) {
			q.unit = u.unit
			break
		}
	}
	if p.eat("以上") {
		q.qual |= AtLeast
	}
	if p.pos < len(p.runes) {
		if q.unit == 0 {
			return q, ErrUnknownUnit
		}
		return q, ErrSyntax
	}
	return q, nil
}

func (p *quantityParser) eatAny(words ...string) bool {
	for _, w := range words {
		if p.eat(w) {
			return true
		}
	}
	return false
}

// number reads a value with its scale word and any 余 or 多 around it, and
// returns the power of ten the scale word applied.
func (p *quantityParser) number(q *Quantity) (decimal.Decimal, int32, error) {
	if p.pos < len(p.runes) && p.runes[p.pos] == '数' {
		return decimal.Decimal{}, 0, ErrNotANumber
	}
	start := p.pos
	var v decimal.Decimal
	switch {
	case p.pos < len(p.runes) && p.runes[p.pos] >= '0' && p.runes[p.pos] <= '9':
		var digits []byte
		dot := false
	digits:
		for ; p.pos < len(p.runes); p.pos++ {
			r := p.runes[p.pos]
			switch {
			case r >= '0' && r <= '9':
				digits = append(digits, byte(r))
			case r == '.' && !dot && p.digitAt(p.pos+1):
				dot = true
				digits = append(digits, '.')
			case (r == ',' || r == '，') && !dot && p.digitAt(p.pos-1) && p.digitAt(p.pos+1):
			default:
				break digits
			}
		}
		d, err := decimal.NewFromString(string(digits))
		if err != nil {
			p.pos = start
			return v, 0, ErrSyntax
		}
		v = d
	case p.pos < len(p.runes) && cnum.IsNumeral(p.runes[p.pos]):
		end := p.pos
		for end < len(p.runes) && cnum.IsNumeral(p.runes[end]) {
			end++
		}
		n, err := cnum.Parse(string(p.runes[p.pos:end]))
		if err != nil {
			return v, 0, ErrSyntax
		}
		p.pos = end
		return decimal.NewFromInt(n), 0, p.approx(q)
	default:
		return v, 0, ErrSyntax
	}
	if err := p.approx(q); err != nil {
		return v, 0, err
	}
	var shift int32
	for {
		switch {
		case p.eat("亿"):
			shift += 8
		case p.eat("万"):
			shift += 4
		case p.eat("千"):
			shift += 3
		case p.eat("百"):
			shift += 2
		default:
			if shift != 0 {
				v = v.Shift(shift)
			}
			return v, shift, p.approx(q)
		}
	}
}

// approx reads 余 and 多 after a number or its scale word.
func (p *quantityParser) approx(q *Quantity) error {
	for {
		switch {
		case p.eat("余"):
			q.qual |= MoreThanYu
		case p.eat("多"):
			q.qual |= MoreThanDuo
		default:
			return nil
		}
	}
}

func (p *quantityParser) digitAt(i int) bool {
	return i >= 0 && i < len(p.runes) && p.runes[i] >= '0' && p.runes[i] <= '9'
}
