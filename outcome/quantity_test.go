package outcome

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseQuantity(t *testing.T) {
	const seed000, seed004 = "000_f8a6b69a178fa4e7.txt", "004_32acad38fe6c52df.txt"
	tests := []struct {
		name string
		in   string
		want Quantity
	}{
		// 004 §二(三)一是: 「26.8亿多元」.
		{seed004 + " 26.8亿多元", "26.8亿多元", NewQuantity(decimal.RequireFromString("2680000000"), Yuan, MoreThanDuo)},
		// 004 §一(四)一是: 「每年组织5000余名科技特派员、近1000名“三区”科技人才」.
		{seed004 + " 5000余名", "5000余名", NewQuantity(decimal.NewFromInt(5000), Person, MoreThanYu)},
		{seed004 + " 近1000名", "近1000名", NewQuantity(decimal.NewFromInt(1000), Person, Nearly)},
		{"达1000多个", "达1000多个", NewQuantity(decimal.NewFromInt(1000), Piece, Reached|MoreThanDuo)},
		// 000 §3.1 (2): 「建设3 000—5 000个星创天地」.
		{seed000 + " 3 000—5 000个", "3 000—5 000个", Between(decimal.NewFromInt(3000), decimal.NewFromInt(5000), Piece)},
		{"8.5万人次", "8.5万人次", NewQuantity(decimal.NewFromInt(85000), PersonTime, 0)},
		{"42000万元", "42000万元", NewQuantity(decimal.NewFromInt(420_000_000), Yuan, 0)},
		// 004: 「不到 60%」, with the stray space of G1.
		{seed004 + " 不到 60%", "不到 60%", NewQuantity(decimal.NewFromInt(60), Percent, LessThan)},
		// 000 footnote ②: 「“一百个”」, 「“一万个”」.
		{seed000 + " 一百个", "一百个", Int(100, Piece)},
		{"一万名", "一万名", Int(10_000, Person)},
		{"十万", "十万", Int(100_000, 0)},
		// 004 §二(四)二是: 「全省最高分99分」.
		{seed004 + " 99分", "99分", Int(99, Point)},
		{"plain 1220", "1220", Int(1220, 0)},
		// 000 footnote ③: 「1000个以上农技协联合会」.
		{seed000 + " 1000个以上", "1000个以上", NewQuantity(decimal.NewFromInt(1000), Piece, AtLeast)},
		{"多 before 万", "13400多万元", NewQuantity(decimal.NewFromInt(134_000_000), Yuan, MoreThanDuo)},
		{"余 after 万", "10万余册", NewQuantity(decimal.NewFromInt(100_000), Volume, MoreThanYu)},
		// 000 §3.2: 「每村确定3—5位创业致富带头人」.
		{seed000 + " 3—5位", "3—5位", Between(decimal.NewFromInt(3), decimal.NewFromInt(5), Person)},
		{"range with scale at the end", "3—5万人", Between(decimal.NewFromInt(30_000), decimal.NewFromInt(50_000), Person)},
		{"incomplete statistics", "据不完全统计,2400余人次", NewQuantity(decimal.NewFromInt(2400), PersonTime, IncompleteStats|MoreThanYu)},
		{"至少 reads as 以上", "至少一个", NewQuantity(decimal.NewFromInt(1), Piece, AtLeast)},
		{"累计达", "累计达25000名", NewQuantity(decimal.NewFromInt(25000), Person, Cumulative|Reached)},
		{"thousands separator", "1,220", Int(1220, 0)},
		{"full-width digits", "１２２０户", Int(1220, Household)},
		{"人次 is not 人", "118万人次", Int(1_180_000, PersonTime)},
		{"家", "149家", Int(149, Establishment)},
		{"decimal fraction", "0.5%", NewQuantity(decimal.RequireFromString("0.5"), Percent, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseQuantity(tt.in)
			if err != nil {
				t.Fatalf("ParseQuantity(%q) error: %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseQuantity(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseQuantityErrors(t *testing.T) {
	tests := []struct {
		in     string
		want   error
		offset int
	}{
		// 004 §二(四)二是 「数十名志愿医护专家」: no number to normalise (inventory §0.1).
		{"数十名", ErrNotANumber, 0},
		{"5棵", ErrUnknownUnit, 1},
		{"", ErrSyntax, 0},
		{"名", ErrSyntax, 0},
		{"5—3个", ErrRangeOrder, 4},
		{"一二三", ErrSyntax, 0},
		{"12个3", ErrSyntax, 5},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseQuantity(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ParseQuantity(%q) error = %v, want %v", tt.in, err, tt.want)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Input != tt.in || se.Offset != tt.offset {
				t.Errorf("ParseQuantity(%q) error = %#v, want a *SyntaxError at byte %d", tt.in, err, tt.offset)
			}
		})
	}
}

func TestQuantityValidate(t *testing.T) {
	tests := []struct {
		name string
		q    Quantity
		want error
	}{
		{"negative", Int(-1, Piece), ErrNegative},
		{"range order", Between(decimal.NewFromInt(5), decimal.NewFromInt(3), Piece), ErrRangeOrder},
		{"unknown unit", Int(1, Unit(200)), ErrUnknownUnit},
		{"unknown qualifier", Int(1, Piece).WithQualifier(1 << 15), ErrUnknownQualifier},
		{"fine", Int(1, Piece), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.q.Validate(); !errors.Is(err, tt.want) {
				t.Errorf("%v.Validate() = %v, want %v", tt.q, err, tt.want)
			}
		})
	}
}

func TestQualifierCertainty(t *testing.T) {
	tests := []struct {
		q    Qualifier
		want Certainty
	}{
		{0, Exact},
		{Reached, Exact},
		{Cumulative | Total, Exact},
		{AtLeast, LowerBound},
		{MoreThanYu, LowerBound},
		{Reached | MoreThanDuo, LowerBound},
		{IncompleteStats, LowerBound},
		{LessThan, UpperBound},
		{Nearly, UpperBound}, // 近1000 falls short of 1000
		{Nearly | MoreThanYu, Approximate},
		{LessThan | AtLeast, Approximate},
	}
	for _, tt := range tests {
		if got := tt.q.Certainty(); got != tt.want {
			t.Errorf("Qualifier(%v).Certainty() = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestQualifierStringRoundTrip(t *testing.T) {
	for q := Qualifier(0); q < qualifierEnd; q++ {
		got, err := ParseQualifier(q.String())
		if err != nil || got != q {
			t.Fatalf("ParseQualifier(%q) = %v, %v, want %v", q.String(), got, err, q)
		}
	}
	if _, err := ParseQualifier("大约"); !errors.Is(err, ErrUnknownQualifier) {
		t.Errorf("ParseQualifier(大约) error = %v, want ErrUnknownQualifier", err)
	}
}

func TestCertaintyJoin(t *testing.T) {
	tests := []struct{ a, b, want Certainty }{
		{Exact, Exact, Exact},
		{Exact, LowerBound, LowerBound},
		{LowerBound, Exact, LowerBound},
		{LowerBound, LowerBound, LowerBound},
		{LowerBound, UpperBound, Approximate},
		{UpperBound, Exact, UpperBound},
		{Approximate, Exact, Approximate},
	}
	for _, tt := range tests {
		if got := tt.a.Join(tt.b); got != tt.want {
			t.Errorf("%v.Join(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestUnitCompatible(t *testing.T) {
	if !Piece.Compatible(Establishment) {
		t.Error("个 and 家 both count things and must be compatible")
	}
	if Person.Compatible(PersonTime) {
		t.Error("名 and 人次 must not be compatible: persons are not person-times")
	}
	for _, s := range []string{"人", "位", "名"} {
		if u, err := ParseUnit(s); err != nil || u != Person {
			t.Errorf("ParseUnit(%q) = %v, %v, want Person", s, u, err)
		}
	}
	for u := Piece; u.IsValid(); u++ {
		if got, err := ParseUnit(u.String()); err != nil || got != u {
			t.Errorf("ParseUnit(%q) = %v, %v, want %v", u.String(), got, err, u)
		}
	}
	if _, err := ParseUnit("棵"); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("ParseUnit(棵) error = %v, want ErrUnknownUnit", err)
	}
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"26.8亿多元", "5000余名", "近1000名", "达1000多个", "3 000—5 000个", "8.5万人次",
		"42000万元", "不到 60%", "一百个", "一万名", "十万", "99分", "1220", "据不完全统计,2400余人次", "0.05%", "数十名"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("ParseQuantity(%q) error %v is not a *SyntaxError", s, err)
			}
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("ParseQuantity(%q) = %v, which does not validate: %v", s, q, err)
		}
		back, err := ParseQuantity(q.String())
		if err != nil || !back.Equal(q) {
			t.Fatalf("ParseQuantity(%q) = %v; reading its String back gives %v, %v", s, q, back, err)
		}
	})
}
