package outcome

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// dayRecord is the i-th of a run of training records, one a day from
// 2000-01-01, whose note repeats its value: a row read half old and half new
// shows as a note that does not match the value or the day. Every third is
// beyond the compact columns, to go through the big values.
func dayRecord(i int) Record {
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
	p, err := period.Span(day, day)
	if err != nil {
		panic(err)
	}
	v := decimal.NewFromInt(int64(i))
	if i%3 == 0 {
		v = v.Add(decimal.RequireFromString("1e20"))
	}
	return Record{Indicator: "training", Region: "433122", Period: p,
		Quantity: quantity.New(v, quantity.PersonTime, 0), Note: v.String()}
}

// checkDayRecord reports what is wrong with r, a record from dayRecord.
func checkDayRecord(r Record) error {
	if r.Note != r.Quantity.Value().String() {
		return fmt.Errorf("record %v has note %q for value %v", r.Period, r.Note, r.Quantity.Value())
	}
	v := r.Quantity.Value().Mod(decimal.RequireFromString("1e20"))
	i, err := strconv.Atoi(v.String())
	if err != nil {
		return fmt.Errorf("record %v: value %v: %w", r.Period, r.Quantity.Value(), err)
	}
	if want := dayRecord(i); !r.Equal(want) {
		return fmt.Errorf("record = %+v, want %+v", r, want)
	}
	return nil
}

// failedBatch is a batch that Add refuses after appending its first record:
// the record of day i, then a conflicting figure for day 0. The ledger
// rolls the first back.
func failedBatch(i int) []Record {
	bad := dayRecord(0)
	bad.Quantity, bad.Note = quantity.Int(1_000_001, quantity.PersonTime), "conflict"
	return []Record{dayRecord(i), bad}
}

// TestIterateWhileAdding calls read methods inside loops over the ledger's
// iterators while another goroutine adds records, some in batches that are
// refused and rolled back. Before the iterators read a snapshot, a read
// lock held across yield blocked the nested read behind the waiting writer
// forever. Run it with -race.
func TestIterateWhileAdding(t *testing.T) {
	iterators := []struct {
		name string
		seq  func(*Ledger) iter.Seq[Record]
	}{
		{"All", (*Ledger).All},
		{"Records", func(l *Ledger) iter.Seq[Record] { return l.Records("training") }},
	}
	for _, it := range iterators {
		t.Run(it.name, func(t *testing.T) {
			const size = 400
			l := testLedger(t)
			for i := range 64 {
				if err := l.Add(dayRecord(i)); err != nil {
					t.Fatal(err)
				}
			}
			stop, writerDone := make(chan struct{}), make(chan error, 1)
			stopWriter := sync.OnceFunc(func() { close(stop) })
			defer stopWriter()
			go func() {
				for i := 64; ; i++ {
					select {
					case <-stop:
						writerDone <- nil
						return
					default:
					}
					if i%5 == 0 {
						if err := l.Add(failedBatch(i % size)...); !errors.Is(err, ErrConflict) {
							writerDone <- fmt.Errorf("Add(failed batch %d) = %v, want %v", i, err, ErrConflict)
							return
						}
					}
					// Past size, the same records again: harmless, but each
					// Add still takes the lock. The ledger stays small enough
					// for a Total at every record to be quick.
					if err := l.Add(dayRecord(i % size)); err != nil {
						writerDone <- err
						return
					}
				}
			}()

			within(t, "reading inside loops over the ledger while another goroutine adds", func() error {
				all := period.Through(time.Date(2033, 12, 31, 0, 0, 0, 0, time.UTC))
				for range 6 {
					before := l.Len()
					n := 0
					for r := range it.seq(l) {
						if err := checkDayRecord(r); err != nil {
							return err
						}
						n++
						_ = l.Len()
						if _, ok := l.Indicator("training"); !ok {
							return errors.New("Indicator(training) not found")
						}
						if _, err := l.Total("training", "430000", all); err != nil {
							return err
						}
						if n%16 == 0 {
							if _, err := l.Used("training", "433122", period.Year(2000)); err != nil {
								return err
							}
						}
					}
					if after := l.Len(); n < before || n > after {
						return fmt.Errorf("a loop yielded %d records; the ledger had %d before and %d after", n, before, after)
					}
				}
				return nil
			})
			stopWriter()
			if err := <-writerDone; err != nil {
				t.Error(err)
			}
		})
	}
}

