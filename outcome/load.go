package outcome

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"runtime"
	"sync"

	"github.com/shopspring/decimal"
)

// Loading a file into a ledger has two halves. A rowReader parses lines and
// resolves their indicator and region: it reads the ledger's fixed parts
// only (indicators, region set), so several run at once on parts of a file.
// An applier adds the parsed rows in file order, which is what keeps
// duplicates, conflicts and error order the same however the file was
// split.

// loadRow is a parsed line, ready to be added: 40 bytes without pointers.
// What most lines lack (a unit other than the indicator's, a qualifier, a
// value beyond eight bytes) is in the batch's extras and bigs.
type loadRow struct {
	coef   int64
	key    uint64 // the region's numCode; resolve makes it resolved|position
	line   int32
	series int32
	period uint32 // index in the batch's periods
	text   int32  // index in the batch's texts; 0 is no source and note
	exp    int8
	extra  bool // the row has the batch's next extra
	big    bool // the row's value is the batch's next big
}

// resolved marks a loadRow.key that holds a region position.
const resolved = 1 << 63

func (r *loadRow) known() bool { return r.key&resolved != 0 }
func (r *loadRow) reg() int32  { return int32(uint32(r.key)) }

// rowExtra is a row's unit, other than its indicator's, and qualifier.
type rowExtra struct {
	unit Unit
	qual Qualifier
}

// loadError is a line refused while parsing, before row at of its batch.
type loadError struct {
	at  int
	err error
}

// batch is what a rowReader makes of a run of lines.
type batch struct {
	rows    []loadRow
	extras  []rowExtra        // of the rows marked extra, in order
	bigs    []decimal.Decimal // the values of the rows marked big, in order
	periods periodTable       // the distinct periods of the rows
	texts   []meta            // texts[0] is the empty text
	errs    []loadError
	stop    bool // the lines after these were not read: an error ended the batch
}

func (b *batch) reset() {
	b.rows, b.extras, b.bigs = b.rows[:0], b.extras[:0], b.bigs[:0]
	b.texts, b.errs, b.stop = append(b.texts[:0], meta{}), b.errs[:0], false
	b.periods.reset()
}

// rowReader parses lines for one ledger.
type rowReader struct {
	l              *Ledger
	p              rowParser
	lastIndicator  []byte
	lastSeries     int32
	lastText       int32 // the text of the previous row, in the current batch
	roles          []int // the column of each field
	lastYear       int   // the year of yearPeriod; -1 before the first
	yearPeriod     Period
	yearID         int64 // the index of yearPeriod in the batch's periods; -1 when not known
	lastPeriod     Period
	lastPeriodText []byte // the text of lastPeriod, a period other than a year
	home           [lookupGroup]uint64
	packed         [lookupGroup]uint64
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
	return rd
}

