//go:build !linux

package outcome

// makeLarge is make([]T, n, c); on Linux a large array is laid out on
// huge pages.
func makeLarge[T any](n, c int) []T { return make([]T, n, c) }
