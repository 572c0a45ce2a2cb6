package colstore

import (
	"cmp"
	"slices"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/column"
)

// Periods numbers distinct periods in the order they come: ledgers
// repeat a few periods (years, months) over millions of rows.
type Periods struct {
	Table []Span
	index []uint32   // open addressing: id+1 of the period hashed there, 0 for an empty slot
	years [64]uint32 // id+1 of the civil years 1970 to 2033 (yearBit), 0 when absent
	last  uint32     // the id of the last period interned, checked first
}

// intern returns p's index in the table, adding it if it is new. The last
// period is checked first, then civil years, the commonest periods, by
// their year without hashing.
func (t *Periods) Intern(p Span) uint32 {
	if id := t.last; int(id) < len(t.Table) && t.Table[id] == p {
		return id
	}
	y, isYear := yearBit(p)
	if isYear && t.years[y] > 0 {
		t.last = t.years[y] - 1
		return t.last
	}
	id := t.find(p)
	if isYear {
		t.years[y] = id + 1
	}
	t.last = id
	return id
}

// find returns p's index in the table, adding it if it is new. The index
// is a table of open addressing with linear probing, kept at most half
// full: a period is two small numbers, hashed in one multiplication, which
// is cheaper than a map's hashing of a struct.
func (t *Periods) find(p Span) uint32 {
	if 2*(len(t.Table)+1) > len(t.index) {
		t.rehash(max(16, 4*(len(t.Table)+1)))
	}
	mask := uint64(len(t.index) - 1)
	for h := hashSpan(p) & mask; ; h = (h + 1) & mask {
		id := t.index[h]
		if id == 0 {
			id = uint32(len(t.Table))
			t.Table = append(t.Table, p)
			t.index[h] = id + 1
			return id
		}
		if t.Table[id-1] == p {
			return id - 1
		}
	}
}

// rehash makes the index anew with n slots, a power of two, for the
// periods of the table.
func (t *Periods) rehash(n int) {
	size := 16
	for size < n {
		size *= 2
	}
	t.index = make([]uint32, size)
	mask := uint64(size - 1)
	for id, p := range t.Table {
		h := hashSpan(p) & mask
		for t.index[h] != 0 {
			h = (h + 1) & mask
		}
		t.index[h] = uint32(id + 1)
	}
}

// hashSpan mixes a period's kind and days into the high bits of a number
// and brings them down (Fibonacci hashing).
func hashSpan(p Span) uint64 {
	x := uint64(uint32(p.Start)) | uint64(uint32(p.End))<<32
	x ^= uint64(p.Kind) << 29
	x *= 0x9e3779b97f4a7c15
	return x ^ x>>29
}

// reset empties the table, keeping its memory.
func (t *Periods) Reset() {
	t.Table, t.last = t.Table[:0], 0
	clear(t.index)
	clear(t.years[:])
}

// PeriodColumn holds each row's period as an index into the table of the
// distinct periods of the column, so two bytes a row stand for twelve. The
// index widens to four bytes after 65,536 distinct periods.
type PeriodColumn struct {
	Periods
	ids16 []uint16
	ids32 []uint32 // used instead of ids16 once the table outgrows it
}

// id returns the table index of row's period.
func (c *PeriodColumn) ID(row int32) uint32 {
	if c.ids32 != nil {
		return c.ids32[row]
	}
	return uint32(c.ids16[row])
}

func (c *PeriodColumn) At(row int32) Span { return c.Table[c.ID(row)] }

func (c *PeriodColumn) Append(p Span) {
	id := c.Intern(p)
	if c.ids32 == nil && id > 0xffff {
		c.ids32 = make([]uint32, len(c.ids16), max(cap(c.ids16), len(c.ids16)+1))
		for i, v := range c.ids16 {
			c.ids32[i] = uint32(v)
		}
		c.ids16 = nil
	}
	if c.ids32 != nil {
		c.ids32 = append(c.ids32, id)
	} else {
		c.ids16 = append(c.ids16, uint16(id))
	}
}

func (c *PeriodColumn) Grow(n int) {
	if c.ids32 != nil {
		c.ids32 = column.Reserve(c.ids32, n)
	} else {
		c.ids16 = column.Reserve(c.ids16, n)
	}
}

// truncate keeps the first n rows. The table keeps periods no row uses any
// more; they are invisible.
func (c *PeriodColumn) Truncate(n int) {
	if c.ids32 != nil {
		c.ids32 = c.ids32[:n]
	} else {
		c.ids16 = c.ids16[:n]
	}
}