// plain adds a line made only of what ledger files repeat line after line:
// a known indicator, a region code of digits, a period, a plain number, the
// indicator's unit or none, no qualifier, and the source and note of the
// line before or none. It adds nothing and returns false for any other
// line, which goes to the general parser instead; the two make the same
// row of a plain line, which is what lets a million-line file be read in
// one pass over its bytes.
func (rd *rowReader) plain(b *batch, line []byte, lineNo int) bool {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	var (
		key               uint64
		coef              int64
		exp               int32
		period            Period
		series            = int32(-1)
		unit              []byte
		hasText, sameText = false, true
		isYear            bool
	)
	rest := line
	for field := range rd.roles {
		f := rest
		if i := bytes.IndexByte(rest, ','); i >= 0 {
			f, rest = rest[:i], rest[i+1:]
		} else if field < len(rd.roles)-1 {
			return false // too few fields
		} else {
			rest = nil
		}
		switch rd.roles[field] {
		case colIndicator:
			if series = rd.indicator(f); series < 0 {
				return false
			}
		case colRegion:
			k, ok := regionKey(f)
			if !ok {
				return false
			}
			key = k
		case colPeriod:
			if y, ok := yearBytes(f); ok {
				if y != rd.lastYear {
					rd.lastYear, rd.yearPeriod = y, Period{YearPeriod, daysFromCivil(y, 1, 1), daysFromCivil(y, 12, 31)}
					rd.yearID = -1
				}
				period, isYear = rd.yearPeriod, true
				break
			}
			// Any other period, as the general parser reads it; the last
			// one is kept, as files repeat it line after line.
			if !bytes.Equal(f, rd.lastPeriodText) {
				p, err := parsePeriodBytes(f)
				if err != nil {
					return false
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
					return false
				}
			}
			if digits == 0 || digits > 18 {
				return false
			}
			if dot >= 0 {
				exp = -int32(len(f) - dot - 1)
			}
		case colUnit:
			unit = f
		case colQualifier:
			if len(f) > 0 {
				return false
			}
		default: // source, section, mark, note
			if len(f) > 0 {
				hasText = true
			}
			if !bytes.Equal(f, rd.p.lastText[rd.roles[field]-colSource]) {
				sameText = false
			}
		}
	}
	if rest != nil || series < 0 {
		return false // too many fields, or no indicator column
	}
	// A unit is the indicator's own, as its symbol: put would keep none.
	if len(unit) > 0 && string(unit) != rd.l.series[series].ind.Unit.Symbol() {
		return false
	}
	// Text is no text, or the text of the row before, already in the batch:
	// what read would make of it. New text goes to read, to be checked.
	// Text with a quote was quoted, or has a quote the scanner refuses.
	text := int32(0)
	if hasText {
		if !sameText || rd.lastText == 0 || rd.p.quotedText {
			return false
		}
		text = rd.lastText
	}
	var pid uint32
	if isYear {
		if rd.yearID < 0 {
			rd.yearID = int64(b.periods.intern(period))
		}
		pid = uint32(rd.yearID)
	} else {
		pid = b.periods.intern(period)
	}
	b.rows = append(b.rows, loadRow{coef: coef, key: key, line: int32(lineNo), series: series, period: pid, text: text, exp: int8(exp)})
	return true
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
		return fail(p.fail(line, colIndicator, row.indicator, ErrUnknownIndicator))
	}
	// The region is looked up later, a group of rows at a time (resolve).
	key, ok := regionKey(row.region)
	if !ok {
		return fail(p.fail(line, colRegion, row.region, ErrUnknownRegion))
	}
	s := l.series[rd.lastSeries]
	if err := s.checkUnit(row.val.unit); err != nil {
		return fail(p.fail(line, colUnit, []byte(row.val.unit.Symbol()), err))
	}
	text := int32(0)
	if len(row.source)+len(row.section)+len(row.mark)+len(row.note) > 0 {
		if !row.sameText || rd.lastText == 0 {
			b.texts = append(b.texts, meta{Citation{string(row.source), string(row.section), string(row.mark)}, string(row.note)})
			rd.lastText = int32(len(b.texts) - 1)
		}
		text = rd.lastText
	}
	v := &row.val
	if v.unit == s.ind.Unit {
		v.unit = 0 // the indicator's own, as put would keep it
	}
	extra := v.unit != 0 || v.qual != 0
	b.rows = append(b.rows, loadRow{coef: v.coef, key: key, line: int32(line), series: rd.lastSeries,
		period: b.periods.intern(row.period), text: text, exp: int8(v.exp), extra: extra, big: !v.fits})
	if extra {
		b.extras = append(b.extras, rowExtra{unit: v.unit, qual: v.qual})
	}
	if !v.fits {
		b.bigs = append(b.bigs, v.big)
	}
	return true
}

// applier adds batches to a ledger in file order, all or nothing; the
// caller holds the ledger's lock.
type applier struct {
	l    *Ledger
	file string
	opts ReadOptions
	m    loadMark
	errs []error
	ids  []uint32 // the ledger's meta index of each text of the batch
}

// newApplier starts a load; it is made before the columns are grown for
// the file, so that a failed load gives that room back too.
func (l *Ledger) newApplier(file string, opts ReadOptions) *applier {
	return &applier{l: l, file: file, opts: opts, m: l.markLoad()}
}

