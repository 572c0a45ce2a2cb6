package outcome

import (
	"testing"
	"time"

	"github.com/taizhang/taizhang/internal/civil"
)

// TestColumnsWiden checks that the period column keeps every row when it
// outgrows its narrow form: more than 65,536 distinct periods.
func TestColumnsWiden(t *testing.T) {
	var pc periodColumn
	day := func(i int) Period {
		d := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		p, err := Span(d, d)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	const n = 70000
	for i := range n {
		pc.append(day(i % 66000)) // a period seen before is not added again
	}
	if pc.ids32 == nil || pc.ids16 != nil || len(pc.table) != 66000 {
		t.Fatalf("period column: ids32 %v, ids16 %v, %d periods; want widened with 66000", pc.ids32 != nil, pc.ids16 != nil, len(pc.table))
	}
	for _, row := range []int32{0, 1, 65535, 65536, 65999, 66000, n - 10, n - 1} {
		if got, want := pc.at(row), day(int(row)%66000); got != want {
			t.Errorf("period of row %d = %v, want %v", row, got, want)
		}
	}
	pc.truncate(5)
	if pc.at(4) != day(4) || len(pc.ids32) != 5 {
		t.Error("truncate lost rows")
	}
}

// TestColumnsShrink checks that the period column gives back what they grew since
// it had a room: the capacity, the distinct periods only later rows
// used, and the width, since the rows kept fitted the narrow form.
func TestColumnsShrink(t *testing.T) {
	day := func(i int) Period {
		d := civil.Days(2000, 1, 1) + int32(i)
		return Period{SpanPeriod, d, d}
	}
	var pc periodColumn
	for i := range 100 {
		pc.append(day(i % 10))
	}
	pc.append(Year(2019))
	pr := pc.room()
	const n = 70000
	pc.grow(n)
	for i := range n {
		pc.append(day(i))
	}
	if pc.ids32 == nil {
		t.Fatal("the column did not widen")
	}
	pc.shrink(101, pr)
	if pc.ids32 != nil || len(pc.ids16) != 101 || cap(pc.ids16) != pr.rows || len(pc.table) != 11 {
		t.Errorf("period column: ids32 %v, ids16 %d/%d, %d periods; want two-byte ids 101/%d, 11 periods",
			pc.ids32 != nil, len(pc.ids16), cap(pc.ids16), len(pc.table), pr.rows)
	}
	for row := range int32(100) {
		if pc.at(row) != day(int(row)%10) {
			t.Fatalf("row %d = %v; want %v", row, pc.at(row), day(int(row)%10))
		}
	}
	if pc.at(100) != Year(2019) {
		t.Errorf("row 100 = %v; want 2019", pc.at(100))
	}
	// The table numbers new periods after the ones kept, and finds those
	// kept.
	pc.append(day(500))
	pc.append(Year(2019))
	pc.append(day(3))
	if len(pc.table) != 12 || pc.id(101) != 11 || pc.id(102) != 10 || pc.id(103) != 3 {
		t.Errorf("after shrinking, ids %d %d %d of %d periods; want 11 10 3 of 12", pc.id(101), pc.id(102), pc.id(103), len(pc.table))
	}
}
