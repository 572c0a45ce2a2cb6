package outcome

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"strings"
	"unicode/utf8"
)

// The columns of a ledger file. indicator, region, period and value are
// required; the others are optional. Headers may also be written in Chinese
// (指标, 区划, 时期, 数值, 单位, 限定, 来源, 章节, 注码, 备注), and the period
// column may be called year (年度) when it holds years.
const (
	colIndicator = iota
	colRegion
	colPeriod
	colValue
	colUnit
	colQualifier
	colSource
	colSection
	colMark
	colNote
	numColumns
)

var columnNames = [numColumns]string{"indicator", "region", "period", "value", "unit", "qualifier", "source", "section", "mark", "note"}

var columnAliases = map[string]int{
	"指标": colIndicator, "区划": colRegion, "区划代码": colRegion, "时期": colPeriod, "时间": colPeriod, "数值": colValue,
	"year": colPeriod, "年度": colPeriod,
	"单位": colUnit, "限定": colQualifier, "限定词": colQualifier, "来源": colSource, "章节": colSection, "注码": colMark, "备注": colNote,
}

// columns maps each known column to its field index, -1 when absent.
type columns [numColumns]int

func parseHeader(file string, fields [][]byte) (columns, error) {
	var c columns
	for i := range c {
		c[i] = -1
	}
	var errs []error
	for i, f := range fields {
		name := strings.ToLower(strings.TrimSpace(string(f)))
		col, ok := columnAliases[name]
		if !ok {
			col = -1
			for j, n := range columnNames {
				if n == name {
					col = j
				}
			}
		}
		switch {
		case col < 0:
			errs = append(errs, &ParseError{File: file, Line: 1, Column: name, Value: name, Err: ErrUnknownColumn})
		case c[col] >= 0:
			errs = append(errs, &ParseError{File: file, Line: 1, Column: name, Value: name, Err: fmt.Errorf("%w: column given twice", ErrUnknownColumn)})
		default:
			c[col] = i
		}
	}
	for _, col := range []int{colIndicator, colRegion, colPeriod, colValue} {
		if c[col] < 0 {
			errs = append(errs, &ParseError{File: file, Line: 1, Column: columnNames[col], Err: ErrMissingColumn})
		}
	}
	return c, errors.Join(errs...)
}

// csvScanner splits CSV into records of fields, reusing its buffers. Its
// grammar is RFC 4180's as encoding/csv reads it (a comma between fields,
// no lazy quotes, any number of fields): a field that starts with a quote
// is quoted, holds commas, line ends and doubled quotes ("") and ends with
// a quote followed by a comma or the line end; a quote anywhere else is an
// error ([ErrSyntax] wrapping [csv.ErrBareQuote] or [csv.ErrQuote]), as is
// a quoted field that does not end. It strips a UTF-8 byte-order mark,
// accepts CRLF and LF, skips blank lines and refuses text that is not
// UTF-8. Unlike encoding/csv it keeps a CRLF inside a quoted field as
// written. [recordEnd] finds record ends by the same grammar.
type csvScanner struct {
	br     *bufio.Reader // nil when reading src
	src    []byte        // the input not yet read, when br is nil
	line   int           // line where the current record starts
	next   int           // line of the next read
	rec    []byte
	fields [][]byte
	spans  []int // field boundaries within rec, two per field
	err    error
}

func newCSVScanner(r io.Reader) *csvScanner {
	return &csvScanner{br: bufio.NewReaderSize(r, 1<<20), next: 1}
}

// readLine returns the next physical line without its line end.
func (c *csvScanner) readLine() ([]byte, error) {
	if c.br == nil {
		if len(c.src) == 0 {
			return nil, io.EOF
		}
		line := c.src
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, c.src = line[:i], line[i+1:]
		} else {
			c.src = nil
		}
		c.next++
		return line, nil
	}
	line, err := c.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		long := append([]byte(nil), line...)
		for err == bufio.ErrBufferFull {
			line, err = c.br.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if len(line) == 0 && err != nil {
		return nil, err
	}
	c.next++
	return bytes.TrimSuffix(line, []byte{'\n'}), nil
}

// scanHeader reads the header line of file into fields; a file without
// one is an error.
func (c *csvScanner) scanHeader(file string) error {
	if c.scan() {
		return nil
	}
	return c.noHeader(file)
}

