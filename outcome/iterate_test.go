package outcome

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

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

// TestRollbackMonths refuses a batch in a ledger with more monthly records
// than the index's smallest table has slots. Rebuilding the index after the
// rollback once made a table of 16 slots whatever the rows, and placing the
// 17th probed for a free slot forever.
func TestRollbackMonths(t *testing.T) {
	l := testLedger(t)
	var months []Record
	for i := range 40 {
		months = append(months, Record{Indicator: "training", Region: "433122",
			Period: Month(2016+i/12, time.Month(1+i%12)), Quantity: Int(int64(100+i), PersonTime)})
	}
	if err := l.Add(months...); err != nil {
		t.Fatal(err)
	}
	added := Record{Indicator: "training", Region: "433122", Period: Month(2020, time.June), Quantity: Int(7, PersonTime)}
	conflict := months[3]
	conflict.Quantity = Int(1, PersonTime)
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
		other.Quantity = Int(1, PersonTime)
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
