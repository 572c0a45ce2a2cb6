package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/column"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Corrections. A record that sets [Record.Revises] corrects the figure the
// ledger holds for its indicator, region and period: it names that figure,
// says when it was reported ([Record.Reported]) and why ([Record.Reason]).
// The ledger keeps every version, in the order they were reported; the
// columns hold them all (a correction is a row like any other) and
// internal/colstore chains the rows of one region and period, the last
// current. Evaluation aggregates the current rows only: a series with
// versions is aggregated over a copy of its current rows, made when first
// asked after a change, and a series without (the common case) as it is.
//
// A differing figure without Revises stays a conflict: a correction must
// say what it corrects. Naming the figure also refuses a correction made on
// a stale view of the ledger (two offices correcting the same figure): it
// must name the figure the ledger holds now.

// dayCode returns the day of t (its date where t is) as a meta keeps it:
// days since 1970-01-01 less civil.MinDay, so that 0 is no day; 0 for the zero
// time.
func dayCode(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	return civil.DayOf(t) - civil.MinDay
}

// reportedDate returns the day of a dayCode at midnight UTC; the zero time
// for 0.
func reportedDate(code int32) time.Time {
	if code == 0 {
		return time.Time{}
	}
	return civil.Time(code + civil.MinDay)
}

// dateLayouts are the forms of a reported day besides 2020-03-01.
var dateLayouts = [...]string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", time.RFC3339}

// parseDay reads a reported day (2020-03-01, 2020/3/1, 2020年3月1日, or
// an RFC 3339 time, whose date counts) as a dayCode; 0 for an empty field.
func parseDay(b []byte) (int32, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return 0, nil
	}
	if d, ok := civil.Date(b); ok {
		return d - civil.MinDay, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, string(b)); err == nil {
			if y := t.Year(); y < civil.MinYear || y > civil.MaxYear {
				return 0, errOutOfRange
			}
			return dayCode(t), nil
		}
	}
	if _, err := period.Parse(string(b)); errors.Is(err, ErrInvalid) {
		return 0, errors.Unwrap(err) // a day the calendar does not have: 2019-02-30
	}
	return 0, fmt.Errorf("%w: want a date such as 2020-03-01", ErrSyntax)
}

// checkRevision checks what a correction adds to a record: a day reported,
// a reason, a figure it revises that fits the indicator, and an indicator of figures
// (entries are events: a correction names no figure). It returns the field
// at fault.
func (s *series) checkRevision(r *Record) (field, value string, err error) {
	q := r.Revises
	switch err := q.Validate(); {
	case s.ind.Aggregation == Entries:
		return "revises", q.String(), fmt.Errorf("%w: %s is entries, events that are never corrected in place", ErrInvalid, s.ind.Code)
	case err != nil:
		return "revises", q.String(), err
	case q.IsRange():
		return "revises", q.String(), errRangeValue
	case r.Reported.IsZero():
		return "reported", "", fmt.Errorf("%w: a correction says when it was reported", ErrMissing)
	case strings.TrimSpace(r.Reason) == "":
		return "reason", "", fmt.Errorf("%w: a correction says why it replaces the figure", ErrMissing)
	}
	if err := s.checkUnit(q.Unit()); err != nil {
		return "revises", q.String(), err
	}
	return "", "", nil
}

// revise adds sv with meta m as a correction of the current figure of reg
// and p, which must be rev.
func (l *Ledger) revise(s *series, reg int32, p colstore.Span, sv *colstore.Value, m uint32, rev *value) error {
	if s.Kind == colstore.Entries {
		return fmt.Errorf("%w: %s is entries, events that are never corrected in place", ErrInvalid, s.ind.Code)
	}
	revised := quantity.New(rev.decimal(), s.unitOr(rev.unit), rev.qual)
	row := s.Find(reg, p)
	if row < 0 {
		return fmt.Errorf("%w: it revises %s, but no figure is recorded", ErrConflict, revised)
	}
	if s.Same(row, sv) || s.sameVersion(row, sv, m) {
		return nil // the correction is in already
	}
	if strings.TrimSpace(l.metas[m].reason) == "" {
		return fmt.Errorf("%w: a correction says why it replaces the figure (reason)", ErrMissing)
	}
	if rv := s.colValue(rev); !s.Same(row, &rv) {
		cur := s.record(l, row)
		return fmt.Errorf("%w: it revises %s, but the ledger holds %s%s", ErrConflict, revised, cur.Quantity, citedAs(cur.Source))
	}
	day := l.metas[m].reported
	if day == 0 {
		return fmt.Errorf("%w: a correction says when it was reported", ErrMissing)
	}
	if was := l.metas[column.LazyAt(s.Meta, row)].reported; day < was {
		return fmt.Errorf("%w: reported %s, before the figure it revises (reported %s)", ErrInvalid,
			reportedDate(day).Format(time.DateOnly), reportedDate(was).Format(time.DateOnly))
	}
	s.Revise(row, sv, m)
	s.dated = true
	l.n++
	return nil
}

