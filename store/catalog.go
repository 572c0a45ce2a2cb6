package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
)

// PutRegions stores the regions of rs that the store lacks. A region
// stored before with another name, level or parent is refused with an
// error wrapping outcome.ErrConflict, and nothing is stored.
func (s *Store) PutRegions(ctx context.Context, rs *outcome.RegionSet) error {
	return s.inTx(ctx, func(t *tx) error {
		stored, err := s.regionSet(ctx, t.conn)
		if err != nil {
			return err
		}
		var add []outcome.Region
		for r := range rs.All() {
			old, ok := stored.Lookup(r.Code)
			if !ok {
				add = append(add, r)
				continue
			}
			if old != r {
				return fmt.Errorf("store: region %s: stored as %s %s (parent %q), given as %s %s (parent %q): %w",
					r.Code, old.Name, old.Level, old.Parent, r.Name, r.Level, r.Parent, outcome.ErrConflict)
			}
		}
		if len(add) == 0 {
			return nil
		}
		// The union must still be one hierarchy.
		all := append(collect(stored), add...)
		if _, err := outcome.NewRegionSet(all); err != nil {
			return fmt.Errorf("store: regions: %w", err)
		}
		rows := func(yield func([]any) bool) {
			row := make([]any, 5)
			for _, r := range add {
				level, _ := r.Level.MarshalText()
				row[0], row[1], row[2], row[3], row[4] = r.Code, r.Name.Zh, r.Name.En, string(level), r.Parent
				if !yield(row) {
					return
				}
			}
		}
		if err := t.copyIn(ctx, "regions", []string{"code", "name_zh", "name_en", "level", "parent"}, rows); err != nil {
			return fmt.Errorf("store: store %d regions: %w", len(add), err)
		}
		return t.bumpRegions(ctx)
	})
}

func collect(rs *outcome.RegionSet) []outcome.Region {
	out := make([]outcome.Region, 0, rs.Len())
	for r := range rs.All() {
		out = append(out, r)
	}
	return out
}

