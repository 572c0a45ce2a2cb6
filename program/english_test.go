package program

import (
	"testing"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

func TestQuantityIn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		lang lang.Lang
		want string
	}{
		{"1名", lang.English, "1 person"},
		{"2名", lang.English, "2 persons"},
		{"1人次", lang.English, "1 person-time"},
		{"1户", lang.English, "1 household"},
		{"1册", lang.English, "1 copy"},
		{"1元", lang.English, "1 yuan"},
		{"1个", lang.English, "1"},
		{"52个", lang.English, "52"},
		{"1000多个", lang.English, "more than 1,000"},
		{"1—2名", lang.English, "1–2 persons"},
		{"1名", lang.Chinese, "1名"},
		{"1个", lang.Chinese, "1个"},
	} {
		if got := quantityIn(quantity.MustParse(tc.in), tc.lang); got != tc.want {
			t.Errorf("quantityIn(%s, %v) = %q, want %q", tc.in, tc.lang, got, tc.want)
		}
	}
}

func TestRegionIn(t *testing.T) {
	r := outcome.Region{Code: "430102001", Name: lang.Name{Zh: "文艺路街道"}}
	if got := regionIn(r, lang.English); got != "" {
		t.Errorf("regionIn(%s without English, en) = %q, want \"\" (the code stands for it)", r.Code, got)
	}
	if got := regionIn(r, lang.Chinese); got != "文艺路街道" {
		t.Errorf("regionIn(%s, zh) = %q, want 文艺路街道", r.Code, got)
	}
	r.Name.En = "Wenyilu Subdistrict"
	if got := regionIn(r, lang.English); got != r.Name.En {
		t.Errorf("regionIn(%s, en) = %q, want %q", r.Code, got, r.Name.En)
	}
}
