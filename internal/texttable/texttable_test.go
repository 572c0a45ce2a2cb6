package texttable

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mattn/go-runewidth"
)

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want int
	}{
		{"ASCII", "met", 3},
		{"Chinese and ASCII", "湖南a", 5},
		{"fullwidth punctuation", "「七个一」，", 12},
		{"ambiguous counts one", "—×“”", 4},
		{"combining mark counts none", "e\u0301", 1},
		{"emoji sequence is one glyph", "👩\u200d🌾", 2},
		{"empty", "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Width(c.in); got != c.want {
				t.Errorf("Width(%q) = %d, want %d", c.in, got, c.want)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	rows := [][]string{
		{"目标", "要求", "状态"},
		{"a", "3 000—5 000个", "已达成"},
		{"每个贫困县", "—", "met"},
		{"“三区”人才", "≥1000 × 2…", "—"},
	}
	for _, c := range []struct {
		name string
		opts Options
		want string
	}{
		{"plain equivalents", Options{}, "" +
			"目标        要求           状态\n" +
			"a           3 000-5 000个  已达成\n" +
			"每个贫困县  -              met\n" +
			"\"三区\"人才  >=1000 x 2...  -\n"},
		{"ambiguous wide", Options{AmbiguousWide: true}, "" +
			"目标          要求            状态\n" +
			"a             3 000—5 000个  已达成\n" +
			"每个贫困县    —              met\n" +
			"“三区”人才  ≥1000 × 2…   —\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := c.opts.Write(&b, rows); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, b.String()); diff != "" {
				t.Errorf("Write mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAlignedInEveryTerminal checks that a table of the zero Options has
// its columns at the same place in a terminal that draws ambiguous
// characters narrow and in one that draws them wide.
func TestAlignedInEveryTerminal(t *testing.T) {
	rows := [][]string{
		{"目标", "要求", "实际", "状态"},
		{"≥1000 federations", "3 000—5 000个", "—", "met"},
		{"“三区”科技人才 × 2", "近1000名…", "±5", "推进中"},
		{"→ 每个贫困村", "≤ 12.8万个", "1·2", "—"},
	}
	var b bytes.Buffer
	if err := Write(&b, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	// starts returns the display column where each cell after the first
	// begins, as a terminal measuring by cond shows the line.
	starts := func(line string, cond *runewidth.Condition) []int {
		var out []int
		col, gap := 0, 0
		for _, r := range line {
			if r == ' ' {
				gap++
			} else {
				if gap >= 2 {
					out = append(out, col)
				}
				gap = 0
			}
			col += cond.RuneWidth(r)
		}
		return out
	}
	for _, cond := range []*runewidth.Condition{narrow, wide} {
		want := starts(lines[0], cond)
		for _, l := range lines[1:] {
			if got := starts(l, cond); !cmp.Equal(want, got) {
				t.Errorf("EastAsianWidth=%v: line %q has cells at %v, the header at %v", cond.EastAsianWidth, l, got, want)
			}
		}
	}
}