// fail keeps err and reports whether to go on.
func (a *applier) fail(err error) bool {
	a.errs = append(a.errs, err)
	return a.opts.AllErrors
}

// apply adds b's rows and reports b's errors, in line order; it reports
// whether to go on.
func (a *applier) apply(b *batch) bool {
	l := a.l
	a.ids = a.ids[:0]
	for _, t := range b.texts {
		if t == (meta{}) {
			a.ids = append(a.ids, 0)
		} else {
			a.ids = append(a.ids, l.intern(t))
		}
	}
	e, x, y := 0, 0, 0 // the next error, extra and big
	for i := range b.rows {
		for ; e < len(b.errs) && b.errs[e].at == i; e++ {
			if !a.fail(b.errs[e].err) {
				return false
			}
		}
		r := &b.rows[i]
		s, p := l.series[r.series], b.periods.table[r.period]
		if !r.extra && !r.big && r.exp == 0 && r.text == 0 && s.plainEntries() {
			s.appendPlain(r.reg(), p, r.coef)
			l.n++
			continue
		}
		v := value{coef: r.coef, exp: int32(r.exp), fits: !r.big}
		if r.extra {
			v.unit, v.qual, x = b.extras[x].unit, b.extras[x].qual, x+1
		}
		if r.big {
			v.big, y = b.bigs[y], y+1
		}
		err := v.checkWhole(s.ind.Unit)
		if err == nil {
			err = l.put(s, r.reg(), p, &v, a.ids[r.text])
		}
		if err != nil {
			q := Quantity{value: v.decimal(), unit: s.unitOr(v.unit), qual: v.qual}
			if !a.fail(&ParseError{File: a.file, Line: int(r.line), Column: columnNames[colValue], Value: q.String(), Err: err}) {
				return false
			}
		}
	}
	for ; e < len(b.errs); e++ {
		if !a.fail(b.errs[e].err) {
			return false
		}
	}
	return !b.stop
}

// reserveCSV grows each column once for the rows the file probably holds:
// counted exactly in a small file, estimated from evenly spaced samples of
// a large one, with a little to spare. A column that turns out short grows
// as it goes.
func (l *Ledger) reserveCSV(r io.Reader, col int) {
	ra, ok := r.(io.ReaderAt)
	size := inputSize(r)
	if !ok || size <= 0 || col < 0 {
		return
	}
	counts := make([]float64, len(l.series))
	var last []byte
	lastIdx := -1
	scale := sampleLines(ra, size, func(line []byte) {
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
			s.grow(n + n/32 + 16)
		}
	}
}

// sampleLines calls fn for the whole lines in samples of a file and
// returns by how much to multiply what fn saw to estimate the whole: 1 for
// a small file, read whole. The samples are evenly spaced; a line cut by a
// sample's edges is skipped. A quoted field with a line end inside can
// mislead the estimate, never the reading.
func sampleLines(r io.ReaderAt, size int64, fn func(line []byte)) float64 {
	const samples, window = 32, 32 << 10
	buf := make([]byte, window)
	whole := size <= samples*window
	step := size / samples
	if whole {
		buf, step = make([]byte, size), size
	}
	var seen int64
	for off := int64(0); off < size; off += step {
		n, err := r.ReadAt(buf, off)
		if err != nil && err != io.EOF {
			return 0
		}
		b := buf[:n]
		if off == 0 { // the header
			if i := bytes.IndexByte(b, '\n'); i >= 0 {
				b = b[i+1:]
			}
		} else if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:] // skip the cut line
		} else {
			continue
		}
		if off+int64(n) < size { // not the end of the file: drop the cut line
			b = b[:bytes.LastIndexByte(b, '\n')+1]
		}
		seen += int64(len(b))
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				i = len(b) - 1
			}
			fn(bytes.TrimRight(b[:i+1], "\r\n"))
			b = b[i+1:]
		}
	}
	if whole || seen == 0 {
		return 1
	}
	return float64(size) / float64(seen)
}

