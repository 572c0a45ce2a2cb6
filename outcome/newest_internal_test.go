package outcome

import (
	"testing"
	"unsafe"
)

// The newest rank a cell tracks fits in what would be its padding: adding
// it must not grow the cells a national query clears and fills.
func TestCellSize(t *testing.T) {
	if n := unsafe.Sizeof(cell{}); n != 16 {
		t.Fatalf("a cell takes %d bytes, want 16", n)
	}
}

func TestPeriodRanks(t *testing.T) {
	table := []Period{{start: 10, end: 20}, {start: 1, end: 5}, {start: 15, end: 20}, {start: 30, end: 40}}
	rank, ends := periodRanks(table)
	want := []uint16{2, 1, 2, 3}
	for id, r := range rank {
		if r != want[id] || ends[r-1] != table[id].end {
			t.Fatalf("rank %v, ends %v", rank, ends)
		}
	}
}
