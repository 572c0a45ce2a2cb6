package outcome

import (
	"errors"
	"fmt"
	"iter"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/column"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/quantity"
)

// Ledger is the 台账: an append-only, validated collection of [Record]s
// over one [RegionSet] and a fixed list of [Indicator]s. It is safe for
// concurrent use; a loop over [Ledger.All] or [Ledger.Records] reads the
// records as they stand when it begins, and holds no lock while its body
// runs.
//
// [Ledger.Add] refuses bad records with a [*RecordError]: an unknown
// indicator or region, a negative value, a unit that does not fit the
// indicator (of another dimension, or at another scale with no exact
// decimal in the indicator's unit), a range, a period outside the years 1
// to 9999 (a query window from [period.Through] is one). An identical record
// twice is harmless (the second is not added); a different value for the
// same indicator, region and period is a conflict ([ErrConflict]) and
// nothing is overwritten. A record in a unit at another scale than its
// indicator's is kept converted into the indicator's unit ([Ledger.Add]).
//
// Records are kept by indicator in columns of fixed-size numbers, so a
// million records take tens of megabytes and a query is a linear scan; no
// decimal is allocated per record until a record is read back.
type Ledger struct {
	mu       *sync.RWMutex // a pointer, so that AsOf copies the rest
	view     bool          // made by AsOf: read-only
	regions  *RegionSet
	series   []*series
	byCode   map[string]int
	byName   map[string]int // indicator names and aliases (names.go)
	metas    []meta         // interned sources and notes; metas[0] is the empty one
	metaIdx  map[meta]uint32
	lastMeta uint32 // the last interned, to skip the map for runs
	n        int
}

type meta struct {
	source Citation
	note   string
	attrs  string // the record's Attributes, encoded
	// A correction's day reported (dayCode, 0 for none) and reason
	// (revision.go).
	reported int32
	reason   string
}

// series is one indicator's records: the columns and the indicator they
// belong to.
type series struct {
	colstore.Series
	ind Indicator
	// dated is set once a row has a reported day; current is the copy of
	// the current rows a series with versions is aggregated over
	// (revision.go), made when first asked after a change.
	dated   bool
	current atomic.Pointer[series]
}

// newSeries returns an empty series of ind.
func newSeries(ind Indicator) *series {
	return &series{ind: ind, Series: colstore.Series{Kind: colstore.Kind(ind.Aggregation), BoundOf: qualBound}}
}

// qualBound is [colstore.Series.BoundOf]: the bound bits of a qualifier.
func qualBound(q uint16) uint8 { return uint8(boundBitsOf(quantity.Qualifier(q))) }

// NewLedger returns an empty ledger over regions for the given indicators.
// Indicators must be valid and their codes unique.
func NewLedger(regions *RegionSet, indicators ...Indicator) (*Ledger, error) {
	if regions == nil {
		return nil, fmt.Errorf("outcome: new ledger: region set: %w", ErrMissing)
	}
	l := &Ledger{
		mu:      new(sync.RWMutex),
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
			errs = append(errs, fmt.Errorf("outcome: indicator %q defined twice: %w", ind.Code, errInvalidIndicator))
			continue
		}
		l.byCode[ind.Code] = len(l.series)
		l.series = append(l.series, newSeries(ind))
	}
	errs = append(errs, l.indexNames()...)
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
//
// A record in a unit of its indicator's dimension at another scale
// ([quantity.Unit.Convertible], not [quantity.Unit.Compatible]) is converted exactly into the
// indicator's unit ([quantity.Quantity.Convert]) and kept so: 2公顷 for an indicator
// in 亩 is kept, read back, written and summed as 30亩, and is the same
// figure as a record of 30亩 for that region and period, not a conflict.
// The figure as written is not kept (a caller who wants it keeps it in the
// note or an attribute); error messages name it. A figure with no exact
// decimal in the indicator's unit (10亩 for an indicator in 公顷) is
// refused with [ErrInvalid]. A compatible unit (家 for an indicator in 个)
// is kept as written, and a unit of another dimension (人次 for 名) is
// refused with [ErrUnitMismatch], as before.
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
		m.rows[i] = len(s.Region)
		s.current.Store(nil) // the write may change which rows are current
	}
	return m
}

// rollback drops every row and interned source added since m.
func (l *Ledger) rollback(m mark) {
	for i, s := range l.series {
		if len(s.Region) != m.rows[i] {
			s.Truncate(m.rows[i])
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
			s.Grow(n)
		}
	}
}

