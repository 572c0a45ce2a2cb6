package program

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/texttable"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

type labels struct {
	asOf, source, shortfall, more, notes string
	columns                              [8]string
	summaryFormat, recordedFormat        string
	approx                               string
}

var textLabels = [...]labels{
	outcome.Chinese: {
		asOf: "截至", source: "来源", shortfall: "未达标单位", more: "另有 %d 个", notes: "说明",
		columns:        [8]string{"目标", "类型", "要求", "实际", "进度", "状态", "确定性", "进度对比"},
		summaryFormat:  "合计 %d 项目标: 已达成 %d, 推进中 %d, 未达成 %d, 超出上限 %d, 无数据 %d",
		recordedFormat: ", 仅记录 %d",
		approx:         "(约)",
	},
	outcome.English: {
		asOf: "as of", source: "source", shortfall: "units short", more: "and %d more", notes: "notes",
		columns:        [8]string{"target", "kind", "required", "achieved", "progress", "status", "certainty", "pace"},
		summaryFormat:  "%d targets: %d met, %d in progress, %d missed, %d exceeded, %d no data",
		recordedFormat: ", %d recorded only",
		approx:         " (approx.)",
	},
}

// WriteText writes the report as an aligned plain-text table in lang:
// a heading with the program, the date and the source, one row per target
// (parts of an all-of target indented below it), the summary, and any notes.
// Columns are aligned for a terminal that shows Chinese characters two
// columns wide.
func (r Report) WriteText(w io.Writer, lang outcome.Lang) error {
	lb := textLabels[lang&1]
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s [%s]\n", r.Name.In(lang), r.Program)
	fmt.Fprintf(bw, "%s %s", lb.asOf, r.AsOf.Format(time.DateOnly))
	if !r.Source.IsZero() {
		fmt.Fprintf(bw, " | %s %s", lb.source, r.Source)
	}
	bw.WriteString("\n\n")

	texttable.Write(bw, r.Table(lang))
	bw.WriteString("\n")
	writeSummary(bw, r.Summary, lb)
	if notes := r.notes(lang); len(notes) > 0 {
		fmt.Fprintf(bw, "\n%s:\n", lb.notes)
		for _, n := range notes {
			fmt.Fprintf(bw, "- %s\n", n)
		}
	}
	return bw.Flush()
}

// Table returns the report as a grid of text in lang: a header row, then a
// row per target (parts of an all-of target below it, indented) with its
// name, kind, required, achieved, progress, status, certainty and pace. It
// is what [Report.WriteText] aligns, for writers of other formats.
func (r Report) Table(lang outcome.Lang) [][]string {
	lb := textLabels[lang&1]
	rows := [][]string{slices.Clone(lb.columns[:])}
	var walk func(res target.Result, indent string)
	walk = func(res target.Result, indent string) {
		rows = append(rows, row(res, indent, lang, lb))
		for _, p := range res.Parts {
			walk(p, indent+"  ")
		}
	}
	for _, res := range r.Results {
		walk(res, "")
	}
	return rows
}

// WriteShortfall lists, for every per-unit target that falls short, the
// units short of it by code with what each has and lacks; at most limit
// units per target (a negative limit lists all).
func (r Report) WriteShortfall(w io.Writer, lang outcome.Lang, limit int) error {
	lb := textLabels[lang&1]
	bw := bufio.NewWriter(w)
	var walk func(res target.Result)
	walk = func(res target.Result) {
		if n := res.Shortfall.Len(); n > 0 && res.Status != target.NoData {
			fmt.Fprintf(bw, "%s — %s: %d/%d\n", res.Name.In(lang), lb.shortfall, n, res.Units)
			shown := n
			if limit >= 0 && shown > limit {
				shown = limit
			}
			rows := make([][]string, 0, shown)
			for i := range shown {
				rows = append(rows, gapRow(res.Shortfall.At(i), lang))
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

func gapRow(g target.Gap, lang outcome.Lang) []string {
	has, lacks, excess := "has ", "lacks ", "excess "
	if lang == outcome.Chinese {
		has, lacks, excess = "现有 ", "差 ", "超出 "
	}
	cells := []string{"  " + g.Region.Code, g.Region.Name.In(lang), has + g.Has.String()}
	if !g.Lacks.IsZero() {
		return append(cells, lacks+g.Lacks.String())
	}
	return append(cells, excess+g.Excess.String())
}

func row(res target.Result, indent string, lang outcome.Lang, lb labels) []string {
	const none = "—"
	required, achieved, progress := res.Required.In(lang), none, none
	switch {
	case !res.PerUnit.IsZero():
		required = fmt.Sprintf("%s × %d", res.PerUnit.In(lang), res.Units)
		if res.Status != target.NoData {
			achieved = fmt.Sprintf("%d/%d", res.Covered, res.Units)
		}
	case res.Kind == target.KindAllOf:
		if res.Status != target.NoData {
			achieved = fmt.Sprintf("%s/%s", res.Achieved.Value(), res.Required.Value())
		}
	case res.Kind == target.KindObserve:
		required = none
		if res.Status != target.NoData {
			achieved = res.Achieved.In(lang)
		}
	case res.Kind == target.KindReduction:
		required = "→ " + required
		if res.Status != target.NoData {
			achieved = res.Achieved.In(lang)
		}
	case res.Status != target.NoData:
		achieved = res.Achieved.In(lang)
	}
	status := res.Status.Name().In(lang)
	certainty, pace := none, res.Pace.Name().In(lang)
	if res.Status != target.NoData {
		if res.Status != target.Recorded {
			progress = percent(res.Progress)
		}
		certainty = res.Certainty.Name().In(lang)
		if !res.Certain() {
			status += lb.approx
		}
	}
	return []string{indent + res.Name.In(lang), res.Kind.Name().In(lang), required, achieved, progress, status, certainty, pace}
}

// percent writes a progress ratio as a percentage with one decimal place,
// rounded half away from zero.
func percent(d decimal.Decimal) string {
	return d.Shift(2).StringFixed(1) + "%"
}