// finish rolls back if anything was refused, and returns every error.
func (a *applier) finish() error {
	if len(a.errs) > 0 {
		a.l.rollbackLoad(a.m)
		return errors.Join(a.errs...)
	}
	return nil
}

// loadMark is a ledger before a load: its size, to roll back to, and the
// room of its columns, to give back. A load grows the columns for the rows
// it expects, hundreds of megabytes for tens of millions of rows; a failed
// one must not leave the ledger holding them.
type loadMark struct {
	mark
	series []seriesRoom
	metas  int // capacity of the interned sources and notes
}

// seriesRoom is the room of a series' columns before a load. The columns
// kept nil while they would hold only zeros have -1 while nil.
type seriesRoom struct {
	region, exp, unit, qual, meta int
	period                        periodRoom
	coef                          intRoom
	big                           int // values beyond the columns; -1 without the map
	slots                         int // size of the index of rows not in years
	years                         bool
}

func (l *Ledger) markLoad() loadMark {
	m := loadMark{mark: l.mark(), series: make([]seriesRoom, len(l.series)), metas: cap(l.metas)}
	for i, s := range l.series {
		big := len(s.big)
		if s.big == nil {
			big = -1
		}
		m.series[i] = seriesRoom{
			region: cap(s.region), exp: lazyCap(s.exp), unit: lazyCap(s.unit), qual: lazyCap(s.qual), meta: lazyCap(s.meta),
			period: s.period.room(), coef: s.coef.room(), big: big, slots: len(s.slots), years: s.years != nil,
		}
	}
	return m
}

func lazyCap[T any](col []T) int {
	if col == nil {
		return -1
	}
	return cap(col)
}

// rollbackLoad drops every row and interned source added since m, and gives
// back the memory the load grew: each column gets its old capacity and
// width again, and maps that grew much are made anew.
func (l *Ledger) rollbackLoad(m loadMark) {
	bigs := make([]int, len(l.series)) // as the load left them, before rollback empties them
	for i, s := range l.series {
		bigs[i] = len(s.big)
	}
	metas := len(l.metas)
	l.rollback(m.mark)
	for i, s := range l.series {
		s.shrink(m.rows[i], m.series[i], bigs[i])
	}
	if cap(l.metas) > m.metas {
		l.metas = refit(l.metas, len(l.metas), m.metas)
	} else {
		clear(l.metas[len(l.metas):cap(l.metas)]) // the dropped notes are garbage
	}
	if grewMuch(len(l.metas), metas) {
		l.metaIdx = make(map[meta]uint32, len(l.metas))
		for i, mt := range l.metas {
			l.metaIdx[mt] = uint32(i)
		}
	}
}

// shrink gives back what a series grew since it had the room was; it keeps
// its first n rows, and peak is how many values beyond the columns it held.
func (s *series) shrink(n int, was seriesRoom, peak int) {
	s.region = refit(s.region, n, was.region)
	s.period.shrink(n, was.period)
	s.coef.shrink(n, was.coef)
	s.exp = refitLazy(s.exp, n, was.exp)
	s.unit = refitLazy(s.unit, n, was.unit)
	s.qual = refitLazy(s.qual, n, was.qual)
	s.meta = refitLazy(s.meta, n, was.meta)
	switch {
	case was.big < 0:
		s.big = nil // the rows kept had none
	case grewMuch(was.big, peak):
		big := make(map[int32]decimal.Decimal, len(s.big)) // maps.Clone would keep the grown tables
		maps.Copy(big, s.big)
		s.big = big
	}
	if !was.years {
		s.years = nil // no row kept is a year's
	}
	// The index is made anew for the rows kept, as large as they need: at
	// most its old size.
	switch {
	case was.slots == 0 && s.indexed == 0:
		s.slots = nil
	case len(s.slots) > was.slots:
		s.resize(2 * s.indexed)
	}
}

// refitLazy is refit for a column kept nil while it would hold only zeros:
// one made by the load (c < 0) holds only zeros for the rows kept.
func refitLazy[T any](col []T, n, c int) []T {
	if c < 0 {
		return nil
	}
	return refit(col, n, c)
}

