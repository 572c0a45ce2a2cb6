package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/program/prevention"
)

func TestGenerated(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-per", "20", "-lang", "en"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"泸溪县 433122, 2019", "absolute poverty", "no absolutely poor household in any village — units short"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
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
	if code := run([]string{"-file", file, "-lang", "en"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "household bad-1: members") || !strings.Contains(errOut.String(), "household lost-1: village") {
		t.Errorf("the bad household is not reported:\n%s", errOut.String())
	}
	if !strings.Contains(out.String(), "× 2") {
		t.Errorf("want the 2 villages of the file as the population:\n%s", out.String())
	}
}
