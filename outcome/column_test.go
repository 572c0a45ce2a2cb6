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
