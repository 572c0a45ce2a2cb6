package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/outcome"
)

// Provenance is who reported figures and when.
type Provenance struct {
	Department string    // the department responsible; it must be assigned the indicators
	Reporter   string    // the person or system that reported
	Reported   time.Time // when; the zero time is the time of the write
}

// Version is one version of a figure, with its provenance.
type Version struct {
	ID      int64 // the store's id of the version
	Version int   // 1 for a figure's first version, then 2, 3, …
	Record  outcome.Record
	Provenance
	Revises int64  // the id of the version this one corrects; 0 for a first version
	Reason  string // why it corrects it
}

// RecordError reports a record the store refused: the record, and for a
// conflict the version stored that it meets. It unwraps to the reason,
// which wraps outcome.ErrConflict, [ErrNotFound] (a correction of a figure
// never stored) or [ErrInvalid].
type RecordError struct {
	File   string // the file imported; "" for records written in Go
	Record outcome.Record
	Stored Version // the stored version met; zero when none
	Err    error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	b.WriteString("store: ")
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	fmt.Fprintf(&b, "%s %s %s = %s: %v", e.Record.Indicator, e.Record.Region, e.Record.Period, e.Record.Quantity, e.Err)
	if e.Stored.ID != 0 {
		fmt.Fprintf(&b, " (stored: %s, version %d, by %s/%s, reported %s)", e.Stored.Record.Quantity, e.Stored.Version,
			e.Stored.Department, e.Stored.Reporter, e.Stored.Reported.Format(time.DateTime))
	}
	return b.String()
}

func (e *RecordError) Unwrap() error { return e.Err }

// Write stores records as figures reported by p, in one transaction, all
// or nothing. A record equal in its quantity to the latest version of its
// figure is harmless and not stored again; one of another quantity is
// refused with a *RecordError wrapping outcome.ErrConflict: a figure
// changes only by [Store.Correct]. Records are checked as
// [outcome.Ledger.Add] checks them, against the stored regions and
// indicators. It returns how many versions were stored.
func (s *Store) Write(ctx context.Context, p Provenance, records ...outcome.Record) (int, error) {
	l, err := s.scratch(ctx)
	if err != nil {
		return 0, err
	}
	if err := l.Add(records...); err != nil {
		return 0, fmt.Errorf("store: write: %w", err)
	}
	return s.write(ctx, p, "", l, "")
}

// Correct stores each record as a new version of its figure, revising
// the latest one stored, for reason: a correction is a new version, and
// the versions before it stay ([Store.History]). A record for a figure
// never stored is refused ([ErrNotFound]); one equal to the latest
// version, citation and note included, is not stored again.
func (s *Store) Correct(ctx context.Context, p Provenance, reason string, records ...outcome.Record) (int, error) {
	if strings.TrimSpace(reason) == "" {
		return 0, fmt.Errorf("store: correction without a reason: %w", ErrInvalid)
	}
	l, err := s.scratch(ctx)
	if err != nil {
		return 0, err
	}
	if err := l.Add(records...); err != nil {
		return 0, fmt.Errorf("store: correct: %w", err)
	}
	return s.write(ctx, p, reason, l, "")
}

// Import reads a CSV ledger file (the format of [outcome.Ledger.ReadCSV])
// and stores its records as [Store.Write] does, in one transaction: a file
// with a bad line, or a record that conflicts with a stored figure, stores
// nothing. Errors name the file, and for a bad line the line and column.
// It returns how many versions were stored.
func (s *Store) Import(ctx context.Context, p Provenance, r io.Reader, name string) (int, error) {
	l, err := s.scratch(ctx)
	if err != nil {
		return 0, err
	}
	if err := l.ReadCSV(r, outcome.ReadOptions{Name: name, AllErrors: true}); err != nil {
		return 0, fmt.Errorf("store: import: %w", err)
	}
	return s.write(ctx, p, "", l, name)
}

// scratch returns an empty ledger over the stored regions and indicators,
// to check records with.
func (s *Store) scratch(ctx context.Context) (*outcome.Ledger, error) {
	rs, err := s.regionSet(ctx, s.db)
	if err != nil {
		return nil, err
	}
	inds, err := s.indicators(ctx, s.db)
	if err != nil {
		return nil, err
	}
	l, err := outcome.NewLedger(rs, inds...)
	if err != nil {
		return nil, fmt.Errorf("store: stored indicators: %w", err)
	}
	return l, nil
}

