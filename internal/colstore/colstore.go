// Package colstore keeps a ledger's records in columns and answers the
// questions a ledger is asked of them: which rows count in a window, and
// what they add up to in each region, rolled up the region tree. It knows
// no domain types: a region is a position in a depth-first tree, a period
// a [Span] of days with a kind, a unit and a qualifier small numbers, a
// value a coefficient and an exponent. Package outcome gives them their
// meaning and states the rules this package carries out.
package colstore

import (
	"cmp"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/column"
)

// Span is a period as the columns keep it: the kind the caller numbers its
// periods by, and the first and last day, both included, as days since
// 1970-01-01.
type Span struct {
	Kind       uint8
	Start, End int32
}

// YearKind is the Kind of a civil year, which the columns index by a bit
// per region and year; UndatedKind that of a figure the source does not
// date, which lies somewhere within its span.
const YearKind, UndatedKind = 1, 5

// MinDay is a day before every day a period holds.
const MinDay = -1 << 30

// Covers reports whether every day of q lies in p.
func (p Span) Covers(q Span) bool { return p.Start <= q.Start && q.End <= p.End }

// Compare orders spans by start, then end, then kind.
func (p Span) Compare(q Span) int {
	return cmp.Or(cmp.Compare(p.Start, q.Start), cmp.Compare(p.End, q.End), cmp.Compare(p.Kind, q.Kind))
}

// Kind is how a series' records add up.
type Kind uint8

// The kinds of series, numbered as the caller's aggregations are.
const (
	Stock   Kind = 1 + iota // the latest record as of a date counts
	Flow                    // records within a window add up; no day counts twice
	Entries                 // events: every record within a window counts
)

// Tree is a region hierarchy by position, in depth-first order: End[i] is
// one past the last descendant of position i, Parent[i] its parent or -1.
type Tree struct {
	End, Parent []int32
}

// Len returns the number of positions.
func (t Tree) Len() int { return len(t.End) }

// Series holds one indicator's records as columns, a row per record.
type Series struct {
	Kind   Kind
	Region []int32 // position in the tree
	Period PeriodColumn
	Coef   column.Ints
	Exp    []int8   // nil while every exponent is 0
	Unit   []uint8  // nil while every unit is the indicator's (0)
	Qual   []uint16 // nil while every qualifier is exact (0)
	Meta   []uint32 // nil while no record has a source or note (0)
	Big    map[int32]decimal.Decimal
	MinExp int32
	// BoundOf gives the bound bits of a qualifier: what a roll-up joins
	// to tell how certain a sum is.
	BoundOf func(qual uint16) uint8

	slots   []uint64 // open-addressing index of (region, period) for rows not in years
	indexed int      // rows in slots
	// years has a bit per region and year from 1970 to 2033: the region has
	// a row for that civil year. Most rows are years; checking a bit in this
	// small array replaces a probe into the index. yearRows finds such a row
	// when a bit is already set; it is built on the first duplicate.
	years    []uint64
	yearRows map[uint64]int32

	// Versions (versions.go): prev maps a row that revises another to the
	// row it revises, next the revised row to the row that replaced it.
	// Both are nil while no row revises another.
	prev, next map[int32]int32
}

// Len returns the number of rows.
func (s *Series) Len() int { return len(s.Region) }

// Value is a figure as the columns keep it.
type Value struct {
	Coef int64
	Exp  int32
	Fits bool            // Coef and Exp hold it; otherwise Big does
	Big  decimal.Decimal //
	Unit uint8           // 0 for the indicator's unit
	Qual uint16
}

// ValueOf returns v as the columns keep it, with unit and qualifier.
func ValueOf(v decimal.Decimal, unit uint8, qual uint16) Value {
	x := Value{Unit: unit, Qual: qual}
	if x.Coef, x.Exp, x.Fits = Split(v); !x.Fits {
		x.Big = v
	}
	return x
}

// Decimal returns the value as a decimal.
func (v Value) Decimal() decimal.Decimal {
	if !v.Fits {
		return v.Big
	}
	return NewDecimal(v.Coef, v.Exp)
}