// sameVersion reports whether an earlier version of row's figure is sv
// with meta m: a record read again from a file that holds the history.
func (s *series) sameVersion(row int32, sv *colstore.Value, m uint32) bool {
	for old, ok := s.Prev(row); ok; old, ok = s.Prev(old) {
		if s.Same(old, sv) && column.LazyAt(s.Meta, old) == m {
			return true
		}
	}
	return false
}

// now returns the series to aggregate: s, or while some of its rows are
// superseded, a copy of its current rows. The copy is made when first
// asked after a change (a write drops it, [Ledger.mark]), under the read
// lock; two readers may both make it, and either copy serves.
func (s *series) now() *series {
	if !s.Versioned() {
		return s
	}
	if c := s.current.Load(); c != nil {
		return c
	}
	f, _ := s.Current()
	c := &series{Series: *f, ind: s.ind, dated: s.dated}
	s.current.Store(c)
	return c
}

// History returns the versions of the figure of indicator in region for
// period p, oldest first: the first as recorded, each later one a
// correction with its day reported, its reason and the figure it revises
// ([Record.Revises]). The last is the one evaluation uses. A figure never
// corrected has one version; one not recorded, none. Entries list every
// entry of the region and period.
func (l *Ledger) History(indicator, region string, p period.Period) ([]Record, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	i, ok := l.byCode[indicator]
	if !ok {
		return nil, fmt.Errorf("outcome: history of %s: %w", indicator, ErrUnknownIndicator)
	}
	reg, ok := l.regions.pos(region)
	if !ok {
		return nil, fmt.Errorf("outcome: history of %s in %s: %w", indicator, region, ErrUnknownRegion)
	}
	s, span := l.series[i], spanOf(p)
	var out []Record
	for row := range int32(len(s.Region)) {
		if s.Region[row] == reg && s.Period.At(row) == span {
			out = append(out, s.record(l, row))
		}
	}
	return out, nil
}

// AsOf returns the ledger as it was known on the day known: the records
// reported by then (a record without [Record.Reported] is known from the
// start), each figure at its latest version reported by then. Evaluating a
// program on it reproduces the report made that day. The view holds the
// records l holds when AsOf is called: records added to l afterwards are
// not in it. It is read-only: adding to it is refused with [ErrInvalid].
//
// It is cheap where nothing was corrected or dated: such indicators share
// l's columns. An indicator with dated records is copied, the records
// known by then.
func (l *Ledger) AsOf(known time.Time) *Ledger {
	day := dayCode(known)
	l.mu.RLock()
	defer l.mu.RUnlock()
	v := new(Ledger)
	*v = *l // the lock is a pointer: v gets its own below
	v.mu, v.view = new(sync.RWMutex), true
	v.metaIdx, v.lastMeta = nil, 0
	v.series, v.n = make([]*series, len(l.series)), 0
	for i, s := range l.series {
		if !s.dated && !s.Versioned() {
			v.series[i] = &series{Series: s.Snapshot(), ind: s.ind}
		} else {
			f, _ := s.Filter(func(row int32) bool {
				r := l.metas[column.LazyAt(s.Meta, row)].reported
				return r == 0 || day != 0 && r <= day
			})
			v.series[i] = &series{Series: *f, ind: s.ind, dated: s.dated}
		}
		v.n += v.series[i].Len()
	}
	return v
}

// errReadOnly refuses a write to a view ([Ledger.AsOf]).
var errReadOnly = fmt.Errorf("%w: a ledger as known on a day is read-only", ErrInvalid)