// noHeader is the error of a file whose header scan did not find: the
// scanner's, or an empty file.
func (c *csvScanner) noHeader(file string) error {
	if c.err != nil {
		return withFile(c.err, file)
	}
	return &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: empty file", ErrMissingColumn)}
}

// scan reads the next record into fields; false at the end or on an error
// (in err; io.EOF is not an error).
func (c *csvScanner) scan() bool {
	for {
		c.line = c.next
		line, err := c.readLine()
		if err != nil {
			if err != io.EOF {
				c.err = err
			}
			return false
		}
		if c.line == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(line) == 0 || len(line) == 1 && line[0] == '\r' {
			continue
		}
		// The first lines are checked whole, so that a file in another
		// encoding (GBK from an old Excel) gets a clear error at once;
		// after them only text that is kept (source, note) is checked.
		if c.line <= checkedLines && !utf8.Valid(line) {
			c.err = &ParseError{Line: c.line, Err: ErrEncoding}
			return false
		}
		// Fields of ledger lines are short: one pass over the bytes beats a
		// search per field. A quote sends the line to the full parser.
		raw := line
		if n := len(line); line[n-1] == '\r' {
			line = line[:n-1]
		}
		c.fields = c.fields[:0]
		start := 0
		for i, b := range line {
			switch b {
			case ',':
				c.fields = append(c.fields, line[start:i])
				start = i + 1
			case '"':
				return c.scanQuoted(raw)
			}
		}
		c.fields = append(c.fields, line[start:])
		return true
	}
}

// The errors of the CSV grammar, as encoding/csv names them.
var (
	errBareQuote = fmt.Errorf("%w: %w", ErrSyntax, csv.ErrBareQuote)
	errQuote     = fmt.Errorf("%w: %w", ErrSyntax, csv.ErrQuote)
	errUnended   = fmt.Errorf("%w: %w: a quoted field does not end", ErrSyntax, csv.ErrQuote)
)

// scanQuoted splits a record that has quotes, reading more lines while a
// quoted field spans them.
func (c *csvScanner) scanQuoted(line []byte) bool {
	c.rec, c.spans = c.rec[:0], c.spans[:0]
	fail := func(err error) bool {
		c.err = &ParseError{Line: c.line, Err: err}
		return false
	}
	for i := 0; ; {
		start := len(c.rec)
		if i == len(line) || line[i] != '"' {
			// An unquoted field, to the next comma or the line end, where
			// the CR of a CRLF is dropped.
			f, comma := line[i:], false
			if j := bytes.IndexByte(f, ','); j >= 0 {
				f, comma = f[:j], true
			} else if n := len(f); n > 0 && f[n-1] == '\r' {
				f = f[:n-1]
			}
			if bytes.IndexByte(f, '"') >= 0 {
				return fail(errBareQuote)
			}
			c.rec = append(c.rec, f...)
			c.spans = append(c.spans, start, len(c.rec))
			if !comma {
				break
			}
			i += len(f) + 1
			continue
		}
		// A quoted field, to the quote that ends it, over lines.
		i++
		for {
			j := bytes.IndexByte(line[i:], '"')
			if j < 0 {
				c.rec = append(c.rec, line[i:]...)
				next, err := c.readLine()
				if err != nil {
					return fail(errUnended)
				}
				c.rec = append(c.rec, '\n')
				line, i = next, 0
				continue
			}
			c.rec = append(c.rec, line[i:i+j]...)
			i += j + 1
			if i < len(line) && line[i] == '"' {
				c.rec = append(c.rec, '"')
				i++
				continue
			}
			break
		}
		c.spans = append(c.spans, start, len(c.rec))
		switch {
		case i < len(line) && line[i] == ',':
			i++
			continue
		case i == len(line) || i == len(line)-1 && line[i] == '\r':
		default:
			return fail(errQuote)
		}
		break
	}
	c.fields = c.fields[:0]
	for i := 0; i < len(c.spans); i += 2 {
		c.fields = append(c.fields, c.rec[c.spans[i]:c.spans[i+1]])
	}
	return true
}

// utf8BOM is the byte-order mark a file saved as "CSV UTF-8" starts with.
var utf8BOM = []byte("\xef\xbb\xbf")

// maxCachedPeriods bounds the periods a reader remembers: ledgers use few
// distinct periods (years, months, the days of a few years).
const maxCachedPeriods = 1 << 14

// checkedLines is how many lines the scanner checks to be UTF-8 whole.
const checkedLines = 100

