package outcome

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"math"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/column"
)

// Ledger is the 台账: an append-only, validated collection of [Record]s
// over one [RegionSet] and a fixed list of [Indicator]s. It is safe for
// concurrent use; a loop over [Ledger.All] or [Ledger.Records] reads the
// records as they stand when it begins, and holds no lock while its body
// runs.
//
// [Ledger.Add] refuses bad records with a [*RecordError]: an unknown
// indicator or region, a negative value, a unit that does not fit the
// indicator, a range, a period outside the years 1 to 9999 (a query window
// from [Through] is one). An identical record twice is harmless (the second is
// not added); a different value for the same indicator, region and period is
// a conflict ([ErrConflict]) and nothing is overwritten.
//
// Records are kept by indicator in columns of fixed-size numbers, so a
// million records take tens of megabytes and a query is a linear scan; no
// decimal is allocated per record until a record is read back.
type Ledger struct {
	mu       sync.RWMutex
	regions  *RegionSet
	series   []*series
	byCode   map[string]int
	metas    []meta // interned sources and notes; metas[0] is the empty one
	metaIdx  map[meta]uint32
	lastMeta uint32 // the last interned, to skip the map for runs
	n        int
}

type meta struct {
	source Citation
	note   string
}

// series holds one indicator's records as columns.
type series struct {
	ind     Indicator
	region  []int32 // position in the region set
	period  periodColumn
	coef    column.Ints
	exp     []int8      // nil while every exponent is 0
	unit    []Unit      // nil while every unit is the indicator's
	qual    []Qualifier // nil while every qualifier is exact
	meta    []uint32    // nil while no record has a source or note
	big     map[int32]decimal.Decimal
	minExp  int32
	slots   []uint64 // open-addressing index of (region, period) for rows not in years
	indexed int      // rows in slots
	// years has a bit per region and year from 1970 to 2033: the region has
	// a row for that civil year. Most rows are years; checking a bit in this
	// small array replaces a probe into the index. yearRow finds such a row
	// when a bit is already set; it is built on the first duplicate.
	years   []uint64
	yearRow map[uint64]int32
}

// NewLedger returns an empty ledger over regions for the given indicators.
// Indicators must be valid and their codes unique.
func NewLedger(regions *RegionSet, indicators ...Indicator) (*Ledger, error) {
	if regions == nil {
		return nil, fmt.Errorf("outcome: new ledger: region set: %w", ErrMissing)
	}
	l := &Ledger{
		regions: regions,
		byCode:  make(map[string]int, len(indicators)),
		metas:   []meta{{}},
		metaIdx: map[meta]uint32{{}: 0},
	}
	var errs []error
	for _, ind := range indicators {
		if err := ind.Validate(); err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := l.byCode[ind.Code]; dup {
			errs = append(errs, fmt.Errorf("outcome: indicator %q defined twice: %w", ind.Code, ErrInvalidIndicator))
			continue
		}
		l.byCode[ind.Code] = len(l.series)
		l.series = append(l.series, &series{ind: ind})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return l, nil
}

// Regions returns the ledger's region set.
func (l *Ledger) Regions() *RegionSet { return l.regions }

// Indicator returns the indicator with the given code.
func (l *Ledger) Indicator(code string) (Indicator, bool) {
	i, ok := l.byCode[code]
	if !ok {
		return Indicator{}, false
	}
	return l.series[i].ind, true
}

// Indicators yields the ledger's indicators in the order they were given.
func (l *Ledger) Indicators() iter.Seq[Indicator] {
	return func(yield func(Indicator) bool) {
		for _, s := range l.series {
			if !yield(s.ind) {
				return
			}
		}
	}
}

// Len returns the number of records.
func (l *Ledger) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.n
}