var stagedColumns = []string{"seq", "indicator", "region", "period", "value", "unit", "qualifier", "document", "section", "mark", "note"}

// write stores the records of l, checked already, in one transaction:
// they are staged in a temporary table, met with the latest stored
// version of each figure, and the new versions are inserted from it.
func (s *Store) write(ctx context.Context, p Provenance, reason string, l *outcome.Ledger, file string) (int, error) {
	if p.Department == "" {
		return 0, fmt.Errorf("store: write without a department: %w", ErrInvalid)
	}
	reported := p.Reported
	if reported.IsZero() {
		reported = time.Now()
	}
	p.Reported = reported.UTC()
	correct := reason != ""
	stored := 0
	err := s.inTx(ctx, func(t *tx) error {
		if err := t.checkAssigned(ctx, p.Department, l); err != nil {
			return err
		}
		if err := t.stage(ctx, l); err != nil {
			return err
		}
		if err := t.meet(ctx, p, correct, file); err != nil {
			return err
		}
		res, err := t.exec(ctx, `INSERT INTO records (indicator, region, period, version, value, unit, qualifier,
				document, section, mark, note, department, reporter, reported, revises, reason)
			SELECT indicator, region, period, COALESCE(version, 1), value, unit, qualifier,
				document, section, mark, note, ?, ?, ?, revises, ? FROM staged`,
			p.Department, p.Reporter, formatTime(p.Reported), reason)
		if err != nil {
			return fmt.Errorf("store: store records of %s: %w", p.Department, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("store: store records: %w", err)
		}
		stored = int(n)
		if s.e.Dialect == SQLite {
			if _, err := t.exec(ctx, `DROP TABLE temp.staged`); err != nil {
				return fmt.Errorf("store: drop the staging table: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		if file != "" && !strings.Contains(err.Error(), file) {
			err = fmt.Errorf("store: import %s: %w", file, err)
		}
		return 0, err
	}
	return stored, nil
}

// checkAssigned refuses records of indicators not assigned to department.
func (t *tx) checkAssigned(ctx context.Context, department string, l *outcome.Ledger) error {
	rows, err := t.query(ctx, `SELECT indicator FROM assignments WHERE department = ?`, department)
	if err != nil {
		return fmt.Errorf("store: read the assignments of %s: %w", department, err)
	}
	assigned := map[string]bool{}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			rows.Close()
			return fmt.Errorf("store: read the assignments of %s: %w", department, err)
		}
		assigned[code] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: read the assignments of %s: %w", department, err)
	}
	var errs []error
	for ind := range l.Indicators() {
		if !assigned[ind.Code] {
			if _, has := first(l.Records(ind.Code)); has {
				errs = append(errs, fmt.Errorf("store: department %q writes indicator %s: %w", department, ind.Code, ErrNotAssigned))
			}
		}
	}
	return errors.Join(errs...)
}

func first[T any](seq iter.Seq[T]) (T, bool) {
	for v := range seq {
		return v, true
	}
	var zero T
	return zero, false
}

// stage copies the records of l into the temporary table staged.
func (t *tx) stage(ctx context.Context, l *outcome.Ledger) error {
	create := `CREATE TEMP TABLE staged (seq INTEGER PRIMARY KEY, indicator TEXT, region TEXT, period TEXT,
		value TEXT, unit TEXT, qualifier TEXT, document TEXT, section TEXT, mark TEXT, note TEXT,
		version INTEGER, revises BIGINT)`
	if t.s.e.Dialect == PostgreSQL {
		create = `CREATE TEMP TABLE staged (seq INTEGER, indicator TEXT, region TEXT, period TEXT,
		value TEXT, unit TEXT, qualifier TEXT, document TEXT, section TEXT, mark TEXT, note TEXT,
		version INTEGER, revises BIGINT) ON COMMIT DROP`
	}
	if _, err := t.exec(ctx, create); err != nil {
		return fmt.Errorf("store: create the staging table: %w", err)
	}
	rows := func(yield func([]any) bool) {
		row := make([]any, len(stagedColumns))
		seq := 0
		for r := range l.All() {
			seq++
			q := r.Quantity
			row[0], row[1], row[2], row[3] = seq, r.Indicator, r.Region, r.Period.String()
			row[4], row[5], row[6] = q.Value().String(), q.Unit().Symbol(), q.Qualifier().String()
			row[7], row[8], row[9], row[10] = r.Source.Document, r.Source.Section, r.Source.Mark, r.Note
			if !yield(row) {
				return
			}
		}
	}
	if err := t.copyIn(ctx, "staged", stagedColumns, rows); err != nil {
		return fmt.Errorf("store: stage records: %w", err)
	}
	if t.s.e.Dialect == PostgreSQL {
		if _, err := t.exec(ctx, `ANALYZE staged`); err != nil {
			return fmt.Errorf("store: analyze the staging table: %w", err)
		}
	}
	return nil
}

// meet compares each staged record with the latest stored version of its
// figure: equal ones are dropped, corrections get their version number,
// and conflicts are refused.
func (t *tx) meet(ctx context.Context, p Provenance, correct bool, file string) error {
	rows, err := t.query(ctx, `SELECT s.seq, s.indicator, s.region, s.period, s.value, s.unit, s.qualifier,
			s.document, s.section, s.mark, s.note,
			r.id, r.version, r.value, r.unit, r.qualifier, r.document, r.section, r.mark, r.note,
			r.department, r.reporter, r.reported
		FROM staged s JOIN records r ON r.indicator = s.indicator AND r.region = s.region AND r.period = s.period
		WHERE NOT EXISTS (SELECT 1 FROM records n WHERE n.indicator = r.indicator AND n.region = r.region
			AND n.period = r.period AND n.version > r.version)`)
	if err != nil {
		return fmt.Errorf("store: meet stored versions: %w", err)
	}
	defer rows.Close()
	type revision struct {
		seq, version int
		revises      int64
	}
	var drop []int
	var revise []revision
	var errs []error
	met := map[int]bool{}
	for rows.Next() {
		var seq int
		var in, old row
		var v Version
		var reported string
		err := rows.Scan(&seq, &in.indicator, &in.region, &in.period, &in.value, &in.unit, &in.qualifier,
			&in.document, &in.section, &in.mark, &in.note,
			&v.ID, &v.Version, &old.value, &old.unit, &old.qualifier, &old.document, &old.section, &old.mark, &old.note,
			&v.Department, &v.Reporter, &reported)
		if err != nil {
			return fmt.Errorf("store: meet stored versions: %w", err)
		}
		old.indicator, old.region, old.period = in.indicator, in.region, in.period
		met[seq] = true
		sameQuantity := in.sameQuantity(old)
		switch {
		case !correct && sameQuantity:
			drop = append(drop, seq)
			continue
		case correct && sameQuantity && in.sameSource(old):
			drop = append(drop, seq)
			continue
		}
		if v.Reported, err = parseTime(reported); err != nil {
			return fmt.Errorf("store: version %d: reported %q: %w", v.ID, reported, ErrInvalid)
		}
		rec, _ := in.record()
		v.Record, _ = old.record()
		switch {
		case !correct:
			errs = append(errs, &RecordError{File: file, Record: rec, Stored: v, Err: fmt.Errorf("%w (a change is a correction, with a reason)", outcome.ErrConflict)})
		case p.Reported.Before(v.Reported):
			errs = append(errs, &RecordError{File: file, Record: rec, Stored: v,
				Err: fmt.Errorf("correction reported %s, before the version it revises: %w", p.Reported.Format(time.DateTime), ErrInvalid)})
		default:
			revise = append(revise, revision{seq, v.Version + 1, v.ID})
		}
		if len(errs) >= 20 {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: meet stored versions: %w", err)
	}
	rows.Close()
	if correct && len(errs) < 20 {
		// Every correction must revise a stored figure.
		missing, err := t.query(ctx, `SELECT seq, indicator, region, period, value, unit, qualifier, document, section, mark, note
			FROM staged s WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.indicator = s.indicator
				AND r.region = s.region AND r.period = s.period)`)
		if err != nil {
			return fmt.Errorf("store: find corrections of no stored figure: %w", err)
		}
		for missing.Next() && len(errs) < 20 {
			var seq int
			var in row
			if err := missing.Scan(&seq, &in.indicator, &in.region, &in.period, &in.value, &in.unit, &in.qualifier,
				&in.document, &in.section, &in.mark, &in.note); err != nil {
				missing.Close()
				return fmt.Errorf("store: find corrections of no stored figure: %w", err)
			}
			rec, _ := in.record()
			errs = append(errs, &RecordError{File: file, Record: rec, Err: fmt.Errorf("no stored version to correct: %w", ErrNotFound)})
		}
		missing.Close()
		if err := missing.Err(); err != nil {
			return fmt.Errorf("store: find corrections of no stored figure: %w", err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if len(drop)+len(revise) > 0 && t.s.e.Dialect == PostgreSQL {
		if _, err := t.exec(ctx, `CREATE INDEX ON staged (seq)`); err != nil {
			return fmt.Errorf("store: index the staging table: %w", err)
		}
	}
	for _, seq := range drop {
		if _, err := t.exec(ctx, `DELETE FROM staged WHERE seq = ?`, seq); err != nil {
			return fmt.Errorf("store: drop a staged record: %w", err)
		}
	}
	for _, r := range revise {
		if _, err := t.exec(ctx, `UPDATE staged SET version = ?, revises = ? WHERE seq = ?`, r.version, r.revises, r.seq); err != nil {
			return fmt.Errorf("store: number a correction: %w", err)
		}
	}
	return nil
}

// row is a record as the store keeps it: text in each column.
type row struct {
	indicator, region, period, value, unit, qualifier, document, section, mark, note string
}

func (r row) sameQuantity(o row) bool {
	if r.unit != o.unit || r.qualifier != o.qualifier {
		return false
	}
	a, err1 := decimal.NewFromString(r.value)
	b, err2 := decimal.NewFromString(o.value)
	return err1 == nil && err2 == nil && a.Equal(b)
}

func (r row) sameSource(o row) bool {
	return r.document == o.document && r.section == o.section && r.mark == o.mark && r.note == o.note
}

// record reads r back as a record.
func (r row) record() (outcome.Record, error) {
	rec := outcome.Record{Indicator: r.indicator, Region: r.region,
		Source: outcome.Cite(r.document, r.section, r.mark), Note: r.note}
	var err error
	if rec.Period, err = outcome.ParsePeriod(r.period); err != nil {
		return rec, err
	}
	v, err := decimal.NewFromString(r.value)
	if err != nil {
		return rec, fmt.Errorf("value %q: %w", r.value, outcome.ErrSyntax)
	}
	var u outcome.Unit
	if r.unit != "" {
		if u, err = outcome.ParseUnit(r.unit); err != nil {
			return rec, err
		}
	}
	q, err := outcome.ParseQualifier(r.qualifier)
	if err != nil {
		return rec, err
	}
	rec.Quantity = outcome.NewQuantity(v, u, q)
	return rec, nil
}

// copyIn writes rows into table through the engine's bulk path, or in
// batched INSERT statements of up to 500 rows.
func (t *tx) copyIn(ctx context.Context, table string, columns []string, rows iter.Seq[[]any]) error {
	if t.s.e.CopyIn != nil {
		return t.s.e.CopyIn(ctx, t.conn, table, columns, rows)
	}
	const batch = 500
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",") + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
	full, err := t.conn.PrepareContext(ctx, t.s.bind(head+strings.TrimSuffix(strings.Repeat(one+",", batch), ",")))
	if err != nil {
		return err
	}
	defer full.Close()
	args := make([]any, 0, batch*len(columns))
	n := 0
	for r := range rows {
		args = append(args, r...)
		n++
		if n == batch {
			if _, err := full.ExecContext(ctx, args...); err != nil {
				return err
			}
			args, n = args[:0], 0
		}
	}
	if n > 0 {
		q := head + strings.TrimSuffix(strings.Repeat(one+",", n), ",")
		if _, err := t.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}
