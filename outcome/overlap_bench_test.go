package outcome_test

import (
	"testing"
	"time"

	"github.com/taizhang/taizhang/internal/synth"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// BenchmarkTotalOverlapping adds up a flow of eight records for each of
// 128,000 villages, 1,024,000 in all, over 2019: "overlapping" has four
// quarters, their year's 合计 and three months of the first quarter, so
// that only the year counts; "disjoint" has eight years instead, of which
// one counts, the cost without overlaps to compare with.
func BenchmarkTotalOverlapping(b *testing.B) {
	n, rs := nationalData(b)
	flow := outcome.Indicator{Code: "training", Name: lang.Name{Zh: "培训", En: "training"}, Unit: quantity.Session, Aggregation: outcome.Flow}
	overlapping := []period.Period{period.MustParse("2019-01-01/2019-03-31"), period.MustParse("2019-04-01/2019-06-30"), period.MustParse("2019-07-01/2019-09-30"), period.MustParse("2019-10-01/2019-12-31"), period.Year(2019), period.Month(2019, time.January), period.Month(2019, time.February), period.Month(2019, time.March)}
	var disjoint []period.Period
	for y := 2012; y < 2020; y++ {
		disjoint = append(disjoint, period.Year(y))
	}
	villages, err := rs.SelectLevel("", outcome.Village)
	if err != nil {
		b.Fatal(err)
	}
	for _, bb := range []struct {
		name    string
		periods []period.Period
	}{{"disjoint", disjoint}, {"overlapping", overlapping}} {
		l, err := outcome.NewLedger(rs, flow)
		if err != nil {
			b.Fatal(err)
		}
		records := make([]outcome.Record, 0, len(n.Villages)*len(bb.periods))
		for i, p := range bb.periods {
			for j, v := range n.Villages {
				records = append(records, outcome.Record{Indicator: "training", Region: v, Period: p, Quantity: quantity.Int(int64(1+(i+j)%7), quantity.Session)})
			}
		}
		if err := l.Add(records...); err != nil {
			b.Fatal(err)
		}
		records = nil
		window := period.Year(2019)
		b.Run(bb.name+"/Total", func(b *testing.B) {
			for b.Loop() {
				s, err := l.Total("training", "", window)
				if err != nil || s.Records != len(n.Villages) {
					b.Fatalf("Total = %d records, %v; want one a village", s.Records, err)
				}
			}
		})
		b.Run(bb.name+"/Values", func(b *testing.B) {
			for b.Loop() {
				if _, err := l.Values("training", villages, window); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValuesPassedOver is BenchmarkValuesVillages with each
// province's own figure of 2018 beside its villages' of 2019: the newest
// figures win, so every province's is passed over, at the cost of one
// pass over the regions.
func BenchmarkValuesPassedOver(b *testing.B) {
	n, rs := nationalData(b)
	l, err := outcome.NewLedger(rs, synth.Indicators()...)
	if err != nil {
		b.Fatal(err)
	}
	if err := l.Add(n.Records...); err != nil {
		b.Fatal(err)
	}
	for r := range rs.All() {
		if r.Level == outcome.Province {
			if err := l.Add(outcome.Record{Indicator: synth.Commissioners, Region: r.Code, Period: period.Year(2018), Quantity: quantity.Int(5000, quantity.Person)}); err != nil {
				b.Fatal(err)
			}
		}
	}
	villages, err := rs.SelectLevel("", outcome.Village)
	if err != nil {
		b.Fatal(err)
	}
	window := period.Through(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	b.Run("Values", func(b *testing.B) {
		for b.Loop() {
			if _, err := l.Values(synth.Commissioners, villages, window); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Total", func(b *testing.B) {
		for b.Loop() {
			s, err := l.Total(synth.Commissioners, "", window)
			if err != nil || s.PassedCount != 22 {
				b.Fatalf("Total passed over %d, %v; want the 22 provinces", s.PassedCount, err)
			}
		}
	})
}
