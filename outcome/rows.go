package outcome

import (
	"fmt"
	"iter"
	"strings"

	"github.com/taizhang/taizhang/internal/csvscan"
)

// Row is a row of cells from a table, such as a spreadsheet: its 1-based
// row number and its cells as text.
type Row struct {
	Number int
	Cells  []string
}

// ReadRows adds the records of a table whose first row names the columns,
// all or nothing, under the rules and with the errors of [Ledger.ReadCSV]:
// the way to load a spreadsheet or any other source of rows. Rows may have
// fewer cells than the header; the missing ones are empty. The rows are
// read and parsed before the ledger is locked, so rows may come from code
// that reads the ledger; the ledger is locked only to add them.
func (l *Ledger) ReadRows(rows iter.Seq[Row], opts ReadOptions) error {
	p := rowParser{file: opts.Name}
	var rd *rowReader // reads only the ledger's fixed parts: no lock needed
	var b batch
	b.reset()
	var fields [][]byte
	for row := range rows {
		fields = rowFields(fields[:0], row.Cells, p.width)
		if rd == nil {
			if err := p.header(fields, opts.Strict); err != nil {
				return err
			}
			rd = l.newRowReader(p)
			continue
		}
		if blank(row.Cells) {
			continue
		}
		if !rd.read(&b, row.Number, fields) && !opts.AllErrors {
			b.stop = true
			break
		}
	}
	if rd == nil {
		return &ParseError{File: opts.Name, Line: 1, Err: fmt.Errorf("%w: no header row", errMissingColumn)}
	}
	rd.resolve(&b, opts)
	l.mu.Lock()
	defer l.mu.Unlock()
	a := l.newApplier(opts.Name, opts)
	a.valueColumn = p.written[colValue]
	a.apply(&b)
	return a.finish()
}

// RowRecords reads records from a table whose first row names the columns,
// as Ledger.ReadCSV reads them from CSV, without a ledger.
func RowRecords(rows iter.Seq[Row], name string) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		p := &rowParser{file: name}
		header := true
		var fields [][]byte
		for row := range rows {
			fields = rowFields(fields[:0], row.Cells, p.width)
			if header {
				if err := p.header(fields, false); err != nil {
					yield(Record{}, err)
					return
				}
				header = false
				continue
			}
			if blank(row.Cells) {
				continue
			}
			r, err := p.record(row.Number, fields)
			if !yield(r, err) {
				return
			}
		}
	}
}

// rowFields turns cells into fields, padded with empty ones to width.
func rowFields(dst [][]byte, cells []string, width int) [][]byte {
	for _, c := range cells {
		dst = append(dst, []byte(c))
	}
	for len(dst) < width {
		dst = append(dst, nil)
	}
	return dst
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// scannedLines yields the lines a scanner reads, its header line first, as
// the readers of sheets and rosters take them, and returns the error that
// ended them, for file.
func scannedLines(sc *csvscan.Scanner, file string) (func(yield func(line int, fields [][]byte) bool), func() error) {
	return func(yield func(int, [][]byte) bool) {
			if !yield(sc.Line, sc.Fields) {
				return
			}
			for sc.Scan() {
				if !yield(sc.Line, sc.Fields) {
					return
				}
			}
		}, func() error {
			if sc.Err != nil {
				return scanError(sc.Err, file)
			}
			return nil
		}
}

// cellLines yields rows of cells as the lines of a file.
func cellLines(rows iter.Seq[Row]) func(yield func(line int, fields [][]byte) bool) {
	return func(yield func(int, [][]byte) bool) {
		var fields [][]byte
		for row := range rows {
			fields = rowFields(fields[:0], row.Cells, 0)
			if !yield(row.Number, fields) {
				return
			}
		}
	}
}
