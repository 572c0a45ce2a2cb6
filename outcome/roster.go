package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/csvscan"
)

// Roster says how to count a roster: a sheet of one row per person or
// thing (a commissioner and the village served, a training and where it was
// held), such as
//
//	序号,姓名,身份证号,县,乡镇,村,派驻年度
//	1,张敏,4331…,泸溪县,浦市镇,下都村,2019
//
// Every row counts once for its region and period. A row whose key (the
// person) was listed before in the same region and period is a duplicate:
// it is reported in [RosterCount.Duplicates] and not counted again.
type Roster struct {
	// Indicator is the indicator counted into: its code, name or alias.
	// For a [Stock] or [Flow] the rows of a region and period become one
	// record of their count; for [Entries] each row is an entry of 1, with
	// the row's other columns as its attributes.
	Indicator string
	// Region, Period and Fixed are as in [Sheet]: the region's columns
	// (nil is 区划, 区划代码 or region), the period's column, or the one
	// period of the roster (Fixed, or the year in its title).
	Region []string
	Period string
	Fixed  Period
	// Key names the columns that tell one person or thing from another
	// (身份证号, or 姓名); nil is every column but the region's, the
	// period's and the row number (序号).
	Key []string
	// Source is the citation of every record.
	Source Citation
}

// RosterCount says what a roster added.
type RosterCount struct {
	Rows       int         // rows read
	Counted    int         // rows counted: Rows less the duplicates
	Records    int         // records added
	Duplicates []Duplicate // rows listed twice, in file order
}

// Duplicate is a roster row that repeats an earlier one: the same key in
// the same region and period.
type Duplicate struct {
	Line   int    // the row's line
	First  int    // the line of the row it repeats
	Region string // the region's code
	Period Period
	Key    string // the key's values, separated by spaces
}

// String writes "line 7 repeats line 3: 张敏 in 433122108201 2019年".
func (d Duplicate) String() string {
	return fmt.Sprintf("line %d repeats line %d: %s in %s %s", d.Line, d.First, d.Key, d.Region, d.Period)
}

// ReadRoster counts the rows of a roster in CSV into the ledger, as ro
// describes it, all or nothing. Errors are [*ParseError]s naming the file,
// line, the roster's column and the value; an error adding a count (a
// conflict with a figure already recorded) names the first row of the
// count.
func (l *Ledger) ReadRoster(r io.Reader, ro Roster, opts ReadOptions) (RosterCount, error) {
	sc := csvscan.NewScanner(r)
	if err := sc.Header(); err != nil {
		return RosterCount{}, scanError(err, opts.Name)
	}
	lines, err := scannedLines(sc, opts.Name)
	return l.readRoster(ro, opts, lines, err)
}

// ReadRosterRows counts a roster given as rows, such as a worksheet's, as
// [Ledger.ReadRoster] does.
func (l *Ledger) ReadRosterRows(rows iter.Seq[Row], ro Roster, opts ReadOptions) (RosterCount, error) {
	return l.readRoster(ro, opts, cellLines(rows), func() error { return nil })
}

// rosterKey is what makes two rows of a roster the same.
type rosterKey struct {
	region int32
	period Period
	key    string
}

// rosterGroup is the count of a region and period.
type rosterGroup struct {
	region int32
	period Period
}

func (l *Ledger) readRoster(ro Roster, opts ReadOptions, rows iter.Seq2[int, [][]byte], scanErr func() error) (RosterCount, error) {
	var (
		count   RosterCount
		errs    errorList
		cols    *rosterColumns
		title   string
		records []Record
		lines   []int
		firsts  = map[rosterKey]int{}
		groups  = map[rosterGroup]int{} // the record of each count
		periods = map[string]Period{}
		last    []byte
		lastPos int32
		key     []byte
	)
	si, err := l.findIndicator(ro.Indicator)
	if err != nil {
		return count, &ParseError{File: opts.Name, Column: "indicator", Value: ro.Indicator, Err: err}
	}
	ind := l.series[si].ind
	fail := func(line int, col string, v []byte, err error) bool {
		errs.add(&ParseError{File: opts.Name, Line: line, Column: col, Value: string(v), Err: err})
		return opts.AllErrors
	}
rows:
	for line, fields := range rows {
		if cols == nil {
			if filled(fields) < 2 && title == "" {
				title = strings.TrimSpace(string(bytes.Join(fields, nil)))
				continue
			}
			if cols, err = rosterHeader(ro, opts, title, fields); err != nil {
				return count, err
			}
			continue
		}
		if filled(fields) == 0 {
			continue
		}
		if len(fields) > cols.width {
			if !fail(line, "", nil, fmt.Errorf("%w: %d, the header has %d", errFieldCount, len(fields), cols.width)) {
				break
			}
			continue
		}
		for len(fields) < cols.width {
			fields = append(fields, nil)
		}
		count.Rows++
		ref := cols.regionRef(fields)
		if last == nil || !bytes.Equal(ref, last) {
			pos, err := l.regions.find(string(ref))
			if err != nil {
				if !fail(line, cols.regionCol, ref, err) {
					break
				}
				continue
			}
			last, lastPos = append(last[:0:0], ref...), pos
		}
		period := cols.fixed
		if cols.period >= 0 {
			pf := bytes.TrimSpace(fields[cols.period])
			p, ok := periods[string(pf)]
			if !ok {
				var err error
				if p, err = parsePeriodBytes(pf); err != nil {
					if !fail(line, cols.periodCol, pf, err) {
						break rows
					}
					continue
				}
				periods[string(pf)] = p
			}
			period = p
		}
		key = key[:0]
		for k, i := range cols.key {
			if k > 0 {
				key = append(key, ' ')
			}
			key = append(key, bytes.TrimSpace(fields[i])...)
		}
		rk := rosterKey{lastPos, period, string(key)}
		if first, dup := firsts[rk]; dup {
			count.Duplicates = append(count.Duplicates, Duplicate{Line: line, First: first, Region: l.regions.code(lastPos), Period: period, Key: rk.key})
			continue
		}
		firsts[rk] = line
		count.Counted++
		if ind.Aggregation == Entries {
			records = append(records, Record{Indicator: ind.Code, Region: l.regions.code(lastPos), Period: period,
				Quantity: Quantity{value: decimal.NewFromInt(1), unit: ind.Unit}, Source: ro.Source, Attrs: cols.attrs(fields)})
			lines = append(lines, line)
			continue
		}
		g := rosterGroup{lastPos, period}
		if i, ok := groups[g]; ok {
			records[i].Quantity.value = records[i].Quantity.value.Add(decimal.NewFromInt(1))
			continue
		}
		groups[g] = len(records)
		records = append(records, Record{Indicator: ind.Code, Region: l.regions.code(lastPos), Period: period,
			Quantity: Quantity{value: decimal.NewFromInt(1), unit: ind.Unit}, Source: ro.Source})
		lines = append(lines, line)
	}
	if err := scanErr(); err != nil {
		errs.add(err)
	}
	if cols == nil {
		return RosterCount{}, &ParseError{File: opts.Name, Line: 1, Err: fmt.Errorf("%w: no header row", errMissingColumn)}
	}
	if err := errs.join(); err != nil {
		return RosterCount{}, err
	}
	if err := l.Add(records...); err != nil {
		return RosterCount{}, rosterAddError(err, opts.Name, lines, cols)
	}
	count.Records = len(records)
	return count, nil
}

