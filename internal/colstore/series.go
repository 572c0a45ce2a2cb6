package colstore

import (
	"maps"
	"math"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/column"
)

func (s *Series) Grow(n int) {
	s.Region = column.Reserve(s.Region, n)
	s.Period.Grow(n)
	s.Coef.Grow(n)
	if s.Meta != nil {
		s.Meta = column.Reserve(s.Meta, n)
	}
	if s.Exp != nil {
		s.Exp = column.Reserve(s.Exp, n)
	}
}

// PlainEntries reports whether s is entries whose rows are all exact
// integers in its unit, without source or note: a row like them needs
// only AppendPlain, which is what put would do with it.
func (s *Series) PlainEntries() bool {
	return s.Kind == Entries && s.Exp == nil && s.Unit == nil && s.Qual == nil && s.Meta == nil
}

// AppendPlain appends a row to a Series for which PlainEntries holds: an
// exact integer in the Series' unit, without source or note.
func (s *Series) AppendPlain(reg int32, p Span, coef int64) {
	s.Region = append(s.Region, reg)
	s.Period.Append(p)
	s.Coef.Append(coef)
}

// truncate drops the rows from n on, after a refused Add.
func (s *Series) Truncate(n int) {
	s.unrevise(n)
	for row := range s.Big {
		if int(row) >= n {
			delete(s.Big, row)
		}
	}
	s.Region = s.Region[:n]
	s.Period.Truncate(n)
	s.Coef.Truncate(n)
	if len(s.Exp) > n {
		s.Exp = s.Exp[:n]
	}
	if len(s.Unit) > n {
		s.Unit = s.Unit[:n]
	}
	if len(s.Qual) > n {
		s.Qual = s.Qual[:n]
	}
	if len(s.Meta) > n {
		s.Meta = s.Meta[:n]
	}
	s.MinExp = 0
	for i := range n {
		if _, isBig := s.Big[int32(i)]; !isBig {
			s.MinExp = min(s.MinExp, int32(column.LazyAt(s.Exp, int32(i))))
		}
	}
	if s.Kind == Entries {
		return // entries are not indexed
	}
	// The rows kept that are not years number at most those indexed
	// before: twice as many slots keep the table at most half full. With
	// fewer slots than rows, place would probe for a free slot forever.
	s.resize(2 * s.indexed)
	clear(s.years)
	s.yearRows = nil
	for row := range int32(n) {
		if y, ok := yearBit(s.periodAt(row)); ok {
			s.years[s.Region[row]] |= 1 << y
		}
	}
}

// moment is what says which figure a period holds, whatever the period's
// kind: its last day for a stock, a level at a moment (2019 and 2019年12月
// and 2019年第四季度 all say the level at the end of 2019), and its first
// and last day for a flow (2019 and 2019.01.01-2019.12.31 are the same
// days). An undated figure (somewhere within its span) is its own moment.
// Two rows of a region with the same moment state the same figure.
func (s *Series) moment(p Span) Span {
	switch {
	case p.Kind == UndatedKind:
		return p // somewhere within its span: no moment of its own
	case s.Kind == Stock:
		return Span{End: p.End}
	}
	return Span{Start: p.Start, End: p.End}
}

// hashKey hashes a region and a period's moment: rows of the same moment
// share a chain of the index, where find tells them apart.
func (s *Series) hashKey(region int32, p Span) uint64 {
	m := s.moment(p)
	h := uint64(uint32(region))<<32 | uint64(uint32(m.Start))
	h ^= (uint64(uint32(m.End)) << 8) * 0x9e3779b97f4a7c15
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	return h
}

func slotOf(h uint64, row int32) uint64 { return h&^(1<<32-1) | uint64(row+1) }

// find returns the row recorded for region and period, or -1; y and
// isYear are the period's year bit. With sameMoment it also finds a row of
// another period of the same moment ([Series.moment]) when there is none of
// the period itself.
func (s *Series) find(region int32, p Span, y uint, isYear, sameMoment bool) int32 {
	if isYear {
		if s.years != nil && s.years[region]&(1<<y) != 0 {
			return s.yearRow(region, y)
		}
		if !sameMoment {
			return -1
		}
	}
	other := int32(-1) // a row of the same moment, another period
	if len(s.slots) > 0 {
		h := s.hashKey(region, p)
		mask := uint64(len(s.slots) - 1)
		for i := h & mask; ; i = (i + 1) & mask {
			slot := s.slots[i]
			if slot == 0 {
				break
			}
			if slot>>32 != h>>32 {
				continue
			}
			row := int32(uint32(slot)) - 1
			if s.Region[row] != region {
				continue
			}
			switch q := s.Period.At(row); {
			case q == p:
				return row
			case other < 0 && s.moment(q) == s.moment(p):
				other = row
			}
		}
	}
	if !sameMoment || other >= 0 || isYear || s.years == nil {
		return other
	}
	// A year's row of the same moment: the year a stock's period ends on
	// the last day of, or the year a flow's period spans exactly.
	yp := s.yearOf(p)
	if y, ok := yearBit(yp); ok && s.years[region]&(1<<y) != 0 && s.moment(yp) == s.moment(p) {
		return s.yearRow(region, y)
	}
	return -1
}