// csvRow is a parsed line before it meets a ledger: the codes are still
// bytes, the value is in column form.
type csvRow struct {
	indicator, region           []byte
	period                      Period
	val                         value
	source, section, mark, note []byte
	sameText                    bool // source, section, mark and note are the previous row's
}

// rowParser reads rows, caching the last period and unit: ledger files
// repeat them line after line.
type rowParser struct {
	file       string
	cols       columns
	width      int // fields in the header
	lastPeriod []byte
	period     Period
	periods    map[string]Period // periods read so far, up to maxCachedPeriods
	lastUnit   []byte
	unit       Unit
	lastText   [numColumns - colSource][]byte // the last source, section, mark and note, checked to be UTF-8
	quotedText bool                           // lastText has a quote: a line that repeats it had it quoted
}

// record parses a row into a Record, or a *ParseError.
func (p *rowParser) record(line int, fields [][]byte) (Record, error) {
	var row csvRow
	if perr := p.parse(line, fields, &row); perr != nil {
		return Record{}, perr
	}
	return Record{
		Indicator: string(row.indicator), Region: string(row.region), Period: row.period,
		Quantity: Quantity{value: row.val.decimal(), unit: row.val.unit, qual: row.val.qual},
		Source:   Citation{string(row.source), string(row.section), string(row.mark)}, Note: string(row.note),
	}, nil
}

func (p *rowParser) fail(line int, col int, v []byte, err error) *ParseError {
	return &ParseError{File: p.file, Line: line, Column: columnNames[col], Value: string(v), Err: err}
}

func (p *rowParser) parse(line int, fields [][]byte, row *csvRow) *ParseError {
	if len(fields) != p.width {
		return &ParseError{File: p.file, Line: line, Err: fmt.Errorf("%w: %d, the header has %d", ErrFieldCount, len(fields), p.width)}
	}
	row.indicator, row.region = p.code(fields, colIndicator), p.code(fields, colRegion)
	if len(row.indicator) == 0 {
		return p.fail(line, colIndicator, nil, ErrMissing)
	}
	if len(row.region) == 0 {
		return p.fail(line, colRegion, nil, ErrMissing)
	}
	if pf := p.code(fields, colPeriod); p.period.IsZero() || !bytes.Equal(pf, p.lastPeriod) {
		period, ok := Period{}, false
		if y, isYear := yearBytes(pf); isYear {
			// A bare year is cheaper to compute than to look up.
			period, ok = Period{YearPeriod, daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31)}, true
		} else {
			period, ok = p.periods[string(pf)]
		}
		if !ok {
			var err error
			if period, err = parsePeriodBytes(pf); err != nil {
				return p.fail(line, colPeriod, pf, err)
			}
			if p.periods == nil {
				p.periods = make(map[string]Period)
			}
			if len(p.periods) < maxCachedPeriods {
				p.periods[string(pf)] = period
			}
		}
		p.lastPeriod, p.period = append(p.lastPeriod[:0], pf...), period
	}
	row.period = p.period
	vf := p.code(fields, colValue)
	v, err := parseValue(vf)
	if err != nil {
		return p.fail(line, colValue, vf, err)
	}
	if uf := p.code(fields, colUnit); len(uf) > 0 {
		if p.unit == 0 || !bytes.Equal(uf, p.lastUnit) {
			u, err := ParseUnit(string(uf))
			if err != nil {
				return p.fail(line, colUnit, uf, ErrUnknownUnit)
			}
			p.lastUnit, p.unit = append(p.lastUnit[:0], uf...), u
		}
		if v.unit != 0 && v.unit != p.unit {
			return p.fail(line, colUnit, uf, fmt.Errorf("%w: the value says %s", ErrUnitMismatch, v.unit.Symbol()))
		}
		v.unit = p.unit
	}
	if qf := p.code(fields, colQualifier); len(qf) > 0 {
		q, err := ParseQualifier(string(qf))
		if err != nil {
			return p.fail(line, colQualifier, qf, ErrUnknownQualifier)
		}
		v.qual |= q
	}
	row.val = v
	text := [...][]byte{p.text(fields, colSource), p.text(fields, colSection), p.text(fields, colMark), p.text(fields, colNote)}
	row.source, row.section, row.mark, row.note = text[0], text[1], text[2], text[3]
	// Text that is kept must be UTF-8; it is checked when it changes.
	row.sameText = true
	for j := range text {
		if !bytes.Equal(text[j], p.lastText[j]) {
			row.sameText = false
			p.quotedText = true // until the text is checked whole
			quoted := false
			for j, b := range text {
				if !utf8.Valid(b) {
					return p.fail(line, colSource+j, b, ErrEncoding)
				}
				p.lastText[j] = append(p.lastText[j][:0], b...)
				quoted = quoted || bytes.IndexByte(b, '"') >= 0
			}
			p.quotedText = quoted
			break
		}
	}
	return nil
}

