// Store keeps the Hunan 2019 ledger in a database shared by two
// departments, and evaluates 七个一 from it now and as known on an earlier
// date:
//
//	go run ./examples/store                  # SQLite, in a temporary directory
//	go run ./examples/store -db taizhang.db  # SQLite, a file kept
//	go run ./examples/store -dsn postgres://user@127.0.0.1:5432/taizhang
//
// The county office imports testdata/hunan-2019.csv (reported 2020-01-10);
// the province corrects the demonstration entities (reported 2020-03-01);
// the report is printed as the ledger stands and as known on 2020-01-31,
// the shortfall is saved as rectification items due 2020-06-30, and the
// items are listed as of 2020-07-31.
//
// With -national DIR it keeps the national ledger of the project's scale
// benchmark instead (DIR holds regions.csv and outcomes.csv): -import
// stores it, a year's rows summed into figures, and every run loads it
// from the store, evaluates the benchmark's four targets and writes the
// answers in the benchmark's format (-asof, -out, -list), timings on
// stderr:
//
//	go run ./examples/store -dsn URL -national DIR -import
//	go run ./examples/store -dsn URL -national DIR -asof 2019 -out results.txt -list uncovered.txt
package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/store"
	"github.com/taizhang/taizhang/store/postgres"
	"github.com/taizhang/taizhang/store/sqlite"
)

//go:embed testdata/hunan-2019.csv
var hunan2019 []byte

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("store", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "SQLite file to keep the ledger in (default: a temporary one, removed at exit)")
	dsn := fs.String("dsn", "", "PostgreSQL URL to keep the ledger in instead, such as postgres://user@127.0.0.1:5432/taizhang")
	tag := fs.String("lang", "zh", "output language: zh or en")
	national := fs.String("national", "", "folder of the scale benchmark's regions.csv and outcomes.csv: evaluate its four targets from the store")
	doImport := fs.Bool("import", false, "with -national: store the national ledger first")
	asOf := fs.Int("asof", 2019, "with -national: evaluate as of the end of this year")
	outFile := fs.String("out", "results.txt", "with -national: where to write the answers")
	listFile := fs.String("list", "uncovered.txt", "with -national: where to write the uncovered villages, one code a line")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *national != "" && *dsn == "" && *dbPath == "" {
		fmt.Fprintln(stderr, "-national needs a store to keep the ledger in: -dsn or -db")
		return 2
	}
	l, err := lang.Parse(*tag)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	ctx := context.Background()
	var s *store.Store
	switch {
	case *dsn != "":
		s, err = postgres.Open(ctx, *dsn)
	default:
		path := *dbPath
		if path == "" {
			dir, derr := os.MkdirTemp("", "taizhang-store-")
			if derr != nil {
				fmt.Fprintln(stderr, derr)
				return 1
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "taizhang.db")
		}
		s, err = sqlite.Open(ctx, path)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer s.Close()
	if *national != "" {
		if *doImport {
			err = importNational(ctx, s, *national, stderr)
		}
		if err == nil {
			err = evaluateNational(ctx, s, *asOf, *outFile, *listFile, stderr)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	if err := demo(ctx, s, stdout, l); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func demo(ctx context.Context, s *store.Store, w io.Writer, in lang.Lang) error {
	p := hunan.SevenOnes()
	if err := s.PutRegions(ctx, hunan.Regions()); err != nil {
		return err
	}
	if err := s.PutProgram(ctx, p); err != nil {
		return err
	}
	var codes []string
	for _, ind := range p.Indicators {
		codes = append(codes, ind.Code)
	}
	county := store.Department{Name: "县科技局", Indicators: codes}
	province := store.Department{Name: "省科技厅", Indicators: []string{"demo-entities", "patented-technologies"}}
	for _, d := range []store.Department{county, province} {
		if err := s.AddDepartment(ctx, d); err != nil {
			return err
		}
	}

	imported := store.Provenance{Department: county.Name, Reporter: "年报导入", Reported: day("2020-01-10")}
	n, err := s.Import(ctx, imported, bytes.NewReader(hunan2019), "hunan-2019.csv")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s 导入 hunan-2019.csv: %d 条 (2020-01-10)\n", county.Name, n)

	corrected := store.Provenance{Department: province.Name, Reporter: "省级复核", Reported: day("2020-03-01")}
	fix := outcome.Record{Indicator: "demo-entities", Region: hunan.ProvinceCode, Period: period.Year(2019),
		Quantity: quantity.MustParse("103家"), Source: outcome.Cite("省科技厅复核 2020", "", "")}
	if _, err := s.Correct(ctx, corrected, "示范主体名单复核, 补录3家", fix); err != nil {
		return err
	}
	history, err := s.History(ctx, fix.Indicator, fix.Region, fix.Period)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s %s %s 的版本:\n", fix.Indicator, fix.Region, fix.Period)
	for _, v := range history {
		fmt.Fprintf(w, "  v%d  %-8s  %s/%s  %s  %s\n", v.Version, v.Record.Quantity, v.Department, v.Reporter,
			v.Reported.Format(time.DateOnly), v.Reason)
	}

	asOf := day("2019-12-31")
	for _, q := range []struct {
		title string
		query store.Query
	}{
		{"现在的台账", store.Query{}},
		{"2020-01-31 所知的台账", store.Query{KnownOn: day("2020-01-31")}},
	} {
		l, err := s.Ledger(ctx, q.query)
		if err != nil {
			return err
		}
		report, err := p.Evaluate(l, asOf)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n== %s (%d 条)\n", q.title, l.Len())
		if err := report.WriteText(w, in); err != nil {
			return err
		}
		if q.query.KnownOn.IsZero() {
			items, err := s.Rectify(ctx, store.Provenance{Department: county.Name, Reporter: "整改台账"}, report, day("2020-06-30"))
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "\n整改事项: 新建 %d 项, 限期 2020-06-30\n", len(items))
		}
	}

	// 龙山县 reports its featured industry and network in April 2020.
	late := store.Provenance{Department: county.Name, Reporter: "龙山县科技局", Reported: day("2020-05-06")}
	_, err = s.Write(ctx, late,
		outcome.Record{Indicator: "featured-industries", Region: "433130", Period: period.Month(2020, time.April), Quantity: quantity.MustParse("1个")},
		outcome.Record{Indicator: "info-networks", Region: "433130", Period: period.Month(2020, time.April), Quantity: quantity.MustParse("1个")})
	if err != nil {
		return err
	}
	r, err := s.Rectification(ctx, p, day("2020-07-31"))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== 整改台账, 截至 2020-07-31: 未到期 %d, 逾期 %d, 已整改 %d\n", len(r.Open), len(r.Overdue), len(r.Closed))
	for _, it := range r.Closed {
		fmt.Fprintf(w, "  已整改  %s  %-24s 发现 %s, 核对已整改于 %s\n", it.Region, it.Indicator, it.Opened.Format(time.DateOnly), it.Closed.Format(time.DateOnly))
	}
	for i, it := range r.Overdue {
		if i == 5 {
			fmt.Fprintf(w, "  … 另有 %d 项逾期\n", len(r.Overdue)-i)
			break
		}
		fmt.Fprintf(w, "  逾期    %s  %-24s %s, 限期 %s\n", it.Region, it.Indicator, it.Kind, it.Due.Format(time.DateOnly))
	}
	return nil
}
