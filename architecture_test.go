package taizhang_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/taizhang/taizhang"

// layers places every package of the module, as ARCHITECTURE.md draws
// them. A package may import another of the module only from a lower
// layer: the core packages point down to outcome, companions and
// catalogues sit on program, and packages of one layer never import each
// other (target and rule, the catalogues, trend and xlsx). A package not
// listed fails the test: place it here and in ARCHITECTURE.md.
var layers = map[string]int{
	"lang":                0, // the two languages and bilingual names; imports no package of the module
	"internal/errs":       0, // the sentinel errors outcome, period and quantity share
	"internal/cnum":       0, // Chinese numerals
	"internal/texttable":  0, // aligned text tables
	"internal/golden":     0, // golden files, for tests only
	"internal/civil":      0, // days of the calendar
	"internal/column":     0, // the arrays a ledger's columns are made of
	"internal/csvscan":    0, // the CSV grammar, chunks and the in-order pipeline
	"internal/codeindex":  0, // region codes to positions
	"internal/enum":       1, // what the enums share: their labels
	"internal/colstore":   1, // the column store: series, period index, aggregation, roll-up
	"internal/regiontree": 1, // regions laid out depth-first, with their code index
	"period":              2, // when a figure holds
	"quantity":            2, // figures: value, unit, qualifier, bounds
	"outcome":             3,
	"target":              4,
	"rule":                4,
	"internal/catalog":    4, // helpers of the catalogues
	"program":             5,
	"program/national":    6,
	"program/hunan":       6,
	"program/prevention":  6,
	"trend":               6,
	"xlsx":                6,
	"store":               6, // the shared ledger in a database
	"store/sqlite":        7, // the store's engines, each with its driver
	"store/postgres":      7,
	"store/internal/spec": 7, // the store's test suite, for the engines' tests only
	"internal/synth":      7, // synthetic ledgers, for tests and benchmarks only
	"examples/*":          8,
	"":                    9, // package taizhang: the overview, imports nothing

	"internal/browsertest": 7, // the HTML reports in a real browser; tests only, and none imports it
}

// testOnly are the packages only _test files may import.
var testOnly = []string{"internal/golden", "internal/synth", "internal/browsertest", "store/internal/spec"}

// coreExcluded are the third-party modules only the named packages may
// depend on, directly or not: excelize stays out of the core packages,
// chromedp out of every package of the library.
var coreExcluded = map[string][]string{
	"github.com/xuri/excelize/v2": {"xlsx", "examples/*"},
	"modernc.org/sqlite":          {"store/sqlite", "examples/*"},
	"github.com/jackc/pgx/v5":     {"store/postgres", "examples/*"},

	// chromedp drives a browser, in the tests of internal/browsertest alone.
	"github.com/chromedp/chromedp": {"internal/browsertest"},
}

type listedPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// listPackages runs go list -json ./... in the module's root and returns
// its packages by path within the module ("" for the root).
func listPackages(t *testing.T) map[string]listedPackage {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		// go test puts GOROOT/bin first on the PATH of the test; a test
		// binary run by hand may lack it.
		gobin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		if _, statErr := os.Stat(gobin); os.Getenv("GOROOT") == "" || statErr != nil {
			t.Fatalf("the go command is needed to list the module's imports: not on PATH (%v) and GOROOT is not set; run the test with go test", err)
		}
	}
	cmd := exec.Command(gobin, "list", "-json", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s list -json ./...: %v\n%s", gobin, err, stderr.Bytes())
	}
	pkgs := map[string]listedPackage{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("reading go list -json: %v", err)
		}
		rel, ok := within(p.ImportPath)
		if !ok {
			t.Fatalf("go list -json ./... listed %s, outside %s", p.ImportPath, module)
		}
		pkgs[rel] = p
	}
	if len(pkgs) == 0 {
		t.Fatal("go list -json ./... listed no package")
	}
	return pkgs
}

// within returns path relative to the module ("" for the root), and false
// for a path outside it.
func within(path string) (string, bool) {
	if path == module {
		return "", true
	}
	rel, ok := strings.CutPrefix(path, module+"/")
	return rel, ok
}

// layerOf returns the layer of a package of the module, by path within it.
func layerOf(rel string) (int, bool) {
	if strings.HasPrefix(rel, "examples/") {
		rel = "examples/*"
	}
	n, ok := layers[rel]
	return n, ok
}

func matches(rel string, patterns []string) bool {
	for _, p := range patterns {
		if p == rel || strings.HasSuffix(p, "/*") && strings.HasPrefix(rel, strings.TrimSuffix(p, "*")) {
			return true
		}
	}
	return false
}

// TestArchitecture checks the direction of imports ARCHITECTURE.md states,
// on the packages go list finds (non-test imports): every package has a
// layer and imports only packages of lower layers; no package imports
// examples; examples import no internal package; the test helpers are
// imported by tests alone; excelize is a dependency of xlsx and of nothing
// beneath it.
func TestArchitecture(t *testing.T) {
	pkgs := listPackages(t)
	rels := make([]string, 0, len(pkgs))
	for rel := range pkgs {
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	for _, rel := range rels {
		p := pkgs[rel]
		name := "package " + p.ImportPath
		layer, ok := layerOf(rel)
		if !ok {
			t.Errorf("%s has no layer: place it in ARCHITECTURE.md and in layers in architecture_test.go", name)
			continue
		}
		for _, imp := range p.Imports {
			dep, ok := within(imp)
			if !ok {
				continue
			}
			switch depLayer, known := layerOf(dep); {
			case !known:
				// Reported as a package of its own.
			case strings.HasPrefix(dep, "examples/"):
				t.Errorf("%s imports %s: examples are programs, not libraries", name, imp)
			case strings.HasPrefix(rel, "examples/") && strings.HasPrefix(dep, "internal/"):
				t.Errorf("%s imports %s: examples import only the public packages", name, imp)
			case matches(dep, testOnly):
				t.Errorf("%s imports %s, which only tests may import", name, imp)
			case depLayer >= layer:
				t.Errorf("%s (layer %d) imports %s (layer %d): imports point only to lower layers (ARCHITECTURE.md)", name, layer, imp, depLayer)
			}
		}
		for dep, allowed := range coreExcluded {
			if slices.Contains(p.Deps, dep) && !matches(rel, allowed) {
				t.Errorf("%s depends on %s, which only %s may use", name, dep, strings.Join(allowed, ", "))
			}
		}
	}
	// The layers name no package that no longer exists.
	for rel := range layers {
		if rel == "examples/*" {
			continue
		}
		if _, ok := pkgs[rel]; !ok {
			t.Errorf("layers lists %q, which go list does not find: update ARCHITECTURE.md and architecture_test.go", rel)
		}
	}
}
