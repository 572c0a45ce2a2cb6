package quantity

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
)

// TestBoundsDecide is the qualifier table as verdicts: every qualifier
// against a target at, below and above its figure, in every direction.
func TestBoundsDecide(t *testing.T) {
	type verdict string // "yes", "no" or "?" (undecided)
	tell := func(holds, decided bool) verdict {
		switch {
		case !decided:
			return "?"
		case holds:
			return "yes"
		}
		return "no"
	}
	tests := []struct {
		figure                    string
		n                         int64
		atLeast, moreThan, atMost verdict
	}{
		{"1000个", 1000, "yes", "no", "yes"},
		{"1000个", 999, "yes", "yes", "no"},
		{"1000个", 1001, "no", "no", "yes"},
		{"1000个以上", 1000, "yes", "?", "?"},
		{"1000个以上", 999, "yes", "yes", "no"},
		{"1000个以上", 1001, "?", "?", "?"},
		{"1000余个", 1000, "yes", "yes", "no"}, // 余 is more than: 10余 never meets a reduction to 10
		{"1000余个", 1001, "?", "?", "?"},
		{"1000多个", 1000, "yes", "yes", "no"},
		// 余 and 多 round down to a unit of the last non-zero digit:
		// 1000余 is less than 2000, 5100余 less than 5200.
		{"1000余个", 2000, "no", "no", "yes"},
		{"1000余个", 1999, "?", "?", "?"},
		{"5100余个", 5200, "no", "no", "yes"},
		{"5100余个", 5150, "?", "?", "?"},
		{"140多个", 150, "no", "no", "yes"},
		{"达1000多个", 2000, "no", "no", "yes"},
		{"1000余个以上", 2000, "?", "?", "?"}, // 以上 bounds nothing above
		{"达1000多个", 1000, "yes", "yes", "no"},
		{"近1000个", 1000, "no", "no", "yes"}, // 近 falls short: 近100家 never meets 100
		{"近1000个", 999, "?", "?", "?"},
		{"近1000个", 1001, "no", "no", "yes"},
		{"不到1000个", 1000, "no", "no", "yes"}, // 不到1000名 never meets at least 1000
		{"不到1000个", 999, "?", "?", "?"},
		{"达1000个", 1000, "yes", "no", "yes"},
		{"累计1000个", 1000, "yes", "no", "yes"},
		{"约1000个", 1000, "?", "?", "?"}, // about: either side
		{"大约1000个", 900, "?", "?", "?"},
		{"3 000—5 000个", 3000, "yes", "?", "?"},
		// Issue 15 item 6: 超过 and 逾 exclude the number, 不少于 and 不低于
		// include it (as 以上), 不超过, 以内 and 以下 include it, 左右 is about.
		{"超过1000个", 1000, "yes", "yes", "no"},
		{"超过1000个", 1001, "?", "?", "?"},
		{"超过1000个", 999, "yes", "yes", "no"},
		{"逾1000个", 1000, "yes", "yes", "no"},
		{"不少于1000个", 1000, "yes", "?", "?"},
		{"不少于1000个", 999, "yes", "yes", "no"},
		{"不少于1000个", 1001, "?", "?", "?"},
		{"不低于1000个", 1000, "yes", "?", "?"},
		{"不超过1000个", 1000, "?", "no", "yes"},
		{"不超过1000个", 999, "?", "?", "?"},
		{"不超过1000个", 1001, "no", "no", "yes"},
		{"1000个以内", 1000, "?", "no", "yes"},
		{"1000个以内", 1001, "no", "no", "yes"},
		{"1000个以下", 1000, "?", "no", "yes"}, // 以下 includes 1000 (民法典 第1259条)
		{"1000个以下", 999, "?", "?", "?"},
		{"1000个以下", 1001, "no", "no", "yes"},
		{"30场左右", 30, "?", "?", "?"},
		{"30场左右", 29, "?", "?", "?"},
		{"30场左右", 31, "?", "?", "?"},

		{"3 000—5 000个", 5000, "?", "no", "yes"},
		{"3 000—5 000个", 2999, "yes", "yes", "no"},
	}
	for _, tt := range tests {
		b := MustParse(tt.figure).Bounds()
		n := decimal.NewFromInt(tt.n)
		got := [3]verdict{tell(b.AtLeast(n)), tell(b.MoreThan(n)), tell(b.AtMost(n))}
		want := [3]verdict{tt.atLeast, tt.moreThan, tt.atMost}
		if got != want {
			t.Errorf("%s against %d: at least, more than, at most = %v, want %v", tt.figure, tt.n, got, want)
		}
	}
}

