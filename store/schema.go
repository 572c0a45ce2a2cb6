package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// SchemaVersion is the version of the schema this package writes.
const SchemaVersion = 7 // len(migrations); a test keeps them equal

// migrations are the schema's versions: migrations[i] takes a database
// from version i to i+1. Only append to the list. In the statements,
// {id} is the engine's auto-increment key, {pg:…} text only PostgreSQL
// runs and {sqlite:…} text only SQLite runs.
var migrations = [][]string{
	{ // 1: the ledger
		`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		`CREATE TABLE regions (code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
			level TEXT NOT NULL, parent TEXT NOT NULL)`,
		`CREATE INDEX regions_parent ON regions (parent)`,
		`CREATE TABLE indicators (code TEXT PRIMARY KEY, definition TEXT NOT NULL)`,
		`CREATE TABLE programs (id TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL,
			stored TEXT NOT NULL, PRIMARY KEY (id, version))`,
		`CREATE TABLE records (
			id {id},
			indicator TEXT NOT NULL REFERENCES indicators (code),
			region TEXT NOT NULL REFERENCES regions (code),
			period TEXT NOT NULL,
			version INTEGER NOT NULL,
			value TEXT NOT NULL, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
			document TEXT NOT NULL, section TEXT NOT NULL, mark TEXT NOT NULL, note TEXT NOT NULL,
			department TEXT NOT NULL, reporter TEXT NOT NULL, reported TEXT NOT NULL,
			revises BIGINT REFERENCES records (id), reason TEXT NOT NULL,
			UNIQUE (indicator, region, period, version))`,
		`CREATE INDEX records_revises ON records (revises) WHERE revises IS NOT NULL`,
	},
	{ // 2: departments and what they report
		`CREATE TABLE departments (name TEXT PRIMARY KEY, role TEXT NOT NULL)`,
		`CREATE TABLE assignments (department TEXT NOT NULL REFERENCES departments (name),
			indicator TEXT NOT NULL REFERENCES indicators (code), PRIMARY KEY (department, indicator))`,
		`{pg:ALTER TABLE records ENABLE ROW LEVEL SECURITY}`,
		`{pg:CREATE POLICY records_read ON records FOR SELECT USING (true)}`,
		// A department's role inserts only records of its own department
		// and of the indicators assigned to it; the owner is exempt.
		`{pg:CREATE POLICY records_write ON records FOR INSERT WITH CHECK (EXISTS (
			SELECT 1 FROM departments d JOIN assignments a ON a.department = d.name
			WHERE d.role = current_user AND d.name = records.department AND a.indicator = records.indicator))}`,
	},
	{ // 3: rectification follow-up
		`CREATE TABLE followups (
			id {id},
			program TEXT NOT NULL, target TEXT NOT NULL, indicator TEXT NOT NULL,
			region TEXT NOT NULL REFERENCES regions (code),
			kind TEXT NOT NULL, lacks TEXT NOT NULL,
			opened TEXT NOT NULL, due TEXT NOT NULL,
			department TEXT NOT NULL, reporter TEXT NOT NULL, reported TEXT NOT NULL)`,
		`CREATE INDEX followups_program ON followups (program)`,
		`CREATE TABLE followup_closures (item BIGINT PRIMARY KEY REFERENCES followups (id),
			closed TEXT NOT NULL, recorded TEXT NOT NULL)`,
	},
	{ // 4: records keyed by indicator, period, region and version, so that
		// a write reads the stored figures of an indicator and period as
		// one range of the key, and a file of one year after another is
		// appended to the key in order; no foreign keys to regions and
		// indicators, which a write checks against the stored ones before
		// it stores anything (both are only ever added to), and which cost
		// a lookup a row. On PostgreSQL a department's role, which may
		// insert rows itself, is held to stored regions by its policy;
		// there the key of revises goes too (a trigger event a row, even a
		// NULL one), so the database no longer checks the revises of a
		// role's own INSERT: a policy may not read its own table. SQLite
		// keeps it, as it checks no NULL key.
		// SQLite changes a table's constraints only by building it anew.
		`{sqlite:CREATE TABLE records_v4 (
			id INTEGER PRIMARY KEY,
			indicator TEXT NOT NULL,
			region TEXT NOT NULL,
			period TEXT NOT NULL,
			version INTEGER NOT NULL,
			value TEXT NOT NULL, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
			document TEXT NOT NULL, section TEXT NOT NULL, mark TEXT NOT NULL, note TEXT NOT NULL,
			department TEXT NOT NULL, reporter TEXT NOT NULL, reported TEXT NOT NULL,
			revises BIGINT REFERENCES records_v4 (id), reason TEXT NOT NULL,
			UNIQUE (indicator, period, region, version))}`,
		`{sqlite:INSERT INTO records_v4 (id, indicator, region, period, version, value, unit, qualifier,
			document, section, mark, note, department, reporter, reported, revises, reason)
			SELECT id, indicator, region, period, version, value, unit, qualifier,
			document, section, mark, note, department, reporter, reported, revises, reason FROM records ORDER BY id}`,
		`{sqlite:DROP TABLE records}`,
		`{sqlite:ALTER TABLE records_v4 RENAME TO records}`,
		`{sqlite:CREATE INDEX records_revises ON records (revises) WHERE revises IS NOT NULL}`,
		`{pg:ALTER TABLE records DROP CONSTRAINT records_indicator_fkey, DROP CONSTRAINT records_region_fkey,
			DROP CONSTRAINT records_revises_fkey, DROP CONSTRAINT records_indicator_region_period_version_key,
			ADD CONSTRAINT records_figure_version UNIQUE (indicator, period, region, version)}`,
		`{pg:ALTER POLICY records_write ON records WITH CHECK (EXISTS (
			SELECT 1 FROM departments d JOIN assignments a ON a.department = d.name
			WHERE d.role = current_user AND d.name = records.department AND a.indicator = records.indicator)
			AND EXISTS (SELECT 1 FROM regions g WHERE g.code = records.region))}`,
	},
	{ // 5: on PostgreSQL, the figure's key is the records' primary key,
		// compared byte by byte (COLLATE "C": codes, not words, so that
		// an insert compares no locale's rules), and the id, which no
		// query looks up, has no index of its own: a row costs one index
		// insert fewer. The id's sequence hands out a thousand ids at a
		// time. A column a policy reads changes type only without it: the
		// policy is made anew.
		`{pg:DROP POLICY records_write ON records}`,
		`{pg:ALTER TABLE records DROP CONSTRAINT records_figure_version, DROP CONSTRAINT records_pkey,
			ALTER COLUMN indicator TYPE TEXT COLLATE "C", ALTER COLUMN region TYPE TEXT COLLATE "C",
			ALTER COLUMN period TYPE TEXT COLLATE "C", ALTER COLUMN id SET CACHE 1024,
			ADD CONSTRAINT records_pkey PRIMARY KEY (indicator, period, region, version)}`,
		`{pg:CREATE POLICY records_write ON records FOR INSERT WITH CHECK (EXISTS (
			SELECT 1 FROM departments d JOIN assignments a ON a.department = d.name
			WHERE d.role = current_user AND d.name = records.department AND a.indicator = records.indicator)
			AND EXISTS (SELECT 1 FROM regions g WHERE g.code = records.region))}`,
	},
	{ // 6: the provenance of a write (department, reporter, when, the
		// reason of a correction) is kept once, in writes, not in each of
		// its records: a row of records is a third narrower, and an
		// import of a million records writes a third less. A record
		// names its write; a department's role inserts a write only of
		// its own department, and records only of its own writes.
		`CREATE TABLE writes (id {id}, department TEXT NOT NULL, reporter TEXT NOT NULL,
			reported TEXT NOT NULL, reason TEXT NOT NULL)`,
		`INSERT INTO writes (department, reporter, reported, reason)
			SELECT department, reporter, reported, reason FROM records
			GROUP BY department, reporter, reported, reason ORDER BY min(id)`,
		`{sqlite:CREATE TABLE records_v6 (
			id INTEGER PRIMARY KEY,
			indicator TEXT NOT NULL,
			region TEXT NOT NULL,
			period TEXT NOT NULL,
			version INTEGER NOT NULL,
			value TEXT NOT NULL, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
			document TEXT NOT NULL, section TEXT NOT NULL, mark TEXT NOT NULL, note TEXT NOT NULL,
			write INTEGER NOT NULL,
			revises BIGINT REFERENCES records_v6 (id),
			UNIQUE (indicator, period, region, version))}`,
		`{sqlite:INSERT INTO records_v6 (id, indicator, region, period, version, value, unit, qualifier,
			document, section, mark, note, write, revises)
			SELECT r.id, r.indicator, r.region, r.period, r.version, r.value, r.unit, r.qualifier,
			r.document, r.section, r.mark, r.note, w.id, r.revises
			FROM records r JOIN writes w ON w.department = r.department AND w.reporter = r.reporter
				AND w.reported = r.reported AND w.reason = r.reason
			ORDER BY r.id}`,
		`{sqlite:DROP TABLE records}`,
		`{sqlite:ALTER TABLE records_v6 RENAME TO records}`,
		`{sqlite:CREATE INDEX records_revises ON records (revises) WHERE revises IS NOT NULL}`,
		`{pg:DROP POLICY records_write ON records}`,
		`{pg:ALTER TABLE records ADD COLUMN write BIGINT}`,
		`{pg:UPDATE records r SET write = w.id FROM writes w WHERE w.department = r.department
			AND w.reporter = r.reporter AND w.reported = r.reported AND w.reason = r.reason}`,
		`{pg:ALTER TABLE records ALTER COLUMN write SET NOT NULL, DROP COLUMN department,
			DROP COLUMN reporter, DROP COLUMN reported, DROP COLUMN reason}`,
		`{pg:CREATE POLICY records_write ON records FOR INSERT WITH CHECK (EXISTS (
			SELECT 1 FROM writes w JOIN departments d ON d.name = w.department
			JOIN assignments a ON a.department = d.name
			WHERE w.id = records.write AND d.role = current_user AND a.indicator = records.indicator)
			AND EXISTS (SELECT 1 FROM regions g WHERE g.code = records.region))}`,
		`{pg:ALTER TABLE writes ENABLE ROW LEVEL SECURITY}`,
		`{pg:CREATE POLICY writes_read ON writes FOR SELECT USING (true)}`,
		`{pg:CREATE POLICY writes_write ON writes FOR INSERT WITH CHECK (EXISTS (
			SELECT 1 FROM departments d WHERE d.role = current_user AND d.name = writes.department))}`,
		// The roles of departments added before read and insert writes.
		`{pg:DO $$ DECLARE r TEXT; BEGIN
			FOR r IN SELECT DISTINCT d.role FROM departments d JOIN pg_roles g ON g.rolname = d.role LOOP
				EXECUTE format('GRANT SELECT, INSERT ON writes TO %I', r);
			END LOOP; END $$}`,
	},
	{ // 7: on PostgreSQL a department's role revises only a version of the
		// same figure, and so of its own indicator, not any id it names.
		// A policy may not read its own table: a function of the owner,
		// whom row-level security does not hold, looks the version up by
		// the figure's key.
		`{pg:CREATE FUNCTION revisable(revises BIGINT, indicator TEXT, period TEXT, region TEXT) RETURNS BOOLEAN
			LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS
			'SELECT EXISTS (SELECT 1 FROM records r WHERE r.indicator = $2 COLLATE "C"
				AND r.period = $3 COLLATE "C" AND r.region = $4 COLLATE "C" AND r.id = $1)'}`,
		`{pg:ALTER POLICY records_write ON records WITH CHECK (EXISTS (
			SELECT 1 FROM writes w JOIN departments d ON d.name = w.department
			JOIN assignments a ON a.department = d.name
			WHERE w.id = records.write AND d.role = current_user AND a.indicator = records.indicator)
			AND EXISTS (SELECT 1 FROM regions g WHERE g.code = records.region)
			AND (records.revises IS NULL OR revisable(records.revises, records.indicator, records.period, records.region)))}`,
	},
}

