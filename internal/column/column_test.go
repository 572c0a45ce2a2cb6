package column

import "testing"

// TestIntsWiden checks that a column keeps four bytes a value until one
// needs eight, keeps every value when it widens, and that Shrink gives the
// width and room back.
func TestIntsWiden(t *testing.T) {
	var c Ints
	for i := range 100 {
		c.Append(int64(i))
	}
	was := c.Room()
	if c.Narrow() == nil {
		t.Fatal("small values made the column wide")
	}
	c.Append(1 << 40)
	if c.Narrow() != nil || c.At(100) != 1<<40 || c.At(99) != 99 {
		t.Fatalf("after a wide value: narrow %v, At(100) %d, At(99) %d", c.Narrow() != nil, c.At(100), c.At(99))
	}
	c.Shrink(100, was)
	if n := c.Narrow(); len(n) != 100 || n[99] != 99 || cap(n) != was.rows {
		t.Errorf("after Shrink: narrow %d/%d, want 100/%d", len(n), cap(n), was.rows)
	}
	h := c.Head(10)
	if h.At(9) != 9 || len(h.Narrow()) != 10 {
		t.Errorf("Head(10): %d rows, last %d", len(h.Narrow()), h.At(9))
	}
}

func TestLazy(t *testing.T) {
	var col []uint8
	for i := range 5 {
		SetLazy(&col, i, 0, 8)
	}
	if col != nil || LazyAt(col, 3) != 0 || LazyCap(col) != -1 {
		t.Fatalf("zero values made a lazy column: %v", col)
	}
	SetLazy(&col, 5, 7, 8)
	if len(col) != 6 || col[5] != 7 || LazyAt(col, 5) != 7 || LazyCap(col) != 8 {
		t.Errorf("after a value: %v cap %d", col, cap(col))
	}
	if got := RefitLazy(col, 5, -1); got != nil {
		t.Errorf("RefitLazy to a nil column: %v", got)
	}
	if got := Cut(col, 2); len(got) != 2 {
		t.Errorf("Cut: %v", got)
	}
}
