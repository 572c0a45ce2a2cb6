package program

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/taizhang/taizhang/internal/texttable"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

type labels struct {
	asOf, source, shortfall, more, notes string
	columns                              [9]string
	summaryFormat, recordedFormat        string
	oneTargetFormat                      string // summaryFormat for a single target
	countFormat                          string // a count and a status or gap kind: ", 待定 1"
	stale, staleLegend                   string
	has, lacks, excess, recorded         string
}

var textLabels = [...]labels{lang.Chinese: {
	asOf: "截至", source: "来源", shortfall: "未达标单位", more: "另有 %d 个", notes: "说明",
	columns:         [9]string{"目标", "类型", "要求", "实际", "数据截至", "进度", "状态", "确定性", "进度对比"},
	summaryFormat:   "合计 %d 项目标: 已达成 %d, 推进中 %d, 未达成 %d, 超出上限 %d, 无数据 %d",
	oneTargetFormat: "合计 %d 项目标: 已达成 %d, 推进中 %d, 未达成 %d, 超出上限 %d, 无数据 %d",
	recordedFormat:  ", 仅记录 %d",
	countFormat:     ", %[2]s %[1]d",
	stale:           "(旧)",
	staleLegend:     "(旧): 数据早于报告期, 距评估日(已过截止日的, 距截止日)已满一年",
	has:             "现有 ", lacks: "差 ", excess: "超出 ", recorded: "记录 ",
}, lang.English: {
	asOf: "as of", source: "source", shortfall: "units not covered", more: "and %d more", notes: "notes",
	columns:         [9]string{"target", "kind", "required", "achieved", "data as of", "progress", "status", "certainty", "pace"},
	summaryFormat:   "%d targets: %d met, %d in progress, %d missed, %d over the limit, %d no data",
	oneTargetFormat: "%d target: %d met, %d in progress, %d missed, %d over the limit, %d no data",
	recordedFormat:  ", %d recorded only",
	countFormat:     ", %[1]d %[2]s",
	stale:           " (stale)",
	staleLegend:     "(stale): figures older than the reporting period, a year before the date judged (the as-of date, or the deadline once passed)",
	has:             "has ", lacks: "lacks ", excess: "excess ", recorded: "recorded ",
},
}

// WriteText writes the report as an aligned plain-text table in lang:
// a heading with the program, the date and the source, one row per target
// (parts of an all-of target indented below it), the summary, a legend of
// the marks used, and any notes. Columns are aligned for a terminal that
// shows Chinese characters two columns wide.
//
// The source names the document by its title, journal or publisher and
// year where the document is declared ([outcome.Citation.In]), never by
// the file name data keeps. In English a document goes by its English
// title, or by a translation of its title in square brackets, and
// the source's section is written in figures (§一(四)二是 as
// §1.4, point 2); a figure in 个 has no unit name (the target says what
// is counted; "units" would read as the members of a population), and a
// figure of one names its unit in the singular (1 person). Regions go by
// their English names in [Report.WriteShortfall], a region without one by
// its code alone.
func (r Report) WriteText(w io.Writer, in lang.Lang) error {
	lb := textLabels[in&1]
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s [%s]\n", r.Name.In(in), r.Program)
	fmt.Fprintf(bw, "%s %s", lb.asOf, r.AsOf.Format(time.DateOnly))
	if !r.Source.IsZero() {
		fmt.Fprintf(bw, " | %s %s", lb.source, citationIn(r.Source, in))
	}
	bw.WriteString("\n\n")

	texttable.Write(bw, r.Table(in))
	bw.WriteString("\n")
	bw.WriteString(r.Summary.In(in) + "\n")
	for _, l := range r.Legend(in) {
		bw.WriteString(l + "\n")
	}
	if notes := r.notes(in); len(notes) > 0 {
		fmt.Fprintf(bw, "\n%s:\n", lb.notes)
		for _, n := range notes {
			fmt.Fprintf(bw, "- %s\n", n)
		}
	}
	return bw.Flush()
}

