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
	columns                     [6]string
	met, unreachable, projected string
	actual, expected, goal      string
}

var textLabels = [...]labels{
	outcome.Chinese: {
		columns: [6]string{"日期", "实际", "进度", "预期", "状态", "进度对比"},
		met:     "已达成", unreachable: "按当前进度无法达成", projected: "按当前进度预计 %s 达成(年均 %s)",
		actual: "实际进度", expected: "预期进度", goal: "目标 100%",
	},
	outcome.English: {
		columns: [6]string{"date", "achieved", "progress", "expected", "status", "pace"},
		met:     "met", unreachable: "not at the current pace", projected: "at the current pace, met by %s (%s a year)",
		actual: "progress", expected: "expected", goal: "target 100%",
	},
}

func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }

// WriteText writes each series as a table: a row per date with the figure
// achieved, progress, expected progress, status and pace, then the
// projection.
func WriteText(w io.Writer, lang outcome.Lang, series ...Series) error {
	lb := textLabels[lang&1]
	bw := bufio.NewWriter(w)
	for i, s := range series {
		if i > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s [%s]\n", s.Name.In(lang), s.ID)
		rows := [][]string{lb.columns[:]}
		for _, p := range s.Points {
			r := p.Result
			row := []string{r.AsOf.Format(time.DateOnly), "—", "—", "—", r.Status.Name().In(lang), p.Pace.Name().In(lang)}
			if r.Status != target.NoData {
				row[1] = r.Achieved.In(lang)
				if !r.DataAsOf.IsZero() && r.DataAsOf.Year() < r.AsOf.Year() {
					// A figure carried forward from an older record says so.
					row[1] += " (" + r.DataAsOf.Format(time.DateOnly) + ")"
				}
				if r.Kind == target.KindCoverage || r.Kind == target.KindEachInRange {
					row[1] = fmt.Sprintf("%d/%d", r.Covered, r.Units)
				}
				if r.Status != target.Recorded {
					row[2] = pct(r.Progress)
				}
			}
			if p.HasExpected {
				row[3] = pct(p.Expected)
			}
			rows = append(rows, row)
		}
		texttable.Write(bw, rows)
		fmt.Fprintln(bw, s.Projection.In(lang))
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

// WriteSVG draws each series as a panel of a line chart: progress at each
// date (a line through the dates whose figure is of their own year, hollow
// dots for figures carried forward from older records), expected progress
// (dashed), the target at 100% (red), and the projection to 100% (dotted)
// when it falls within the chart. Progress above 120% is drawn at 120%. The
// output is deterministic.
func WriteSVG(w io.Writer, lang outcome.Lang, title string, series ...Series) error {
	lb := textLabels[lang&1]
	const (
		panelW, panelH = 760, 220
		left, top      = 70, 40
		plotW, plotH   = 640, 150
		gap            = 30
	)
	height := top + len(series)*(panelH+gap)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="12">`+"\n",
		panelW+40, height, panelW+40, height)
	fmt.Fprintf(bw, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", panelW+40, height)
	fmt.Fprintf(bw, `<text x="20" y="26" font-size="17" font-weight="bold">%s</text>`+"\n", esc(title))
	maxY := decimal.New(12, -1) // 120%
	for i, s := range series {
		if len(s.Points) == 0 {
			continue
		}
		oy := top + i*(panelH+gap)
		x0, x1 := s.Points[0].Result.AsOf, s.Points[len(s.Points)-1].Result.AsOf
		if pr := s.Projection; pr.Reachable && !pr.Met && pr.Date.After(x1) && pr.Date.Before(x1.AddDate(3, 0, 0)) {
			x1 = pr.Date
		}
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
				stroke, dash = "#c62828", ` stroke-dasharray="6 3"`
			}
			fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"%s/>`+"\n", left, y, left+plotW, y, stroke, dash)
			fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="end" dominant-baseline="middle" fill="#757575">%d%%</text>`+"\n", left-6, y, g)
		}
		fmt.Fprintf(bw, `<text x="%d" y="%d" fill="#c62828" font-size="11">%s</text>`+"\n", left+plotW-70, py(decimal.NewFromInt(1))-5, esc(lb.goal))
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
			fmt.Fprintf(bw, `<polyline points="%s" fill="none" stroke="#9e9e9e" stroke-dasharray="4 3"/>`+"\n", strings.Join(exp, " "))
		}
		// Actual progress: the line joins the points whose figure is of their
		// own year; a figure carried forward from an older record is a
		// hollow dot, so the line shows the trend of what was recorded.
		var act []string
		var lastX, lastY int
		for _, p := range s.Points {
			r := p.Result
			if r.Status == target.NoData || r.Status == target.Recorded {
				continue
			}
			x, y := px(r.AsOf), py(r.Progress)
			if r.DataAsOf.IsZero() || r.DataAsOf.Year() >= r.AsOf.Year() {
				lastX, lastY = x, y
				act = append(act, fmt.Sprintf("%d,%d", x, y))
				fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3.5" fill="#1565c0"/>`+"\n", x, y)
				continue
			}
			fmt.Fprintf(bw, `<circle cx="%d" cy="%d" r="3" fill="#ffffff" stroke="#1565c0"/>`+"\n", x, y)
		}
		if len(act) > 1 {
			fmt.Fprintf(bw, `<polyline points="%s" fill="none" stroke="#1565c0" stroke-width="2"/>`+"\n", strings.Join(act, " "))
		}
		if pr := s.Projection; pr.Reachable && !pr.Met && !pr.Date.After(x1) && len(act) > 0 {
			fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1565c0" stroke-dasharray="2 3"/>`+"\n",
				lastX, lastY, px(pr.Date), py(decimal.NewFromInt(1)))
		}
		// Legend and projection.
		ly := oy + 30 + plotH + 34
		fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1565c0" stroke-width="2"/><text x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n",
			left, ly, left+24, ly, left+30, ly, esc(lb.actual))
		fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#9e9e9e" stroke-dasharray="4 3"/><text x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n",
			left+120, ly, left+144, ly, left+150, ly, esc(lb.expected))
		fmt.Fprintf(bw, `<text x="%d" y="%d" dominant-baseline="middle" fill="#555555">%s</text>`+"\n", left+250, ly, esc(s.Projection.In(lang)))
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

func esc(s string) string { return html.EscapeString(s) }