// grewMuch reports whether a map that holds n entries again held peak:
// grown so much that making it anew is worth it.
func grewMuch(n, peak int) bool { return peak-n >= 1024 && peak > 2*n }

// rowLoader reads and applies one row at a time, for sources of rows that
// are not files (spreadsheets).
type rowLoader struct {
	rd *rowReader
	a  *applier
	b  batch
}

func (l *Ledger) newLoader(p rowParser, opts ReadOptions) *rowLoader {
	return &rowLoader{rd: l.newRowReader(p), a: l.newApplier(p.file, opts)}
}

func (ld *rowLoader) row(line int, fields [][]byte) bool {
	ld.b.reset()
	ld.rd.lastText = 0
	ld.rd.read(&ld.b, line, fields)
	ld.rd.resolve(&ld.b, ld.a.opts)
	return ld.a.apply(&ld.b)
}

func (ld *rowLoader) finish() error { return ld.a.finish() }

// ReadCSV adds the records of a CSV file ([CSVReader] describes the format),
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
	cr, first, err := startChunks(r, opts.Name, func(fields [][]byte) error {
		cols, err := parseHeader(opts.Name, fields)
		p.cols, p.width = cols, len(fields)
		return err
	})
	if err != nil {
		return err
	}
	a := l.newApplier(opts.Name, opts)
	l.reserveCSV(r, p.cols[colIndicator])
	err = inOrder(cr, first, func() func(chunk, *batch) {
		rd := l.newRowReader(p)
		return func(c chunk, b *batch) { rd.chunk(b, c, opts) }
	}, a.apply)
	if err != nil {
		a.errs = append(a.errs, err)
	}
	return a.finish()
}

// chunkSize is how many bytes of a file are parsed as one piece: a chunk
// and its parsed rows stay in a core's cache.
var chunkSize = 256 << 10

// maxLoadWorkers bounds the goroutines parsing a file: the applier, one
// goroutine, falls behind more of them.
const maxLoadWorkers = 4

// startChunks cuts r into chunks of whole records and hands the fields of
// the header line to header; it returns the chunks to read, the first
// starting after the header.
func startChunks(r io.Reader, file string, header func(fields [][]byte) error) (*chunkReader, chunk, error) {
	cr := &chunkReader{r: r, size: chunkSize, line: 1}
	for {
		first, err := cr.next()
		if err != nil && err != io.EOF {
			return nil, chunk{}, err
		}
		sc := &csvScanner{src: first.data, next: first.line}
		if !sc.scan() {
			if sc.err == nil && !first.last {
				continue // blank lines only: the header is in a later chunk
			}
			return nil, chunk{}, sc.noHeader(file)
		}
		if err := header(sc.fields); err != nil {
			return nil, chunk{}, err
		}
		first.data, first.line = sc.src, sc.next
		return cr, first, nil
	}
}

