package column

import "sync/atomic"

// hugePages is whether Make lays large arrays out on transparent huge
// pages. It is off unless a caller asks (SetHugePages): advising the
// kernel about memory the Go runtime owns is a process-wide side effect an
// importable library does not take on by itself.
var hugePages atomic.Bool

// SetHugePages turns huge pages for large arrays on or off, for arrays
// made from then on.
func SetHugePages(on bool) { hugePages.Store(on) }

// hugePage is the size of a transparent huge page where base pages are
// 4 KiB (amd64, most arm64).
const hugePage = 2 << 20

// largeSize is the size from which an array is worth backing with huge
// pages.
const largeSize = 4 << 20

// Make is make([]T, n, c) for an array that is filled at once, such as a
// column or an index. With huge pages on (SetHugePages), and on Linux, a
// large one is laid out on whole transparent huge pages (see makeHuge).
func Make[T any](n, c int) []T {
	if hugePages.Load() {
		if s, ok := makeHuge[T](n, c); ok {
			return s
		}
	}
	return make([]T, n, c)
}