// add validates and appends one record; an identical duplicate is skipped.
func (l *Ledger) add(r *Record) *RecordError {
	fail := func(field, value string, err error) *RecordError {
		return &RecordError{Record: *r, Field: field, Value: value, Err: err}
	}
	si, ok := l.byCode[r.Indicator]
	if !ok {
		var err error
		if si, err = l.findIndicator(r.Indicator); err != nil {
			return fail("indicator", r.Indicator, err)
		}
	}
	s := l.series[si]
	reg, ok := l.regions.pos(r.Region)
	if !ok {
		return fail("region", r.Region, ErrUnknownRegion)
	}
	if r.Period.IsZero() {
		return fail("period", "", ErrMissing)
	}
	if !recordable(r.Period) {
		return fail("period", r.Period.String(), fmt.Errorf("%w: a recorded period lies within the years 0001 to 9999 (a query window such as Through is not a period to record)", errOutOfRange))
	}
	q := r.Quantity
	switch err := q.Validate(); {
	case err != nil:
		return fail("value", q.String(), err)
	case q.IsRange():
		return fail("value", q.String(), errRangeValue)
	}
	if err := s.checkUnit(q.Unit()); err != nil {
		return fail("unit", q.Unit().Symbol(), err)
	}
	stored := q // in the indicator's unit; q stays as written, for messages
	if s.converts(q.Unit()) {
		var err error
		if stored, err = s.inUnit(q); err != nil {
			return fail("value", q.String(), err)
		}
	}
	m := meta{source: r.Source, note: r.Note, attrs: r.Attrs.s, reported: dayCode(r.Reported), reason: r.Reason}
	if m != l.metas[l.lastMeta] {
		// In the order of the columns, so that a record gives the same
		// error every time.
		for i, text := range [...]string{r.Source.Document, r.Source.Section, r.Source.Mark, r.Note, r.Reason} {
			if !utf8.ValidString(text) {
				return fail(columnNames[colSource+i], text, ErrEncoding)
			}
		}
		if !utf8.ValidString(r.Attrs.s) {
			return fail("attrs", r.Attrs.String(), ErrEncoding)
		}
	}
	var rev *value
	if !r.Revises.IsZero() {
		if field, v, err := s.checkRevision(r); err != nil {
			return fail(field, v, err)
		}
		rq := r.Revises
		if s.converts(rq.Unit()) {
			var err error
			if rq, err = s.inUnit(rq); err != nil {
				return fail("revises", r.Revises.String(), err)
			}
		}
		rv := valueOf(rq)
		rev = &rv
	}
	v := valueOf(stored)
	if err := v.checkWhole(s.ind.Unit); err != nil {
		return fail("value", q.String(), err)
	}
	if err := l.put(s, reg, spanOf(r.Period), &v, l.intern(m), rev); err != nil {
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
	unit quantity.Unit   // 0 for the indicator's unit
	qual quantity.Qualifier
}

func valueOf(q quantity.Quantity) value {
	v := value{unit: q.Unit(), qual: q.Qualifier()}
	if v.coef, v.exp, v.fits = colstore.Split(q.Value()); !v.fits {
		v.big = q.Value()
	}
	return v
}

func (v value) decimal() decimal.Decimal {
	if !v.fits {
		return v.big
	}
	return colstore.NewDecimal(v.coef, v.exp)
}

// checkUnit refuses a unit of another dimension than the indicator's. A
// unit of the same dimension at another scale is converted ([series.inUnit]).
func (s *series) checkUnit(u quantity.Unit) error {
	if u == 0 || u.Compatible(s.ind.Unit) || u.Convertible(s.ind.Unit) {
		return nil
	}
	return fmt.Errorf("%w: %s (%v) for %s in %s (%v)", ErrUnitMismatch,
		u.Symbol(), u.Measures().In(lang.English), s.ind.Code, s.ind.Unit.Symbol(), s.ind.Unit.Measures().In(lang.English))
}

// converts reports whether a figure in u is converted before it is kept: u
// measures what the indicator's unit measures, at another scale (公顷 for
// an indicator in 亩). No unit, the indicator's own and a compatible one
// (家 for 个) are kept as they are.
func (s *series) converts(u quantity.Unit) bool {
	return u != 0 && u != s.ind.Unit && !u.Compatible(s.ind.Unit) && u.Convertible(s.ind.Unit)
}

// inUnit returns q, in a unit [series.converts] converts, in the
// indicator's unit, exactly: 2公顷 for an indicator in 亩 is 30亩. A figure
// with no exact decimal in the indicator's unit (10亩 for an indicator in
// 公顷 is 0.666…) is refused with [ErrInvalid], naming the figure and both
// units.
func (s *series) inUnit(q quantity.Quantity) (quantity.Quantity, error) {
	to := s.ind.Unit
	c, err := q.Convert(to)
	if err == nil {
		return c, nil
	}
	if errors.Is(err, ErrUnitMismatch) {
		return quantity.Quantity{}, err // another dimension: checkUnit refuses it first
	}
	return quantity.Quantity{}, fmt.Errorf("%w: %s cannot be written exactly in %s%s, the unit of %s", ErrInvalid, q, to.Symbol(), rate(q.Unit(), to), s.ind.Code)
}

// convertValue converts v, in a unit [series.converts] converts, into the
// indicator's unit ([series.inUnit]); it returns v as it was, for messages.
func (s *series) convertValue(v *value) (quantity.Quantity, error) {
	q := quantity.New(v.decimal(), v.unit, v.qual)
	c, err := s.inUnit(q)
	if err != nil {
		return q, err
	}
	*v = valueOf(c)
	return q, nil
}

// rate writes how u and v relate, for a message: " (1公顷 = 15亩)", one of
// the larger in the smaller; nothing where that is no exact decimal.
func rate(u, v quantity.Unit) string {
	for _, big := range [...]quantity.Unit{u, v} {
		small := u
		if big == u {
			small = v
		}
		if n, err := quantity.Int(1, big).Convert(small); err == nil && n.Value().GreaterThanOrEqual(decimal.NewFromInt(1)) {
			return fmt.Sprintf(" (1%s = %s%s)", big.Symbol(), n.Value(), small.Symbol())
		}
	}
	return ""
}

// put appends a checked row, unless the same figure is already recorded
// for the region and period; a different one is a conflict, unless rev,
// the figure the row revises, makes it a correction (revision.go).
func (l *Ledger) put(s *series, reg int32, p colstore.Span, v *value, m uint32, rev *value) error {
	if l.view {
		return errReadOnly
	}
	sv := s.colValue(v)
	if rev != nil {
		return l.revise(s, reg, p, &sv, m, rev)
	}
	if row := s.Put(reg, p, &sv, m, l.regions.Len()); row >= 0 {
		if s.Same(row, &sv) || s.sameVersion(row, &sv, m) {
			return nil
		}
		old := s.record(l, row)
		same := ""
		if q := periodOf(p); !old.Period.Equal(q) {
			// Another period of the same moment: a stock's level on the
			// same day, or a flow over the same days.
			same = " for " + old.Period.String() + ", the same day"
			if s.ind.Aggregation != Stock {
				same = " for " + old.Period.String() + ", the same days"
			}
		}
		return fmt.Errorf("%w: %s already recorded%s%s", ErrConflict, old.Quantity, same, citedAs(old.Source))
	}
	if m != 0 && l.metas[m].reported != 0 {
		s.dated = true
	}
	l.n++
	return nil
}

// colValue returns v as the columns keep it.
func (s *series) colValue(v *value) colstore.Value {
	sv := colstore.Value{Coef: v.coef, Exp: v.exp, Fits: v.fits, Big: v.big, Unit: uint8(v.unit), Qual: uint16(v.qual)}
	if v.unit == s.ind.Unit {
		sv.Unit = 0 // the indicator's own
	}
	return sv
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

// The index is open addressing with linear probing, at most half full.
// A slot holds a 32-bit fingerprint of the key's hash and row+1, so a probe
// reads the columns only when the fingerprints match; 0 is empty.

func (s *series) unitAt(row int32) quantity.Unit {
	return s.unitOr(quantity.Unit(column.LazyAt(s.Unit, row)))
}

// unitOr returns u, or the indicator's unit for 0.
func (s *series) unitOr(u quantity.Unit) quantity.Unit {
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
	m := metas[column.LazyAt(s.Meta, row)]
	r := Record{
		Indicator: s.ind.Code,
		Region:    regions.code(s.Region[row]),
		Period:    periodOf(s.Period.At(row)),
		Quantity:  s.quantityAt(row),
		Source:    m.source,
		Note:      m.note,
		Attrs:     Attributes{m.attrs},
	}
	if m.reported != 0 || m.reason != "" {
		r.Reported, r.Reason = reportedDate(m.reported), m.reason
	}
	if old, ok := s.Prev(row); ok {
		r.Revises = s.quantityAt(old)
	}
	return r
}

// quantityAt returns row's figure.
func (s *series) quantityAt(row int32) quantity.Quantity {
	return quantity.New(s.ValueAt(row), s.unitAt(row), quantity.Qualifier(column.LazyAt(s.Qual, row)))
}

// citedAs writes a citation for an error message: " (source)", or nothing
// for a record without one.
func citedAs(c Citation) string {
	if c.IsZero() {
		return ""
	}
	return " (" + c.String() + ")"
}
