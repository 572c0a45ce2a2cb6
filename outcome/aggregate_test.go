package outcome_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// TestTotalAgreesWithReference checks Total, Used, Values and
// Discrepancies on random region trees and random overlapping records
// against refLedger, which applies the rules written on Ledger.Total in
// the plainest way: record by record, region by region.
func TestTotalAgreesWithReference(t *testing.T) {
	windows := []period.Period{period.Year(2018), period.Year(2019), period.MustParse("2018/2019"), period.MustParse("2015/2020"), period.MustParse("2019-01/2019-03"), period.MustParse("2019-03"), period.MustParse("2015-/2019"), period.Through(date(2019, 12, 31)), period.Through(date(2018, 6, 30)), period.Through(date(2020, 12, 31))}
	// Figures: plain integers (the fast path), some with a qualifier (the
	// general path), some beyond int64 (decimals from the start), and all
	// in int64 but not in their sums (decimals once a sum overflows).
	for _, figures := range []string{"plain", "qualified", "huge", "wide"} {
		for seed := range uint64(150) {
			t.Run(fmt.Sprintf("%s/%d", figures, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 13))
				regions := randomRegions(rng)
				l := emptyLedger(t, regions)
				records := randomRecords(rng, regions, figures)
				if err := l.Add(records...); err != nil {
					t.Fatal(err)
				}
				all, err := l.Regions().Select("", nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, ind := range []string{"training", "platforms"} {
					ref := newRefLedger(regions, records, ind)
					for _, w := range windows {
						ref.check(t, l, all, w, figures == "plain")
					}
				}
			})
		}
	}
}

// randomRegions makes up to two provinces, under a nation or not, with up
// to four counties each and up to four villages a county.
func randomRegions(rng *rand.Rand) []outcome.Region {
	var out []outcome.Region
	parent := ""
	if rng.IntN(2) == 0 {
		parent = "100000"
		out = append(out, outcome.Region{Code: parent, Name: lang.Name{Zh: "全国"}, Level: outcome.Nation})
	}
	for p := range 1 + rng.IntN(2) {
		prov := fmt.Sprintf("%d0000", 43+p)
		out = append(out, outcome.Region{Code: prov, Name: lang.Name{Zh: prov}, Level: outcome.Province, Parent: parent})
		for c := range rng.IntN(5) {
			county := fmt.Sprintf("%d31%02d", 43+p, 21+c)
			out = append(out, outcome.Region{Code: county, Name: lang.Name{Zh: county}, Level: outcome.County, Parent: prov})
			for v := range rng.IntN(5) {
				village := fmt.Sprintf("%s100%03d", county, 201+v)
				out = append(out, outcome.Region{Code: village, Name: lang.Name{Zh: village}, Level: outcome.Village, Parent: county})
			}
		}
	}
	return out
}

var (
	flowPeriods = []string{
		"2017", "2018", "2019", "2020",
		"2018-01-01/2018-03-31", "2018-04-01/2018-06-30", "2019-01-01/2019-03-31", "2019-04-01/2019-06-30",
		"2019-07-01/2019-09-30", "2019-10-01/2019-12-31",
		"2019-01", "2019-02", "2019-03", "2019-04", "2019-12", "2018-06",
		"2019-03-15", "2019-05-01", "2018-12-31",
		"2019-12-01/2020-01-31", "2018-07-01/2019-06-30", "2019-02-15/2019-04-15",
		"2015-/2019", "2017-/2018", "2019-/2019", "~2017/2020",
	}
	stockPeriods = []string{
		"2012", "2015", "2016", "2017", "2018", "2019", "2020",
		"2019-06", "2018-12", "2019-06-30", "2019-01-01/2019-12-31", "2015-/2019",
	}
)

