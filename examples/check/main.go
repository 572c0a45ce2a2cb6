// Check runs the shipped consistency rules over ledger files, or with no
// file over the outcomes the seed documents report, prints every outcome,
// and exits 1 when a rule of severity error is violated.
//
//	go run ./examples/check [-lang en]
//	go run ./examples/check -catalogue hunan FILE...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/rule"
	"github.com/taizhang/taizhang/xlsx"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type catalogue struct {
	rules    rule.Set
	reported func() *outcome.Ledger
	empty    func() (*outcome.Ledger, error)
}

var catalogues = map[string]catalogue{
	"hunan": {hunan.Rules(), hunan.Reported, func() (*outcome.Ledger, error) {
		return outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	}},
	"national": {national.Rules(), func() *outcome.Ledger {
		l := national.Reported()
		if err := l.Add(national.Exits()...); err != nil {
			panic(err) // the built-in list is tested
		}
		return l
	}, func() (*outcome.Ledger, error) {
		return outcome.NewLedger(national.Regions(), national.Indicators()...)
	}},
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("catalogue", "", "hunan or national: the catalogue whose rules check the files (default: both, on the reported outcomes)")
	lang := fs.String("lang", "zh", "output language: zh or en")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	l, err := outcome.ParseLang(*lang)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	names := []string{"hunan", "national"}
	if *name != "" {
		if _, ok := catalogues[*name]; !ok {
			fmt.Fprintf(stderr, "-catalogue: %q: want hunan or national\n", *name)
			return 2
		}
		names = []string{*name}
	} else if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "-catalogue: say which catalogue the files belong to")
		return 2
	}
	failed := false
	for _, n := range names {
		c := catalogues[n]
		ledger := c.reported()
		if fs.NArg() > 0 {
			if ledger, err = c.empty(); err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			for _, file := range fs.Args() {
				if err := xlsx.ReadFile(ledger, file, outcome.ReadOptions{AllErrors: true}); err != nil {
					fmt.Fprintln(stderr, err)
					return 1
				}
			}
		}
		outcomes, err := c.rules.Check(ledger)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", c.rules.Name.In(l))
		for _, o := range outcomes {
			printOutcome(stdout, o, l)
			if o.Violated() && o.Rule.Severity == rule.Critical {
				failed = true
			}
		}
		fmt.Fprintln(stdout)
	}
	if failed {
		return 1
	}
	return 0
}

func printOutcome(w io.Writer, o rule.Outcome, lang outcome.Lang) {
	if o.Skipped {
		// The values of a skipped rule are sums short of a term: not figures
		// to show.
		fmt.Fprintf(w, "– %-4s %-8s %s: %s\n", o.Rule.ID, o.Rule.Severity.Name().In(lang), o.Rule.Name.In(lang), noData.In(lang))
		return
	}
	verdict := map[bool]string{true: "✔", false: "✘"}[o.Holds]
	if len(o.Rule.Agree) > 0 {
		fmt.Fprintf(w, "%s %-4s %-8s %s: %s\n", verdict, o.Rule.ID, o.Rule.Severity.Name().In(lang), o.Rule.Name.In(lang),
			countOf(len(o.Discrepancies), lang))
		for _, d := range o.Discrepancies {
			fmt.Fprintf(w, "      %s\n", d.In(lang))
		}
		return
	}
	fmt.Fprintf(w, "%s %-4s %-8s %s: %s %s %s\n", verdict, o.Rule.ID, o.Rule.Severity.Name().In(lang), o.Rule.Name.In(lang), o.Left.Value, o.Rule.Op, o.Right.Value)
	if !o.Violated() {
		return
	}
	for _, side := range []struct {
		label string
		s     rule.Side
	}{{"left", o.Left}, {"right", o.Right}} {
		for _, r := range side.s.Records {
			src := ""
			if !r.Source.IsZero() {
				src = " (" + r.Source.String() + ")"
			}
			fmt.Fprintf(w, "      %s: %s %s %s %s%s\n", side.label, r.Indicator, r.Region, r.Period, r.Quantity.In(lang), src)
		}
	}
}

// countOf counts the disagreements an agreement rule found.
func countOf(n int, lang outcome.Lang) string {
	if lang == outcome.Chinese {
		return fmt.Sprintf("%d 处不一致", n)
	}
	if n == 1 {
		return "1 disagreement"
	}
	return fmt.Sprintf("%d disagreements", n)
}

// noData says a rule was skipped.
var noData = outcome.Name{Zh: "无数据, 未检查", En: "no data, not checked"}
