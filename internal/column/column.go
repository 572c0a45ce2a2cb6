// Package column holds the arrays a ledger keeps its records in: integer
// columns that widen only when a value needs it, lazy columns that take no
// memory until a row needs them, and the helpers that grow them once for a
// load and give the room back when a load fails.
package column

// Ints holds integers in four bytes each while they fit, and in eight from
// the first that does not.
type Ints struct {
	narrow []int32
	wide   []int64 // used instead of narrow once a value needs it
}

// At returns the value of row.
func (c *Ints) At(row int32) int64 {
	if c.wide != nil {
		return c.wide[row]
	}
	return int64(c.narrow[row])
}

// Narrow returns the values while they all fit in four bytes; nil once one
// does not.
func (c *Ints) Narrow() []int32 {
	if c.wide != nil {
		return nil
	}
	return c.narrow
}

// Append adds v as the last row.
func (c *Ints) Append(v int64) {
	if c.wide == nil {
		if int64(int32(v)) == v {
			c.narrow = append(c.narrow, int32(v))
			return
		}
		c.wide = make([]int64, len(c.narrow), max(cap(c.narrow), len(c.narrow)+1))
		for i, x := range c.narrow {
			c.wide[i] = int64(x)
		}
		c.narrow = nil
	}
	c.wide = append(c.wide, v)
}

// Grow makes room for n more rows.
func (c *Ints) Grow(n int) {
	if c.wide != nil {
		c.wide = Reserve(c.wide, n)
	} else {
		c.narrow = Reserve(c.narrow, n)
	}
}

// Truncate keeps the first n rows.
func (c *Ints) Truncate(n int) {
	if c.wide != nil {
		c.wide = c.wide[:n]
	} else {
		c.narrow = c.narrow[:n]
	}
}

// IntsRoom is what an Ints held before a load.
type IntsRoom struct {
	rows   int // capacity
	narrow bool
}

// Room returns what c holds now, for Shrink.
func (c *Ints) Room() IntsRoom {
	if c.wide != nil {
		return IntsRoom{cap(c.wide), false}
	}
	return IntsRoom{cap(c.narrow), true}
}

// Shrink keeps the first n rows and gives back the room and the width the
// column grew since it held was: the rows kept fitted four bytes then.
func (c *Ints) Shrink(n int, was IntsRoom) {
	if was.narrow && c.wide != nil && was.rows == 0 {
		c.narrow, c.wide = nil, nil
		return
	}
	if was.narrow && c.wide != nil {
		narrow := make([]int32, n, was.rows)
		for i, v := range c.wide[:n] {
			narrow[i] = int32(v)
		}
		c.narrow, c.wide = narrow, nil
		return
	}
	if c.wide != nil {
		c.wide = Refit(c.wide, n, was.rows)
	} else {
		c.narrow = Refit(c.narrow, n, was.rows)
	}
}

// Reserve returns s with room for n more elements, grown at most once.
func Reserve[T any](s []T, n int) []T {
	if n <= cap(s)-len(s) {
		return s
	}
	t := make([]T, len(s), len(s)+n)
	copy(t, s)
	return t
}

// Refit returns s[:n] in an array of capacity c when s holds more room than
// that, to give back what a failed load grew; c is at least n.
func Refit[T any](s []T, n, c int) []T {
	switch {
	case cap(s) <= c:
		return s[:n]
	case c == 0:
		return nil
	}
	t := make([]T, n, c)
	copy(t, s[:n])
	return t
}

// A lazy column is nil while every row holds the zero value, which is what
// most rows of a ledger hold in their rarer columns (a unit other than the
// indicator's, a qualifier, a source).

// SetLazy sets row i, the next row, of the lazy column *col to v; c is the
// capacity to make the column with when v is its first value other than
// zero.
func SetLazy[T comparable](col *[]T, i int, v T, c int) {
	var zero T
	if *col == nil {
		if v == zero {
			return
		}
		*col = make([]T, i, max(c, i+1))
	}
	*col = append(*col, v)
}

// LazyAt returns row i of a lazy column.
func LazyAt[T any](col []T, i int32) T {
	if col == nil {
		var zero T
		return zero
	}
	return col[i]
}

// LazyCap returns the capacity of a lazy column, -1 while it is nil.
func LazyCap[T any](col []T) int {
	if col == nil {
		return -1
	}
	return cap(col)
}

// RefitLazy is Refit for a lazy column whose capacity was c (LazyCap).
func RefitLazy[T any](col []T, n, c int) []T {
	if c < 0 {
		return nil
	}
	return Refit(col, n, c)
}

// Cut returns the first n rows of a lazy column.
func Cut[T any](col []T, n int) []T {
	if col == nil {
		return nil
	}
	return col[:n]
}

// Head returns the first n rows of c, sharing its arrays.
func (c *Ints) Head(n int) Ints {
	return Ints{narrow: Cut(c.narrow, n), wide: Cut(c.wide, n)}
}
