package program

import (
	"testing"

	"github.com/taizhang/taizhang/outcome"
)

func TestQuantityIn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		lang outcome.Lang
		want string
	}{
		{"1名", outcome.English, "1 person"},
		{"2名", outcome.English, "2 persons"},
		{"1人次", outcome.English, "1 person-time"},
		{"1户", outcome.English, "1 household"},
		{"1册", outcome.English, "1 copy"},
		{"1元", outcome.English, "1 yuan"},
		{"1个", outcome.English, "1"},
		{"52个", outcome.English, "52"},
		{"1000多个", outcome.English, "more than 1,000"},
		{"1—2名", outcome.English, "1–2 persons"},
		{"1名", outcome.Chinese, "1名"},
		{"1个", outcome.Chinese, "1个"},
	} {
		if got := quantityIn(outcome.MustParseQuantity(tc.in), tc.lang); got != tc.want {
			t.Errorf("quantityIn(%s, %v) = %q, want %q", tc.in, tc.lang, got, tc.want)
		}
	}
}

func TestRegionIn(t *testing.T) {
	r := outcome.Region{Code: "430102001", Name: outcome.Name{Zh: "文艺路街道"}}
	if got := regionIn(r, outcome.English); got != "" {
		t.Errorf("regionIn(%s without English, en) = %q, want \"\" (the code stands for it)", r.Code, got)
	}
	if got := regionIn(r, outcome.Chinese); got != "文艺路街道" {
		t.Errorf("regionIn(%s, zh) = %q, want 文艺路街道", r.Code, got)
	}
	r.Name.En = "Wenyilu Subdistrict"
	if got := regionIn(r, outcome.English); got != r.Name.En {
		t.Errorf("regionIn(%s, en) = %q, want %q", r.Code, got, r.Name.En)
	}
}
