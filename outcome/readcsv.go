package outcome

import (
	"bytes"
	"io"
	"runtime"
	"strings"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/codeindex"
	"github.com/taizhang/taizhang/internal/csvscan"
	"github.com/taizhang/taizhang/period"
)

// Reading a CSV file into a ledger: ReadCSV cuts it into chunks that
// rowReaders parse on several CPUs, a plain line in one pass over its
// bytes, any other by the general parser (csvrow.go); an applier
// (apply.go) adds the rows in file order.

// rowReader parses lines for one ledger.
type rowReader struct {
	l              *Ledger
	p              rowParser
	lastIndicator  []byte
	lastSeries     int32
	lastText       int32 // the text of the previous row, in the current batch
	roles          []int // the column of each field
	lastYear       int   // the year of yearPeriod; -1 before the first
	yearPeriod     period.Period
	years          [64]period.Period // the years 1970 to 2033, made as they come
	yearID         int64             // the index of yearPeriod in the batch's periods; -1 when not known
	lastPeriod     period.Period
	lastPeriodText []byte // the text of lastPeriod, a period other than a year
	home           [lookupGroup]uint64
	packed         [lookupGroup]uint64
	bareCodes      []bareCode // the indicators bareLine finds, for a ledger of a few
	canonical      bool       // the fields are indicator, region, period, value in this order
	lastName       []byte     // the last region name read, and its position
	lastNamePos    int32
}

// regionName returns the position of the region a name path names
// ([RegionSet.Find]); the last one is remembered, as rows repeat it.
func (rd *rowReader) regionName(name []byte) (int32, error) {
	if rd.lastName != nil && string(name) == string(rd.lastName) {
		return rd.lastNamePos, nil
	}
	pos, err := rd.l.regions.find(string(name))
	if err != nil {
		return 0, err
	}
	rd.lastName, rd.lastNamePos = append(rd.lastName[:0], name...), pos
	return pos, nil
}

func (l *Ledger) newRowReader(p rowParser) *rowReader {
	rd := &rowReader{l: l, p: p, lastSeries: -1, lastYear: -1, roles: make([]int, p.width)}
	for i := range rd.roles {
		rd.roles[i] = -1
	}
	for col, i := range p.cols {
		if i >= 0 {
			rd.roles[i] = col
		}
	}
	for k, i := range p.attrCols {
		rd.roles[i] = attrRole - k
	}
	return rd
}

// The role of a field that is no column of a record: -1 for a column
// dropped (序号), attrRole-k for the k-th extra column, kept as an
// attribute.
const attrRole = -2

