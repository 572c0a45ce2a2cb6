package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/csvscan"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// The columns of a ledger file. indicator, region, period and value are
// required; the others are optional. Headers may also be written in Chinese
// (指标, 区划 or 地区, 时期 or 期间, 数值, 单位, 限定, 来源, 章节, 注码, 备注,
// 填报日期, 更正原因, 更正前数值; columnAliases has every form), and the
// period column may be called year (年度, 年份) when it holds years. reported, reason and revises make a record a
// correction (revision.go): the day it was reported, why, and the figure it
// replaces. reported and reason are text kept with the source; revises is
// read per line.
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
	colReported
	colReason
	colRevises
	numColumns
)

var columnNames = [numColumns]string{"indicator", "region", "period", "value", "unit", "qualifier", "source", "section", "mark", "note", "reported", "reason", "revises"}

var columnAliases = map[string]int{
	"指标": colIndicator, "区划": colRegion, "区划代码": colRegion, "时期": colPeriod, "时间": colPeriod, "数值": colValue,
	"地区": colRegion, "行政区划": colRegion, "期间": colPeriod, "统计期": colPeriod, "统计时期": colPeriod, "报告期": colPeriod,
	"年份": colPeriod, "指标名称": colIndicator, "数量": colValue, "计量单位": colUnit,
	"year": colPeriod, "年度": colPeriod,
	"单位": colUnit, "限定": colQualifier, "限定词": colQualifier, "来源": colSource, "章节": colSection, "注码": colMark, "备注": colNote,
	"填报日期": colReported, "报告日期": colReported, "填报时间": colReported,
	"更正原因": colReason, "修订原因": colReason,
	"更正前数值": colRevises, "原数值": colRevises, "更正前": colRevises, "更正": colRevises,
}

// columns maps each known column to its field index, -1 when absent.
type columns [numColumns]int

// rowNumberColumns are headers of a sheet's row numbers (序号): a line
// number says where a row was, so they are dropped, not kept as attributes.
var rowNumberColumns = map[string]bool{"序号": true, "行号": true, "no.": true, "no": true, "#": true}

// header finds the columns in the fields of a header line and sets p's
// columns and width. Unknown columns are kept as attributes, and a row
// number column (序号) is dropped; strict makes either an error.
func (p *rowParser) header(fields [][]byte, strict bool) error {
	c := &p.cols
	for i := range c {
		c[i] = -1
	}
	p.width, p.attrCols, p.attrNames, p.written = len(fields), nil, nil, [numColumns]string{}
	var errs []error
	for i, f := range fields {
		written := strings.TrimSpace(string(f))
		name := strings.ToLower(written)
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
		case col < 0 && strict && name != attrsColumn: // attrs holds attributes written by WriteCSV
			errs = append(errs, &ParseError{File: p.file, Line: 1, Column: name, Value: name, Err: errUnknownColumn})
		case col < 0 && rowNumberColumns[name]:
		case col < 0 && (written == "" || slices.ContainsFunc(p.attrNames, func(n []byte) bool { return string(n) == clean(written) })):
			errs = append(errs, &ParseError{File: p.file, Line: 1, Column: written, Value: written, Err: fmt.Errorf("%w: an extra column needs a name of its own", errUnknownColumn)})
		case col < 0:
			if !utf8.ValidString(written) {
				errs = append(errs, &ParseError{File: p.file, Line: 1, Column: "", Value: written, Err: ErrEncoding})
				continue
			}
			p.attrCols = append(p.attrCols, i)
			p.attrNames = append(p.attrNames, []byte(clean(written)))
		case c[col] >= 0:
			errs = append(errs, &ParseError{File: p.file, Line: 1, Column: name, Value: name, Err: fmt.Errorf("%w: column given twice", ErrSyntax)})
		default:
			c[col], p.written[col] = i, written
		}
	}
	// The attrs cell is read last, so that where a file has an extra
	// column and the cell a key of the same name, the column's value wins.
	if k := slices.IndexFunc(p.attrNames, func(n []byte) bool { return bytes.EqualFold(n, []byte(attrsColumn)) }); k >= 0 {
		col, name := p.attrCols[k], p.attrNames[k]
		p.attrCols, p.attrNames = append(slices.Delete(p.attrCols, k, k+1), col), append(slices.Delete(p.attrNames, k, k+1), name)
	}
	for _, col := range []int{colIndicator, colRegion, colPeriod, colValue} {
		if c[col] < 0 {
			errs = append(errs, &ParseError{File: p.file, Line: 1, Column: columnNames[col],
				Err: fmt.Errorf("%w (name it %s; the header has %s)", errMissingColumn, strings.Join(headerNames(col), " or "), headerList(fields))})
		}
	}
	return errors.Join(errs...)
}

