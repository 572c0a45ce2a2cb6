package synth

import (
	"bytes"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/taizhang/taizhang/outcome"
)

func TestNationalShape(t *testing.T) {
	cfg := Config{Villages: 2000, Records: 12_000}
	n, err := NewNational(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Counties) != 832 || len(n.Villages) != cfg.Villages || len(n.Records) != cfg.Records {
		t.Errorf("counties %d, villages %d, records %d; want 832, %d, %d", len(n.Counties), len(n.Villages), len(n.Records), cfg.Villages, cfg.Records)
	}
	l, err := n.Ledger()
	if err != nil {
		t.Fatalf("the generated records do not load: %v", err)
	}
	if l.Len() != cfg.Records {
		t.Errorf("ledger holds %d records, want %d: keys must be unique", l.Len(), cfg.Records)
	}
	again, err := NewNational(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(n.Records[:100], again.Records[:100]); diff != "" || len(again.Records) != len(n.Records) {
		t.Errorf("the same config gave other records (-first +second):\n%s", diff)
	}
	if _, err := NewNational(Config{Villages: 10}); err == nil {
		t.Error("fewer villages than counties: want an error")
	}
}

func TestWriteCSVReadsBack(t *testing.T) {
	n, err := NewNational(Config{Villages: 2000, Records: 12_000})
	if err != nil {
		t.Fatal(err)
	}
	want, err := n.Ledger()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := n.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	got, err := outcome.NewLedger(want.Regions(), Indicators()...)
	if err != nil {
		t.Fatal(err)
	}
	if err := got.ReadCSV(&b, outcome.ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(slices.Collect(want.All()), slices.Collect(got.All())); diff != "" {
		t.Errorf("CSV round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestHouseholds(t *testing.T) {
	villages := []string{"433122100201", "433122100202", "433122100203"}
	n := 0
	per := map[string]int{}
	for h := range Households(villages, 1000, 1) {
		n++
		per[h.Village]++
	}
	if n != 1000 || per[villages[0]] != 334 || per[villages[2]] != 333 {
		t.Errorf("%d households, %v per village; want 1000 spread 334/333/333", n, per)
	}
}
