package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

// Query says which versions [Store.Ledger] loads. The zero value loads
// the ledger as it stands now, for every region.
type Query struct {
	// KnownOn, when set, loads the ledger as known on that day: for each
	// figure, its latest version reported by the end of the day (UTC),
	// so that a report of last year is reproduced exactly.
	KnownOn time.Time
	// Region, when set, loads only the records of that region and the
	// regions below it: a province, a county.
	Region string
}

// Ledger loads the stored records into a new ledger over the stored
// regions and indicators: the latest version of each figure, as q says.
// The records are streamed from the database into [outcome.Ledger.ReadCSV].
func (s *Store) Ledger(ctx context.Context, q Query) (*outcome.Ledger, error) {
	rs, err := s.regionSet(ctx, s.db)
	if err != nil {
		return nil, err
	}
	if q.Region != "" && !rs.Contains(q.Region) {
		return nil, fmt.Errorf("store: load region %q: %w", q.Region, outcome.ErrUnknownRegion)
	}
	l, err := s.scratch(ctx)
	if err != nil {
		return nil, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	defer conn.Close()
	// One snapshot for the question whether any version is corrected and
	// the records: a correction stored in between would otherwise load
	// beside the version it corrects.
	begin := "BEGIN"
	if s.e.Dialect == PostgreSQL {
		begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); err != nil {
			s.discard(conn)
		}
	}()
	var corrected bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM records WHERE revises IS NOT NULL)`).Scan(&corrected); err != nil {
		return nil, fmt.Errorf("store: load records: %w", err)
	}
	// A ledger whose records cite nothing and are all exact (a national
	// file of figures) loads in five columns, not ten: the database writes
	// half as much. A record with a text stops the look at once.
	var texts bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM records
		WHERE qualifier <> '' OR document <> '' OR section <> '' OR mark <> '' OR note <> '')`).Scan(&texts); err != nil {
		return nil, fmt.Errorf("store: load records: %w", err)
	}
	query := s.loadQuery(q, corrected, texts)
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- l.ReadCSV(pr, outcome.ReadOptions{Name: "store"})
		pr.Close()
	}()
	// The reader parses chunks of a quarter megabyte: the rows are handed
	// over in pieces as large, not a row at a time as COPY sends them.
	bw := bufio.NewWriterSize(pw, 256<<10)
	var werr error
	if s.e.CopyOut != nil {
		werr = s.e.CopyOut(ctx, conn, query, bw)
	} else {
		werr = writeLines(ctx, conn, query, texts, bw)
	}
	if werr == nil {
		werr = bw.Flush()
	}
	pw.CloseWithError(werr)
	rerr := <-done
	if werr != nil {
		return nil, fmt.Errorf("store: load records: %w", werr)
	}
	if rerr != nil {
		return nil, fmt.Errorf("store: load records: %w", rerr)
	}
	return l, nil
}

// loadQuery selects the latest version of each figure, in the columns of
// a ledger file. Its literals are quoted here: PostgreSQL's COPY takes no
// parameters.
func (s *Store) loadQuery(q Query, corrected, texts bool) string {
	var b strings.Builder
	var cut string
	if !q.KnownOn.IsZero() {
		y, m, d := q.KnownOn.Date()
		cut = quote(formatTime(time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)))
	}
	if q.Region != "" {
		b.WriteString(`WITH RECURSIVE sub (code) AS (SELECT code FROM regions WHERE code = ` + quote(q.Region) +
			` UNION ALL SELECT r.code FROM regions r JOIN sub ON r.parent = sub.code) `)
	}
	// A version is superseded once a correction of it is reported: an
	// anti-join on the index of revises, left out when no version is
	// corrected.
	if texts {
		b.WriteString(`SELECT indicator, region, period, value, unit, qualifier, document AS source, section, mark, note
		FROM records r WHERE `)
	} else {
		b.WriteString(`SELECT indicator, region, period, value, unit FROM records r WHERE `)
	}
	if corrected {
		b.WriteString(`NOT EXISTS (SELECT 1 FROM records n WHERE n.revises = r.id`)
		if cut != "" {
			b.WriteString(` AND n.write IN (SELECT id FROM writes WHERE reported < ` + cut + `)`)
		}
		b.WriteString(`) AND `)
	}
	b.WriteString(`TRUE`)
	if cut != "" {
		// The writes are few: the ids of those reported by the day.
		b.WriteString(` AND r.write IN (SELECT id FROM writes WHERE reported < ` + cut + `)`)
	}
	if q.Region != "" {
		b.WriteString(` AND r.region IN (SELECT code FROM sub)`)
	}
	return b.String()
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// csvLine is the SQL of a ledger file's line made of a row of loadQuery:
// codes and figures as they are, texts quoted (which reads them back as
// they are, whatever they hold), and nothing for an empty text.
const csvLine = `indicator || ',' || region || ',' || period || ',' || value || ',' || unit || ',' || qualifier
	|| ',' || {q:source} || ',' || {q:section} || ',' || {q:mark} || ',' || {q:note}`