// Add appends records, all or nothing: if any record is refused, none is
// added and the error joins a [*RecordError] for every refused record. A
// record without a unit is read in its indicator's unit.
func (l *Ledger) Add(records ...Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	m := l.mark()
	if len(records) >= 1024 {
		l.reserve(records)
	}
	var errs []error
	for i := range records {
		if err := l.add(&records[i]); err != nil {
			err.Index = i
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		l.rollback(m)
		return errors.Join(errs...)
	}
	return nil
}

// mark is the ledger's size before a change, to roll back to.
type mark struct {
	rows  []int
	metas int
	n     int
}

func (l *Ledger) mark() mark {
	m := mark{rows: make([]int, len(l.series)), metas: len(l.metas), n: l.n}
	for i, s := range l.series {
		m.rows[i] = len(s.region)
	}
	return m
}

// rollback drops every row and interned source added since m.
func (l *Ledger) rollback(m mark) {
	for i, s := range l.series {
		if len(s.region) != m.rows[i] {
			s.truncate(m.rows[i])
		}
	}
	for _, mt := range l.metas[m.metas:] {
		delete(l.metaIdx, mt)
	}
	l.metas = l.metas[:m.metas]
	l.lastMeta = 0
	l.n = m.n
}

// reserve grows the columns once for a large batch, so that appending does
// not copy them again and again.
func (l *Ledger) reserve(records []Record) {
	counts := make([]int, len(l.series))
	last, lastIdx := "", -1
	for i := range records {
		code := records[i].Indicator
		if code != last || lastIdx < 0 {
			idx, ok := l.byCode[code]
			if !ok {
				continue
			}
			last, lastIdx = code, idx
		}
		counts[lastIdx]++
	}
	for i, s := range l.series {
		if n := counts[i]; n > 0 {
			s.grow(n)
		}
	}
}

func (s *series) grow(n int) {
	s.region = column.Reserve(s.region, n)
	s.period.grow(n)
	s.coef.Grow(n)
	if s.meta != nil {
		s.meta = column.Reserve(s.meta, n)
	}
	if s.exp != nil {
		s.exp = column.Reserve(s.exp, n)
	}
}

// add validates and appends one record; an identical duplicate is skipped.
func (l *Ledger) add(r *Record) *RecordError {
	fail := func(field, value string, err error) *RecordError {
		return &RecordError{Record: *r, Field: field, Value: value, Err: err}
	}
	si, ok := l.byCode[r.Indicator]
	if !ok {
		return fail("indicator", r.Indicator, ErrUnknownIndicator)
	}
	s := l.series[si]
	reg, ok := l.regions.pos(r.Region)
	if !ok {
		return fail("region", r.Region, ErrUnknownRegion)
	}
	if r.Period.IsZero() {
		return fail("period", "", ErrMissing)
	}
	if !r.Period.inRange() {
		return fail("period", r.Period.String(), fmt.Errorf("%w: a recorded period lies within the years 0001 to 9999 (a query window such as Through is not a period to record)", ErrOutOfRange))
	}
	q := r.Quantity
	switch err := q.Validate(); {
	case err != nil:
		return fail("value", q.String(), err)
	case q.ranged:
		return fail("value", q.String(), ErrRangeValue)
	}
	if err := s.checkUnit(q.unit); err != nil {
		return fail("unit", q.unit.Symbol(), err)
	}
	m := meta{r.Source, r.Note}
	if m != l.metas[l.lastMeta] {
		// In the order of the columns, so that a record gives the same
		// error every time.
		for i, text := range [...]string{r.Source.Document, r.Source.Section, r.Source.Mark, r.Note} {
			if !utf8.ValidString(text) {
				return fail(columnNames[colSource+i], text, ErrEncoding)
			}
		}
	}
	v := valueOf(q)
	if err := v.checkWhole(s.ind.Unit); err != nil {
		return fail("value", q.String(), err)
	}
	if err := l.put(s, reg, r.Period, &v, l.intern(m)); err != nil {
		return fail("value", q.String(), err)
	}
	return nil
}

// value is a figure as the columns keep it.
type value struct {
	coef int64
	exp  int32
	fits bool            // coef and exp hold it; otherwise big does
	big  decimal.Decimal //
	unit Unit            // 0 for the indicator's unit
	qual Qualifier
}

func valueOf(q Quantity) value {
	v := value{unit: q.unit, qual: q.qual}
	if v.coef, v.exp, v.fits = split(q.value); !v.fits {
		v.big = q.value
	}
	return v
}

func (v value) decimal() decimal.Decimal {
	if !v.fits {
		return v.big
	}
	return newDecimal(v.coef, v.exp)
}

// checkUnit refuses a unit of another dimension than the indicator's.
func (s *series) checkUnit(u Unit) error {
	if u == 0 || u.Compatible(s.ind.Unit) {
		return nil
	}
	return fmt.Errorf("%w: %s (%v) for %s in %s (%v)", ErrUnitMismatch,
		u.Symbol(), u.Dimension(), s.ind.Code, s.ind.Unit.Symbol(), s.ind.Unit.Dimension())
}

// put appends a checked row, unless the same figure is already recorded
// for the region and period; a different one is a conflict.
func (l *Ledger) put(s *series, reg int32, p Period, v *value, m uint32) error {
	unit := v.unit
	if unit == s.ind.Unit {
		unit = 0
	}
	// Entries are events: never a duplicate, so never looked up or indexed.
	entries := s.ind.Aggregation == Entries
	y, isYear := yearBit(p)
	if !entries {
		if row := s.find(reg, p, y, isYear); row >= 0 {
			if s.value(row).Equal(v.decimal()) && column.LazyAt(s.unit, row) == unit && column.LazyAt(s.qual, row) == v.qual {
				return nil
			}
			old := s.record(l, row)
			return fmt.Errorf("%w: %s already recorded (%s)", ErrConflict, old.Quantity, old.Source)
		}
	}
	row := int32(len(s.region))
	s.region = append(s.region, reg)
	s.period.append(p)
	s.coef.Append(v.coef)
	c := cap(s.region)
	column.SetLazy(&s.exp, int(row), int8(v.exp), c)
	if !v.fits {
		if s.big == nil {
			s.big = make(map[int32]decimal.Decimal)
		}
		s.big[row] = v.big
	} else if v.exp < s.minExp {
		s.minExp = v.exp
	}
	column.SetLazy(&s.unit, int(row), unit, c)
	column.SetLazy(&s.qual, int(row), v.qual, c)
	column.SetLazy(&s.meta, int(row), m, c)
	if !entries {
		s.index(row, l.regions.Len(), y, isYear)
	}
	l.n++
	return nil
}

// plainEntries reports whether s is entries whose rows are all exact
// integers in its unit, without source or note: a row like them needs
// only appendPlain, which is what put would do with it.
func (s *series) plainEntries() bool {
	return s.ind.Aggregation == Entries && s.exp == nil && s.unit == nil && s.qual == nil && s.meta == nil
}

// appendPlain appends a row to a series for which plainEntries holds: an
// exact integer in the series' unit, without source or note.
func (s *series) appendPlain(reg int32, p Period, coef int64) {
	s.region = append(s.region, reg)
	s.period.append(p)
	s.coef.Append(coef)
}

func (l *Ledger) intern(m meta) uint32 {
	if m == l.metas[l.lastMeta] {
		return l.lastMeta // records from one source come in runs
	}
	if i, ok := l.metaIdx[m]; ok {
		l.lastMeta = i
		return i
	}
	i := uint32(len(l.metas))
	l.metas = append(l.metas, m)
	l.metaIdx[m] = i
	l.lastMeta = i
	return i
}

// split returns the coefficient and exponent of v, and whether they fit the
// compact columns.
func split(v decimal.Decimal) (int64, int32, bool) {
	exp := v.Exponent()
	if v.NumDigits() > 18 || exp < math.MinInt8 || exp > math.MaxInt8 {
		return 0, 0, false
	}
	return v.CoefficientInt64(), exp, true
}

// truncate drops the rows from n on, after a refused Add.
func (s *series) truncate(n int) {
	for row := range s.big {
		if int(row) >= n {
			delete(s.big, row)
		}
	}
	s.region = s.region[:n]
	s.period.truncate(n)
	s.coef.Truncate(n)
	if len(s.exp) > n {
		s.exp = s.exp[:n]
	}
	if len(s.unit) > n {
		s.unit = s.unit[:n]
	}
	if len(s.qual) > n {
		s.qual = s.qual[:n]
	}
	if len(s.meta) > n {
		s.meta = s.meta[:n]
	}
	s.minExp = 0
	for i := range n {
		if _, isBig := s.big[int32(i)]; !isBig {
			s.minExp = min(s.minExp, int32(column.LazyAt(s.exp, int32(i))))
		}
	}
	if s.ind.Aggregation == Entries {
		return // entries are not indexed
	}
	// The rows kept that are not years number at most those indexed
	// before: twice as many slots keep the table at most half full. With
	// fewer slots than rows, place would probe for a free slot forever.
	s.resize(2 * s.indexed)
	clear(s.years)
	s.yearRow = nil
	for row := range int32(n) {
		if y, ok := yearBit(s.periodAt(row)); ok {
			s.years[s.region[row]] |= 1 << y
		}
	}
}

func hashKey(region int32, p Period) uint64 {
	h := uint64(uint32(region))<<32 | uint64(uint32(p.start))
	h ^= (uint64(uint32(p.end))<<8 | uint64(p.kind)) * 0x9e3779b97f4a7c15
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	return h
}

// The index is open addressing with linear probing, at most half full.
// A slot holds a 32-bit fingerprint of the key's hash and row+1, so a probe
// reads the columns only when the fingerprints match; 0 is empty.

func slotOf(h uint64, row int32) uint64 { return h&^(1<<32-1) | uint64(row+1) }

// find returns the row recorded for region and period, or -1; y and
// isYear are the period's year bit.
func (s *series) find(region int32, p Period, y uint, isYear bool) int32 {
	if isYear {
		if s.years == nil || s.years[region]&(1<<y) == 0 {
			return -1
		}
		if s.yearRow == nil {
			s.yearRow = make(map[uint64]int32)
			for row := range int32(len(s.region)) {
				if y, ok := yearBit(s.periodAt(row)); ok {
					s.yearRow[uint64(s.region[row])<<6|uint64(y)] = row
				}
			}
		}
		return s.yearRow[uint64(region)<<6|uint64(y)]
	}
	if len(s.slots) == 0 {
		return -1
	}
	h := hashKey(region, p)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		slot := s.slots[i]
		if slot == 0 {
			return -1
		}
		if slot>>32 != h>>32 {
			continue
		}
		row := int32(uint32(slot)) - 1
		if s.region[row] == region && s.period.at(row) == p {
			return row
		}
	}
}

