// Package xlsx reads and writes ledgers as Excel workbooks (.xlsx), and
// writes reports as sheets. A ledger sheet has the columns of a CSV ledger
// (see [outcome]): offices keep their 台账 in spreadsheets.
//
// It also reads the CSV files a spreadsheet saves, in UTF-8 or, as Excel
// on Chinese Windows saves them, GB18030 ([ReadText], [ReadFile]).
//
// It is a package of its own so that the core packages keep their small
// dependency set: it uses github.com/xuri/excelize/v2, and
// golang.org/x/text (which excelize uses too) to decode GB18030. An .xlsx
// file is a zip archive, which is read whole; its rows are then read one at
// a time.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
	"github.com/xuri/excelize/v2"
)

// LedgerSheet is the name of the sheet [WriteLedger] writes and [Rows]
// reads first.
const LedgerSheet = "台账"

// ErrNoSheet reports a workbook without the sheet asked for.
var ErrNoSheet = errors.New("xlsx: no such sheet")

func pickSheet(f *excelize.File, sheet string) (string, error) {
	names := f.GetSheetList()
	if sheet == "" {
		for _, n := range names {
			if n == LedgerSheet {
				return n, nil
			}
		}
		if len(names) > 0 {
			return names[0], nil
		}
	}
	for _, n := range names {
		if n == sheet {
			return n, nil
		}
	}
	return "", fmt.Errorf("%w: %q (the workbook has %q)", ErrNoSheet, sheet, names)
}

// Read adds the records of the ledger sheet of the workbook r to l, all or
// nothing, with the rules and errors of [outcome.Ledger.ReadCSV]; a line
// number in an error is the sheet's row number.
func Read(l *outcome.Ledger, r io.Reader, opts outcome.ReadOptions) error {
	rows, done := Rows(r, "")
	err := l.ReadRows(rows, opts)
	if werr := done(); werr != nil {
		return werr
	}
	return err
}

// Records reads the records of the ledger sheet of the workbook r, as
// [outcome.RowRecords] does.
func Records(r io.Reader, name string) iter.Seq2[outcome.Record, error] {
	return func(yield func(outcome.Record, error) bool) {
		rows, done := Rows(r, "")
		for rec, err := range outcome.RowRecords(rows, name) {
			if !yield(rec, err) {
				return
			}
		}
		if err := done(); err != nil {
			yield(outcome.Record{}, err)
		}
	}
}

// WriteReport writes a report as a workbook: the report's sheet and a
// sheet per shortfall list, as [WriteReports] writes them.
func WriteReport(w io.Writer, r program.Report, in lang.Lang) error {
	return WriteReports(w, in, r)
}