// ddl adapts a statement of migrations to the dialect; "" when it is
// not for this engine.
func (s *Store) ddl(q string) string {
	if rest, ok := strings.CutPrefix(q, "{pg:"); ok {
		if s.e.Dialect != PostgreSQL {
			return ""
		}
		q = strings.TrimSuffix(rest, "}")
	} else if rest, ok := strings.CutPrefix(q, "{sqlite:"); ok {
		if s.e.Dialect != SQLite {
			return ""
		}
		q = strings.TrimSuffix(rest, "}")
	}
	id := "INTEGER PRIMARY KEY"
	if s.e.Dialect == PostgreSQL {
		id = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
	}
	return strings.ReplaceAll(q, "{id}", id)
}

// version reads the schema version: 0 for an empty database.
func (s *Store) version(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var exists bool
	check := `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')`
	if s.e.Dialect == PostgreSQL {
		check = `SELECT to_regclass('meta') IS NOT NULL`
	}
	if err := q.QueryRowContext(ctx, check).Scan(&exists); err != nil {
		return 0, fmt.Errorf("store: read the schema version: %w", err)
	}
	if !exists {
		return 0, nil
	}
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("store: the meta table holds no schema version: %w", ErrInvalid)
	}
	if err != nil {
		return 0, fmt.Errorf("store: read the schema version: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("store: schema version %q: %w", v, ErrInvalid)
	}
	return n, nil
}

