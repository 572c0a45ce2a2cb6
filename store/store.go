package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"sync"

	"github.com/taizhang/taizhang/outcome"
)

// Dialect is the SQL a database engine speaks.
type Dialect uint8

const (
	SQLite     Dialect = 1 + iota // SQLite 3.35 or later
	PostgreSQL                    // PostgreSQL 13 or later
)

// String returns the engine's name.
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case PostgreSQL:
		return "postgres"
	}
	return fmt.Sprintf("Dialect(%d)", uint8(d))
}

// Engine is a database under a [Store]: its dialect and, where the engine
// has them, its bulk paths. The packages store/sqlite and store/postgres
// make one; other callers rarely need to. The zero value is invalid.
type Engine struct {
	DB      *sql.DB
	Dialect Dialect
	// CopyIn writes rows into table, in bulk, on conn, within the
	// transaction open on it. Nil means batched INSERT statements.
	CopyIn func(ctx context.Context, conn *sql.Conn, table string, columns []string, rows iter.Seq[[]any]) error
	// CopyOut writes the rows of query (no parameters) to w as CSV with
	// a header line. Nil means rows are read through database/sql.
	CopyOut func(ctx context.Context, conn *sql.Conn, query string, w io.Writer) error
}

// Sentinel errors, for errors.Is. Errors about records also wrap the
// sentinels of package outcome: outcome.ErrConflict for a second, different
// figure, outcome.ErrUnknownRegion and the rest for records a ledger
// refuses.
var (
	// ErrNotAssigned is a department writing an indicator it is not
	// assigned, or a department the store does not know.
	ErrNotAssigned = errors.New("indicator not assigned to the department")
	// ErrNewerSchema is a database written by a newer version of this
	// package.
	ErrNewerSchema = errors.New("database schema is newer than this program")
	// ErrNotFound is a program, figure or item the store does not hold.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is an argument outside its domain: an empty department,
	// a correction without a reason, a revision reported before the
	// version it revises.
	ErrInvalid = errors.New("invalid")
)

// Store is a ledger kept in a database. It is safe for concurrent use, and
// several processes may open the same database.
type Store struct {
	db *sql.DB
	e  Engine

	mu      sync.Mutex
	regions *outcome.RegionSet // cached; regionsAt says which generation
	genAt   int64
}

// Open opens the store in e's database, creating the schema in an empty
// one and upgrading an older one in a transaction. A database of a newer
// schema is refused with [ErrNewerSchema].
func Open(ctx context.Context, e Engine) (*Store, error) {
	if e.DB == nil || (e.Dialect != SQLite && e.Dialect != PostgreSQL) {
		return nil, fmt.Errorf("store: open: engine without a database or dialect: %w", ErrInvalid)
	}
	s := &Store{db: e.DB, e: e}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dialect returns the engine's dialect.
func (s *Store) Dialect() Dialect { return s.e.Dialect }

// bind rewrites ? placeholders as $1, $2, … for PostgreSQL. Queries of this
// package hold no ? inside string literals.
func (s *Store) bind(q string) string {
	if s.e.Dialect != PostgreSQL || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// tx is a transaction on a connection of its own, opened with the engine's
// write lock, so that an engine's bulk path can use the connection.
type tx struct {
	s    *Store
	conn *sql.Conn
}

func (t *tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.conn.ExecContext(ctx, t.s.bind(q), args...)
}

func (t *tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.conn.QueryContext(ctx, t.s.bind(q), args...)
}

// inTx runs f in a transaction holding the store's write lock and commits
// it, or rolls it back when f fails. A connection whose rollback fails is
// discarded, never returned to the pool mid-transaction.
func (s *Store) inTx(ctx context.Context, f func(*tx) error) (err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: connect: %w", err)
	}
	defer conn.Close()
	begin := "BEGIN"
	if s.e.Dialect == SQLite {
		begin = "BEGIN IMMEDIATE" // take the write lock now, not at the first write
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	t := &tx{s: s, conn: conn}
	defer func() {
		if err == nil {
			if _, cerr := conn.ExecContext(ctx, "COMMIT"); cerr != nil {
				err = fmt.Errorf("store: commit: %w", cerr)
				s.discard(conn)
			}
			return
		}
		// The context may be done: roll back regardless of it.
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
			s.discard(conn)
		}
	}()
	if s.e.Dialect == PostgreSQL {
		// Writers take turns: each checks its records against what is
		// stored, and no other writer adds a version meanwhile.
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7251017)"); err != nil {
			return fmt.Errorf("store: take the write lock: %w", err)
		}
	}
	return f(t)
}

// discard closes conn's driver connection instead of returning it to the
// pool, where a transaction left open would hold locks.
func (s *Store) discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
}