// WriteReports writes reports as a workbook in lang, for reading and
// calculating in a spreadsheet: a sheet per report, named for its program
// (program.Program.ID with / written as -), and a sheet per shortfall
// list. Sheet names are cut to Excel's 31 characters and made distinct.
//
// A report's sheet has the program's name and ID, the date judged and the
// source (the document by title, journal and year, as
// [outcome.Citation.In] writes it), then a row per target (parts of an
// all-of target indented) with the columns of [program.Report.Table]: the required and achieved figures
// as written (with their qualifier, range or bounds) and as numbers (for a
// per-unit target, the units in the population and the units that meet
// it), the numbers shown with their unit by the cell's number format and
// the unit named in a column of its own; the date of the figures as a
// date, with a mark when stale; progress as a number shown as a
// percentage; status, certainty and pace; and the target's source. A
// figure without data is an empty cell, never 0. The summary and the
// legend of the marks follow.
//
// A shortfall sheet lists every unit short of a per-unit target by code
// (codes as text, so they keep their digits): its name, the kind of gap,
// and what it has, lacks or has in excess as numbers, their unit in the
// header. A unit without a record has no figures: it is unknown, not 0.
func WriteReports(w io.Writer, in lang.Lang, reports ...program.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	wb := &workbook{f: f, lb: reportLabels[in&1], lang: in, names: map[string]bool{}}
	if err := wb.styles(); err != nil {
		return err
	}
	first := true
	for _, r := range reports {
		name := wb.sheetName(strings.ReplaceAll(r.Program, "/", "-"))
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fmt.Errorf("xlsx: sheet %q: %w", name, err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", name, err)
		}
		if err := wb.report(name, r); err != nil {
			return fmt.Errorf("xlsx: sheet %q of %s: %w", name, r.Program, err)
		}
	}
	if first { // no report: an empty workbook is still a workbook
		if err := f.SetSheetName("Sheet1", wb.lb.empty); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// reportLabels are the words of a report workbook in each language.
var reportLabels = [...]reportLabel{lang.Chinese: {
	asOf: "截至", source: "来源", empty: "报告", stale: "旧",
	columns: []string{"目标", "类型", "要求", "实际", "要求数值", "实际数值", "单位",
		"数据截至", "旧数据", "进度", "状态", "确定性", "进度对比", "目标来源"},
	unitsCovered: "达标单位", shortfall: "未达标", code: "区划代码", name: "名称", gap: "情况",
	has: "现有", lacks: "差", excess: "超出", population: "单位总数",
}, lang.English: {
	asOf: "as of", source: "source", empty: "report", stale: "stale",
	columns: []string{"target", "kind", "required", "achieved", "required (number)", "achieved (number)", "unit",
		"data as of", "stale", "progress", "status", "certainty", "pace", "target source"},
	unitsCovered: "units meeting it", shortfall: "short", code: "code", name: "name", gap: "gap",
	has: "has", lacks: "lacks", excess: "excess", population: "units",
},
}

type reportLabel struct {
	asOf, source, empty, stale               string
	columns                                  []string
	unitsCovered, shortfall, code, name, gap string
	has, lacks, excess, population           string
}

// workbook writes the sheets of a report workbook.
type workbook struct {
	f     *excelize.File
	lb    reportLabel
	lang  lang.Lang
	names map[string]bool // sheet names taken, lower case (Excel ignores case)
	// Styles: bold for headings, a date, a percentage, and a number
	// format per unit that shows the unit after the figure.
	bold, date, percent int
	units               map[string]int
}

func (wb *workbook) styles() error {
	var err error
	if wb.bold, err = wb.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	dateFmt, pctFmt := "yyyy-mm-dd", "0.0%"
	if wb.date, err = wb.f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return err
	}
	if wb.percent, err = wb.f.NewStyle(&excelize.Style{CustomNumFmt: &pctFmt}); err != nil {
		return err
	}
	wb.units = map[string]int{}
	return nil
}

// unitText is how a figure's unit is written after it: its symbol in
// Chinese (名), its name in English (persons).
func (wb *workbook) unitText(u quantity.Unit) string {
	if wb.lang == lang.Chinese {
		return u.Symbol()
	}
	return u.Name().In(wb.lang)
}

// unitStyle returns the style of figures in unit: grouped digits, the
// decimals the figures have, and the unit after them.
func (wb *workbook) unitStyle(symbol string, places int32, qual quantity.Qualifier) (int, error) {
	key := fmt.Sprintf("%s/%d/%d", symbol, places, qual)
	if id, ok := wb.units[key]; ok {
		return id, nil
	}
	format := "#,##0"
	if places > 0 {
		format += "." + strings.Repeat("0", int(places))
	}
	var prefix, suffix string
	if qual != 0 {
		// The words the qualifier puts around a figure, as Quantity.In
		// writes them: 近1, 1余, 1以上, nearly 1.
		prefix, suffix, _ = strings.Cut(quantity.New(decimal.NewFromInt(1), 0, qual).In(wb.lang), "1")
	}
	if symbol != "" {
		suffix += " " + symbol
	}
	format = quoted(prefix) + format + quoted(suffix)
	id, err := wb.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	wb.units[key] = id
	return id, nil
}

// quoted is text in a number format: "近", or nothing.
func quoted(text string) string {
	if text == "" {
		return ""
	}
	return `"` + strings.ReplaceAll(text, `"`, "") + `"`
}

// sheetName makes base a valid sheet name not yet taken: none of the
// characters Excel refuses, at most 31 characters, distinct from the
// others regardless of case.
func (wb *workbook) sheetName(base string) string {
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, base)
	base = strings.Trim(base, "'")
	if base == "" {
		base = wb.lb.empty
	}
	cut := func(s string, n int) string {
		if r := []rune(s); len(r) > n {
			return string(r[:n])
		}
		return s
	}
	name := cut(base, 31)
	for i := 2; wb.names[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = cut(base, 31-len(suffix)) + suffix
	}
	wb.names[strings.ToLower(name)] = true
	return name
}

