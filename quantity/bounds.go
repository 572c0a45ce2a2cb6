package quantity

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
)

// Bounds is the interval of true values that a figure's qualifiers allow.
// 5000余 allows every value above 5000 and below 6000 (余 and 多 add less
// than a unit of the figure's last non-zero digit, see [Quantity.Bounds]);
// 不到1000 every value below 1000; an exact 176 only 176.
//
// The zero value allows every value: nothing is known. Lo is meaningful
// only when HasLo is set, Hi only when HasHi is.
//
// A verdict follows from the bounds, never from the printed value alone:
// see [Bounds.AtLeast] and [Bounds.AtMost].
type Bounds struct {
	Lo, Hi         decimal.Decimal
	HasLo, HasHi   bool
	LoOpen, HiOpen bool // the bound itself is excluded: 余 is more than, 不到 less than
}

// boundWords are the words [Bounds.In] writes, Chinese and English: %s is
// the figure.
var boundWords = [2]struct{ atLeast, moreThan, atMost, lessThan, noLower, noUpper string }{
	{atLeast: "%s以上", moreThan: "超过%s", atMost: "不超过%s", lessThan: "不到%s", noLower: "下限不明", noUpper: "上限不明"},
	{atLeast: "≥%s", moreThan: ">%s", atMost: "≤%s", lessThan: "<%s", noLower: "no lower bound", noUpper: "no upper bound"},
}

// In writes b as a lower and an upper bound in lang, each said to be
// unknown (下限不明, "no lower bound") when the figures do not state it, or
// an exact figure as itself: 「超过70, 上限不明」, "≥49, ≤51"; large
// figures are scaled as [Quantity.In] scales them (超过1.34亿, >134 million).
func (b Bounds) In(in lang.Lang) string {
	w := boundWords[0]
	if in == lang.English {
		w = boundWords[1]
	}
	if b.IsExact() {
		return figureIn(b.Lo, in)
	}
	lo, hi := w.noLower, w.noUpper
	switch {
	case b.HasLo && b.LoOpen:
		lo = fmt.Sprintf(w.moreThan, figureIn(b.Lo, in))
	case b.HasLo:
		lo = fmt.Sprintf(w.atLeast, figureIn(b.Lo, in))
	}
	switch {
	case b.HasHi && b.HiOpen:
		hi = fmt.Sprintf(w.lessThan, figureIn(b.Hi, in))
	case b.HasHi:
		hi = fmt.Sprintf(w.atMost, figureIn(b.Hi, in))
	}
	return lo + ", " + hi
}

// Exactly returns the bounds of an exact figure v.
func Exactly(v decimal.Decimal) Bounds { return Bounds{Lo: v, Hi: v, HasLo: true, HasHi: true} }

// IsExact reports whether b allows a single value.
func (b Bounds) IsExact() bool {
	return b.HasLo && b.HasHi && !b.LoOpen && !b.HiOpen && b.Lo.Equal(b.Hi)
}

// AtLeast says whether every value b allows is at least n (holds), whether
// none is (a decided false), or whether it depends on the true value
// (decided is false). 1000余 is at least 1000; 近1000 is not; 1000以上 is at
// least 1000 but not certainly more than 1000.
func (b Bounds) AtLeast(n decimal.Decimal) (holds, decided bool) {
	switch {
	case b.HasLo && b.Lo.Cmp(n) >= 0:
		return true, true
	case b.HasHi && (b.Hi.LessThan(n) || b.HiOpen && b.Hi.Equal(n)):
		return false, true
	}
	return false, false
}

// MoreThan says whether every value b allows is above n, as
// [Bounds.AtLeast] does for at least.
func (b Bounds) MoreThan(n decimal.Decimal) (holds, decided bool) {
	switch {
	case b.HasLo && (b.Lo.GreaterThan(n) || b.LoOpen && b.Lo.Equal(n)):
		return true, true
	case b.HasHi && b.Hi.Cmp(n) <= 0:
		return false, true
	}
	return false, false
}

// AtMost says whether every value b allows is at most n, as
// [Bounds.AtLeast] does for at least: 10余 is not at most 10; 不到10 is.
func (b Bounds) AtMost(n decimal.Decimal) (holds, decided bool) {
	holds, decided = b.MoreThan(n)
	return !holds && decided, decided
}