// randomRecords gives each indicator a few records on random regions and
// periods, none twice on the same region and moment (a ledger refuses two
// figures of a stock for one day, or of a flow for the same days).
func randomRecords(rng *rand.Rand, regions []outcome.Region, figures string) []outcome.Record {
	var out []outcome.Record
	for _, ind := range []struct {
		code    string
		periods []string
		unit    string
	}{{"training", flowPeriods, "场"}, {"platforms", stockPeriods, "个"}} {
		seen := map[[2]string]bool{}
		for range len(regions) + rng.IntN(3*len(regions)) {
			region := regions[rng.IntN(len(regions))].Code
			per := ind.periods[rng.IntN(len(ind.periods))]
			key := [2]string{region, outcome.MomentKey(ind.code == "platforms", per)}
			if seen[key] {
				continue
			}
			seen[key] = true
			figure := fmt.Sprint(rng.IntN(60))
			switch {
			case figures == "qualified" && rng.IntN(4) == 0:
				figure += "余"
			case figures == "huge" && rng.IntN(3) == 0:
				figure = "5000000000000000000" // beyond the compact columns
			case figures == "wide":
				figure = "999999999999999999" // in them, but not in a sum of ten
			}
			out = append(out, ovRec(ind.code, region, per, figure+ind.unit))
		}
	}
	return out
}

// refLedger applies the rules of Ledger.Total to one indicator's records
// plainly.
type refLedger struct {
	stock    bool
	roots    []string
	children map[string][]string
	own      map[string][]outcome.Record // by region, in the order added
}

func newRefLedger(regions []outcome.Region, records []outcome.Record, ind string) *refLedger {
	r := &refLedger{stock: ind == "platforms", children: map[string][]string{}, own: map[string][]outcome.Record{}}
	for _, g := range regions {
		if g.Parent == "" {
			r.roots = append(r.roots, g.Code)
		} else {
			r.children[g.Parent] = append(r.children[g.Parent], g.Code)
		}
	}
	for _, rec := range records {
		if rec.Indicator == ind {
			r.own[rec.Region] = append(r.own[rec.Region], rec)
		}
	}
	slices.Sort(r.roots)
	for _, c := range r.children {
		slices.Sort(c)
	}
	return r
}

// refFigure is a region's figure by the reference.
type refFigure struct {
	value   decimal.Decimal
	used    []outcome.Record
	leftOut int
	passed  []outcome.Record
}

func (f *refFigure) add(g refFigure) {
	f.value = f.value.Add(g.value)
	f.used = append(f.used, g.used...)
	f.leftOut += g.leftOut
	f.passed = append(f.passed, g.passed...)
}

func length(p period.Period) time.Duration { return p.End().Sub(p.Start()) }

// takeFirst orders flow records as they are taken: longest first, then the
// earlier start, then by kind.
func takeFirst(x, y outcome.Record) int {
	return cmp.Or(cmp.Compare(length(y.Period), length(x.Period)), x.Period.Start().Compare(y.Period.Start()),
		cmp.Compare(x.Period.Kind(), y.Period.Kind()))
}

// greedy takes records in that order, each that overlaps none taken.
func greedy(records []outcome.Record) (taken []outcome.Record) {
	records = slices.Clone(records)
	slices.SortStableFunc(records, takeFirst)
	for _, r := range records {
		if !slices.ContainsFunc(taken, func(t outcome.Record) bool { return t.Period.Overlaps(r.Period) }) {
			taken = append(taken, r)
		}
	}
	return taken
}

func (r *refLedger) inside(region string, w period.Period) []outcome.Record {
	var in []outcome.Record
	for _, rec := range r.own[region] {
		if w.Covers(rec.Period) {
			in = append(in, rec)
		}
	}
	return in
}