// writeLines writes the rows of query to w as a ledger file, each line
// made by the database: a row is one text to read, not ten.
func writeLines(ctx context.Context, conn *sql.Conn, query string, texts bool, w io.Writer) error {
	sel, header := csvLine, "indicator,region,period,value,unit,qualifier,source,section,mark,note\n"
	if !texts {
		sel, _, _ = strings.Cut(csvLine, "|| ',' || qualifier")
		header = "indicator,region,period,value,unit\n"
	}
	for _, c := range []string{"source", "section", "mark", "note"} {
		sel = strings.Replace(sel, "{q:"+c+"}", `CASE WHEN `+c+` = '' THEN '' ELSE '"' || replace(`+c+`, '"', '""') || '"' END`, 1)
	}
	rows, err := conn.QueryContext(ctx, `SELECT `+sel+` FROM (`+query+`) q`)
	if err != nil {
		return err
	}
	defer rows.Close()
	line := []byte(header)
	var raw sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		line = append(line, raw...)
		line = append(line, '\n')
		if len(line) >= 64<<10 {
			if _, err := w.Write(line); err != nil {
				return err
			}
			line = line[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	_, err = w.Write(line)
	return err
}

// History returns every version of the figure of indicator in region over
// period, oldest first; [ErrNotFound] when the store holds none.
func (s *Store) History(ctx context.Context, indicator, region string, per period.Period) ([]Version, error) {
	rows, err := s.db.QueryContext(ctx, s.bind(`SELECT r.id, r.version, r.value, r.unit, r.qualifier, r.document, r.section, r.mark, r.note,
			w.department, w.reporter, w.reported, r.revises, w.reason
		FROM records r JOIN writes w ON w.id = r.write
		WHERE r.indicator = ? AND r.region = ? AND r.period = ? ORDER BY r.version`),
		indicator, region, per.String())
	if err != nil {
		return nil, fmt.Errorf("store: history of %s %s %s: %w", indicator, region, per, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		r := row{indicator: indicator, region: region, period: per.String()}
		var reported string
		var revises sql.NullInt64
		if err := rows.Scan(&v.ID, &v.Version, &r.value, &r.unit, &r.qualifier, &r.document, &r.section, &r.mark, &r.note,
			&v.Department, &v.Reporter, &reported, &revises, &v.Reason); err != nil {
			return nil, fmt.Errorf("store: history of %s %s %s: %w", indicator, region, per, err)
		}
		if v.Record, err = r.record(); err != nil {
			return nil, fmt.Errorf("store: version %d of %s %s %s: %w", v.ID, indicator, region, per, err)
		}
		if v.Reported, err = parseTime(reported); err != nil {
			return nil, fmt.Errorf("store: version %d: reported %q: %w", v.ID, reported, ErrInvalid)
		}
		v.Revises = revises.Int64
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: history of %s %s %s: %w", indicator, region, per, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("store: history of %s %s %s: %w", indicator, region, per, ErrNotFound)
	}
	return out, nil
}