// bumpRegions counts a change of the regions, so that every process
// reloads its cached set.
func (t *tx) bumpRegions(ctx context.Context) error {
	_, err := t.exec(ctx, `INSERT INTO meta (key, value) VALUES ('regions', '1')
		ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)`)
	if err != nil {
		return fmt.Errorf("store: count the change of regions: %w", err)
	}
	return nil
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Regions returns the stored regions as a set.
func (s *Store) Regions(ctx context.Context) (*outcome.RegionSet, error) {
	return s.regionSet(ctx, s.db)
}

// regionSet returns the stored regions, from the cache when no process
// has changed them since it was filled.
func (s *Store) regionSet(ctx context.Context, q queryer) (*outcome.RegionSet, error) {
	var gen int64
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'regions'`).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("store: read the regions' generation: %w", err)
	default:
		if gen, err = strconv.ParseInt(v, 10, 64); err != nil {
			return nil, fmt.Errorf("store: regions' generation %q: %w", v, ErrInvalid)
		}
	}
	s.mu.Lock()
	if s.regions != nil && s.genAt == gen {
		rs := s.regions
		s.mu.Unlock()
		return rs, nil
	}
	s.mu.Unlock()
	rows, err := q.QueryContext(ctx, `SELECT code, name_zh, name_en, level, parent FROM regions`)
	if err != nil {
		return nil, fmt.Errorf("store: read regions: %w", err)
	}
	defer rows.Close()
	var regions []outcome.Region
	for rows.Next() {
		var r outcome.Region
		var level string
		if err := rows.Scan(&r.Code, &r.Name.Zh, &r.Name.En, &level, &r.Parent); err != nil {
			return nil, fmt.Errorf("store: read regions: %w", err)
		}
		if err := r.Level.UnmarshalText([]byte(level)); err != nil {
			return nil, fmt.Errorf("store: region %s: level %q: %w", r.Code, level, err)
		}
		regions = append(regions, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read regions: %w", err)
	}
	rs, err := outcome.NewRegionSet(regions)
	if err != nil {
		return nil, fmt.Errorf("store: stored regions: %w", err)
	}
	s.mu.Lock()
	s.regions, s.genAt = rs, gen
	s.mu.Unlock()
	return rs, nil
}

// PutIndicators stores indicators the store lacks. An indicator stored
// before with another definition is refused with an error wrapping
// outcome.ErrConflict, and nothing is stored. Indicators of
// outcome.Entries are refused: the store keeps figures, one value for an
// indicator, region and period, with their versions.
func (s *Store) PutIndicators(ctx context.Context, indicators ...outcome.Indicator) error {
	return s.inTx(ctx, func(t *tx) error {
		stored, err := s.indicators(ctx, t.conn)
		if err != nil {
			return err
		}
		have := make(map[string]outcome.Indicator, len(stored))
		for _, i := range stored {
			have[i.Code] = i
		}
		for _, i := range indicators {
			if err := i.Validate(); err != nil {
				return fmt.Errorf("store: indicator %q: %w", i.Code, err)
			}
			if i.Aggregation == outcome.Entries {
				return fmt.Errorf("store: indicator %s: entries are not kept in the store, only figures (stock or flow): %w", i.Code, ErrInvalid)
			}
			def, err := json.Marshal(i)
			if err != nil {
				return fmt.Errorf("store: indicator %s: %w", i.Code, err)
			}
			if old, ok := have[i.Code]; ok {
				if oldDef, _ := json.Marshal(old); string(oldDef) != string(def) {
					return fmt.Errorf("store: indicator %s: stored with another definition: %w", i.Code, outcome.ErrConflict)
				}
				continue
			}
			if _, err := t.exec(ctx, `INSERT INTO indicators (code, definition) VALUES (?, ?)`, i.Code, string(def)); err != nil {
				return fmt.Errorf("store: store indicator %s: %w", i.Code, err)
			}
			have[i.Code] = i
		}
		return nil
	})
}

// Indicators returns the stored indicators, by code.
func (s *Store) Indicators(ctx context.Context) ([]outcome.Indicator, error) {
	return s.indicators(ctx, s.db)
}

func (s *Store) indicators(ctx context.Context, q queryer) ([]outcome.Indicator, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, definition FROM indicators ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("store: read indicators: %w", err)
	}
	defer rows.Close()
	var out []outcome.Indicator
	for rows.Next() {
		var code, def string
		if err := rows.Scan(&code, &def); err != nil {
			return nil, fmt.Errorf("store: read indicators: %w", err)
		}
		var i outcome.Indicator
		if err := json.Unmarshal([]byte(def), &i); err != nil {
			return nil, fmt.Errorf("store: indicator %s: stored definition: %w", code, err)
		}
		out = append(out, i)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read indicators: %w", err)
	}
	return out, nil
}

// PutProgram stores p as its JSON, with its indicators. A program stored
// before under the same id with another definition is kept, and p becomes
// its next version: [Store.Program] returns the latest.
func (s *Store) PutProgram(ctx context.Context, p program.Program) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("store: program %q: %w", p.ID, err)
	}
	def, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("store: program %s: %w", p.ID, err)
	}
	if err := s.PutIndicators(ctx, p.Indicators...); err != nil {
		return err
	}
	return s.inTx(ctx, func(t *tx) error {
		var version int
		var last sql.NullString
		err := t.conn.QueryRowContext(ctx, s.bind(`SELECT version, definition FROM programs WHERE id = ? ORDER BY version DESC LIMIT 1`), p.ID).Scan(&version, &last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: program %s: %w", p.ID, err)
		}
		if last.Valid && last.String == string(def) {
			return nil
		}
		_, err = t.exec(ctx, `INSERT INTO programs (id, version, definition, stored) VALUES (?, ?, ?, ?)`,
			p.ID, version+1, string(def), formatTime(time.Now()))
		if err != nil {
			return fmt.Errorf("store: store program %s: %w", p.ID, err)
		}
		return nil
	})
}

// Program returns the latest version of the program stored under id;
// [ErrNotFound] when there is none.
func (s *Store) Program(ctx context.Context, id string) (program.Program, error) {
	var def string
	err := s.db.QueryRowContext(ctx, s.bind(`SELECT definition FROM programs WHERE id = ? ORDER BY version DESC LIMIT 1`), id).Scan(&def)
	if errors.Is(err, sql.ErrNoRows) {
		return program.Program{}, fmt.Errorf("store: program %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return program.Program{}, fmt.Errorf("store: program %q: %w", id, err)
	}
	var p program.Program
	if err := json.Unmarshal([]byte(def), &p); err != nil {
		return program.Program{}, fmt.Errorf("store: program %q: stored definition: %w", id, err)
	}
	return p, nil
}

// Department is a department that reports figures: its name, the
// indicators assigned to it, and on PostgreSQL the database role it
// connects as ("" for none: it then writes through the owner's
// connection, checked by this package alone).
type Department struct {
	Name       string
	Role       string
	Indicators []string
}

// AddDepartment stores d, or assigns it more indicators when it exists. On
// PostgreSQL a role given is created when missing, may read every table
// and insert records, and row-level security lets it insert only its own
// department's records of its indicators. The connection must be the
// owner's.
func (s *Store) AddDepartment(ctx context.Context, d Department) error {
	if d.Name == "" {
		return fmt.Errorf("store: department without a name: %w", ErrInvalid)
	}
	if d.Role != "" && !validRole(d.Role) {
		return fmt.Errorf("store: department %s: role %q: want lower-case letters, digits and _, up to 63: %w", d.Name, d.Role, ErrInvalid)
	}
	return s.inTx(ctx, func(t *tx) error {
		_, err := t.exec(ctx, `INSERT INTO departments (name, role) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, d.Name, d.Role)
		if err != nil {
			return fmt.Errorf("store: department %s: %w", d.Name, err)
		}
		for _, ind := range d.Indicators {
			_, err := t.exec(ctx, `INSERT INTO assignments (department, indicator) VALUES (?, ?) ON CONFLICT DO NOTHING`, d.Name, ind)
			if err != nil {
				return fmt.Errorf("store: department %s: assign indicator %q (is it stored?): %w", d.Name, ind, err)
			}
		}
		if d.Role == "" || s.e.Dialect != PostgreSQL {
			return nil
		}
		var exists bool
		if err := t.conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, d.Role).Scan(&exists); err != nil {
			return fmt.Errorf("store: department %s: role %s: %w", d.Name, d.Role, err)
		}
		stmts := []string{
			`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ` + d.Role,
			`GRANT INSERT ON records, writes TO ` + d.Role,
		}
		if !exists {
			stmts = append([]string{`CREATE ROLE ` + d.Role + ` LOGIN`}, stmts...)
		}
		for _, q := range stmts {
			if _, err := t.exec(ctx, q); err != nil {
				return fmt.Errorf("store: department %s: %s: %w", d.Name, q, err)
			}
		}
		return nil
	})
}

// validRole reports whether r is a role name that needs no quoting.
func validRole(r string) bool {
	if len(r) == 0 || len(r) > 63 || (r[0] >= '0' && r[0] <= '9') {
		return false
	}
	for _, c := range []byte(r) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// timeLayout writes instants in UTC, fixed width, so that text order is
// time order in either engine.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) { return time.Parse(timeLayout, s) }
