package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/taizhang/taizhang/program/prevention"
)

func TestGenerated(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-per", "20", "-lang", "en"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"433122, 2019", "absolute poverty", "no absolutely poor household in any village — units not covered"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestClassTable checks that the table of classes has a header and that
// its figures end in the column where the header's do, in Chinese, whose
// characters take two columns.
func TestClassTable(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run([]string{"-per", "20", "-lang", lang}, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			lines := strings.Split(out.String(), "\n")[1:6]
			if want := map[string]string{"zh": "风险类别", "en": "class"}[lang]; !strings.HasPrefix(strings.TrimSpace(lines[0]), want) {
				t.Fatalf("the table's first line is %q, want a header starting %q", lines[0], want)
			}
			for _, l := range lines {
				if got, want := runewidth.StringWidth(l), runewidth.StringWidth(lines[0]); got != want {
					t.Errorf("line %q is %d columns wide, the header %d", l, got, want)
				}
			}
		})
	}
}

func TestFile(t *testing.T) {
	villages := []string{"433122102201", "433122102202"} // under 达岚镇 (433122102)
	var b bytes.Buffer
	if err := prevention.WriteCSV(&b, prevention.Generate(villages, 30, 3)); err != nil {
		t.Fatal(err)
	}
	b.WriteString("bad-1,433122102201,0,100,0,0,0,0,0,0,0,\n")
	b.WriteString("lost-1,433122999201,2,100,0,0,0,0,0,0,0,\n") // no such township
	file := filepath.Join(t.TempDir(), "households.csv")
	os.WriteFile(file, b.Bytes(), 0o644)
	var out, errOut bytes.Buffer
	// The report is of the households that could be read; the exit status
	// says two were left out.
	if code := run([]string{"-file", file, "-lang", "en"}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1 for the households left out: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "household bad-1: members") || !strings.Contains(errOut.String(), "household lost-1: village") ||
		!strings.Contains(errOut.String(), "2 households left out of the counts") {
		t.Errorf("the bad households are not reported:\n%s", errOut.String())
	}
	if !strings.Contains(out.String(), "x 2") {
		t.Errorf("want the 2 villages of the file as the population:\n%s", out.String())
	}
}
