package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/xlsx"
)

func TestLedgerRoundTrip(t *testing.T) {
	// Hunan's reported outcomes: qualifiers, undated and cumulative periods,
	// citations and notes with line breaks.
	l := hunan.Reported()
	want := slices.Collect(l.All())
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteLedger(&b, l.All()))
	back, err := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	require.NoError(t, err)
	require.NoError(t, xlsx.Read(back, bytes.NewReader(b.Bytes()), outcome.ReadOptions{Name: "hunan.xlsx"}))
	if diff := cmp.Diff(want, slices.Collect(back.All())); diff != "" {
		t.Errorf("xlsx round trip mismatch (-want +got):\n%s", diff)
	}
	n := 0
	for _, err := range xlsx.Records(bytes.NewReader(b.Bytes()), "hunan.xlsx") {
		require.NoError(t, err)
		n++
	}
	if n != len(want) {
		t.Errorf("Records read %d records, want %d", n, len(want))
	}
}

// sheet builds a workbook whose first sheet holds rows.
func sheet(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func TestReadErrors(t *testing.T) {
	// A sheet typed by hand: numbers as numbers, a blank row, and a bad
	// region in row 5.
	data := sheet(t, [][]any{
		{"指标", "区划", "时期", "数值"},
		{"star-spaces", "430000", 2019, 149},
		{},
		{"training-sessions", "430000", 2018, "达5746次"},
		{"training-sessions", "439999", 2019, 10},
	})
	l, err := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	require.NoError(t, err)
	err = xlsx.Read(l, bytes.NewReader(data), outcome.ReadOptions{Name: "hand.xlsx"})
	var pe *outcome.ParseError
	if !errors.As(err, &pe) || pe.File != "hand.xlsx" || pe.Line != 5 || pe.Column != "区划" || !errors.Is(err, outcome.ErrUnknownRegion) {
		t.Fatalf("Read error = %v, want hand.xlsx:5 区划 (as its header writes it): unknown region", err)
	}
	if l.Len() != 0 {
		t.Errorf("a refused sheet left %d records", l.Len())
	}
	if err := xlsx.Read(l, strings.NewReader("not a workbook"), outcome.ReadOptions{}); err == nil {
		t.Error("reading a non-workbook gave no error")
	}
	rows, done := xlsx.Rows(bytes.NewReader(data), "missing")
	for range rows {
	}
	if err := done(); !errors.Is(err, xlsx.ErrNoSheet) {
		t.Errorf("Rows of a missing sheet: %v, want ErrNoSheet", err)
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sample is a report modelled on 000_f8a6b69a178fa4e7.txt footnote ③
// (「千、万、十万」) and §3.2 (3—5 leaders per village), over three
// counties: 1000余 federations, no figure of workers, and leaders in two
// counties of which one falls short and one without a record.
func sample(t *testing.T) program.Report {
	t.Helper()
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
		{Code: "433123", Name: lang.Name{Zh: "凤凰县", En: "Fenghuang"}, Level: outcome.County, Parent: "430000"},
	})
	require.NoError(t, err)
	cite := outcome.Cite("000_f8a6b69a178fa4e7.txt", "2", "③")
	p := program.Program{
		ID:       "test/sample",
		Name:     lang.Name{Zh: "科技助力精准扶贫工程(节选)", En: "Sci-Tech Aid (excerpt)"},
		Level:    outcome.Nation,
		Start:    date(2016, 10, 1),
		Deadline: date(2020, 12, 31),
		Source:   cite,
		Indicators: []outcome.Indicator{
			{Code: "federations", Name: lang.Name{Zh: "农技协联合会", En: "federations"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
			{Code: "workers", Name: lang.Name{Zh: "科技工作者", En: "sci-tech workers"}, Unit: quantity.Person, Aggregation: outcome.Stock},
			{Code: "leaders", Name: lang.Name{Zh: "致富带头人", En: "leaders"}, Unit: quantity.Person, Aggregation: outcome.Flow},
		},
		Targets: []target.Target{
			target.AtLeast("federations", lang.Name{Zh: "1000个以上农技协联合会", En: "1000 federations or more"}, "federations", quantity.MustParse("1000个以上")).Cite(cite),
			target.AtLeast("workers", lang.Name{Zh: "100000名以上科技工作者", En: "100000 workers or more"}, "workers", quantity.MustParse("100000名以上")).Cite(cite),
			target.EachInRange("leaders", lang.Name{Zh: "每县3—5位带头人", En: "3 to 5 leaders per county"}, "leaders",
				target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, ""), quantity.MustParse("3—5位")),
		},
	}
	l, err := outcome.NewLedger(rs, p.Indicators...)
	require.NoError(t, err)
	require.NoError(t, l.Add(
		outcome.Record{Indicator: "federations", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("1000余个")},
		outcome.Record{Indicator: "leaders", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("4名")},
		outcome.Record{Indicator: "leaders", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("不到3名")},
	))
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	return r
}

// dump writes every cell of a workbook, sheet by sheet, with its type and
// number format: what a golden file can show of a binary workbook.
func dump(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, name := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", name)
		rows, err := f.GetRows(name)
		require.NoError(t, err)
		for i, row := range rows {
			for j := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				value, typ, format := cellOf(t, f, name, ref)
				if value == "" {
					continue
				}
				kind := map[excelize.CellType]string{excelize.CellTypeUnset: "number", excelize.CellTypeSharedString: "text",
					excelize.CellTypeInlineString: "text", excelize.CellTypeBool: "bool"}[typ]
				if format != "" {
					kind += " " + format
				}
				fmt.Fprintf(&b, "%s\t%s\t%s\n", ref, kind, value)
			}
		}
	}
	return b.Bytes()
}