// rosterAddError makes the errors of adding a roster's records
// [*ParseError]s naming the first line of each.
func rosterAddError(err error, file string, lines []int, cols *rosterColumns) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	var errs errorList
	for _, e := range list {
		var re *RecordError
		if !errors.As(e, &re) {
			errs.add(e)
			continue
		}
		col := re.Field
		if col == "region" {
			col = cols.regionCol
		}
		errs.add(&ParseError{File: file, Line: lines[re.Index], Column: col, Value: re.Value, Err: re.Err})
	}
	return errs.join()
}

// rosterColumns is where the fields of a roster are.
type rosterColumns struct {
	region    []int
	regionCol string
	period    int // -1 for a roster of one period
	periodCol string
	fixed     Period
	key       []int
	other     []int    // the fields kept as an entry's attributes
	names     []string // their headers
	width     int
	path      []byte
}

func rosterHeader(ro Roster, opts ReadOptions, title string, fields [][]byte) (*rosterColumns, error) {
	c := &rosterColumns{period: -1, width: len(fields), fixed: ro.Fixed}
	fail := func(col, v string, err error) error {
		return &ParseError{File: opts.Name, Line: 1, Column: col, Value: v, Err: err}
	}
	headers := make(map[string]int, len(fields))
	for i, f := range fields {
		headers[strings.TrimSpace(string(f))] = i
	}
	var errs []error
	find := func(h string) int {
		i, ok := headers[h]
		if !ok {
			errs = append(errs, fail(h, "", errMissingColumn))
			return -1
		}
		return i
	}
	used := make([]bool, len(fields))
	regionCols := ro.Region
	if regionCols == nil {
		if regionCols = regionColumn(headers); regionCols == nil {
			errs = append(errs, fail("区划", "", fmt.Errorf("%w: no region column (set Roster.Region)", errMissingColumn)))
		}
	}
	for _, h := range regionCols {
		if i := find(h); i >= 0 {
			c.region, used[i] = append(c.region, i), true
		}
	}
	c.regionCol = strings.Join(regionCols, "/")
	switch {
	case ro.Period != "":
		if i := find(ro.Period); i >= 0 {
			c.period, c.periodCol, used[i] = i, ro.Period, true
		}
	case c.fixed.IsZero():
		if c.fixed = titleYear(title); c.fixed.IsZero() {
			errs = append(errs, fail("", title, fmt.Errorf("%w: the roster's period (set Roster.Period or Roster.Fixed, or name the year in the title)", ErrMissing)))
		}
	}
	for _, h := range ro.Key {
		if i := find(h); i >= 0 {
			c.key = append(c.key, i)
		}
	}
	for i, f := range fields {
		h := strings.TrimSpace(string(f))
		if used[i] || rowNumberColumns[strings.ToLower(h)] || h == "" {
			continue
		}
		if ro.Key == nil {
			c.key = append(c.key, i)
		}
		c.other, c.names = append(c.other, i), append(c.names, h)
	}
	return c, errors.Join(errs...)
}

// regionRef returns the region's code or name path in a row.
func (c *rosterColumns) regionRef(fields [][]byte) []byte {
	if len(c.region) == 1 {
		return bytes.TrimSpace(fields[c.region[0]])
	}
	c.path = c.path[:0]
	for _, i := range c.region {
		if v := bytes.TrimSpace(fields[i]); len(v) > 0 {
			if len(c.path) > 0 {
				c.path = append(c.path, '/')
			}
			c.path = append(c.path, v...)
		}
	}
	return c.path
}

// attrs returns an entry's attributes: the row's other columns.
func (c *rosterColumns) attrs(fields [][]byte) Attributes {
	kv := make([]string, 0, 2*len(c.other))
	for k, i := range c.other {
		kv = append(kv, c.names[k], string(fields[i]))
	}
	return MakeAttributes(kv...)
}
