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
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// WriteMarkdown writes the report as Markdown, for a README or an issue: a
// heading with the program, the date and the source, a table with a row
// per target (the columns of [Report.Table]), the summary, a legend of the
// marks used, and any notes.
func (r Report) WriteMarkdown(w io.Writer, in lang.Lang) error {
	lb := textLabels[in&1]
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### %s (`%s`)\n\n", mdEscape(r.Name.In(in)), r.Program)
	fmt.Fprintf(bw, "%s %s", lb.asOf, r.AsOf.Format(time.DateOnly))
	if !r.Source.IsZero() {
		fmt.Fprintf(bw, " · %s %s", lb.source, mdEscape(citationIn(r.Source, in)))
	}
	bw.WriteString("\n\n")
	for i, row := range r.Table(in) {
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
	bw.WriteString(mdEscape(r.Summary.In(in)) + "\n")
	if legend := r.Legend(in); len(legend) > 0 {
		bw.WriteString("\n")
		for _, l := range legend {
			bw.WriteString(mdEscape(l) + "\n")
		}
	}
	if notes := r.notes(in); len(notes) > 0 {
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

// notes returns every result's notes as "target: note" in lang.
func (r Report) notes(in lang.Lang) []string {
	var out []string
	var walk func(res target.Result)
	walk = func(res target.Result) {
		for _, n := range res.Notes {
			out = append(out, res.Name.In(in)+": "+n.In(in))
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
	"required", "achieved", "progress", "expected", "pace", "covered", "units", "deadline", "source",
	"data_as_of", "stale", "bounds"}

// WriteCSV writes the report as CSV with one row per target (a part of an
// all-of target has the id "whole/part"), in columns meant for other
// programs: program, as_of, target, name (in lang), kind, status,
// certainty, certain, required, achieved, progress and expected (decimal
// ratios, 1 is 100%; progress is empty where the text report shows none,
// as for an undecided figure, see [target.Result.ShownProgress]), pace,
// covered, units, deadline, source (the document by title, journal and
// year, as [outcome.Citation.In] writes it in lang; the JSON report keeps
// the locator), then data_as_of (the date of the figures), stale (true
// when they are older than the reporting period, a year) and bounds (the
// values the achieved figure's qualifiers allow, as an interval:
// "[49,51]", "(70,)" for more than 70 with no upper bound, "(,1000)" for
// less than 1000). For a per-unit target (every county, each year),
// required is what each unit needs (3—5位), achieved the count of units
// that have it and covered and units say of how many. Empty cells mean
// "not applicable" or "no data".
func (r Report) WriteCSV(w io.Writer, in lang.Lang) error {
	cw := csv.NewWriter(w)
	cw.Write(csvColumns)
	var walk func(res target.Result, prefix string)
	walk = func(res target.Result, prefix string) {
		row := []string{r.Program, r.AsOf.Format(time.DateOnly), prefix + res.ID, res.Name.In(in), res.Kind.Name().En,
			res.Status.Name().En, res.Certainty.Name().In(lang.English), fmt.Sprint(res.Certain()), res.Required.String(), "", "", "", "", "", "",
			"", citationIn(res.Source, in), "", "", ""}
		if hasFigure(res) {
			row[9] = res.Achieved.String()
			// Progress where the text shows one ([target.Result.ShownProgress]):
			// not for an undecided figure, nor a stated figure that reaches
			// a target its bounds miss.
			if _, ok := res.ShownProgress(); ok {
				row[10] = res.Progress.String()
			}
			if !res.DataAsOf.IsZero() {
				row[17], row[18] = res.DataAsOf.Format(time.DateOnly), fmt.Sprint(res.Stale)
			}
			row[19] = interval(res.Bounds)
		}
		if res.Pace != target.PaceUnknown {
			row[11], row[12] = res.Expected.String(), res.Pace.Name().En
		}
		if !res.PerUnit.IsZero() {
			row[8] = res.PerUnit.String()
			row[14] = fmt.Sprint(res.Units)
			if hasFigure(res) {
				row[13] = fmt.Sprint(res.Covered) // without data, unknown: not 0
			}
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

// interval writes bounds in interval notation: a bracket for a bound that
// is included, a parenthesis for one excluded or unknown (left empty).
func interval(b quantity.Bounds) string {
	open, lo, hi, close := "(", "", "", ")"
	if b.HasLo {
		lo = b.Lo.String()
		if !b.LoOpen {
			open = "["
		}
	}
	if b.HasHi {
		hi = b.Hi.String()
		if !b.HiOpen {
			close = "]"
		}
	}
	return open + lo + "," + hi + close
}

// Status colours of the SVG chart, in the order its legend lists them.
var statusColours = []struct {
	status target.Status
	colour string
}{
	{target.Met, "#2e7d32"},
	{target.InProgress, "#1565c0"},
	{target.Missed, "#c62828"},
	{target.Exceeded, "#6a1b9a"},
	{target.Undecided, "#ef6c00"},
	{target.NoFigureAtDeadline, "#8d6e63"},
	{target.NotStarted, "#78909c"},
	{target.NoData, "#bdbdbd"},
	{target.Recorded, "#757575"},
}

func statusColour(st target.Status) string {
	for _, c := range statusColours {
		if c.status == st {
			return c.colour
		}
	}
	return "#000000"
}

// svgLabels are the words of the chart's legend.
var svgLabels = [...]struct{ requirement, dated string }{lang.Chinese: {requirement: "要求 (100%)", dated: "日期: 数据截至"}, lang.English: {requirement: "requirement (100%)", dated: "date: data as of"}}

// WriteSVG writes the report as an SVG bar chart: a horizontal bar per
// target showing progress against 100% (bars are drawn to 150% at most, and
// labelled with the true figure), coloured by status, labelled in lang
// with the date of the figures (marked when stale) and, for an undecided
// result, the bounds of its figure; with the program, the date and the
// source above, and below a legend of every colour and mark used and the
// summary. Targets without data or not started show an empty track and
// their status; figures that are recorded without a requirement have no
// bar. The output is deterministic.
func (r Report) WriteSVG(w io.Writer, in lang.Lang) error {
	lb := textLabels[in&1]
	type bar struct {
		depth        int
		label, value string
		status       target.Status
		progress     decimal.Decimal
	}
	var bars []bar
	used := map[target.Status]bool{}
	dated := false
	var walk func(res target.Result, depth int)
	walk = func(res target.Result, depth int) {
		b := bar{depth: depth, label: res.Name.In(in), status: res.Status, progress: res.Progress}
		used[res.Status] = true
		switch {
		case !hasFigure(res):
			b.value = res.Status.Name().In(in)
		case res.Status == target.Recorded:
			b.value = quantityIn(res.Achieved, in)
		default:
			b.value = res.Percent() + " " + res.Status.Name().In(in)
		}
		if res.Status == target.Undecided {
			b.value += " (" + res.Bounds.In(in) + ")"
		}
		if d := dataAsOf(res, lb); d != "—" {
			b.value += " · " + d
			dated = true
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
		subH      = 18 // a line under the title
		indentW   = 16 // pixels a part is indented under its whole
		legendH   = 20 // a line of the legend
		legendFS  = 12 // the legend's font size
		swatch    = 12
	)
	maxRatio := decimal.New(maxScale, -2)
	drawn := func(st target.Status) bool {
		return st != target.NoData && st != target.NotStarted && st != target.Recorded
	}
	barPx := func(b bar) int {
		return int(decimal.Min(b.progress, maxRatio).Mul(decimal.NewFromInt(track)).Round(0).IntPart())
	}
	// A value is written after its bar, or at the start of an empty track.
	valueOffset := func(b bar) int {
		if drawn(b.status) {
			return max(barPx(b), track) + 8
		}
		return 8
	}
	labelW, valueEnd := 0, track*maxScale/100+200
	for _, b := range bars {
		labelW = max(labelW, texttable.Width(b.label)*fontSize/2+b.depth*indentW)
		valueEnd = max(valueEnd, valueOffset(b)+texttable.Width(b.value)*fontSize/2+pad)
	}
	labelPx := labelW + pad
	barX := pad + labelPx
	width := barX + valueEnd
	// Under the title, the date and the source: on one line, or on two
	// where one would be wider than the chart (a long title); the wider
	// of the two then sets the width.
	subs := []string{lb.asOf + " " + r.AsOf.Format(time.DateOnly)}
	if !r.Source.IsZero() {
		src := lb.source + " " + citationIn(r.Source, in)
		if line := subs[0] + " · " + src; pad+texttable.Width(line)*fontSize/2+pad <= width {
			subs[0] = line
		} else {
			subs = append(subs, src)
		}
	}
	for _, l := range subs {
		width = max(width, pad+texttable.Width(l)*fontSize/2+pad)
	}
	headerH := 64 + (len(subs)-1)*subH

	// The legend: a swatch and a name per status used, the 100% line, and
	// what the date beside a figure and the stale mark mean; laid out in
	// lines no wider than the chart.
	type item struct {
		colour, text string
		dashed       bool // a dashed line, not a swatch
	}
	var items []item
	for _, c := range statusColours {
		if used[c.status] {
			items = append(items, item{colour: c.colour, text: c.status.Name().In(in)})
		}
	}
	items = append(items, item{colour: "#9e9e9e", text: svgLabels[in&1].requirement, dashed: true})
	if dated {
		items = append(items, item{text: svgLabels[in&1].dated})
	}
	for _, l := range r.Legend(in) {
		items = append(items, item{text: l})
	}
	type placed struct {
		item
		x, row int
	}
	itemW := func(it item) int {
		w := texttable.Width(it.text) * legendFS / 2
		if it.colour != "" {
			w += swatch + 6
		}
		return w
	}
	for _, it := range items {
		width = max(width, pad+itemW(it)+pad)
	}
	var legend []placed
	x, lines := pad, 1
	for _, it := range items {
		w := itemW(it)
		if x > pad && x+w > width-pad {
			x, lines = pad, lines+1
		}
		legend = append(legend, placed{it, x, lines - 1})
		x += w + 18
	}
	legendY := headerH + len(bars)*rowHeight + 24
	height := legendY + lines*legendH + 30

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="%d">`+"\n",
		width, height, width, height, fontSize)
	fmt.Fprintf(bw, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(bw, `<text x="%d" y="%d" font-size="18" font-weight="bold">%s</text>`+"\n", pad, 26, esc(r.Name.In(in)))
	for i, l := range subs {
		fmt.Fprintf(bw, `<text x="%d" y="%d" fill="#555555">%s</text>`+"\n", pad, 48+i*subH, esc(l))
	}
	// The 100% line.
	x100 := barX + track
	fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#9e9e9e" stroke-dasharray="4 3"/>`+"\n",
		x100, headerH-6, x100, headerH+len(bars)*rowHeight)
	fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="middle" fill="#757575" font-size="11">100%%</text>`+"\n", x100, headerH-10)
	for i, b := range bars {
		y := headerH + i*rowHeight
		cy := y + rowHeight/2
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n", pad+b.depth*indentW, cy, esc(b.label))
		colour := statusColour(b.status)
		if b.status != target.Recorded {
			fmt.Fprintf(bw, `<rect x="%d" y="%d" width="%d" height="%d" fill="#f0f0f0"/>`+"\n", barX, cy-barHeight/2, track, barHeight)
		}
		if drawn(b.status) {
			fmt.Fprintf(bw, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", barX, cy-barHeight/2, barPx(b), barHeight, colour)
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" fill="%s">%s</text>`+"\n", barX+valueOffset(b), cy, colour, esc(b.value))
	}
	for _, it := range legend {
		y := legendY + it.row*legendH
		x := it.x
		switch {
		case it.dashed:
			fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="4 3"/>`+"\n", x+swatch/2, y-swatch/2, x+swatch/2, y+swatch/2, it.colour)
			x += swatch + 6
		case it.colour != "":
			fmt.Fprintf(bw, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", x, y-swatch/2, swatch, swatch, it.colour)
			x += swatch + 6
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" fill="#555555" font-size="%d">%s</text>`+"\n", x, y, legendFS, esc(it.text))
	}
	fmt.Fprintf(bw, `<text x="%d" y="%d" fill="#555555" font-size="12">%s</text>`+"\n", pad, height-14, esc(r.Summary.In(in)))
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// esc escapes text for XML.
func esc(s string) string { return html.EscapeString(s) }
