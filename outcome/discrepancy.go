package outcome

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/column"
	"github.com/taizhang/taizhang/internal/enum"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// DiscrepancyKind says how records disagree.
type DiscrepancyKind uint8

const (
	// FinerExceed: finer flow records within one that counts add up to
	// more than it.
	FinerExceed DiscrepancyKind = 1 + iota
	// FinerFallShort: finer flow records cover every day of one that
	// counts and add up to less than it.
	FinerFallShort
	// DescendantsDiffer: a region's own stock figure and its descendants'
	// figures of the same date, rolled up, differ.
	DescendantsDiffer
	// DescendantsExceed: a region's own flow record is less than its
	// descendants' records within its days, rolled up: a province's 100
	// sessions in 2018 beside its counties' 176 and 30 in 2018. Where its
	// descendants' figures on its days add up to more than its own, theirs
	// count and its own is passed over ([Sum.Passed]).
	DescendantsExceed
)

var discrepancyNames = [...]lang.Name{
	FinerExceed:       {Zh: "细项之和大于所含合计", En: "finer records exceed"},
	FinerFallShort:    {Zh: "细项覆盖全期而其和小于合计", En: "finer records fall short"},
	DescendantsDiffer: {Zh: "同日下级汇总与本级不符", En: "descendants differ"},
	DescendantsExceed: {Zh: "下级汇总大于本级", En: "descendants exceed"},
}

// Name returns the bilingual name of the kind.
func (k DiscrepancyKind) Name() lang.Name {
	if k != 0 && int(k) < len(discrepancyNames) {
		return discrepancyNames[k]
	}
	return lang.Name{}
}

// String returns the Chinese name of the kind.
func (k DiscrepancyKind) String() string {
	return enum.Label(k.Name(), lang.Chinese, "DiscrepancyKind", int(k))
}

// Discrepancy is a disagreement among records of one indicator that
// [Ledger.Total] settles by a rule, so that its figure does not show it:
// the record that counts, and the records it disagrees with. The zero
// value is no discrepancy.
type Discrepancy struct {
	Kind DiscrepancyKind
	// Counted is the record that counts: the coarser flow record, or the
	// region's own stock figure; for [DescendantsExceed], the region's own
	// flow record, which counts only where its descendants' figures on its
	// days add up to no more ([Sum.Passed] lists it otherwise).
	Counted Record
	// Detail holds the records it disagrees with, by region and period:
	// for a flow, the finer records within it that would count for its
	// period alone; for a stock, the descendants' records that a roll-up
	// of them uses. At most 100 are listed; Sum.Records counts them all.
	// For [DescendantsExceed] it is empty ([Ledger.Used] lists them).
	Detail []Record
	// Sum is what the detail adds up to.
	Sum Sum
}

// String describes the disagreement in Chinese, as [Discrepancy.In] does.
func (d Discrepancy) String() string { return d.In(lang.Chinese) }

// discrepancyPhrases say, for each kind, what disagrees with the record
// that counts: the number of records and their sum fill them in.
var discrepancyPhrases = [...]lang.Name{
	FinerExceed:       {Zh: "其内 %d 条更细的记录合计更多：%s", En: "%d finer records within it add up to more: %s"},
	FinerFallShort:    {Zh: "覆盖其全期的 %d 条更细的记录合计更少：%s", En: "%d finer records cover it and add up to less: %s"},
	DescendantsDiffer: {Zh: "下级同日的 %d 条记录合计为 %s", En: "%d records of its descendants of the same date add up to %s"},
	DescendantsExceed: {Zh: "下级在其期内的 %d 条记录合计更多：%s", En: "%d records of its descendants within its days add up to more: %s"},
}

// In describes the disagreement in lang: the record that counts, then what
// disagrees with it.
func (d Discrepancy) In(in lang.Lang) string {
	c := d.Counted
	head := fmt.Sprintf("%s %s %s：%s 计入，但", c.Indicator, c.Region, c.Period.In(in), c.Quantity.In(in))
	switch {
	case d.Kind == DescendantsExceed && in == lang.English:
		// Its own record may be passed over for its descendants': not
		// said to count.
		head = fmt.Sprintf("%s in %s, %s: its own %s, but ", c.Indicator, c.Region, c.Period.In(in), c.Quantity.In(in))
	case d.Kind == DescendantsExceed:
		head = fmt.Sprintf("%s %s %s：本级 %s，但", c.Indicator, c.Region, c.Period.In(in), c.Quantity.In(in))
	case in == lang.English:
		head = fmt.Sprintf("%s in %s, %s: %s counts, but ", c.Indicator, c.Region, c.Period.In(in), c.Quantity.In(in))
	}
	if d.Kind == 0 || int(d.Kind) >= len(discrepancyPhrases) {
		return head + d.Kind.String()
	}
	phrase := discrepancyPhrases[d.Kind].In(in)
	if in == lang.English && d.Sum.Records == 1 {
		phrase = strings.NewReplacer("records", "record", " cover ", " covers ", " add up to", " comes to").Replace(phrase)
	}
	return head + fmt.Sprintf(phrase, d.Sum.Records, d.Sum.Quantity().In(in))
}

