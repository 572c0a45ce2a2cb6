package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "trend.svg")
	var out, errOut bytes.Buffer
	if code := run([]string{"-lang", "en", "-svg", svg}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{
		"every rural poor person out of poverty [rural-poor]",
		"2016-12-31  98.99 million persons  2012-12-31 (stale)",
		"2019-12-31  5.51 million persons",
		// Unmet at the end of 2020: a projection is never earlier.
		"at the pace of its figures, met by 2020-05-30 (13.5% a year); no later figure confirms it",
		// 000_f8a6b69a178fa4e7.txt intro: 52 poor counties at the end of
		// 2019; the county list has them all exit by 2020.
		"2019-12-31  52",
		"2020-12-31  0         2020-12-31          100.0%    100.0%    met",
		"2019-12-31  780/832",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	b, err := os.ReadFile(svg)
	if err != nil || !bytes.HasPrefix(b, []byte("<?xml")) {
		t.Errorf("trend.svg: %v, %.40q", err, b)
	}
}
