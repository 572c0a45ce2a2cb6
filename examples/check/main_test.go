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
	for _, want := range []string{"✔ D1 ", "teams in all: 123 = 123", "✔ D3 ", "✔ D7 ", "✔ D8b",
		"✔ D10 ", "on the national list ≤ the nation's 832: 40 ≤ 832", "Hunan ledger consistency rules", "national ledger consistency rules"} {
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

// TestTeamsAgainstStatedTotal checks a Hunan file whose total of teams is
// not the 51 + 72 of 004_32acad38fe6c52df.txt §二(二)二是 [11]: D1 compares
// with the stated total and fails.
func TestTeamsAgainstStatedTotal(t *testing.T) {
	file := filepath.Join(t.TempDir(), "teams.csv")
	os.WriteFile(file, []byte("indicator,region,period,value\n"+
		"poor-counties-with-teams,430000,2018,51个\n"+
		"new-non-poor-teams,430000,2019,72个\n"+
		"expert-teams-total,430000,2019,130个\n"), 0o644)
	var out, errOut bytes.Buffer
	code := run([]string{"-catalogue", "hunan", "-lang", "en", file}, &out, &errOut)
	if code != 1 {
		t.Fatalf("exit %d, want 1 for a violated error rule\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"✘ D1 ", "123 = 130", "right: expert-teams-total 430000 2019 130 units\n",
		"– D3   critical nationally filed star spaces ≤ all star spaces: no data, not checked"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "()") {
		t.Errorf("records without a source show empty parentheses:\n%s", out.String())
	}
}