func (s *series) periodAt(row int32) Period { return s.period.at(row) }

// yearStarts holds January 1 of 1970 to 2033 as days since 1970-01-01.
var yearStarts = func() (t [64]int32) {
	for i := range t {
		t[i] = civil.Days(1970+i, 1, 1)
	}
	return t
}()

// yearBit returns the bit of a civil year from 1970 to 2033 in
// series.years.
func yearBit(p Period) (uint, bool) {
	if p.kind != YearPeriod {
		return 0, false
	}
	y := int(p.start / 365) // within a year of the answer from 1970 to 2033
	for _, i := range [...]int{y, y - 1} {
		if i >= 0 && i < len(yearStarts) && yearStarts[i] == p.start {
			return uint(i), true
		}
	}
	return 0, false
}

// index records row in years or in the open-addressing index; y and
// isYear are its period's year bit.
func (s *series) index(row int32, nregions int, y uint, isYear bool) {
	if isYear {
		if s.years == nil {
			s.years = make([]uint64, nregions)
		}
		s.years[s.region[row]] |= 1 << y
		if s.yearRow != nil {
			s.yearRow[uint64(s.region[row])<<6|uint64(y)] = row
		}
		return
	}
	s.insert(row)
}

// insert indexes row, growing the table to keep it at most half full.
func (s *series) insert(row int32) {
	if 2*(s.indexed+1) > len(s.slots) {
		s.resize(4 * (s.indexed + 1))
	}
	s.place(row)
}

