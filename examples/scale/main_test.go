package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestTinyLedger(t *testing.T) {
	// Four villages: A has two commissioners (two equal 2018 rows, both
	// counted), C's is from 2020 (after the date); leaders A 4, B 3, C 6
	// (two equal rows), D none; training 300 + 300 + 45 by 2019; one county
	// of two with a star space.
	dir := t.TempDir()
	out, list := filepath.Join(dir, "results.txt"), filepath.Join(dir, "uncovered.txt")
	var errOut bytes.Buffer
	if code := run([]string{"-dir", "testdata", "-asof", "2019", "-out", out, "-list", list}, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got, _ := os.ReadFile(out)
	const want = "asof 2019\nvillages 4\na.covered 1\na.uncovered 3\nb.in_range_3_5 2\nb.below_3 1\nb.above_5 1\nc.training_total 645\nd.counties_with_star 1\nd.counties 2\n"
	if string(got) != want {
		t.Errorf("results =\n%s\nwant\n%s", got, want)
	}
	uncovered, _ := os.ReadFile(list)
	if string(uncovered) != "433122100202\n433130100201\n433130100202\n" {
		t.Errorf("uncovered = %q", uncovered)
	}
}
