// Package quantity reads and writes the figures of ledgers and source
// documents.
//
// A [Quantity] is a decimal value, a [Unit] and a [Qualifier], read the way
// official reports write figures: [Parse] turns 26.8亿多元 into 2680000000
// yuan, "more than", and 3 000—5 000个 into a range. Units know what they
// measure ([Unit.Compatible]), so persons (名) and person-times (人次) are
// never added or compared; a caller may declare units of its own (亩, 公顷,
// 吨) with an exact factor to their dimension's base ([DeclareUnit],
// [Quantity.Convert]). Qualifiers (以上, 不少于, 余, 多, 超过, 逾, 近, 不到,
// 以下, 以内, 不超过, 约, 左右, 达, 累计, 共, 据不完全统计) are kept and say
// what the figure means: [Quantity.Bounds] gives the values the true figure
// may take (1000余 is more than 1000, 近1000 less than 1000, 500以内 at most
// 500), and [Certainty] names them: exact, a lower bound, an upper bound,
// or an approximation. Reports write figures scaled as the source
// documents do ([Quantity.In]: 1.34亿元, 118万人次; in English 134 million
// yuan), and [Parse] reads them back.
//
// String is Chinese, as the source documents are ([LowerBound] prints
// 下限, [Person] 名); MarshalText writes an enum's stable English code
// ("lower bound", "persons").
package quantity

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/cnum"
	"github.com/taizhang/taizhang/internal/errs"
	"github.com/taizhang/taizhang/lang"
)

// maxDigits is how many digits a figure may have, both as written and in
// full (after 万 and 亿 scale it). The largest figures the reports state,
// national budgets in yuan, have 14 digits (tens of trillions); the finest,
// percentages, a few decimals. Thirty leaves room for any of them and keeps
// a hostile input from making the ledger hold, sum and print numbers of
// thousands of digits.
const maxDigits = 30

// Quantity is a figure as a report states it: a decimal value, its [Unit] and
// its [Qualifier]. A quantity can also be a range (3 000—5 000个), which
// targets use; a [outcome.Record] must hold a single value.
//
// The zero value is 0 with no unit and no qualifier. Quantities are values:
// the modifiers return a copy. == is not safe on quantities and they make
// poor map keys: a quantity holds [decimal.Decimal]s, which hold a pointer,
// so == compares pointers (two quantities parsed from the same text are not
// ==) and never finds 1.50 equal to 1.5. Use [Quantity.Equal].
type Quantity struct {
	value  decimal.Decimal
	max    decimal.Decimal // upper end of a range; unused otherwise
	unit   Unit
	qual   Qualifier
	ranged bool
}

