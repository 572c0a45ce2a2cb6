package column

import (
	"runtime"
	"testing"
	"unsafe"
)

func TestMake(t *testing.T) {
	for _, huge := range []bool{false, true} {
		SetHugePages(huge)
		for _, tt := range []struct{ n, c int }{
			{0, 0}, {3, 10}, {0, largeSize / 4}, {largeSize / 4, largeSize / 4}, {10, 3*hugePage/4 + 7},
		} {
			s := Make[int32](tt.n, tt.c)
			if len(s) != tt.n || cap(s) != tt.c {
				t.Errorf("huge pages %v: Make(%d, %d): len %d cap %d", huge, tt.n, tt.c, len(s), cap(s))
			}
			s = s[:cap(s)]
			for i, v := range s {
				if v != 0 {
					t.Fatalf("huge pages %v: Make(%d, %d)[%d] = %d, want 0", huge, tt.n, tt.c, i, v)
				}
				s[i] = int32(i)
			}
			if s = append(s, -1); s[len(s)-1] != -1 || (tt.c > 0 && s[tt.c-1] != int32(tt.c-1)) {
				t.Errorf("huge pages %v: Make(%d, %d): append beyond the capacity lost values", huge, tt.n, tt.c)
			}
			large := uintptr(tt.c)*4 >= largeSize
			if p := uintptr(unsafe.Pointer(unsafe.SliceData(Make[int32](tt.n, tt.c)))); huge && large && runtime.GOOS == "linux" && p%hugePage != 0 {
				t.Errorf("Make(%d, %d) with huge pages starts at %#x, not on a huge page", tt.n, tt.c, p)
			}
		}
		// An element size that does not divide a huge page is allocated plainly.
		if s := Make[[3]byte](5, largeSize); len(s) != 5 || cap(s) != largeSize {
			t.Errorf("huge pages %v: Make[[3]byte]: len %d cap %d", huge, len(s), cap(s))
		}
	}
	SetHugePages(false)
}

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
