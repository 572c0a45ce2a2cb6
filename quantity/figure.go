package quantity

import (
	"strings"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
)

// Figures as reports write them (issue 16): Chinese scales large figures
// with 万 and 亿 (1.34亿元, 118万人次, 551万名), English with million and
// billion and groups digits by three (134 million yuan, 1,180 persons).
//
// The rule: a figure is scaled by the largest scale word (亿, then 万; or
// billion, then million) that it reaches (a figure below 10000, or below a
// million in English, is never scaled) and at which it is a number with at
// most two decimals, exactly. A figure no scale writes so is written in
// full. A scaled figure is therefore always the value itself, never a
// rounding of it: 134000000 is 1.34亿, 123456789 stays 123456789 (1.23亿
// would misstate it), 5000 stays 5000 (the reports write 5000余名, not
// 0.5万余名). Percentages and scores are never scaled. A range is scaled
// only when both its ends are at the same scale: 3万—5万人, 3000—5000个.

// scaleWords are the scale words of each language, largest first, as
// powers of ten.
var scaleWords = [2][]struct {
	shift int32
	word  string
}{
	{{8, "亿"}, {4, "万"}},
	{{9, " billion"}, {6, " million"}},
}

// scaleDecimals is how many decimals a scaled figure may have.
const scaleDecimals = 2

// scale returns the power of ten q's figures are scaled by in lang, or 0.
func (q Quantity) scale(in lang.Lang) int32 {
	if q.unit == Percent || q.unit == Point {
		return 0
	}
	for _, s := range scaleWords[langIndex(in)] {
		if scales(q.value, s.shift) && (!q.ranged || scales(q.max, s.shift)) {
			return s.shift
		}
	}
	return 0
}

func langIndex(in lang.Lang) int {
	if in == lang.English {
		return 1
	}
	return 0
}

// scales reports whether v reaches 10^shift and is, divided by it, a number
// with at most scaleDecimals decimals.
func scales(v decimal.Decimal, shift int32) bool {
	return v.Cmp(decimal.New(1, shift)) >= 0 && v.Shift(scaleDecimals-shift).IsInteger()
}

// scaleWord returns the word of shift in lang.
func scaleWord(shift int32, in lang.Lang) string {
	for _, s := range scaleWords[langIndex(in)] {
		if s.shift == shift {
			return s.word
		}
	}
	return ""
}

// plainFigure writes v in full: 134000000.
func plainFigure(v decimal.Decimal, _ int32) string { return v.String() }

// zhFigure writes v scaled by 10^shift in Chinese: 1.34亿.
func zhFigure(v decimal.Decimal, shift int32) string {
	if shift == 0 {
		return v.String()
	}
	return v.Shift(-shift).String() + scaleWord(shift, lang.Chinese)
}

// enFigure writes v scaled by 10^shift in English, its digits grouped by
// three: 1.18 million, 12,345.5.
func enFigure(v decimal.Decimal, shift int32) string {
	s := v.Shift(-shift).String()
	s, sign := strings.CutPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	if sign {
		b.WriteByte('-')
	}
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if dot {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	b.WriteString(scaleWord(shift, lang.English))
	return b.String()
}

// figureIn writes v in lang, scaled as [Quantity.In] scales a figure.
func figureIn(v decimal.Decimal, in lang.Lang) string {
	var shift int32
	for _, s := range scaleWords[langIndex(in)] {
		if scales(v, s.shift) {
			shift = s.shift
			break
		}
	}
	if in == lang.English {
		return enFigure(v, shift)
	}
	return zhFigure(v, shift)
}