// resize rebuilds the index with room for at least n slots.
func (s *series) resize(n int) {
	size := 16
	for size < n {
		size *= 2
	}
	s.slots, s.indexed = make([]uint64, size), 0
	for r := range int32(len(s.region)) {
		if _, ok := yearBit(s.periodAt(r)); !ok {
			s.place(r)
		}
	}
}

func (s *series) place(row int32) {
	mask := uint64(len(s.slots) - 1)
	h := hashKey(s.region[row], s.periodAt(row))
	i := h & mask
	for s.slots[i] != 0 {
		i = (i + 1) & mask
	}
	s.slots[i] = slotOf(h, row)
	s.indexed++
}

// value returns row's value as a decimal.
func (s *series) value(row int32) decimal.Decimal {
	if s.big != nil {
		if v, ok := s.big[row]; ok {
			return v
		}
	}
	return decimal.New(s.coef.At(row), int32(column.LazyAt(s.exp, row)))
}

func (s *series) unitAt(row int32) Unit { return s.unitOr(column.LazyAt(s.unit, row)) }

// unitOr returns u, or the indicator's unit for 0.
func (s *series) unitOr(u Unit) Unit {
	if u != 0 {
		return u
	}
	return s.ind.Unit
}

// record rebuilds row as a Record.
func (s *series) record(l *Ledger, row int32) Record {
	return s.recordIn(l.metas, l.regions, row)
}

