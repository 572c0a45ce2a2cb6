package outcome

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks Linux to back the 2 MiB-aligned interior of a large,
// fresh allocation with transparent huge pages, where the system allows it
// on request (transparent_hugepage=madvise). The first touch of memory then
// costs one fault per 2 MiB instead of one per 4 KiB, which is most of the
// cost of filling a million-row column on some virtual machines. Failure is
// harmless and ignored.
func adviseHuge[T any](s []T) {
	if cap(s) == 0 {
		return
	}
	var zero T
	size := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if size < largeSize {
		return
	}
	base := unsafe.Pointer(unsafe.SliceData(s))
	p := uintptr(base)
	advise(base, (p+hugePage-1)&^(hugePage-1)-p, (p+size)&^(hugePage-1)-p)
}

// advise marks the bytes from base+from to base+to for huge pages.
func advise(base unsafe.Pointer, from, to uintptr) {
	if int(to) <= int(from) {
		return
	}
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Add(base, from)), to-from), 14) // MADV_HUGEPAGE
}

// makeLarge is make([]T, n, c) for an array that is filled at once, such
// as a column or an index. A large one is laid out on whole huge pages: the
// allocation is made larger by up to two huge pages, the slice starts at
// the first boundary, and every page under it is advised, so none of it is
// faulted in 4 KiB at a time. Room before the boundary is never touched,
// so it costs address space, not memory.
func makeLarge[T any](n, c int) []T {
	var zero T
	elem := unsafe.Sizeof(zero)
	if elem == 0 || uintptr(c)*elem < largeSize || hugePage%elem != 0 {
		s := make([]T, n, c)
		adviseHuge(s)
		return s
	}
	pad := int(hugePage / elem)
	s := make([]T, c+2*pad)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	skip := int(((p+hugePage-1)&^(hugePage-1) - p) / elem)
	room := (c + pad - 1) / pad * pad // c rounded up to whole huge pages
	s = s[skip : skip+room]
	advise(unsafe.Pointer(unsafe.SliceData(s)), 0, uintptr(room)*elem)
	return s[:n:c]
}