// plain adds the line src starts with, when it is made only of what
// ledger files repeat line after line: a known indicator, a region code
// of digits, a period, a plain number, the indicator's unit or none, no
// qualifier, and the source and note of the line before or none. It
// returns the bytes of the line with its line end, or 0 having added
// nothing for any other line, which goes to the general parser instead;
// the two make the same row of a plain line, which is what lets a
// million-line file be read in one pass over its bytes.
func (rd *rowReader) plain(b *batch, src []byte, lineNo int) int {
	var (
		key               uint64
		coef              int64
		exp               int32
		period            period.Period
		series            = int32(-1)
		unit              []byte
		hasText, sameText = false, true
		isYear            bool
		n                 int // the bytes of the line, with its line end
	)
	rest := src
	last := len(rd.roles) - 1
	for field := range rd.roles {
		i := csvscan.IndexSep(rest)
		if i < 0 || (rest[i] == '\n') != (field == last) {
			return 0 // too few or too many fields, or no line end in src
		}
		f := rest[:i]
		rest = rest[i+1:]
		if field == last {
			n = len(src) - len(rest)
			if k := len(f); k > 0 && f[k-1] == '\r' {
				f = f[:k-1]
			}
		}
		switch rd.roles[field] {
		case colIndicator:
			if series = rd.indicator(f); series < 0 {
				return 0
			}
		case colRegion:
			k, ok := codeindex.Parse(f)
			if !ok {
				return 0
			}
			key = k
		case colPeriod:
			if y, ok := civil.Year(f); ok {
				if y != rd.lastYear {
					rd.setYear(y)
				}
				period, isYear = rd.yearPeriod, true
				break
			}
			// Any other period, as the general parser reads it; the last
			// one is kept, as files repeat it line after line.
			if !bytes.Equal(f, rd.lastPeriodText) {
				p, err := parsePeriodBytes(f)
				if err != nil {
					return 0
				}
				rd.lastPeriodText, rd.lastPeriod = append(rd.lastPeriodText[:0], f...), p
			}
			period = rd.lastPeriod
		case colValue:
			digits, dot := 0, -1
			for j, c := range f {
				switch {
				case c >= '0' && c <= '9':
					coef = coef*10 + int64(c-'0')
					digits++
				case c == '.' && dot < 0 && j > 0 && j < len(f)-1:
					dot = j
				default:
					return 0
				}
			}
			if digits == 0 || digits > 18 {
				return 0
			}
			if dot >= 0 {
				exp = -int32(len(f) - dot - 1)
			}
		case colUnit:
			unit = f
		case colQualifier:
			if len(f) > 0 {
				return 0
			}
		case -1: // a row number (序号)
		default: // source, section, mark, note, or an attribute
			if role := rd.roles[field]; role <= attrRole {
				k := attrRole - role
				if len(f) > 0 {
					hasText = true
				}
				if k >= len(rd.p.lastAttr) || !bytes.Equal(f, rd.p.lastAttr[k]) || rd.p.quotedAttr {
					sameText = false
				}
				break
			}
			if len(f) > 0 {
				hasText = true
			}
			if !bytes.Equal(f, rd.p.lastText[rd.roles[field]-colSource]) {
				sameText = false
			}
		}
	}
	if series < 0 {
		return 0 // no indicator column
	}
	// A unit is the indicator's own, as its symbol: put would keep none.
	if len(unit) > 0 && string(unit) != rd.l.series[series].ind.Unit.Symbol() {
		return 0
	}
	// Text is no text, or the text of the row before, already in the batch:
	// what read would make of it. New text goes to read, to be checked.
	// Text with a quote was quoted, or has a quote the scanner refuses.
	text := int32(0)
	if hasText {
		if !sameText || rd.lastText == 0 || rd.p.quotedText {
			return 0
		}
		text = rd.lastText
	}
	var pid uint32
	if isYear {
		if rd.yearID < 0 {
			rd.yearID = int64(b.periods.Intern(spanOf(period)))
		}
		pid = uint32(rd.yearID)
	} else {
		pid = b.periods.Intern(spanOf(period))
	}
	b.rows = append(b.rows, loadRow{coef: coef, key: key, line: int32(lineNo), series: series, period: pid, text: text, exp: int8(exp)})
	return n
}

// setYear makes y the year of the lines that follow. Files often change
// year line after line: the years since 1970 are made once.
func (rd *rowReader) setYear(y int) {
	rd.lastYear, rd.yearID = y, -1
	if k := y - 1970; k >= 0 && k < len(rd.years) {
		if rd.years[k].IsZero() {
			rd.years[k] = period.Year(y)
		}
		rd.yearPeriod = rd.years[k]
		return
	}
	rd.yearPeriod = period.Year(y)
}

// bareCode is an indicator's code, which bareLine compares a field with.
type bareCode struct {
	code   string
	series int32
}

// bare reports whether a file's fields are an indicator, a region, a
// period and a value and nothing else, in any order: the layout bareLine
// reads. It notes the codes bareLine compares the indicator with: those
// of a ledger of a few indicators that hold nothing a field ends at.
func (rd *rowReader) bare() bool {
	if len(rd.roles) != 4 {
		return false
	}
	var seen [4]bool
	for _, r := range rd.roles {
		if r < 0 || r > colValue || seen[r] {
			return false
		}
		seen[r] = true
	}
	rd.canonical = rd.roles[0] == colIndicator && rd.roles[1] == colRegion && rd.roles[2] == colPeriod && rd.roles[3] == colValue
	rd.bareCodes = rd.bareCodes[:0]
	if len(rd.l.series) <= 8 {
		for i, s := range rd.l.series {
			if c := s.ind.Code; c != "" && !strings.ContainsAny(c, ",\r\n") {
				rd.bareCodes = append(rd.bareCodes, bareCode{c, int32(i)})
			}
		}
	}
	return true
}