// Inside returns, for each period of the table, whether it lies inside
// window.
func (c *PeriodColumn) Inside(window Span) []bool {
	m := make([]bool, len(c.Table))
	for i, p := range c.Table {
		m[i] = p.Start >= window.Start && p.End <= window.End
	}
	return m
}

// PeriodRoom is what a PeriodColumn held before a load.
type PeriodRoom struct {
	periods int // distinct periods in the table
	rows    int // capacity of the ids
	narrow  bool
}

func (c *PeriodColumn) Room() PeriodRoom {
	if c.ids32 != nil {
		return PeriodRoom{len(c.Table), cap(c.ids32), false}
	}
	return PeriodRoom{len(c.Table), cap(c.ids16), true}
}

// shrink keeps the first n rows and gives back what the column grew since
// it held was: the periods only later rows used, the room of the ids, and
// their width, since the rows kept were numbered when the table was small.
func (c *PeriodColumn) Shrink(n int, was PeriodRoom) {
	if len(c.Table) > was.periods {
		t := &c.Periods
		t.Table = column.Refit(t.Table, was.periods, was.periods)
		t.index = nil
		if len(t.Table) > 0 {
			t.rehash(4 * len(t.Table))
		}
		for y, id := range t.years {
			if int(id) > was.periods {
				t.years[y] = 0
			}
		}
		t.last = 0
	}
	if was.narrow && c.ids32 != nil && was.rows == 0 {
		c.ids16, c.ids32 = nil, nil
		return
	}
	if was.narrow && c.ids32 != nil {
		ids := make([]uint16, n, was.rows)
		for i, id := range c.ids32[:n] {
			ids[i] = uint16(id)
		}
		c.ids16, c.ids32 = ids, nil
		return
	}
	if c.ids32 != nil {
		c.ids32 = column.Refit(c.ids32, n, was.rows)
	} else {
		c.ids16 = column.Refit(c.ids16, n, was.rows)
	}
}

// yearStarts holds January 1 of 1970 to 2033 as days since 1970-01-01.
var yearStarts = func() (t [64]int32) {
	for i := range t {
		t[i] = civil.Days(1970+i, 1, 1)
	}
	return t
}()

// yearBit returns the bit of a civil year from 1970 to 2033 in
// Series.years.
func yearBit(p Span) (uint, bool) {
	if p.Kind != YearKind {
		return 0, false
	}
	y := int(p.Start / 365) // within a year of the answer from 1970 to 2033
	for _, i := range [...]int{y, y - 1} {
		if i >= 0 && i < len(yearStarts) && yearStarts[i] == p.Start {
			return uint(i), true
		}
	}
	return 0, false
}

// takeOrder is the order in which overlapping flow records are taken:
// the longest first, then the earlier start, then by kind.
func takeOrder(p, q Span) int {
	return cmp.Or(cmp.Compare(q.End-q.Start, p.End-p.Start), cmp.Compare(p.Start, q.Start), cmp.Compare(p.Kind, q.Kind))
}

// daySpan is a run of days, both ends included.
type daySpan struct{ Start, End int32 }

// covered reports whether the days of p are all in counted, which keep
// made: sorted, disjoint spans, of which those that follow each other day
// after day cover what lies between.
func covered(counted []daySpan, p daySpan) bool {
	next := p.Start // the first day of p not yet covered
	for _, c := range counted {
		if c.Start > next {
			if c.Start > p.End {
				break
			}
			return false
		}
		if c.End >= next {
			next = c.End + 1
			if next > p.End {
				return true
			}
		}
	}
	return next > p.End
}

// keep adds the days p to counted and reports true when they overlap
// none of counted; otherwise it reports false and leaves counted as it is.
// counted is sorted: its spans do not overlap, so their ends are sorted
// too, and the one p could overlap is found by binary search.
func keep(counted []daySpan, p daySpan) ([]daySpan, bool) {
	// The first span counted that ends on or after p starts: few are
	// counted in a region, mostly, and then a look at each is quicker.
	i := 0
	if len(counted) <= 16 {
		for i < len(counted) && counted[i].End < p.Start {
			i++
		}
	} else {
		i, _ = slices.BinarySearchFunc(counted, p.Start, func(c daySpan, day int32) int { return cmp.Compare(c.End, day) })
	}
	if i < len(counted) && counted[i].Start <= p.End {
		return counted, false
	}
	return slices.Insert(counted, i, p), true
}
