package trend

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/texttable"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/target"
)

type labels struct {
	columns                           [7]string
	met, unreachable, projected       string
	unconfirmed                       string
	actual, expected, goal            string
	current, stale, staleMark, legend string
	projection, carried, carriedFrom  string
}

var textLabels = [...]labels{lang.Chinese: {
	columns: [7]string{"日期", "实际", "数据截至", "进度", "预期", "状态", "进度对比"},
	met:     "已达成", unreachable: "按当前进度无法达成", projected: "按当前进度预计 %s 达成(年均 %s)",
	unconfirmed: "按已有数据的进度应于 %s 达成(年均 %s), 此后无新数据核实",
	actual:      "实际进度", expected: "预期进度", goal: "目标 100%",
	current: "当期数据", stale: "(旧) 数据早于报告期(一年)", staleMark: "(旧)",
	legend:     "(旧): 数据早于报告期, 距评估日(已过截止日的, 距截止日)已满一年",
	projection: "按当前进度推算",
	carried:    "沿用旧数据(其后无新数据)", carriedFrom: "沿用 %s 数据",
}, lang.English: {
	columns: [7]string{"date", "achieved", "data as of", "progress", "expected", "status", "pace"},
	met:     "met", unreachable: "not at the current pace", projected: "at the current pace, met by %s (%s a year)",
	unconfirmed: "at the pace of its figures, met by %s (%s a year); no later figure confirms it",
	actual:      "progress", expected: "expected", goal: "target 100%",
	current: "current figure", stale: "(stale) figure older than the reporting period, a year", staleMark: " (stale)",
	legend:     "(stale): figures older than the reporting period, a year before the date judged (the as-of date, or the deadline once passed)",
	projection: "projection",
	carried:    "figure carried forward (no newer figure)", carriedFrom: "carried forward from %s",
},
}

func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }

// hasFigure reports whether a result has an achieved figure to show.
func hasFigure(r target.Result) bool {
	return r.Status != target.NoData && r.Status != target.NotStarted
}

// achieved writes a result's figure in lang, the units covered of a
// per-unit target, and the bounds of an undecided one beside it.
func achieved(r target.Result, in lang.Lang) string {
	if !hasFigure(r) {
		return "—"
	}
	s := r.Achieved.In(in)
	if r.Kind == target.KindCoverage || r.Kind == target.KindEachInRange {
		s = fmt.Sprintf("%d/%d", r.Covered, r.Units)
	}
	if r.Status == target.Undecided {
		s += " (" + r.Bounds.In(in) + ")"
	}
	return s
}

// dataAsOf writes the date of a result's figures, marked when stale.
func dataAsOf(r target.Result, in lang.Lang) string {
	if !hasFigure(r) || r.DataAsOf.IsZero() {
		return "—"
	}
	s := r.DataAsOf.Format(time.DateOnly)
	if r.Stale {
		s += textLabels[in&1].staleMark
	}
	return s
}

// WriteText writes each series as a table: a row per date with the figure
// achieved (with its bounds when the verdict is undecided), the date of
// the figure (marked when stale), progress, expected progress, status and
// pace, then the projection; and, when a figure is stale, a line saying
// what the mark means.
func WriteText(w io.Writer, in lang.Lang, series ...Series) error {
	lb := textLabels[in&1]
	bw := bufio.NewWriter(w)
	stale := false
	for i, s := range series {
		if i > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s [%s]\n", s.Name.In(in), s.ID)
		rows := [][]string{lb.columns[:]}
		for _, p := range s.Points {
			r := p.Result
			row := []string{r.AsOf.Format(time.DateOnly), achieved(r, in), dataAsOf(r, in), "—", "—", r.Status.Name().In(in), p.Pace.Name().In(in)}
			if hasFigure(r) && r.Status != target.Recorded {
				row[3] = r.Percent()
			}
			if p.HasExpected {
				row[4] = pct(p.Expected)
			}
			stale = stale || hasFigure(r) && r.Stale
			rows = append(rows, row)
		}
		texttable.Write(bw, rows)
		fmt.Fprintln(bw, s.projectionIn(in))
	}
	if stale {
		fmt.Fprintf(bw, "\n%s\n", lb.legend)
	}
	return bw.Flush()
}

