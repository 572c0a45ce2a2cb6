package xlsx

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/xuri/excelize/v2"
)

// Rows yields the rows of a sheet of the workbook r: the sheet named sheet,
// or when sheet is "", the one named [LedgerSheet] if there is one, else
// the first. The error is for the workbook as a whole; it is nil when the
// rows were all read.
//
// A cell is its text as the sheet shows it, except a date cell (a date
// serial with a number format that shows a date), which is the period the
// format shows: a format of a year and a month (yyyy-mm, mmm-yy,
// yyyy"年"m"月") gives the month, 2020-12, not the Dec-20 it displays; a
// format with a day (yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日") gives the day,
// 2020-12-01; a format of the year alone gives the year, 2020. So a period
// or a reported day typed into Excel as a date reads as the date it shows.
// Numbers in any other format, and times of day, are their text as shown.
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
		dates, e := newDateCells(f, name)
		if e != nil {
			err = fmt.Errorf("xlsx: sheet %s: %w", name, e)
			return
		}
		if dates != nil {
			defer dates.close()
		}
		for n := 1; rows.Next(); n++ {
			cells, e := rows.Columns()
			if e == nil && dates != nil {
				cells, e = dates.row(n, cells)
			}
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

// columns are the ledger sheet's columns, as [outcome.WriteCSV] writes
// them.
var columns = []any{"indicator", "region", "period", "value", "unit", "qualifier", "source", "section", "mark", "note",
	"reported", "reason", "revises", "attrs"}

// WriteLedger writes records as a workbook with one sheet, [LedgerSheet],
// with the columns and cells [outcome.WriteCSV] writes: a correction's
// day reported, reason and the figure it revises, and a record's
// attributes in the one column attrs ([outcome.Attributes.MarshalText]).
// Every cell is text, so codes keep their digits and values their
// precision. [Read] reads it back to an equal ledger: written from
// [outcome.Ledger.All], with every version of every figure.
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
		reported, revises := "", ""
		if !r.Reported.IsZero() {
			reported = r.Reported.Format(time.DateOnly)
		}
		if rv := r.Revises; !rv.IsZero() {
			// In the value's unit as a plain decimal, as WriteCSV writes it,
			// or as reports write it when its unit or qualifier differs.
			if rv.Unit() == q.Unit() && rv.Qualifier() == 0 {
				revises = rv.Value().String()
			} else {
				revises = rv.String()
			}
		}
		attrs, err := r.Attrs.MarshalText()
		if err != nil {
			return err
		}
		row := []any{r.Indicator, r.Region, r.Period.String(), q.Value().String(), q.Unit().Symbol(), q.Qualifier().String(),
			r.Source.Document, r.Source.Section, r.Source.Mark, r.Note, reported, r.Reason, revises, string(attrs)}
		if err := sw.SetRow("A"+strconv.Itoa(n), row); err != nil {
			return fmt.Errorf("xlsx: row %d (%s %s %s): %w", n, r.Indicator, r.Region, r.Period, err)
		}
		n++
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
