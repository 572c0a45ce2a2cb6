package cnum

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		// 000_f8a6b69a178fa4e7.txt footnote ②: 「“一百个”」「“一千个”」「“一万个”」.
		{"一百", 100},
		{"一千", 1000},
		{"一万", 10_000},
		// 000 footnote ③ nickname 「“千、万、十万”」.
		{"十万", 100_000},
		{"十", 10},
		{"十二", 12},
		{"二十", 20},
		{"两千", 2000},
		{"三千五百", 3500},
		{"一千零五", 1005},
		{"一万二千", 12_000},
		{"一亿二千万", 120_000_000},
		{"十亿", 1_000_000_000},
		{"〇", 0},
		{"零", 0},
		{"九", 9},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{"", "一二", "百百", "十百", "万", "亿", "一万万", "abc", "数十", "一千一千"} {
		t.Run(in, func(t *testing.T) {
			got, err := Parse(in)
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrRange) {
				t.Errorf("Parse(%q) = %d, %v, want an error", in, got, err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"一百", "十万", "一亿二千万", "两千零五", "九千九百九十九万"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err == nil && v < 0 {
			t.Fatalf("Parse(%q) = %d, a negative value", s, v)
		}
	})
}
