package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReported(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-lang", "en"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errOut.String(), out.String())
	}
	for _, want := range []string{"✔       D1    critical", "teams in all", "123 = 123", "✔       D3 ", "✔       D7 ", "✔       D8b",
		"✔       D10 ", "on the national list <= the nation's 832", "40 <= 832", "Hunan ledger consistency rules", "national ledger consistency rules",
		"12 rules: 12 hold, 0 violated, 0 undecided, 0 not checked", "6 rules: 6 hold, 0 violated, 0 undecided, 0 not checked", "legend: ✔ holds; ✘ violated"} {
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
	for _, want := range []string{"✘       D3", "175 establishments > 149 establishments", "left: star-spaces-filed 430000 2019 175 establishments"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// A rule the figures' qualifiers let hold or fail is undecided, not
// violated: 不到160 filed beside 150余 in all may be either.
func TestUndecidedIsNotViolation(t *testing.T) {
	file := filepath.Join(t.TempDir(), "approx.csv")
	os.WriteFile(file, []byte("indicator,region,period,value\n"+
		"star-spaces,430000,2019,150余家\n"+
		"star-spaces-filed,430000,2019,不到160家\n"), 0o644)
	var out, errOut bytes.Buffer
	code := run([]string{"-catalogue", "hunan", "-lang", "en", file}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d, want 0: an undecided rule is no violation\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{"?       D3", "less than 160 establishments <= more than 150 establishments", "1 undecided"} {
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
	for _, want := range []string{"✘       D1 ", "123 != 130", "right: expert-teams-total 430000 2019 130\n",
		// D3 compares star spaces, which the file does not hold: it says
		// which side has no data, not 0 <= 0.
		"-       D3    critical  nationally filed star spaces <= all star spaces",
		"no data for the left side: star-spaces-filed 430000 as of 2019-12-31; no data for the right side: star-spaces 430000 as of 2019-12-31"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "()") {
		t.Errorf("records without a source show empty parentheses:\n%s", out.String())
	}
}

// TestNothingChecked checks files that give the Hunan rules nothing to
// compare: one without records, and one with a single figure that no rule
// compares. Every rule says why it was not checked, the run says that
// nothing was, and it exits 3 unless -allow-empty is given.
func TestNothingChecked(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, []byte("indicator,region,period,value\n"), 0o644)
	training := filepath.Join(dir, "training.csv")
	os.WriteFile(training, []byte("indicator,region,period,value\n"+
		"training-sessions,430000,2018,5746场\n"), 0o644)
	for _, c := range []struct {
		name string
		args []string
		code int
	}{
		{"no records", []string{empty}, 3},
		{"no records, allowed", []string{"-allow-empty", empty}, 0},
		{"one figure no rule compares", []string{training}, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(append([]string{"-catalogue", "hunan", "-lang", "en"}, c.args...), &out, &errOut)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, c.code, out.String(), errOut.String())
			}
			for _, want := range []string{"12 rules: 0 hold, 0 violated, 0 undecided, 12 not checked", "No rule could be checked",
				"no data for the left side: poor-counties-with-teams 430000 as of 2018-12-31, new-non-poor-teams 430000 2019",
				"nothing to compare (no indicator has two records)"} {
				if !strings.Contains(out.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, out.String())
				}
			}
			if strings.Contains(out.String(), "0 = 0") || strings.Contains(out.String(), "0 <= 0") {
				t.Errorf("a rule not checked shows figures:\n%s", out.String())
			}
		})
	}
}

// TestAligned checks that the columns of the table start at the same
// display column on every row, in Chinese, whose characters take two.
func TestAligned(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(out.String(), "\n")
	header := lines[1]
	starts := func(line string) []int {
		var cols []int
		col, gap := 0, 0
		for _, r := range line {
			if r == ' ' {
				gap++
			} else {
				if gap >= 2 && col > 2 {
					cols = append(cols, col)
				}
				gap = 0
			}
			col += width.RuneWidth(r)
		}
		return cols
	}
	want := starts(header)
	for _, l := range lines[2:13] {
		got := starts(l)
		if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
			t.Errorf("line %q has cells at %v, the header at %v", l, got, want)
		}
	}
}
