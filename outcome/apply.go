package outcome

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/column"
	"github.com/taizhang/taizhang/quantity"
)

// Loading a file into a ledger has two halves. A rowReader (readcsv.go)
// parses lines and resolves their indicator and region: it reads the
// ledger's fixed parts only (indicators, region set), so several run at
// once on parts of a file. An applier, here, adds the parsed rows in file
// order, which is what keeps duplicates, conflicts and error order the
// same however the file was split, and gives everything back if any line
// is refused.

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

// resolved marks a loadRow.key that holds a region position; absent one
// whose code, above it, no region has (a Key takes 54 bits).
const (
	resolved = 1 << 63
	absent   = 1 << 62
)

func (r *loadRow) known() bool { return r.key&resolved != 0 }

func (r *loadRow) reg() int32 { return int32(uint32(r.key)) }

// rowExtra is a row's unit, other than its indicator's, and qualifier,
// and the figure a correction revises.
type rowExtra struct {
	unit    quantity.Unit
	qual    quantity.Qualifier
	revises bool  // the row is a correction of rev
	rev     value // the figure it revises
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
	periods colstore.Periods  // the distinct periods of the rows
	texts   []meta            // texts[0] is the empty text
	errs    []loadError
	stop    bool // the lines after these were not read: an error ended the batch
}

func (b *batch) reset() {
	b.rows, b.extras, b.bigs = b.rows[:0], b.extras[:0], b.bigs[:0]
	b.texts, b.errs, b.stop = append(b.texts[:0], meta{}), b.errs[:0], false
	b.periods.Reset()
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
	// valueColumn is the value column as the file's header writes it
	// (数值), for a conflict's error; "" for the library's name.
	valueColumn string
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
	if l.view {
		a.fail(&ParseError{File: a.file, Err: errReadOnly})
		return false
	}
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
		s, p := l.series[r.series], b.periods.Table[r.period]
		if !r.extra && !r.big && r.exp == 0 && r.text == 0 && s.PlainEntries() {
			s.AppendPlain(r.reg(), p, r.coef)
			l.n++
			continue
		}
		v := value{coef: r.coef, exp: int32(r.exp), fits: !r.big}
		var rev *value
		if r.extra {
			ex := &b.extras[x]
			v.unit, v.qual, x = ex.unit, ex.qual, x+1
			if ex.revises {
				rev = &ex.rev
			}
		}
		if r.big {
			v.big, y = b.bigs[y], y+1
		}
		err := v.checkWhole(s.ind.Unit)
		if err == nil {
			err = l.put(s, r.reg(), p, &v, a.ids[r.text], rev)
		}
		if err != nil {
			q := quantity.New(v.decimal(), s.unitOr(v.unit), v.qual)
			col := a.valueColumn
			if col == "" {
				col = columnNames[colValue]
			}
			if !a.fail(&ParseError{File: a.file, Line: int(r.line), Column: col, Value: q.String(), Err: err}) {
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
	series []colstore.SeriesRoom
	metas  int // capacity of the interned sources and notes
}

func (l *Ledger) markLoad() loadMark {
	m := loadMark{mark: l.mark(), series: make([]colstore.SeriesRoom, len(l.series)), metas: cap(l.metas)}
	for i, s := range l.series {
		m.series[i] = s.Room()
	}
	return m
}

// rollbackLoad drops every row and interned source added since m, and gives
// back the memory the load grew: each column gets its old capacity and
// width again, and maps that grew much are made anew.
func (l *Ledger) rollbackLoad(m loadMark) {
	bigs := make([]int, len(l.series)) // as the load left them, before rollback empties them
	for i, s := range l.series {
		bigs[i] = len(s.Big)
	}
	metas := len(l.metas)
	l.rollback(m.mark)
	for i, s := range l.series {
		s.Shrink(m.rows[i], m.series[i], bigs[i])
	}
	if cap(l.metas) > m.metas {
		l.metas = column.Refit(l.metas, len(l.metas), m.metas)
	} else {
		clear(l.metas[len(l.metas):cap(l.metas)]) // the dropped notes are garbage
	}
	if colstore.GrewMuch(len(l.metas), metas) {
		l.metaIdx = make(map[meta]uint32, len(l.metas))
		for i, mt := range l.metas {
			l.metaIdx[mt] = uint32(i)
		}
	}
}