// flow is a region's own records, and its descendants' on days they do
// not cover; or its descendants' alone, when those sharing days with its
// own add up to more than its own, which are then passed over; without
// records of its own, its children's.
func (r *refLedger) flow(region string, w period.Period) refFigure {
	in := r.inside(region, w)
	var below refFigure
	for _, c := range r.children[region] {
		below.add(r.flow(c, w))
	}
	taken := greedy(in)
	if len(taken) == 0 {
		return below
	}
	f := refFigure{used: taken, leftOut: len(in) - len(taken)}
	for _, t := range taken {
		f.value = f.value.Add(t.Quantity.Value())
	}
	own := f.value
	exact := !slices.ContainsFunc(taken, func(t outcome.Record) bool { return t.Quantity.Certainty() != quantity.Exact })
	var shared decimal.Decimal
	n := 0
	for _, d := range below.used {
		if !slices.ContainsFunc(taken, func(t outcome.Record) bool { return t.Period.Overlaps(d.Period) }) {
			f.used = append(f.used, d)
			f.value = f.value.Add(d.Quantity.Value())
		} else {
			shared, n = shared.Add(d.Quantity.Value()), n+1
			exact = exact && d.Quantity.Certainty() == quantity.Exact
		}
	}
	if n > 0 && exact && shared.GreaterThan(own) {
		below.passed = append(below.passed, taken...)
		below.leftOut += len(in) - len(taken)
		return below
	}
	return f
}

// latest returns a region's latest stock record ending by asOf: of two
// ending on the same day, the later starting, and of two alike, the one
// added last.
func (r *refLedger) latest(region string, asOf time.Time) (outcome.Record, bool) {
	var best outcome.Record
	ok := false
	for _, rec := range r.own[region] {
		p := rec.Period
		if p.End().After(asOf) {
			continue
		}
		if !ok || p.End().After(best.Period.End()) || p.End().Equal(best.Period.End()) && !p.Start().Before(best.Period.Start()) {
			best, ok = rec, true
		}
	}
	return best, ok
}

// newestBelow returns the end of the newest latest record among region's
// descendants.
func (r *refLedger) newestBelow(region string, asOf time.Time) (newest time.Time) {
	for _, c := range r.children[region] {
		if rec, ok := r.latest(c, asOf); ok && rec.Period.End().After(newest) {
			newest = rec.Period.End()
		}
		if n := r.newestBelow(c, asOf); n.After(newest) {
			newest = n
		}
	}
	return newest
}

func (r *refLedger) stockFigure(region string, asOf time.Time) refFigure {
	own, ok := r.latest(region, asOf)
	if ok && !own.Period.End().Before(r.newestBelow(region, asOf)) {
		return refFigure{value: own.Quantity.Value(), used: []outcome.Record{own}}
	}
	var f refFigure
	if ok {
		f.passed = []outcome.Record{own}
	}
	for _, c := range r.children[region] {
		f.add(r.stockFigure(c, asOf))
	}
	return f
}

func (r *refLedger) figure(region string, w period.Period) refFigure {
	if region == "" {
		var f refFigure
		for _, root := range r.roots {
			f.add(r.figure(root, w))
		}
		return f
	}
	if r.stock {
		return r.stockFigure(region, w.End())
	}
	return r.flow(region, w)
}

