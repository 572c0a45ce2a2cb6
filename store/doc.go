// Package store keeps a shared ledger (共享台账) in a database: the regions,
// indicators and programs of a ledger, and its records with their
// provenance and history, so that several departments write one ledger and
// anyone can evaluate it as it stands now or as it stood on a date.
//
// A [Store] works through database/sql on an [Engine]. The engines live in
// their own packages, so that a program importing the core library never
// links a database driver: store/sqlite (modernc.org/sqlite, pure Go, one
// file, nothing to install) and store/postgres (github.com/jackc/pgx/v5,
// for a ledger shared by departments over the network).
//
// # Versions and provenance
//
// A figure is an indicator's value in a region over a period. Each figure
// has versions, numbered from 1; every version keeps who reported it (a
// department and a reporter, person or system), when ([Provenance]), the
// record's citation and note, and, for a correction, the version it revises
// and why. Nothing is updated in place: [Store.Correct] appends a version.
// [Store.Write] of a figure the store already holds with another value is
// refused with an error that wraps [outcome.ErrConflict], as
// [outcome.Ledger.Add] refuses it; the same value again is harmless.
//
// # Loading
//
// [Store.Ledger] loads an [outcome.Ledger] from the store, as it stands now
// or as known on a date (the versions reported by the end of that day), for
// every region or the subtree of one. The rows are streamed into
// [outcome.Ledger.ReadCSV], so a load is as strict as reading a file, and
// parsed on every CPU.
//
// # Departments
//
// [Store.AddDepartment] assigns a department the indicators it reports; a
// department writing another's indicator is refused with
// [ErrNotAssigned]. Every department reads everything. On PostgreSQL the
// database enforces it too: each department has a role, and row-level
// security lets a role insert records only of its department's indicators,
// and a correction only of a version of the same figure.
//
// # Writes
//
// Every write is one transaction: [Store.Import] of a file stores all of
// its records or none. Writers are serialised (SQLite's write lock, a
// transaction-scoped advisory lock on PostgreSQL) while each checks its
// records against the versions stored, so concurrent writers of the same
// figure never store a conflict. Readers are never blocked.
//
// # Rectification
//
// The units a per-unit target's shortfall names (a poor county without a
// featured industry) can be kept as follow-up items with a due date
// ([Store.Rectify]); [Store.Rectification] re-evaluates the program,
// closes the items later records cover and lists the open, closed and
// overdue ones (整改台账).
//
// # Schema
//
// The schema is versioned ([SchemaVersion]). [Open] creates it in an empty
// database and upgrades an older one in a transaction; a database written
// by a newer version of this package is refused with [ErrNewerSchema].
package store
