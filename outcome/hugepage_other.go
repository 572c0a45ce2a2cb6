//go:build !linux

package outcome

// adviseHuge does nothing outside Linux.
func adviseHuge[T any](s []T) {}
