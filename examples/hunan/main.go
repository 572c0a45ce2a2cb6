// Hunan prints the report of every Hunan program against the outcomes the
// Hunan seed document reports, as of 2019-12-31.
//
//	go run ./examples/hunan [-lang en] [-asof 2019-12-31] [-html hunan.html]
//
// With -html it also writes the reports as one HTML page, for a browser or
// to print to PDF.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
)

func main() {
	tag := flag.String("lang", "zh", "output language: zh or en")
	asOf := flag.String("asof", "2019-12-31", "evaluation date, YYYY-MM-DD")
	html := flag.String("html", "", "also write the reports as one HTML page to this file")
	flag.Parse()
	l, err := lang.Parse(*tag)
	if err != nil {
		log.Fatal(err)
	}
	date, err := time.Parse(time.DateOnly, *asOf)
	if err != nil {
		log.Fatalf("-asof: %v", err)
	}
	if err := run(os.Stdout, l, date); err != nil {
		log.Fatal(err)
	}
	if *html != "" {
		if err := writeHTML(*html, l, date); err != nil {
			log.Fatal(err)
		}
	}
}

// writeHTML writes the report of every Hunan program as one HTML page.
func writeHTML(path string, in lang.Lang, asOf time.Time) error {
	ledger := hunan.Reported()
	if err := ledger.Add(hunan.Exits()...); err != nil {
		return err
	}
	var reports []program.Report
	for _, p := range hunan.Programs() {
		r, err := p.Evaluate(ledger, asOf)
		if err != nil {
			return err
		}
		reports = append(reports, r)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := program.WriteHTML(f, reports, in, program.HTMLOptions{}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func run(w io.Writer, in lang.Lang, asOf time.Time) error {
	ledger := hunan.Reported()
	if err := ledger.Add(hunan.Exits()...); err != nil {
		return err
	}
	for _, p := range hunan.Programs() {
		r, err := p.Evaluate(ledger, asOf)
		if err != nil {
			return err
		}
		if err := r.WriteText(w, in); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}
