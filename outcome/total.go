package outcome

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/internal/column"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Sum is an aggregate of one indicator over a region and a window.
type Sum struct {
	Value     decimal.Decimal    // 0 when no record counts
	Unit      quantity.Unit      // the indicator's unit
	Certainty quantity.Certainty // joined from the qualifiers of the records used
	Records   int                // how many records were used
	// Latest is the last day of the newest record used: how current the
	// figure is. A stock evaluated in 2016 may rest on a 2012 record. A
	// record across the window's edge dates the figure by its last day in
	// the window where that is later ([Sum.Across]), also when it is all
	// there is.
	Latest time.Time
	// LeftOut counts the flow records inside the window that were not
	// added because a coarser record that counts overlaps them: the
	// quarters of a year whose 全年合计 counts, the years within a
	// cumulative figure. 0 when no record overlaps another.
	LeftOut int
	// Across counts the flow records that reach across the window's edge
	// and were left out, a record not being split by days, on days in the
	// window no counted record of their region covers: the figure may lack
	// up to what they hold (their upper bounds: less than 30 for 20余,
	// none for 20以上), which [Sum.Bounds] adds to its upper bound; when no
	// record is counted they are all there is, [Sum.Has] is false, and the
	// figure is at least 0 and at most what they hold, unless they are all
	// undated (~2017/2019), which alone say nothing of any one window. A
	// county's 200 for 2018-12-01 to 2019-01-31 beside its 110 for
	// February to December gives 2019 at least 110 and at most 310.
	Across int
	// Uncovered counts the flow records left out that hold days in the
	// window no counted record covers: a county's 12 for 2019 beside its
	// province's own 100 for the first half, which stands, holds the
	// second half, as a region's own record of March to August beside its
	// counted first half holds July and August. The figure may lack up to
	// what they hold, which [Sum.Bounds] adds to its upper bound: the
	// province's 2019 is at least 100 and at most 112.
	Uncovered int
	// Passed lists the records passed over for their descendants': a
	// region's own stock figure older than the newest record among its
	// descendants, whose figures count instead (全国 2019年末 52个, passed
	// over for the counties' 2020 records), or its own flow records that
	// its descendants' records on the same days add up to more than (see
	// [Ledger.Total]). At most 100 are listed, by
	// region; PassedCount counts them all. Both are zero when nothing was
	// passed over.
	Passed      []Record
	PassedCount int
	qual        quantity.Qualifier // the qualifier of the one record used
	bound       boundBits          // joined from the qualifiers of the records used
	bounds      *quantity.Bounds   // of a sum of several records not all exact: the sum of their bounds
}

// Bounds returns the values the true sum may take, given the qualifiers of
// the records added: the sum of the records' bounds ([quantity.Quantity.Bounds]).
// 1000余 + 200 is more than 1200 and less than 2200; 4200 + 5100余 is less
// than 9400. A figure is never negative, so one bounded above only adds 0
// to the lower bound: 5000 + 近1000 is at least 5000 and less than 6000, and
// 300余 + 近200 + 120 more than 420 and less than 720. The sum has a lower
// bound when some record has one, and an upper bound when every record
// has one.
func (s Sum) Bounds() quantity.Bounds {
	switch {
	case s.bounds != nil:
		return *s.bounds
	case s.Records == 1:
		return s.Quantity().Bounds()
	}
	return s.bound.bounds(s.Value)
}

// Has reports whether any record was used.
func (s Sum) Has() bool { return s.Records > 0 }

// Quantity returns the sum as a quantity. A sum of one record keeps that
// record's qualifier (5000余名); a sum of several, or one with records
// across the window's edge ([Sum.Across]), states its bounds as
// [quantity.Bounds.Qualifier] does: 余 when it is more than its value (40 + 30余 is
// 70余), 以上 when at least it, 不到 when less than it, 约 when its records
// bound it both ways (300余 + 近200 is 约500).
func (s Sum) Quantity() quantity.Quantity {
	if s.Records == 1 && s.bounds == nil {
		return quantity.New(s.Value, s.Unit, s.qual)
	}
	return quantity.New(s.Value, s.Unit, s.Bounds().Qualifier(s.Value))
}