// bareLine is plain for a file of bare layout, for the lines most of
// them hold: the indicator of the line before, a region code, a year and
// a whole number, each parsed as its separator is sought, as the
// separator search and a parse of each field would. Any other line it
// hands to plain, which returns what this returns for the lines it reads
// (TestBareLineAgrees, FuzzBareLine).
func (rd *rowReader) bareLine(b *batch, src []byte, lineNo int) int {
	var (
		key    uint64
		coef   int64
		year   int
		series = int32(-1)
		i      int
		ok     bool
	)
	if rd.canonical { // indicator,region,period,value: the fields in turn
		if series, i = rd.bareSeries(src, 0, ','); series < 0 {
			return rd.plain(b, src, lineNo)
		}
		if key, i, ok = bareRegion(src, i, ','); !ok {
			return rd.plain(b, src, lineNo)
		}
		if year, i, ok = bareYear(src, i, ','); !ok {
			return rd.plain(b, src, lineNo)
		}
		if coef, i, ok = bareValue(src, i, '\n'); !ok {
			return rd.plain(b, src, lineNo)
		}
	} else {
		last := len(rd.roles) - 1
		for field, role := range rd.roles {
			sep := byte(',')
			if field == last {
				sep = '\n'
			}
			switch role {
			case colIndicator:
				series, i = rd.bareSeries(src, i, sep)
				ok = series >= 0
			case colRegion:
				key, i, ok = bareRegion(src, i, sep)
			case colPeriod:
				year, i, ok = bareYear(src, i, sep)
			case colValue:
				coef, i, ok = bareValue(src, i, sep)
			}
			if !ok {
				return rd.plain(b, src, lineNo)
			}
		}
	}
	if year != rd.lastYear {
		rd.setYear(year)
	}
	if rd.yearID < 0 {
		rd.yearID = int64(b.periods.Intern(spanOf(rd.yearPeriod)))
	}
	// A county or a village is found now, while its code is at hand;
	// resolve finds any other, or says it is unknown.
	if pos, miss := rd.l.regions.t.Runs.Find(key); miss == 0 {
		key = resolved | uint64(uint32(pos))
	}
	b.rows = append(b.rows, loadRow{coef: coef, key: key, line: int32(lineNo), series: series, period: uint32(rd.yearID)})
	return i
}

// bareSeries returns the series of the indicator code at src[i:], ended
// by sep, and where the next field starts; -1 for another indicator. The
// codes of a few indicators are compared in turn, as indicator compares
// them.
func (rd *rowReader) bareSeries(src []byte, i int, sep byte) (int32, int) {
	for _, c := range rd.bareCodes {
		if n := len(c.code); len(src)-i > n && src[i+n] == sep && string(src[i:i+n]) == c.code {
			return c.series, i + n + 1
		}
	}
	return -1, i
}

// bareRegion reads the region code at src[i:], ended by sep, as
// codeindex.Parse reads it, and returns where the next field starts.
func bareRegion(src []byte, i int, sep byte) (uint64, int, bool) {
	var n uint64
	j := i
	for ; j < len(src) && src[j]-'0' < 10; j++ {
		n = n*10 + uint64(src[j]-'0')
	}
	if d := j - i; d == 0 || d > 15 || j == len(src) || src[j] != sep {
		return 0, i, false
	}
	return n<<4 | uint64(j-i), j + 1, true
}

// bareYear reads the year of four digits at src[i:], ended by sep.
func bareYear(src []byte, i int, sep byte) (int, int, bool) {
	if len(src)-i < 5 || src[i+4] != sep {
		return 0, i, false
	}
	y, ok := civil.Year(src[i : i+4])
	return y, i + 5, ok
}

// bareValue reads the whole number of at most 18 digits at src[i:], ended
// by sep.
func bareValue(src []byte, i int, sep byte) (int64, int, bool) {
	var v int64
	j := i
	for ; j < len(src) && src[j]-'0' < 10; j++ {
		v = v*10 + int64(src[j]-'0')
	}
	if d := j - i; d == 0 || d > 18 || j == len(src) || src[j] != sep {
		return 0, i, false
	}
	return v, j + 1, true
}

