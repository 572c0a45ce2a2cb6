package outcome

import (
	"runtime"
	"testing"
	"unsafe"
)

func TestMakeLarge(t *testing.T) {
	for _, tt := range []struct{ n, c int }{
		{0, 0}, {3, 10}, {0, largeSize / 4}, {largeSize / 4, largeSize / 4}, {10, 3*hugePage/4 + 7},
	} {
		s := makeLarge[int32](tt.n, tt.c)
		if len(s) != tt.n || cap(s) != tt.c {
			t.Errorf("makeLarge(%d, %d): len %d cap %d", tt.n, tt.c, len(s), cap(s))
		}
		s = s[:cap(s)]
		for i, v := range s {
			if v != 0 {
				t.Fatalf("makeLarge(%d, %d)[%d] = %d, want 0", tt.n, tt.c, i, v)
			}
			s[i] = int32(i)
		}
		if s = append(s, -1); s[len(s)-1] != -1 || (tt.c > 0 && s[tt.c-1] != int32(tt.c-1)) {
			t.Errorf("makeLarge(%d, %d): append beyond the capacity lost values", tt.n, tt.c)
		}
		large := uintptr(tt.c)*4 >= largeSize
		if p := uintptr(unsafe.Pointer(unsafe.SliceData(makeLarge[int32](tt.n, tt.c)))); large && runtime.GOOS == "linux" && p%hugePage != 0 {
			t.Errorf("makeLarge(%d, %d) starts at %#x, not on a huge page", tt.n, tt.c, p)
		}
	}
	// An element size that does not divide a huge page is allocated plainly.
	if s := makeLarge[[3]byte](5, largeSize); len(s) != 5 || cap(s) != largeSize {
		t.Errorf("makeLarge[[3]byte]: len %d cap %d", len(s), cap(s))
	}
}
