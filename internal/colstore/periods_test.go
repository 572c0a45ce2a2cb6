package colstore

import (
	"testing"

	"github.com/taizhang/taizhang/internal/civil"
)

// TestColumnsWiden checks that the period column keeps every row when it
// outgrows its narrow form: more than 65,536 distinct periods.
func TestColumnsWiden(t *testing.T) {
	var pc PeriodColumn
	day := func(i int) Span {
		d := civil.Days(2000, 1, 1) + int32(i)
		return Span{3, d, d}
	}
	const n = 70000
	for i := range n {
		pc.Append(day(i % 66000)) // a period seen before is not added again
	}
	if pc.ids32 == nil || pc.ids16 != nil || len(pc.Table) != 66000 {
		t.Fatalf("period column: ids32 %v, ids16 %v, %d periods; want widened with 66000", pc.ids32 != nil, pc.ids16 != nil, len(pc.Table))
	}
	for _, row := range []int32{0, 1, 65535, 65536, 65999, 66000, n - 10, n - 1} {
		if got, want := pc.At(row), day(int(row)%66000); got != want {
			t.Errorf("period of row %d = %v, want %v", row, got, want)
		}
	}
	pc.Truncate(5)
	if pc.At(4) != day(4) || len(pc.ids32) != 5 {
		t.Error("truncate lost rows")
	}
}

// TestColumnsShrink checks that the period column gives back what they grew since
// it had a room: the capacity, the distinct periods only later rows
// used, and the width, since the rows kept fitted the narrow form.
func TestColumnsShrink(t *testing.T) {
	day := func(i int) Span {
		d := civil.Days(2000, 1, 1) + int32(i)
		return Span{3, d, d}
	}
	var pc PeriodColumn
	for i := range 100 {
		pc.Append(day(i % 10))
	}
	pc.Append(year2019)
	pr := pc.Room()
	const n = 70000
	pc.Grow(n)
	for i := range n {
		pc.Append(day(i))
	}
	if pc.ids32 == nil {
		t.Fatal("the column did not widen")
	}
	pc.Shrink(101, pr)
	if pc.ids32 != nil || len(pc.ids16) != 101 || cap(pc.ids16) != pr.rows || len(pc.Table) != 11 {
		t.Errorf("period column: ids32 %v, ids16 %d/%d, %d periods; want two-byte ids 101/%d, 11 periods",
			pc.ids32 != nil, len(pc.ids16), cap(pc.ids16), len(pc.Table), pr.rows)
	}
	for row := range int32(100) {
		if pc.At(row) != day(int(row)%10) {
			t.Fatalf("row %d = %v; want %v", row, pc.At(row), day(int(row)%10))
		}
	}
	if pc.At(100) != year2019 {
		t.Errorf("row 100 = %v; want 2019", pc.At(100))
	}
	// The table numbers new periods after the ones kept, and finds those
	// kept.
	pc.Append(day(500))
	pc.Append(year2019)
	pc.Append(day(3))
	if len(pc.Table) != 12 || pc.ID(101) != 11 || pc.ID(102) != 10 || pc.ID(103) != 3 {
		t.Errorf("after shrinking, ids %d %d %d of %d periods; want 11 10 3 of 12", pc.ID(101), pc.ID(102), pc.ID(103), len(pc.Table))
	}
}

// year2019 is the civil year 2019 as a span.
var year2019 = Span{YearKind, civil.Days(2019, 1, 1), civil.Days(2019, 12, 31)}
