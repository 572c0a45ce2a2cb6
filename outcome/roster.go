package outcome

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/csvscan"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
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
// it is reported in [RosterCount.Duplicates] and not counted again. A row
// whose key is empty is a person of its own.
//
// A region's count is of the distinct persons listed in it or anywhere
// below it, so that its total never counts one person twice: a person
// listed in two villages of a county (a commissioner serving both) counts
// once in each village and once in the county, and a person listed at the
// county alone (乡镇 and 村 left empty) counts in the county beside those of
// its villages. A region gets a record of its own where its count is not
// the sum of its parts' counts; a roster without such rows adds a record
// for each region listed, as before.
type Roster struct {
	// Indicator is the indicator counted into: its code, name or alias.
	// For a [Stock] or [Flow] the rows of a region and period become one
	// record of their count; for [Entries] each row is an entry of 1, with
	// the row's other columns as its attributes.
	Indicator string
	// Region, Period and Fixed are as in [Sheet]: the region's columns
	// (nil is 区划, 区划代码 or region), the period's column, or the one
	// period of the roster (Fixed, or the period its title names).
	Region []string
	Period string
	Fixed  period.Period
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
	Period period.Period
	Key    string // the key's values, separated by spaces
}

// String writes "line 7 repeats line 3: 张敏 in 433122108201 2019".
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

// rosterGroup is the count of a region and period.
type rosterGroup struct {
	region int32
	period period.Period
}

// rosterPerson is a key of a period: the same person wherever listed.
type rosterPerson struct {
	period period.Period
	key    string
}

// rosterListing is where a person is listed: a region, and the first line
// listing the person there.
type rosterListing struct {
	region int32
	line   int
}

// rosterTally counts the distinct persons of each region and period,
// where they are listed and above: every ancestor of the regions a person
// is listed in counts the person once. Rows are counted where they are
// listed, and the counts added up the tree at the end; a person listed in
// more than one region, which is rare, is then taken off where counted
// twice.
type rosterTally struct {
	regions *RegionSet
	first   map[rosterPerson]rosterListing   // where each person is listed first
	more    map[rosterPerson][]rosterListing // the other regions of a person listed in more than one
	listed  map[rosterGroup]rosterCount      // the persons listed in a region itself
}

// rosterCount is a count of persons and the first line counted.
type rosterCount struct{ n, line int }

func newRosterTally(regions *RegionSet) *rosterTally {
	return &rosterTally{regions: regions, first: map[rosterPerson]rosterListing{},
		more: map[rosterPerson][]rosterListing{}, listed: map[rosterGroup]rosterCount{}}
}

// add counts a person listed in the region at pos, at line, or returns the
// line that listed the person there before.
func (t *rosterTally) add(pos int32, per period.Period, key string, line int) (first int, dup bool) {
	p := rosterPerson{per, key}
	if f, ok := t.first[p]; !ok {
		t.first[p] = rosterListing{pos, line}
	} else {
		if f.region == pos {
			return f.line, true
		}
		for _, m := range t.more[p] {
			if m.region == pos {
				return m.line, true
			}
		}
		t.more[p] = append(t.more[p], rosterListing{pos, line})
	}
	g := rosterGroup{pos, per}
	c := t.listed[g]
	if c.n == 0 {
		c.line = line
	}
	c.n++
	t.listed[g] = c
	return 0, false
}

// records returns the regions and periods that need a record of their own,
// with their counts, in the order of their first lines: those with persons
// listed in them, and those whose count is not the sum of their
// children's.
func (t *rosterTally) records() ([]rosterGroup, map[rosterGroup]rosterCount) {
	parent := t.regions.t.Parent
	within := func(q, r int32) bool { return r <= q && q < t.regions.t.End[r] }
	// Up the tree: a region counts what is listed in it and below it.
	total := make(map[rosterGroup]rosterCount, len(t.listed))
	for g, c := range t.listed {
		for r := g.region; r >= 0; r = parent[r] {
			a := rosterGroup{r, g.period}
			tc := total[a]
			if tc.n == 0 || c.line < tc.line {
				tc.line = c.line
			}
			tc.n += c.n
			total[a] = tc
		}
	}
	// A person listed in k regions below one counts there once, not k
	// times.
	for p, more := range t.more {
		regions := []int32{t.first[p].region}
		for _, m := range more {
			regions = append(regions, m.region)
		}
		seen := map[int32]bool{}
		for _, q := range regions {
			for r := q; r >= 0 && !seen[r]; r = parent[r] {
				seen[r] = true
				k := 0
				for _, x := range regions {
					if within(x, r) {
						k++
					}
				}
				if k > 1 {
					a := rosterGroup{r, p.period}
					tc := total[a]
					tc.n -= k - 1
					total[a] = tc
				}
			}
		}
	}
	children := map[rosterGroup]int{}
	for g, c := range total {
		if p := parent[g.region]; p >= 0 {
			children[rosterGroup{p, g.period}] += c.n
		}
	}
	var out []rosterGroup
	for g, c := range total {
		if _, own := t.listed[g]; own || children[g] != c.n {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b rosterGroup) int {
		return cmp.Or(cmp.Compare(total[a].line, total[b].line), cmp.Compare(a.region, b.region))
	})
	return out, total
}

func (l *Ledger) readRoster(ro Roster, opts ReadOptions, rows iter.Seq2[int, [][]byte], scanErr func() error) (RosterCount, error) {
	var (
		count   RosterCount
		errs    errorList
		cols    *rosterColumns
		title   string
		records []Record
		lines   []int
		tally   = newRosterTally(l.regions)
		periods = map[string]period.Period{}
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
		per := cols.fixed
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
			per = p
		}
		key = key[:0]
		for k, i := range cols.key {
			if k > 0 {
				key = append(key, ' ')
			}
			key = append(key, bytes.TrimSpace(fields[i])...)
		}
		if len(bytes.TrimSpace(key)) == 0 {
			key = fmt.Appendf(key[:0], "\x00%d", line) // no key: a person of its own
		}
		k := string(key)
		if first, dup := tally.add(lastPos, per, k, line); dup {
			count.Duplicates = append(count.Duplicates, Duplicate{Line: line, First: first, Region: l.regions.code(lastPos), Period: per, Key: k})
			continue
		}
		count.Counted++
		if ind.Aggregation == Entries {
			records = append(records, Record{Indicator: ind.Code, Region: l.regions.code(lastPos), Period: per,
				Quantity: quantity.New(decimal.NewFromInt(1), ind.Unit, 0), Source: ro.Source, Attrs: cols.attrs(fields)})
			lines = append(lines, line)
			continue
		}
	}
	if ind.Aggregation != Entries {
		groups, total := tally.records()
		for _, g := range groups {
			records = append(records, Record{Indicator: ind.Code, Region: l.regions.code(g.region), Period: g.period,
				Quantity: quantity.New(decimal.NewFromInt(int64(total[g].n)), ind.Unit, 0), Source: ro.Source})
			lines = append(lines, total[g].line)
		}
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
	fixed     period.Period
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
		if c.fixed = titlePeriod(title); c.fixed.IsZero() {
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