// cell is a cell's value and style (0 for none).
type cell struct {
	v     any
	style int
}

// row writes cells from column A of row n.
func (wb *workbook) row(sheet string, n int, cells ...cell) error {
	for i, c := range cells {
		if c.v == nil {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, n)
		if err != nil {
			return err
		}
		if err := wb.f.SetCellValue(sheet, ref, c.v); err != nil {
			return err
		}
		if c.style != 0 {
			if err := wb.f.SetCellStyle(sheet, ref, ref, c.style); err != nil {
				return err
			}
		}
	}
	return nil
}

func texts(style int, s ...string) []cell {
	out := make([]cell, len(s))
	for i, t := range s {
		out[i] = cell{t, style}
	}
	return out
}

// report writes r to its sheet, and its shortfall lists to sheets of their
// own.
func (wb *workbook) report(sheet string, r program.Report) error {
	lb, in := wb.lb, wb.lang
	n := 1
	if err := wb.row(sheet, n, cell{r.Name.In(in), wb.bold}, cell{r.Program, 0}); err != nil {
		return err
	}
	n++
	if err := wb.row(sheet, n, cell{lb.asOf, 0}, cell{day(r.AsOf), wb.date}); err != nil {
		return err
	}
	n++
	if err := wb.row(sheet, n, cell{lb.source, 0}, cell{r.Source.In(in), 0}); err != nil {
		return err
	}
	n += 2
	if err := wb.row(sheet, n, texts(wb.bold, lb.columns...)...); err != nil {
		return err
	}
	header := n
	table := r.Table(in)[1:] // the text of each row, in the order walked below
	var results []target.Result
	var walk func(res target.Result)
	walk = func(res target.Result) {
		results = append(results, res)
		for _, p := range res.Parts {
			walk(p)
		}
	}
	for _, res := range r.Results {
		walk(res)
	}
	for i, res := range results {
		n++
		t := table[i]
		for j, c := range t {
			if c == none {
				t[j] = "" // an empty cell, not a dash
			}
		}
		f, err := wb.figures(res)
		if err != nil {
			return err
		}
		// The text of the target, its kind, the required and achieved
		// figures as written (a range, a qualifier, the bounds of an
		// undecided verdict); then the figures as numbers, the date, the
		// stale mark and progress in place of their text; then the verdict
		// and the source.
		cells := append(texts(0, t[:4]...), f[:6]...)
		cells = append(cells, texts(0, t[6:]...)...)
		if err := wb.row(sheet, n, append(cells, f[6])...); err != nil {
			return err
		}
	}
	n += 2
	if err := wb.row(sheet, n, cell{r.Summary.In(in), 0}); err != nil {
		return err
	}
	for _, l := range r.Legend(in) {
		n++
		if err := wb.row(sheet, n, cell{l, 0}); err != nil {
			return err
		}
	}
	if err := wb.f.SetColWidth(sheet, "A", "A", 36); err != nil {
		return err
	}
	if err := wb.f.SetColWidth(sheet, "B", "N", 14); err != nil {
		return err
	}
	if err := wb.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: header, TopLeftCell: fmt.Sprintf("A%d", header+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for _, res := range results {
		if res.Shortfall.Len() == 0 || !hasFigure(res) {
			continue
		}
		if err := wb.shortfall(sheet, r, res); err != nil {
			return err
		}
	}
	return nil
}

// figures are a result's numeric cells: required, achieved, unit, data
// date, stale mark, progress, source. Cells without a figure are empty.
func (wb *workbook) figures(res target.Result) ([]cell, error) {
	out := make([]cell, 7)
	figure := hasFigure(res)
	number := func(d decimal.Decimal, u quantity.Unit) (cell, error) {
		style, err := wb.unitStyle(wb.unitText(u), max(0, -d.Exponent()), 0)
		return cell{d.InexactFloat64(), style}, err
	}
	// achievedNumber shows the achieved figure's qualifier around its
	// number (近100, 不到10, 5000余): the cell stays a number, and never reads
	// as the bare figure a missed target states.
	achievedNumber := func(q quantity.Quantity) (cell, error) {
		style, err := wb.unitStyle(wb.unitText(q.Unit()), max(0, -q.Value().Exponent()), q.Qualifier())
		return cell{q.Value().InexactFloat64(), style}, err
	}
	var err error
	switch {
	case !res.PerUnit.IsZero():
		// Units of the population and units that meet the target.
		out[0] = cell{res.Units, 0}
		if figure {
			out[1] = cell{res.Covered, 0}
		}
		out[2] = cell{wb.lb.unitsCovered, 0}
	case res.Kind == target.KindObserve:
		if figure {
			if out[1], err = achievedNumber(res.Achieved); err != nil {
				return nil, err
			}
		}
		out[2] = cell{res.Achieved.Unit().Name().In(wb.lang), 0}
	default:
		if !res.Required.IsZero() {
			if out[0], err = number(res.Required.Value(), res.Required.Unit()); err != nil {
				return nil, err
			}
			out[2] = cell{res.Required.Unit().Name().In(wb.lang), 0}
		}
		if figure {
			if out[1], err = achievedNumber(res.Achieved); err != nil {
				return nil, err
			}
			out[2] = cell{res.Achieved.Unit().Name().In(wb.lang), 0}
		}
	}
	if figure && !res.DataAsOf.IsZero() {
		out[3] = cell{day(res.DataAsOf), wb.date}
		if res.Stale {
			out[4] = cell{wb.lb.stale, 0}
		}
	}
	// The progress the text report shows, rounded as it is, so that the
	// cell never reads 100.0% for a target not met; text where the text
	// shows no number ("<100%").
	if p, ok := res.ShownProgress(); ok {
		out[5] = cell{p.InexactFloat64(), wb.percent}
	} else if pc := res.Percent(); figure && pc != "—" {
		out[5] = cell{pc, 0}
	}
	if !res.Source.IsZero() {
		out[6] = cell{res.Source.In(wb.lang), 0}
	}
	return out, nil
}

// shortfall writes the units short of res to a sheet of their own.
func (wb *workbook) shortfall(reportSheet string, r program.Report, res target.Result) error {
	lb, in := wb.lb, wb.lang
	sheet := wb.sheetName(lb.shortfall + " " + res.ID)
	if _, err := wb.f.NewSheet(sheet); err != nil {
		return fmt.Errorf("sheet %q: %w", sheet, err)
	}
	unit := wb.unitText(res.PerUnit.Unit())
	with := func(s string) string {
		if unit == "" {
			return s
		}
		return s + " (" + unit + ")"
	}
	if err := wb.row(sheet, 1, cell{res.Name.In(in), wb.bold}, cell{r.Program, 0}, cell{res.ID, 0}); err != nil {
		return err
	}
	if err := wb.row(sheet, 2, cell{lb.asOf, 0}, cell{day(r.AsOf), wb.date}); err != nil {
		return err
	}
	if err := wb.row(sheet, 3, cell{lb.shortfall, 0}, cell{res.Shortfall.Len(), 0}, cell{lb.population, 0}, cell{res.Units, 0}); err != nil {
		return err
	}
	if err := wb.row(sheet, 5, texts(wb.bold, lb.code, lb.name, lb.gap, with(lb.has), with(lb.lacks), with(lb.excess))...); err != nil {
		return err
	}
	// number is a figure as a number whose format shows its qualifier:
	// 不到3, and what it lacks 超过0, never a bare 3 lacking 0.
	number := func(q quantity.Quantity) (cell, error) {
		if q.IsRange() {
			return cell{q.In(in), 0}, nil // 0—5: no one number
		}
		if q.Qualifier() == 0 {
			return cell{q.Value().InexactFloat64(), 0}, nil
		}
		style, err := wb.unitStyle("", max(0, -q.Value().Exponent()), q.Qualifier())
		return cell{q.Value().InexactFloat64(), style}, err
	}
	n := 5
	for g := range res.Shortfall.All() {
		n++
		cells := []cell{{g.Region.Code, 0}, {g.Region.Name.In(in), 0}, {g.Kind.Name().In(in), 0}, {}, {}, {}}
		var err error
		if g.Kind != target.GapNoRecord { // unknown, not 0: no figures
			cells[3], err = number(g.Figure())
		}
		diff := 0 // the column of what it lacks or has in excess
		switch g.Kind {
		case target.GapBelow:
			diff = 4
		case target.GapAbove:
			diff = 5
		}
		if diff > 0 && err == nil {
			cells[diff], err = number(g.Difference())
		}
		if err != nil {
			return err
		}
		if err := wb.row(sheet, n, cells...); err != nil {
			return err
		}
	}
	if err := wb.f.SetColWidth(sheet, "A", "B", 16); err != nil {
		return err
	}
	return wb.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 5, TopLeftCell: "A6", ActivePane: "bottomLeft"})
}

