package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReported(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-lang", "en"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errOut.String(), out.String())
	}
	for _, want := range []string{"✔ D1 ", "✔ D3 ", "✔ D7 ", "✔ D8b", "Hunan ledger consistency rules", "national ledger consistency rules"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestViolatingFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(file, []byte("indicator,region,period,value\n"+
		"star-spaces,430000,2019,149家\n"+
		"star-spaces-filed,430000,2019,175家\n"), 0o644)
	var out, errOut bytes.Buffer
	code := run([]string{"-catalogue", "hunan", "-lang", "en", file}, &out, &errOut)
	if code != 1 {
		t.Fatalf("exit %d, want 1 for a violated error rule\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"✘ D3", "175 ≤ 149", "left: star-spaces-filed 430000 2019 175 establishments"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