// Discrepancies returns the disagreements among the records of indicator
// within region ("" for the whole set) that [Ledger.Total] settles over
// window by its rules, ordered by region and period. Every region within
// region is looked at, also those whose figures a roll-up to region does
// not use. Figures disagree when their qualifiers allow no value in
// common: 176 and 177 disagree, 170余 and 176 do not.
//
// For a [Flow]: where finer records lie within a record that counts, and
// either add up to more than it ([FinerExceed]) or cover every one of its
// days and add up to less ([FinerFallShort]). The finer records are those
// that would count over the counted record's period alone, so quarters are
// held against their 全年合计, and months, in turn, against their quarter.
// Quarters of 42, 51, 38 and 46 beside a 合计 of 176 are reported: the
// total is 176.
//
// For a [Flow] across levels: where a region's own record is less than its
// descendants' records within its days, rolled up ([DescendantsExceed]): a
// province's 100 for 2018 beside its counties' 176 and 30 for 2018. Which
// counts is [Ledger.Total]'s rule (the larger reading); descendants that
// add up to less may have reported in part, and are not a disagreement,
// nor are descendants' records that reach beyond its days (a county's year
// beside its province's first half).
//
// For a [Stock], as of window's end: where a region's own figure is of the
// same date as the newest record among its descendants, so that it counts,
// and their figures, rolled up, differ from it ([DescendantsDiffer]). A
// province's own 10 beside its counties' 4 and 5, all of 2019, is
// reported: the province's 10 counts.
//
// [Entries] are events and never disagree: the result is empty.
func (l *Ledger) Discrepancies(indicator, region string, window period.Period) ([]Discrepancy, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, lo, hi, err := l.query("discrepancies", indicator, region)
	if err != nil {
		return nil, err
	}
	var out []Discrepancy
	switch s.ind.Aggregation {
	case Flow:
		out = s.flowDiscrepancies(l, window, lo, hi)
		out = append(out, s.levelDiscrepancies(l, window, lo, hi)...)
	case Stock:
		out = s.stockDiscrepancies(l, window, lo, hi)
	}
	slices.SortStableFunc(out, func(x, y Discrepancy) int { return cmpRecords(x.Counted, y.Counted) })
	return out, nil
}

func (s *series) flowDiscrepancies(l *Ledger, window period.Period, lo, hi int32) []Discrepancy {
	in := s.Period.Inside(spanOf(window))
	rank := colstore.Contested(s.Period.Table, in)
	if rank == nil {
		return nil // no record inside the window overlaps another
	}
	var rows []int32
	for row := range int32(len(s.Region)) {
		if r := s.Region[row]; r >= lo && r < hi && rank[s.Period.ID(row)] >= 0 {
			rows = append(rows, row)
		}
	}
	slices.SortFunc(rows, func(a, b int32) int {
		return cmp.Or(cmp.Compare(s.Region[a], s.Region[b]), cmp.Compare(rank[s.Period.ID(a)], rank[s.Period.ID(b)]))
	})
	var out []Discrepancy
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && s.Region[rows[j]] == s.Region[rows[i]] {
			j++
		}
		group := rows[i:j]
		for _, c := range s.Disjoint(group, nil) {
			out = s.checkFiner(l, c, s.within(group, c), out)
		}
		i = j
	}
	return out
}

// levelDiscrepancies holds each region's own counted flow records against
// its descendants' figures within their days.
func (s *series) levelDiscrepancies(l *Ledger, window period.Period, lo, hi int32) []Discrepancy {
	rs := l.regions.tree()
	a := s.Aggregate(rs, spanOf(window))
	defer a.Release()
	// The own rows of regions with descendants, in the plan: counted, or
	// passed over for their descendants'.
	var owners []int32
	own := map[int32][]int32{} // the plan's rows by region, from lo to hi
	s.Each(&a.Plan, func(row int32) {
		if u := s.Region[row]; u >= lo && u < hi {
			if own[u] == nil && rs.End[u] > u+1 {
				owners = append(owners, u)
			}
			own[u] = append(own[u], row)
		}
	})
	slices.Sort(owners)
	var out []Discrepancy
	for _, u := range owners {
		below := a.RowsBelow(rs, u, own) // the descendants' rows their roll-ups use
		if len(below) == 0 {
			continue
		}
		for _, row := range own[u] {
			p := periodOf(s.Period.At(row))
			sum := Sum{Unit: s.ind.Unit}
			for _, d := range below {
				if p.Covers(periodOf(s.Period.At(d))) {
					sum.Value, sum.Records = sum.Value.Add(s.ValueAt(d)), sum.Records+1
					sum.bound |= boundBits(s.Bound(d))
				}
			}
			if sum.Records == 0 {
				continue
			}
			sum.Certainty = sum.bound.certainty()
			counted := s.record(l, row)
			if allAbove(sum.bound.bounds(sum.Value), counted.Quantity.Bounds()) {
				out = append(out, Discrepancy{Kind: DescendantsExceed, Counted: counted, Sum: sum})
			}
		}
	}
	return out
}