func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, SchemaVersion) }

// Migrate brings e's database to schema version to, in one transaction,
// and closes nothing. [Open] migrates to [SchemaVersion]; an earlier
// version is for a staged upgrade, or a test of one.
func Migrate(ctx context.Context, e Engine, to int) error {
	if to < 1 || to > SchemaVersion {
		return fmt.Errorf("store: migrate to schema version %d: this program knows 1 to %d: %w", to, SchemaVersion, ErrInvalid)
	}
	if e.DB == nil || (e.Dialect != SQLite && e.Dialect != PostgreSQL) {
		return fmt.Errorf("store: migrate: engine without a database or dialect: %w", ErrInvalid)
	}
	s := &Store{db: e.DB, e: e}
	return s.migrateTo(ctx, to)
}

// migrateTo brings the schema to version to, in one transaction.
func (s *Store) migrateTo(ctx context.Context, to int) error {
	v, err := s.version(ctx, s.db)
	if err != nil {
		return err
	}
	if v > SchemaVersion {
		return fmt.Errorf("store: the database has schema version %d, this program knows up to %d: %w", v, SchemaVersion, ErrNewerSchema)
	}
	if v >= to {
		return nil
	}
	return s.inTx(ctx, func(t *tx) error {
		// Another process may have migrated while this one waited for
		// the lock.
		v, err := s.version(ctx, t.conn)
		if err != nil || v >= to {
			return err
		}
		for i := v; i < to; i++ {
			for _, q := range migrations[i] {
				if q = s.ddl(q); q == "" {
					continue
				}
				if _, err := t.exec(ctx, q); err != nil {
					return fmt.Errorf("store: migrate schema from version %d to %d: %w", i, i+1, err)
				}
			}
		}
		_, err = t.exec(ctx, `INSERT INTO meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(to))
		if err != nil {
			return fmt.Errorf("store: record schema version %d: %w", to, err)
		}
		return nil
	})
}
