package outcome

import (
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/quantity"
)

// boundBits is what the qualifiers of the records behind a figure allow, as
// bits that join by OR: adding figures joins their bounds. It is kept beside
// every aggregated figure, so it is one byte. What each qualifier allows is
// read off the Qualifier itself (its Certainty, and whether its bound
// excludes the figure); what a joined figure allows is read back from the
// qualifier that states it alone.
type boundBits uint8

const (
	joinedLower     boundBits = 1 << iota // some figure is a lower bound: the true value may be higher
	joinedUpper                           // some figure is an upper bound: the true value may be lower
	joinedLowerOpen                       // some lower bound excludes itself (余, 多, 超过)
	joinedUpperOpen                       // some upper bound excludes itself (不到, 近; not 不超过)
	joinedNone                            // some figure bounds nothing (约: it may be either side)
)

// qualifierBits are the bound bits of every valid qualifier, by its value.
var qualifierBits = func() []boundBits {
	var bits []boundBits
	for q := quantity.Qualifier(0); q.IsValid(); q++ {
		var b boundBits
		switch q.Certainty() {
		case quantity.LowerBound:
			b = joinedLower
			if quantity.Int(1, 0).WithQualifier(q).Bounds().LoOpen {
				b |= joinedLowerOpen
			}
		case quantity.UpperBound:
			b = joinedUpper
			if quantity.Int(1, 0).WithQualifier(q).Bounds().HiOpen {
				b |= joinedUpperOpen
			}
		case quantity.Approximate:
			b = joinedNone
		}
		bits = append(bits, b)
	}
	return bits
}()

// boundBitsOf returns the bound a single figure's qualifier states.
func boundBitsOf(q quantity.Qualifier) boundBits { return qualifierBits[q] }

// stating returns the qualifier that states b alone.
func (b boundBits) stating() quantity.Qualifier {
	switch {
	case b&joinedNone != 0, b&joinedLower != 0 && b&joinedUpper != 0:
		return quantity.About
	case b&joinedUpper != 0 && b&joinedUpperOpen != 0:
		return quantity.LessThan
	case b&joinedUpper != 0:
		return quantity.AtMost
	case b&joinedLower != 0 && b&joinedLowerOpen != 0:
		return quantity.MoreThan
	case b&joinedLower != 0:
		return quantity.AtLeast
	}
	return 0
}

// certainty names b.
func (b boundBits) certainty() quantity.Certainty { return b.stating().Certainty() }

// bounds returns the values a figure v of bound b allows. A sum of an exact
// figure and an upper bound keeps only its upper bound: the lower one is
// not tracked, so such a verdict is more often undecided, never wrong.
func (b boundBits) bounds(v decimal.Decimal) quantity.Bounds {
	return quantity.New(v, 0, b.stating()).Bounds()
}