// projectionIn describes the series' projection in lang; a projected date
// the series has already evaluated past on carried-forward figures says
// that no later figure confirms it.
func (s Series) projectionIn(in lang.Lang) string {
	p := s.Projection
	if n := len(s.Points); p.Reachable && !p.Met && n > 0 && !p.Date.After(s.Points[n-1].Result.AsOf) {
		return fmt.Sprintf(textLabels[in&1].unconfirmed, p.Date.Format(time.DateOnly), pct(p.PerYear))
	}
	return p.In(in)
}

// In describes the projection in lang.
func (p Projection) In(in lang.Lang) string {
	lb := textLabels[in&1]
	switch {
	case p.Met:
		return lb.met
	case !p.Reachable:
		return lb.unreachable
	}
	return fmt.Sprintf(lb.projected, p.Date.Format(time.DateOnly), pct(p.PerYear))
}

// Marks of the line chart.
const (
	colourActual    = "#1565c0"
	colourUndecided = "#ef6c00" // as the report's chart colours undecided
	colourExpected  = "#9e9e9e"
	colourGoal      = "#c62828"
)

// FontFamily is the font stack the SVG charts name: a CJK sans-serif font
// that comes with Windows (Microsoft YaHei, SimHei), macOS (PingFang SC,
// Hiragino Sans GB, Heiti SC) or a Linux desktop (Noto Sans CJK SC, Source
// Han Sans SC, WenQuanYi Micro Hei, Droid Sans Fallback), then any
// sans-serif. Where none is installed, Chinese text shows as boxes: on
// Debian and Ubuntu install fonts-noto-cjk, on Fedora
// google-noto-sans-cjk-fonts, on Alpine font-noto-cjk.
const FontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Noto Sans SC','PingFang SC','Hiragino Sans GB','Heiti SC'," +
	"'Microsoft YaHei','SimHei','WenQuanYi Micro Hei','Droid Sans Fallback',sans-serif"

// carried reports whether the figure of point i is the one of an earlier
// point carried forward: no newer figure was recorded since that point.
func carried(points []Point, i int) bool {
	if i == 0 {
		return false
	}
	r, prev := points[i].Result, points[i-1].Result
	return drawn(prev) && r.DataAsOf.Before(r.AsOf) && !r.DataAsOf.After(prev.AsOf) && r.DataAsOf.Equal(prev.DataAsOf)
}