// inOrder parses the chunks of cr, from first on, and hands each result to
// apply in file order, until apply returns false or the chunks run out. It
// parses on every CPU (GOMAXPROCS, up to maxLoadWorkers goroutines, each
// with a parser from newParser) while apply takes the results in turn; on
// one CPU, or for one chunk, it reads, parses and applies in turn. It
// returns the error reading cr, unless apply stopped first.
func inOrder[T any](cr *chunkReader, first chunk, newParser func() func(chunk, *T), apply func(*T) bool) error {
	workers := min(runtime.GOMAXPROCS(0), maxLoadWorkers)
	if workers == 1 || first.last {
		parse := newParser()
		cr.bufs = make(chan []byte, 1)
		var t T
		for c := first; ; {
			parse(c, &t)
			cr.bufs <- c.buf
			if !apply(&t) || c.last {
				return nil
			}
			var err error
			if c, err = cr.next(); err != nil && err != io.EOF {
				return err
			}
		}
	}
	type job struct {
		c    chunk
		t    *T // taken in file order, so the result apply waits for is never short of one
		done chan *T
	}
	inFlight := 2 * workers
	work := make(chan job, inFlight)
	order := make(chan chan *T, inFlight)
	free := make(chan *T, inFlight+1)
	for range inFlight + 1 {
		free <- new(T)
	}
	quit := make(chan struct{})
	cr.bufs = make(chan []byte, inFlight+2)
	var readErr error
	go func() { // the reader
		defer close(work)
		defer close(order)
		c, err := first, error(nil)
		for {
			done := make(chan *T, 1)
			var t *T
			select {
			case t = <-free:
			case <-quit:
				return
			}
			select {
			case work <- job{c, t, done}:
			case <-quit:
				return
			}
			order <- done
			if c.last {
				return
			}
			if c, err = cr.next(); err != nil && err != io.EOF {
				readErr = err
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parse := newParser()
			for j := range work {
				parse(j.c, j.t)
				select {
				case cr.bufs <- j.c.buf:
				default:
				}
				j.done <- j.t
			}
		}()
	}
	stopped := false
	for done := range order {
		t := <-done
		if !stopped && !apply(t) {
			stopped = true
			close(quit)
		}
		free <- t
	}
	wg.Wait()
	if stopped {
		return nil
	}
	return readErr
}

// chunk parses the records of c into b, stopping at the first error unless
// every error is wanted, and at an error of the CSV itself.
func (rd *rowReader) chunk(b *batch, c chunk, opts ReadOptions) {
	b.reset()
	rd.yearID = -1
	if n := len(c.data)/16 + 16; cap(b.rows) < n {
		b.rows = make([]loadRow, 0, n) // lines are rarely shorter than 16 bytes
	}
	rd.lastText = 0
	sc := csvScanner{src: c.data, next: c.line}
	for !b.stop {
		if n := bytes.IndexByte(sc.src, '\n'); n >= 0 && rd.plain(b, sc.src[:n], sc.next) {
			sc.src, sc.next = sc.src[n+1:], sc.next+1
			continue
		}
		if !sc.scan() {
			break
		}
		if !rd.read(b, sc.line, sc.fields) && !opts.AllErrors {
			b.stop = true // the rows before are still resolved: they decide which error comes first
		}
	}
	if sc.err != nil {
		b.errs = append(b.errs, loadError{len(b.rows), withFile(sc.err, rd.p.file)})
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
	t := &rd.l.regions.byNum
	var sink uint64
	unknown := -1
	if len(t.slots) == 0 { // a zero RegionSet: no region is known
		if len(b.rows) > 0 {
			rd.dropUnknown(b, 0, opts)
		}
		return
	}
	for g := 0; g < len(b.rows); g += lookupGroup {
		rows := b.rows[g:min(g+lookupGroup, len(b.rows))]
		for i := range rows {
			p := packCode(rows[i].key)
			h := t.home(p)
			rd.packed[i], rd.home[i] = p, h
			sink += t.slots[h]
		}
		for i := range rows {
			r := &rows[i]
			if pos, ok := t.find(rd.packed[i], rd.home[i]); ok && rd.packed[i] != 0 {
				r.key = resolved | uint64(uint32(pos))
			} else if unknown < 0 {
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
		errs = append(errs, loadError{w, rd.p.fail(int(r.line), colRegion, []byte(codeString(r.key)), ErrUnknownRegion)})
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

func withFile(err error, file string) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = file
	}
	return err
}

// regionKey checks that code can be a region code and returns its numCode.
func regionKey(code []byte) (uint64, bool) {
	if len(code) == 0 || len(code) > 15 {
		return 0, false
	}
	var n uint64
	rest := code
	if len(code) >= 8 {
		// The first eight digits at once: village and township codes
		// are 12 and 9 digits long.
		v, ok := eightDigits(code)
		if !ok {
			return 0, false
		}
		n, rest = v, code[8:]
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n<<4 | uint64(len(code)), true
}

// eightDigits reads the number the first eight bytes of b write in decimal,
// if they are all digits, in a few arithmetic steps on one 64-bit word.
func eightDigits(b []byte) (uint64, bool) {
	v := binary.LittleEndian.Uint64(b)
	// Every byte is 0x30–0x39: its high nibble is 3, and adding 6 keeps it 3.
	const threes, sixes, highs = 0x3030303030303030, 0x0606060606060606, 0xf0f0f0f0f0f0f0f0
	if v&highs != threes || (v+sixes)&highs != threes {
		return 0, false
	}
	v -= threes
	v = (v * (10<<8 + 1)) >> 8 & 0x00ff00ff00ff00ff    // pairs of digits
	v = (v * (100<<16 + 1)) >> 16 & 0x0000ffff0000ffff // fours
	v = (v * (10000<<32 + 1)) >> 32                    // eight
	return v, true
}

// chunk is a run of whole records of a file.
type chunk struct {
	buf  []byte // the buffer data is in, to reuse
	data []byte
	line int  // the line data starts on
	last bool // no more chunks follow
}

// chunkReader cuts a file into chunks of whole records: each ends at a line
// end outside quotes.
type chunkReader struct {
	r     io.Reader
	bufs  chan []byte // buffers to reuse; nil: none
	size  int
	carry []byte // the start of the next chunk, read already
	line  int    // the line the next chunk starts on
	eof   bool
	begun bool // a chunk was cut: the next one does not start the file
}

// next returns the next chunk; io.EOF with the last one.
func (cr *chunkReader) next() (chunk, error) {
	var buf []byte
	select {
	case buf = <-cr.bufs:
	default:
	}
	if len(buf) < max(cr.size, 2*len(cr.carry)) {
		buf = make([]byte, max(cr.size, 2*len(cr.carry)))
	}
	n := copy(buf, cr.carry)
	for {
		for !cr.eof && n < len(buf) {
			m, err := cr.r.Read(buf[n:])
			n += m
			if err == io.EOF {
				cr.eof = true
			} else if err != nil {
				return chunk{}, err
			}
		}
		data := buf[:n]
		if cr.eof {
			cr.carry = nil
			return chunk{buf: buf, data: data, line: cr.line, last: true}, io.EOF
		}
		if cut := recordEnd(data, !cr.begun); cut > 0 {
			cr.begun = true
			cr.carry = append(cr.carry[:0], data[cut:]...)
			c := chunk{buf: buf, data: data[:cut], line: cr.line}
			cr.line += bytes.Count(c.data, []byte{'\n'})
			return c, nil
		}
		// One record longer than the buffer: read on into a larger one.
		buf = append(buf, make([]byte, len(buf))...)
	}
}

// recordEnd returns the length of the longest prefix of data that ends
// with the line end of a record, or 0. It reads quotes as [csvScanner]
// does, so that chunks are cut where the scanner's records end whatever
// the quotes: a quote opens a quoted field only where a field starts, a
// doubled quote within one is a quote, and a quote anywhere else is text
// here, an error the scanner reports. data starts where a record starts;
// fileStart says it starts the file, where a byte-order mark may come
// before the first field.
func recordEnd(data []byte, fileStart bool) int {
	q := bytes.IndexByte(data, '"')
	if q < 0 {
		return bytes.LastIndexByte(data, '\n') + 1
	}
	first := 0 // where the first field starts
	if fileStart && bytes.HasPrefix(data, utf8BOM) {
		first = len(utf8BOM)
	}
	end, i := 0, 0 // the last record end found; data[:i] is read, outside quotes
	for q >= 0 {
		q += i
		if n := bytes.LastIndexByte(data[i:q], '\n'); n >= 0 {
			end = i + n + 1
		}
		i = q + 1
		if q == first || q > 0 && (data[q-1] == ',' || data[q-1] == '\n') {
			// A quoted field: on past the quote that ends it.
			for {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 || i+j+1 == len(data) {
					return end // the field, or a doubled quote, may go on beyond data
				}
				i += j + 1
				if data[i] != '"' {
					break
				}
				i++
			}
		}
		q = bytes.IndexByte(data[i:], '"')
	}
	if n := bytes.LastIndexByte(data[i:], '\n'); n >= 0 {
		end = i + n + 1
	}
	return end
}