// headerNames returns the names a header may give column col: its English
// name and its Chinese ones, in order.
func headerNames(col int) []string {
	names := []string{columnNames[col]}
	for name, c := range columnAliases {
		if c == col && !isASCII(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names[1:])
	return names
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// headerList writes a header's names for an error: 名称, 地区, 2019.
func headerList(fields [][]byte) string {
	names := make([]string, 0, len(fields))
	for _, f := range fields {
		names = append(names, strings.TrimSpace(string(f)))
	}
	if len(names) == 0 {
		return "no column"
	}
	return strings.Join(names, ", ")
}

// scanError makes an error of the CSV grammar a [*ParseError] of file:
// [ErrSyntax] wrapping [csv.ErrBareQuote] or [csv.ErrQuote], as
// encoding/csv names them, or [ErrEncoding]; a file without a header line
// is [ErrMissing] (missing required column). A *ParseError gets the file name; other errors,
// such as a failed read, are returned as they are.
func scanError(err error, file string) error {
	var se *csvscan.Error
	var pe *ParseError
	switch {
	case errors.Is(err, csvscan.ErrEmpty):
		return &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: empty file", errMissingColumn)}
	case errors.As(err, &se) && errors.Is(se.Err, csvscan.ErrEncoding):
		return &ParseError{File: file, Line: se.Line, Err: ErrEncoding}
	case errors.As(err, &se):
		return &ParseError{File: file, Line: se.Line, Err: fmt.Errorf("%w: %w", ErrSyntax, se.Err)}
	case errors.As(err, &pe):
		pe.File = file
	}
	return err
}

// maxCachedPeriods bounds the periods a reader remembers: ledgers use few
// distinct periods (years, months, the days of a few years).
const maxCachedPeriods = 1 << 14

// csvRow is a parsed line before it meets a ledger: the codes are still
// bytes, the value is in column form.
type csvRow struct {
	indicator, region           []byte
	period                      period.Period
	val                         value
	source, section, mark, note []byte
	attrs                       []byte // the extra columns, encoded as Attributes
	sameText                    bool   // source, section, mark, note, reason, reported and attributes are the previous row's
	reason                      []byte
	reported                    int32 // dayCode, 0 for none
	revises                     bool  // the row is a correction of rev
	rev                         value
}

// rowParser reads rows, caching the last period and unit: ledger files
// repeat them line after line.
type rowParser struct {
	file       string
	cols       columns
	written    [numColumns]string // each column's header as the file writes it (地区), for errors
	width      int                // fields in the header
	lastPeriod []byte
	period     period.Period
	periods    map[string]period.Period // periods read so far, up to maxCachedPeriods
	lastUnit   []byte
	unit       quantity.Unit
	unitShift  int32                          // the power of ten of lastUnit's scale word (万元: 4)
	lastText   [numColumns - colSource][]byte // the last source, section, mark and note, checked to be UTF-8
	quotedText bool                           // lastText has a quote: a line that repeats it had it quoted
	lastDay    []byte                         // the last reported day as written, and as read
	day        int32                          // lastDay as a dayCode
	attrCols   []int                          // the fields of the extra columns, kept as attributes
	attrNames  [][]byte                       // their headers
	lastAttr   [][]byte                       // the last row's extra fields as written, checked to be UTF-8
	attrs      []byte                         // lastAttr encoded as Attributes
	quotedAttr bool                           // lastAttr has a quote
}

// record parses a row into a Record, or a *ParseError.
func (p *rowParser) record(line int, fields [][]byte) (Record, error) {
	var row csvRow
	if perr := p.parse(line, fields, &row); perr != nil {
		return Record{}, perr
	}
	return Record{
		Indicator: string(row.indicator), Region: string(row.region), Period: row.period,
		Quantity: quantity.New(row.val.decimal(), row.val.unit, row.val.qual),
		Source:   Citation{string(row.source), string(row.section), string(row.mark)}, Note: string(row.note),
		Attrs:    Attributes{string(row.attrs)},
		Reported: reportedDate(row.reported), Reason: string(row.reason), Revises: row.revision(),
	}, nil
}

// revision returns the figure a correction revises; the zero Quantity for
// a row that is not one.
func (row *csvRow) revision() quantity.Quantity {
	if !row.revises {
		return quantity.Quantity{}
	}
	return quantity.New(row.rev.decimal(), row.rev.unit, row.rev.qual)
}

// fail returns the error of field col on line, naming the column as the
// file's header writes it: 地区, not region.
func (p *rowParser) fail(line int, col int, v []byte, err error) *ParseError {
	name := p.written[col]
	if name == "" {
		name = columnNames[col]
	}
	return &ParseError{File: p.file, Line: line, Column: name, Value: string(v), Err: err}
}

func (p *rowParser) parse(line int, fields [][]byte, row *csvRow) *ParseError {
	if len(fields) != p.width {
		return &ParseError{File: p.file, Line: line, Err: fmt.Errorf("%w: %d, the header has %d", errFieldCount, len(fields), p.width)}
	}
	row.indicator, row.region = p.code(fields, colIndicator), p.code(fields, colRegion)
	if len(row.indicator) == 0 {
		return p.fail(line, colIndicator, nil, ErrMissing)
	}
	if len(row.region) == 0 {
		return p.fail(line, colRegion, nil, ErrMissing)
	}
	if pf := p.code(fields, colPeriod); p.period.IsZero() || !bytes.Equal(pf, p.lastPeriod) {
		per, ok := period.Period{}, false
		if y, isYear := civil.Year(pf); isYear {
			// A bare year is cheaper to compute than to look up.
			per, ok = period.Year(y), true
		} else {
			per, ok = p.periods[string(pf)]
		}
		if !ok {
			var err error
			if per, err = parsePeriodBytes(pf); err != nil {
				return p.fail(line, colPeriod, pf, err)
			}
			if p.periods == nil {
				p.periods = make(map[string]period.Period)
			}
			if len(p.periods) < maxCachedPeriods {
				p.periods[string(pf)] = per
			}
		}
		p.lastPeriod, p.period = append(p.lastPeriod[:0], pf...), per
	}
	row.period = p.period
	vf := p.code(fields, colValue)
	v, err := parseValue(vf)
	if err != nil {
		return p.fail(line, colValue, vf, err)
	}
	if uf := p.code(fields, colUnit); len(uf) > 0 {
		if p.unit == 0 || !bytes.Equal(uf, p.lastUnit) {
			u, shift, err := quantity.ParseScaledUnit(string(uf))
			if err != nil {
				return p.fail(line, colUnit, uf, err)
			}
			p.lastUnit, p.unit, p.unitShift = append(p.lastUnit[:0], uf...), u, shift
		}
		if v.unit != 0 && v.unit != p.unit {
			return p.fail(line, colUnit, uf, fmt.Errorf("%w: the value says %s", ErrUnitMismatch, v.unit.Symbol()))
		}
		v.unit = p.unit
		if p.unitShift != 0 {
			v.scale(p.unitShift) // 12 in a column of 万册 is 120000册, exactly
		}
	}
	if qf := p.code(fields, colQualifier); len(qf) > 0 {
		q, err := quantity.ParseQualifier(string(qf))
		if err != nil {
			return p.fail(line, colQualifier, qf, errUnknownQualifier)
		}
		v.qual |= q
	}
	row.val = v
	if df := p.code(fields, colReported); !bytes.Equal(df, p.lastDay) {
		day, err := parseDay(df)
		if err != nil {
			return p.fail(line, colReported, df, err)
		}
		p.lastDay, p.day = append(p.lastDay[:0], df...), day
	}
	row.reported = p.day
	if rf := p.code(fields, colRevises); len(rf) > 0 {
		rv, err := parseValue(rf)
		if err != nil {
			return p.fail(line, colRevises, rf, err)
		}
		if rv.unit == 0 {
			rv.unit = v.unit // the unit column's, or the value's
		}
		if row.reported == 0 {
			return p.fail(line, colReported, nil, fmt.Errorf("%w: a correction says when it was reported", ErrMissing))
		}
		row.revises, row.rev = true, rv
	}
	// The reported day and the reason are text kept with the source.
	text := [...][]byte{p.text(fields, colSource), p.text(fields, colSection), p.text(fields, colMark), p.text(fields, colNote),
		p.text(fields, colReported), p.text(fields, colReason)}
	row.source, row.section, row.mark, row.note, row.reason = text[0], text[1], text[2], text[3], text[5]
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
	if len(p.attrCols) > 0 {
		if !p.sameAttrs(fields) {
			if perr := p.setAttrs(line, fields); perr != nil {
				return perr
			}
			row.sameText = false
		}
		row.attrs = p.attrs
	}
	return nil
}

// sameAttrs reports whether the extra fields are the last row's.
func (p *rowParser) sameAttrs(fields [][]byte) bool {
	if len(p.lastAttr) != len(p.attrCols) {
		return false
	}
	for k, i := range p.attrCols {
		if !bytes.Equal(fields[i], p.lastAttr[k]) {
			return false
		}
	}
	return true
}

// setAttrs keeps the extra fields of a row and encodes them.
func (p *rowParser) setAttrs(line int, fields [][]byte) *ParseError {
	if len(p.lastAttr) != len(p.attrCols) {
		p.lastAttr = make([][]byte, len(p.attrCols))
	}
	p.attrs, p.quotedAttr = p.attrs[:0], false
	for k, i := range p.attrCols {
		f := fields[i]
		if !utf8.Valid(f) {
			p.lastAttr = nil // nothing is kept of a refused row
			return &ParseError{File: p.file, Line: line, Column: string(p.attrNames[k]), Value: string(f), Err: ErrEncoding}
		}
		p.lastAttr[k] = append(p.lastAttr[k][:0], f...)
		p.quotedAttr = p.quotedAttr || bytes.IndexByte(f, '"') >= 0
		if v := bytes.TrimSpace(f); len(v) > 0 {
			if bytes.EqualFold(p.attrNames[k], []byte(attrsColumn)) { // attributes in one cell, as WriteCSV writes them
				var err error
				if p.attrs, err = appendAttrsText(p.attrs, v); err != nil {
					p.lastAttr = nil
					return &ParseError{File: p.file, Line: line, Column: attrsColumn, Value: string(f), Err: err}
				}
				continue
			}
			if bytes.ContainsAny(v, "\x1e\x1f") {
				v = []byte(clean(string(v)))
			}
			p.attrs = appendAttr(p.attrs, p.attrNames[k], v)
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
func parsePeriodBytes(b []byte) (period.Period, error) {
	if y, ok := civil.Year(b); ok {
		return period.Year(y), nil
	}
	if len(b) == 10 { // a day, as period.Parse reads it, without a string
		if d, ok := civil.Date(b); ok {
			return periodOf(colstore.Span{Kind: uint8(period.KindSpan), Start: d, End: d}), nil
		}
	}
	if len(b) == 21 && b[10] == '/' {
		from, ok1 := civil.Date(b[:10])
		to, ok2 := civil.Date(b[11:])
		if ok1 && ok2 && from <= to {
			return periodOf(colstore.Span{Kind: uint8(period.KindSpan), Start: from, End: to}), nil
		}
	}
	p, err := period.Parse(string(b))
	if err != nil {
		return period.Period{}, errors.Unwrap(err)
	}
	return p, nil
}

// parseValue reads a plain decimal (1220, 26.8) without allocating, or any
// figure [quantity.Parse] reads (26.8亿多元, 5000余名). Negative values and
// ranges are refused.
// scale multiplies v by 10^shift, exactly.
func (v *value) scale(shift int32) {
	if v.fits {
		// The coefficient takes the zeros while it can: a whole number
		// stays whole.
		for ; shift > 0 && v.exp < 0; shift-- {
			v.exp++
		}
		for ; shift > 0 && v.coef <= math.MaxInt64/10 && v.coef >= math.MinInt64/10; shift-- {
			v.coef *= 10
		}
		if shift == 0 {
			return
		}
		v.fits, v.big = false, decimal.New(v.coef, v.exp)
	}
	v.big = v.big.Shift(shift)
}

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
		return v, errNegative
	}
	q, err := quantity.Parse(string(b))
	if err != nil {
		return v, errors.Unwrap(err)
	}
	if q.IsRange() {
		return v, errRangeValue
	}
	return valueOf(q), nil
}

// csvReader reads ledger records from CSV, one at a time: memory does not
// grow with the file. The first line names the columns, in any order:
// indicator, region, period and value are required; unit, qualifier,
// source, section, mark and note are optional. A value is a plain number
// (1220, 26.8) with its unit in the unit column, or a figure as reports
// write it (26.8亿多元, 5000余名) with unit and qualifier inside. A period is
// 2019, 2019-03, 2018-01-01/2019-06-30, 2005-/2019 or ~2017/2019
// ([period.Parse]). The file is UTF-8, with or without a byte-order mark,
// with CRLF or LF line ends: a file Excel saves as "CSV UTF-8" reads.
// Fields are quoted as RFC 4180 has it and encoding/csv reads it: a quote
// in an unquoted field, or text after a quoted field's closing quote, is
// refused with [ErrSyntax] wrapping [csv.ErrBareQuote] or [csv.ErrQuote],
// and reading stops there.
type csvReader struct {
	sc  *csvscan.Scanner
	row rowParser
}

// newCSVReader returns a reader of r; name is the file name errors give.
func newCSVReader(r io.Reader, name string) *csvReader {
	return &csvReader{sc: csvscan.NewScanner(r), row: rowParser{file: name}}
}

// header reads the first line.
func (c *csvReader) header() error {
	if err := c.sc.Header(); err != nil {
		return scanError(err, c.row.file)
	}
	return c.row.header(c.sc.Fields, false)
}

// Records yields each record, or a [*ParseError] for a line that cannot be
// read, and goes on with the next line so that every problem can be
// collected. A bad header or a read error ends the sequence. Codes are not
// checked against any region set or indicator list here; [Ledger.ReadCSV]
// does that.
func (c *csvReader) Records() iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		if err := c.header(); err != nil {
			yield(Record{}, err)
			return
		}
		for c.sc.Scan() {
			if !yield(c.row.record(c.sc.Line, c.sc.Fields)) {
				return
			}
		}
		if c.sc.Err != nil {
			yield(Record{}, scanError(c.sc.Err, c.row.file))
		}
	}
}
