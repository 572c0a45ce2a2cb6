package outcome

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/taizhang/taizhang/lang"
)

// Document is a document that citations name: what a reader needs to find
// it (its title, the journal or publisher and the year) beside the locator
// that data uses for it. A [Citation]'s Document field holds the locator;
// [DeclareDocument] tells the library what the locator stands for, and
// [Citation.In] then writes the title for readers.
type Document struct {
	// Locator is what citations give as their Document: a file name in a
	// ledger's source column (004_32acad38fe6c52df.txt), a document number
	// or an address. Data keeps it; reports show the title in its place.
	Locator string
	// Title is the title as the document prints it: Zh the Chinese title
	// (without 《》), En the document's own English title, empty when it
	// gives none.
	Title lang.Name
	// TranslatedTitle is an English rendering of a title the document gives
	// only in Chinese. English reports write it in square brackets followed
	// by "(in Chinese)", the usual marks of a translated title, so that no
	// one looks for it as the document's own; the Chinese title, to search
	// for, is in Chinese reports. It is ignored when Title.En is set.
	TranslatedTitle string
	// Publisher is the journal or publisher as a citation writes it: Zh with
	// a journal's 《》 (《中国科学院院刊》), En its English name (Bulletin of
	// Chinese Academy of Sciences (Chinese Version)). Empty when the document
	// names none.
	Publisher lang.Name
	// Year is the year of publication, 0 when the document gives none.
	Year int
}

// documents is the registry of declared documents, by locator.
var documents struct {
	sync.RWMutex
	m map[string]Document
}

// DeclareDocument declares what the locator d.Locator stands for, so that
// [Citation.In] writes the document's title, publisher and year in its
// place. It is safe for concurrent use. Declaring a document again as it
// is does nothing; declaring another one under the same locator is an
// error ([ErrInvalid]), as is a document without a locator or a title.
//
// The catalogues (program/national, program/hunan) declare the documents
// they cite.
func DeclareDocument(d Document) error {
	bad := func(why string) error {
		return fmt.Errorf("outcome: declare document %q: %s: %w", d.Locator, why, ErrInvalid)
	}
	switch {
	case strings.TrimSpace(d.Locator) == "":
		return bad("want a locator")
	case d.Title.IsZero():
		return bad("want a title")
	case d.Year < 0:
		return bad("negative year")
	case !utf8.ValidString(d.Locator + d.Title.Zh + d.Title.En + d.TranslatedTitle + d.Publisher.Zh + d.Publisher.En):
		return bad("not UTF-8")
	}
	documents.Lock()
	defer documents.Unlock()
	if old, ok := documents.m[d.Locator]; ok {
		if old != d {
			return bad("declared before as another document")
		}
		return nil
	}
	if documents.m == nil {
		documents.m = make(map[string]Document)
	}
	documents.m[d.Locator] = d
	return nil
}

// LookupDocument returns the document declared under locator, and whether
// there is one.
func LookupDocument(locator string) (Document, bool) {
	documents.RLock()
	defer documents.RUnlock()
	d, ok := documents.m[locator]
	return d, ok
}

// In writes the document for readers of lang: its title, then the
// publisher and the year where the document gives them.
//
//	《科技赋能助推精准脱贫》(《中国科学院院刊》2020)
//	"Science and Technology Empowering Promotes Targeted Poverty Alleviation", Bulletin of Chinese Academy of Sciences (Chinese Version), 2020
//	《湖南省科技精准扶贫的实践探索与前瞻思考》
//	[Practical Exploration … in Hunan Province] (in Chinese)
//
// In English a document with an English title goes by it, in quotation
// marks; one without by its TranslatedTitle, in square brackets and
// marked "(in Chinese)", or failing that by its Chinese title.
func (d Document) In(in lang.Lang) string {
	var b strings.Builder
	year := ""
	if d.Year > 0 {
		year = strconv.Itoa(d.Year)
	}
	if in == lang.English {
		switch {
		case d.Title.En != "":
			b.WriteString(`"` + d.Title.En + `"`)
		case d.TranslatedTitle != "":
			b.WriteString("[" + d.TranslatedTitle + "] (in Chinese)")
		default:
			b.WriteString("《" + d.Title.Zh + "》")
		}
		for _, s := range []string{d.Publisher.In(lang.English), year} {
			if s != "" {
				b.WriteString(", " + s)
			}
		}
		return b.String()
	}
	if d.Title.Zh != "" {
		b.WriteString("《" + d.Title.Zh + "》")
	} else {
		b.WriteString(`"` + d.Title.En + `"`)
	}
	pub := d.Publisher.In(lang.Chinese)
	if pub != "" && year != "" && !strings.HasSuffix(pub, "》") {
		pub += ", " // a journal's 》 already sets the year apart
	}
	if pub+year != "" {
		b.WriteString("(" + pub + year + ")")
	}
	return b.String()
}

// In writes the citation for readers of lang: the document as
// [Document.In] writes it when its locator is declared ([DeclareDocument]),
// otherwise the locator as cited; then "§section" and the mark, leaving
// out empty parts:
//
//	《湖南省科技精准扶贫的实践探索与前瞻思考》 §二(二)二是 [11]
//	[Practical Exploration … in Hunan Province] (in Chinese), §2.2, point 2 [11]
//	"Science and Technology Empowering …", Bulletin of …, 2020, §3.2
//
// In English a section numbered as Chinese documents number their parts
// is written in figures: 一、 for the first level, (一) for the second and
// 一是, 二是 ("first, second") for the points of a paragraph, the levels
// joined by a dot and the point after a comma (三(一) as 3.1, 二(二)一是 as
// 2.2, point 1). A section numbered otherwise (2, 3.1) is as cited. The
// mark is as the document prints it.
//
// [Citation.String] writes the locator, the form data keeps.
func (c Citation) In(in lang.Lang) string {
	if in == lang.English {
		c.Section = sectionIn(c.Section)
	}
	d, ok := LookupDocument(c.Document)
	if !ok {
		return c.String()
	}
	c.Document = ""
	rest := c.String()
	switch {
	case rest == "":
		return d.In(in)
	case in == lang.English:
		return d.In(in) + ", " + rest
	}
	return d.In(in) + " " + rest
}

// sectionIn writes a section number of a Chinese document for English
// readers (see [Citation.In]):
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