// Total returns the aggregate of indicator over region ("" for every root of
// the region set) within window.
//
// Flows add up within the window. For a [Flow] or [Entries] the records
// whose period lies within window add up; a record that straddles a window
// boundary is left out, since it cannot be split, and, where no counted
// record of its region covers its days in the window, raises the upper
// bound of the sum by its figure ([Sum.Across]).
//
// No day is counted twice. Where a region's records of a [Flow] inside the
// window overlap in time, the coarsest counts and finer ones fill only what
// no coarser one covers: taken longest first (of equal length, the earlier
// start first), a record counts when it overlaps no record counted before,
// and is left out otherwise, whether it lies wholly or partly within one
// counted; one left out that holds days no counted record holds raises
// the upper bound of the figure by its own ([Sum.Uncovered]). So an office's 全年合计 row is its own total: four quarters of
// 42, 51, 38 and 45 with a 合计 of 176 give 176 for 2019, not 352. A
// cumulative figure (2005-/2019) counts for a window it lies in, instead of
// the yearly figures it holds, never added to them; for a window of 2018 to
// 2019 alone, in which it does not lie, the years count. [Sum.LeftOut]
// counts the records left out; [Ledger.Discrepancies] reports finer records
// that disagree with the one that counts. [Entries] are events, not figures
// of a period: two equal rows are two events, and none is left out for
// overlapping another.
//
// The newest figure wins. For a [Stock] only window's end matters: a
// region's latest record ending on or before it is its own figure. That
// figure counts only when it is at least as recent (by its period's end) as
// the newest such record among the region's descendants; otherwise their
// figures, rolled up, count and the own one is passed over
// ([Sum.Passed]). The rule holds at every level: the nation's end-2019
// count of 52 poor counties gives way, as of 2020-12-31, to the counties'
// 2020 records; a province's 2012 total does not hide its counties' 2019
// records; a county whose own figure is newer than its villages' keeps it.
// On a tie the own figure counts, and [Ledger.Discrepancies] reports it if
// the descendants' figures add up to another.
//
// Roll-up: a region's figure is its own when it has one that counts, and
// otherwise the sum of its children's figures, recursively. A province's own
// figure is taken to include its counties'; they are never added to it.
// For a [Flow] that holds on the own records' days only: a descendant's
// record that overlaps none of them counts beside them (a province's 2018
// total and its counties' 2019 records), and one that overlaps them is left
// out, even where it also covers other days, since it cannot be split;
// unless the descendants' records that overlap them add up to more than the
// own records, which are then passed over ([Sum.Passed]) for the
// descendants' figures: the true figure is at least either reading, and the
// larger stands (a prefecture's 50 for the first half of 2019 gives way to
// its counties' 176 and 30 for the year).
func (l *Ledger) Total(indicator, region string, window period.Period) (Sum, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, lo, hi, err := l.query("total", indicator, region)
	if err != nil {
		return Sum{}, err
	}
	rs := l.regions.tree()
	a := s.Aggregate(rs, spanOf(window))
	defer a.Release()
	for {
		out := Sum{Unit: s.ind.Unit}
		acc := a.NewAccum()
		for u := lo; u < hi; u = rs.End[u] {
			n, b := a.Rollup(rs, u, &acc)
			out.Records += n
			out.bound |= boundBits(b)
		}
		out.Certainty = out.bound.certainty()
		if !acc.Overflow {
			out.Value = acc.Value()
			if n, latest := s.CountedSpan(a); out.Records > 1 && n == out.Records {
				// Every row counted is used: the newest is the newest counted.
				out.Latest = civil.Time(latest)
			} else if out.Records > 0 {
				latest := int32(civil.MinDay)
				s.UsedRows(rs, a, lo, hi, func(row int32) {
					latest = max(latest, s.Period.At(row).End)
					out.qual = quantity.Qualifier(column.LazyAt(s.Qual, row)) // kept when there is one record
				})
				out.Latest = civil.Time(latest)
				if out.Records > 1 {
					out.qual = 0
				}
			}
			if out.Records > 1 && out.bound != 0 {
				out.bounds = s.boundsOf(rs, a, lo, hi)
			}
			if s.Kind == colstore.Flow {
				s.across(rs, a, window, lo, hi, &out)
				s.uncovered(rs, a, lo, hi, &out)
			}
			s.evidence(l, a, lo, hi, &out)
			return out, nil
		}
		a.ToDecimal()
	}
}

