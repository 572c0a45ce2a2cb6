package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/outcome"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, outcome.English, true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Poverty eradication by 2020 [national/poverty-eradication-2020]",
		"as of 2019-12-31",
		"as of 2020-12-31",
		"all 832 poor counties exit (goal inferred) — units short: 52/832",
		"450225  融水苗族自治县",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(out, "units short: 52/832"); n != 1 {
		t.Errorf("the 52 counties are listed %d times, want once (as of 2019 only)", n)
	}
}
