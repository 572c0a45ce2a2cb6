package colstore

import (
	"testing"
	"unsafe"
)

// The newest rank a cell tracks fits in what would be its padding: adding
// it must not grow the cells a national query clears and fills.
func TestCellSize(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); n != 16 {
		t.Fatalf("a cell takes %d bytes, want 16", n)
	}
}

func TestPeriodRanks(t *testing.T) {
	table := []Span{{Start: 10, End: 20}, {Start: 1, End: 5}, {Start: 15, End: 20}, {Start: 30, End: 40}}
	rank, ends := periodRanks(table)
	want := []uint16{2, 1, 2, 3}
	for id, r := range rank {
		if r != want[id] || ends[r-1] != table[id].End {
			t.Fatalf("rank %v, ends %v", rank, ends)
		}
	}
}
