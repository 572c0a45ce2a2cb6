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
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/xlsx"
	"github.com/xuri/excelize/v2"
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
		{hunan.StarSpaces, "430000", 2019, 149},
		{},
		{hunan.TrainingSessions, "430000", 2018, "达5746次"},
		{hunan.TrainingSessions, "439999", 2019, 10},
	})
	l, err := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	require.NoError(t, err)
	err = xlsx.Read(l, bytes.NewReader(data), outcome.ReadOptions{Name: "hand.xlsx"})
	var pe *outcome.ParseError
	if !errors.As(err, &pe) || pe.File != "hand.xlsx" || pe.Line != 5 || pe.Column != "region" || !errors.Is(err, outcome.ErrUnknownRegion) {
		t.Fatalf("Read error = %v, want hand.xlsx:5 region: unknown region", err)
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

func TestWriteReport(t *testing.T) {
	r, err := hunan.ExpertServiceTeams().Evaluate(hunan.Reported(), time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, xlsx.WriteReport(&b, r, outcome.English))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	rows, err := f.GetRows("report")
	require.NoError(t, err)
	if rows[0][1] != "hunan/expert-service-teams" || rows[1][1] != "2019-12-31" || rows[3][0] != "target" {
		t.Errorf("report sheet head = %q", rows[:4])
	}
	if got := rows[5]; got[0] != "an expert team for every county-level unit" || got[3] != "123/123" || got[6] != "met" {
		t.Errorf("report row = %q", got)
	}
	// hunan.Reported records the 51 poor counties' teams for 2018, a year
	// before the date judged.
	if got := rows[4]; rows[3][4] != "data as of" || got[4] != "2018-12-31 (stale)" {
		t.Errorf("report row = %q, want the date of its figures marked stale", got)
	}
	// The summary and the legend of the stale mark follow the table.
	tail := rows[len(rows)-2:]
	if want := r.Summary.In(outcome.English); len(tail[0]) == 0 || tail[0][0] != want {
		t.Errorf("report summary row = %q, want %q", tail[0], want)
	}
	if want := r.Legend(outcome.English); len(want) != 1 || len(tail[1]) == 0 || tail[1][0] != want[0] {
		t.Errorf("report legend row = %q, want %q", tail[1], want)
	}
}