// yearOf returns the civil year whose last day is p's, as a year span.
func (s *Series) yearOf(p Span) Span {
	for i, start := range yearStarts {
		if i+1 < len(yearStarts) && yearStarts[i+1]-1 == p.End {
			return Span{Kind: YearKind, Start: start, End: p.End}
		}
	}
	return Span{}
}

// yearRow returns the row of region for the civil year of bit y, which the
// years bits say exists.
func (s *Series) yearRow(region int32, y uint) int32 {
	if s.yearRows == nil {
		s.yearRows = make(map[uint64]int32)
		for row := range int32(len(s.Region)) {
			if y, ok := yearBit(s.periodAt(row)); ok && !s.Superseded(row) {
				s.yearRows[uint64(s.Region[row])<<6|uint64(y)] = row
			}
		}
	}
	return s.yearRows[uint64(region)<<6|uint64(y)]
}

func (s *Series) periodAt(row int32) Span { return s.Period.At(row) }

// index records row in years or in the open-addressing index; y and
// isYear are its period's year bit.
func (s *Series) index(row int32, nregions int, y uint, isYear bool) {
	if isYear {
		if s.years == nil {
			s.years = make([]uint64, nregions)
		}
		s.years[s.Region[row]] |= 1 << y
		if s.yearRows != nil {
			s.yearRows[uint64(s.Region[row])<<6|uint64(y)] = row
		}
		return
	}
	s.insert(row)
}

// insert indexes row, growing the table to keep it at most half full.
func (s *Series) insert(row int32) {
	if 2*(s.indexed+1) > len(s.slots) {
		s.resize(4 * (s.indexed + 1))
	}
	s.place(row)
}

// resize rebuilds the index with room for at least n slots.
func (s *Series) resize(n int) {
	size := 16
	for size < n {
		size *= 2
	}
	s.slots, s.indexed = make([]uint64, size), 0
	for r := range int32(len(s.Region)) {
		if _, ok := yearBit(s.periodAt(r)); !ok && !s.Superseded(r) {
			s.place(r)
		}
	}
}

func (s *Series) place(row int32) {
	mask := uint64(len(s.slots) - 1)
	h := s.hashKey(s.Region[row], s.periodAt(row))
	i := h & mask
	for s.slots[i] != 0 {
		i = (i + 1) & mask
	}
	s.slots[i] = slotOf(h, row)
	s.indexed++
}

// value returns row's value as a decimal.
func (s *Series) ValueAt(row int32) decimal.Decimal {
	if s.Big != nil {
		if v, ok := s.Big[row]; ok {
			return v
		}
	}
	return decimal.New(s.Coef.At(row), int32(column.LazyAt(s.Exp, row)))
}

// split returns the coefficient and exponent of v, and whether they fit the
// compact columns.
func Split(v decimal.Decimal) (int64, int32, bool) {
	exp := v.Exponent()
	if v.NumDigits() > 18 || exp < math.MinInt8 || exp > math.MaxInt8 {
		return 0, 0, false
	}
	return v.CoefficientInt64(), exp, true
}

// SeriesRoom is the room of a Series' columns before a load. The columns
// kept nil while they would hold only zeros have -1 while nil.
type SeriesRoom struct {
	region, exp, unit, qual, meta int
	period                        PeriodRoom
	coef                          column.IntsRoom
	big                           int // values beyond the columns; -1 without the map
	slots                         int // size of the index of rows not in years
	years                         bool
}

// shrink gives back what a Series grew since it had the room was; it keeps
// its first n rows, and peak is how many values beyond the columns it held.
func (s *Series) Shrink(n int, was SeriesRoom, peak int) {
	s.Region = column.Refit(s.Region, n, was.region)
	s.Period.Shrink(n, was.period)
	s.Coef.Shrink(n, was.coef)
	s.Exp = column.RefitLazy(s.Exp, n, was.exp)
	s.Unit = column.RefitLazy(s.Unit, n, was.unit)
	s.Qual = column.RefitLazy(s.Qual, n, was.qual)
	s.Meta = column.RefitLazy(s.Meta, n, was.meta)
	switch {
	case was.big < 0:
		s.Big = nil // the rows kept had none
	case GrewMuch(was.big, peak):
		big := make(map[int32]decimal.Decimal, len(s.Big)) // maps.Clone would keep the grown tables
		maps.Copy(big, s.Big)
		s.Big = big
	}
	if !was.years {
		s.years = nil // no row kept is a year's
	}
	// The index is made anew for the rows kept, as large as they need: at
	// most its old size.
	switch {
	case was.slots == 0 && s.indexed == 0:
		s.slots = nil
	case len(s.slots) > was.slots:
		s.resize(2 * s.indexed)
	}
}

