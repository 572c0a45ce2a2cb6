// Package postgres opens a [store.Store] in a PostgreSQL database, through
// github.com/jackc/pgx/v5: the engine for a ledger that departments share.
// Records are written with COPY in the binary format and loaded with
// COPY … TO STDOUT, and each department may connect as a role of its own,
// which row-level security lets insert only its own indicators' records
// ([store.Department]).
package postgres

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"strings"

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

// copyIn writes rows into table with COPY in PostgreSQL's binary format,
// encoded here: a cell is a string (text), an int or int64 (integer or
// bigint, as the column is), or nil (NULL). The encoder runs beside the
// connection, which sends what it has encoded while it encodes the rest.
func copyIn(ctx context.Context, conn *sql.Conn, table string, columns []string, rows iter.Seq[[]any]) error {
	return raw(conn, func(c *pgx.Conn) error {
		types, err := columnTypes(ctx, c, table, columns)
		if err != nil {
			return err
		}
		pr, pw := io.Pipe()
		done := make(chan error, 1)
		go func() {
			err := encodeBinary(pw, table, columns, types, rows)
			pw.CloseWithError(err)
			done <- err
		}()
		cols := make([]string, len(columns))
		for i, col := range columns {
			cols[i] = pgx.Identifier{col}.Sanitize()
		}
		q := "COPY " + pgx.Identifier{table}.Sanitize() + " (" + strings.Join(cols, ", ") + ") FROM STDIN (FORMAT binary)"
		_, cerr := c.PgConn().CopyFrom(ctx, pr, q)
		// Unblock the encoder when the server stopped reading.
		pr.CloseWithError(errCopyEnded)
		eerr := <-done
		if eerr != nil && !errors.Is(eerr, errCopyEnded) {
			return eerr
		}
		return cerr
	})
}

var errCopyEnded = errors.New("store/postgres: copy ended")

// Type oids of the columns copyIn encodes.
const (
	oidInt8 = 20
	oidInt4 = 23
	oidText = 25
)

// columnTypes returns the type oid of each of columns of table.
func columnTypes(ctx context.Context, c *pgx.Conn, table string, columns []string) ([]uint32, error) {
	rows, err := c.Query(ctx, `SELECT attname, atttypid FROM pg_attribute
		WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped`, pgx.Identifier{table}.Sanitize())
	if err != nil {
		return nil, fmt.Errorf("store/postgres: columns of %s: %w", table, err)
	}
	byName := map[string]uint32{}
	for rows.Next() {
		var name string
		var oid uint32
		if err := rows.Scan(&name, &oid); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store/postgres: columns of %s: %w", table, err)
		}
		byName[name] = oid
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store/postgres: columns of %s: %w", table, err)
	}
	types := make([]uint32, len(columns))
	for i, col := range columns {
		oid, ok := byName[col]
		switch {
		case !ok:
			return nil, fmt.Errorf("store/postgres: table %s has no column %s", table, col)
		case oid != oidText && oid != oidInt4 && oid != oidInt8:
			return nil, fmt.Errorf("store/postgres: column %s.%s is of type oid %d, not text, integer or bigint", table, col, oid)
		}
		types[i] = oid
	}
	return types, nil
}

// encodeBinary writes rows to w as a COPY stream in the binary format.
func encodeBinary(w io.Writer, table string, columns []string, types []uint32, rows iter.Seq[[]any]) error {
	buf := make([]byte, 0, 256<<10)
	buf = append(buf, "PGCOPY\n\xff\r\n\x00"...)
	buf = binary.BigEndian.AppendUint32(buf, 0) // flags
	buf = binary.BigEndian.AppendUint32(buf, 0) // no header extension
	n := 0
	for row := range rows {
		n++
		if len(row) != len(columns) {
			return fmt.Errorf("store/postgres: copy into %s: row %d has %d cells for %d columns", table, n, len(row), len(columns))
		}
		buf = binary.BigEndian.AppendUint16(buf, uint16(len(row)))
		for i, v := range row {
			var err error
			if buf, err = appendCell(buf, types[i], v); err != nil {
				return fmt.Errorf("store/postgres: copy into %s: row %d, column %s: %w", table, n, columns[i], err)
			}
		}
		if len(buf) >= 240<<10 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	buf = binary.BigEndian.AppendUint16(buf, 0xffff) // the trailer
	_, err := w.Write(buf)
	return err
}

// appendCell appends a field of a binary COPY row: its length and bytes.
func appendCell(buf []byte, oid uint32, v any) ([]byte, error) {
	var n int64
	switch c := v.(type) {
	case nil:
		return binary.BigEndian.AppendUint32(buf, 0xffffffff), nil // NULL
	case string:
		if oid != oidText {
			return buf, fmt.Errorf("text %q for an integer column", c)
		}
		if len(c) > math.MaxInt32 {
			return buf, fmt.Errorf("text of %d bytes", len(c))
		}
		buf = binary.BigEndian.AppendUint32(buf, uint32(len(c)))
		return append(buf, c...), nil
	case int:
		n = int64(c)
	case int64:
		n = c
	default:
		return buf, fmt.Errorf("a cell of %T", v)
	}
	switch oid {
	case oidInt4:
		if n < math.MinInt32 || n > math.MaxInt32 {
			return buf, fmt.Errorf("%d out of the range of integer", n)
		}
		buf = binary.BigEndian.AppendUint32(buf, 4)
		return binary.BigEndian.AppendUint32(buf, uint32(int32(n))), nil
	case oidInt8:
		buf = binary.BigEndian.AppendUint32(buf, 8)
		return binary.BigEndian.AppendUint64(buf, uint64(n)), nil
	}
	return buf, fmt.Errorf("integer %d for a text column", n)
}

func copyOut(ctx context.Context, conn *sql.Conn, query string, w io.Writer) error {
	return raw(conn, func(c *pgx.Conn) error {
		_, err := c.PgConn().CopyTo(ctx, w, "COPY ("+query+") TO STDOUT WITH (FORMAT csv, HEADER)")
		return err
	})
}