// code returns the field of a column of codes or figures, trimmed; nil when
// the column is absent.
func (p *rowParser) code(fields [][]byte, col int) []byte {
	i := p.cols[col]
	if i < 0 {
		return nil
	}
	b := fields[i]
	if len(b) > 0 && (b[0] <= ' ' || b[len(b)-1] <= ' ') {
		return bytes.TrimSpace(b)
	}
	return b
}

// text returns the field of a text column as written; nil when the column
// is absent.
func (p *rowParser) text(fields [][]byte, col int) []byte {
	if i := p.cols[col]; i >= 0 {
		return fields[i]
	}
	return nil
}

// parsePeriodBytes reads a period, with fast paths for a bare year and a
// span of two dates, the forms ledger files repeat on every line.
func parsePeriodBytes(b []byte) (Period, error) {
	if y, ok := yearBytes(b); ok {
		return Period{YearPeriod, daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31)}, nil
	}
	if len(b) == 21 && b[10] == '/' {
		from, ok1 := dateBytes(b[:10])
		to, ok2 := dateBytes(b[11:])
		if ok1 && ok2 && from <= to {
			return Period{SpanPeriod, from, to}, nil
		}
	}
	p, err := ParsePeriod(string(b))
	if err != nil {
		return Period{}, errors.Unwrap(err)
	}
	return p, nil
}

// yearBytes reads a year as ParsePeriod does, four digits from 0001.
func yearBytes(b []byte) (int, bool) {
	if len(b) != 4 || !isDigits(b) {
		return 0, false
	}
	y := atoi(b)
	return y, y >= minYear
}

func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// dateBytes reads YYYY-MM-DD as days since 1970-01-01.
func dateBytes(b []byte) (int32, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' || !isDigits(b[:4]) || !isDigits(b[5:7]) || !isDigits(b[8:]) {
		return 0, false
	}
	y, m, d := atoi(b[:4]), atoi(b[5:7]), atoi(b[8:])
	if y < minYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the days from 1970-01-01 to y-m-d in the proleptic
// Gregorian calendar (H. Hinnant's algorithm), without the time package.
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// parseValue reads a plain decimal (1220, 26.8) without allocating, or any
// figure [ParseQuantity] reads (26.8亿多元, 5000余名). Negative values and
// ranges are refused.
func parseValue(b []byte) (value, error) {
	var v value
	digits, dot := 0, -1
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			if digits < 18 {
				v.coef = v.coef*10 + int64(c-'0')
			}
			digits++
		case c == '.' && dot < 0 && i > 0 && i < len(b)-1:
			dot = i
		default:
			digits = -1
		}
		if digits < 0 {
			break
		}
	}
	if digits > 0 && digits <= 18 {
		v.fits = true
		if dot >= 0 {
			v.exp = -int32(len(b) - dot - 1)
		}
		return v, nil
	}
	if len(b) == 0 {
		return v, ErrMissing
	}
	if b[0] == '-' {
		return v, ErrNegative
	}
	q, err := ParseQuantity(string(b))
	if err != nil {
		return v, errors.Unwrap(err)
	}
	if q.ranged {
		return v, ErrRangeValue
	}
	return valueOf(q), nil
}

// CSVReader reads ledger records from CSV, one at a time: memory does not
// grow with the file. The first line names the columns, in any order:
// indicator, region, period and value are required; unit, qualifier,
// source, section, mark and note are optional. A value is a plain number
// (1220, 26.8) with its unit in the unit column, or a figure as reports
// write it (26.8亿多元, 5000余名) with unit and qualifier inside. A period is
// 2019, 2019-03, 2018-01-01/2019-06-30, 2005-/2019 or ~2017/2019
// ([ParsePeriod]). The file is UTF-8, with or without a byte-order mark,
// with CRLF or LF line ends: a file Excel saves as "CSV UTF-8" reads.
// Fields are quoted as RFC 4180 has it and encoding/csv reads it: a quote
// in an unquoted field, or text after a quoted field's closing quote, is
// refused with [ErrSyntax] wrapping [csv.ErrBareQuote] or [csv.ErrQuote],
// and reading stops there.
type CSVReader struct {
	sc  *csvScanner
	row rowParser
}

