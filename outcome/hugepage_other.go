//go:build !linux

package outcome

// adviseHuge does nothing outside Linux.
func adviseHuge[T any](s []T) {}

// makeLarge is make([]T, n, c); on Linux a large array is laid out on
// huge pages.
func makeLarge[T any](n, c int) []T { return make([]T, n, c) }