// within runs f and fails t with f's error, or fatally if f has not
// returned after 10 s: it is blocked. The time is a deadlock's bound, not a
// measure of speed.
func within(t *testing.T, what string, f func() error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not finish in 10 s: blocked", what)
	}
}

// TestIterateSnapshot adds records inside a loop over the ledger, some in
// batches that are refused: the loop yields the records the ledger held
// when it began, and no rolled-back or later row takes their place.
func TestIterateSnapshot(t *testing.T) {
	l := testLedger(t)
	var want []Record
	for i := range 100 {
		r := dayRecord(i)
		want = append(want, r)
		if err := l.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	var got []Record
	within(t, "adding inside a loop over the ledger", func() error {
		next := 100
		for r := range l.All() {
			got = append(got, r)
			// Rows appended after a rollback land where the refused ones
			// were: beyond the loop's rows, so the loop never sees them.
			if err := l.Add(failedBatch(next)...); !errors.Is(err, ErrConflict) {
				return fmt.Errorf("Add(failed batch %d) = %v, want %v", next, err, ErrConflict)
			}
			if err := l.Add(dayRecord(next + 1)); err != nil {
				return err
			}
			next += 2
		}
		return nil
	})
	if diff := cmp.Diff(want, got, cmp.Comparer(Record.Equal)); diff != "" {
		t.Errorf("All() while adding: mismatch (-want +got):\n%s", diff)
	}
	if got, want := l.Len(), 200; got != want {
		t.Errorf("Len() after the loop = %d, want %d", got, want)
	}
	n := 0
	for r := range l.Records("training") {
		if err := checkDayRecord(r); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 200 {
		t.Errorf("Records(training) after the loop yielded %d, want 200", n)
	}
}

// TestIterateSeqTwice ranges over one sequence twice: each loop reads the
// ledger as it is when that loop begins.
func TestIterateSeqTwice(t *testing.T) {
	l := testLedger(t)
	seq := l.Records("training")
	if err := l.Add(dayRecord(1)); err != nil {
		t.Fatal(err)
	}
	count := func() (n int) {
		for range seq {
			n++
		}
		return n
	}
	if got := count(); got != 1 {
		t.Errorf("first loop yielded %d records, want 1", got)
	}
	if err := l.Add(dayRecord(2)); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != 2 {
		t.Errorf("second loop yielded %d records, want 2", got)
	}
}

// TestRollbackMonths refuses a batch in a ledger with more monthly records
// than the index's smallest table has slots. Rebuilding the index after the
// rollback once made a table of 16 slots whatever the rows, and placing the
// 17th probed for a free slot forever.
func TestRollbackMonths(t *testing.T) {
	l := testLedger(t)
	var months []Record
	for i := range 40 {
		months = append(months, Record{Indicator: "training", Region: "433122",
			Period: period.Month(2016+i/12, time.Month(1+i%12)), Quantity: quantity.Int(int64(100+i), quantity.PersonTime)})
	}
	if err := l.Add(months...); err != nil {
		t.Fatal(err)
	}
	added := Record{Indicator: "training", Region: "433122", Period: period.Month(2020, time.June), Quantity: quantity.Int(7, quantity.PersonTime)}
	conflict := months[3]
	conflict.Quantity = quantity.Int(1, quantity.PersonTime)
	within(t, "a refused Add", func() error {
		if err := l.Add(added, conflict); !errors.Is(err, ErrConflict) {
			return fmt.Errorf("Add(a new month, a conflicting one) = %v, want %v", err, ErrConflict)
		}
		return nil
	})
	if got, want := l.Len(), 40; got != want {
		t.Errorf("Len() after the rollback = %d, want %d", got, want)
	}
	// The index still finds every month kept, and not the one rolled back.
	for _, r := range months {
		if err := l.Add(r); err != nil {
			t.Errorf("Add(%v) again = %v, want nil: the same figure twice is harmless", r.Period, err)
		}
		other := r
		other.Quantity = quantity.Int(1, quantity.PersonTime)
		if err := l.Add(other); !errors.Is(err, ErrConflict) {
			t.Errorf("Add(%v with another figure) = %v, want %v", r.Period, err, ErrConflict)
		}
	}
	if err := l.Add(added); err != nil {
		t.Errorf("Add(%v) after its rollback = %v, want nil", added.Period, err)
	}
	if got, want := l.Len(), 41; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
}