// head returns s as it was with its first n rows, sharing its columns. The
// table of periods may hold periods of later rows; no row of the head
// names them.
func (s *Series) Head(n int) *Series {
	h := *s
	h.Region = s.Region[:n]
	h.Period.ids16, h.Period.ids32 = column.Cut(s.Period.ids16, n), column.Cut(s.Period.ids32, n)
	h.Coef = s.Coef.Head(n)
	h.Exp, h.Unit, h.Qual, h.Meta = column.Cut(s.Exp, n), column.Cut(s.Unit, n), column.Cut(s.Qual, n), column.Cut(s.Meta, n)
	return &h
}

// smallInts holds the decimals 0 to 63. Decimals are immutable, so sharing
// them saves an allocation for the most common figures.
var smallInts = func() (t [64]decimal.Decimal) {
	for i := range t {
		t[i] = decimal.NewFromInt(int64(i))
	}
	return t
}()

// newDecimal returns coef × 10^exp.
func NewDecimal(coef int64, exp int32) decimal.Decimal {
	if exp == 0 && coef >= 0 && coef < int64(len(smallInts)) {
		return smallInts[coef]
	}
	return decimal.New(coef, exp)
}

// scaleTo returns k as an integer count of 10^exp, if it is one and fits.
func ScaleTo(k decimal.Decimal, exp int32) (int64, bool) {
	c, e, ok := Split(k)
	if !ok || e < exp || e-exp > 18 {
		return 0, false
	}
	return mulPow10(c, e-exp)
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func mulPow10(c int64, e int32) (int64, bool) {
	if e < 0 || e > 18 {
		return 0, false
	}
	p := pow10[e]
	if c > math.MaxInt64/p || c < math.MinInt64/p {
		return 0, false
	}
	return c * p, true
}

// Bound returns the bound bits of row's qualifier (BoundOf).
func (s *Series) Bound(row int32) uint8 {
	if s.Qual == nil {
		return 0
	}
	return s.BoundOf(s.Qual[row])
}

// Put appends a row for region reg and period p with value v (its unit 0
// for the indicator's) and meta m, unless the series is not entries and
// holds a row for reg and p already, or for another period of the same
// moment ([Series.moment]): then it appends nothing and returns that row,
// for the caller to tell a duplicate ([Series.Same]) from a conflict. It returns -1 when it appended. nregions is the size of the
// tree, for the index of years.
func (s *Series) Put(reg int32, p Span, v *Value, m uint32, nregions int) int32 {
	// Entries are events: never a duplicate, so never looked up or indexed.
	entries := s.Kind == Entries
	y, isYear := yearBit(p)
	if !entries {
		if row := s.find(reg, p, y, isYear, true); row >= 0 {
			return row
		}
	}
	row := s.appendRow(reg, p, v, m)
	if !entries {
		s.index(row, nregions, y, isYear)
	}
	return -1
}

// appendRow appends a row, unindexed, and returns it.
func (s *Series) appendRow(reg int32, p Span, v *Value, m uint32) int32 {
	row := int32(len(s.Region))
	s.Region = append(s.Region, reg)
	s.Period.Append(p)
	s.Coef.Append(v.Coef)
	c := cap(s.Region)
	column.SetLazy(&s.Exp, int(row), int8(v.Exp), c)
	if !v.Fits {
		if s.Big == nil {
			s.Big = make(map[int32]decimal.Decimal)
		}
		s.Big[row] = v.Big
	} else if v.Exp < s.MinExp {
		s.MinExp = v.Exp
	}
	column.SetLazy(&s.Unit, int(row), v.Unit, c)
	column.SetLazy(&s.Qual, int(row), v.Qual, c)
	column.SetLazy(&s.Meta, int(row), m, c)
	return row
}

// Same reports whether row holds v: the same value, unit and qualifier.
func (s *Series) Same(row int32, v *Value) bool {
	return s.ValueAt(row).Equal(v.Decimal()) && column.LazyAt(s.Unit, row) == v.Unit && column.LazyAt(s.Qual, row) == v.Qual
}

// Room returns the room of s's columns now, for Shrink.
func (s *Series) Room() SeriesRoom {
	big := len(s.Big)
	if s.Big == nil {
		big = -1
	}
	return SeriesRoom{
		region: cap(s.Region), exp: column.LazyCap(s.Exp), unit: column.LazyCap(s.Unit), qual: column.LazyCap(s.Qual), meta: column.LazyCap(s.Meta),
		period: s.Period.Room(), coef: s.Coef.Room(), big: big, slots: len(s.slots), years: s.years != nil,
	}
}

// Snapshot returns a copy of s to read rows from without a lock while s
// is appended to: it shares the columns, which are append-only, and
// clones the map of values beyond them; it has no index.
func (s *Series) Snapshot() Series {
	c := *s
	c.Big = maps.Clone(s.Big)
	c.prev, c.next = maps.Clone(s.prev), maps.Clone(s.next)
	// The indexes are neither append-only nor needed to read rows.
	c.slots, c.years, c.yearRows, c.Period.index = nil, nil, nil, nil
	return c
}

// GrewMuch reports whether a map that holds n entries again held peak:
// grown so much that making it anew is worth it.
func GrewMuch(n, peak int) bool { return peak-n >= 1024 && peak > 2*n }
