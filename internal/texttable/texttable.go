// Package texttable writes rows of text as aligned columns for a terminal.
//
// The width of a cell is measured by Unicode's East Asian Width (UAX #11)
// with github.com/mattn/go-runewidth: wide and fullwidth characters (汉字,
// 「」, ，) take two columns, combining marks and joiners none, and an emoji
// sequence is one glyph.
//
// Characters of ambiguous width (—, ×, “ ”, …, ≥, →) are drawn one column
// wide by most terminals and two by terminals set for CJK and by many CJK
// fonts, so no padding can align them in both. [Write] therefore writes each
// that has a plain equivalent as that equivalent (— as -, × as x, “ ” as ",
// … as ..., ≥ as >=), and the table aligns whatever the terminal draws them
// as. [Options.AmbiguousWide] keeps them and counts them two columns wide,
// for a terminal that is set to draw them wide. Other ambiguous characters
// (§, ③) are kept and counted one column wide.
package texttable

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// Options says how a table is measured. The zero value writes plain
// equivalents for the ambiguous characters that have one and counts the
// rest one column wide: the table aligns in every terminal.
type Options struct {
	// AmbiguousWide keeps characters of ambiguous width as they are and
	// counts them two columns wide, as a terminal set to draw them wide
	// (a "CJK" or "East Asian ambiguous width" setting) shows them. Such a
	// table is misaligned in other terminals.
	AmbiguousWide bool
}

// narrow and wide measure by East Asian Width with ambiguous characters one
// or two columns wide. They are set once and never changed: the
// environment (RUNEWIDTH_EASTASIAN, the locale), which go-runewidth's
// defaults follow, does not change a table.
var (
	narrow = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}
	wide   = &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}
)

// plain replaces the ambiguous-width characters that have a plain
// equivalent.
var plain = strings.NewReplacer(
	"—", "-", "–", "-", "―", "-", "‐", "-",
	"“", `"`, "”", `"`, "‘", "'", "’", "'",
	"…", "...", "×", "x", "÷", "/", "·", ".",
	"≥", ">=", "≤", "<=", "≠", "!=", "±", "+/-",
	"→", "->", "←", "<-",
)

// Write writes rows with each column padded to its widest cell and two
// spaces between columns, trailing spaces trimmed, with the zero
// [Options].
func Write(w io.Writer, rows [][]string) error { return Options{}.Write(w, rows) }

// Write writes rows with each column padded to its widest cell and two
// spaces between columns; trailing spaces are trimmed. Rows may have
// different numbers of cells.
func (o Options) Write(w io.Writer, rows [][]string) error {
	cond := narrow
	cells := rows
	if o.AmbiguousWide {
		cond = wide
	} else {
		cells = make([][]string, len(rows))
		for i, r := range rows {
			cells[i] = make([]string, len(r))
			for j, c := range r {
				cells[i][j] = plain.Replace(c)
			}
		}
	}
	var widths []int
	for _, r := range cells {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cond.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range cells {
		b.Reset()
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cond.StringWidth(c)+2))
			}
		}
		if _, err := io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// Width returns how many terminal columns s takes by East Asian Width,
// characters of ambiguous width counted one column wide.
func Width(s string) int { return narrow.StringWidth(s) }