// TestRoundingUnit: the unit a figure written with 余 or 多 rounds down to,
// a unit of its last non-zero digit, and no unit where another marker
// leaves the figure unbounded above.
func TestRoundingUnit(t *testing.T) {
	for _, tt := range []struct{ figure, hi string }{
		{"5000余名", "6000"},  // 004_32acad38fe6c52df.txt §一(四)一是 [4]: 5000余名科技特派员
		{"6200余场", "6300"},  // 004_32acad38fe6c52df.txt §一(四)一是 [5]: 6200余场
		{"10万余册", "200000"}, // 004_32acad38fe6c52df.txt §一(二)四是 [2]: the widest reading, not 11万
		{"140多个", "150"},    // 004_32acad38fe6c52df.txt §一(二)二是: 140多个
		{"2.5万余人", "26000"},
		{"0.5余元", "0.6"},
		{"超过1000个", ""},
		{"1000个以上", ""},
		{"据不完全统计1000余个", ""},
		{"近1000余个", ""}, // marked both ways: bounds nothing
		{"0余个", ""},
	} {
		b := MustParse(tt.figure).Bounds()
		switch {
		case tt.hi == "" && b.HasHi:
			t.Errorf("%s: upper bound %s, want none", tt.figure, b.Hi)
		case tt.hi != "" && (!b.HasHi || !b.HiOpen || !b.Hi.Equal(decimal.RequireFromString(tt.hi))):
			t.Errorf("%s: bounds %s, want less than %s", tt.figure, b.In(lang.English), tt.hi)
		}
	}
}

func TestBoundsOfSums(t *testing.T) {
	v := decimal.NewFromInt(1200)
	tests := []struct {
		name string
		b    bound
		want Bounds
	}{
		{"exact", 0, Exactly(v)},
		{"1000余 + 200", boundOf(MoreThanYu), Bounds{Lo: v, HasLo: true, LoOpen: true}},
		{"1000以上 + 200", boundOf(AtLeast), Bounds{Lo: v, HasLo: true}},
		{"不到1000 + 200", boundOf(LessThan), Bounds{Hi: v, HasHi: true, HiOpen: true}},
		{"1000余 + 不到200", boundOf(MoreThanYu) | boundOf(LessThan), Bounds{}},
		{"超过1000 + 200", boundOf(MoreThan), Bounds{Lo: v, HasLo: true, LoOpen: true}},
		{"不超过1000 + 200", boundOf(AtMost), Bounds{Hi: v, HasHi: true}},
		{"不超过1000 + 不到200", boundOf(AtMost) | boundOf(LessThan), Bounds{Hi: v, HasHi: true, HiOpen: true}},
		{"不超过1000 + 1000以上", boundOf(AtMost) | boundOf(AtLeast), Bounds{}},
	}
	for _, tt := range tests {
		got := tt.b.bounds(v)
		if got.HasLo != tt.want.HasLo || got.HasHi != tt.want.HasHi || got.LoOpen != tt.want.LoOpen ||
			got.HiOpen != tt.want.HiOpen || got.HasLo && !got.Lo.Equal(tt.want.Lo) || got.HasHi && !got.Hi.Equal(tt.want.Hi) {
			t.Errorf("%s: bounds = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestBoundsQualifier checks that a sum's bounds are written with the
// qualifier that states them of its value, and that it reads back as the
// same bounds.
func TestBoundsQualifier(t *testing.T) {
	v := decimal.NewFromInt(70)
	for _, q := range []Qualifier{0, MoreThanYu, AtLeast, LessThan, AtMost} {
		b := boundOf(q).bounds(v)
		if got := b.Qualifier(v); got != q {
			t.Errorf("bounds of %q: Qualifier() = %q, want %q", q, got, q)
		}
	}
	for _, q := range []Qualifier{MoreThan, MoreThanDuo} {
		if got := boundOf(q).bounds(v).Qualifier(v); got != MoreThanYu {
			t.Errorf("bounds of %q: Qualifier() = %q, want 余", q, got)
		}
	}
	for _, c := range []struct {
		name string
		b    Bounds
		want Qualifier
	}{
		{"nothing known", Bounds{}, About},
		{"余 with its rounding unit", MustParse("70余个").Bounds(), MoreThanYu},
		{"both sides away from the value: 40余 + 近30", Bounds{Lo: decimal.NewFromInt(40), HasLo: true, LoOpen: true, Hi: decimal.NewFromInt(80), HasHi: true, HiOpen: true}, About},
		{"at least, below the value", Bounds{Lo: decimal.NewFromInt(40), HasLo: true}, About},
		{"exact elsewhere", Exactly(decimal.NewFromInt(71)), About},
	} {
		if got := c.b.Qualifier(v); got != c.want {
			t.Errorf("%s: Qualifier(70) = %q, want %q", c.name, got, c.want)
		}
	}
}
