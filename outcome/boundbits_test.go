package outcome

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/quantity"
)

// TestBoundBitsAgreeWithQualifiers checks that the bound bits a sum joins
// say of every single qualifier what package quantity says of it: the same
// certainty, and the same bounds but for the unit 余 and 多 round to, which
// a sum does not keep ([Sum.Bounds] adds it record by record).
func TestBoundBitsAgreeWithQualifiers(t *testing.T) {
	v := decimal.NewFromInt(5)
	n := 0
	for q := quantity.Qualifier(0); q.IsValid(); q++ {
		n++
		b := boundBitsOf(q)
		if got, want := b.certainty(), q.Certainty(); got != want {
			t.Fatalf("%q: certainty %v, want %v", q, got, want)
		}
		want, got := quantity.New(v, 0, q).Bounds(), b.bounds(v)
		if q&(quantity.MoreThanYu|quantity.MoreThanDuo) != 0 && want.HasHi && !got.HasHi {
			want.Hi, want.HasHi, want.HiOpen = decimal.Decimal{}, false, false // 5余 rounds to [5, 6): the unit is not kept
		}
		if got.HasLo != want.HasLo || got.HasHi != want.HasHi || got.LoOpen != want.LoOpen || got.HiOpen != want.HiOpen ||
			got.HasLo && !got.Lo.Equal(want.Lo) || got.HasHi && !got.Hi.Equal(want.Hi) {
			t.Fatalf("%q: bounds %s, want %s", q, got.In(lang.English), want.In(lang.English))
		}
	}
	if n < 1<<10 {
		t.Fatalf("%d qualifiers checked, want every combination of the markers", n)
	}
	// Joined, a lower and an upper bound make an approximation: 5000余 + 近1000.
	if got := (boundBitsOf(quantity.MoreThanYu) | boundBitsOf(quantity.Nearly)).certainty(); got != quantity.Approximate {
		t.Errorf("余 joined with 近: %v, want approximate", got)
	}
}