// cellOf reads a cell's raw value, type and number format.
func cellOf(t *testing.T, f *excelize.File, sheet, ref string) (value string, typ excelize.CellType, format string) {
	t.Helper()
	value, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	typ, err = f.GetCellType(sheet, ref)
	require.NoError(t, err)
	id, err := f.GetCellStyle(sheet, ref)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if st.CustomNumFmt != nil {
		format = *st.CustomNumFmt
	}
	return value, typ, format
}

func TestReportGolden(t *testing.T) {
	r := sample(t)
	for _, in := range []lang.Lang{lang.Chinese, lang.English} {
		var b bytes.Buffer
		require.NoError(t, xlsx.WriteReport(&b, r, in))
		f, err := excelize.OpenReader(&b)
		require.NoError(t, err)
		golden.Check(t, "sample."+in.String()+".txt", dump(t, f))
	}
}

// TestReportCells checks the types and number formats of the figures:
// the as-of date and the data date are dates, progress a number formatted
// as a percentage, figures numbers formatted with their unit, a figure
// without data an empty cell; and the shortfall sheet.
func TestReportCells(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteReport(&b, sample(t), lang.English))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	if got, want := f.GetSheetList(), []string{"test-sample", "short leaders"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	const number = excelize.CellTypeUnset // excelize's type of a number cell
	for _, c := range []struct {
		name, sheet, ref, value string
		typ                     excelize.CellType
		format                  string
	}{
		{"as-of date", "test-sample", "B2", "43830", number, "yyyy-mm-dd"}, // 2019-12-31
		// The document by its English title, journal and year, not its file name.
		{"source", "test-sample", "B3", `"Science and Technology Empowering Promotes Targeted Poverty Alleviation", Bulletin of Chinese Academy of Sciences (Chinese Version), 2020, §2 ③`, excelize.CellTypeSharedString, ""},
		{"required", "test-sample", "E6", "1000", number, `#,##0" units"`},
		// 1000余个: a number that shows its qualifier, never the bare 1000.
		{"achieved", "test-sample", "F6", "1000", number, `"more than "#,##0" units"`},
		{"data date", "test-sample", "H6", "43830", number, "yyyy-mm-dd"},
		{"progress", "test-sample", "J6", "1", number, "0.0%"},
		{"no data: no figure", "test-sample", "F7", "", number, ""},
		{"no data: no progress", "test-sample", "J7", "", number, ""},
		{"units of the population", "test-sample", "E8", "3", number, ""},
		{"units meeting it", "test-sample", "F8", "1", number, ""},
		// The progress the text shows (33.3%), so that a cell never reads
		// 100.0% for a target not met.
		{"progress of a per-unit target", "test-sample", "J8", "0.333", number, "0.0%"},
		{"code as text", "short leaders", "A6", "433123", excelize.CellTypeSharedString, ""},
		{"no record: no figure", "short leaders", "D6", "", number, ""},
		// 不到3 against 3—5: below, and what it lacks is more than 0, not 0.
		{"what a unit has", "short leaders", "D7", "3", number, `"less than "#,##0`},
		{"what a unit lacks", "short leaders", "E7", "0", number, `"over "#,##0`},
	} {
		t.Run(c.name, func(t *testing.T) {
			value, typ, format := cellOf(t, f, c.sheet, c.ref)
			if value != c.value || typ != c.typ || format != c.format {
				t.Errorf("%s!%s = %q (type %v, format %q), want %q (type %v, format %q)", c.sheet, c.ref, value, typ, format, c.value, c.typ, c.format)
			}
		})
	}
	rows, err := f.GetRows("short leaders")
	require.NoError(t, err)
	if got, want := rows[4], []string{"code", "name", "gap", "has (persons)", "lacks (persons)", "excess (persons)"}; !slices.Equal(got, want) {
		t.Errorf("shortfall header = %q, want %q", got, want)
	}
}

