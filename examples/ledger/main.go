// Ledger evaluates a built-in program against the records in ledger files
// (CSV, JSON Lines or Excel) and prints the report.
//
//	go run ./examples/ledger -list
//	go run ./examples/ledger -program hunan/seven-ones -asof 2019-12-31 [-lang en] [-format text|json|csv|md|svg|html] FILE...
//
// Files as offices keep them read too: -sheet FILE reads a wide sheet (one
// row per county, one column per indicator, named by 市州 and 县, the year
// in its title), -roster FILE counts a roster of trained technicians (one
// row per person, 县 and 培训年度) into local-technicians, and a file of
// corrections (columns reported, revises, reason) replaces figures while
// keeping their history: -known DATE evaluates the ledger as it was known
// on that day.
//
//	go run ./examples/ledger -program hunan/seven-ones -asof 2019-12-31 \
//		-sheet examples/ledger/testdata/county-sheet.csv \
//		-roster examples/ledger/testdata/technician-roster.csv \
//		examples/ledger/testdata/hunan-2019.csv examples/ledger/testdata/hunan-2019-corrections.csv
//
// On a bad file it prints each error with file and line, and exits 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/xlsx"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// catalogue is a built-in program with the regions and indicators of its
// catalogue.
type catalogue struct {
	program    program.Program
	regions    func() *outcome.RegionSet
	indicators func() []outcome.Indicator
}

func catalogues() []catalogue {
	var out []catalogue
	for _, p := range national.Programs() {
		out = append(out, catalogue{p, national.Regions, national.Indicators})
	}
	for _, p := range hunan.Programs() {
		out = append(out, catalogue{p, hunan.Regions, hunan.Indicators})
	}
	return out
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ledger", flag.ContinueOnError)
	fs.SetOutput(stderr)
	list := fs.Bool("list", false, "list the built-in programs and exit")
	id := fs.String("program", "", "id of the program to evaluate, such as hunan/seven-ones")
	asOf := fs.String("asof", time.Now().Format(time.DateOnly), "evaluation date, YYYY-MM-DD")
	tag := fs.String("lang", "zh", "output language: zh or en")
	format := fs.String("format", "text", "report format: text, json, csv, md, svg or html (one page for a browser, to print to PDF)")
	known := fs.String("known", "", "evaluate the ledger as it was known on this day, YYYY-MM-DD")
	var sheets, rosters []string
	fs.Func("sheet", "a wide sheet in CSV: a row per county (市州, 县), a column per indicator (repeatable)", func(v string) error {
		sheets = append(sheets, v)
		return nil
	})
	fs.Func("roster", "a roster in CSV of technicians trained: a row per person (身份证号, 县, 培训年度) (repeatable)", func(v string) error {
		rosters = append(rosters, v)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *list {
		for _, c := range catalogues() {
			fmt.Fprintf(stdout, "%-36s %s\n", c.program.ID, c.program.Name.Zh)
		}
		return 0
	}
	l, err := lang.Parse(*tag)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	date, err := time.Parse(time.DateOnly, *asOf)
	if err != nil {
		fmt.Fprintf(stderr, "-asof: %v\n", err)
		return 2
	}
	var cat *catalogue
	for _, c := range catalogues() {
		if c.program.ID == *id {
			cat = &c
		}
	}
	if cat == nil {
		fmt.Fprintf(stderr, "unknown program %q; -list shows the built-in ones\n", *id)
		return 2
	}
	ledger, err := outcome.NewLedger(cat.regions(), cat.indicators()...)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	failed := false
	for _, name := range fs.Args() {
		if err := xlsx.ReadFile(ledger, name, outcome.ReadOptions{AllErrors: true}); err != nil {
			failed = true
			printErrors(stderr, err)
		}
	}
	for _, name := range sheets {
		// ReadText reads a CSV file saved as UTF-8 or, as Excel on Chinese
		// Windows saves it, GB18030.
		if err := xlsx.ReadText(name, func(r io.Reader) error {
			return ledger.ReadSheet(r, outcome.Sheet{Region: []string{"市州", "县"}}, outcome.ReadOptions{Name: name, AllErrors: true})
		}); err != nil {
			failed = true
			printErrors(stderr, err)
		}
	}
	for _, name := range rosters {
		var count outcome.RosterCount
		err := xlsx.ReadText(name, func(r io.Reader) (err error) {
			ro := outcome.Roster{Indicator: "local-technicians", Region: []string{"县"}, Period: "培训年度", Key: []string{"身份证号"}}
			count, err = ledger.ReadRoster(r, ro, outcome.ReadOptions{Name: name, AllErrors: true})
			return err
		})
		if err != nil {
			failed = true
			printErrors(stderr, err)
			continue
		}
		for _, d := range count.Duplicates {
			fmt.Fprintf(stderr, "%s: %v\n", name, d)
		}
	}
	if failed {
		return 1
	}
	view := ledger
	if *known != "" {
		day, err := time.Parse(time.DateOnly, *known)
		if err != nil {
			fmt.Fprintf(stderr, "-known: %v\n", err)
			return 2
		}
		view = ledger.AsOf(day)
		// A record without a reported day counts as known from the start;
		// one whose period ends after the day could not have been known
		// then: say how many the report takes so.
		var undated int
		for r := range view.All() {
			if r.Reported.IsZero() && r.Period.End().After(day) {
				undated++
			}
		}
		switch {
		case undated > 0 && l == lang.English:
			fmt.Fprintf(stderr, "-known %s: %d records have no reported day and a period that ends after it; the report counts them as known then\n", *known, undated)
		case undated > 0:
			fmt.Fprintf(stderr, "-known %s: %d 条记录未注明填报日期, 其时期在此日之后结束; 报告把它们算作当日已知\n", *known, undated)
		}
	}
	report, err := cat.program.Evaluate(view, date)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *known != "" && (*format == "text" || *format == "md") {
		// The report reproduces what the ledger said that day: say so, since
		// its header gives only the date judged.
		if l == lang.English {
			fmt.Fprintf(stdout, "as known on %s\n\n", *known)
		} else {
			fmt.Fprintf(stdout, "按 %s 已知的数据\n\n", *known)
		}
	}
	if err := write(stdout, report, l, *format); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	return 0
}

// printErrors prints each error of a joined error on a line of its own.
func printErrors(w io.Writer, err error) {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			printErrors(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}

func write(w io.Writer, r program.Report, in lang.Lang, format string) error {
	switch format {
	case "text":
		if err := r.WriteText(w, in); err != nil {
			return err
		}
		return r.WriteShortfall(w, in, 20)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	case "csv":
		return r.WriteCSV(w, in)
	case "md":
		return r.WriteMarkdown(w, in)
	case "svg":
		return r.WriteSVG(w, in)
	case "html":
		return r.WriteHTML(w, in)
	}
	return errors.New("-format: want text, json, csv, md, svg or html")
}
