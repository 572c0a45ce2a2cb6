package target_test

import (
	"testing"
	"time"

	"github.com/taizhang/taizhang/internal/synth"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// BenchmarkCoverageVillages evaluates "every village has a commissioner"
// over the 128,000 villages of the synthetic national ledger (1,000,000
// records), shortfall list included.
func BenchmarkCoverageVillages(b *testing.B) {
	n, err := synth.NewNational(synth.Config{})
	if err != nil {
		b.Fatal(err)
	}
	l, err := n.Ledger()
	if err != nil {
		b.Fatal(err)
	}
	villages := target.AllAt(lang.Name{Zh: "贫困村"}, outcome.Village, "")
	tg := target.Coverage("commissioners", lang.Name{Zh: "科技特派员全覆盖"}, synth.Commissioners, villages, quantity.Int(1, quantity.Person))
	asOf := time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)
	var r target.Result
	for b.Loop() {
		if r, err = tg.Evaluate(l, asOf); err != nil {
			b.Fatal(err)
		}
	}
	if r.Units != len(n.Villages) || r.Covered+r.Shortfall.Len() != r.Units {
		b.Fatalf("covered %d + short %d != %d villages", r.Covered, r.Shortfall.Len(), r.Units)
	}
}
