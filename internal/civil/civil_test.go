package civil

import (
	"testing"
	"time"
)

// TestDays checks the day count against the time package over every day
// of four centuries, leap years and 1 BC's neighbours included.
func TestDays(t *testing.T) {
	for _, from := range []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)} {
		for d := from; d.Year() < from.Year()+400; d = d.AddDate(0, 0, 1) {
			want := int32(d.Unix() / 86400)
			if got := Days(d.Year(), int(d.Month()), d.Day()); got != want {
				t.Fatalf("Days(%s) = %d, want %d", d.Format(time.DateOnly), got, want)
			}
			if d.AddDate(0, 0, 1).Day() == 1 && DaysIn(d.Year(), int(d.Month())) != d.Day() {
				t.Fatalf("DaysIn(%d, %d) = %d, want %d", d.Year(), d.Month(), DaysIn(d.Year(), int(d.Month())), d.Day())
			}
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		in   string
		want int32
		ok   bool
	}{
		{"1970-01-01", 0, true},
		{"2020-02-29", Days(2020, 2, 29), true},
		{"2019-02-29", 0, false},
		{"0000-01-01", 0, false},
		{"2019-13-01", 0, false},
		{"2019-1-01", 0, false},
		{"2019/01/01", 0, false},
	}
	for _, tt := range tests {
		if got, ok := Date([]byte(tt.in)); ok != tt.ok || ok && got != tt.want {
			t.Errorf("Date(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for in, want := range map[string]bool{"2019": true, "0001": true, "0000": false, "201": false, "2O19": false} {
		if _, ok := Year([]byte(in)); ok != want {
			t.Errorf("Year(%q) ok = %v, want %v", in, ok, want)
		}
	}
}
