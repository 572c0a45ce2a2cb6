package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/csvscan"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Sheet says how to read a wide sheet, the commonest 台账: one row per
// village or county, one column per indicator, such as
//
//	2019年泸溪县科技扶贫台账
//	序号,县,乡镇,村,科技特派员人数,培训场次（场）,填报人
//	1,泸溪县,浦市镇,下都村,2,12,张敏
//
// Each filled cell of an indicator column becomes a record of the row's
// region and period; an empty cell, or one of -, —, /, records nothing (no
// data is not zero). A total row (合计, 全县合计, 总计 in its region cells, or
// in its 序号 cell with the region cells empty) is the sum of the rows above
// it: it is checked against them where its figures are plain numbers, a
// disagreement being an error on its line, and not recorded; a subtotal
// (小计) is skipped. A row number column (序号) is dropped and any other
// column is kept with the row's records as attributes ([Record.Attrs]),
// unless [ReadOptions.Strict] refuses it. The zero value reads a sheet
// with a column 区划 (or region) and a period in its title.
type Sheet struct {
	// Region names the columns of a row's region: one column of codes or
	// name paths, or columns of names from the highest level down (县, 乡镇,
	// 村), joined into a name path with their empty cells skipped, so
	// that a county's own row leaves 村 empty ([RegionSet.Find]). nil is
	// the column 区划, 区划代码 or region.
	Region []string
	// Period is the column of each row's period; "" when the sheet has
	// one period, Fixed, or the period its title names (2019年…台账,
	// 2019年上半年…台账, 2019年1-6月…台账).
	Period string
	Fixed  period.Period
	// Indicators maps a column's header to the indicator it holds (its
	// code, name or alias). nil takes every column whose header names an
	// indicator of the ledger, a unit in brackets after it (培训场次（场）,
	// 资金（万元）, whose 50 is 500000元) set aside and read as the unit of
	// its cells; text in brackets that is no unit is an error.
	Indicators map[string]string
	// Source is the citation of every record read.
	Source Citation
}

// ReadSheet adds the records of a wide sheet in CSV, as sh describes it,
// all or nothing, with the errors of [Ledger.ReadCSV]: file, line, the
// sheet's column and the value. A first line of a single field is the
// sheet's title.
func (l *Ledger) ReadSheet(r io.Reader, sh Sheet, opts ReadOptions) error {
	sc := csvscan.NewScanner(r)
	if err := sc.Header(); err != nil {
		return scanError(err, opts.Name)
	}
	lines, err := scannedLines(sc, opts.Name)
	return l.readSheet(sh, opts, lines, err)
}

// ReadSheetRows adds the records of a wide sheet given as rows, such as
// the rows of a worksheet, as [Ledger.ReadSheet] does.
func (l *Ledger) ReadSheetRows(rows iter.Seq[Row], sh Sheet, opts ReadOptions) error {
	return l.readSheet(sh, opts, cellLines(rows), func() error { return nil })
}

// fixedPeriod is the text a sheet's period field holds when the sheet has
// one period: the parser is given that period for it.
var fixedPeriod = []byte("\x00sheet")

// sheetColumn is an indicator column of a sheet.
type sheetColumn struct {
	field  int
	header string
	code   []byte // the indicator's code
	unit   []byte // the unit in the header's brackets, or none
}

// sheetReader turns the rows of a sheet into rows of a ledger file for a
// rowReader: indicator, region, period, value, unit and the attributes.
type sheetReader struct {
	file      string
	region    []int  // the region's fields
	regionCol string // their headers, for errors
	period    int    // the period's field, or -1
	periodCol string //
	inds      []sheetColumn
	attrs     []int    // the fields kept as attributes
	width     int      // the header's fields
	fields    [][]byte // a cell as a ledger row
	path      []byte
	sums      []decimal.Decimal // of each indicator column's plain figures, for a 合计 row
	unsummed  []bool            // a column with a figure that is not plain: its 合计 is not checked
}

