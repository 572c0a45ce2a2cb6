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
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

type labels struct {
	columns                           [7]string
	met, unreachable, projected       string
	actual, expected, goal            string
	current, stale, staleMark, legend string
	projection                        string
}

var textLabels = [...]labels{
	outcome.Chinese: {
		columns: [7]string{"日期", "实际", "数据截至", "进度", "预期", "状态", "进度对比"},
		met:     "已达成", unreachable: "按当前进度无法达成", projected: "按当前进度预计 %s 达成(年均 %s)",
		actual: "实际进度", expected: "预期进度", goal: "目标 100%",
		current: "当期数据", stale: "(旧) 数据早于报告期(一年)", staleMark: "(旧)",
		legend:     "(旧): 数据早于报告期, 距评估日(已过截止日的, 距截止日)已满一年",
		projection: "按当前进度推算",
	},
	outcome.English: {
		columns: [7]string{"date", "achieved", "data as of", "progress", "expected", "status", "pace"},
		met:     "met", unreachable: "not at the current pace", projected: "at the current pace, met by %s (%s a year)",
		actual: "progress", expected: "expected", goal: "target 100%",
		current: "current figure", stale: "(stale) figure older than the reporting period, a year", staleMark: " (stale)",
		legend:     "(stale): figures older than the reporting period, a year before the date judged (the as-of date, or the deadline once passed)",
		projection: "projection",
	},
}

func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }

// hasFigure reports whether a result has an achieved figure to show.
func hasFigure(r target.Result) bool {
	return r.Status != target.NoData && r.Status != target.NotStarted
}

// achieved writes a result's figure in lang, the units covered of a
// per-unit target, and the bounds of an undecided one beside it.
func achieved(r target.Result, lang outcome.Lang) string {
	if !hasFigure(r) {
		return "—"
	}
	s := r.Achieved.In(lang)
	if r.Kind == target.KindCoverage || r.Kind == target.KindEachInRange {
		s = fmt.Sprintf("%d/%d", r.Covered, r.Units)
	}
	if r.Status == target.Undecided {
		s += " (" + r.Bounds.In(lang) + ")"
	}
	return s
}

// dataAsOf writes the date of a result's figures, marked when stale.
func dataAsOf(r target.Result, lang outcome.Lang) string {
	if !hasFigure(r) || r.DataAsOf.IsZero() {
		return "—"
	}
	s := r.DataAsOf.Format(time.DateOnly)
	if r.Stale {
		s += textLabels[lang&1].staleMark
	}
	return s
}

