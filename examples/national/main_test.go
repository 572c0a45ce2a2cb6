package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/lang"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, lang.English, true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Poverty eradication by 2020 [national/poverty-eradication-2020]",
		"as of 2019-12-31",
		"as of 2020-12-31",
		"all 832 poor counties exit (goal inferred) — units not covered: 52/832",
		"450225  Rongshui Miao Autonomous County", // the English name of a region
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(out, "units not covered: 52/832"); n != 1 {
		t.Errorf("the 52 counties are listed %d times, want once (as of 2019 only)", n)
	}
	if strings.ContainsFunc(out, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		t.Errorf("English output holds Chinese characters:\n%s", out)
	}
	b.Reset()
	if err := run(&b, lang.Chinese, true); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "450225  融水苗族自治县") {
		t.Errorf("Chinese output lacks %q", "450225  融水苗族自治县")
	}
}
