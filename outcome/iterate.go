package outcome

import "iter"

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
		snap.series[i] = series{Series: s.Snapshot(), ind: s.ind}
	}
	return snap
}

// yield yields the records of the i-th series and reports whether to go on.
func (snap *snapshot) yield(i int, yield func(Record) bool) bool {
	s := &snap.series[i]
	for row := range int32(len(s.Region)) {
		if !yield(s.recordIn(snap.metas, snap.regions, row)) {
			return false
		}
	}
	return true
}
