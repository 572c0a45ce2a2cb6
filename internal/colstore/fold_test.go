package colstore

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSpansOverlapsAgrees checks the union a flow's own rows make against
// a scan of the rows themselves: a descendant's row is folded in exactly
// when it shares no day with any of them, including spans that touch, nest
// or reach the last day there is.
func TestSpansOverlapsAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	span := func() Span {
		if rng.IntN(20) == 0 {
			return Span{Start: math.MaxInt32 - int32(rng.IntN(3)), End: math.MaxInt32}
		}
		start := int32(rng.IntN(200))
		return Span{Start: start, End: start + int32(rng.IntN(15))}
	}
	for range 2000 {
		var s Series
		own := make([]int32, rng.IntN(12))
		for i := range own {
			s.Period.Append(span())
			own[i] = int32(i)
		}
		u := unionOf(&s, own)
		for i := 1; i < len(u); i++ {
			if int64(u[i].Start) <= int64(u[i-1].End)+1 {
				t.Fatalf("union %v: spans %d and %d touch", u, i-1, i)
			}
		}
		for range 50 {
			p := span()
			want := false
			for _, row := range own {
				q := s.Period.At(row)
				want = want || p.Start <= q.End && q.Start <= p.End
			}
			if got := u.overlaps(p); got != want {
				t.Fatalf("union %v overlaps %v = %v, want %v", u, p, got, want)
			}
		}
	}
}