// indicator returns the series of the indicator code f, or -1. A ledger of
// a few indicators is searched by comparing codes, cheaper than hashing.
func (rd *rowReader) indicator(f []byte) int32 {
	if rd.lastSeries >= 0 && string(f) == string(rd.lastIndicator) {
		return rd.lastSeries
	}
	si := -1
	if series := rd.l.series; len(series) <= 8 {
		for i, s := range series {
			if s.ind.Code == string(f) {
				si = i
				break
			}
		}
	} else if i, ok := rd.l.byCode[string(f)]; ok {
		si = i
	}
	if si < 0 && len(rd.l.byName) > 0 {
		if i, ok := rd.l.byName[string(f)]; ok && i != ambiguous {
			si = i // a name or an alias
		}
	}
	if si >= 0 {
		rd.lastIndicator, rd.lastSeries = append(rd.lastIndicator[:0], f...), int32(si)
	}
	return int32(si)
}

// read parses one line into b; false when it was refused (the error is in
// b.errs).
func (rd *rowReader) read(b *batch, line int, fields [][]byte) bool {
	l, p := rd.l, &rd.p
	var row csvRow // on the stack: filling it needs no write barriers
	fail := func(err error) bool {
		b.errs = append(b.errs, loadError{len(b.rows), err})
		return false
	}
	if perr := p.parse(line, fields, &row); perr != nil {
		return fail(perr)
	}
	if rd.indicator(row.indicator) < 0 {
		_, err := l.findIndicator(string(row.indicator)) // the reason, with the closest indicators
		return fail(p.fail(line, colIndicator, row.indicator, err))
	}
	// A code is looked up later, a group of rows at a time (resolve); a
	// name now, as the last one is kept for the rows that repeat it.
	key, ok := codeindex.Parse(row.region)
	if !ok {
		pos, err := rd.regionName(row.region)
		if err != nil {
			return fail(p.fail(line, colRegion, row.region, err))
		}
		key = resolved | uint64(uint32(pos))
	}
	s := l.series[rd.lastSeries]
	if err := s.checkUnit(row.val.unit); err != nil {
		return fail(p.fail(line, colUnit, []byte(row.val.unit.Symbol()), err))
	}
	// A unit at another scale than the indicator's is converted into it,
	// as Ledger.Add does; the figure it revises too.
	if s.converts(row.val.unit) {
		if q, err := s.convertValue(&row.val); err != nil {
			return fail(p.fail(line, colValue, []byte(q.String()), err))
		}
	}
	if row.revises && s.converts(row.rev.unit) {
		if q, err := s.convertValue(&row.rev); err != nil {
			return fail(p.fail(line, colRevises, []byte(q.String()), err))
		}
	}
	text := int32(0)
	if len(row.source)+len(row.section)+len(row.mark)+len(row.note)+len(row.attrs)+len(row.reason) > 0 || row.reported != 0 {
		if !row.sameText || rd.lastText == 0 {
			b.texts = append(b.texts, meta{source: Citation{string(row.source), string(row.section), string(row.mark)}, note: string(row.note), attrs: string(row.attrs),
				reported: row.reported, reason: string(row.reason)})
			rd.lastText = int32(len(b.texts) - 1)
		}
		text = rd.lastText
	}
	v := &row.val
	if v.unit == s.ind.Unit {
		v.unit = 0 // the indicator's own, as put would keep it
	}
	extra := v.unit != 0 || v.qual != 0 || row.revises
	b.rows = append(b.rows, loadRow{coef: v.coef, key: key, line: int32(line), series: rd.lastSeries,
		period: b.periods.Intern(spanOf(row.period)), text: text, exp: int8(v.exp), extra: extra, big: !v.fits})
	if extra {
		b.extras = append(b.extras, rowExtra{unit: v.unit, qual: v.qual, revises: row.revises, rev: row.rev})
	}
	if !v.fits {
		b.bigs = append(b.bigs, v.big)
	}
	return true
}