// within returns the rows of group, in their order, whose periods lie
// within row's, row aside.
func (s *series) within(group []int32, row int32) []int32 {
	p := s.Period.At(row)
	var out []int32
	for _, r := range group {
		if r != row && p.Covers(s.Period.At(r)) {
			out = append(out, r)
		}
	}
	return out
}

// checkFiner holds the row c against the finer rows within it, in rank
// order, and each of those that count for c's period against the rows
// within it in turn; it appends what disagrees to out.
func (s *series) checkFiner(l *Ledger, c int32, finer []int32, out []Discrepancy) []Discrepancy {
	if len(finer) == 0 {
		return out
	}
	parts := s.Disjoint(finer, nil)
	sum, detail := s.sumOf(l, parts)
	days := int64(0)
	for _, row := range parts {
		p := s.Period.At(row)
		days += int64(p.End-p.Start) + 1
	}
	p := s.Period.At(c)
	own := s.record(l, c)
	var kind DiscrepancyKind
	switch whole, fine := own.Quantity.Bounds(), sum.Bounds(); {
	case allAbove(fine, whole):
		kind = FinerExceed
	case days == int64(p.End-p.Start)+1 && allAbove(whole, fine):
		kind = FinerFallShort
	}
	if kind != 0 {
		out = append(out, Discrepancy{Kind: kind, Counted: own, Detail: detail, Sum: sum})
	}
	for _, d := range parts {
		out = s.checkFiner(l, d, s.within(finer, d), out)
	}
	return out
}

func (s *series) stockDiscrepancies(l *Ledger, window period.Period, lo, hi int32) []Discrepancy {
	rs := l.regions.tree()
	a := s.Aggregate(rs, spanOf(window))
	defer a.Release()
	if a.Newest == nil {
		return nil // no region with a figure has descendants with one
	}
	var out []Discrepancy
	var rows []int32
	for u := lo; u < hi; u++ {
		b := a.Best[u]
		if b == 0 || a.Newest[u] != s.Period.At(b-1).End {
			continue
		}
		rows = rows[:0]
		for i := u + 1; i < rs.End[u]; {
			if a.Cells[i].Count > 0 {
				rows = append(rows, a.Best[i]-1)
				i = rs.End[i]
				continue
			}
			i++
		}
		sum, detail := s.sumOf(l, rows)
		own := s.record(l, b-1)
		if ob, db := own.Quantity.Bounds(), sum.Bounds(); allAbove(ob, db) || allAbove(db, ob) {
			out = append(out, Discrepancy{Kind: DescendantsDiffer, Counted: own, Detail: detail, Sum: sum})
		}
	}
	return out
}

// sumOf adds up rows as [Ledger.Total] would, and lists the first
// colstore.MaxListed of them as records, by region and period.
func (s *series) sumOf(l *Ledger, rows []int32) (Sum, []Record) {
	sum := Sum{Unit: s.ind.Unit, Records: len(rows)}
	latest := int32(civil.MinDay)
	var detail []Record
	for _, row := range rows {
		sum.Value = sum.Value.Add(s.ValueAt(row))
		sum.bound |= boundBits(s.Bound(row))
		latest = max(latest, s.Period.At(row).End)
		if len(detail) < colstore.MaxListed {
			detail = append(detail, s.record(l, row))
		}
	}
	if len(rows) == 1 {
		sum.qual = quantity.Qualifier(column.LazyAt(s.Qual, rows[0]))
	}
	sum.Certainty = sum.bound.certainty()
	if len(rows) > 0 {
		sum.Latest = civil.Time(latest)
	}
	slices.SortFunc(detail, cmpRecords)
	return sum, detail
}

// allAbove reports whether every value a allows is above every value b
// allows.
func allAbove(a, b quantity.Bounds) bool {
	if !a.HasLo || !b.HasHi {
		return false
	}
	switch c := a.Lo.Cmp(b.Hi); {
	case c > 0:
		return true
	case c == 0:
		return a.LoOpen || b.HiOpen
	}
	return false
}
