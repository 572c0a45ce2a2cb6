package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/taizhang/taizhang/store"
	"github.com/taizhang/taizhang/store/internal/spec"
	"github.com/taizhang/taizhang/store/sqlite"
)

var backend = spec.Backend{
	Name: "sqlite",
	New:  func(t testing.TB) string { return filepath.Join(t.TempDir(), "taizhang.db") },
	Engine: func(_ context.Context, addr string) (store.Engine, error) {
		return sqlite.Engine(addr)
	},
}

func TestMain(m *testing.M) {
	spec.Child(backend)
	os.Exit(m.Run())
}

func TestStore(t *testing.T) { spec.Run(t, backend) }

func BenchmarkImport1M(b *testing.B)  { spec.BenchmarkImport(b, backend, 1_000_000) }
func BenchmarkLoad1M(b *testing.B)    { spec.BenchmarkLoad(b, backend, 1_000_000, false) }
func BenchmarkReadCSV1M(b *testing.B) { spec.BenchmarkLoad(b, backend, 1_000_000, true) }
func BenchmarkAdd1M(b *testing.B)     { spec.BenchmarkAdd(b, 1_000_000) }
