package outcome

import (
	"math"
	"testing"
	"time"
)

// TestColumnsWiden checks that the compact columns keep every row when
// they outgrow their narrow form: more than 65,536 distinct periods, a
// value beyond four bytes.
func TestColumnsWiden(t *testing.T) {
	var pc periodColumn
	var ic intColumn
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
		v := int64(i)
		if i == n-10 {
			v = math.MaxInt64 / 3 // widens the values from here
		}
		ic.append(v)
	}
	if pc.ids32 == nil || pc.ids16 != nil || len(pc.table) != 66000 {
		t.Fatalf("period column: ids32 %v, ids16 %v, %d periods; want widened with 66000", pc.ids32 != nil, pc.ids16 != nil, len(pc.table))
	}
	if ic.wide == nil || ic.narrow != nil {
		t.Fatal("int column did not widen")
	}
	for _, row := range []int32{0, 1, 65535, 65536, 65999, 66000, n - 10, n - 1} {
		if got, want := pc.at(row), day(int(row)%66000); got != want {
			t.Errorf("period of row %d = %v, want %v", row, got, want)
		}
		want := int64(row)
		if row == n-10 {
			want = math.MaxInt64 / 3
		}
		if got := ic.at(row); got != want {
			t.Errorf("value of row %d = %d, want %d", row, got, want)
		}
	}
	pc.truncate(5)
	ic.truncate(5)
	if pc.at(4) != day(4) || ic.at(4) != 4 || len(pc.ids32) != 5 || len(ic.wide) != 5 {
		t.Error("truncate lost rows")
	}
}

// TestColumnsShrink checks that the columns give back what they grew since
// they had a room: the capacity, the distinct periods only later rows
// used, and the width, since the rows kept fitted the narrow form.
func TestColumnsShrink(t *testing.T) {
	day := func(i int) Period {
		d := daysFromCivil(2000, 1, 1) + int32(i)
		return Period{SpanPeriod, d, d}
	}
	var pc periodColumn
	var ic intColumn
	for i := range 100 {
		pc.append(day(i % 10))
		ic.append(int64(i))
	}
	pc.append(Year(2019))
	ic.append(100)
	pr, ir := pc.room(), ic.room()
	const n = 70000
	pc.grow(n)
	ic.grow(n)
	for i := range n {
		pc.append(day(i))
		ic.append(math.MaxInt64 / 3)
	}
	if pc.ids32 == nil || ic.wide == nil {
		t.Fatal("the columns did not widen")
	}
	pc.shrink(101, pr)
	ic.shrink(101, ir)
	if pc.ids32 != nil || len(pc.ids16) != 101 || cap(pc.ids16) != pr.rows || len(pc.table) != 11 {
		t.Errorf("period column: ids32 %v, ids16 %d/%d, %d periods; want two-byte ids 101/%d, 11 periods",
			pc.ids32 != nil, len(pc.ids16), cap(pc.ids16), len(pc.table), pr.rows)
	}
	if ic.wide != nil || len(ic.narrow) != 101 || cap(ic.narrow) != ir.rows {
		t.Errorf("int column: wide %v, narrow %d/%d; want four bytes 101/%d", ic.wide != nil, len(ic.narrow), cap(ic.narrow), ir.rows)
	}
	for row := range int32(100) {
		if pc.at(row) != day(int(row)%10) || ic.at(row) != int64(row) {
			t.Fatalf("row %d = %v, %d; want %v, %d", row, pc.at(row), ic.at(row), day(int(row)%10), row)
		}
	}
	if pc.at(100) != Year(2019) || ic.at(100) != 100 {
		t.Errorf("row 100 = %v, %d; want 2019, 100", pc.at(100), ic.at(100))
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
