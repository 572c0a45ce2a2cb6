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
		"2016-12-31  98990000 persons (2012-12-31)",
		"2019-12-31  5510000 persons",
		"at the current pace, met by 2020-05-30",
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