// across counts the records reaching across window's edge that out left
// out, adds what they may hold to the upper bound of out's, and dates out
// by their last days in window where they are newer.
func (s *series) across(rs colstore.Tree, a *colstore.Aggregation, window period.Period, lo, hi int32, out *Sum) {
	var more lack
	w := spanOf(window)
	latest := int32(civil.MinDay)
	s.Straddling(rs, a, w, lo, hi, func(row int32) {
		p := s.Period.At(row)
		more.add(s.quantityAt(row), p)
		out.Across++
		if out.Records > 0 || period.Kind(p.Kind) != period.KindUndated {
			latest = max(latest, min(p.End, w.End)) // alone, an undated one dates nothing
		}
	})
	if out.Across == 0 || out.Records == 0 && !more.dated {
		// An undated figure (近三年, within 2017–2019) alone says nothing
		// of any one window: it bounds a figure beside it only.
		return
	}
	// The figure is known, within its bounds, to the last day in the
	// window of the records across its edge: a record to 2020-01-31
	// bounds 2019 to its end.
	if d := civil.Time(latest); d.After(out.Latest) {
		out.Latest = d
	}
	if out.Records == 0 {
		// They are all there is: no figure ([Sum.Has] is false), but one
		// of at most what they hold.
		b := more.bounds()
		out.bounds, out.Certainty = &b, quantity.LowerBound
		return
	}
	out.mayLack(more)
}

// uncovered counts the records left out that hold days no counted record
// covers ([Sum.Uncovered]) and adds what they may hold to the upper bound
// of out's.
func (s *series) uncovered(rs colstore.Tree, a *colstore.Aggregation, lo, hi int32, out *Sum) {
	var more lack
	a.UncoveredIn(rs, lo, hi, func(row int32) {
		more.add(s.quantityAt(row), s.Period.At(row))
		out.Uncovered++
	})
	if out.Uncovered > 0 && out.Records > 0 {
		out.mayLack(more)
	}
}

// lack adds up what records left out may hold: the upper bounds of their
// figures (近30 at most less than 30, 20余 less than 30), none when one of
// them has none (20以上, 约20).
type lack struct {
	hi        decimal.Decimal
	open      bool // some upper bound excludes itself
	unbounded bool // some figure has no upper bound
	dated     bool // some record is dated, not undated (~2017/2019)
}

func (l *lack) add(q quantity.Quantity, p colstore.Span) {
	l.dated = l.dated || period.Kind(p.Kind) != period.KindUndated
	b := q.Bounds()
	switch {
	case !b.HasHi:
		l.unbounded = true
	default:
		l.hi, l.open = l.hi.Add(b.Hi), l.open || b.HiOpen
	}
}

// bounds returns the values a figure of nothing counted beside them may
// take: at least 0, and at most what they hold.
func (l lack) bounds() quantity.Bounds {
	if l.unbounded {
		return quantity.Bounds{Lo: decimal.Zero, HasLo: true}
	}
	return quantity.Bounds{Lo: decimal.Zero, HasLo: true, Hi: l.hi, HasHi: true, HiOpen: l.open}
}

// widen returns b, the bounds of a figure counted, with what the records
// left out may hold added to its upper bound, or with none.
func (l lack) widen(b quantity.Bounds) quantity.Bounds {
	switch {
	case l.unbounded:
		b.Hi, b.HasHi, b.HiOpen = decimal.Decimal{}, false, false
	case b.HasHi:
		b.Hi, b.HiOpen = b.Hi.Add(l.hi), b.HiOpen || l.open
	}
	return b
}

