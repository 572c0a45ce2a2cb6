// Package postgres opens a [store.Store] in a PostgreSQL database, through
// github.com/jackc/pgx/v5: the engine for a ledger that departments share.
// Records are staged with COPY and loaded with COPY … TO STDOUT, and each
// department may connect as a role of its own, which row-level security
// lets insert only its own indicators' records ([store.Department]).
package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/taizhang/taizhang/store"
)

// Open opens the store in the database dsn names (a URL,
// postgres://user@host:port/db, or key=value pairs), creating or upgrading
// the schema when the user owns it.
func Open(ctx context.Context, dsn string) (*store.Store, error) {
	e, err := Engine(ctx, dsn)
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, e)
	if err != nil {
		e.DB.Close()
		return nil, fmt.Errorf("store/postgres: %w", err)
	}
	return s, nil
}

// Engine connects to the database dsn names and returns its engine, for
// [store.Open] and [store.Migrate].
func Engine(ctx context.Context, dsn string) (store.Engine, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return store.Engine{}, fmt.Errorf("store/postgres: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return store.Engine{}, fmt.Errorf("store/postgres: connect to %s@%s:%d/%s: %w", cfg.User, cfg.Host, cfg.Port, cfg.Database, err)
	}
	return store.Engine{DB: db, Dialect: store.PostgreSQL, CopyIn: copyIn, CopyOut: copyOut}, nil
}

// raw runs f on the pgx connection under conn.
func raw(conn *sql.Conn, f func(*pgx.Conn) error) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store/postgres: a connection of %T, not pgx", dc)
		}
		return f(c.Conn())
	})
}

func copyIn(ctx context.Context, conn *sql.Conn, table string, columns []string, rows iter.Seq[[]any]) error {
	return raw(conn, func(c *pgx.Conn) error {
		next, stop := iter.Pull(rows)
		defer stop()
		src := pgx.CopyFromFunc(func() ([]any, error) {
			row, ok := next()
			if !ok {
				return nil, nil
			}
			return row, nil
		})
		_, err := c.CopyFrom(ctx, pgx.Identifier{table}, columns, src)
		return err
	})
}

func copyOut(ctx context.Context, conn *sql.Conn, query string, w io.Writer) error {
	return raw(conn, func(c *pgx.Conn) error {
		_, err := c.PgConn().CopyTo(ctx, w, "COPY ("+query+") TO STDOUT WITH (FORMAT csv, HEADER)")
		return err
	})
}
