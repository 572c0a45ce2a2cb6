package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/store"
	"github.com/taizhang/taizhang/target"
)

// The national ledger of the project's scale benchmark (regions.csv and
// outcomes.csv: indicator,region,year,value) kept in a store. Its rows are
// events, two equal rows two assignments; the store keeps figures, one an
// indicator, region and year, so a year's rows are summed into its flow
// figure when they are imported. The four targets read the sums alike.
var nationalIndicators = []outcome.Indicator{
	{Code: "commissioner", Name: lang.Name{Zh: "科技特派员", En: "commissioners"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	{Code: "leader", Name: lang.Name{Zh: "创业致富带头人", En: "leaders"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	{Code: "training", Name: lang.Name{Zh: "培训", En: "training"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
	{Code: "star_space", Name: lang.Name{Zh: "星创天地", En: "star spaces"}, Unit: quantity.Establishment, Aggregation: outcome.Flow},
}

const nationalDepartment = "国家统计"

// importNational stores the regions of dir/regions.csv and the yearly
// figures of dir/outcomes.csv, one import a year.
func importNational(ctx context.Context, s *store.Store, dir string, log io.Writer) error {
	start := time.Now()
	rf, err := os.Open(filepath.Join(dir, "regions.csv"))
	if err != nil {
		return err
	}
	rs, err := outcome.ReadRegionSet(rf, "regions.csv")
	rf.Close()
	if err != nil {
		return err
	}
	if err := s.PutRegions(ctx, rs); err != nil {
		return err
	}
	if err := s.PutIndicators(ctx, nationalIndicators...); err != nil {
		return err
	}
	var codes []string
	for _, ind := range nationalIndicators {
		codes = append(codes, ind.Code)
	}
	if err := s.AddDepartment(ctx, store.Department{Name: nationalDepartment, Indicators: codes}); err != nil {
		return err
	}
	fmt.Fprintf(log, "regions: %d in %.2f s\n", rs.Len(), time.Since(start).Seconds())
	years, err := yearlyFigures(filepath.Join(dir, "outcomes.csv"))
	if err != nil {
		return err
	}
	total := 0
	for _, y := range years {
		t := time.Now()
		p := store.Provenance{Department: nationalDepartment, Reporter: "outcomes.csv", Reported: time.Date(y.year+1, 1, 10, 0, 0, 0, 0, time.UTC)}
		name := fmt.Sprintf("outcomes-%d.csv", y.year)
		n, err := s.Import(ctx, p, bytes.NewReader(y.file), name)
		if err != nil {
			return err
		}
		total += n
		fmt.Fprintf(log, "%s: %d figures in %.2f s\n", name, n, time.Since(t).Seconds())
	}
	fmt.Fprintf(log, "imported %d figures in %.2f s\n", total, time.Since(start).Seconds())
	return nil
}

// yearFile is a year's figures as a ledger file.
type yearFile struct {
	year int
	file []byte
}

// yearlyFigures sums the rows of the outcomes file by indicator, region
// and year, and writes each year's sums as a ledger file, in the order of
// the records' key.
func yearlyFigures(path string) ([]yearFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type key struct {
		indicator, region string
		year              int
	}
	sums := map[key]int64{}
	intern := map[string]string{}
	sc := bufio.NewScanner(bufio.NewReaderSize(f, 1<<20))
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue // the header
		}
		fields := strings.Split(sc.Text(), ",")
		if len(fields) != 4 {
			return nil, fmt.Errorf("%s:%d: %d fields, want indicator,region,year,value", path, line, len(fields))
		}
		year, err1 := strconv.Atoi(fields[2])
		value, err2 := strconv.ParseInt(fields[3], 10, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: year %q or value %q is no integer", path, line, fields[2], fields[3])
		}
		ind, ok := intern[fields[0]]
		if !ok {
			ind = strings.Clone(fields[0])
			intern[ind] = ind
		}
		sums[key{ind, strings.Clone(fields[1]), year}] += value
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.year, b.year), strings.Compare(a.indicator, b.indicator), strings.Compare(a.region, b.region))
	})
	var out []yearFile
	for _, k := range keys {
		if len(out) == 0 || out[len(out)-1].year != k.year {
			out = append(out, yearFile{year: k.year, file: []byte("indicator,region,period,value\n")})
		}
		y := &out[len(out)-1]
		y.file = fmt.Appendf(y.file, "%s,%s,%d,%d\n", k.indicator, k.region, k.year, sums[k])
	}
	return out, nil
}

// evaluateNational loads the store's ledger and evaluates the four targets
// of the scale benchmark as of the end of year, writing the answers in its
// format to outFile and the uncovered villages to listFile.
func evaluateNational(ctx context.Context, s *store.Store, year int, outFile, listFile string, log io.Writer) error {
	start := time.Now()
	ledger, err := s.Ledger(ctx, store.Query{})
	if err != nil {
		return err
	}
	loaded := time.Since(start)
	villages := target.AllAt(lang.Name{Zh: "村", En: "villages"}, outcome.Village, "")
	counties := target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "")
	p := program.Program{
		ID:         "scale/four-targets",
		Name:       lang.Name{Zh: "全国规模四项目标", En: "four targets at national scale"},
		Indicators: nationalIndicators,
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
	fmt.Fprintf(log, "loaded %d figures in %.2f s, evaluated in %.2f s\n", ledger.Len(), loaded.Seconds(), (time.Since(start) - loaded).Seconds())
	return w.Close()
}