// mayLack widens out's bounds for records left out that may hold more:
// the upper bound rises by what they hold, or goes, and the figure counted
// is a lower bound.
func (out *Sum) mayLack(more lack) {
	b := more.widen(out.Bounds())
	out.bounds = &b
	out.Certainty = out.Certainty.Join(quantity.LowerBound) // what was counted, the figure lacks what they hold at most
}

// boundsOf returns the sum of the bounds of the records used, as
// [Sum.Bounds] says. Only a sum with a qualified figure asks, so the
// records are read one by one.
func (s *series) boundsOf(rs colstore.Tree, a *colstore.Aggregation, lo, hi int32) *quantity.Bounds {
	sum := quantity.Bounds{HasHi: true}
	s.UsedRows(rs, a, lo, hi, func(row int32) {
		b := s.quantityAt(row).Bounds()
		if b.HasLo {
			sum.Lo, sum.HasLo, sum.LoOpen = sum.Lo.Add(b.Lo), true, sum.LoOpen || b.LoOpen
		}
		if sum.HasHi = sum.HasHi && b.HasHi; sum.HasHi {
			sum.Hi, sum.HiOpen = sum.Hi.Add(b.Hi), sum.HiOpen || b.HiOpen
		}
	})
	if !sum.HasHi {
		sum.Hi, sum.HiOpen = decimal.Decimal{}, false
	}
	return &sum
}

// Used returns the records [Ledger.Total] adds up for the same query,
// ordered by region and period: the evidence behind a figure.
func (l *Ledger) Used(indicator, region string, window period.Period) ([]Record, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	s, lo, hi, err := l.query("records", indicator, region)
	if err != nil {
		return nil, err
	}
	var out []Record
	a := s.Aggregate(l.regions.tree(), spanOf(window))
	defer a.Release()
	s.UsedRows(l.regions.tree(), a, lo, hi, func(row int32) {
		out = append(out, s.record(l, row))
	})
	slices.SortFunc(out, func(x, y Record) int { return cmpRecords(x, y) })
	return out, nil
}

// cmpRecords orders records by region, then period.
func cmpRecords(x, y Record) int {
	if c := strings.Compare(x.Region, y.Region); c != 0 {
		return c
	}
	return x.Period.Compare(y.Period)
}

// query finds the series of indicator and the positions lo to hi of region
// ("" for the whole set), or says why not: what names the question, for the
// error.
func (l *Ledger) query(what, indicator, region string) (s *series, lo, hi int32, err error) {
	if s, err = l.lookupSeries(indicator); err != nil {
		return nil, 0, 0, err
	}
	lo, hi, ok := l.regions.subtree(region)
	if !ok {
		return nil, 0, 0, fmt.Errorf("outcome: %s of %s in %s: %w", what, indicator, region, ErrUnknownRegion)
	}
	return s, lo, hi, nil
}

func (l *Ledger) lookupSeries(indicator string) (*series, error) {
	i, ok := l.byCode[indicator]
	if !ok {
		return nil, fmt.Errorf("outcome: indicator %q: %w", indicator, ErrUnknownIndicator)
	}
	return l.series[i].now(), nil // the current version of each figure
}

// evidence sets what out passed over and left out within the positions lo
// to hi.
func (s *series) evidence(l *Ledger, a *colstore.Aggregation, lo, hi int32, out *Sum) {
	rs := l.regions.tree()
	out.LeftOut = a.LeftOutIn(rs, lo, hi)
	if len(a.Passed) > 0 {
		var rows []int32
		rows, out.PassedCount = a.PassedIn(&s.Series, rs, lo, hi)
		for _, row := range rows {
			out.Passed = append(out.Passed, s.record(l, row))
		}
		slices.SortFunc(out.Passed, cmpRecords)
	}
}