// recordIn rebuilds row as a Record, with its source and note from metas.
func (s *series) recordIn(metas []meta, regions *RegionSet, row int32) Record {
	m := metas[column.LazyAt(s.meta, row)]
	return Record{
		Indicator: s.ind.Code,
		Region:    regions.code(s.region[row]),
		Period:    s.period.at(row),
		Quantity:  Quantity{value: s.value(row), unit: s.unitAt(row), qual: column.LazyAt(s.qual, row)},
		Source:    m.source,
		Note:      m.note,
	}
}

// All yields every record: by indicator in the order they were defined, then
// in the order they were added. A loop sees the records the ledger holds
// when it begins, however long it runs: records added meanwhile, by the
// loop body or by other goroutines, are not yielded. No lock is held while
// the loop body runs: it may call any method of the ledger, [Ledger.Add]
// included, and a writer in another goroutine never blocks it for longer
// than one Add. Starting a loop copies no records.
func (l *Ledger) All() iter.Seq[Record] {
	return func(yield func(Record) bool) {
		l.mu.RLock()
		snap := l.snapshot(l.series...)
		l.mu.RUnlock()
		for i := range snap.series {
			if !snap.yield(i, yield) {
				return
			}
		}
	}
}

// Records yields the records of one indicator in the order they were added;
// nothing for an unknown indicator. Like [Ledger.All], a loop sees the
// records the ledger holds when it begins and holds no lock while its body
// runs.
func (l *Ledger) Records(indicator string) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		i, ok := l.byCode[indicator]
		if !ok {
			return
		}
		l.mu.RLock()
		snap := l.snapshot(l.series[i])
		l.mu.RUnlock()
		snap.yield(0, yield)
	}
}

// A snapshot is the ledger's records as they stood at one moment, to read
// without the lock.
//
// It copies no rows. The columns are append-only: a row, once written, is
// never written again, and appending writes beyond every earlier length, in
// place or in a new array. A refused Add rolls a column back to its length
// before that Add, which no snapshot exceeds, since a snapshot is taken
// under the read lock, never in the middle of an Add; the rows appended
// next overwrite only rows that no snapshot holds. So copying the slice
// headers, a few hundred bytes a series, keeps every row below them as it
// was. The table of sources is append-only and rolled back the same way.
//
// The exception is the map of values beyond the compact columns, which Add
// writes and rollback deletes from: it is cloned. Such values are rare.
//
// Whatever changes the columns under the write lock must keep to this: write
// only at or beyond the lengths the columns had when the lock was taken, or
// into new arrays (growing room, widening a column, giving room back).
type snapshot struct {
	series  []series
	metas   []meta
	regions *RegionSet
}

// snapshot copies what reading the records of ss needs; l must be locked.
func (l *Ledger) snapshot(ss ...*series) snapshot {
	snap := snapshot{series: make([]series, len(ss)), metas: l.metas, regions: l.regions}
	for i, s := range ss {
		c := &snap.series[i]
		*c = *s
		c.big = maps.Clone(s.big)
		// The indexes are neither append-only nor needed to read rows.
		c.slots, c.years, c.yearRow, c.period.index = nil, nil, nil, nil
	}
	return snap
}

// yield yields the records of the i-th series and reports whether to go on.
func (snap *snapshot) yield(i int, yield func(Record) bool) bool {
	s := &snap.series[i]
	for row := range int32(len(s.region)) {
		if !yield(s.recordIn(snap.metas, snap.regions, row)) {
			return false
		}
	}
	return true
}
