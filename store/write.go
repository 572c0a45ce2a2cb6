package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
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

// write stores the records of l, checked already, in one transaction:
// each is met with the latest stored version of its figure (read by the
// indicator and period, a prefix of the records' key), equal ones are
// dropped, corrections numbered, conflicts refused, and the rest written
// straight into the records table in bulk.
func (s *Store) write(ctx context.Context, p Provenance, reason string, l *outcome.Ledger, file string) (int, error) {
	if p.Department == "" {
		return 0, fmt.Errorf("store: write without a department: %w", ErrInvalid)
	}
	for _, f := range []struct{ name, text string }{{"department", p.Department}, {"reporter", p.Reporter}, {"reason", reason}} {
		if strings.IndexByte(f.text, 0) >= 0 {
			return 0, fmt.Errorf("store: write: the %s %q holds a NUL byte, which a database's text cannot: %w", f.name, f.text, ErrInvalid)
		}
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
		latest, err := t.latest(ctx, l)
		if err != nil {
			return err
		}
		plan, err := decide(l, latest, p, correct, file)
		if err != nil {
			return err
		}
		drop := 0
		for _, rv := range plan {
			if rv.version == 0 {
				drop++
			}
		}
		if l.Len() == drop {
			return nil // every record is stored already
		}
		id, err := t.insertWrite(ctx, p, reason)
		if err != nil {
			return err
		}
		n, err := t.insertRecords(ctx, id, l, plan, file)
		var re *RecordError
		if errors.As(err, &re) {
			return err
		}
		if err != nil {
			return fmt.Errorf("store: store records of %s: %w", p.Department, err)
		}
		stored = n
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

// insertWrite stores the provenance of a write and returns its id.
func (t *tx) insertWrite(ctx context.Context, p Provenance, reason string) (int64, error) {
	var id int64
	err := t.conn.QueryRowContext(ctx, t.s.bind(`INSERT INTO writes (department, reporter, reported, reason) VALUES (?, ?, ?, ?) RETURNING id`),
		p.Department, p.Reporter, formatTime(p.Reported), reason).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: store the write of %s: %w", p.Department, err)
	}
	return id, nil
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

// pair is an indicator and a period: the figures of a pair are one a
// region, and the records' key begins with the pair.
type pair struct {
	indicator string
	period    period.Period
}

// storedVersion is the latest stored version of a figure.
type storedVersion struct {
	v   Version
	old row
}

// probeMax is the most records of a pair whose stored versions are read
// one figure at a time; a pair with more is read whole, one range of the
// key, which holds a figure a region at most.
const probeMax = 32

// latest reads the latest stored version of each figure of l, by pair:
// nothing for a pair none of whose figures is stored, as when a file of a
// new year is imported.
func (t *tx) latest(ctx context.Context, l *outcome.Ledger) (map[pair]map[string]*storedVersion, error) {
	type seen struct {
		n       int
		regions []string // up to probeMax
	}
	pairs := map[pair]*seen{}
	var last pair
	var cur *seen
	for r := range l.All() {
		k := pair{r.Indicator, r.Period}
		if cur == nil || k != last {
			if cur = pairs[k]; cur == nil {
				cur = &seen{}
				pairs[k] = cur
			}
			last = k
		}
		cur.n++
		if cur.n <= probeMax {
			cur.regions = append(cur.regions, r.Region)
		} else {
			cur.regions = nil
		}
	}
	const cols = `r.region, r.id, r.version, r.value, r.unit, r.qualifier, r.document, r.section, r.mark, r.note,
		w.department, w.reporter, w.reported`
	scan, err := t.conn.PrepareContext(ctx, t.s.bind(`SELECT `+cols+` FROM records r JOIN writes w ON w.id = r.write
		WHERE r.indicator = ? AND r.period = ?`))
	if err != nil {
		return nil, fmt.Errorf("store: read stored versions: %w", err)
	}
	defer scan.Close()
	probe, err := t.conn.PrepareContext(ctx, t.s.bind(`SELECT `+cols+` FROM records r JOIN writes w ON w.id = r.write
		WHERE r.indicator = ? AND r.period = ? AND r.region = ? ORDER BY r.version DESC LIMIT 1`))
	if err != nil {
		return nil, fmt.Errorf("store: read stored versions: %w", err)
	}
	defer probe.Close()
	out := map[pair]map[string]*storedVersion{}
	read := func(k pair, rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			sv := &storedVersion{}
			var reported string
			o := &sv.old
			if err := rows.Scan(&o.region, &sv.v.ID, &sv.v.Version, &o.value, &o.unit, &o.qualifier, &o.document, &o.section, &o.mark, &o.note,
				&sv.v.Department, &sv.v.Reporter, &reported); err != nil {
				return err
			}
			var err error
			if sv.v.Reported, err = parseTime(reported); err != nil {
				return fmt.Errorf("version %d: reported %q: %w", sv.v.ID, reported, ErrInvalid)
			}
			o.indicator, o.period = k.indicator, k.period.String()
			m := out[k]
			if m == nil {
				m = map[string]*storedVersion{}
				out[k] = m
			}
			if prev := m[o.region]; prev == nil || prev.v.Version < sv.v.Version {
				m[o.region] = sv
			}
		}
		return rows.Err()
	}
	for k, sn := range pairs {
		per := k.period.String()
		if sn.n > probeMax {
			rows, err := scan.QueryContext(ctx, k.indicator, per)
			if err == nil {
				err = read(k, rows)
			}
			if err != nil {
				return nil, fmt.Errorf("store: read stored versions of %s %s: %w", k.indicator, per, err)
			}
			continue
		}
		for _, region := range sn.regions {
			rows, err := probe.QueryContext(ctx, k.indicator, per, region)
			if err == nil {
				err = read(k, rows)
			}
			if err != nil {
				return nil, fmt.Errorf("store: read stored versions of %s %s %s: %w", k.indicator, region, per, err)
			}
		}
	}
	return out, nil
}

// figure is a figure of a pair: its region.
type figure struct {
	pair
	region string
}

// plan says what becomes of the records that meet a stored figure: drop
// (equal to it) or a new version revising it. A record of no stored
// figure is a first version.
type plan map[figure]revision

type revision struct {
	version int   // 0: dropped
	revises int64 // the version it corrects
}

// decide meets the records of l with the latest stored versions: equal
// ones are dropped, corrections get their version number, and conflicts
// are refused, up to 20 of them.
func decide(l *outcome.Ledger, latest map[pair]map[string]*storedVersion, p Provenance, correct bool, file string) (plan, error) {
	out := plan{}
	if len(latest) == 0 && !correct {
		return out, nil // nothing stored meets the records
	}
	var errs []error
	var last pair
	var regions map[string]*storedVersion
	started := false
	for r := range l.All() {
		k := pair{r.Indicator, r.Period}
		if !started || k != last {
			regions, last, started = latest[k], k, true
		}
		sv := regions[r.Region]
		if sv == nil {
			if correct {
				errs = append(errs, &RecordError{File: file, Record: r, Err: fmt.Errorf("no stored version to correct: %w", ErrNotFound)})
			}
		} else {
			in := rowOf(r)
			sameQuantity := in.sameQuantity(sv.old)
			f := figure{k, r.Region}
			switch {
			case !correct && sameQuantity, correct && sameQuantity && in.sameSource(sv.old):
				out[f] = revision{}
			default:
				v := sv.v
				v.Record, _ = sv.old.record()
				switch {
				case !correct:
					errs = append(errs, &RecordError{File: file, Record: r, Stored: v, Err: fmt.Errorf("%w (a change is a correction, with a reason)", outcome.ErrConflict)})
				case p.Reported.Before(v.Reported):
					errs = append(errs, &RecordError{File: file, Record: r, Stored: v,
						Err: fmt.Errorf("correction reported %s, before the version it revises: %w", p.Reported.Format(time.DateTime), ErrInvalid)})
				default:
					out[f] = revision{v.Version + 1, v.ID}
				}
			}
		}
		if len(errs) >= 20 {
			break
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// rowOf returns r as the store keeps it.
func rowOf(r outcome.Record) row {
	q := r.Quantity
	return row{indicator: r.Indicator, region: r.Region, period: r.Period.String(),
		value: q.Value().String(), unit: q.Unit().Symbol(), qualifier: q.Qualifier().String(),
		document: r.Source.Document, section: r.Source.Section, mark: r.Source.Mark, note: r.Note}
}

// recordColumns are the columns a write fills.
var recordColumns = []string{"indicator", "region", "period", "version", "value", "unit", "qualifier",
	"document", "section", "mark", "note", "write", "revises"}

// cells yields the records of l as cells of recordColumns, numbered and
// filtered by pl: one slice, reused. A record with a NUL byte in a text,
// which PostgreSQL cannot hold, ends the rows, with a *RecordError in
// *bad (the write is then rolled back). Cells repeated from row to row (the
// indicator, period, unit, small integer values) are made once: a text
// put in a cell is otherwise copied to the heap, a row a cell.
func cells(l *outcome.Ledger, pl plan, write int64, file string, bad *error) iter.Seq[[]any] {
	return func(yield func([]any) bool) {
		row := make([]any, len(recordColumns))
		row[11] = write
		var lastPeriod period.Period
		var period any
		var ints [1024]any
		var last [4]string // indicator, unit, qualifier, document
		var boxed [4]any
		box := func(i int, s string) any {
			if boxed[i] == nil || last[i] != s {
				last[i], boxed[i] = s, s
			}
			return boxed[i]
		}
		for r := range l.All() {
			version, revises := 1, any(nil)
			if len(pl) > 0 {
				if rv, ok := pl[figure{pair{r.Indicator, r.Period}, r.Region}]; ok {
					if rv.version == 0 {
						continue
					}
					version, revises = rv.version, rv.revises
				}
			}
			if period == nil || r.Period != lastPeriod {
				lastPeriod, period = r.Period, r.Period.String()
			}
			q := r.Quantity
			v := q.Value()
			var value any
			if c := v.CoefficientInt64(); v.Exponent() == 0 && c >= 0 && c < int64(len(ints)) && v.NumDigits() < 18 {
				if ints[c] == nil {
					ints[c] = strconv.FormatInt(c, 10)
				}
				value = ints[c]
			} else {
				value = v.String()
			}
			row[0], row[1], row[2], row[3] = box(0, r.Indicator), r.Region, period, version
			row[4], row[5], row[6] = value, box(1, q.Unit().Symbol()), box(2, q.Qualifier().String())
			row[7], row[8], row[9], row[10] = box(3, r.Source.Document), r.Source.Section, r.Source.Mark, r.Note
			row[12] = revises
			for i, f := range [...]string{r.Source.Document, r.Source.Section, r.Source.Mark, r.Note} {
				if strings.IndexByte(f, 0) >= 0 {
					*bad = &RecordError{File: file, Record: r,
						Err: fmt.Errorf("its %s holds a NUL byte, which a database's text cannot: %w", recordColumns[7+i], outcome.ErrInvalid)}
					return
				}
			}
			if !yield(row) {
				return
			}
		}
	}
}

// insertRecords writes the records of l, as pl says, into the records
// table, as of the write of id, and returns how many it wrote.
func (t *tx) insertRecords(ctx context.Context, write int64, l *outcome.Ledger, pl plan, file string) (n int, err error) {
	var bad error
	defer func() {
		if bad != nil {
			n, err = 0, bad
		}
	}()
	counted := func(seq iter.Seq[[]any]) iter.Seq[[]any] {
		return func(yield func([]any) bool) {
			for r := range seq {
				n++
				if !yield(r) {
					return
				}
			}
		}
	}
	rows := counted(cells(l, pl, write, file, &bad))
	if t.s.e.Dialect == SQLite {
		return n, t.insertBatches(ctx, write, rows)
	}
	if t.s.e.CopyIn == nil {
		return n, t.copyIn(ctx, "records", recordColumns, rows)
	}
	// A role under row-level security may not COPY into the table: its
	// rows are staged and inserted with a statement, which the policy
	// checks.
	var rls bool
	if err := t.conn.QueryRowContext(ctx, `SELECT row_security_active('records')`).Scan(&rls); err != nil {
		return 0, fmt.Errorf("row security of records: %w", err)
	}
	if !rls {
		return n, t.s.e.CopyIn(ctx, t.conn, "records", recordColumns, rows)
	}
	if _, err := t.exec(ctx, `CREATE TEMP TABLE staged (indicator TEXT, region TEXT, period TEXT, version INTEGER,
		value TEXT, unit TEXT, qualifier TEXT, document TEXT, section TEXT, mark TEXT, note TEXT,
		write BIGINT, revises BIGINT) ON COMMIT DROP`); err != nil {
		return 0, fmt.Errorf("create the staging table: %w", err)
	}
	if err := t.s.e.CopyIn(ctx, t.conn, "staged", recordColumns, rows); err != nil {
		return 0, fmt.Errorf("stage records: %w", err)
	}
	cols := strings.Join(recordColumns, ", ")
	if _, err := t.exec(ctx, `INSERT INTO records (`+cols+`) SELECT `+cols+` FROM staged`); err != nil {
		return 0, err
	}
	return n, nil
}

// insertBatches inserts rows of recordColumns into SQLite with a
// prepared statement of many rows. The write, the same in every row, is
// written into the statement; an empty text is bound as NULL and stored
// as ”, which spares the driver a copy of it.
func (t *tx) insertBatches(ctx context.Context, write int64, rows iter.Seq[[]any]) error {
	const batch = 256
	var perRow []string // columns bound per row, in recordColumns
	var cells []int
	one := make([]string, 0, len(recordColumns))
	for i, c := range recordColumns {
		switch c {
		case "write":
			continue
		case "version", "revises":
			one = append(one, "?")
		default:
			one = append(one, "COALESCE(?, '')")
		}
		perRow, cells = append(perRow, c), append(cells, i)
	}
	tupleText := "(" + strings.Join(one, ", ") + ", " + strconv.FormatInt(write, 10) + ")"
	stmt := func(n int) string {
		return "INSERT INTO records (" + strings.Join(perRow, ", ") + ", write) VALUES " +
			strings.TrimSuffix(strings.Repeat(tupleText+",", n), ",")
	}
	// The statements run on the driver's connection itself: through
	// database/sql each would copy its thousands of arguments.
	return t.conn.Raw(func(dc any) error {
		cp, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("store: the driver's connection %T prepares no statements with a context", dc)
		}
		exec := func(st driver.Stmt, args []driver.NamedValue) error {
			se, ok := st.(driver.StmtExecContext)
			if !ok {
				return fmt.Errorf("store: the driver's statement %T executes nothing with a context", st)
			}
			_, err := se.ExecContext(ctx, args)
			return err
		}
		var full driver.Stmt
		defer func() {
			if full != nil {
				full.Close()
			}
		}()
		args := make([]driver.NamedValue, 0, batch*len(perRow))
		n := 0
		flush := func() error {
			if n == 0 {
				return nil
			}
			var err error
			if n == batch {
				if full == nil {
					full, err = cp.PrepareContext(ctx, stmt(batch))
				}
				if err == nil {
					err = exec(full, args)
				}
			} else {
				var st driver.Stmt
				if st, err = cp.PrepareContext(ctx, stmt(n)); err == nil {
					err = exec(st, args)
					st.Close()
				}
			}
			args, n = args[:0], 0
			return err
		}
		for r := range rows {
			for _, i := range cells {
				v := r[i]
				switch c := v.(type) {
				case string:
					if c == "" {
						v = nil
					}
				case int:
					v = int64(c)
				case int64, nil:
				default:
					return fmt.Errorf("store: a cell of %T", c)
				}
				args = append(args, driver.NamedValue{Ordinal: len(args) + 1, Value: v})
			}
			if n++; n == batch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
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
	if rec.Period, err = period.Parse(r.period); err != nil {
		return rec, err
	}
	v, err := decimal.NewFromString(r.value)
	if err != nil {
		return rec, fmt.Errorf("value %q: %w", r.value, outcome.ErrSyntax)
	}
	var u quantity.Unit
	if r.unit != "" {
		if u, err = quantity.ParseUnit(r.unit); err != nil {
			return rec, err
		}
	}
	q, err := quantity.ParseQualifier(r.qualifier)
	if err != nil {
		return rec, err
	}
	rec.Quantity = quantity.New(v, u, q)
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
