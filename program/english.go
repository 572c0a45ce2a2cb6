package program

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/taizhang/taizhang/outcome"
)

// What English reports write differently from Chinese ones, beyond the
// labels: figures in 个, figures of one, section numbers and regions
// without an English name.

// quantityIn writes q for readers of lang: [outcome.Quantity.In], which
// in English names no unit for 个 and the singular for one.
func quantityIn(q outcome.Quantity, lang outcome.Lang) string { return q.In(lang) }

// regionIn returns a region's name for readers of lang: in English its
// English name or, for a region without one (Hunan's townships), "" so
// that the code beside it stands for it rather than a Chinese name.
func regionIn(r outcome.Region, lang outcome.Lang) string {
	if lang == outcome.English {
		return r.Name.En
	}
	return r.Name.In(lang)
}

// citationIn writes a citation for readers of lang. In English a section
// numbered as Chinese documents number it is written in figures
// ([sectionIn]); the document and the mark are as cited.
func citationIn(c outcome.Citation, lang outcome.Lang) string {
	if lang == outcome.English {
		c.Section = sectionIn(c.Section)
	}
	return c.String()
}

// sectionIn writes a section number of a Chinese document for English
// readers. Chinese documents number their parts 一、 for the first level,
// (一) for the second and 一是, 二是 ("first, second") for the points of a
// paragraph; English writes them in figures, the levels joined by a dot
// and the point after a comma:
//
//	三(一)     3.1
//	二(二)一是  2.2, point 1
//	二         2
//
// A section not numbered that way (2, 3.1, intro) is returned as it is.
func sectionIn(s string) string {
	rest := s
	var b strings.Builder
	n, rest := leadingNumeral(rest)
	if n == 0 {
		return s
	}
	b.WriteString(strconv.Itoa(n))
	if strings.HasPrefix(rest, "(") {
		m, after := leadingNumeral(rest[1:])
		if m == 0 || !strings.HasPrefix(after, ")") {
			return s
		}
		b.WriteString("." + strconv.Itoa(m))
		rest = after[1:]
	}
	if rest != "" {
		m, after := leadingNumeral(rest)
		if m == 0 || after != "是" {
			return s
		}
		b.WriteString(", point " + strconv.Itoa(m))
	}
	return b.String()
}

// leadingNumeral reads a Chinese numeral from 一 to 九十九 at the start of
// s, returning 0 when s does not start with one.
func leadingNumeral(s string) (int, string) {
	var n, digit int
	seen := false
	for {
		r, size := utf8.DecodeRuneInString(s)
		if d := strings.IndexRune("一二三四五六七八九", r); d >= 0 && size > 0 {
			digit = d/size + 1
		} else if r == '十' {
			n, digit = n+max(digit, 1)*10, 0
		} else {
			break
		}
		s, seen = s[size:], true
	}
	if !seen {
		return 0, s
	}
	return n + digit, s
}
