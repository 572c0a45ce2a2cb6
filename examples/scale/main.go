// Scale evaluates four targets over a national ledger read from
// regions.csv (code,name,level,parent) and outcomes.csv
// (indicator,region,year,value), the layout of the project's scale
// benchmark, and writes the answers:
//
//	a  every village has at least one sci-tech commissioner (coverage)
//	b  each village has 3—5 entrepreneurial leaders (per-unit range)
//	c  person-times of training in all
//	d  counties with at least one 星创天地 (coverage)
//
// Outcome rows are events (two equal rows are two assignments), so the
// indicators are entries. Everything here is the library's public API:
// outcome.ReadRegionSet, Ledger.ReadCSV (both on every CPU), a program of
// four targets, and the shortfall read without making a value per village
// (Gaps.Counts, Gaps.All).
//
//	go run ./examples/scale -dir DATA -asof 2019 -out results.txt -list uncovered.txt
//
// -cpuprofile writes a CPU profile for go tool pprof.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.Int("asof", 2019, "evaluate as of the end of this year")
	dir := fs.String("dir", ".", "folder holding regions.csv and outcomes.csv")
	out := fs.String("out", "results.txt", "where to write the answers")
	list := fs.String("list", "uncovered.txt", "where to write the uncovered villages, one code a line")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file (go tool pprof reads it)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	if err := evaluate(*dir, *asOf, *out, *list); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

var indicators = []outcome.Indicator{
	{Code: "commissioner", Name: lang.Name{Zh: "科技特派员", En: "commissioners"}, Unit: quantity.Person, Aggregation: outcome.Entries},
	{Code: "leader", Name: lang.Name{Zh: "创业致富带头人", En: "leaders"}, Unit: quantity.Person, Aggregation: outcome.Entries},
	{Code: "training", Name: lang.Name{Zh: "培训", En: "training"}, Unit: quantity.PersonTime, Aggregation: outcome.Entries},
	{Code: "star_space", Name: lang.Name{Zh: "星创天地", En: "star spaces"}, Unit: quantity.Establishment, Aggregation: outcome.Entries},
}

func evaluate(dir string, year int, outFile, listFile string) error {
	rf, err := os.Open(dir + "/regions.csv")
	if err != nil {
		return err
	}
	defer rf.Close()
	rs, err := outcome.ReadRegionSet(rf, "regions.csv")
	if err != nil {
		return err
	}
	ledger, err := outcome.NewLedger(rs, indicators...)
	if err != nil {
		return err
	}
	of, err := os.Open(dir + "/outcomes.csv")
	if err != nil {
		return err
	}
	defer of.Close()
	if err := ledger.ReadCSV(of, outcome.ReadOptions{Name: "outcomes.csv"}); err != nil {
		return err
	}

	villages := target.AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "")
	counties := target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "")
	p := program.Program{
		ID:         "scale/four-targets",
		Name:       lang.Name{Zh: "全国规模四项目标", En: "four targets at national scale"},
		Indicators: indicators,
		Targets: []target.Target{
			target.Coverage("a", lang.Name{En: "every village at least one commissioner"}, "commissioner", villages, quantity.Int(1, quantity.Person)),
			target.EachInRange("b", lang.Name{En: "3–5 leaders per village"}, "leader", villages, quantity.MustParse("3—5名")),
			target.Observe("c", lang.Name{En: "training person-times"}, "training"),
			target.Coverage("d", lang.Name{En: "counties with a star space"}, "star_space", counties, quantity.Int(1, quantity.Establishment)),
		},
	}
	report, err := p.Evaluate(ledger, time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	a, b, c, d := report.Results[0], report.Results[1], report.Results[2], report.Results[3]
	gaps := b.Shortfall.Counts()
	below, above := gaps.Below+gaps.NoRecord, gaps.Above // a village without a record has no leader
	w, err := os.Create(outFile)
	if err != nil {
		return err
	}
	defer w.Close()
	fmt.Fprintf(w, "asof %d\nvillages %d\na.covered %d\na.uncovered %d\nb.in_range_3_5 %d\nb.below_3 %d\nb.above_5 %d\nc.training_total %s\nd.counties_with_star %d\nd.counties %d\n",
		year, a.Units, a.Covered, a.Shortfall.Len(), b.Covered, below, above, c.Achieved.Value(), d.Covered, d.Units)
	lw, err := os.Create(listFile)
	if err != nil {
		return err
	}
	defer lw.Close()
	bw := bufio.NewWriterSize(lw, 1<<16)
	for g := range a.Shortfall.All() {
		bw.WriteString(g.Region.Code)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return w.Close()
}
