package program

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/texttable"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

// WriteMarkdown writes the report as Markdown, for a README or an issue: a
// heading with the program, the date and the source, a table with a row
// per target, the summary, and any notes.
func (r Report) WriteMarkdown(w io.Writer, lang outcome.Lang) error {
	lb := textLabels[lang&1]
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### %s (`%s`)\n\n", mdEscape(r.Name.In(lang)), r.Program)
	fmt.Fprintf(bw, "%s %s", lb.asOf, r.AsOf.Format(time.DateOnly))
	if !r.Source.IsZero() {
		fmt.Fprintf(bw, " · %s %s", lb.source, mdEscape(r.Source.String()))
	}
	bw.WriteString("\n\n")
	for i, row := range r.Table(lang) {
		bw.WriteString("|")
		for _, cell := range row {
			bw.WriteString(" " + mdEscape(strings.ReplaceAll(cell, "  ", "\u3000")) + " |")
		}
		bw.WriteString("\n")
		if i == 0 {
			bw.WriteString("|" + strings.Repeat(" --- |", len(row)) + "\n")
		}
	}
	bw.WriteString("\n")
	writeSummary(bw, r.Summary, lb)
	if notes := r.notes(lang); len(notes) > 0 {
		bw.WriteString("\n")
		for _, n := range notes {
			fmt.Fprintf(bw, "- %s\n", mdEscape(n))
		}
	}
	return bw.Flush()
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`).Replace(s)
}

func writeSummary(w io.Writer, s Summary, lb labels) {
	fmt.Fprintf(w, lb.summaryFormat, s.Targets, s.Met, s.InProgress, s.Missed, s.Exceeded, s.NoData)
	if s.Recorded > 0 {
		fmt.Fprintf(w, lb.recordedFormat, s.Recorded)
	}
	io.WriteString(w, "\n")
}

// notes returns every result's notes as "target: note" in lang.
func (r Report) notes(lang outcome.Lang) []string {
	var out []string
	var walk func(res target.Result)
	walk = func(res target.Result) {
		for _, n := range res.Notes {
			out = append(out, res.Name.In(lang)+": "+n.In(lang))
		}
		for _, p := range res.Parts {
			walk(p)
		}
	}
	for _, res := range r.Results {
		walk(res)
	}
	return out
}

// csvColumns are the columns of [Report.WriteCSV].
var csvColumns = []string{"program", "as_of", "target", "name", "kind", "status", "certainty", "certain",
	"required", "achieved", "progress", "expected", "pace", "covered", "units", "deadline", "source"}

// WriteCSV writes the report as CSV with one row per target (a part of an
// all-of target has the id "whole/part"), in columns meant for other
// programs: program, as_of, target, name (in lang), kind, status,
// certainty, certain, required, achieved, progress and expected (decimal
// ratios, 1 is 100%), pace, covered, units, deadline, source. Empty cells
// mean "not applicable" or "no data".
func (r Report) WriteCSV(w io.Writer, lang outcome.Lang) error {
	cw := csv.NewWriter(w)
	cw.Write(csvColumns)
	var walk func(res target.Result, prefix string)
	walk = func(res target.Result, prefix string) {
		row := []string{r.Program, r.AsOf.Format(time.DateOnly), prefix + res.ID, res.Name.In(lang), res.Kind.String(),
			res.Status.String(), res.Certainty.String(), fmt.Sprint(res.Certain()), res.Required.String(), "", "", "", "", "", "",
			"", res.Source.String()}
		if res.Status != target.NoData {
			row[9] = res.Achieved.String()
			if res.Status != target.Recorded {
				row[10] = res.Progress.String()
			}
		}
		if res.Pace != target.PaceUnknown {
			row[11], row[12] = res.Expected.String(), res.Pace.String()
		}
		if !res.PerUnit.IsZero() {
			row[8] = res.PerUnit.String()
			row[13], row[14] = fmt.Sprint(res.Covered), fmt.Sprint(res.Units)
		}
		if !res.Deadline.IsZero() {
			row[15] = res.Deadline.Format(time.DateOnly)
		}
		cw.Write(row)
		for _, p := range res.Parts {
			walk(p, prefix+res.ID+"/")
		}
	}
	for _, res := range r.Results {
		walk(res, "")
	}
	cw.Flush()
	return cw.Error()
}

// Status colours of the SVG chart.
var statusColours = map[target.Status]string{
	target.Met:        "#2e7d32",
	target.InProgress: "#1565c0",
	target.Missed:     "#c62828",
	target.Exceeded:   "#6a1b9a",
	target.Recorded:   "#757575",
	target.NoData:     "#bdbdbd",
}

// WriteSVG writes the report as an SVG bar chart: a horizontal bar per
// target showing progress against 100% (bars are drawn to 150% at most, and
// labelled with the true figure), coloured by status, labelled in lang,
// with the program, the date and the source. Targets without data show an
// empty track and the words "no data"; figures that are recorded without a
// requirement have no bar. The output is deterministic.
func (r Report) WriteSVG(w io.Writer, lang outcome.Lang) error {
	lb := textLabels[lang&1]
	type bar struct {
		depth        int
		label, value string
		status       target.Status
		progress     decimal.Decimal
		certain      bool
	}
	var bars []bar
	var walk func(res target.Result, depth int)
	walk = func(res target.Result, depth int) {
		b := bar{depth: depth, label: res.Name.In(lang), status: res.Status, progress: res.Progress, certain: res.Certain()}
		switch res.Status {
		case target.NoData:
			b.value = res.Status.Name().In(lang)
		case target.Recorded:
			b.value = res.Achieved.In(lang)
		default:
			b.value = percent(res.Progress) + " " + res.Status.Name().In(lang)
			if !b.certain {
				b.value += lb.approx
			}
		}
		bars = append(bars, b)
		for _, p := range res.Parts {
			walk(p, depth+1)
		}
	}
	for _, res := range r.Results {
		walk(res, 0)
	}

	const (
		fontSize  = 14
		rowHeight = 28
		barHeight = 16
		track     = 360 // pixels for 100%
		maxScale  = 150 // bars are drawn up to 150%
		pad       = 16
		headerH   = 64
		indentW   = 16 // pixels a part is indented under its whole
	)
	maxRatio := decimal.New(maxScale, -2)
	labelW := 0
	for _, b := range bars {
		labelW = max(labelW, texttable.Width(b.label)*fontSize/2+b.depth*indentW)
	}
	labelPx := labelW + pad
	barX := pad + labelPx
	width := barX + track*maxScale/100 + 200
	height := headerH + len(bars)*rowHeight + 40

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="%d">`+"\n",
		width, height, width, height, fontSize)
	fmt.Fprintf(bw, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(bw, `<text x="%d" y="%d" font-size="18" font-weight="bold">%s</text>`+"\n", pad, 26, esc(r.Name.In(lang)))
	sub := lb.asOf + " " + r.AsOf.Format(time.DateOnly)
	if !r.Source.IsZero() {
		sub += " · " + lb.source + " " + r.Source.String()
	}
	fmt.Fprintf(bw, `<text x="%d" y="%d" fill="#555555">%s</text>`+"\n", pad, 48, esc(sub))
	// The 100% line.
	x100 := barX + track
	fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#9e9e9e" stroke-dasharray="4 3"/>`+"\n",
		x100, headerH-6, x100, headerH+len(bars)*rowHeight)
	fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="middle" fill="#757575" font-size="11">100%%</text>`+"\n", x100, headerH-10)
	for i, b := range bars {
		y := headerH + i*rowHeight
		cy := y + rowHeight/2
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n", pad+b.depth*indentW, cy, esc(b.label))
		colour := statusColours[b.status]
		if b.status != target.Recorded {
			fmt.Fprintf(bw, `<rect x="%d" y="%d" width="%d" height="%d" fill="#f0f0f0"/>`+"\n", barX, cy-barHeight/2, track, barHeight)
		}
		valueX := barX + 8
		if b.status != target.NoData && b.status != target.Recorded {
			px := int(decimal.Min(b.progress, maxRatio).Mul(decimal.NewFromInt(track)).Round(0).IntPart())
			opacity := ""
			if !b.certain {
				opacity = ` fill-opacity="0.55"`
			}
			fmt.Fprintf(bw, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"%s/>`+"\n", barX, cy-barHeight/2, px, barHeight, colour, opacity)
			valueX = barX + max(px, track) + 8
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" fill="%s">%s</text>`+"\n", valueX, cy, colour, esc(b.value))
	}
	s := r.Summary
	var foot strings.Builder
	fmt.Fprintf(&foot, lb.summaryFormat, s.Targets, s.Met, s.InProgress, s.Missed, s.Exceeded, s.NoData)
	if s.Recorded > 0 {
		fmt.Fprintf(&foot, lb.recordedFormat, s.Recorded)
	}
	fmt.Fprintf(bw, `<text x="%d" y="%d" fill="#555555" font-size="12">%s</text>`+"\n", pad, height-14, esc(foot.String()))
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// esc escapes text for XML.
func esc(s string) string { return html.EscapeString(s) }
