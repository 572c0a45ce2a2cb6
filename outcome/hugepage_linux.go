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
	if size < 4<<20 {
		return
	}
	const huge = 2 << 20
	base := unsafe.Pointer(unsafe.SliceData(s))
	p := uintptr(base)
	start, end := (p+huge-1)&^(huge-1), (p+size)&^(huge-1)
	if end <= start {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Add(base, start-p)), end-start)
	_ = syscall.Madvise(b, 14) // MADV_HUGEPAGE
}