// reserveCSV grows each column once for the rows the file probably holds:
// counted exactly in a small file, estimated from evenly spaced samples of
// a large one, with a little to spare. A column that turns out short grows
// as it goes.
func (l *Ledger) reserveCSV(r io.Reader, col int) {
	ra, ok := r.(io.ReaderAt)
	size := csvscan.InputSize(r)
	if !ok || size <= 0 || col < 0 {
		return
	}
	counts := make([]float64, len(l.series))
	var last []byte
	lastIdx := -1
	scale := csvscan.SampleLines(ra, size, func(line []byte) {
		f := line
		for range col {
			i := bytes.IndexByte(f, ',')
			if i < 0 {
				return
			}
			f = f[i+1:]
		}
		if i := bytes.IndexByte(f, ','); i >= 0 {
			f = f[:i]
		}
		if lastIdx < 0 || !bytes.Equal(f, last) {
			idx, ok := l.byCode[string(bytes.TrimSpace(f))]
			if !ok {
				idx = -1
			}
			last, lastIdx = append(last[:0], f...), idx
		}
		if lastIdx >= 0 {
			counts[lastIdx]++
		}
	})
	for i, s := range l.series {
		if n := int(counts[i] * scale); n > 0 {
			s.Grow(n + n/32 + 16)
		}
	}
}

// ReadCSV adds the records of a CSV file (the package doc describes the format),
// all or nothing: if any line is refused, no record of the file stays in
// the ledger. Errors are [*ParseError]s with the file, line, column and
// value: a missing or unknown column, a bad number, period, unit or
// qualifier, an unknown indicator or region, a unit that does not fit the
// indicator, a conflicting duplicate. With AllErrors every problem in the
// file is returned, joined.
//
// The file is read in chunks of whole records, parsed on every CPU
// (GOMAXPROCS, up to four) and added in file order, so the result and the
// errors are those of reading it line by line. Plain numbers are parsed straight into
// the ledger's columns, without a decimal per record.
func (l *Ledger) ReadCSV(r io.Reader, opts ReadOptions) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := rowParser{file: opts.Name}
	cr, first, err := csvscan.Start(r, chunkSize, func(fields [][]byte) error {
		return p.header(fields, opts.Strict)
	})
	if err != nil {
		return scanError(err, opts.Name)
	}
	a := l.newApplier(opts.Name, opts)
	a.valueColumn = p.written[colValue]
	l.reserveCSV(r, p.cols[colIndicator])
	err = csvscan.InOrder(cr, first, func() func(csvscan.Chunk, *batch) {
		rd := l.newRowReader(p)
		return func(c csvscan.Chunk, b *batch) { rd.chunk(b, c, opts) }
	}, a.apply)
	if err != nil {
		a.errs = append(a.errs, err)
	}
	return a.finish()
}

// chunkSize is how many bytes of a file are parsed as one piece: a chunk
// and its parsed rows stay in a core's cache.
var chunkSize = 256 << 10

// chunk parses the records of c into b, stopping at the first error unless
// every error is wanted, and at an error of the CSV itself.
func (rd *rowReader) chunk(b *batch, c csvscan.Chunk, opts ReadOptions) {
	b.reset()
	rd.yearID = -1
	if n := len(c.Data)/16 + 16; cap(b.rows) < n {
		b.rows = make([]loadRow, 0, n) // lines are rarely shorter than 16 bytes
	}
	rd.lastText = 0
	sc := csvscan.Scanner{Src: c.Data, Next: c.Line}
	bare := rd.bare()
	for !b.stop {
		n := 0
		if bare {
			n = rd.bareLine(b, sc.Src, sc.Next)
		} else {
			n = rd.plain(b, sc.Src, sc.Next)
		}
		if n > 0 {
			sc.Src, sc.Next = sc.Src[n:], sc.Next+1
			continue
		}
		if !sc.Scan() {
			break
		}
		if !rd.read(b, sc.Line, sc.Fields) && !opts.AllErrors {
			b.stop = true // the rows before are still resolved: they decide which error comes first
		}
	}
	if sc.Err != nil {
		b.errs = append(b.errs, loadError{len(b.rows), scanError(sc.Err, rd.p.file)})
		b.stop = true
	}
	rd.resolve(b, opts)
}