func TestWriteReport(t *testing.T) {
	r, err := hunan.ExpertServiceTeams().Evaluate(hunan.Reported(), time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteReport(&b, r, lang.English))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	sheet := "hunan-expert-service-teams"
	if got := f.GetSheetList(); len(got) == 0 || got[0] != sheet {
		t.Fatalf("sheets = %q, want %q first", got, sheet)
	}
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	if rows[0][1] != "hunan/expert-service-teams" || rows[1][1] != "2019-12-31" || rows[4][0] != "target" {
		t.Errorf("report sheet head = %q", rows[:5])
	}
	if got := rows[6]; got[0] != "an expert team for every county-level unit" || got[3] != "123/123" || got[10] != "met" {
		t.Errorf("report row = %q", got)
	}
	// hunan.Reported records the 51 poor counties' teams for 2018, a year
	// before the date judged.
	if got := rows[5]; rows[4][7] != "data as of" || got[7] != "2018-12-31" || got[8] != "stale" {
		t.Errorf("report row = %q, want the date of its figures marked stale", got)
	}
	// The summary and the legend of the stale mark follow the table.
	tail := rows[len(rows)-2:]
	if want := r.Summary.In(lang.English); len(tail[0]) == 0 || tail[0][0] != want {
		t.Errorf("report summary row = %q, want %q", tail[0], want)
	}
	if want := r.Legend(lang.English); len(want) != 1 || len(tail[1]) == 0 || tail[1][0] != want[0] {
		t.Errorf("report legend row = %q, want %q", tail[1], want)
	}
}

func TestSheetNames(t *testing.T) {
	r := sample(t)
	var b bytes.Buffer
	// The same report twice: the second sheet gets a name of its own.
	require.NoError(t, xlsx.WriteReports(&b, lang.English, r, r))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, s := range f.GetSheetList() {
		if len([]rune(s)) > 31 || strings.ContainsAny(s, `:\/?*[]`) || seen[strings.ToLower(s)] {
			t.Errorf("sheet name %q is not one Excel takes", s)
		}
		seen[strings.ToLower(s)] = true
	}
	if !seen[strings.ToLower(strings.ReplaceAll(r.Program, "/", "-")+" (2)")] {
		t.Errorf("sheets %q lack the second copy of %s", f.GetSheetList(), r.Program)
	}
}

// A progress cell says what the text report says: nothing for an undecided
// figure, and "<100%" as text, not a 100.0% number, for a stated figure that
// reaches a target its bounds miss.
func TestProgressCellsAgreeWithText(t *testing.T) {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province}})
	require.NoError(t, err)
	p := program.Program{
		ID: "test/progress", Name: lang.Name{Zh: "进度"}, Level: outcome.Province,
		Start: date(2016, 1, 1), Deadline: date(2019, 12, 31),
		Indicators: []outcome.Indicator{
			{Code: "near", Name: lang.Name{Zh: "近"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
			{Code: "open", Name: lang.Name{Zh: "待定"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
		},
		Targets: []target.Target{
			target.AtLeast("near", lang.Name{Zh: "1000个"}, "near", quantity.MustParse("1000个")),
			target.AtLeast("open", lang.Name{Zh: "900个"}, "open", quantity.MustParse("900个")),
		},
	}
	l, err := outcome.NewLedger(rs, p.Indicators...)
	require.NoError(t, err)
	require.NoError(t, l.Add(
		outcome.Record{Indicator: "near", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("近1000个")},
		outcome.Record{Indicator: "open", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("近1000个")},
	))
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	require.Equal(t, []target.Status{target.Missed, target.Undecided}, []target.Status{r.Results[0].Status, r.Results[1].Status})
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteReport(&b, r, lang.English))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	value, typ, _ := cellOf(t, f, "test-progress", "J6")
	assert.Equal(t, "<100%", value)
	assert.Equal(t, excelize.CellTypeSharedString, typ)
	value, _, _ = cellOf(t, f, "test-progress", "J7")
	assert.Empty(t, value, "undecided: no progress")
}
