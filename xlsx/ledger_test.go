package xlsx_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/xlsx"
	"github.com/xuri/excelize/v2"
)

// dateLedger is a ledger of a province and two counties, with a stock of
// establishments and a flow of person-times.
func dateLedger(t *testing.T) *outcome.Ledger {
	t.Helper()
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
	})
	require.NoError(t, err)
	l, err := outcome.NewLedger(rs,
		outcome.Indicator{Code: "star-spaces", Name: lang.Name{Zh: "星创天地", En: "star spaces"}, Unit: quantity.Establishment, Aggregation: outcome.Stock},
		outcome.Indicator{Code: "training", Name: lang.Name{Zh: "培训", En: "training"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
	)
	require.NoError(t, err)
	return l
}

// styled is a cell's value and its number format: a custom format code,
// or a built-in format's id.
type styled struct {
	v       any
	format  string
	builtin int
}

// typedSheet builds a workbook whose first sheet holds rows, as an office
// types them: dates as dates, with the number formats given.
func typedSheet(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, row := range rows {
		for j, v := range row {
			ref, err := excelize.CoordinatesToCellName(j+1, i+1)
			require.NoError(t, err)
			c, ok := v.(styled)
			if !ok {
				c = styled{v: v}
			}
			require.NoError(t, f.SetCellValue("Sheet1", ref, c.v))
			if c.format == "" && c.builtin == 0 {
				continue
			}
			st := &excelize.Style{NumFmt: c.builtin}
			if c.format != "" {
				st.CustomNumFmt = &c.format
			}
			id, err := f.NewStyle(st)
			require.NoError(t, err)
			require.NoError(t, f.SetCellStyle("Sheet1", ref, ref, id))
		}
	}
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestReadDateCells: periods and a reported day typed into Excel as
// dates read as the dates their formats show, a month, a day or a year;
// numbers in other formats stay the numbers shown, and a time of day is
// no date.
func TestReadDateCells(t *testing.T) {
	data := typedSheet(t, [][]any{
		{"指标", "区划", "时期", "数值", "填报日期", "更正前数值", "更正原因", "备注"},
		{"star-spaces", "430000", styled{v: day(2020, 12, 1), format: "mmm-yy"}, styled{v: 149, format: `0"家"`}},
		{"star-spaces", "433122", styled{v: day(2020, 11, 5), format: `yyyy"年"m"月"`}, 3},
		{"training", "433122", styled{v: day(2020, 10, 15), format: "yyyy-mm-dd"}, styled{v: 1234, format: "0.0"}},
		{"training", "433130", styled{v: day(2019, 7, 1), format: "yyyy"}, 30},
		{"training", "430000", styled{v: day(2020, 3, 1), builtin: 17}, 5}, // mmm-yy
		{"training", "430000", styled{v: day(2020, 4, 2), builtin: 14}, 6}, // a day
		{"training", "433130", styled{v: day(2020, 5, 1), builtin: 27}, 7}, // yyyy"年"m"月"
		{"training", "433122", styled{v: "2019", format: "yyyy-mm"}, 4},    // text in a date column
		{"star-spaces", "430000", styled{v: day(2020, 12, 1), format: "yyyy-mm"}, 151,
			styled{v: day(2021, 1, 10), format: "yyyy/m/d"}, 149, "漏报两家", styled{v: 0.5, format: "h:mm"}},
	})
	rows, done := xlsx.Rows(bytes.NewReader(data), "")
	var periods, notes []string
	for row := range rows {
		periods = append(periods, row.Cells[2])
		if len(row.Cells) > 7 {
			notes = append(notes, row.Cells[4], row.Cells[7])
		}
	}
	require.NoError(t, done())
	want := []string{"时期", "2020-12", "2020-11", "2020-10-15", "2019", "2020-03", "2020-04-02", "2020-05", "2019", "2020-12"}
	if diff := cmp.Diff(want, periods); diff != "" {
		t.Errorf("period cells mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"填报日期", "备注", "2021-01-10", "12:00"}, notes); diff != "" {
		t.Errorf("reported and note cells mismatch (-want +got):\n%s", diff)
	}

	l := dateLedger(t)
	require.NoError(t, xlsx.Read(l, bytes.NewReader(data), outcome.ReadOptions{Name: "dates.xlsx"}))
	var got []string
	for r := range l.All() {
		got = append(got, r.Indicator+" "+r.Region+" "+r.Period.String()+" "+r.Quantity.String())
	}
	slices.Sort(got)
	wantRecords := []string{
		"star-spaces 430000 2020-12 149家", "star-spaces 430000 2020-12 151家", "star-spaces 433122 2020-11 3家",
		"training 430000 2020-03 5人次", "training 430000 2020-04-02/2020-04-02 6人次",
		"training 433122 2019 4人次", "training 433122 2020-10-15/2020-10-15 1234人次", "training 433130 2019 30人次", "training 433130 2020-05 7人次",
	}
	if diff := cmp.Diff(wantRecords, got); diff != "" {
		t.Errorf("records mismatch (-want +got):\n%s", diff)
	}
	h, err := l.History("star-spaces", "430000", period.Month(2020, time.December))
	require.NoError(t, err)
	if len(h) != 2 || !h[1].Reported.Equal(day(2021, 1, 10)) || h[1].Reason != "漏报两家" || h[1].Note != "12:00" {
		t.Errorf("history = %v, want the correction reported on 2021-01-10", h)
	}
}

// TestReadDateCellErrors: a date cell where a value belongs, and a time
// of day where a period belongs, are refused with the row and column, and
// the sheet adds nothing.
func TestReadDateCellErrors(t *testing.T) {
	for _, c := range []struct {
		name          string
		cell          styled
		column, value string
	}{
		{"a date for a value", styled{v: day(2020, 12, 1), format: "yyyy-mm"}, "value", "2020-12"},
		{"a time of day for a period", styled{v: 0.5, format: "h:mm"}, "period", "12:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			row := []any{"training", "433122", styled{v: day(2020, 1, 1), format: "yyyy-mm"}, 5}
			if c.column == "value" {
				row[3] = c.cell
			} else {
				row[2] = c.cell
			}
			data := typedSheet(t, [][]any{
				{"indicator", "region", "period", "value"},
				{"training", "433130", styled{v: day(2020, 1, 1), format: "yyyy-mm"}, 5},
				row,
			})
			l := dateLedger(t)
			err := xlsx.Read(l, bytes.NewReader(data), outcome.ReadOptions{Name: "dates.xlsx"})
			var pe *outcome.ParseError
			if !errors.As(err, &pe) || pe.File != "dates.xlsx" || pe.Line != 3 || pe.Column != c.column || pe.Value != c.value {
				t.Errorf("Read error = %#v, want dates.xlsx:3 %s %q", err, c.column, c.value)
			}
			if l.Len() != 0 {
				t.Errorf("a refused sheet left %d records", l.Len())
			}
		})
	}
}

// TestLedgerRoundTripCorrections: a ledger with a corrected figure and
// attributes writes as a workbook with the CSV columns and reads back
// equal, history included.
func TestLedgerRoundTripCorrections(t *testing.T) {
	l := dateLedger(t)
	first := outcome.Record{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("149家"),
		Source: outcome.Cite("县科技局年报", "一", "[1]"), Attrs: outcome.MakeAttributes("填报人", "张三", "联系电话", "0743-1234567")}
	require.NoError(t, l.Add(first,
		outcome.Record{Indicator: "training", Region: "433122", Period: period.Year(2019),
			Quantity: quantity.MustParse("约30人次"), Attrs: outcome.MakeAttributes("联系电话", "0743-7654321", "a=b; c", "d;e\\")},
	))
	require.NoError(t, l.Add(outcome.Record{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019),
		Quantity: quantity.MustParse("151家"), Revises: first.Quantity, Reported: day(2020, 3, 1), Reason: "漏报两家",
		Attrs: outcome.MakeAttributes("更正人", "王五")}))
	require.NoError(t, l.Add(outcome.Record{Indicator: "training", Region: "433122", Period: period.Year(2019),
		Quantity: quantity.MustParse("32人次"), Revises: quantity.MustParse("约30人次"), Reported: day(2020, 4, 1), Reason: "补录"}))
	want := slices.Collect(l.All())
	if len(want) != 4 {
		t.Fatalf("the ledger holds %d records, want 4 (every version)", len(want))
	}
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteLedger(&b, l.All()))

	// The sheet's header is the CSV header.
	var csvOut bytes.Buffer
	require.NoError(t, outcome.WriteCSV(&csvOut, slices.Values([]outcome.Record(nil))))
	rows, done := xlsx.Rows(bytes.NewReader(b.Bytes()), "")
	for row := range rows {
		if got, want := strings.Join(row.Cells, ","), strings.TrimSpace(csvOut.String()); got != want {
			t.Errorf("header = %s, want the CSV header %s", got, want)
		}
		break
	}
	require.NoError(t, done())

	for _, strict := range []bool{false, true} {
		back := dateLedger(t)
		require.NoError(t, xlsx.Read(back, bytes.NewReader(b.Bytes()), outcome.ReadOptions{Name: "ledger.xlsx", Strict: strict}))
		if diff := cmp.Diff(want, slices.Collect(back.All())); diff != "" {
			t.Errorf("round trip (strict %v) mismatch (-want +got):\n%s", strict, diff)
		}
		for _, k := range []struct{ ind, region string }{{"star-spaces", "430000"}, {"training", "433122"}} {
			h1, err1 := l.History(k.ind, k.region, period.Year(2019))
			h2, err2 := back.History(k.ind, k.region, period.Year(2019))
			require.NoError(t, errors.Join(err1, err2))
			if len(h1) != 2 {
				t.Fatalf("History(%s, %s) has %d versions, want 2", k.ind, k.region, len(h1))
			}
			if diff := cmp.Diff(h1, h2); diff != "" {
				t.Errorf("History(%s, %s) mismatch (-want +got):\n%s", k.ind, k.region, diff)
			}
		}
	}
}
