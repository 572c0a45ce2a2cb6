package outcome

import (
	"github.com/taizhang/taizhang/internal/column"
)

// periodTable numbers distinct periods in the order they come: ledgers
// repeat a few periods (years, months) over millions of rows.
type periodTable struct {
	table []Period
	index map[Period]uint32
	years [64]uint32 // id+1 of the civil years 1970 to 2033 (yearBit), 0 when absent
	last  uint32     // the id of the last period interned, checked first
}

// intern returns p's index in the table, adding it if it is new. The last
// period is checked first, then civil years, the commonest periods, by
// their year without hashing.
func (t *periodTable) intern(p Period) uint32 {
	if id := t.last; int(id) < len(t.table) && t.table[id] == p {
		return id
	}
	y, isYear := yearBit(p)
	if isYear && t.years[y] > 0 {
		t.last = t.years[y] - 1
		return t.last
	}
	id, ok := t.index[p]
	if !ok {
		if t.index == nil {
			t.index = make(map[Period]uint32)
		}
		id = uint32(len(t.table))
		t.table = append(t.table, p)
		t.index[p] = id
	}
	if isYear {
		t.years[y] = id + 1
	}
	t.last = id
	return id
}

// reset empties the table, keeping its memory.
func (t *periodTable) reset() {
	t.table, t.last = t.table[:0], 0
	clear(t.index)
	clear(t.years[:])
}

// periodColumn holds each row's period as an index into the table of the
// distinct periods of the column, so two bytes a row stand for twelve. The
// index widens to four bytes after 65,536 distinct periods.
type periodColumn struct {
	periodTable
	ids16 []uint16
	ids32 []uint32 // used instead of ids16 once the table outgrows it
}

// id returns the table index of row's period.
func (c *periodColumn) id(row int32) uint32 {
	if c.ids32 != nil {
		return c.ids32[row]
	}
	return uint32(c.ids16[row])
}

func (c *periodColumn) at(row int32) Period { return c.table[c.id(row)] }

func (c *periodColumn) append(p Period) {
	id := c.intern(p)
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

func (c *periodColumn) grow(n int) {
	if c.ids32 != nil {
		c.ids32 = column.Reserve(c.ids32, n)
	} else {
		c.ids16 = column.Reserve(c.ids16, n)
	}
}

// truncate keeps the first n rows. The table keeps periods no row uses any
// more; they are invisible.
func (c *periodColumn) truncate(n int) {
	if c.ids32 != nil {
		c.ids32 = c.ids32[:n]
	} else {
		c.ids16 = c.ids16[:n]
	}
}

// matching returns, for each period of the table, whether keep is true.
func (c *periodColumn) matching(keep func(Period) bool) []bool {
	m := make([]bool, len(c.table))
	for i, p := range c.table {
		m[i] = keep(p)
	}
	return m
}

// periodRoom is what a periodColumn held before a load.
type periodRoom struct {
	periods int // distinct periods in the table
	rows    int // capacity of the ids
	narrow  bool
}

func (c *periodColumn) room() periodRoom {
	if c.ids32 != nil {
		return periodRoom{len(c.table), cap(c.ids32), false}
	}
	return periodRoom{len(c.table), cap(c.ids16), true}
}

// shrink keeps the first n rows and gives back what the column grew since
// it held was: the periods only later rows used, the room of the ids, and
// their width, since the rows kept were numbered when the table was small.
func (c *periodColumn) shrink(n int, was periodRoom) {
	if len(c.table) > was.periods {
		t := &c.periodTable
		t.table = column.Refit(t.table, was.periods, was.periods)
		t.index = nil
		if len(t.table) > 0 {
			t.index = make(map[Period]uint32, len(t.table))
			for id, p := range t.table {
				t.index[p] = uint32(id)
			}
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
