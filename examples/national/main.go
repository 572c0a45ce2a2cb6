// National prints the national programs' report on the outcomes the seed
// documents report and the 832-county list, as of the end of 2019 and 2020.
//
//	go run ./examples/national [-lang en] [-shortfall]
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/program/national"
)

func main() {
	tag := flag.String("lang", "zh", "output language: zh or en")
	shortfall := flag.Bool("shortfall", false, "list the units short of each per-unit target (the 52 counties still poor after 2019)")
	flag.Parse()
	l, err := lang.Parse(*tag)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(os.Stdout, l, *shortfall); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, in lang.Lang, shortfall bool) error {
	ledger := national.Reported()
	if err := ledger.Add(national.Exits()...); err != nil {
		return err
	}
	for _, asOf := range []time.Time{time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)} {
		for _, p := range national.Programs() {
			r, err := p.Evaluate(ledger, asOf)
			if err != nil {
				return err
			}
			if err := r.WriteText(w, in); err != nil {
				return err
			}
			if shortfall {
				if err := r.WriteShortfall(w, in, -1); err != nil {
					return err
				}
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