// NewCSVReader returns a reader of r; name is the file name errors give.
func NewCSVReader(r io.Reader, name string) *CSVReader {
	return &CSVReader{sc: newCSVScanner(r), row: rowParser{file: name}}
}

// header reads the first line.
func (c *CSVReader) header() error {
	if err := c.sc.scanHeader(c.row.file); err != nil {
		return err
	}
	cols, err := parseHeader(c.row.file, c.sc.fields)
	c.row.cols, c.row.width = cols, len(c.sc.fields)
	return err
}

func (c *CSVReader) withFile(err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = c.row.file
	}
	return err
}

// Records yields each record, or a [*ParseError] for a line that cannot be
// read, and goes on with the next line so that every problem can be
// collected. A bad header or a read error ends the sequence. Codes are not
// checked against any region set or indicator list here; [Ledger.ReadCSV]
// does that.
func (c *CSVReader) Records() iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := c.header(); err != nil {
			yield(Record{}, err)
			return
		}
		for c.sc.scan() {
			if !yield(c.row.record(c.sc.line, c.sc.fields)) {
				return
			}
		}
		if c.sc.err != nil {
			yield(Record{}, c.withFile(c.sc.err))
		}
	}
}

// ReadOptions controls how a ledger reads a file. The zero value stops at
// the first error.
type ReadOptions struct {
	Name      string // the file name errors give
	AllErrors bool   // read on after an error and return every problem, joined
}

// Row is a row of cells from a table, such as a spreadsheet: its 1-based
// row number and its cells as text.
type Row struct {
	Number int
	Cells  []string
}

// ReadRows adds the records of a table whose first row names the columns,
// all or nothing, under the rules and with the errors of [Ledger.ReadCSV]:
// the way to load a spreadsheet or any other source of rows. Rows may have
// fewer cells than the header; the missing ones are empty.
func (l *Ledger) ReadRows(rows iter.Seq[Row], opts ReadOptions) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := &rowParser{file: opts.Name}
	var ld *rowLoader
	var fields [][]byte
	for row := range rows {
		fields = rowFields(fields[:0], row.Cells, p.width)
		if ld == nil {
			cols, err := parseHeader(opts.Name, fields)
			if err != nil {
				return err
			}
			p.cols, p.width = cols, len(fields)
			ld = l.newLoader(*p, opts)
			continue
		}
		if blank(row.Cells) {
			continue
		}
		if !ld.row(row.Number, fields) {
			break
		}
	}
	if ld == nil {
		return &ParseError{File: opts.Name, Line: 1, Err: fmt.Errorf("%w: no header row", ErrMissingColumn)}
	}
	return ld.finish()
}

// RowRecords reads records from a table whose first row names the columns,
// as [CSVReader.Records] does from CSV.
func RowRecords(rows iter.Seq[Row], name string) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		p := &rowParser{file: name}
		header := true
		var fields [][]byte
		for row := range rows {
			fields = rowFields(fields[:0], row.Cells, p.width)
			if header {
				cols, err := parseHeader(name, fields)
				if err != nil {
					yield(Record{}, err)
					return
				}
				p.cols, p.width, header = cols, len(fields), false
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

// inputSize returns the bytes r holds, when it can tell: a file, or an
// in-memory reader.
func inputSize(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// WriteCSV writes records as CSV with the header
// indicator,region,period,value,unit,qualifier,source,section,mark,note:
// values as plain decimals, units as symbols (个, 人次), qualifiers as
// [Qualifier.String] writes them. The output is deterministic and
// [Ledger.ReadCSV] reads it back to an equal ledger.
func WriteCSV(w io.Writer, records iter.Seq[Record]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(columnNames[:]); err != nil {
		return err
	}
	line := make([]string, numColumns)
	for r := range records {
		line[colIndicator], line[colRegion], line[colPeriod] = r.Indicator, r.Region, r.Period.String()
		line[colValue], line[colUnit], line[colQualifier] = r.Quantity.value.String(), r.Quantity.unit.Symbol(), r.Quantity.qual.String()
		line[colSource], line[colSection], line[colMark], line[colNote] = r.Source.Document, r.Source.Section, r.Source.Mark, r.Note
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