// Table returns the report as a grid of text in lang: a header row, then a
// row per target (parts of an all-of target below it, indented) with its
// name, kind, required, achieved, the date of the figures (marked when
// stale), progress, status, certainty and pace. An undecided result shows
// the bounds of its figure beside it. It is what [Report.WriteText] aligns,
// for writers of other formats; [Report.Legend] explains its marks.
func (r Report) Table(in lang.Lang) [][]string {
	lb := textLabels[in&1]
	rows := [][]string{slices.Clone(lb.columns[:])}
	var walk func(res target.Result, indent string)
	walk = func(res target.Result, indent string) {
		rows = append(rows, row(res, indent, in, lb))
		for _, p := range res.Parts {
			walk(p, indent+"  ")
		}
	}
	for _, res := range r.Results {
		walk(res, "")
	}
	return rows
}

// Legend returns a line in lang for each mark that [Report.Table] uses and
// does not explain itself: the mark of stale figures, when a result has
// them. It is empty when no mark needs explaining.
func (r Report) Legend(in lang.Lang) []string {
	if !r.anyStale() {
		return nil
	}
	return []string{textLabels[in&1].staleLegend}
}

// anyStale reports whether a result or a part has stale figures.
func (r Report) anyStale() bool {
	var stale func(res target.Result) bool
	stale = func(res target.Result) bool {
		return hasFigure(res) && res.Stale || slices.ContainsFunc(res.Parts, stale)
	}
	return slices.ContainsFunc(r.Results, stale)
}

// WriteShortfall lists, for every per-unit target that falls short, the
// units short of it by code, at most limit units per target (a negative
// limit lists all). The heading counts the units by kind of gap; a unit
// below the minimum shows what it has and lacks, one above a range what it
// has in excess, one whose figure's bounds allow both says it is
// undecided, and one without a record says so: it is unknown, not 0.
func (r Report) WriteShortfall(w io.Writer, in lang.Lang, limit int) error {
	lb := textLabels[in&1]
	bw := bufio.NewWriter(w)
	var walk func(res target.Result)
	walk = func(res target.Result) {
		if n := res.Shortfall.Len(); n > 0 && hasFigure(res) {
			fmt.Fprintf(bw, "%s — %s: %d/%d (%s)\n", res.Name.In(in), lb.shortfall, n, res.Units, gapCounts(res.Shortfall.Counts(), in))
			shown := n
			if limit >= 0 && shown > limit {
				shown = limit
			}
			rows := make([][]string, 0, shown)
			for i := range shown {
				rows = append(rows, gapRow(res.Shortfall.At(i), in, lb))
			}
			texttable.Write(bw, rows)
			if n := n - shown; n > 0 {
				fmt.Fprintf(bw, "  "+lb.more+"\n", n)
			}
		}
		for _, p := range res.Parts {
			walk(p)
		}
	}
	for _, res := range r.Results {
		walk(res)
	}
	return bw.Flush()
}

// gapCounts writes how many gaps there are of each kind that occurs:
// "无记录 2, 不足 1".
func gapCounts(c target.GapCounts, in lang.Lang) string {
	lb := textLabels[in&1]
	var b strings.Builder
	for _, k := range []struct {
		n    int
		kind target.GapKind
	}{{c.NoRecord, target.GapNoRecord}, {c.Below, target.GapBelow}, {c.Above, target.GapAbove}, {c.Undecided, target.GapUndecided}} {
		if k.n > 0 {
			fmt.Fprintf(&b, lb.countFormat, k.n, k.kind.Name().In(in))
		}
	}
	return strings.TrimPrefix(b.String(), ", ")
}

func gapRow(g target.Gap, in lang.Lang, lb labels) []string {
	cells := []string{"  " + g.Region.Code, regionIn(g.Region, in)}
	switch g.Kind {
	case target.GapNoRecord:
		// No record is unknown, not 0: nothing is had, nothing known lacking.
		return append(cells, g.Kind.Name().In(in))
	case target.GapUndecided:
		// The figure recorded, whose qualifier allows both: not what it has.
		return append(cells, lb.recorded+g.Figure().In(in), g.Kind.Name().In(in))
	case target.GapAbove:
		return append(cells, lb.has+g.Figure().In(in), lb.excess+g.Difference().In(in))
	}
	return append(cells, lb.has+g.Figure().In(in), lb.lacks+g.Difference().In(in))
}

