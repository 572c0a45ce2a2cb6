package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/taizhang/taizhang/lang"
)

func TestRun(t *testing.T) {
	for _, tt := range []struct {
		lang lang.Lang
		want []string
	}{
		{lang.Chinese, []string{"科技扶贫“七个一”工程 [hunan/seven-ones]", "截至 2019-12-31", "科技专家服务团对所有县市区全覆盖", "123/123", "单位人次不能计为名"}},
		{lang.English, []string{"[hunan/expert-service-teams]", "as of 2019-12-31", "person-times are not persons", "[hunan/featured-industry-funding]",
			"§1.4, point 3 [7]", "1 person ", "1 target: ", "Huitong County"}},
	} {
		var b bytes.Buffer
		if err := run(&b, tt.lang, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%v output lacks %q", tt.lang, w)
			}
		}
		if tt.lang != lang.English {
			continue
		}
		// A figure of one in the singular, and 个 not called units.
		for _, w := range []string{"1 units", "1 persons", "1 targets", " units x", " units ×", "§一", "§二"} {
			if strings.Contains(b.String(), w) {
				t.Errorf("%v output holds %q", tt.lang, w)
			}
		}
	}
}
