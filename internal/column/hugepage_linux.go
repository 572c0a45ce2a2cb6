package column

import (
	"syscall"
	"unsafe"
)

// makeHuge makes a large array on whole transparent huge pages, where the
// system allows them on request (transparent_hugepage=madvise): the
// allocation is made larger by up to two huge pages, the slice starts at
// the first boundary, and every page under it is advised
// (MADV_HUGEPAGE), so that none of it is faulted in 4 KiB at a time.
// Room before the boundary is never touched, so it costs address space,
// not memory. Failure to advise is harmless and ignored. It returns false
// for an array too small to be worth it.
func makeHuge[T any](n, c int) ([]T, bool) {
	var zero T
	elem := unsafe.Sizeof(zero)
	if elem == 0 || uintptr(c)*elem < largeSize || hugePage%elem != 0 {
		return nil, false
	}
	pad := int(hugePage / elem)
	s := make([]T, c+2*pad)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	skip := int(((p+hugePage-1)&^(hugePage-1) - p) / elem)
	room := (c + pad - 1) / pad * pad // c rounded up to whole huge pages
	s = s[skip : skip+room]
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), uintptr(room)*elem)
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	return s[:n:c], true
}