// none is what [program.Report.Table] writes where there is no figure.
const none = "—"

// hasFigure reports whether a result has an achieved figure to show: not
// without data, and not before its start.
func hasFigure(res target.Result) bool {
	return res.Status != target.NoData && res.Status != target.NotStarted
}

// day is t's calendar date, which excelize writes as a date serial.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ReadFile adds the records of the ledger file name to l, all or nothing,
// choosing the reader by the file's extension: .csv, .jsonl (or .ndjson),
// or .xlsx. A .csv file is read as [ReadText] reads it: as UTF-8, or as
// GB18030 (GBK), the encoding Excel on Chinese Windows saves "CSV (逗号分隔)"
// in. Errors name the file as given; a file whose content is not what its
// extension says (a CSV file named .xlsx, a workbook named .csv) is
// refused with [ErrFormat], saying what it is.
func ReadFile(l *outcome.Ledger, name string, opts outcome.ReadOptions) error {
	if opts.Name == "" {
		opts.Name = name
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return ReadText(name, func(r io.Reader) error { return l.ReadCSV(r, opts) })
	case ".jsonl", ".ndjson":
		if kind := workbookKind(name); kind == "xlsx" || kind == "xls" {
			return fmt.Errorf("%s: %w: an Excel workbook, not JSON Lines: name it .%s", name, ErrFormat, kind)
		}
		return readFile(name, func(f *os.File) error { return l.ReadJSONL(f, opts) })
	case ".xlsx":
		if kind := workbookKind(name); kind != "xlsx" && kind != "" {
			// Not a zip archive: the zip reader would say only that.
			return fmt.Errorf("%s: %w: not an Excel workbook (.xlsx)%s", name, ErrFormat, kindAdvice[kind])
		}
		return readFile(name, func(f *os.File) error {
			err := Read(l, f, opts)
			if pe := (*outcome.ParseError)(nil); err != nil && !errors.As(err, &pe) {
				return fmt.Errorf("%s: %w", name, err) // the workbook's own errors name no file
			}
			return err
		})
	}
	return fmt.Errorf("%s: %w (want .csv, .jsonl or .xlsx)", name, ErrFormat)
}

// kindAdvice says what to do with a file of a kind workbookKind tells.
var kindAdvice = map[string]string{
	"xls":  ": an Excel 97–2003 workbook (.xls); save it as .xlsx or as CSV UTF-8",
	"text": "; a CSV file is named .csv",
}

// workbookKind tells a workbook by its first bytes: "xlsx" for a zip
// archive, "xls" for an Excel 97–2003 compound file, "text" otherwise; ""
// when the file cannot be opened (reading it then says why).
func workbookKind(name string) string {
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	var head [8]byte
	n, _ := io.ReadFull(f, head[:])
	switch {
	case n >= 4 && string(head[:4]) == "PK\x03\x04":
		return "xlsx"
	case n == 8 && string(head[:]) == "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
		return "xls"
	}
	return "text"
}

// ErrFormat reports a file whose extension names no ledger format.
var ErrFormat = errors.New("unknown ledger file format")
