package quantity

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
)

// TestQuantityIn writes figures as reports write them (issue 16 item 1):
// scaled only where the scaled figure is the value exactly.
func TestQuantityIn(t *testing.T) {
	const seed000, seed004 = "000_f8a6b69a178fa4e7.txt", "004_32acad38fe6c52df.txt"
	tests := []struct {
		name, in string
		zh, en   string
	}{
		// 004 §二(三): 「13400多万元」 and 「26.8亿多元」.
		{seed004 + " 13400多万元", "13400多万元", "1.34亿多元", "more than 134 million yuan"},
		{seed004 + " 26.8亿多元", "26.8亿多元", "26.8亿多元", "more than 2.68 billion yuan"},
		// 004 §一(四)一是: 「118万人次」, 「每年组织5000余名科技特派员」.
		{seed004 + " 118万人次", "118万人次", "118万人次", "1.18 million person-times"},
		{seed004 + " 5000余名", "5000余名", "5000余名", "more than 5,000 persons"},
		// 000 intro: 「从2012年底的9899万人减少到551万人」, 「贫困村从12.8万个减少到2707个」.
		{seed000 + " 551万人", "551万人", "551万名", "5.51 million persons"},
		{seed000 + " 9899万人", "9899万人", "9899万名", "98.99 million persons"},
		{seed000 + " 12.8万个", "12.8万个", "12.8万个", "128,000"},
		{seed000 + " 2707个", "2707个", "2707个", "2,707"},
		{"below 万: never scaled", "9999名", "9999名", "9,999 persons"},
		{"one 万", "10000名", "1万名", "10,000 persons"},
		{"three decimals at 万: in full", "12345名", "12345名", "12,345 persons"},
		{"two decimals at 万", "12300名", "1.23万名", "12,300 persons"},
		{"亿 would misstate it", "123456789元", "123456789元", "123,456,789 yuan"},
		{"万 when 亿 has too many decimals", "100010000元", "10001万元", "100.01 million yuan"},
		{"a fraction of a yuan", "12345.5元", "12345.5元", "12,345.5 yuan"},
		{"a fraction in 万", "125000.5元", "125000.5元", "125,000.5 yuan"},
		{"a range at one scale", "3—5万人", "3万—5万名", "30,000–50,000 persons"},
		{"a range whose ends do not share a scale", "5000—20000人", "5000—20000名", "5,000–20,000 persons"},
		// English groups their digits, which is not scaling.
		{"percentages are never scaled", "100000%", "100000%", "100,000%"},
		{"scores are never scaled", "20000分", "20000分", "20,000 points"},
		{"zero", "0个", "0个", "0"},
		{"a qualifier before and after", "据不完全统计,1.2万余人次", "据不完全统计1.2万余人次", "by incomplete statistics, more than 12,000 person-times"},
		{"以上 after the unit", "1亿元以上", "1亿元以上", "at least 100 million yuan"},
		{"万亿 in 亿", "1.2万亿元", "12000亿元", "1,200 billion yuan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := MustParse(tt.in)
			if got := q.In(lang.Chinese); got != tt.zh {
				t.Errorf("%v.In(Chinese) = %q, want %q", q, got, tt.zh)
			}
			if got := q.In(lang.English); got != tt.en {
				t.Errorf("%v.In(English) = %q, want %q", q, got, tt.en)
			}
			back, err := Parse(q.In(lang.Chinese))
			if err != nil || !back.Equal(q) {
				t.Errorf("Parse(%q) = %v, %v, want %v", q.In(lang.Chinese), back, err, q)
			}
			// String stays in full, for files.
			if s := q.String(); strings.ContainsAny(s, "万亿") {
				t.Errorf("%v.String() = %q scales", q, s)
			}
		})
	}
}

// TestEnglishFiguresReadBack checks that the number of an English figure
// reads back: grouped digits, and million and billion as scale words.
func TestEnglishFiguresReadBack(t *testing.T) {
	for _, s := range []string{"134000000", "1180000", "5510000", "12345", "12345.5", "100010000", "2680000000", "999999"} {
		v := decimal.RequireFromString(s)
		en := figureIn(v, lang.English)
		q, err := Parse(en)
		if err != nil || !q.Value().Equal(v) {
			t.Errorf("Parse(%q) = %v, %v, want %v", en, q, err, v)
		}
	}
	if _, err := Parse("1.18millions"); !errors.Is(err, ErrSyntax) {
		t.Errorf("Parse(1.18millions) error = %v, want ErrSyntax", err)
	}
}

func TestBoundsInScales(t *testing.T) {
	// 004_32acad38fe6c52df.txt §一(二)二是 [2]: 13400多万元, more than 134
	// million and less than 135 million.
	b := MustParse("13400多万元").Bounds()
	if got, want := b.In(lang.Chinese), "超过1.34亿, 不到1.35亿"; got != want {
		t.Errorf("Bounds.In(Chinese) = %q, want %q", got, want)
	}
	if got, want := b.In(lang.English), ">134 million, <135 million"; got != want {
		t.Errorf("Bounds.In(English) = %q, want %q", got, want)
	}
	b = MustParse("13400万元以上").Bounds()
	if got, want := b.In(lang.English), "≥134 million, no upper bound"; got != want {
		t.Errorf("Bounds.In(English) = %q, want %q", got, want)
	}
}

// FuzzQuantityIn checks that what In writes in Chinese reads back as the
// same quantity, and that a scaled figure is the value exactly.
func FuzzQuantityIn(f *testing.F) {
	for _, s := range []string{"13400多万元", "26.8亿多元", "118万人次", "5000余名", "551万人", "3—5万人", "12345.5元", "1.2万亿元", "近1000名", "不超过500人"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		zh := q.In(lang.Chinese)
		back, err := Parse(zh)
		if err != nil || !back.Equal(q) {
			t.Fatalf("Parse(%q) = %v; its In(Chinese) %q reads back as %v, %v", s, q, zh, back, err)
		}
		if en := q.In(lang.English); strings.ContainsAny(en, "万亿") {
			t.Fatalf("%v.In(English) = %q", q, en)
		}
	})
}
