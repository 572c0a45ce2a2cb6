package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/xlsx"
)

func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestList(t *testing.T) {
	code, out, _ := runArgs(t, "-list")
	if code != 0 || !strings.Contains(out, "hunan/seven-ones") || !strings.Contains(out, "national/bai-qian-wan") {
		t.Errorf("-list: exit %d\n%s", code, out)
	}
}

func TestFormats(t *testing.T) {
	// The same ledger as CSV, JSON Lines and Excel gives the same report.
	l, err := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/hunan-2019.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := l.ReadCSV(f, outcome.ReadOptions{Name: f.Name()}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var jb, xb bytes.Buffer
	if err := outcome.WriteJSONL(&jb, l.All()); err != nil {
		t.Fatal(err)
	}
	if err := xlsx.WriteLedger(&xb, l.All()); err != nil {
		t.Fatal(err)
	}
	jsonl, book := filepath.Join(dir, "hunan.jsonl"), filepath.Join(dir, "hunan.xlsx")
	os.WriteFile(jsonl, jb.Bytes(), 0o644)
	os.WriteFile(book, xb.Bytes(), 0o644)

	args := []string{"-program", "hunan/seven-ones", "-asof", "2019-12-31", "-lang", "en"}
	code, want, stderr := runArgs(t, append(args, "testdata/hunan-2019.csv")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{"48/51", "430426  Qidong County", "2 met, 4 in progress, 0 missed, 0 over the limit, 1 no data",
		"431271  Huaihua Hongjiang Administrative Zone  no record", "source [Practical Exploration and Forward-Looking Thoughts on Sci-Tech Targeted Poverty Alleviation in Hunan Province] (in Chinese), §1.4, point 2 [6]"} {
		if !strings.Contains(want, s) {
			t.Errorf("report lacks %q:\n%s", s, want)
		}
	}
	for _, file := range []string{jsonl, book} {
		if code, got, stderr := runArgs(t, append(args, file)...); code != 0 || got != want {
			t.Errorf("%s: exit %d, %s\nreport differs from the CSV one:\n%s", file, code, stderr, got)
		}
	}
	for _, format := range []string{"json", "csv", "md", "svg"} {
		if code, out, _ := runArgs(t, append(args, "-format", format, "testdata/hunan-2019.csv")...); code != 0 || !strings.Contains(out, "featured industry") {
			t.Errorf("-format %s: exit %d\n%s", format, code, out)
		}
	}
}

func TestBrokenFile(t *testing.T) {
	code, out, stderr := runArgs(t, "-program", "hunan/seven-ones", "-asof", "2019-12-31", "testdata/hunan-2019.csv", "testdata/broken.csv")
	if code != 1 || out != "" {
		t.Errorf("exit %d with output %q, want 1 and no report", code, out)
	}
	for _, want := range []string{
		"testdata/broken.csv:3: region \"439999\"",
		"testdata/broken.csv:4: unit \"人次\"",
		"testdata/broken.csv:5: period \"2019-13\"",
		"testdata/broken.csv:6: value \"一个半\"",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("errors lack %q:\n%s", want, stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"-program", "nope"}, {"-program", "hunan/seven-ones", "-asof", "2019"}, {"-program", "hunan/seven-ones", "-format", "pdf"}} {
		if code, _, _ := runArgs(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// TestOfficeFiles reads the files a county office keeps beside a long
// ledger file: a wide sheet, a roster with a person listed twice, and a
// correction, and evaluates the ledger now and as it was known before the
// correction.
func TestOfficeFiles(t *testing.T) {
	args := []string{"-program", "hunan/seven-ones", "-asof", "2019-12-31",
		"-sheet", "testdata/county-sheet.csv", "-roster", "testdata/technician-roster.csv",
		"testdata/hunan-2019.csv", "testdata/hunan-2019-corrections.csv"}
	code, now, stderr := runArgs(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The sheet gives 16 of the 51 counties star spaces or incubators (花垣县's
	// cell is —: no data, not zero).
	for _, want := range []string{"16/51", "103家"} {
		if !strings.Contains(now, want) {
			t.Errorf("report does not show %q:\n%s", want, now)
		}
	}
	// 向明 is listed twice in 泸溪县 for 2019: reported, counted once.
	if !strings.Contains(stderr, "433122198003150011") {
		t.Errorf("the duplicate roster row is not reported: %q", stderr)
	}
	code, before, stderr := runArgs(t, append([]string{"-known", "2020-01-15"}, args...)...)
	if code != 0 {
		t.Fatalf("-known: exit %d: %s", code, stderr)
	}
	if !strings.Contains(before, "近100家") || strings.Contains(before, "103家") {
		t.Errorf("as known on 2020-01-15 the report should show 近100家, not the correction:\n%s", before)
	}
	if strings.Contains(stderr, "counts them as known") {
		t.Errorf("-known 2020-01-15 is after every period, yet: %s", stderr)
	}
	// Known on a day before the 2019 figures' year ends: the figures
	// without a reported day could not have been known, and it says so.
	_, _, stderr = runArgs(t, append([]string{"-known", "2019-06-30", "-lang", "en"}, args...)...)
	if !strings.Contains(stderr, "-known 2019-06-30: ") || !strings.Contains(stderr, "records have no reported day and a period that ends after it") {
		t.Errorf("-known 2019-06-30 does not say which figures it takes as known: %q", stderr)
	}
}

// The office files as Excel on Chinese Windows saves "CSV (逗号分隔)", in
// GB18030, give the report the UTF-8 ones give.
func TestOfficeFilesGB18030(t *testing.T) {
	dir := t.TempDir()
	gbk := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(enc, data) {
			t.Fatalf("%s has no Chinese to encode", name)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	report := func(sheet, roster, ledger string) string {
		t.Helper()
		code, out, stderr := runArgs(t, "-program", "hunan/seven-ones", "-asof", "2019-12-31", "-sheet", sheet, "-roster", roster, ledger)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return out
	}
	want := report("testdata/county-sheet.csv", "testdata/technician-roster.csv", "testdata/hunan-2019.csv")
	got := report(gbk("county-sheet.csv"), gbk("technician-roster.csv"), gbk("hunan-2019.csv"))
	if got != want {
		t.Errorf("GB18030 files give another report:\n%s\nwant:\n%s", got, want)
	}
}
