package program

import (
	"bytes"
	"embed"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/target"
)

//go:embed templates/report.html
var htmlFiles embed.FS

// htmlTemplate is the page of [WriteHTML]. Every value it writes is text
// that html/template escapes for its context; a chart enters as a data URI
// of an image, which a browser never runs as a script.
var htmlTemplate = template.Must(template.ParseFS(htmlFiles, "templates/report.html"))

// HTMLOptions adjusts [WriteHTML]. The zero value writes a page titled by
// its report (or, for several, by the words of a ledger report), without
// charts, listing at most [DefaultShortfallLimit] units short per target.
type HTMLOptions struct {
	// Title heads the page; empty for the report's name, or for several
	// reports a title in the page's language.
	Title string
	// Charts are SVG documents shown under a program's targets, by the
	// program's id: the output of trend.WriteSVG, say. Each is embedded in
	// the page as an image, so the page stays one file. A chart that is
	// not SVG ([ErrChart]) or names no program of the reports is an error.
	Charts map[string][]byte
	// ShortfallLimit is how many units short a target lists at most; the
	// rest are counted. Zero means [DefaultShortfallLimit]; a negative
	// limit lists every unit.
	ShortfallLimit int
}

// DefaultShortfallLimit is how many units short [WriteHTML] lists per
// target unless told otherwise: enough for the counties of a province, not
// the villages of a nation.
const DefaultShortfallLimit = 200

// collapseAbove is the length of a shortfall list beyond which the page
// folds it (<details>), so that the targets stay in view.
const collapseAbove = 10

// ErrChart reports a chart of [HTMLOptions] that is not an SVG document.
var ErrChart = errors.New("program: a chart is not an SVG document")

// WriteHTML writes the report as a self-contained HTML page in lang: see
// [WriteHTML].
func (r Report) WriteHTML(w io.Writer, in lang.Lang) error {
	return WriteHTML(w, []Report{r}, in, HTMLOptions{})
}

