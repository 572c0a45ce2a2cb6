package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/store"
	"github.com/taizhang/taizhang/store/internal/spec"
	"github.com/taizhang/taizhang/store/postgres"
)

// The suite runs against the PostgreSQL server TAIZHANG_PG_DSN names, as a
// user that may create databases and roles (.ci/run starts one). Each test
// gets a database of its own, dropped when it ends.
const (
	envDSN     = "TAIZHANG_PG_DSN"
	envRequire = "TAIZHANG_REQUIRE_PG"
)

func adminDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(envDSN)
	if dsn == "" {
		if os.Getenv(envRequire) == "1" {
			t.Fatalf("%s is not set and %s=1: the PostgreSQL suite must run", envDSN, envRequire)
		}
		t.Skipf("%s is not set: set it to a PostgreSQL URL (postgres://user@127.0.0.1:5432/db) to run the suite against PostgreSQL", envDSN)
	}
	return dsn
}

func randomName(prefix string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// withDatabase returns dsn with its database, and user when given,
// replaced.
func withDatabase(t testing.TB, dsn, db, user string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL: %q", envDSN, dsn)
	}
	u.Path = "/" + db
	if user != "" {
		u.User = url.User(user)
	}
	return u.String()
}

func admin(t testing.TB) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), adminDSN(t))
	if err != nil {
		t.Fatalf("connect to %s: %v", envDSN, err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

var backend = spec.Backend{
	Name: "postgres",
	New: func(t testing.TB) string {
		dsn := adminDSN(t)
		c := admin(t)
		name := randomName("taizhang_test_")
		if _, err := c.Exec(context.Background(), "CREATE DATABASE "+name); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if _, err := c.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
				t.Errorf("drop database %s: %v", name, err)
			}
		})
		return withDatabase(t, dsn, name, "")
	},
	Engine: postgres.Engine,
}

func TestMain(m *testing.M) {
	spec.Child(backend)
	os.Exit(m.Run())
}

func TestStore(t *testing.T) { spec.Run(t, backend) }