// hasFigure reports whether a result has an achieved figure to show: not
// without data, and not before its start.
func hasFigure(res target.Result) bool {
	return res.Status != target.NoData && res.Status != target.NotStarted
}

// count writes a count of units as figures are written: 3,209 in English.
func count(n int, in lang.Lang) string { return quantity.Int(int64(n), 0).In(in) }

// partsIn counts the parts an all-of target requires: 2项, 2 parts.
func partsIn(n int, in lang.Lang) string {
	switch {
	case in == lang.Chinese:
		return fmt.Sprintf("%d项", n)
	case n == 1:
		return "1 part"
	}
	return fmt.Sprintf("%d parts", n)
}

// recordedParts counts the parts of an all-of result that require nothing.
func recordedParts(res target.Result) int {
	n := 0
	for _, p := range res.Parts {
		if p.Status == target.Recorded {
			n++
		}
	}
	return n
}

// yearsIn counts years: 3年, 1 year, 3 years.
func yearsIn(n int, in lang.Lang) string {
	switch {
	case in == lang.Chinese:
		return fmt.Sprintf("%d年", n)
	case n == 1:
		return "1 year"
	}
	return fmt.Sprintf("%d years", n)
}

func row(res target.Result, indent string, in lang.Lang, lb labels) []string {
	const none = "—"
	required, achieved, progress := quantityIn(res.Required, in), none, none
	figure := hasFigure(res)
	switch {
	case !res.PerUnit.IsZero() && res.Units == 0:
		// The population is not listed (no unit of it in the region set):
		// the requirement is per unit, and no count of units is known.
		required = fmt.Sprintf("每单位 %s", quantityIn(res.PerUnit, in))
		if in == lang.English {
			required = quantityIn(res.PerUnit, in) + " each"
		}
	case !res.PerUnit.IsZero():
		// Units are years of an each-year target: 5000余名 × 3年, years
		// met of years judged.
		units := count(res.Units, in)
		if res.Kind == target.KindEachYear {
			units = yearsIn(res.Units, in)
		}
		required = fmt.Sprintf("%s × %s", quantityIn(res.PerUnit, in), units)
		if figure {
			achieved = count(res.Covered, in) + "/" + units
		}
	case res.Kind == target.KindAllOf:
		required = partsIn(len(res.Parts)-recordedParts(res), in)
		if figure {
			achieved = fmt.Sprintf("%s/%s", res.Achieved.Value(), res.Required.Value())
		}
	case res.Kind == target.KindObserve:
		required = none
		if figure {
			achieved = quantityIn(res.Achieved, in)
		}
	case res.Kind == target.KindReduction:
		required = "→ " + required
		if figure {
			achieved = quantityIn(res.Achieved, in)
		}
	case figure:
		achieved = quantityIn(res.Achieved, in)
	}
	if res.Status == target.Undecided {
		achieved += " (" + res.Bounds.In(in) + ")"
	}
	certainty, pace := none, res.Pace.Name().In(in)
	if figure {
		if res.Status != target.Recorded {
			progress = res.Percent()
		}
		certainty = res.Certainty.Name().In(in)
	}
	return []string{indent + res.Name.In(in), res.Kind.Name().In(in), required, achieved, dataAsOf(res, lb),
		progress, res.Status.Name().In(in), certainty, pace}
}

// dataAsOf writes the date of a result's figures, marked when they are
// stale; "—" without figures.
func dataAsOf(res target.Result, lb labels) string {
	if !hasFigure(res) || res.DataAsOf.IsZero() {
		return "—"
	}
	s := res.DataAsOf.Format(time.DateOnly)
	if res.Stale {
		s += lb.stale
	}
	return s
}
