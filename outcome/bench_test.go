package outcome_test

import (
	"bytes"
	"encoding/csv"
	"runtime"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/synth"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

// nationalData generates the synthetic national ledger. Each benchmark
// makes its own and lets it go, so that no benchmark runs beside another's
// million records, which would slow every garbage collection.
func nationalData(b *testing.B) (*synth.National, *outcome.RegionSet) {
	b.Helper()
	n, err := synth.NewNational(synth.Config{})
	if err != nil {
		b.Fatal(err)
	}
	rs, err := outcome.NewRegionSet(n.Regions)
	if err != nil {
		b.Fatal(err)
	}
	return n, rs
}

// BenchmarkLedgerAdd adds the 1,000,000 records of the synthetic national
// ledger to a new ledger, and reports the heap the ledger retains.
func BenchmarkLedgerAdd(b *testing.B) {
	n, rs := nationalData(b)
	var retained uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		l, err := outcome.NewLedger(rs, synth.Indicators()...)
		if err != nil {
			b.Fatal(err)
		}
		if err := l.Add(n.Records...); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(l)
		b.StartTimer()
	}
	b.ReportMetric(float64(retained)/(1<<20), "MiB-retained")
	b.ReportMetric(float64(len(n.Records)), "records")
}

// BenchmarkNewRegionSet builds the hierarchy of 22 provinces, 832 counties
// and 128,000 villages.
func BenchmarkNewRegionSet(b *testing.B) {
	n, _ := nationalData(b)
	for b.Loop() {
		if _, err := outcome.NewRegionSet(n.Regions); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadRegionSet reads the region file of 22 provinces, 832
// counties and 128,000 villages (code,name,level,parent) into a set, and
// reports regions per second: on one core with -cpu 1, on every CPU
// otherwise.
func BenchmarkReadRegionSet(b *testing.B) {
	n, _ := nationalData(b)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"code", "name", "level", "parent"})
	for _, r := range n.Regions {
		w.Write([]string{r.Code, r.Name.Zh, r.Level.String(), r.Parent})
	}
	w.Flush()
	data, regions := buf.Bytes(), len(n.Regions)
	n = nil
	runtime.GC()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := outcome.ReadRegionSet(bytes.NewReader(data), "regions.csv"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(regions)*float64(b.N)/b.Elapsed().Seconds(), "regions/s")
}

// BenchmarkValuesVillages computes each of 128,000 villages' commissioner
// figure and compares it with 1: the core of a coverage target.
func BenchmarkValuesVillages(b *testing.B) {
	n, rs := nationalData(b)
	l, err := outcome.NewLedger(rs, synth.Indicators()...)
	if err != nil {
		b.Fatal(err)
	}
	if err := l.Add(n.Records...); err != nil {
		b.Fatal(err)
	}
	villages, err := rs.Select("", func(r outcome.Region) bool { return r.Level == outcome.Village })
	if err != nil {
		b.Fatal(err)
	}
	window := period.Through(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	one := decimal.NewFromInt(1)
	for b.Loop() {
		v, err := l.Values(synth.Commissioners, villages, window)
		if err != nil {
			b.Fatal(err)
		}
		cmp, covered := v.CmpFunc(one), 0
		for i := range v.Len() {
			if cmp(i) >= 0 {
				covered++
			}
		}
		if covered == 0 {
			b.Fatal("no village covered")
		}
	}
}

// BenchmarkReadCSV reads the 1,000,000-row CSV of the synthetic national
// ledger (as internal/synth writes it) into a new ledger and reports rows
// per second: on one core with -cpu 1, on every CPU otherwise.
func BenchmarkReadCSV(b *testing.B) {
	n, rs := nationalData(b)
	var buf bytes.Buffer
	if err := n.WriteCSV(&buf); err != nil {
		b.Fatal(err)
	}
	data, rows := buf.Bytes(), len(n.Records)
	n = nil // only the file and the regions stay
	runtime.GC()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		l, err := outcome.NewLedger(rs, synth.Indicators()...)
		if err != nil {
			b.Fatal(err)
		}
		if err := l.ReadCSV(bytes.NewReader(data), outcome.ReadOptions{Name: "national.csv"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