// WriteSVG draws each series as a panel of a line chart, under title:
// progress at each date (dots; a solid line joins consecutive dates whose
// figures are new), figures carried forward (a dashed level line with
// hollow dots from the figure to the last date it was carried to, labelled
// with the date of the figure: no line is drawn across it to the next new
// figure, since nothing is known in between), stale figures (hollow dots),
// undecided verdicts (orange dots), expected progress (grey, dashed), the
// target at 100% (red, dashed), and the projection to 100% (dotted) when it
// falls within the chart. Each dot's tooltip gives its figure, the date of
// the figure and the status. Below each panel a legend lists every mark the
// panel uses, then the projection. A panel whose target has the name of
// the title is not titled again. Progress above 120% is drawn at 120%. The
// chart names the fonts of [FontFamily]; the output is deterministic.
func WriteSVG(w io.Writer, in lang.Lang, title string, series ...Series) error {
	lb := textLabels[in&1]
	const (
		width         = 800
		left, top     = 70, 40
		plotW, plotH  = 640, 150
		gap           = 30
		legendH       = 18 // a line of the legend
		legendTop     = 30 + plotH + 38
		swatchW       = 24
		legendFS      = 12
		legendSpacing = 20
	)
	maxY := decimal.New(12, -1) // 120%

	// The marks a series uses, in the order its legend lists them.
	type mark struct {
		kind, text string // kind: line, dashed, dotted, goal, dot, hollow, carried, undecided
	}
	type panel struct {
		s          Series
		x1         time.Time
		projection bool // the projection line is drawn
		marks      []mark
		rows       []int // the legend line of each mark
		xs         []int
		lines      int // legend lines, the projection's included
	}
	var panels []panel
	height := top
	for _, s := range series {
		if len(s.Points) == 0 {
			panels = append(panels, panel{s: s})
			continue
		}
		pn := panel{s: s, x1: s.Points[len(s.Points)-1].Result.AsOf}
		if pr := s.Projection; pr.Reachable && !pr.Met && pr.Date.After(pn.x1) && pr.Date.Before(pn.x1.AddDate(3, 0, 0)) {
			pn.x1 = pr.Date
		}
		var current, joined, stale, carry, undecided, hasExp int
		for i, p := range s.Points {
			r := p.Result
			if p.HasExpected {
				hasExp++
			}
			if !drawn(r) {
				continue
			}
			switch {
			case carried(s.Points, i):
				carry++
			case r.Status == target.Undecided:
				undecided++
			case r.Stale:
				stale++
			default:
				current++
				if i > 0 && drawn(s.Points[i-1].Result) && !carried(s.Points, i-1) &&
					s.Points[i-1].Result.Status != target.Undecided && !s.Points[i-1].Result.Stale {
					joined++
				}
			}
		}
		if joined > 0 {
			pn.marks = append(pn.marks, mark{"line", lb.actual})
		}
		if current > 0 {
			pn.marks = append(pn.marks, mark{"dot", lb.current})
		}
		if carry > 0 {
			pn.marks = append(pn.marks, mark{"carried", lb.carried})
		}
		if stale > 0 {
			pn.marks = append(pn.marks, mark{"hollow", lb.stale})
		}
		if undecided > 0 {
			pn.marks = append(pn.marks, mark{"undecided", target.Undecided.Name().In(in)})
		}
		if hasExp > 1 {
			pn.marks = append(pn.marks, mark{"dashed", lb.expected})
		}
		pn.marks = append(pn.marks, mark{"goal", lb.goal})
		if pr := s.Projection; pr.Reachable && !pr.Met && !pr.Date.After(pn.x1) && current > 0 {
			pn.projection = true
			pn.marks = append(pn.marks, mark{"dotted", lb.projection})
		}
		x, line := left, 0
		for _, m := range pn.marks {
			w := swatchW + 6 + texttable.Width(m.text)*legendFS/2
			if x > left && x+w > width-20 {
				x, line = left, line+1
			}
			pn.rows, pn.xs = append(pn.rows, line), append(pn.xs, x)
			x += w + legendSpacing
		}
		pn.lines = line + 2
		height += legendTop + pn.lines*legendH + gap
		panels = append(panels, pn)
	}

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s" font-size="12">`+"\n",
		width, height, width, height, FontFamily)
	fmt.Fprintf(bw, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(bw, `<text x="20" y="26" font-size="17" font-weight="bold">%s</text>`+"\n", esc(title))
	oy := top
	for _, pn := range panels {
		s := pn.s
		if len(s.Points) == 0 {
			continue
		}
		x0, x1 := s.Points[0].Result.AsOf, pn.x1
		span := max(days(x0, x1), 1)
		px := func(t time.Time) int { return left + int(days(x0, t)*plotW/span) }
		py := func(d decimal.Decimal) int {
			d = decimal.Min(decimal.Max(d, decimal.Zero), maxY)
			return oy + 30 + plotH - int(d.Mul(decimal.NewFromInt(plotH)).DivRound(maxY, 0).IntPart())
		}
		if name := s.Name.In(in); name != title {
			fmt.Fprintf(bw, `<text x="20" y="%d" font-size="14" font-weight="bold">%s</text>`+"\n", oy+18, esc(name))
		}
		// Axes, gridlines at 0, 50 and 100%; the legend says what the red
		// line at 100% is.
		for _, g := range []int64{0, 50, 100} {
			y := py(decimal.New(g, -2))
			stroke, dash := "#e0e0e0", ""
			if g == 100 {
				stroke, dash = colourGoal, ` stroke-dasharray="6 3"`
			}
			fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"%s/>`+"\n", left, y, left+plotW, y, stroke, dash)
			fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="end" dominant-baseline="middle" fill="#757575">%d%%</text>`+"\n", left-6, y, g)
		}
		// Years along the bottom.
		for y := x0.Year(); y <= x1.Year(); y++ {
			t := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			if t.Before(x0) || t.After(x1) {
				continue
			}
			fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="middle" fill="#757575">%d</text>`+"\n", px(t), oy+30+plotH+16, y)
		}
		// Expected progress.
		var exp []string
		for _, p := range s.Points {
			if p.HasExpected {
				exp = append(exp, fmt.Sprintf("%d,%d", px(p.Result.AsOf), py(p.Expected)))
			}
		}
		if len(exp) > 1 {
			fmt.Fprintf(bw, `<polyline points="%s" fill="none" stroke="%s" stroke-dasharray="4 3"/>`+"\n", strings.Join(exp, " "), colourExpected)
		}
		// Actual progress. A solid line joins consecutive dates whose
		// figures are new, so it shows what was recorded when it was
		// recorded. A figure carried forward is drawn level from the date
		// of the figure, dashed, to the last date it was carried to, and
		// labelled; the next new figure is not joined to it, since the
		// path between is unknown.
		type pt struct{ x, y int }
		var runs [][]pt // the solid lines
		var run []pt
		var lastX, lastY int
		endRun := func() {
			if len(run) > 1 {
				runs = append(runs, run)
			}
			run = nil
		}
		for i := 0; i < len(s.Points); i++ {
			r := s.Points[i].Result
			if !drawn(r) {
				endRun()
				continue
			}
			if carried(s.Points, i) {
				endRun()
				from := s.Points[i-1].Result
				j := i
				for j+1 < len(s.Points) && carried(s.Points, j+1) {
					j++
				}
				y := py(from.Progress)
				ly := y - 7 // the label above the line, or below it near the top
				if from.Progress.GreaterThan(decimal.New(6, -1)) {
					ly = y + 15
				}
				fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="8 4"/>`+"\n",
					px(from.AsOf), y, px(s.Points[j].Result.AsOf), y, colourActual)
				lx, anchor := px(from.AsOf)+6, "start"
				if px(from.AsOf) > left+plotW/2 { // in the right half: ending at the stretch's end
					lx, anchor = px(s.Points[j].Result.AsOf), "end"
				}
				fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="%s" fill="%s" font-size="10">%s</text>`+"\n",
					lx, ly, anchor, colourActual, esc(fmt.Sprintf(lb.carriedFrom, from.DataAsOf.Format(time.DateOnly))))
				for k := i; k <= j; k++ {
					rk := s.Points[k].Result
					fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="%s"><title>%s</title></circle>`+"\n",
						px(rk.AsOf), y, colourActual, tip(rk, in))
				}
				i = j
				continue
			}
			x, y := px(r.AsOf), py(r.Progress)
			switch {
			case r.Status == target.Undecided:
				endRun()
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"><title>%s</title></circle>`+"\n", x, y, colourUndecided, tip(r, in))
			case r.Stale:
				endRun()
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="%s"><title>%s</title></circle>`+"\n", x, y, colourActual, tip(r, in))
			default:
				lastX, lastY = x, y
				run = append(run, pt{x, y})
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"><title>%s</title></circle>`+"\n", x, y, colourActual, tip(r, in))
			}
		}
		endRun()
		for _, run := range runs {
			points := make([]string, len(run))
			for k, p := range run {
				points[k] = fmt.Sprintf("%d,%d", p.x, p.y)
			}
			fmt.Fprintf(bw, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(points, " "), colourActual)
		}
		if pn.projection {
			fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="2 3"/>`+"\n",
				lastX, lastY, px(s.Projection.Date), py(decimal.NewFromInt(1)), colourActual)
		}
		// The legend, then the projection.
		for k, m := range pn.marks {
			x, y := pn.xs[k], oy+legendTop+pn.rows[k]*legendH
			cx := x + swatchW/2
			switch m.kind {
			case "line":
				fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>`+"\n", x, y, x+swatchW, y, colourActual)
			case "dashed":
				fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="4 3"/>`+"\n", x, y, x+swatchW, y, colourExpected)
			case "goal":
				fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="6 3"/>`+"\n", x, y, x+swatchW, y, colourGoal)
			case "dotted":
				fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="2 3"/>`+"\n", x, y, x+swatchW, y, colourActual)
			case "dot":
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"/>`+"\n", cx, y, colourActual)
			case "carried":
				fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-dasharray="8 4"/>`+"\n", x, y, x+swatchW, y, colourActual)
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="%s"/>`+"\n", cx, y, colourActual)
			case "hollow":
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="%s"/>`+"\n", cx, y, colourActual)
			case "undecided":
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"/>`+"\n", cx, y, colourUndecided)
			}
			fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" font-size="%d">%s</text>`+"\n", x+swatchW+6, y, legendFS, esc(m.text))
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" fill="#555555">%s</text>`+"\n", left, oy+legendTop+(pn.lines-1)*legendH, esc(s.projectionIn(in)))
		oy += legendTop + pn.lines*legendH + gap
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// tip is the tooltip of a point: its date, figure, the date of the figure
// and the status.
func tip(r target.Result, in lang.Lang) string {
	return esc(fmt.Sprintf("%s: %s, %s, %s", r.AsOf.Format(time.DateOnly), achieved(r, in), dataAsOf(r, in), r.Status.Name().In(in)))
}

// drawn reports whether a result has a point on the chart: a figure judged
// against a requirement.
func drawn(r target.Result) bool { return hasFigure(r) && r.Status != target.Recorded }

func esc(s string) string { return html.EscapeString(s) }
