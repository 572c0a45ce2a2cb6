// Trend follows the national poverty-eradication targets year by year from
// 2012 to 2020: the rural poor population from the figures of the national
// seed (9899万 at the end of 2012, 551万 at the end of 2019) and the exits of
// the 832 poor counties from their list. It prints the series and writes
// them as an SVG line chart. The chart names fonts that cover Chinese on
// Windows, macOS and Linux; where none is installed its Chinese text shows
// as boxes (on Debian and Ubuntu: apt install fonts-noto-cjk).
//
//	go run ./examples/trend [-lang en] [-svg trend.svg]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/trend"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("trend", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tag := fs.String("lang", "zh", "output language: zh or en")
	svg := fs.String("svg", "trend.svg", "where to write the chart; empty for none")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	l, err := lang.Parse(*tag)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	ledger := national.Reported()
	if err := ledger.Add(national.Exits()...); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	p := national.PovertyEradication2020()
	series, err := trend.Evaluate(p, ledger, trend.YearEnds(2012, 2020), trend.Options{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := trend.WriteText(stdout, l, series...); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *svg != "" {
		f, err := os.Create(*svg)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		if err := trend.WriteSVG(f, l, p.Name.In(l), series...); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "\n%s\n", *svg)
	}
	return 0
}
