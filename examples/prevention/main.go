// Prevention screens the households of a Hunan county for poverty risk
// (精准防贫) and prints the households and persons in each class and the
// villages that still have absolutely poor households. The households are
// generated (village codes made up under the county's real townships), or
// read from a CSV file.
//
//	go run ./examples/prevention [-county 433122] [-per 200] [-lang en]
//	go run ./examples/prevention -file households.csv
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/prevention"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prevention", flag.ContinueOnError)
	fs.SetOutput(stderr)
	county := fs.String("county", "433122", "code of the Hunan county to screen (433122 is 泸溪县)")
	per := fs.Int("per", 200, "households generated in each village")
	file := fs.String("file", "", "read households from this CSV file instead of generating them")
	tag := fs.String("lang", "zh", "output language: zh or en")
	year := fs.Int("year", 2019, "the year screened, for the poverty line")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	l, err := lang.Parse(*tag)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	base := hunan.Regions()
	c, ok := base.Lookup(*county)
	if !ok || c.Level != outcome.County {
		fmt.Fprintf(stderr, "-county: %s is not a Hunan county\n", *county)
		return 2
	}
	// Village codes: made up under each township, or those the file names.
	var villages []string
	var households iter.Seq[prevention.Household]
	refused := 0 // households that could not be read or screened
	if *file == "" {
		for t := range base.Children(*county) {
			for i := range 12 {
				villages = append(villages, fmt.Sprintf("%s%03d", t.Code, 201+i))
			}
		}
		households = prevention.Generate(villages, *per, 20201123)
	} else {
		if villages, err = fileVillages(*file, *county, base); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		households = fromFile(*file, stderr, &refused)
	}
	regions := []outcome.Region{}
	for r := range base.All() {
		regions = append(regions, r)
	}
	for _, v := range villages {
		regions = append(regions, outcome.Region{Code: v, Name: lang.Name{Zh: v[9:] + "村", En: "village " + v[9:]}, Level: outcome.Village, Parent: v[:9]})
	}
	rs, err := outcome.NewRegionSet(regions)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	tally, err := prevention.Screening{Year: *year, Regions: rs}.Run(households)
	if err != nil {
		refused += printErrors(stderr, err)
	}

	names := map[prevention.Class]string{}
	for cl := prevention.NotAtRisk; cl <= prevention.Absolute; cl++ {
		names[cl] = cl.Name().In(l)
	}
	fmt.Fprintf(stdout, "%s %s, %d\n", c.Name.In(l), c.Code, *year)
	rows := [][]string{header[l&1][:]}
	for _, cl := range []prevention.Class{prevention.Absolute, prevention.Secondary, prevention.Latent, prevention.NotAtRisk} {
		h, p := tally.Total(cl)
		rows = append(rows, []string{names[cl], strconv.FormatInt(h, 10), strconv.FormatInt(p, 10)})
	}
	writeTable(stdout, rows)
	fmt.Fprintln(stdout)

	// The screening as ledger records, evaluated by the no-absolute-poverty program.
	ledger, err := outcome.NewLedger(rs, prevention.Indicators()...)
	if err == nil {
		err = ledger.Add(tally.Records(period.Year(*year), outcome.Cite("screening", fmt.Sprint(*year), ""))...)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	asOf := time.Date(*year, 12, 31, 0, 0, 0, 0, time.UTC)
	report, err := prevention.NoAbsolutePoverty(*county, time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)).Evaluate(ledger, asOf)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	report.WriteText(stdout, l)
	report.WriteShortfall(stdout, l, 10)
	if refused > 0 {
		// The counts leave out what could not be read or screened: the
		// report is of the rest, and the exit status says so.
		if l == lang.English {
			fmt.Fprintf(stderr, "%d households left out of the counts: see the errors above\n", refused)
		} else {
			fmt.Fprintf(stderr, "%d 户未计入: 见上面的错误\n", refused)
		}
		return 1
	}
	return 0
}

// fileVillages reads the village codes a household file names within
// county, under a township the region set knows, in a first streamed pass;
// the screening reports the households of any other village.
func fileVillages(name, county string, base *outcome.RegionSet) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	var out []string
	for h, err := range prevention.ReadCSV(f, name) {
		if err != nil {
			continue // reported in the second pass
		}
		if len(h.Village) == 12 && h.Village[:6] == county && base.Contains(h.Village[:9]) && !seen[h.Village] {
			seen[h.Village] = true
			out = append(out, h.Village)
		}
	}
	return out, nil
}

// fromFile streams the households of a file, printing the lines it cannot
// read and counting them in refused.
func fromFile(name string, stderr io.Writer, refused *int) iter.Seq[prevention.Household] {
	return func(yield func(prevention.Household) bool) {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return
		}
		defer f.Close()
		for h, err := range prevention.ReadCSV(f, name) {
			if err != nil {
				fmt.Fprintln(stderr, err)
				*refused++
				continue
			}
			if !yield(h) {
				return
			}
		}
	}
}

// printErrors prints each error of a joined error on a line of its own
// and returns how many there are.
func printErrors(w io.Writer, err error) int {
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) {
		for _, e := range joined.Unwrap() {
			fmt.Fprintln(w, e)
		}
		return len(joined.Unwrap())
	}
	fmt.Fprintln(w, err)
	return 1
}

// header names the columns of the table of classes.
var header = [...][3]string{lang.Chinese: {"风险类别", "户数", "人数"}, lang.English: {"class", "households", "persons"}}

// cells measures a cell by East Asian Width, characters of ambiguous width
// one column wide; the cells of this program have none.
var cells = &runewidth.Condition{StrictEmojiNeutral: true}

// writeTable writes rows as columns two spaces apart: the first column
// aligned left, the figures right, each padded by the width a terminal
// gives the text (a Chinese character takes two columns).
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cells.StringWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-cells.StringWidth(c))
			if i == 0 {
				b.WriteString("  " + c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