// TestRowLevelSecurity connects as a department's role and shows the
// database itself refusing a record of another department's indicator,
// whatever the client does.
func TestRowLevelSecurity(t *testing.T) {
	ctx := context.Background()
	// The role is dropped after the test's database, which holds its
	// grants: cleanups run last in first out.
	role := randomName("tz_science_")
	c0 := admin(t)
	t.Cleanup(func() {
		if _, err := c0.Exec(context.Background(), "DROP ROLE IF EXISTS "+role); err != nil {
			t.Errorf("drop role %s: %v", role, err)
		}
	})
	addr := backend.New(t)
	s, err := postgres.Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PutRegions(ctx, hunan.Regions()); err != nil {
		t.Fatal(err)
	}
	if err := s.PutIndicators(ctx, hunan.Indicators()...); err != nil {
		t.Fatal(err)
	}
	if err := s.AddDepartment(ctx, store.Department{Name: "science", Role: role, Indicators: []string{"patented-technologies"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddDepartment(ctx, store.Department{Name: "county", Indicators: []string{"featured-industries"}}); err != nil {
		t.Fatal(err)
	}
	roleDSN := withDatabase(t, addr, strings.TrimPrefix(mustURL(t, addr).Path, "/"), role)

	// Through the store, as the role: its own indicator is stored.
	asRole, err := postgres.Open(ctx, roleDSN)
	if err != nil {
		t.Fatalf("open as %s: %v", role, err)
	}
	defer asRole.Close()
	own := outcome.Record{Indicator: "patented-technologies", Region: "430000", Period: period.Year(2019),
		Quantity: quantity.MustParse("128项")}
	if n, err := asRole.Write(ctx, store.Provenance{Department: "science", Reporter: "张"}, own); err != nil || n != 1 {
		t.Fatalf("Write of its own indicator as %s = %d, %v; want 1, nil", role, n, err)
	}

	// Past the store's own check, straight in SQL as the role: the
	// database refuses another department's indicator, and a record
	// claiming another department.
	c, err := pgx.Connect(ctx, roleDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	// A write names its department once; its records name the write.
	const write = `INSERT INTO writes (department, reporter, reported, reason) VALUES ($1, 'x', '2020-01-01T00:00:00.000000Z', '') RETURNING id`
	if _, err := c.Exec(ctx, write, "county"); err == nil || !strings.Contains(err.Error(), "row-level security") {
		t.Errorf("INSERT of a write of department county as %s = %v, want a row-level security refusal", role, err)
	}
	var ownWrite, otherWrite int64
	if err := c.QueryRow(ctx, write, "science").Scan(&ownWrite); err != nil {
		t.Fatalf("INSERT of a write of its own department as %s = %v, want it stored", role, err)
	}
	owner, err := pgx.Connect(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close(ctx)
	if err := owner.QueryRow(ctx, write, "county").Scan(&otherWrite); err != nil {
		t.Fatal(err)
	}
	insert := `INSERT INTO records (indicator, region, period, version, value, unit, qualifier, document, section, mark, note,
		write) VALUES ($1, '433122', '2019', 1, '2', '个', '', '', '', '', '', $2)`
	for _, tc := range []struct {
		indicator  string
		department string
		write      int64
	}{
		{"featured-industries", "science", ownWrite},
		{"featured-industries", "county", otherWrite},
		{"patented-technologies", "county", otherWrite},
	} {
		_, err := c.Exec(ctx, insert, tc.indicator, tc.write)
		if err == nil || !strings.Contains(err.Error(), "row-level security") {
			t.Errorf("INSERT of %s for department %s as %s = %v, want a row-level security refusal", tc.indicator, tc.department, role, err)
		}
	}
	if _, err := c.Exec(ctx, insert, "patented-technologies", ownWrite); err != nil {
		t.Errorf("INSERT of its own indicator as %s = %v, want it stored", role, err)
	}
	// A revision names a version of the same figure: the role's own, not
	// another department's record.
	county := outcome.Record{Indicator: "featured-industries", Region: "433122", Period: period.Year(2019),
		Quantity: quantity.MustParse("2个")}
	if _, err := s.Write(ctx, store.Provenance{Department: "county", Reporter: "王"}, county); err != nil {
		t.Fatal(err)
	}
	versionID := func(r outcome.Record) int64 {
		h, err := s.History(ctx, r.Indicator, r.Region, r.Period)
		if err != nil {
			t.Fatal(err)
		}
		return h[len(h)-1].ID
	}
	revise := `INSERT INTO records (indicator, region, period, version, value, unit, qualifier, document, section, mark, note,
		write, revises) VALUES ('patented-technologies', '430000', '2019', 2, '130', '项', '', '', '', '', '', $1, $2)`
	if _, err := c.Exec(ctx, revise, ownWrite, versionID(county)); err == nil || !strings.Contains(err.Error(), "row-level security") {
		t.Errorf("INSERT as %s revising department county's record %d = %v, want a row-level security refusal", role, versionID(county), err)
	}
	if _, err := c.Exec(ctx, revise, ownWrite, versionID(own)); err != nil {
		t.Errorf("INSERT as %s revising its own record = %v, want it stored", role, err)
	}
	// It reads every department's records, and updates none.
	if _, err := c.Exec(ctx, `UPDATE records SET value = '1'`); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("UPDATE as %s = %v, want permission denied", role, err)
	}
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func BenchmarkImport1M(b *testing.B)  { spec.BenchmarkImport(b, backend, 1_000_000) }
func BenchmarkLoad1M(b *testing.B)    { spec.BenchmarkLoad(b, backend, 1_000_000, false) }
func BenchmarkReadCSV1M(b *testing.B) { spec.BenchmarkLoad(b, backend, 1_000_000, true) }

// TestMigrateRoles upgrades a version-5 database whose department has a
// role: the role may then insert writes, which version 6 adds, as the
// role of a department added after the upgrade may.
func TestMigrateRoles(t *testing.T) {
	ctx := context.Background()
	role := randomName("tz_old_")
	c0 := admin(t)
	t.Cleanup(func() {
		if _, err := c0.Exec(context.Background(), "DROP ROLE IF EXISTS "+role); err != nil {
			t.Errorf("drop role %s: %v", role, err)
		}
	})
	addr := backend.New(t)
	e, err := postgres.Engine(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer e.DB.Close()
	if err := store.Migrate(ctx, e, 5); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE ROLE ` + role + ` LOGIN`,
		`INSERT INTO departments (name, role) VALUES ('science', '` + role + `')`,
	} {
		if _, err := e.DB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s, err := postgres.Open(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var may bool
	if err := e.DB.QueryRowContext(ctx, `SELECT has_table_privilege($1, 'writes', 'INSERT')`, role).Scan(&may); err != nil || !may {
		t.Errorf("after the upgrade, %s may insert writes = %v, %v; want true", role, may, err)
	}
}