// WriteHTML writes reports as one self-contained HTML page in lang, for a
// browser or to print: no script, no font or image fetched, the style
// sheet inline. Each report has a section with its program, date, source
// (the document by title, journal and year, [outcome.Citation.In]) and
// summary; a table with a row per target (parts of an all-of target
// indented below it) giving its kind, required and achieved figures, a
// progress bar coloured by status, the status, the certainty of the
// figures (with their bounds when they are not exact), the pace, the date
// of the figures (marked when stale) and the target's source where it is
// not the program's (its section and mark alone where the document is the
// same); a legend of
// the marks used; the notes; its chart, if opts has one; and the units
// short of each per-unit target, folded when the list is long. Several
// reports, a catalogue, get a table of contents and a summary of all
// their targets first.
//
// A print style sheet lays the page out on A4: in a browser, print to PDF
// gives the report to file. A folded list prints folded; unfold it to
// print it. The output is deterministic.
func WriteHTML(w io.Writer, reports []Report, in lang.Lang, opts HTMLOptions) error {
	page, err := newHTMLPage(reports, in, opts)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := htmlTemplate.Execute(&b, page); err != nil {
		return fmt.Errorf("program: writing HTML: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// htmlWords are the words of the page that no other rendering uses.
type htmlWords struct {
	Lang, Title, AsOf, Source, Contents, Summary, Targets, Shortfall, Notes, Legend, Trend string
	Code, Name, Gap, Has, Difference, Lacks, Excess, Recorded, More                        string
	StaleLegend, Bounds, Over                                                              string
}

var htmlLabels = [...]htmlWords{lang.Chinese: {
	Lang: "zh-CN", Title: "科技扶贫统计台账", AsOf: "截至", Source: "来源", Contents: "目录", Summary: "概况",
	Targets: "目标", Shortfall: "未达标单位", Notes: "说明", Legend: "图例", Trend: "趋势",
	Code: "区划代码", Name: "名称", Gap: "情况", Has: "现有", Difference: "差额", Lacks: "差 ", Excess: "超出 ", Recorded: "记录 ",
	More: "另有 %d 个未列出", Bounds: "范围", Over: "超过 100% 的部分未画出",
}, lang.English: {
	Lang: "en", Title: "Sci-tech poverty alleviation ledger", AsOf: "as of", Source: "source", Contents: "Contents",
	Summary: "Summary", Targets: "Targets", Shortfall: "units not covered", Notes: "Notes", Legend: "Legend", Trend: "Trend",
	Code: "code", Name: "name", Gap: "gap", Has: "has", Difference: "difference", Lacks: "lacks ", Excess: "excess ", Recorded: "recorded ",
	More: "and %d more, not listed", Bounds: "bounds", Over: "progress beyond 100% is not drawn",
},
}

type htmlPage struct {
	L         htmlWords
	Title     string
	AsOf      string // the date of every report, when they share one
	Catalogue bool   // several reports: contents and an overall summary
	Summary   htmlSummary
	Reports   []htmlReport
}

type htmlSummary struct {
	Text  string
	Chips []htmlChip
}

type htmlChip struct {
	Class, Name string
	N           int
}

type htmlReport struct {
	Anchor, ID, Name, AsOf, Source string
	Summary                        htmlSummary
	Header                         []string
	Rows                           []htmlRow
	Legend, Notes                  []string
	Over                           bool         // some progress is beyond 100%: the legend says it is not drawn
	Pace                           bool         // some target has a pace: without one, the column is left out
	Chart                          template.URL // a data URI of the chart, or empty
	Shortfalls                     []htmlShortfall
}

type htmlRow struct {
	Depth                                  int // 0 for a target, 1 for its parts, and so on
	Name, Source                           string
	Kind, Required, Achieved, DataAsOf     string
	StaleMark                              string // after DataAsOf when the figures are stale
	Stale                                  bool
	Progress                               string
	Bar                                    bool   // a bar is drawn
	Fill                                   string // its width, a percentage of the track
	Over                                   bool   // progress beyond 100%, not drawn
	Status, Class, Certainty, Bounds, Pace string
}

type htmlShortfall struct {
	L                  htmlWords
	Name, Count, Kinds string
	Folded             bool
	Gaps               []htmlGap
	More               string
}

type htmlGap struct {
	Code, Name, Kind, Has, Difference string
}

func newHTMLPage(reports []Report, in lang.Lang, opts HTMLOptions) (htmlPage, error) {
	lb := htmlLabels[in&1]
	page := htmlPage{L: lb, Title: opts.Title, Catalogue: len(reports) > 1}
	if page.Title == "" {
		page.Title = lb.Title
		if len(reports) == 1 {
			page.Title = reports[0].Name.In(in)
		}
	}
	limit := opts.ShortfallLimit
	if limit == 0 {
		limit = DefaultShortfallLimit
	}
	var all Summary
	sameDate := true
	for i, r := range reports {
		hr, err := newHTMLReport(r, i, in, limit)
		if err != nil {
			return htmlPage{}, err
		}
		if svg, ok := opts.Charts[r.Program]; ok {
			if hr.Chart, err = chartURI(svg); err != nil {
				return htmlPage{}, fmt.Errorf("%w: chart of %s", err, r.Program)
			}
		}
		page.Reports = append(page.Reports, hr)
		all = all.plus(r.Summary)
		sameDate = sameDate && hr.AsOf == page.Reports[0].AsOf
	}
	if sameDate && len(reports) > 0 {
		// Otherwise each section says its own date.
		page.AsOf = page.Reports[0].AsOf
	}
	for id := range opts.Charts {
		if !slices.ContainsFunc(reports, func(r Report) bool { return r.Program == id }) {
			return htmlPage{}, fmt.Errorf("program: a chart for %q, and no report of that program", id)
		}
	}
	page.Summary = newHTMLSummary(all, in)
	return page, nil
}

// plus adds the counts of two summaries.
func (s Summary) plus(o Summary) Summary {
	return Summary{
		Targets: s.Targets + o.Targets, Met: s.Met + o.Met, InProgress: s.InProgress + o.InProgress,
		Missed: s.Missed + o.Missed, Exceeded: s.Exceeded + o.Exceeded, NoData: s.NoData + o.NoData,
		Recorded: s.Recorded + o.Recorded, NotStarted: s.NotStarted + o.NotStarted, Undecided: s.Undecided + o.Undecided,
		NoFigureAtDeadline: s.NoFigureAtDeadline + o.NoFigureAtDeadline,
	}
}

func newHTMLSummary(s Summary, in lang.Lang) htmlSummary {
	hs := htmlSummary{Text: s.In(in)}
	for _, c := range []struct {
		st target.Status
		n  int
	}{
		{target.Met, s.Met}, {target.InProgress, s.InProgress}, {target.Missed, s.Missed}, {target.Exceeded, s.Exceeded},
		{target.Undecided, s.Undecided}, {target.NoFigureAtDeadline, s.NoFigureAtDeadline},
		{target.NotStarted, s.NotStarted}, {target.NoData, s.NoData}, {target.Recorded, s.Recorded},
	} {
		if c.n > 0 {
			hs.Chips = append(hs.Chips, htmlChip{Class: statusClass(c.st), Name: c.st.Name().In(in), N: c.n})
		}
	}
	return hs
}

// statusClass names a status for the style sheet: "in-progress".
func statusClass(st target.Status) string {
	return strings.ReplaceAll(st.Name().En, " ", "-")
}

func newHTMLReport(r Report, i int, in lang.Lang, limit int) (htmlReport, error) {
	lb := htmlLabels[in&1]
	hr := htmlReport{
		Anchor: fmt.Sprintf("report-%d", i+1), ID: r.Program, Name: r.Name.In(in), AsOf: r.AsOf.Format(time.DateOnly),
		Summary: newHTMLSummary(r.Summary, in), Legend: r.Legend(in),
	}
	if !r.Source.IsZero() {
		hr.Source = citationIn(r.Source, in)
	}
	// The cells are those of the text table, so that every rendering
	// writes a figure alike; the results give what a cell does not say.
	table := r.Table(in)
	hr.Header = table[0]
	var results []target.Result
	var depths []int
	var walk func(res target.Result, depth int)
	walk = func(res target.Result, depth int) {
		results, depths = append(results, res), append(depths, depth)
		for _, n := range res.Notes {
			hr.Notes = append(hr.Notes, res.Name.In(in)+": "+n.In(in))
		}
		if sf, ok := newHTMLShortfall(res, in, limit); ok {
			hr.Shortfalls = append(hr.Shortfalls, sf)
		}
		for _, p := range res.Parts {
			walk(p, depth+1)
		}
	}
	for _, res := range r.Results {
		walk(res, 0)
	}
	if len(table)-1 != len(results) {
		return htmlReport{}, fmt.Errorf("program: report %s: %d table rows for %d results", r.Program, len(table)-1, len(results))
	}
	if len(hr.Header) != 9 {
		return htmlReport{}, fmt.Errorf("program: report %s: %d table columns, want 9", r.Program, len(hr.Header))
	}
	for k, res := range results {
		cells := table[k+1]
		figure := res.Status != target.NoData && res.Status != target.NotStarted
		row := htmlRow{
			Depth: depths[k], Name: strings.TrimLeft(cells[0], " "), Kind: cells[1], Required: keepTogether(cells[2]), Achieved: cells[3],
			DataAsOf: cells[4], Stale: figure && res.Stale, Progress: cells[5], Status: cells[6], Class: statusClass(res.Status),
			Certainty: cells[7], Pace: cells[8],
		}
		// The stale mark may go to a line of its own in a narrow column.
		if len(row.DataAsOf) > len(time.DateOnly) && row.Stale {
			row.DataAsOf, row.StaleMark = row.DataAsOf[:len(time.DateOnly)], row.DataAsOf[len(time.DateOnly):]
		}
		// A target's source is shown where it is not the program's own,
		// by section and mark alone where the document is the program's,
		// which the report's heading names.
		if src := res.Source; !src.IsZero() && src != r.Source {
			if src.Document == r.Source.Document {
				src.Document = ""
			}
			row.Source = citationIn(src, in)
		}
		hr.Pace = hr.Pace || res.Pace != target.PaceUnknown
		// A bar where the progress column shows a figure: not for an
		// undecided result, whose bounds say what is known.
		if figure && res.Status != target.Recorded && res.Status != target.Undecided {
			row.Bar = true
			one, fill := decimal.NewFromInt(1), res.Progress
			if fill.GreaterThanOrEqual(one) && res.Status != target.Met && res.Status != target.Exceeded {
				// The stated figure reaches the target, its bounds do not
				// (近100 of 100, "<100%"): the bar never reads as complete.
				fill = decimal.New(98, -2)
			}
			row.Fill = decimal.Min(fill, one).Shift(2).Round(1).String()
			row.Over = res.Progress.GreaterThan(one)
			hr.Over = hr.Over || row.Over
		}
		// An undecided figure shows its bounds beside it already.
		if figure && res.Status != target.Undecided && !res.Bounds.IsExact() && (res.Bounds.HasLo || res.Bounds.HasHi) {
			row.Bounds = lb.Bounds + " " + res.Bounds.In(in)
		}
		hr.Rows = append(hr.Rows, row)
	}
	return hr, nil
}

// keepTogether joins a figure and its count, "1名 × 51", with no-break
// spaces, so that a narrow column does not break the line at the ×.
func keepTogether(s string) string { return strings.ReplaceAll(s, " × ", "\u00a0×\u00a0") }

// newHTMLShortfall lists the units short of a per-unit target, at most
// limit of them (all when limit is negative); false when none is short or
// the target has no figures.
func newHTMLShortfall(res target.Result, in lang.Lang, limit int) (htmlShortfall, bool) {
	n := res.Shortfall.Len()
	if n == 0 || res.Status == target.NoData || res.Status == target.NotStarted {
		return htmlShortfall{}, false
	}
	lb := htmlLabels[in&1]
	sf := htmlShortfall{L: lb, Name: res.Name.In(in), Count: fmt.Sprintf("%d/%d", n, res.Units), Folded: n > collapseAbove}
	c := res.Shortfall.Counts()
	var kinds []string
	for _, k := range []struct {
		n    int
		kind target.GapKind
	}{{c.NoRecord, target.GapNoRecord}, {c.Below, target.GapBelow}, {c.Above, target.GapAbove}, {c.Undecided, target.GapUndecided}} {
		if k.n > 0 {
			if in == lang.English {
				kinds = append(kinds, fmt.Sprintf("%d %s", k.n, k.kind.Name().En))
			} else {
				kinds = append(kinds, fmt.Sprintf("%s %d", k.kind.Name().Zh, k.n))
			}
		}
	}
	sf.Kinds = strings.Join(kinds, ", ")
	shown := n
	if limit >= 0 && shown > limit {
		shown = limit
	}
	for i := range shown {
		g := res.Shortfall.At(i)
		hg := htmlGap{Code: g.Region.Code, Name: g.Region.Name.In(in), Kind: g.Kind.Name().In(in), Has: g.Figure().In(in)}
		switch g.Kind {
		case target.GapNoRecord:
			// No record is unknown, not 0: nothing is had, nothing known lacking.
			hg.Has = "—"
		case target.GapBelow:
			hg.Difference = lb.Lacks + g.Difference().In(in)
		case target.GapAbove:
			hg.Difference = lb.Excess + g.Difference().In(in)
		case target.GapUndecided:
			// The figure recorded, whose qualifier allows both: not what it has.
			hg.Has = lb.Recorded + g.Figure().In(in)
		}
		sf.Gaps = append(sf.Gaps, hg)
	}
	if rest := n - shown; rest > 0 {
		sf.More = fmt.Sprintf(lb.More, rest)
	}
	return sf, true
}

// chartURI checks that svg is an SVG document and returns it as a data URI
// for an image: a browser shows it, and runs no script in it.
func chartURI(svg []byte) (template.URL, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", ErrChart
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		return "", ErrChart
	}
	// The URI is built here from base64 alone: nothing of svg reaches
	// the page but as those characters.
	return template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(svg)), nil
}
