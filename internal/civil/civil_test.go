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

func TestDayOfTime(t *testing.T) {
	for _, day := range []int32{MinDay, First, -1, 0, 1, 18262, Last} {
		if got := DayOf(Time(day)); got != day {
			t.Errorf("DayOf(Time(%d)) = %d", day, got)
		}
	}
	// The date where t is, not in UTC: 2019-12-31 23:00 in Beijing is
	// 2019-12-31 15:00 UTC, and 2020-01-01 00:30 in Beijing is still
	// 2019-12-31 in UTC.
	beijing := time.FixedZone("CST", 8*3600)
	if got, want := DayOf(time.Date(2020, 1, 1, 0, 30, 0, 0, beijing)), Days(2020, 1, 1); got != want {
		t.Errorf("DayOf(2020-01-01 00:30 +08:00) = %d, want %d", got, want)
	}
}