// Qualifier returns the qualifier that states b of a figure v: none when
// b is v alone; 余 when b is above v and excludes it, whatever its upper
// bound (40 + 30余 is 70余), 以上 when it includes it; 不到 when b is below v
// and excludes it, 不超过 when it includes it; and 约 otherwise, when b
// bounds v on neither side or on both sides away from it (300余 + 近200 is
// 约500: more than 300, less than 600).
func (b Bounds) Qualifier(v decimal.Decimal) Qualifier {
	switch {
	case b.IsExact() && b.Lo.Equal(v):
		return 0
	case b.HasLo && b.Lo.Equal(v) && b.LoOpen:
		return MoreThanYu
	case b.HasLo && b.Lo.Equal(v):
		return AtLeast
	case b.HasHi && b.Hi.Equal(v) && b.HiOpen:
		return LessThan
	case b.HasHi && b.Hi.Equal(v):
		return AtMost
	}
	return About
}

// Bounds returns the values q allows: a range a—b allows a to b, 超过5000
// and 5000以上 any value above 5000 (or from it), 不到1000 any value below
// 1000, 近1000 any value below 1000 (the reports write 近 for a figure just
// short of it); an exact figure only itself. A figure marked both ways
// (近千余) allows anything.
//
// 余 and 多 round a figure down: 5100余 is more than 5100 and less than
// 5200, 5000余 less than 6000, 140多 less than 150, 2.5万余 less than 2.6万,
// 13400多万 less than 13500万. The upper bound is the figure plus one unit
// of its last non-zero digit, the widest that the words allow: "10万余" may
// be read as less than 11万 (a unit of 万), and is taken as less than 20万, so
// that no verdict rests on the narrower reading. A figure also marked
// 以上, 超过 or 据不完全统计 has no upper bound.
func (q Quantity) Bounds() Bounds {
	if q.ranged {
		return Bounds{Lo: q.value, Hi: q.max, HasLo: true, HasHi: true}
	}
	b := boundOf(q.qual).bounds(q.value)
	if u, ok := roundingUnit(q.value, q.qual); ok {
		b.Hi, b.HasHi, b.HiOpen = q.value.Add(u), true, true
	}
	return b
}

// roundingUnit returns the unit a figure v written with qualifier q rounds
// down to, and whether it has one: a figure marked 余 or 多 and nothing
// that bounds it otherwise, whose value is not zero.
func roundingUnit(v decimal.Decimal, q Qualifier) (decimal.Decimal, bool) {
	if q&(MoreThanYu|MoreThanDuo) == 0 || q&(AtLeast|MoreThan|IncompleteStats) != 0 ||
		boundOf(q) != boundLower|boundLowerOpen || v.Sign() <= 0 {
		return decimal.Decimal{}, false
	}
	c, exp := new(big.Int).Set(v.Coefficient()), v.Exponent()
	ten, r := big.NewInt(10), new(big.Int)
	for {
		if _, r = c.QuoRem(c, ten, r); r.Sign() != 0 {
			break
		}
		exp++
	}
	return decimal.New(1, exp), true
}

// bound is what the qualifiers of the records behind a figure allow, as bits
// that join by OR: adding figures joins their bounds. It is kept beside
// every aggregated figure, so it is one byte.
type bound uint8

const (
	boundLower     bound = 1 << iota // some figure is a lower bound: the true value may be higher
	boundUpper                       // some figure is an upper bound: the true value may be lower
	boundLowerOpen                   // some lower bound excludes itself (余, 多, 超过)
	boundUpperOpen                   // some upper bound excludes itself (不到, 近; not 不超过)
	boundNone                        // some figure bounds nothing (约: it may be either side)
)

// boundOf returns the bound a single figure's qualifier states. The table
// is the one [Qualifier] documents.
func boundOf(q Qualifier) bound {
	var b bound
	if q&(AtLeast|IncompleteStats) != 0 {
		b |= boundLower
	}
	if q&(MoreThanYu|MoreThanDuo|MoreThan) != 0 {
		b |= boundLower | boundLowerOpen
	}
	if q&(LessThan|Nearly) != 0 {
		b |= boundUpper | boundUpperOpen
	}
	if q&AtMost != 0 {
		b |= boundUpper
	}
	if q&About != 0 {
		b |= boundNone
	}
	return b
}

// certainty names b.
func (b bound) certainty() Certainty {
	switch {
	case b&boundNone != 0, b&boundLower != 0 && b&boundUpper != 0:
		return Approximate
	case b&boundUpper != 0:
		return UpperBound
	case b&boundLower != 0:
		return LowerBound
	}
	return Exact
}

// bounds returns the values a figure v of bound b allows. A sum of an exact
// figure and an upper bound keeps only its upper bound: the lower one is
// not tracked, so such a verdict is more often undecided, never wrong.
func (b bound) bounds(v decimal.Decimal) Bounds {
	switch b.certainty() {
	case Exact:
		return Exactly(v)
	case LowerBound:
		return Bounds{Lo: v, HasLo: true, LoOpen: b&boundLowerOpen != 0}
	case UpperBound:
		return Bounds{Hi: v, HasHi: true, HiOpen: b&boundUpperOpen != 0}
	}
	return Bounds{}
}
