// Package sqlite opens a [store.Store] in an SQLite file, through
// modernc.org/sqlite: pure Go, nothing to install. It is the store's
// default engine, for one office or a program's own ledger.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/taizhang/taizhang/store"
)

// Open opens the store in the SQLite file at path, creating it when it
// does not exist. Several processes may open the same file: writers take
// turns, waiting up to a minute for one another, and readers are never
// blocked (write-ahead log).
func Open(ctx context.Context, path string) (*store.Store, error) {
	e, err := Engine(path)
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, e)
	if err != nil {
		e.DB.Close()
		return nil, fmt.Errorf("store/sqlite: %s: %w", path, err)
	}
	return s, nil
}

// Engine returns the engine of the SQLite file at path, for [store.Open]
// and [store.Migrate].
func Engine(path string) (store.Engine, error) {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(60000)", "journal_mode(WAL)", "foreign_keys(ON)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return store.Engine{}, fmt.Errorf("store/sqlite: open %s: %w", path, err)
	}
	return store.Engine{DB: db, Dialect: store.SQLite}, nil
}