// New returns the quantity v in unit u with qualifier q.
func New(v decimal.Decimal, u Unit, q Qualifier) Quantity {
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

// Validate reports a negative value, a value of more than 30 digits or a
// range whose minimum exceeds its maximum ([ErrInvalid]), or undefined unit
// or qualifier values ([ErrSyntax]). A fraction of what a unit counts whole (0.5名) is a
// valid quantity, an average say; a [outcome.Ledger] refuses it in a record.
func (q Quantity) Validate() error {
	switch {
	case q.value.IsNegative() || q.ranged && q.max.IsNegative():
		return errs.Negative
	case !fitsDigits(q.value) || q.ranged && !fitsDigits(q.max):
		return errs.OutOfRange
	case q.ranged && q.value.GreaterThan(q.max):
		return errRangeOrder
	case q.unit != 0 && !q.unit.IsValid():
		return errs.UnknownUnit
	case !q.qual.IsValid():
		return errs.UnknownQualifier
	}
	return nil
}

// String writes q the way reports do, with the value unscaled so that
// [Parse] reads it back and files keep plain decimals:
// 2680000000多元, 近1000名, 3000—5000个. Reports write [Quantity.In], which
// scales.
func (q Quantity) String() string { return q.zh(plainFigure) }

// zh writes q in Chinese with its numbers written by figure.
func (q Quantity) zh(figure func(decimal.Decimal, int32) string) string {
	var b strings.Builder
	for _, m := range qualifierMarks {
		switch m.q {
		case IncompleteStats, Cumulative, Total, Reached, About, Nearly, LessThan, MoreThan, AtMost:
			if q.qual&m.q != 0 {
				b.WriteString(m.zh)
			}
		}
	}
	shift := q.scale(lang.Chinese)
	b.WriteString(figure(q.value, shift))
	if q.ranged {
		b.WriteString("—")
		b.WriteString(figure(q.max, shift))
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

// In writes q for readers of lang, with large figures scaled as reports
// write them (by the largest of 亿 and 万, or billion and million, at which
// the figure is a number of at most two decimals exactly, so a scaled
// figure is never a rounding: 123456789 stays whole): in Chinese 1.34亿多元,
// 118万人次, 5000余名, which [Parse] reads back as the same
// quantity; in English "more than 134 million yuan", "1.18 million
// person-times", "nearly 1,000 persons", a figure of one in the singular
// ("1 person") and a figure in 个 with no unit name ("52").
func (q Quantity) In(in lang.Lang) string {
	if q.ranged && q.value.Equal(q.max) {
		q.ranged = false // a range of one value, such as a goal of 0—0户, reads as that value
	}
	if in != lang.English {
		return q.zh(zhFigure)
	}
	var b strings.Builder
	if w := q.qual.Name().En; w != "" {
		b.WriteString(w)
		b.WriteByte(' ')
	}
	shift := q.scale(lang.English)
	b.WriteString(enFigure(q.value, shift))
	if q.ranged {
		b.WriteString("–")
		b.WriteString(enFigure(q.max, shift))
	}
	switch {
	case q.unit == Percent:
		b.WriteString("%")
	case q.unit == Piece || !q.unit.IsValid():
		// 个 is the general measure word: English names no unit, since
		// "units" would read as the members of a population.
	case !q.ranged && q.value.Equal(one):
		b.WriteByte(' ')
		b.WriteString(singular(q.unit.code()))
	default:
		b.WriteByte(' ')
		b.WriteString(q.unit.code())
	}
	return b.String()
}

var one = decimal.NewFromInt(1)

// singular returns the singular of a unit's English name, for a figure of
// exactly one: 1 person, 1 household; yuan and head are the same in both.
func singular(en string) string {
	switch {
	case en == "copies":
		return "copy"
	case strings.HasSuffix(en, "s") && en != "yuan":
		return strings.TrimSuffix(en, "s")
	}
	return en
}

// MustParse is like [Parse] but panics on error. It is for
// literals in catalogues and tests.
func MustParse(s string) Quantity {
	q, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return q
}

// Parse reads a figure the way official reports write it:
//
//	26.8亿多元      2680000000 yuan, more than (多)
//	5000余名        5000 persons, more than (余)
//	近1000名        1000 persons, nearly
//	达1000多个      1000, reached and more than
//	3 000—5 000个   the range 3000–5000
//	8.5万人次       85000 person-times
//	42000万元       420000000 yuan
//	不到 60%        60 percent, less than
//	超过1000名      1000 persons, more than (超过, 逾)
//	不少于1000名    1000 persons, at least (as 1000名以上, 至少1000名, 不低于1000名)
//	500人以内       500 persons, at most (as 不超过500人, 500人以下)
//	30场左右        30 sessions, about (as 约30场, 大约30场)
//	一百个, 一万名, 十万, 99分, 1220
//
// Spaces anywhere are ignored; commas separate thousands, in groups of three
// (1,000 and 12,345,678; 1,5 is malformed); 万 and 亿 scale the value, as
// do million and billion, which [Quantity.In] writes in English (1.18
// million is 1180000). What [Quantity.In] writes in Chinese reads back as
// the same quantity.
// Recognised markers are listed at [Qualifier]; those before the number
// may come in any order, and 以上, 以下, 以内 and 左右 follow the figure and
// its unit. A marker stated twice (5000余余名, or 至少 with 以上) is
// malformed. A figure with no number
// (数十名) is refused with [ErrSyntax] (no number), one of more than 30
// digits with [ErrInvalid] (out of range), as is a range whose minimum
// exceeds its maximum. A malformed figure (12.3.4万, 0x10个, 1e9元) is
// [ErrSyntax], as is a word after a well-formed number that is not a unit
// (5棵: unknown unit). Parse reads 0.5名, which may be an
// average; a [outcome.Ledger] refuses a fraction of a person in a record. Errors
// are [*SyntaxError].
func Parse(s string) (Quantity, error) {
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

// at reports whether the input continues with word.
func (p *quantityParser) at(word string) bool {
	i := p.pos
	for _, r := range word {
		if i >= len(p.runes) || p.runes[i] != r {
			return false
		}
		i++
	}
	return true
}

// eat consumes word if the input continues with it.
func (p *quantityParser) eat(word string) bool {
	if !p.at(word) {
		return false
	}
	p.pos += utf8.RuneCountInString(word)
	return true
}

// markerWords are the markers Parse reads before a number, in any
// order; a word that begins another is listed first (共计 before 共).
var markerWords = [...]struct {
	word string
	q    Qualifier
}{
	{"据不完全统计", IncompleteStats}, {"累计", Cumulative}, {"共计", Total}, {"共", Total},
	{"达", Reached}, {"大约", About}, {"约", About}, {"近", Nearly}, {"不到", LessThan}, {"至少", AtLeast},
	{"超过", MoreThan}, {"逾", MoreThan}, {"超", MoreThan}, {"不少于", AtLeast}, {"不低于", AtLeast}, {"不超过", AtMost},
	{"上", AtLeast}, // 上千名: a thousand and upwards
}

// suffixWords are the markers Parse reads after a figure and its
// unit: 1000名以上, 500人以内, 30场左右.
var suffixWords = [...]struct {
	word string
	q    Qualifier
}{
	{"以上", AtLeast}, {"以下", AtMost}, {"以内", AtMost}, {"左右", About},
}

func (p *quantityParser) parse() (Quantity, error) {
	var q Quantity
	if len(p.runes) == 0 {
		return q, ErrSyntax
	}
	for more := true; more; {
		more = false
		for _, m := range markerWords {
			start := p.pos
			if p.eat(m.word) {
				if err := p.mark(&q, m.q, start); err != nil {
					return q, err
				}
				p.eat(",")
				p.eat("，")
				more = true
			}
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
		if !fitsDigits(q.value) {
			return q, errs.OutOfRange
		}
		if q.value.GreaterThan(hi) {
			p.pos = hiStart
			return q, errRangeOrder
		}
	}
	if u, n := declared.Load().symbolAt(p.runes[p.pos:]); n > 0 {
		q.unit, p.pos = u, p.pos+n // a declared unit ([DeclareUnit]), before 个 can take 个体
	} else {
		for _, u := range unitSymbols {
			if p.eat(u.symbol) {
				q.unit = u.unit
				break
			}
		}
	}
	for _, m := range suffixWords {
		if start := p.pos; p.eat(m.word) {
			if err := p.mark(&q, m.q, start); err != nil {
				return q, err
			}
			break
		}
	}
	if p.pos < len(p.runes) {
		if q.unit == 0 && !p.malformedTail() {
			return q, errs.UnknownUnit
		}
		return q, ErrSyntax
	}
	return q, nil
}

// mark adds the marker m, read from start on, to q's qualifier; a marker
// stated twice (5000余余名, 至少…以上) is malformed.
func (p *quantityParser) mark(q *Quantity, m Qualifier, start int) error {
	if q.qual&m != 0 {
		p.pos = start
		return ErrSyntax
	}
	q.qual |= m
	return nil
}

// malformedTail reports whether what follows a number is part of a
// malformed figure rather than an unknown unit: it has a digit (1e309元,
// 0x10个), starts with a dot or a comma (12.3.4万), or starts with a marker
// out of place. A unit has none of these.
func (p *quantityParser) malformedTail() bool {
	tail := p.runes[p.pos:]
	if slices.ContainsFunc(tail, func(r rune) bool { return r >= '0' && r <= '9' }) {
		return true
	}
	switch tail[0] {
	case '.', ',', '，', '余', '多':
		return true
	}
	for _, m := range suffixWords {
		if p.at(m.word) {
			return true
		}
	}
	for _, m := range markerWords {
		if p.at(m.word) {
			return true
		}
	}
	return false
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
		return decimal.Decimal{}, 0, errNotANumber
	}
	var v decimal.Decimal
	switch {
	case p.digitAt(p.pos):
		d, err := p.digits()
		if err != nil {
			return v, 0, err
		}
		v = d
	case p.pos < len(p.runes) && cnum.IsNumeral(p.runes[p.pos]):
		end := p.pos
		for end < len(p.runes) && cnum.IsNumeral(p.runes[end]) {
			end++
		}
		n, err := cnum.Parse(string(p.runes[p.pos:end]))
		if err != nil && strings.ContainsRune("百千万亿", p.runes[p.pos]) {
			// A scale word alone is one of it, as reports write 千余名,
			// 近万名, 百余场, 上千名.
			n, err = cnum.Parse("一" + string(p.runes[p.pos:end]))
		}
		switch {
		case errors.Is(err, cnum.ErrRange):
			return v, 0, errs.OutOfRange
		case err != nil:
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
	for start := p.pos; ; start = p.pos {
		switch {
		case p.eat("亿"):
			shift += 8
		case p.eat("万"):
			shift += 4
		case p.eat("千"):
			shift += 3
		case p.eat("百"):
			shift += 2
		case p.eat("billion"):
			shift += 9 // as Quantity.In writes English figures
		case p.eat("million"):
			shift += 6
		default:
			if shift != 0 {
				v = v.Shift(shift)
			}
			if !fitsDigits(v) {
				return v, 0, errs.OutOfRange
			}
			return v, shift, p.approx(q)
		}
		if shift > maxDigits {
			p.pos = start
			return v, 0, errs.OutOfRange
		}
	}
}

// digits reads a number written in digits, with a decimal point and commas
// between groups of three. Leading zeros aside, it stops at the first digit
// beyond maxDigits: a number of thousands of digits costs no more than
// one of thirty.
func (p *quantityParser) digits() (decimal.Decimal, error) {
	var (
		buf   [maxDigits + 2]byte // the digits that count, a point and a zero before it
		n     int                 // bytes of buf used
		dot   bool
		group = -1 // digits since the last comma; -1 before the first
		comma int  // position of the last comma
	)
	start, counted := p.pos, 0
	// endGroup checks the group of digits a comma opened, if any.
	endGroup := func() error {
		if group >= 0 && group != 3 {
			p.pos = comma
			return ErrSyntax
		}
		return nil
	}
read:
	for ; p.pos < len(p.runes); p.pos++ {
		r := p.runes[p.pos]
		switch {
		case r >= '0' && r <= '9':
			if group >= 0 {
				group++
			}
			if r == '0' && n == 0 {
				continue // a leading zero
			}
			if counted++; counted > maxDigits {
				return decimal.Decimal{}, errs.OutOfRange
			}
			buf[n], n = byte(r), n+1
		case r == '.' && !dot && p.digitAt(p.pos+1):
			if err := endGroup(); err != nil {
				return decimal.Decimal{}, err
			}
			if n == 0 {
				buf[0], n = '0', 1
			}
			dot, group = true, -1
			buf[n], n = '.', n+1
		case (r == ',' || r == '，') && !dot && p.digitAt(p.pos-1) && p.digitAt(p.pos+1):
			// One to three digits before the first comma, three after each.
			if group < 0 && p.pos-start > 3 {
				return decimal.Decimal{}, ErrSyntax
			}
			if err := endGroup(); err != nil {
				return decimal.Decimal{}, err
			}
			group, comma = 0, p.pos
		default:
			break read
		}
	}
	if err := endGroup(); err != nil {
		return decimal.Decimal{}, err
	}
	if n == 0 {
		return decimal.Decimal{}, nil // zeros only
	}
	return decimal.NewFromString(string(buf[:n]))
}

// approx reads 余 and 多 after a number or its scale word; each at most
// once in a figure.
func (p *quantityParser) approx(q *Quantity) error {
	for {
		start := p.pos
		switch {
		case p.eat("余"):
			if err := p.mark(q, MoreThanYu, start); err != nil {
				return err
			}
		case p.eat("多"):
			if err := p.mark(q, MoreThanDuo, start); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

func (p *quantityParser) digitAt(i int) bool {
	return i >= 0 && i < len(p.runes) && p.runes[i] >= '0' && p.runes[i] <= '9'
}

// fitsDigits reports whether v, written in full, has at most maxDigits
// digits, leading zeros aside: 0.005 has three, 1.5e4 five.
func fitsDigits(v decimal.Decimal) bool {
	n, exp := v.NumDigits(), int(v.Exponent())
	if exp >= 0 {
		return n+exp <= maxDigits
	}
	return max(n, -exp) <= maxDigits
}

// Reasons a quantity does not read.
var (
	errNotANumber = errs.Reason(ErrSyntax, "no number (数十 and the like are not counts)")
	errRangeOrder = errs.Reason(ErrInvalid, "range minimum exceeds its maximum")
)

// The errors [Parse] and the other functions return wrap one of these;
// they are the same values as [outcome.ErrSyntax], [outcome.ErrInvalid]
// and [outcome.ErrUnitMismatch], so a figure a ledger file could not read
// answers to either.
var (
	// ErrSyntax is text that is no figure: no number, an unknown unit or
	// qualifier.
	ErrSyntax = errs.ErrSyntax
	// ErrInvalid is a figure that cannot be: negative, of more than 30
	// digits, a range whose minimum exceeds its maximum, a conversion with
	// no exact decimal.
	ErrInvalid = errs.ErrInvalid
	// ErrUnitMismatch is a conversion between units of different
	// dimensions: persons (名) into person-times (人次).
	ErrUnitMismatch = errs.ErrUnitMismatch
)

// SyntaxError reports text that [Parse] could not read: the input, where
// reading failed and why. It is [outcome.SyntaxError].
type SyntaxError = errs.SyntaxError
