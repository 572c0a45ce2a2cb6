package prevention_test

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/prevention"
)

// county returns a region set of one county with n villages, and their codes.
func county(b *testing.B, n int) (*outcome.RegionSet, []string) {
	b.Helper()
	regs := []outcome.Region{{Code: "430000", Level: outcome.Province}, {Code: "433122", Level: outcome.County, Parent: "430000"}}
	var codes []string
	for i := range n {
		c := fmt.Sprintf("433122%03d%03d", 100+i/500, 200+i%500)
		codes = append(codes, c)
		regs = append(regs, outcome.Region{Code: c, Level: outcome.Village, Parent: "433122"})
	}
	rs, err := outcome.NewRegionSet(regs)
	if err != nil {
		b.Fatal(err)
	}
	return rs, codes
}

// BenchmarkScreen classifies 1,000,000 households in memory (2000 villages
// of 500) on every CPU and reports households per second.
func BenchmarkScreen(b *testing.B) {
	rs, villages := county(b, 2000)
	hs := slices.Collect(prevention.Generate(villages, 500, 1))
	s := prevention.Screening{Year: 2019, Regions: rs}
	for b.Loop() {
		if _, err := s.Run(slices.Values(hs)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(hs))*float64(b.N)/b.Elapsed().Seconds(), "households/s")
}

// BenchmarkScreenStream screens households as Generate yields them, never
// holding them: the heap in use stays the size of the villages' tally.
func BenchmarkScreenStream(b *testing.B) {
	rs, villages := county(b, 2000)
	s := prevention.Screening{Year: 2019, Regions: rs}
	var peak uint64
	for b.Loop() {
		stream := func(yield func(prevention.Household) bool) {
			i := 0
			for h := range prevention.Generate(villages, 500, 1) {
				if i++; i%100_000 == 0 {
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					peak = max(peak, m.HeapInuse)
				}
				if !yield(h) {
					return
				}
			}
		}
		if _, err := s.Run(stream); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap-peak")
}

// BenchmarkReadCSV reads 1,000,000 households from CSV in one streamed pass
// and screens them.
func BenchmarkReadCSV(b *testing.B) {
	rs, villages := county(b, 2000)
	var buf bytes.Buffer
	if err := prevention.WriteCSV(&buf, prevention.Generate(villages, 500, 1)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	s := prevention.Screening{Year: 2019, Regions: rs}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var bad error
		_, err := s.Run(func(yield func(prevention.Household) bool) {
			for h, err := range prevention.ReadCSV(bytes.NewReader(data), "households.csv") {
				if err != nil {
					bad = err
					return
				}
				if !yield(h) {
					return
				}
			}
		})
		if err != nil || bad != nil {
			b.Fatal(err, bad)
		}
	}
	b.ReportMetric(1e6*float64(b.N)/b.Elapsed().Seconds(), "households/s")
}
