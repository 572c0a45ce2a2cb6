package outcome

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// TestAddFirstBadText checks that a record whose source and note are both
// not UTF-8 is refused for the first of them in the order of the columns
// (source, section, mark, note), every time.
func TestAddFirstBadText(t *testing.T) {
	const bad = "\xd6\xd0" // 中 in GBK
	tests := []struct {
		name string
		src  Citation
		note string
		want string
	}{
		{"all four", Citation{bad, bad, bad}, bad, "source"},
		{"section, mark and note", Citation{"004", bad, bad}, bad, "section"},
		{"mark and note", Citation{"004", "二", bad}, bad, "mark"},
		{"note", Citation{"004", "二", "[1]"}, bad, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLedger(t)
			r := rec("training", "433122", "2019", "5人次")
			r.Source, r.Note = tt.src, tt.note
			for range 50 { // a choice left to chance shows within a few runs
				err := l.Add(r)
				var re *RecordError
				if !errors.As(err, &re) || re.Field != tt.want || !errors.Is(err, ErrEncoding) {
					t.Fatalf("Add error = %v, want %s not UTF-8", err, tt.want)
				}
			}
		})
	}
}

// TestAddRefusesQueryWindow checks that Add refuses a period no reader
// reads back: a query window from Through, whose start is before any
// year, and one reaching beyond the year 9999. (No other period outside
// the years 1 to 9999 can be made: the constructors and Parse refuse it.)
func TestAddRefusesQueryWindow(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, p := range []period.Period{period.Through(day(2019, 12, 31)), period.Through(day(10000, 1, 1))} {
		l := testLedger(t)
		err := l.Add(Record{Indicator: "training", Region: "433122", Period: p, Quantity: quantity.Int(5, quantity.PersonTime)})
		var re *RecordError
		if !errors.As(err, &re) || re.Field != "period" || !errors.Is(err, errOutOfRange) {
			t.Errorf("Add(period %v) error = %v, want the period out of range", p, err)
		}
		if l.Len() != 0 {
			t.Errorf("Add(period %v) kept %d records", p, l.Len())
		}
	}
}

// TestEveryRecordedPeriodReadsBack checks that whatever period Add takes,
// of every kind and at the ends of the years 1 to 9999, WriteCSV and
// WriteJSONL write it so that ReadCSV and ReadJSONL read back an equal
// ledger.
func TestEveryRecordedPeriodReadsBack(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	must := func(p period.Period, err error) period.Period {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	periods := []period.Period{period.Year(1), period.Year(2019), period.Year(9999), period.Month(1, time.January), period.Month(2019, time.March), period.Month(9999, time.December), must(period.Span(day(1, 1, 1), day(1, 1, 1))), must(period.Span(day(2018, 1, 1), day(2019, 6, 30))), must(period.Span(day(9999, 12, 31), day(9999, 12, 31))),
		must(period.Span(day(1, 1, 1), day(9999, 12, 31))),
		must(period.Since(day(1, 1, 1), day(2019, 12, 31))), must(period.Since(day(2005, 3, 1), day(2019, 6, 30))), must(period.Since(day(2017, 1, 1), day(9999, 12, 31))),
		must(period.Undated(day(1, 1, 1), day(9999, 12, 31))), must(period.Undated(day(2017, 1, 1), day(2020, 12, 31))), must(period.Undated(day(2017, 2, 3), day(2017, 2, 3))),
	}
	rng := rand.New(rand.NewPCG(4, 9))
	for range 200 {
		from := day(1+rng.IntN(9999), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		to := from.AddDate(0, 0, rng.IntN(3000))
		if to.Year() > 9999 {
			continue
		}
		switch rng.IntN(5) {
		case 0:
			periods = append(periods, period.Year(from.Year()))
		case 1:
			periods = append(periods, period.Month(from.Year(), from.Month()))
		case 2:
			periods = append(periods, must(period.Span(from, to)))
		case 3:
			periods = append(periods, must(period.Since(from, to)))
		case 4:
			periods = append(periods, must(period.Undated(from, to)))
		}
	}
	l, err := NewLedger(testRegions(t), indEvents) // entries: any periods, even equal ones
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range periods {
		if err := l.Add(Record{Indicator: "events", Region: "433122", Period: p, Quantity: quantity.Int(int64(i), quantity.PersonTime)}); err != nil {
			t.Fatalf("Add(period %v): %v", p, err)
		}
	}
	want := records(l)
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
		read  func(*Ledger, *bytes.Buffer) error
	}{
		{"csv", func(b *bytes.Buffer) error { return WriteCSV(b, l.All()) }, func(m *Ledger, b *bytes.Buffer) error { return m.ReadCSV(b, ReadOptions{}) }},
		{"jsonl", func(b *bytes.Buffer) error { return WriteJSONL(b, l.All()) }, func(m *Ledger, b *bytes.Buffer) error { return m.ReadJSONL(b, ReadOptions{}) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatal(err)
		}
		m, err := NewLedger(testRegions(t), indEvents)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.read(m, &b); err != nil {
			t.Fatalf("%s: reading back: %v", f.name, err)
		}
		if diff := cmp.Diff(want, records(m)); diff != "" {
			t.Errorf("%s round trip mismatch (-want +got):\n%s", f.name, diff)
		}
	}
}