// WriteText writes each series as a table: a row per date with the figure
// achieved (with its bounds when the verdict is undecided), the date of
// the figure (marked when stale), progress, expected progress, status and
// pace, then the projection; and, when a figure is stale, a line saying
// what the mark means.
func WriteText(w io.Writer, lang outcome.Lang, series ...Series) error {
	lb := textLabels[lang&1]
	bw := bufio.NewWriter(w)
	stale := false
	for i, s := range series {
		if i > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s [%s]\n", s.Name.In(lang), s.ID)
		rows := [][]string{lb.columns[:]}
		for _, p := range s.Points {
			r := p.Result
			row := []string{r.AsOf.Format(time.DateOnly), achieved(r, lang), dataAsOf(r, lang), "—", "—", r.Status.Name().In(lang), p.Pace.Name().In(lang)}
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
		fmt.Fprintln(bw, s.Projection.In(lang))
	}
	if stale {
		fmt.Fprintf(bw, "\n%s\n", lb.legend)
	}
	return bw.Flush()
}

// In describes the projection in lang.
func (p Projection) In(lang outcome.Lang) string {
	lb := textLabels[lang&1]
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

// WriteSVG draws each series as a panel of a line chart: progress at each
// date (a line through the dates whose figures are current, hollow dots for
// stale figures, orange dots for undecided verdicts; each dot titled with
// its figure, the date of the figure and the status), expected progress
// (dashed), the target at 100% (red), and the projection to 100% (dotted)
// when it falls within the chart. Below each panel a legend lists the marks
// the panel uses, then the projection. Progress above 120% is drawn at
// 120%. The output is deterministic.
func WriteSVG(w io.Writer, lang outcome.Lang, title string, series ...Series) error {
	lb := textLabels[lang&1]
	const (
		width         = 800
		left, top     = 70, 40
		plotW, plotH  = 640, 150
		gap           = 30
		legendH       = 18 // a line of the legend
		legendTop     = 30 + plotH + 30
		swatchW       = 24
		legendFS      = 12
		legendSpacing = 20
	)
	maxY := decimal.New(12, -1) // 120%

	// The marks a series uses, in the order its legend lists them.
	type mark struct {
		kind, text string // kind: line, dashed, dotted, goal, dot, hollow, undecided
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
		var current, stale, undecided, hasExp int
		for _, p := range s.Points {
			r := p.Result
			if p.HasExpected {
				hasExp++
			}
			if !drawn(r) {
				continue
			}
			switch {
			case r.Status == target.Undecided:
				undecided++
			case r.Stale:
				stale++
			default:
				current++
			}
		}
		if current > 1 {
			pn.marks = append(pn.marks, mark{"line", lb.actual})
		}
		if current > 0 {
			pn.marks = append(pn.marks, mark{"dot", lb.current})
		}
		if stale > 0 {
			pn.marks = append(pn.marks, mark{"hollow", lb.stale})
		}
		if undecided > 0 {
			pn.marks = append(pn.marks, mark{"undecided", target.Undecided.Name().In(lang)})
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
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="12">`+"\n",
		width, height, width, height)
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
		fmt.Fprintf(bw, `<text x="20" y="%d" font-size="14" font-weight="bold">%s</text>`+"\n", oy+18, esc(s.Name.In(lang)))
		// Axes, gridlines at 0, 50 and 100%.
		for _, g := range []int64{0, 50, 100} {
			y := py(decimal.New(g, -2))
			stroke, dash := "#e0e0e0", ""
			if g == 100 {
				stroke, dash = colourGoal, ` stroke-dasharray="6 3"`
			}
			fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"%s/>`+"\n", left, y, left+plotW, y, stroke, dash)
			fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="end" dominant-baseline="middle" fill="#757575">%d%%</text>`+"\n", left-6, y, g)
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" fill="%s" font-size="11">%s</text>`+"\n", left+plotW-70, py(decimal.NewFromInt(1))-5, colourGoal, esc(lb.goal))
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
		// Actual progress: the line joins the points whose figures are
		// current; a stale figure is a hollow dot and an undecided verdict
		// an orange one, so the line shows the trend of what was recorded
		// when it was recorded. Each dot's title says what it stands for.
		var act []string
		var lastX, lastY int
		for _, p := range s.Points {
			r := p.Result
			if !drawn(r) {
				continue
			}
			x, y := px(r.AsOf), py(r.Progress)
			tip := esc(fmt.Sprintf("%s: %s · %s · %s", r.AsOf.Format(time.DateOnly), achieved(r, lang), dataAsOf(r, lang), r.Status.Name().In(lang)))
			switch {
			case r.Status == target.Undecided:
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"><title>%s</title></circle>`+"\n", x, y, colourUndecided, tip)
			case r.Stale:
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="%s"><title>%s</title></circle>`+"\n", x, y, colourActual, tip)
			default:
				lastX, lastY = x, y
				act = append(act, fmt.Sprintf("%d,%d", x, y))
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"><title>%s</title></circle>`+"\n", x, y, colourActual, tip)
			}
		}
		if len(act) > 1 {
			fmt.Fprintf(bw, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(act, " "), colourActual)
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
			case "hollow":
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="%s"/>`+"\n", cx, y, colourActual)
			case "undecided":
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="%s"/>`+"\n", cx, y, colourUndecided)
			}
			fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" font-size="%d">%s</text>`+"\n", x+swatchW+6, y, legendFS, esc(m.text))
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" fill="#555555">%s</text>`+"\n", left, oy+legendTop+(pn.lines-1)*legendH, esc(s.Projection.In(lang)))
		oy += legendTop + pn.lines*legendH + gap
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// drawn reports whether a result has a point on the chart: a figure judged
// against a requirement.
func drawn(r target.Result) bool { return hasFigure(r) && r.Status != target.Recorded }

func esc(s string) string { return html.EscapeString(s) }
