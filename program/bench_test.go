package program_test

import (
	"testing"
	"time"

	"github.com/taizhang/taizhang/internal/synth"
)

// BenchmarkEvaluateNational evaluates a four-target program (two over
// 128,000 villages, one over 832 counties, one aggregate) against the
// synthetic national ledger of 1,000,000 records.
func BenchmarkEvaluateNational(b *testing.B) {
	n, err := synth.NewNational(synth.Config{})
	if err != nil {
		b.Fatal(err)
	}
	l, err := n.Ledger()
	if err != nil {
		b.Fatal(err)
	}
	p := synth.Program()
	asOf := time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := p.Evaluate(l, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
