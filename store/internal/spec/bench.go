package spec

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/store"
)

// synthetic returns Hunan's province with 100 counties of 10 townships
// of 128 villages each (128,000 villages), and a ledger file of n records:
// featured industries and information networks, one a village a year.
func synthetic(n int) (*outcome.RegionSet, []outcome.Indicator, []byte) {
	regions := []outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province}}
	var villages []string
	for c := range 100 {
		county := fmt.Sprintf("43%04d", c+1)
		regions = append(regions, outcome.Region{Code: county, Name: lang.Name{Zh: "县" + county}, Level: outcome.County, Parent: "430000"})
		for tw := range 10 {
			town := fmt.Sprintf("%s%03d", county, tw+1)
			regions = append(regions, outcome.Region{Code: town, Name: lang.Name{Zh: "乡" + town}, Level: outcome.Township, Parent: county})
			for v := range 128 {
				code := fmt.Sprintf("%s%03d", town, v+1)
				regions = append(regions, outcome.Region{Code: code, Name: lang.Name{Zh: "村" + code}, Level: outcome.Village, Parent: town})
				villages = append(villages, code)
			}
		}
	}
	rs, err := outcome.NewRegionSet(regions)
	if err != nil {
		panic(err)
	}
	var inds []outcome.Indicator
	for _, i := range hunan.Indicators() {
		if i.Code == "featured-industries" || i.Code == "info-networks" {
			inds = append(inds, i)
		}
	}
	var b bytes.Buffer
	b.WriteString("indicator,region,period,value\n")
	for i := range n {
		v := villages[i%len(villages)]
		k := i / len(villages)
		fmt.Fprintf(&b, "%s,%s,%d,%d\n", inds[k%2].Code, v, 2000+k/2, 1+i%5)
	}
	return rs, inds, b.Bytes()
}

func seedSynthetic(b *testing.B, be Backend, rs *outcome.RegionSet, inds []outcome.Indicator) *store.Store {
	b.Helper()
	s := be.Open(b, be.New(b))
	if err := s.PutRegions(ctx, rs); err != nil {
		b.Fatal(err)
	}
	if err := s.PutIndicators(ctx, inds...); err != nil {
		b.Fatal(err)
	}
	if err := s.AddDepartment(ctx, store.Department{Name: "county", Indicators: []string{inds[0].Code, inds[1].Code}}); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkImport imports a file of n records into an empty store.
func BenchmarkImport(b *testing.B, be Backend, n int) {
	rs, inds, file := synthetic(n)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s := seedSynthetic(b, be, rs, inds)
		b.StartTimer()
		got, err := s.Import(ctx, store.Provenance{Department: "county"}, bytes.NewReader(file), "synthetic.csv")
		if err != nil || got != n {
			b.Fatalf("Import = %d, %v; want %d", got, err, n)
		}
	}
}

// BenchmarkLoad loads a store of n records into a ledger; with readCSV,
// it reads the same records from CSV instead, for the ratio.
func BenchmarkLoad(b *testing.B, be Backend, n int, readCSV bool) {
	rs, inds, file := synthetic(n)
	var s *store.Store
	if !readCSV {
		s = seedSynthetic(b, be, rs, inds)
		if _, err := s.Import(ctx, store.Provenance{Department: "county"}, bytes.NewReader(file), "synthetic.csv"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		var l *outcome.Ledger
		var err error
		if readCSV {
			if l, err = outcome.NewLedger(rs, inds...); err == nil {
				err = l.ReadCSV(bytes.NewReader(file), outcome.ReadOptions{})
			}
		} else {
			l, err = s.Ledger(ctx, store.Query{})
		}
		if err != nil || l.Len() != n {
			b.Fatalf("ledger of %d records, %v; want %d", l.Len(), err, n)
		}
	}
}

// BenchmarkAdd builds the ledger of n records with [outcome.Ledger.Add]
// from records already in memory: the other public path a load could
// take, compared with ReadCSV (BenchmarkLoad with readCSV). Making the
// records, which a load from a database would also do, is not timed.
func BenchmarkAdd(b *testing.B, n int) {
	rs, inds, file := synthetic(n)
	src, err := outcome.NewLedger(rs, inds...)
	if err == nil {
		err = src.ReadCSV(bytes.NewReader(file), outcome.ReadOptions{})
	}
	if err != nil {
		b.Fatal(err)
	}
	records := make([]outcome.Record, 0, n)
	for r := range src.All() {
		records = append(records, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		l, err := outcome.NewLedger(rs, inds...)
		if err == nil {
			err = l.Add(records...)
		}
		if err != nil || l.Len() != n {
			b.Fatalf("ledger of %d records, %v; want %d", l.Len(), err, n)
		}
	}
}
