package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("run() = %d, stderr:\n%s", code, errs.String())
	}
	for _, want := range []string{"导入 hunan-2019.csv: 93 条", "v2  103家", "近100家", "已整改 2", "2020-01-31 所知的台账"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestNational imports a small ledger in the scale benchmark's layout
// (testdata/national) and evaluates its four targets as of 2019 from the
// store. By hand: 110101001201 has two commissioners in 2018 and leaders
// 2+1 in 2019; 110101001202 no commissioner and 6 leaders; 110102001201
// its first commissioner only in 2020, after the day; training 300 in
// 2019 (the 50 of 2020 come later); a star space in county 110102 only.
func TestNational(t *testing.T) {
	dir := t.TempDir()
	out, list := filepath.Join(dir, "results.txt"), filepath.Join(dir, "uncovered.txt")
	var stdout, stderr bytes.Buffer
	args := []string{"-db", filepath.Join(dir, "national.db"), "-national", "testdata/national", "-import", "-asof", "2019", "-out", out, "-list", list}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("run(%q) = %d, stderr:\n%s", args, code, stderr.String())
	}
	want := "asof 2019\nvillages 3\na.covered 1\na.uncovered 2\nb.in_range_3_5 1\nb.below_3 1\nb.above_5 1\nc.training_total 300\nd.counties_with_star 1\nd.counties 2\n"
	if got, err := os.ReadFile(out); err != nil || string(got) != want {
		t.Errorf("results = %q, %v; want %q", got, err, want)
	}
	wantList := "110101001202\n110102001201\n"
	if got, err := os.ReadFile(list); err != nil || string(got) != wantList {
		t.Errorf("uncovered villages = %q, %v; want %q", got, err, wantList)
	}
	if !strings.Contains(stderr.String(), "imported 7 figures") {
		t.Errorf("stderr lacks the count of figures imported (9 rows, 2 of them summed into others):\n%s", stderr.String())
	}
}