// acrossLatest returns the last day in w of the records across w's edge
// that the figure of region leaves out, a record not being split by days:
// of the regions a roll-up reaches, those not covered on their days in w by
// their region's counted records. Zero when there are none.
//
// With nothing counted, an undated record (~2017/2019) alone dates nothing:
// datedOnly leaves such records out.
func (r *refLedger) acrossLatest(region string, w period.Period, datedOnly bool) (latest time.Time) {
	if region == "" {
		for _, root := range r.roots {
			if l := r.acrossLatest(root, w, datedOnly); l.After(latest) {
				latest = l
			}
		}
		return latest
	}
	taken := greedy(r.inside(region, w))
	slices.SortFunc(taken, func(x, y outcome.Record) int { return x.Period.Start().Compare(y.Period.Start()) })
	for _, rec := range r.own[region] {
		p := rec.Period
		if !p.Overlaps(w) || w.Covers(p) || datedOnly && p.Kind() == period.KindUndated {
			continue
		}
		from, to := maxTime(p.Start(), w.Start()), minTime(p.End(), w.End())
		next := from // the first day in w not yet covered
		for _, t := range taken {
			if !t.Period.Start().After(next) && !t.Period.End().Before(next) {
				next = t.Period.End().AddDate(0, 0, 1)
			}
		}
		if !next.After(to) && to.After(latest) {
			latest = to
		}
	}
	if slices.ContainsFunc(r.flow(region, w).used, func(x outcome.Record) bool { return x.Region == region }) {
		return latest // its own records count: its descendants are not reached
	}
	for _, c := range r.children[region] {
		if l := r.acrossLatest(c, w, datedOnly); l.After(latest) {
			latest = l
		}
	}
	return latest
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// discrepancies lists, as ovShow writes them, the counted records that
// disagree with what is below them, for exact figures.
func (r *refLedger) discrepancies(region string, w period.Period) []string {
	var out []string
	regions := []string{region}
	if region == "" {
		regions = r.roots
	}
	for len(regions) > 0 {
		u := regions[0]
		regions = append(regions[1:], r.children[u]...)
		if r.stock {
			own, ok := r.latest(u, w.End())
			below := r.newestBelow(u, w.End())
			if !ok || below.IsZero() || !own.Period.End().Equal(below) {
				continue
			}
			var sum refFigure
			for _, c := range r.children[u] {
				sum.add(r.stockFigure(c, w.End()))
			}
			if !sum.value.Equal(own.Quantity.Value()) {
				out = append(out, ovShow([]outcome.Record{own})[0])
			}
			continue
		}
		in := r.inside(u, w)
		taken := greedy(in)
		for _, c := range taken {
			out = append(out, r.finer(c, in)...)
		}
		// Each own record held against its descendants' figures within
		// its days.
		var below refFigure
		for _, c := range r.children[u] {
			below.add(r.flow(c, w))
		}
		for _, t := range taken {
			var within decimal.Decimal
			n := 0
			for _, d := range below.used {
				if t.Period.Covers(d.Period) {
					within, n = within.Add(d.Quantity.Value()), n+1
				}
			}
			if n > 0 && within.GreaterThan(t.Quantity.Value()) {
				out = append(out, ovShow([]outcome.Record{t})[0])
			}
		}
	}
	slices.Sort(out)
	return out
}

func (r *refLedger) finer(c outcome.Record, in []outcome.Record) []string {
	var within []outcome.Record
	for _, rec := range in {
		if rec != c && c.Period.Covers(rec.Period) {
			within = append(within, rec)
		}
	}
	parts := greedy(within)
	if len(parts) == 0 {
		return nil
	}
	var out []string
	sum, days := decimal.Zero, time.Duration(0)
	for _, p := range parts {
		sum = sum.Add(p.Quantity.Value())
		days += length(p.Period) + 24*time.Hour
		out = append(out, r.finer(p, within)...)
	}
	whole := c.Quantity.Value()
	if sum.GreaterThan(whole) || days == length(c.Period)+24*time.Hour && sum.LessThan(whole) {
		out = append(out, ovShow([]outcome.Record{c})[0])
	}
	return out
}

func (r *refLedger) check(t *testing.T, l *outcome.Ledger, all outcome.Selection, w period.Period, exact bool) {
	t.Helper()
	ind := "training"
	if r.stock {
		ind = "platforms"
	}
	regions := []string{""}
	for g := range all.All() {
		regions = append(regions, g.Code)
	}
	for _, region := range regions {
		want := r.figure(region, w)
		got, err := l.Total(ind, region, w)
		if err != nil {
			t.Fatal(err)
		}
		var latest time.Time
		for _, u := range want.used {
			if u.Period.End().After(latest) {
				latest = u.Period.End()
			}
		}
		if a := r.acrossLatest(region, w, len(want.used) == 0); !r.stock && a.After(latest) {
			latest = a // a record across the window's edge dates the figure, or the bounds of none
		}
		if !got.Value.Equal(want.value) || got.Records != len(want.used) || got.LeftOut != want.leftOut ||
			got.PassedCount != len(want.passed) || !got.Latest.Equal(latest) {
			t.Errorf("Total(%s, %q, %v) = %v of %d records, %d left out, %d passed, latest %v; want %v of %d, %d, %d, %v",
				ind, region, w, got.Value, got.Records, got.LeftOut, got.PassedCount, got.Latest.Format(time.DateOnly),
				want.value, len(want.used), want.leftOut, len(want.passed), latest.Format(time.DateOnly))
		}
		wantPassed := ovShow(want.passed)
		slices.Sort(wantPassed)
		if diff := gocmp.Diff(wantPassed, ovShow(got.Passed)); diff != "" {
			t.Errorf("Total(%s, %q, %v).Passed mismatch (-want +got):\n%s", ind, region, w, diff)
		}
		used, err := l.Used(ind, region, w)
		if err != nil {
			t.Fatal(err)
		}
		wantUsed := ovShow(want.used)
		slices.Sort(wantUsed)
		gotUsed := ovShow(used)
		slices.Sort(gotUsed)
		if diff := gocmp.Diff(wantUsed, gotUsed); diff != "" {
			t.Errorf("Used(%s, %q, %v) mismatch (-want +got):\n%s", ind, region, w, diff)
		}
		if exact {
			ds, err := l.Discrepancies(ind, region, w)
			if err != nil {
				t.Fatal(err)
			}
			var gotD []string
			for _, d := range ds {
				gotD = append(gotD, ovShow([]outcome.Record{d.Counted})[0])
			}
			slices.Sort(gotD)
			if diff := gocmp.Diff(r.discrepancies(region, w), gotD); diff != "" {
				t.Errorf("Discrepancies(%s, %q, %v) mismatch (-want +got):\n%s", ind, region, w, diff)
			}
		}
	}
	v, err := l.Values(ind, all, w)
	if err != nil {
		t.Fatal(err)
	}
	var newest time.Time
	for i := range v.Len() {
		code := v.Region(i).Code
		want := r.figure(code, w)
		if !v.Value(i).Equal(want.value) || v.Records(i) != len(want.used) {
			t.Errorf("Values(%s, %v) of %s = %v of %d records, want %v of %d", ind, w, code, v.Value(i), v.Records(i), want.value, len(want.used))
		}
		for _, u := range want.used {
			if u.Period.End().After(newest) {
				newest = u.Period.End()
			}
		}
		if a := r.acrossLatest(code, w, len(want.used) == 0); !r.stock && a.After(newest) {
			newest = a // a record across the window's edge dates the figure, as in Total
		}
		if sum, err := l.Total(ind, code, w); err != nil || v.Across(i) != sum.Across || v.Uncovered(i) != sum.Uncovered ||
			sum.Has() && (v.Certainty(i) == quantity.Exact) != (sum.Certainty == quantity.Exact) {
			t.Errorf("Values(%s, %v) of %s: Across() = %d, Uncovered() = %d, %v; want Total's %d, %d, %v (%v)",
				ind, w, code, v.Across(i), v.Uncovered(i), v.Certainty(i), sum.Across, sum.Uncovered, sum.Certainty, err)
		}
	}
	if !v.Latest().Equal(newest) {
		t.Errorf("Values(%s, %v).Latest() = %v, want %v, the newest record behind a unit's figure", ind, w, v.Latest(), newest)
	}
	// The same over the leaves alone, whose figures are their own records.
	leaves, err := l.Regions().Select("", func(g outcome.Region) bool { return len(r.children[g.Code]) == 0 })
	if err != nil {
		t.Fatal(err)
	}
	v, err = l.Values(ind, leaves, w)
	if err != nil {
		t.Fatal(err)
	}
	newest = time.Time{}
	for g := range leaves.All() {
		used := r.figure(g.Code, w).used
		for _, u := range used {
			if u.Period.End().After(newest) {
				newest = u.Period.End()
			}
		}
		if a := r.acrossLatest(g.Code, w, len(used) == 0); !r.stock && a.After(newest) {
			newest = a
		}
	}
	if !v.Latest().Equal(newest) {
		t.Errorf("Values(%s, %v) of the leaves: Latest() = %v, want %v", ind, w, v.Latest(), newest)
	}
}

// emptyLedger returns a ledger of the overlap tests' indicators over regions.
func emptyLedger(t *testing.T, regions []outcome.Region) *outcome.Ledger {
	t.Helper()
	rs, err := outcome.NewRegionSet(regions)
	if err != nil {
		t.Fatal(err)
	}
	l, err := outcome.NewLedger(rs, ovIndicators...)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
