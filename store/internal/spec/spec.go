// Package spec is the test suite every engine of package store passes:
// one behaviour, run against SQLite and PostgreSQL alike, each a real
// database.
package spec

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/store"
)

// Backend is an engine under test.
type Backend struct {
	Name string
	// New makes a fresh, empty database and returns its address: a path
	// or a DSN.
	New func(t testing.TB) string
	// Engine connects to the database at addr.
	Engine func(ctx context.Context, addr string) (store.Engine, error)
}

// Open opens the store at addr, closed when the test ends.
func (b Backend) Open(t testing.TB, addr string) *store.Store {
	t.Helper()
	e, err := b.Engine(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), e)
	if err != nil {
		e.DB.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Child environment: the address and the file of a child process's
// import, and what it does.
const (
	envChild = "TAIZHANG_STORE_CHILD"
	envAddr  = "TAIZHANG_STORE_ADDR"
	envFile  = "TAIZHANG_STORE_FILE"
)

// Child runs the import a test asked of this process, when it is such a
// child, and exits; otherwise it returns. Call it first in TestMain.
func Child(b Backend) {
	if os.Getenv(envChild) == "" {
		return
	}
	ctx := context.Background()
	e, err := b.Engine(ctx, os.Getenv(envAddr))
	if err == nil {
		var s *store.Store
		if s, err = store.Open(ctx, e); err == nil {
			f, ferr := os.Open(os.Getenv(envFile))
			if ferr != nil {
				err = ferr
			} else {
				fmt.Println("importing")
				_, err = s.Import(ctx, store.Provenance{Department: "county", Reporter: os.Getenv(envChild)}, f, filepath.Base(f.Name()))
				f.Close()
			}
			s.Close()
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Run runs the suite against b.
func Run(t *testing.T, b Backend) {
	tests := []struct {
		name string
		f    func(*testing.T, Backend)
	}{
		{"Migrations", testMigrations},
		{"MigrateProvenance", testMigrateProvenance},
		{"Catalogue", testCatalogue},
		{"WriteConflictCorrect", testWriteConflictCorrect},
		{"KnownOnAndRegion", testKnownOnAndRegion},
		{"LoadTexts", testLoadTexts},
		{"EvaluateSevenOnes", testEvaluateSevenOnes},
		{"ImportAllOrNothing", testImportAllOrNothing},
		{"Departments", testDepartments},
		{"ConcurrentImports", testConcurrentImports},
		{"KilledImport", testKilledImport},
		{"Rectification", testRectification},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.f(t, b) })
	}
}

var ctx = context.Background()

// seeded opens a fresh store holding Hunan's regions and indicators, and
// a department "county" that reports every indicator.
func seeded(t testing.TB, b Backend) (*store.Store, string) {
	t.Helper()
	addr := b.New(t)
	s := b.Open(t, addr)
	if err := s.PutRegions(ctx, hunan.Regions()); err != nil {
		t.Fatal(err)
	}
	inds := hunan.Indicators()
	if err := s.PutIndicators(ctx, inds...); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, i := range inds {
		codes = append(codes, i.Code)
	}
	if err := s.AddDepartment(ctx, store.Department{Name: "county", Indicators: codes}); err != nil {
		t.Fatal(err)
	}
	return s, addr
}

func testMigrations(t *testing.T, b Backend) {
	addr := b.New(t)
	e, err := b.Engine(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer e.DB.Close()
	if err := store.Migrate(ctx, e, 1); err != nil {
		t.Fatalf("Migrate(1) = %v", err)
	}
	var v string
	if err := e.DB.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v); err != nil || v != "1" {
		t.Fatalf("schema version after Migrate(1) = %q, %v; want 1", v, err)
	}
	// A version-1 database holds data; opening it upgrades it and keeps it.
	if _, err := e.DB.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('probe', 'kept')`); err != nil {
		t.Fatal(err)
	}
	s := b.Open(t, addr)
	if err := e.DB.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v); err != nil || v != fmt.Sprint(store.SchemaVersion) {
		t.Fatalf("schema version after Open = %q, %v; want %d", v, err, store.SchemaVersion)
	}
	if err := e.DB.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'probe'`).Scan(&v); err != nil || v != "kept" {
		t.Fatalf("data of the version-1 database after the upgrade = %q, %v; want kept", v, err)
	}
	if err := s.AddDepartment(ctx, store.Department{Name: "office"}); err != nil {
		t.Fatalf("a table of version 2 after the upgrade: %v", err)
	}
	// A newer database is refused, and left as it is.
	if _, err := e.DB.ExecContext(ctx, `UPDATE meta SET value = '99' WHERE key = 'schema'`); err != nil {
		t.Fatal(err)
	}
	e2, err := b.Engine(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer e2.DB.Close()
	_, err = store.Open(ctx, e2)
	if !errors.Is(err, store.ErrNewerSchema) || !strings.Contains(err.Error(), "99") {
		t.Fatalf("Open of a version-99 database = %v, want ErrNewerSchema naming 99", err)
	}
}

// testMigrateProvenance upgrades a version-5 database, whose records
// carry their provenance in each row, and finds every version's
// provenance as it was written: two records of one import share it.
func testMigrateProvenance(t *testing.T, b Backend) {
	addr := b.New(t)
	e, err := b.Engine(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer e.DB.Close()
	if err := store.Migrate(ctx, e, 5); err != nil {
		t.Fatalf("Migrate(5) = %v", err)
	}
	const insert = `INSERT INTO records (indicator, region, period, version, value, unit, qualifier, document, section, mark, note,
		department, reporter, reported, revises, reason) `
	for _, q := range []string{
		insert + `VALUES ('featured-industries', '433122', '2019', 1, '5', '个', '', '年报', '', '', '',
			'county', '张', '2020-01-10T00:00:00.000000Z', NULL, '')`,
		insert + `VALUES ('info-networks', '433122', '2019', 1, '3', '个', '', '年报', '', '', '',
			'county', '张', '2020-01-10T00:00:00.000000Z', NULL, '')`,
		insert + `SELECT 'featured-industries', '433122', '2019', 2, '6', '个', '', '复核', '', '', '',
			'province', '李', '2020-03-01T00:00:00.000000Z', id, '补录' FROM records WHERE indicator = 'featured-industries'`,
	} {
		if _, err := e.DB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s := b.Open(t, addr)
	county := store.Provenance{Department: "county", Reporter: "张", Reported: time.Date(2020, 1, 10, 0, 0, 0, 0, time.UTC)}
	province := store.Provenance{Department: "province", Reporter: "李", Reported: time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		indicator string
		want      []store.Provenance
		reasons   []string
	}{
		{"featured-industries", []store.Provenance{county, province}, []string{"", "补录"}},
		{"info-networks", []store.Provenance{county}, []string{""}},
	} {
		h, err := s.History(ctx, tc.indicator, "433122", period.Year(2019))
		if err != nil {
			t.Fatalf("History of %s after the upgrade: %v", tc.indicator, err)
		}
		var got []store.Provenance
		var reasons []string
		for _, v := range h {
			got = append(got, v.Provenance)
			reasons = append(reasons, v.Reason)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("provenance of %s after the upgrade: mismatch (-want +got)\n%s", tc.indicator, diff)
		}
		if diff := cmp.Diff(tc.reasons, reasons); diff != "" {
			t.Errorf("reasons of %s after the upgrade: mismatch (-want +got)\n%s", tc.indicator, diff)
		}
		if len(h) == 2 && h[1].Revises != h[0].ID {
			t.Errorf("version 2 of %s revises %d after the upgrade, want version 1's id %d", tc.indicator, h[1].Revises, h[0].ID)
		}
	}
}

func testCatalogue(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	rs, err := s.Regions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rs.Len(), hunan.Regions().Len(); got != want {
		t.Errorf("stored regions = %d, want %d", got, want)
	}
	if err := s.PutRegions(ctx, hunan.Regions()); err != nil {
		t.Errorf("PutRegions of the same regions again = %v, want nil", err)
	}
	// Names with what a region file quotes read back as written.
	odd := outcome.Region{Code: "433122999201", Name: lang.Name{Zh: `村,"甲"`, En: " Village \"A\",\nB"}, Level: outcome.Village, Parent: "433122"}
	more, err := outcome.NewRegionSet(append(slices.Collect(rs.All()), odd))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutRegions(ctx, more); err != nil {
		t.Fatal(err)
	}
	rs2, err := s.Regions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := rs2.Lookup(odd.Code); !ok || got != odd {
		t.Errorf("stored region %s = %q %q, %v; want %q %q", odd.Code, got.Name.Zh, got.Name.En, ok, odd.Name.Zh, odd.Name.En)
	}
	changed := hunan.Indicators()[0]
	changed.Name.En = "something else"
	if err := s.PutIndicators(ctx, changed); !errors.Is(err, outcome.ErrConflict) {
		t.Errorf("PutIndicators of a changed definition = %v, want ErrConflict", err)
	}
	p := hunan.SevenOnes()
	if err := s.PutProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Program(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(p)
	gotJSON, _ := json.Marshal(got)
	if !bytes.Equal(wantJSON, gotJSON) {
		t.Errorf("Program(%s) JSON mismatch (-want +got):\n%s", p.ID, cmp.Diff(string(wantJSON), string(gotJSON)))
	}
	if _, err := s.Program(ctx, "no/such"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Program(no/such) = %v, want ErrNotFound", err)
	}
}

func rec(ind, region, per, value string) outcome.Record {
	return outcome.Record{Indicator: ind, Region: region, Period: period.MustParse(per),
		Quantity: quantity.MustParse(value), Source: outcome.Cite("县科技局年报", "", "")}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func total(t *testing.T, l *outcome.Ledger, ind, region string) string {
	t.Helper()
	sum, err := l.Total(ind, region, period.Through(day("2030-12-31")))
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Has() {
		return "none"
	}
	return sum.Quantity().String()
}

func testWriteConflictCorrect(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	p := store.Provenance{Department: "county", Reporter: "王", Reported: day("2020-01-10")}
	r := rec("featured-industries", "433122", "2019", "2个")
	if n, err := s.Write(ctx, p, r); err != nil || n != 1 {
		t.Fatalf("Write = %d, %v; want 1, nil", n, err)
	}
	if n, err := s.Write(ctx, p, r); err != nil || n != 0 {
		t.Fatalf("Write of the same figure again = %d, %v; want 0, nil", n, err)
	}
	_, err := s.Write(ctx, p, rec("featured-industries", "433122", "2019", "3个"))
	var re *store.RecordError
	if !errors.Is(err, outcome.ErrConflict) || !errors.As(err, &re) || re.Stored.Version != 1 || !strings.Contains(err.Error(), "433122") {
		t.Fatalf("Write of another value = %v, want a *RecordError wrapping ErrConflict naming 433122 and version 1", err)
	}
	if _, err := s.Correct(ctx, p, "", rec("featured-industries", "433122", "2019", "3个")); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Correct without a reason = %v, want ErrInvalid", err)
	}
	if _, err := s.Correct(ctx, p, "typo", rec("featured-industries", "433123", "2019", "3个")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Correct of a figure never stored = %v, want ErrNotFound", err)
	}
	early := p
	early.Reported = day("2019-12-01")
	if _, err := s.Correct(ctx, early, "typo", rec("featured-industries", "433122", "2019", "3个")); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Correct reported before the version it revises = %v, want ErrInvalid", err)
	}
	late := store.Provenance{Department: "county", Reporter: "李", Reported: day("2020-03-01")}
	if n, err := s.Correct(ctx, late, "县统计局复核", rec("featured-industries", "433122", "2019", "3个")); err != nil || n != 1 {
		t.Fatalf("Correct = %d, %v; want 1, nil", n, err)
	}
	h, err := s.History(ctx, "featured-industries", "433122", period.Year(2019))
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Version != 1 || h[1].Version != 2 || h[1].Revises != h[0].ID || h[1].Reason != "县统计局复核" ||
		h[0].Reporter != "王" || h[1].Reporter != "李" || !h[1].Reported.Equal(day("2020-03-01")) ||
		!h[0].Record.Quantity.Equal(quantity.MustParse("2个")) || !h[1].Record.Quantity.Equal(quantity.MustParse("3个")) {
		t.Fatalf("History = %+v, want version 1 (2个, 王) and version 2 (3个, 李, revising 1, 县统计局复核)", h)
	}
	// The corrected value is now the figure: writing it is harmless, the
	// old one a conflict.
	if n, err := s.Write(ctx, p, rec("featured-industries", "433122", "2019", "3个")); err != nil || n != 0 {
		t.Errorf("Write of the corrected value = %d, %v; want 0, nil", n, err)
	}
	if _, err := s.Write(ctx, p, r); !errors.Is(err, outcome.ErrConflict) {
		t.Errorf("Write of the superseded value = %v, want ErrConflict", err)
	}
	l, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if got := total(t, l, "featured-industries", "433122"); got != "3个" {
		t.Errorf("figure now = %s, want 3个", got)
	}
	if l.Len() != 1 {
		t.Errorf("ledger now holds %d records, want 1 (the latest version only)", l.Len())
	}
	if _, err := s.History(ctx, "featured-industries", "433123", period.Year(2019)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("History of no figure = %v, want ErrNotFound", err)
	}
	if _, err := s.Write(ctx, p, rec("featured-industries", "999999", "2019", "1个")); !errors.Is(err, outcome.ErrUnknownRegion) {
		t.Errorf("Write in an unknown region = %v, want ErrUnknownRegion", err)
	}
}

// testLoadTexts loads records whose citations and notes hold what a
// ledger file must quote (commas, quotes, line breaks, leading spaces)
// and finds them as they were written.
func testLoadTexts(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	want := []outcome.Record{
		rec("featured-industries", "433122", "2019", "2个"),
		rec("featured-industries", "433123", "2019", "约3个"),
		rec("featured-industries", "433124", "2019", "1个"),
	}
	want[0].Source = outcome.Cite(`湘科发〔2019〕12号, "附件1"`, "第2节\n表3", " 甲")
	want[0].Note = "含 \"特色产业\", 待核"
	want[1].Source = outcome.Cite("\u3000全角空格开头", "", "")
	want[1].Note = `\.`
	want[2].Note = "  "
	if _, err := s.Write(ctx, store.Provenance{Department: "county"}, want...); err != nil {
		t.Fatal(err)
	}
	l, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var got []outcome.Record
	for r := range l.All() {
		got = append(got, r)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records loaded: mismatch (-want +got)\n%s", diff)
	}
}

func testKnownOnAndRegion(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	p1 := store.Provenance{Department: "county", Reporter: "a", Reported: day("2020-01-15").Add(23 * time.Hour)}
	if _, err := s.Write(ctx, p1, rec("featured-industries", "433122", "2019", "2个"), rec("featured-industries", "430224", "2019", "1个")); err != nil {
		t.Fatal(err)
	}
	p2 := store.Provenance{Department: "county", Reporter: "b", Reported: day("2020-02-01")}
	if _, err := s.Correct(ctx, p2, "复核", rec("featured-industries", "433122", "2019", "4个")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(ctx, p2, rec("info-networks", "433122", "2019", "1个")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		q          store.Query
		luxi, sang string // featured industries in 433122 and 430224
		records    int
	}{
		{"now", store.Query{}, "4个", "1个", 3},
		{"known on 2020-01-15", store.Query{KnownOn: day("2020-01-15")}, "2个", "1个", 2},
		{"known on 2020-01-14", store.Query{KnownOn: day("2020-01-14")}, "none", "none", 0},
		{"湘西州 now", store.Query{Region: "433100"}, "4个", "none", 2},
		{"湘西州 known on 2020-01-31", store.Query{Region: "433100", KnownOn: day("2020-01-31")}, "2个", "none", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := s.Ledger(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := total(t, l, "featured-industries", "433122"); got != tc.luxi {
				t.Errorf("433122 = %s, want %s", got, tc.luxi)
			}
			if got := total(t, l, "featured-industries", "430224"); got != tc.sang {
				t.Errorf("430224 = %s, want %s", got, tc.sang)
			}
			if l.Len() != tc.records {
				t.Errorf("records = %d, want %d", l.Len(), tc.records)
			}
		})
	}
	if _, err := s.Ledger(ctx, store.Query{Region: "999999"}); !errors.Is(err, outcome.ErrUnknownRegion) {
		t.Errorf("Ledger of an unknown region = %v, want ErrUnknownRegion", err)
	}
}

// hunanFile is the Hunan 2019 ledger file of examples/ledger, copied.
const hunanFile = "../testdata/hunan-2019.csv"

func testEvaluateSevenOnes(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	f, err := os.Open(hunanFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, err := s.Import(ctx, store.Provenance{Department: "county", Reporter: "import"}, f, "hunan-2019.csv")
	if err != nil || n != 93 {
		t.Fatalf("Import = %d, %v; want 93, nil", n, err)
	}
	stored, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	mem, err := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(hunanFile)
	if err := mem.ReadCSV(bytes.NewReader(data), outcome.ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	p := hunan.SevenOnes()
	asOf := day("2019-12-31")
	want, err := p.Evaluate(mem, asOf)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Evaluate(stored, asOf)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	gotJSON, _ := json.Marshal(got)
	if !bytes.Equal(wantJSON, gotJSON) {
		t.Errorf("七个一 from the store differs from the file (-file +store):\n%s", cmp.Diff(string(wantJSON), string(gotJSON)))
	}
	if got.Summary == want.Summary && len(got.Results) != 7 {
		t.Errorf("七个一 has %d results, want 7", len(got.Results))
	}
}

func count(t testing.TB, s *store.Store) int {
	t.Helper()
	l, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	return l.Len()
}

func testImportAllOrNothing(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	p := store.Provenance{Department: "county", Reporter: "import"}
	bad := "indicator,region,period,value\nfeatured-industries,433122,2019,2\nfeatured-industries,439999,2019,1\n"
	_, err := s.Import(ctx, p, strings.NewReader(bad), "bad.csv")
	var pe *outcome.ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || !errors.Is(err, outcome.ErrUnknownRegion) || !strings.Contains(err.Error(), "bad.csv") {
		t.Fatalf("Import of a file with an unknown region on line 3 = %v, want a ParseError of bad.csv line 3", err)
	}
	if n := count(t, s); n != 0 {
		t.Fatalf("after a refused import the store holds %d records, want 0", n)
	}
	if _, err := s.Write(ctx, p, rec("featured-industries", "433123", "2019", "1个")); err != nil {
		t.Fatal(err)
	}
	conflicting := "indicator,region,period,value\nfeatured-industries,433122,2019,2\nfeatured-industries,433123,2019,5\n"
	_, err = s.Import(ctx, p, strings.NewReader(conflicting), "conflict.csv")
	if !errors.Is(err, outcome.ErrConflict) || !strings.Contains(err.Error(), "conflict.csv") || !strings.Contains(err.Error(), "433123") {
		t.Fatalf("Import conflicting with a stored figure = %v, want ErrConflict naming conflict.csv and 433123", err)
	}
	if n := count(t, s); n != 1 {
		t.Fatalf("after a conflicting import the store holds %d records, want the 1 before it", n)
	}
	// PostgreSQL's text holds no NUL byte: either engine refuses it,
	// naming the record and the field, and stores nothing.
	withNUL := "indicator,region,period,value,note\nfeatured-industries,433124,2019,1,ok\nfeatured-industries,433125,2019,1,a\x00b\n"
	_, err = s.Import(ctx, p, strings.NewReader(withNUL), "nul.csv")
	var re *store.RecordError
	if !errors.As(err, &re) || !errors.Is(err, outcome.ErrInvalid) || re.Record.Region != "433125" || !strings.Contains(err.Error(), "note") ||
		!strings.Contains(err.Error(), "nul.csv") {
		t.Fatalf("Import of a note with a NUL byte = %v, want a RecordError of nul.csv 433125 naming the note, wrapping outcome.ErrInvalid", err)
	}
	if n := count(t, s); n != 1 {
		t.Fatalf("after an import refused for a NUL byte the store holds %d records, want the 1 before it", n)
	}
	if _, err := s.Write(ctx, store.Provenance{Department: "county", Reporter: "a\x00b"}, rec("featured-industries", "433124", "2019", "1个")); !errors.Is(err, store.ErrInvalid) ||
		!strings.Contains(err.Error(), "reporter") {
		t.Errorf("Write by a reporter with a NUL byte = %v, want ErrInvalid naming the reporter", err)
	}
}

func testDepartments(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	if err := s.AddDepartment(ctx, store.Department{Name: "science", Indicators: []string{"patented-technologies"}}); err != nil {
		t.Fatal(err)
	}
	p := store.Provenance{Department: "science", Reporter: "张"}
	if _, err := s.Write(ctx, p, rec("patented-technologies", "430000", "2019", "128项")); err != nil {
		t.Fatalf("Write of an assigned indicator = %v", err)
	}
	_, err := s.Write(ctx, p, rec("featured-industries", "433122", "2019", "2个"))
	if !errors.Is(err, store.ErrNotAssigned) || !strings.Contains(err.Error(), "featured-industries") {
		t.Fatalf("Write of another department's indicator = %v, want ErrNotAssigned naming it", err)
	}
	if _, err := s.Write(ctx, store.Provenance{Department: "nobody"}, rec("patented-technologies", "430000", "2018", "100项")); !errors.Is(err, store.ErrNotAssigned) {
		t.Errorf("Write by an unknown department = %v, want ErrNotAssigned", err)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("store holds %d records, want 1", n)
	}
}

// ledgerFile writes a ledger file of featured-industries for each county
// of Hunan in the years given, with value v, and returns its path.
func ledgerFile(t testing.TB, dir, name string, years []int, v int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("indicator,region,period,value\n")
	for r := range hunan.Regions().All() {
		if r.Level != outcome.County {
			continue
		}
		for _, y := range years {
			fmt.Fprintf(&b, "featured-industries,%s,%d,%d\n", r.Code, y, v)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// child starts this test binary as a child importing file into addr.
func child(t testing.TB, addr, file, name string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+name, envAddr+"="+addr, envFile+"="+file)
	return cmd
}

func testConcurrentImports(t *testing.T, b Backend) {
	s, addr := seeded(t, b)
	dir := t.TempDir()
	files := []string{
		ledgerFile(t, dir, "a.csv", []int{2016, 2017}, 1),
		ledgerFile(t, dir, "b.csv", []int{2018}, 2),
		ledgerFile(t, dir, "c.csv", []int{2017, 2018, 2019}, 0), // overlaps a and b with other values
		ledgerFile(t, dir, "d.csv", []int{2019, 2020}, 3),
	}
	// c conflicts with a and b: keep it consistent with them instead.
	files[2] = ledgerFile(t, dir, "c.csv", nil, 0)
	var bld strings.Builder
	for _, f := range []string{files[0], files[1]} {
		data, _ := os.ReadFile(f)
		if bld.Len() == 0 {
			bld.Write(data)
		} else {
			bld.Write(data[strings.IndexByte(string(data), '\n')+1:])
		}
	}
	if err := os.WriteFile(files[2], []byte(bld.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for i, f := range files {
		cmd := child(t, addr, f, fmt.Sprint("child-", i))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("child %d importing %s: %v\n%s", i, filepath.Base(files[i]), err, outs[i])
		}
	}
	counties := hunan.Regions().CountAt(outcome.County)
	l, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	// 2016–2020, each county once a year: a and b, c overlapping them
	// with the same values, d.
	if got, want := l.Len(), counties*5; got != want {
		t.Errorf("records after four concurrent imports = %d, want %d", got, want)
	}
	for _, y := range []int{2016, 2017, 2018, 2019, 2020} {
		h, err := s.History(ctx, "featured-industries", "433122", period.Year(y))
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 1 {
			t.Errorf("433122 %d has %d versions, want 1: %+v", y, len(h), h)
		}
	}
}

func testKilledImport(t *testing.T, b Backend) {
	s, addr := seeded(t, b)
	dir := t.TempDir()
	// Large enough that no machine writes it all in the 0.7 s before the
	// kill: a fast idle one imported 137,000 records in less.
	var years []int
	for y := 1000; y < 8000; y++ {
		years = append(years, y)
	}
	file := ledgerFile(t, dir, "big.csv", years, 1) // 137 counties × 7000 years
	cmd := child(t, addr, file, "killed")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "importing\n" {
		t.Fatalf("child said %q, %v; want importing", line, err)
	}
	time.Sleep(700 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	state, _ := cmd.Process.Wait()
	if state.Success() {
		t.Fatal("the import finished before it was killed: make the file larger")
	}
	if n := count(t, s); n != 0 {
		t.Fatalf("after a killed import the store holds %d records, want 0", n)
	}
	// The store takes writes after the kill.
	if _, err := s.Write(ctx, store.Provenance{Department: "county"}, rec("featured-industries", "433122", "2019", "2个")); err != nil {
		t.Fatalf("Write after a killed import = %v", err)
	}
}

func testRectification(t *testing.T, b Backend) {
	s, _ := seeded(t, b)
	f, err := os.Open(hunanFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := store.Provenance{Department: "county", Reporter: "import", Reported: day("2020-01-10")}
	if _, err := s.Import(ctx, p, f, "hunan-2019.csv"); err != nil {
		t.Fatal(err)
	}
	prog := hunan.SevenOnes()
	l, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := prog.Evaluate(l, day("2019-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	items, err := s.Rectify(ctx, p, report, day("2020-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	// examples/ledger's hunan-2019.csv: 3 poor counties without a
	// featured industry, 11 without an information network; the star
	// spaces target has no data at all, every one of the 51 counties.
	if len(items) != 3+11+51 {
		t.Fatalf("Rectify opened %d items, want 65", len(items))
	}
	again, err := s.Rectify(ctx, p, report, day("2020-06-30"))
	if err != nil || len(again) != 0 {
		t.Fatalf("Rectify of the same report again opened %d, %v; want 0", len(again), err)
	}
	// 龙山县 433130 reports its featured industries and network in 2020.
	p2 := store.Provenance{Department: "county", Reporter: "龙山县", Reported: day("2020-05-01")}
	if _, err := s.Write(ctx, p2, rec("featured-industries", "433130", "2020-04", "1个"), rec("info-networks", "433130", "2020-04", "1个")); err != nil {
		t.Fatal(err)
	}
	r, err := s.Rectification(ctx, prog, day("2020-07-31"))
	if err != nil {
		t.Fatal(err)
	}
	var closed []string
	for _, it := range r.Closed {
		closed = append(closed, it.Region+" "+it.Indicator)
	}
	if diff := cmp.Diff([]string{"433130 featured-industries", "433130 info-networks"}, closed); diff != "" {
		t.Errorf("closed items mismatch (-want +got):\n%s", diff)
	}
	if len(r.Overdue) != 63 || len(r.Open) != 0 {
		t.Errorf("as of 2020-07-31: %d overdue, %d open; want 63 overdue (due 2020-06-30), 0 open", len(r.Overdue), len(r.Open))
	}
	r, err = s.Rectification(ctx, prog, day("2020-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Open) != 63 || len(r.Overdue) != 0 || len(r.Closed) != 2 {
		t.Errorf("as of 2020-06-01: %d open, %d overdue, %d closed; want 63, 0, 2", len(r.Open), len(r.Overdue), len(r.Closed))
	}
}
