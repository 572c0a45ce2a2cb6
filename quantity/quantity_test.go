package quantity

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/errs"
)

func TestParseQuantity(t *testing.T) {
	const seed000, seed004 = "000_f8a6b69a178fa4e7.txt", "004_32acad38fe6c52df.txt"
	tests := []struct {
		name string
		in   string
		want Quantity
	}{
		// 004 §二(三)一是: 「26.8亿多元」.
		{seed004 + " 26.8亿多元", "26.8亿多元", New(decimal.RequireFromString("2680000000"), Yuan, MoreThanDuo)},
		// 004 §一(四)一是: 「每年组织5000余名科技特派员、近1000名“三区”科技人才」.
		{seed004 + " 5000余名", "5000余名", New(decimal.NewFromInt(5000), Person, MoreThanYu)},
		{seed004 + " 近1000名", "近1000名", New(decimal.NewFromInt(1000), Person, Nearly)},
		{"达1000多个", "达1000多个", New(decimal.NewFromInt(1000), Piece, Reached|MoreThanDuo)},
		// 000 §3.1 (2): 「建设3 000—5 000个星创天地」.
		{seed000 + " 3 000—5 000个", "3 000—5 000个", Between(decimal.NewFromInt(3000), decimal.NewFromInt(5000), Piece)},
		{"8.5万人次", "8.5万人次", New(decimal.NewFromInt(85000), PersonTime, 0)},
		{"42000万元", "42000万元", New(decimal.NewFromInt(420_000_000), Yuan, 0)},
		// 004: 「不到 60%」, with the stray space of G1.
		{seed004 + " 不到 60%", "不到 60%", New(decimal.NewFromInt(60), Percent, LessThan)},
		// 000 footnote ②: 「“一百个”」, 「“一万个”」.
		{seed000 + " 一百个", "一百个", Int(100, Piece)},
		{"一万名", "一万名", Int(10_000, Person)},
		{"十万", "十万", Int(100_000, 0)},
		// 004 §二(四)二是: 「全省最高分99分」.
		{seed004 + " 99分", "99分", Int(99, Point)},
		{"plain 1220", "1220", Int(1220, 0)},
		// 000 footnote ③: 「1000个以上农技协联合会」.
		{seed000 + " 1000个以上", "1000个以上", New(decimal.NewFromInt(1000), Piece, AtLeast)},
		{"多 before 万", "13400多万元", New(decimal.NewFromInt(134_000_000), Yuan, MoreThanDuo)},
		{"余 after 万", "10万余册", New(decimal.NewFromInt(100_000), Volume, MoreThanYu)},
		// 000 §3.2: 「每村确定3—5位创业致富带头人」.
		{seed000 + " 3—5位", "3—5位", Between(decimal.NewFromInt(3), decimal.NewFromInt(5), Person)},
		{"range with scale at the end", "3—5万人", Between(decimal.NewFromInt(30_000), decimal.NewFromInt(50_000), Person)},
		{"incomplete statistics", "据不完全统计,2400余人次", New(decimal.NewFromInt(2400), PersonTime, IncompleteStats|MoreThanYu)},
		{"至少 reads as 以上", "至少一个", New(decimal.NewFromInt(1), Piece, AtLeast)},
		{"累计达", "累计达25000名", New(decimal.NewFromInt(25000), Person, Cumulative|Reached)},
		{"thousands separator", "1,220", Int(1220, 0)},
		{"full-width digits", "１２２０户", Int(1220, Household)},
		{"人次 is not 人", "118万人次", Int(1_180_000, PersonTime)},
		{"家", "149家", Int(149, Establishment)},
		{"decimal fraction", "0.5%", New(decimal.RequireFromString("0.5"), Percent, 0)},
		{"thousands in groups of three", "12,345,678", Int(12_345_678, 0)},
		{"thousands and a decimal point", "1,000.5元", New(decimal.RequireFromString("1000.5"), Yuan, 0)},
		{"thousands in a range", "3,000—5,000个", Between(decimal.NewFromInt(3000), decimal.NewFromInt(5000), Piece)},
		{"full-width comma", "1，000名", Int(1000, Person)},
		{"a fraction of 万 persons is whole", "1.2万名", Int(12_000, Person)},
		// A quantity may be an average; a ledger refuses it in a record.
		{"a fraction of a person", "0.5名", New(decimal.RequireFromString("0.5"), Person, 0)},
		{"余 and 多 are different markers", "1000多万余元", New(decimal.NewFromInt(10_000_000), Yuan, MoreThanYu|MoreThanDuo)},
		{"leading zeros do not count", "000000000000000000000000000000000001", Int(1, 0)},
		// Issue 15 item 6: the qualifiers offices write, before or after the figure.
		{"超过", "超过1000名", New(decimal.NewFromInt(1000), Person, MoreThan)},
		{"逾 reads as 超过", "逾1000名", New(decimal.NewFromInt(1000), Person, MoreThan)},
		{"不少于 reads as 以上", "不少于1000名", New(decimal.NewFromInt(1000), Person, AtLeast)},
		{"不低于 reads as 以上", "不低于90%", New(decimal.NewFromInt(90), Percent, AtLeast)},
		{"不超过", "不超过500人", New(decimal.NewFromInt(500), Person, AtMost)},
		{"以内 reads as 不超过", "500人以内", New(decimal.NewFromInt(500), Person, AtMost)},
		{"以下 reads as 不超过", "5000人以下", New(decimal.NewFromInt(5000), Person, AtMost)},
		{"左右 reads as 约", "30场左右", New(decimal.NewFromInt(30), Session, About)},
		{"大约", "大约30场", New(decimal.NewFromInt(30), Session, About)},
		{"1000名以上", "1000名以上", New(decimal.NewFromInt(1000), Person, AtLeast)},
		{"markers in another order", "约累计100个", New(decimal.NewFromInt(100), Piece, About|Cumulative)},
		{"超过 with 万", "超过1.2万人次", New(decimal.NewFromInt(12000), PersonTime, MoreThan)},
		// A scale word alone is one of it, as reports write it.
		{"千余", "千余名", New(decimal.NewFromInt(1000), Person, MoreThanYu)},
		{"近万", "近万名", New(decimal.NewFromInt(10000), Person, Nearly)},
		{"百余", "百余场", New(decimal.NewFromInt(100), Session, MoreThanYu)},
		{"上千 reads as 以上", "上千名", New(decimal.NewFromInt(1000), Person, AtLeast)},
		{"逾千", "逾千名", New(decimal.NewFromInt(1000), Person, MoreThan)},
		{"超 reads as 超过", "超1000名", New(decimal.NewFromInt(1000), Person, MoreThan)},
		{"千万", "千万元", New(decimal.NewFromInt(10_000_000), Yuan, 0)},
		{"thirty digits", strings.Repeat("9", 30), New(decimal.RequireFromString(strings.Repeat("9", 30)), 0, 0)},
		{"thirty digits with 亿", "1" + strings.Repeat("0", 21) + "亿", New(decimal.New(1, 29), 0, 0)},
		{"thirty decimals", "0." + strings.Repeat("0", 29) + "1", New(decimal.New(1, -30), 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseQuantityErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   error
		offset int
	}{
		// 004 §二(四)二是 「数十名志愿医护专家」: no number to normalise (inventory §0.1).
		{"数十 is no number", "数十名", errNotANumber, 0},
		{"unknown unit", "5棵", errs.UnknownUnit, 1},
		{"unknown unit after a space", "5 kg", errs.UnknownUnit, 2},
		{"empty", "", ErrSyntax, 0},
		{"a unit alone", "名", ErrSyntax, 0},
		{"range order", "5—3个", errRangeOrder, 4},
		{"digits without units", "一二三", ErrSyntax, 0},
		{"text after the unit", "12个3", ErrSyntax, 5},

		// A marker stated twice.
		{"余 twice", "5000余余名", ErrSyntax, 7},
		{"多 twice", "1000多多个", ErrSyntax, 7},
		{"余 twice around 万", "10余万余元", ErrSyntax, 8},
		{"以上 twice", "1000以上以上", ErrSyntax, 10},
		{"以上 twice after a unit", "1000个以上以上", ErrSyntax, 13},
		{"近 twice", "近近1000名", ErrSyntax, 3},
		{"共计 and 共", "共计共1000名", ErrSyntax, 6},
		{"至少 and 以上 state one marker", "至少1000个以上", ErrSyntax, 13},
		{"余 on both ends of a range", "3余—5余个", ErrSyntax, 8},
		{"a marker after the unit", "1000名余", ErrSyntax, 7},
		{"超过 and 逾 state one marker", "超过逾1000名", ErrSyntax, 6},
		{"不少于 and 以上 state one marker", "不少于1000名以上", ErrSyntax, 16},
		{"以下 and 以内 state one marker", "1000名以下以内", ErrSyntax, 13},
		{"不超过 and 以内 state one marker", "不超过500人以内", ErrSyntax, 15},
		{"约 and 左右 state one marker", "约30场左右", ErrSyntax, 8},

		// More than maxDigits digits.
		{"10,000 digits", strings.Repeat("9", 10_000), errs.OutOfRange, 30},
		{"31 digits", "1" + strings.Repeat("0", 30), errs.OutOfRange, 30},
		{"31 decimals", "0." + strings.Repeat("0", 30) + "1", errs.OutOfRange, 32},
		{"31 digits with 亿", "1" + strings.Repeat("0", 22) + "亿", errs.OutOfRange, 26},
		{"亿 upon 亿", "1亿亿亿亿", errs.OutOfRange, 10},
		{"a Chinese numeral beyond int64", "一万亿亿", errs.OutOfRange, 0},

		// Commas separate thousands, in groups of three.
		{"1,5", "1,5", ErrSyntax, 1},
		{"3,5万", "3,5万", ErrSyntax, 1},
		{"a group of four", "1,0000", ErrSyntax, 1},
		{"four digits before the comma", "1234,567", ErrSyntax, 4},
		{"a short last group", "12,345,67", ErrSyntax, 6},
		{"a short group before the point", "1,00.5", ErrSyntax, 1},

		// A malformed figure is malformed, not an unknown unit.
		{"exponent", "1e309元", ErrSyntax, 1},
		{"two decimal points", "12.3.4万", ErrSyntax, 4},
		{"hexadecimal", "0x10个", ErrSyntax, 1},
		{"a letter between digits", "12x4", ErrSyntax, 2},
		{"a trailing comma", "1000,", ErrSyntax, 4},
		{"a trailing point", "5.", ErrSyntax, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%.40q) error = %.200v, want %v", tt.in, err, tt.want)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || se.Input != tt.in || se.Offset != tt.offset {
				t.Errorf("Parse(%.40q) error at byte %d, want a *SyntaxError at byte %d", tt.in, se.Offset, tt.offset)
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
		{"negative", Int(-1, Piece), errs.Negative},
		{"range order", Between(decimal.NewFromInt(5), decimal.NewFromInt(3), Piece), errRangeOrder},
		{"unknown unit", Int(1, Unit(200)), errs.UnknownUnit},
		{"unknown qualifier", Int(1, Piece).WithQualifier(1 << 15), errs.UnknownQualifier},
		{"31 digits", New(decimal.New(1, 30), Yuan, 0), errs.OutOfRange},
		{"31 decimals", New(decimal.New(1, -31), Percent, 0), errs.OutOfRange},
		{"a range to 31 digits", Between(decimal.NewFromInt(1), decimal.New(1, 30), Yuan), errs.OutOfRange},
		{"fine", Int(1, Piece), nil},
		{"a fraction of a person is a quantity", New(decimal.RequireFromString("0.5"), Person, 0), nil},
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
	// Synonyms read as the marker they mean; JSON reads only the markers.
	for word, want := range qualifierWords {
		if got, err := ParseQualifier(word); err != nil || got != want {
			t.Errorf("ParseQualifier(%q) = %v, %v, want %v", word, got, err, want)
		}
		if _, err := parseQualifier(word, false); !errors.Is(err, errs.UnknownQualifier) {
			t.Errorf("parseQualifier(%q) without synonyms: error = %v, want errs.UnknownQualifier", word, err)
		}
	}
	if _, err := ParseQualifier("几乎"); !errors.Is(err, errs.UnknownQualifier) {
		t.Errorf("ParseQualifier(几乎) error = %v, want errs.UnknownQualifier", err)
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
	if _, err := ParseUnit("棵"); !errors.Is(err, errs.UnknownUnit) {
		t.Errorf("ParseUnit(棵) error = %v, want errs.UnknownUnit", err)
	}
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"26.8亿多元", "5000余名", "近1000名", "达1000多个", "3 000—5 000个", "8.5万人次",
		"42000万元", "不到 60%", "一百个", "一万名", "十万", "99分", "1220", "据不完全统计,2400余人次", "0.05%", "数十名",
		"12,345,678", "1,5", "5000余余名", "1e309元", "12.3.4万", strings.Repeat("9", 31), "0.5名"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error %v is not a *SyntaxError", s, err)
			}
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("Parse(%q) = %v, which does not validate: %v", s, q, err)
		}
		back, err := Parse(q.String())
		if err != nil || !back.Equal(q) {
			t.Fatalf("Parse(%q) = %v; reading its String back gives %v, %v", s, q, back, err)
		}
	})
}

// Quantity's doc says == is not safe; Equal is the comparison.
func TestQuantityEqualNotIdentity(t *testing.T) {
	a, b := MustParse("5000余名"), MustParse("5000余名")
	if !a.Equal(b) {
		t.Errorf("%v.Equal(%v) = false, want true", a, b)
	}
	if !New(decimal.RequireFromString("1.50"), Yuan, 0).Equal(New(decimal.RequireFromString("1.5"), Yuan, 0)) {
		t.Error("1.50元 and 1.5元 are not Equal, want Equal")
	}
}
