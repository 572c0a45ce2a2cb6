package program

import (
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// What English reports write differently from Chinese ones, beyond the
// labels: figures in 个, figures of one, section numbers and regions
// without an English name.

// quantityIn writes q for readers of lang: [quantity.Quantity.In], which
// in English names no unit for 个 and the singular for one.
func quantityIn(q quantity.Quantity, in lang.Lang) string { return q.In(in) }

// regionIn returns a region's name for readers of lang: in English its
// English name or, for a region without one (Hunan's townships), "" so
// that the code beside it stands for it rather than a Chinese name.
func regionIn(r outcome.Region, in lang.Lang) string {
	if in == lang.English {
		return r.Name.En
	}
	return r.Name.In(in)
}

// citationIn writes a citation for readers of lang: [outcome.Citation.In],
// the document by its title, journal and year where it is declared, and in
// English the section in figures.
func citationIn(c outcome.Citation, in lang.Lang) string { return c.In(in) }