// lookupGroup is how many rows' regions are looked up together: the loads
// of a group are independent, so the CPU overlaps their cache misses
// instead of waiting for each in turn. It matters with a million regions,
// whose index is far larger than the cache.
const lookupGroup = 16

// resolve finds the region of every row of b. A region not in the set
// becomes an error in its place; without AllErrors the batch ends there.
func (rd *rowReader) resolve(b *batch, opts ReadOptions) {
	t := &rd.l.regions.t.ByNum
	var sink uint64
	unknown := -1
	if t.Empty() { // a zero RegionSet: no region is known
		if len(b.rows) > 0 {
			rd.dropUnknown(b, 0, opts)
		}
		return
	}
	runs := rd.l.regions.t.Runs
	for g := 0; g < len(b.rows); g += lookupGroup {
		rows := b.rows[g:min(g+lookupGroup, len(b.rows))]
		for i := range rows {
			r := &rows[i]
			if r.known() {
				continue // given by name, and found
			}
			// A county or a village is found in the runs, which stay in
			// the cache; any other code in the table.
			switch pos, miss := runs.Find(r.key); miss {
			case 0:
				r.key = resolved | uint64(uint32(pos))
				continue
			case codeindex.Absent:
				r.key |= absent
				if unknown < 0 || g+i < unknown {
					unknown = g + i
				}
				continue
			}
			p := codeindex.Pack(r.key)
			h := t.Home(p)
			rd.packed[i], rd.home[i] = p, h
			sink += t.Touch(h)
		}
		for i := range rows {
			r := &rows[i]
			if r.known() || r.key&absent != 0 {
				continue
			}
			if pos, ok := t.Find(rd.packed[i], rd.home[i]); ok && rd.packed[i] != 0 {
				r.key = resolved | uint64(uint32(pos))
			} else if unknown < 0 || g+i < unknown {
				unknown = g + i
			}
		}
	}
	runtime.KeepAlive(sink) // the loads above are made for their effect on the cache
	if unknown >= 0 {
		rd.dropUnknown(b, unknown, opts)
	}
}

// dropUnknown replaces the rows whose region is not in the set with errors
// in their place; first is the first of them.
func (rd *rowReader) dropUnknown(b *batch, first int, opts ReadOptions) {
	var errs []loadError
	e, w := 0, 0               // the next error, the rows kept
	x, xw, y, yw := 0, 0, 0, 0 // the next extra and big, and those kept
	for i := range b.rows {
		for ; e < len(b.errs) && b.errs[e].at <= i; e++ {
			errs = append(errs, loadError{w, b.errs[e].err})
		}
		r := b.rows[i]
		keep := i < first || r.known()
		if r.extra {
			if keep {
				b.extras[xw], xw = b.extras[x], xw+1
			}
			x++
		}
		if r.big {
			if keep {
				b.bigs[yw], yw = b.bigs[y], yw+1
			}
			y++
		}
		if keep {
			b.rows[w], w = r, w+1
			continue
		}
		errs = append(errs, loadError{w, rd.p.fail(int(r.line), colRegion, []byte(codeindex.String(r.key&^absent)), ErrUnknownRegion)})
		if !opts.AllErrors {
			b.rows, b.extras, b.bigs, b.errs, b.stop = b.rows[:w], b.extras[:xw], b.bigs[:yw], errs, true
			return
		}
	}
	for ; e < len(b.errs); e++ {
		errs = append(errs, loadError{w, b.errs[e].err})
	}
	b.rows, b.extras, b.bigs, b.errs = b.rows[:w], b.extras[:xw], b.bigs[:yw], errs
}

// ReadOptions controls how a ledger reads a file. The zero value stops at
// the first error.
type ReadOptions struct {
	Name      string // the file name errors give
	AllErrors bool   // read on after an error and return every problem, joined
	// Strict refuses columns a ledger file does not define. Without it an
	// extra column (填报人) is kept with each record as an attribute
	// ([Record.Attrs]) and a row number column (序号) is dropped.
	Strict bool
}
