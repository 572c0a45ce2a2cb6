// Package xlsx reads and writes ledgers as Excel workbooks (.xlsx), and
// writes reports as sheets. A ledger sheet has the columns of a CSV ledger
// (see [outcome]): offices keep their 台账 in spreadsheets.
//
// It is a package of its own so that the core packages keep their small
// dependency set: it uses github.com/xuri/excelize/v2. An .xlsx file is a zip
// archive, which is read whole; its rows are then read one at a time.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/xuri/excelize/v2"
)

// LedgerSheet is the name of the sheet [WriteLedger] writes and [Rows]
// reads first.
const LedgerSheet = "台账"

// ErrNoSheet reports a workbook without the sheet asked for.
var ErrNoSheet = errors.New("xlsx: no such sheet")

// Rows yields the rows of a sheet of the workbook r: the sheet named sheet,
// or when sheet is "", the one named [LedgerSheet] if there is one, else
// the first. The error is for the workbook as a whole; it is nil when the
// rows were all read.
func Rows(r io.Reader, sheet string) (iter.Seq[outcome.Row], func() error) {
	var err error
	seq := func(yield func(outcome.Row) bool) {
		f, e := excelize.OpenReader(r)
		if e != nil {
			err = fmt.Errorf("xlsx: %w", e)
			return
		}
		defer f.Close()
		name, e := pickSheet(f, sheet)
		if e != nil {
			err = e
			return
		}
		rows, e := f.Rows(name)
		if e != nil {
			err = fmt.Errorf("xlsx: sheet %s: %w", name, e)
			return
		}
		defer rows.Close()
		for n := 1; rows.Next(); n++ {
			cells, e := rows.Columns()
			if e != nil {
				err = fmt.Errorf("xlsx: sheet %s row %d: %w", name, n, e)
				return
			}
			if !yield(outcome.Row{Number: n, Cells: cells}) {
				return
			}
		}
		if e := rows.Error(); e != nil {
			err = fmt.Errorf("xlsx: sheet %s: %w", name, e)
		}
	}
	return seq, func() error { return err }
}

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

// columns are the ledger sheet's columns, as in CSV.
var columns = []any{"indicator", "region", "period", "value", "unit", "qualifier", "source", "section", "mark", "note"}

// WriteLedger writes records as a workbook with one sheet, [LedgerSheet],
// with the CSV columns; every cell is text, so codes keep their digits and
// values their precision.
func WriteLedger(w io.Writer, records iter.Seq[outcome.Record]) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", LedgerSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(LedgerSheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", columns); err != nil {
		return err
	}
	n := 2
	for r := range records {
		q := r.Quantity
		row := []any{r.Indicator, r.Region, r.Period.String(), q.Value().String(), q.Unit().Symbol(), q.Qualifier().String(),
			r.Source.Document, r.Source.Section, r.Source.Mark, r.Note}
		if err := sw.SetRow("A"+strconv.Itoa(n), row); err != nil {
			return err
		}
		n++
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// WriteReport writes a report as a workbook with one sheet, "report": the
// program and the date, a row per target (parts of an all-of target
// indented) with the columns of [program.Report.Table], among them the date
// of the figures, marked when stale; then the summary and the legend of the
// marks used, in lang.
func WriteReport(w io.Writer, r program.Report, lang outcome.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "report"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	asOf := "截至"
	if lang == outcome.English {
		asOf = "as of"
	}
	rows := append([][]string{{r.Name.In(lang), r.Program}, {asOf, r.AsOf.Format(time.DateOnly), r.Source.String()}, nil}, r.Table(lang)...)
	rows = append(rows, nil, []string{r.Summary.In(lang)})
	for _, l := range r.Legend(lang) {
		rows = append(rows, []string{l})
	}
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// ReadFile adds the records of the ledger file name to l, all or nothing,
// choosing the reader by the file's extension: .csv, .jsonl (or .ndjson),
// or .xlsx. Errors name the file as given.
func ReadFile(l *outcome.Ledger, name string, opts outcome.ReadOptions) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if opts.Name == "" {
		opts.Name = name
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return l.ReadCSV(f, opts)
	case ".jsonl", ".ndjson":
		return l.ReadJSONL(f, opts)
	case ".xlsx":
		return Read(l, f, opts)
	}
	return fmt.Errorf("%s: %w (want .csv, .jsonl or .xlsx)", name, ErrFormat)
}

// ErrFormat reports a file whose extension names no ledger format.
var ErrFormat = errors.New("unknown ledger file format")