func (l *Ledger) readSheet(sh Sheet, opts ReadOptions, rows iter.Seq2[int, [][]byte], scanErr func() error) error {
	var (
		sr     *sheetReader
		rd     *rowReader
		b      batch
		title  string
		header bool
	)
	b.reset()
	for line, fields := range rows {
		if !header {
			if filled(fields) < 2 && title == "" { // the sheet's title
				title = strings.TrimSpace(string(bytes.Join(fields, nil)))
				continue
			}
			header = true
			var err error
			if sr, err = l.sheetHeader(sh, opts, title, fields); err != nil {
				return err
			}
			rd = l.newRowReader(sr.parser(sh, title, fields))
			continue
		}
		if filled(fields) == 0 {
			continue
		}
		if word, ok := sr.totalRow(fields); ok {
			// The sheet's 合计 row: the sum of its rows, which the ledger
			// adds itself. It is checked, not recorded.
			if err := sr.checkTotal(line, word, fields); err != nil {
				b.errs = append(b.errs, loadError{len(b.rows), err})
				if !opts.AllErrors {
					break
				}
			}
			continue
		}
		sr.addToSums(fields)
		if !sr.row(rd, &b, line, fields, opts.AllErrors) && !opts.AllErrors {
			break
		}
	}
	if err := scanErr(); err != nil {
		b.errs = append(b.errs, loadError{len(b.rows), err})
	}
	if !header {
		return &ParseError{File: opts.Name, Line: 1, Err: fmt.Errorf("%w: no header row", errMissingColumn)}
	}
	rd.resolve(&b, opts)
	for _, e := range b.errs { // unknown region codes
		var pe *ParseError
		if errors.As(e.err, &pe) && pe.Column == columnNames[colRegion] {
			pe.Column = sr.regionCol
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	a := l.newApplier(opts.Name, opts)
	a.apply(&b)
	// A row's region is read for each of its figures: an unknown one is
	// said once for the row, not once a figure.
	seen := map[string]bool{}
	a.errs = slices.DeleteFunc(a.errs, func(err error) bool {
		dup := seen[err.Error()]
		seen[err.Error()] = true
		return dup
	})
	return a.finish()
}

// totalWords end the text of a sheet's total rows: 合计, 全县合计, 总计;
// 小计 is a subtotal of the rows before it.
var totalWords = []string{"合计", "总计", "小计"}

// totalRow reports whether a row is a total of the sheet's rows, and the
// word that says so: its region cells are empty or say 合计 (全县合计), or,
// with the region cells empty, another cell does (序号 合计).
func (sr *sheetReader) totalRow(fields [][]byte) (string, bool) {
	isTotal := func(f []byte) (string, bool) {
		v := string(bytes.TrimSpace(f))
		for _, w := range totalWords {
			if strings.HasSuffix(v, w) {
				return v, true
			}
		}
		return "", false
	}
	for _, i := range sr.region {
		if i >= len(fields) || len(bytes.TrimSpace(fields[i])) == 0 {
			continue
		}
		return isTotal(fields[i]) // a region, or the total's name
	}
	for _, f := range fields {
		if w, ok := isTotal(f); ok {
			return w, true
		}
	}
	return "", false
}

// addToSums adds a row's figures to the sums a 合计 row is checked against;
// a column with a figure that is not a plain number is not checked.
func (sr *sheetReader) addToSums(fields [][]byte) {
	if sr.sums == nil {
		sr.sums, sr.unsummed = make([]decimal.Decimal, len(sr.inds)), make([]bool, len(sr.inds))
	}
	for k, c := range sr.inds {
		if c.field >= len(fields) {
			continue
		}
		v := bytes.TrimSpace(fields[c.field])
		if len(v) == 0 || noFigure(v) {
			continue
		}
		d, err := decimal.NewFromString(string(v))
		if err != nil {
			sr.unsummed[k] = true
			continue
		}
		sr.sums[k] = sr.sums[k].Add(d)
	}
}

// checkTotal checks a 合计 or 总计 row's plain figures against the sums of
// the rows above it; a 小计 row, the subtotal of some of them, is not
// checked.
func (sr *sheetReader) checkTotal(line int, word string, fields [][]byte) error {
	if strings.HasSuffix(word, "小计") {
		return nil
	}
	for k, c := range sr.inds {
		if c.field >= len(fields) || sr.unsummed != nil && sr.unsummed[k] {
			continue
		}
		v := bytes.TrimSpace(fields[c.field])
		d, err := decimal.NewFromString(string(v))
		if err != nil {
			continue
		}
		var sum decimal.Decimal
		if sr.sums != nil {
			sum = sr.sums[k]
		}
		if !d.Equal(sum) {
			return &ParseError{File: sr.file, Line: line, Column: c.header, Value: string(v),
				Err: fmt.Errorf("%w: the %s row says %s, the rows above it add up to %s", ErrConflict, word, d, sum)}
		}
	}
	return nil
}

// filled returns the number of fields that are not blank.
func filled(fields [][]byte) int {
	n := 0
	for _, f := range fields {
		if len(bytes.TrimSpace(f)) > 0 {
			n++
		}
	}
	return n
}

// sheetHeader finds the columns of a sheet in its header.
func (l *Ledger) sheetHeader(sh Sheet, opts ReadOptions, title string, fields [][]byte) (*sheetReader, error) {
	sr := &sheetReader{file: opts.Name, period: -1, periodCol: columnNames[colPeriod], width: len(fields)}
	fail := func(col, v string, err error) error {
		return &ParseError{File: opts.Name, Line: 1, Column: col, Value: v, Err: err}
	}
	headers := make(map[string]int, len(fields))
	for i, f := range fields {
		headers[strings.TrimSpace(string(f))] = i
	}
	regionCols := sh.Region
	if regionCols == nil {
		if regionCols = regionColumn(headers); regionCols == nil {
			return nil, fail("区划", "", fmt.Errorf("%w: no region column (set Sheet.Region)", errMissingColumn))
		}
	}
	var errs []error
	used := make([]bool, len(fields))
	for _, c := range regionCols {
		i, ok := headers[c]
		if !ok {
			errs = append(errs, fail(c, "", errMissingColumn))
			continue
		}
		sr.region, used[i] = append(sr.region, i), true
	}
	sr.regionCol = strings.Join(regionCols, "/")
	switch {
	case sh.Period != "":
		i, ok := headers[sh.Period]
		if !ok {
			errs = append(errs, fail(sh.Period, "", errMissingColumn))
		} else {
			sr.period, sr.periodCol, used[i] = i, sh.Period, true
		}
	case sh.Fixed.IsZero() && titlePeriod(title).IsZero():
		errs = append(errs, fail("", title, fmt.Errorf("%w: the sheet's period (set Sheet.Period or Sheet.Fixed, or name the year in the title)", ErrMissing)))
	}
	for i, f := range fields {
		h := strings.TrimSpace(string(f))
		if used[i] {
			continue
		}
		name, unit := splitUnit(h)
		ref, mapped := sh.Indicators[h]
		if !mapped {
			ref, mapped = sh.Indicators[name]
		}
		if sh.Indicators == nil {
			ref = name
		}
		if si, err := l.findIndicator(ref); err == nil && (mapped || sh.Indicators == nil) {
			// The text in brackets is the column's unit: a unit the
			// figures are in, or one at a scale (万元, 万册); anything
			// else is refused, never dropped, lest 12（万册） read as 12册.
			if _, _, err := quantity.ParseScaledUnit(unit); unit != "" && err != nil {
				errs = append(errs, fail(h, unit, fmt.Errorf("%w in the header's brackets (write a unit such as 人次, 万元 or 万册, or declare it with DeclareUnit)", errUnknownUnit)))
				continue
			}
			sr.inds = append(sr.inds, sheetColumn{field: i, header: h, code: []byte(l.series[si].ind.Code), unit: []byte(unit)})
			used[i] = true
			continue
		} else if mapped {
			errs = append(errs, fail(h, ref, err))
			continue
		}
		switch {
		case opts.Strict:
			errs = append(errs, fail(h, h, errUnknownColumn))
		case rowNumberColumns[strings.ToLower(h)] || h == "":
		case sh.Indicators == nil && l.nearIndicator(name) != "":
			// 科技特派员数 beside the indicator 科技特派员人数: a misspelt
			// indicator, not an attribute to keep its figures in.
			errs = append(errs, fail(h, h, fmt.Errorf("%w: no indicator of that name, and too near %s to be kept as an attribute (rename the column, or map it in Sheet.Indicators)", ErrUnknownIndicator, l.nearIndicator(name))))
		default:
			sr.attrs = append(sr.attrs, i)
		}
	}
	for h := range sh.Indicators {
		if _, ok := headers[h]; !ok && !hasUnitHeader(headers, h) {
			errs = append(errs, fail(h, "", errMissingColumn))
		}
	}
	if len(sr.inds) == 0 && len(errs) == 0 {
		errs = append(errs, fail("", "", fmt.Errorf("%w: no column names an indicator of the ledger", errMissingColumn)))
	}
	return sr, errors.Join(errs...)
}

// hasUnitHeader reports whether a header is h with a unit after it.
func hasUnitHeader(headers map[string]int, h string) bool {
	for k := range headers {
		if name, _ := splitUnit(k); name == h {
			return true
		}
	}
	return false
}

// splitUnit splits 培训场次（场） into its name and the text in brackets, the
// unit (场, or 万元 with a scale word); a header without brackets is all
// name.
func splitUnit(h string) (name, unit string) {
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasSuffix(h, br[1]) {
			if i := strings.LastIndex(h, br[0]); i > 0 {
				return strings.TrimSpace(h[:i]), strings.TrimSpace(h[i+len(br[0]) : len(h)-len(br[1])])
			}
		}
	}
	return h, ""
}

// titlePeriod returns the period a sheet's title names, or the zero
// Period: the longest text that reads as a period ([period.Parse]) from
// the first year (four digits from 1900 to 2099 that stand alone), so that
// 2019年上半年…台账 is the first half of 2019, 2019年1-6月 its first six
// months, 2018-2019年 the two years, and 2019年…台账 the year.
func titlePeriod(title string) period.Period {
	rs := []rune(title)
	for i := 0; i+4 <= len(rs); i++ {
		if (i > 0 && unicode.IsDigit(rs[i-1])) || (i+4 < len(rs) && unicode.IsDigit(rs[i+4])) {
			continue
		}
		y := 0
		for _, r := range rs[i : i+4] {
			if r < '0' || r > '9' {
				y = -1
				break
			}
			y = y*10 + int(r-'0')
		}
		if y < 1900 || y > 2099 {
			continue
		}
		for j := min(len(rs), i+maxTitlePeriod); j > i+4; j-- {
			if p, err := period.Parse(string(rs[i:j])); err == nil {
				return p
			}
		}
		return period.Year(y)
	}
	return period.Period{}
}

// maxTitlePeriod is the most characters a period in a title takes:
// 2019.01.01-2019.03.31.
const maxTitlePeriod = 21

// parser returns the parser of the ledger rows the sheet's cells become.
func (sr *sheetReader) parser(sh Sheet, title string, header [][]byte) rowParser {
	p := rowParser{file: sr.file, width: 5 + len(sr.attrs) + 3}
	for i := range p.cols {
		p.cols[i] = -1
	}
	p.cols[colIndicator], p.cols[colRegion], p.cols[colPeriod], p.cols[colValue], p.cols[colUnit] = 0, 1, 2, 3, 4
	p.cols[colSource], p.cols[colSection], p.cols[colMark] = 5, 6, 7
	sr.fields = make([][]byte, p.width)
	sr.fields[5], sr.fields[6], sr.fields[7] = []byte(sh.Source.Document), []byte(sh.Source.Section), []byte(sh.Source.Mark)
	for k, i := range sr.attrs {
		p.attrCols = append(p.attrCols, 8+k)
		p.attrNames = append(p.attrNames, []byte(clean(string(header[i]))))
	}
	if sr.period < 0 {
		p.period, p.lastPeriod = sh.Fixed, fixedPeriod
		if p.period.IsZero() {
			p.period = titlePeriod(title)
		}
		sr.fields[2] = fixedPeriod
	}
	return p
}

// row reads the cells of one row into b; false when a cell was refused
// (the error is in b.errs).
func (sr *sheetReader) row(rd *rowReader, b *batch, line int, fields [][]byte, allErrors bool) bool {
	for len(fields) < sr.width {
		fields = append(fields, nil)
	}
	if len(fields) > sr.width {
		b.errs = append(b.errs, loadError{len(b.rows), &ParseError{File: sr.file, Line: line, Err: fmt.Errorf("%w: %d, the header has %d", errFieldCount, len(fields), sr.width)}})
		return false
	}
	ok := true
	f := sr.fields
	if len(sr.region) == 1 {
		f[1] = bytes.TrimSpace(fields[sr.region[0]])
	} else {
		sr.path = sr.path[:0]
		for _, i := range sr.region {
			if v := bytes.TrimSpace(fields[i]); len(v) > 0 {
				if len(sr.path) > 0 {
					sr.path = append(sr.path, '/')
				}
				sr.path = append(sr.path, v...)
			}
		}
		f[1] = sr.path
	}
	if sr.period >= 0 {
		f[2] = fields[sr.period]
	}
	for k, i := range sr.attrs {
		f[8+k] = fields[i]
	}
	for _, c := range sr.inds {
		v := bytes.TrimSpace(fields[c.field])
		if len(v) == 0 || noFigure(v) {
			continue
		}
		f[0], f[3], f[4] = c.code, v, c.unit
		n := len(b.errs)
		if !rd.read(b, line, f) {
			var pe *ParseError
			if errors.As(b.errs[n].err, &pe) {
				switch pe.Column {
				case columnNames[colValue], columnNames[colUnit], columnNames[colIndicator]:
					pe.Column = c.header
				case columnNames[colRegion]:
					pe.Column = sr.regionCol
				case columnNames[colPeriod]:
					pe.Column = sr.periodCol
				}
			}
			if ok = false; !allErrors {
				return false
			}
		}
	}
	return ok
}

// noFigure reports whether a cell says there is no figure: -, —, /.
func noFigure(v []byte) bool {
	switch string(v) {
	case "-", "—", "/", "－", "--", "——":
		return true
	}
	return false
}

// regionColumn returns the column of a sheet's or a roster's regions when
// the caller names none: the first of 区划, 区划代码, region and 代码 in
// headers; nil for none.
func regionColumn(headers map[string]int) []string {
	for _, c := range []string{"区划", "区划代码", "region", "代码"} {
		if _, ok := headers[c]; ok {
			return []string{c}
		}
	}
	return nil
}
