package target

import (
	"fmt"
	"strconv"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

// years returns the parts of an each-year target evaluated as of asOf: an
// at-least target for every civil year from the start's year (or, without
// a start, the last year) to the year of the date judged, due at the year's
// end.
func (t Target) years(asOf time.Time) []Target {
	last := t.judgedAt(asOf).Year()
	first := last
	if !t.start.IsZero() {
		first = t.start.Year()
	}
	parts := make([]Target, 0, max(last-first+1, 0))
	for y := first; y <= last; y++ {
		name := lang.Name{Zh: strconv.Itoa(y) + "年", En: strconv.Itoa(y)}
		year := AtLeast(strconv.Itoa(y), name, t.indicator, t.required).
			From(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)).By(yearEnd(y)).In(t.scope)
		year.yearOf = true
		parts = append(parts, year)
	}
	return parts
}

func yearEnd(y int) time.Time { return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC) }

// evaluateEachYear evaluates every year of an each-year target as an
// at-least target over that year, then judges the whole on the years over
// by asOf ([EachYear]).
func (t Target) evaluateEachYear(l *outcome.Ledger, asOf time.Time, r Result, ind outcome.Indicator) (Result, error) {
	years := t.years(asOf)
	for _, y := range years {
		yr, err := y.evaluate(l, asOf)
		if err != nil {
			return Result{}, err
		}
		r.Parts = append(r.Parts, yr)
	}
	r.ind = ind
	t.combineYears(&r, asOf)
	end := t.judgedAt(asOf)
	t.noteRelated(l, r.PerUnit.Unit(), end, &r)
	if len(years) > 0 {
		t.noteStraddling(l, years[0].start, yearEnd(years[len(years)-1].start.Year()), end, &r)
	}
	return r, nil
}

// combineYears judges an each-year result from its parts, one a year: on
// the years over by asOf, or on the current year while none is over, as
// [Target.combineAll] judges the parts of an all-of target; without a pace,
// since a straight line from the start to the deadline says nothing of a
// yearly requirement.
func (t Target) combineYears(r *Result, asOf time.Time) {
	all := r.Parts
	judged := all
	for i, p := range all {
		if yearEnd(p.Deadline.Year()).After(asOf) {
			if i > 0 {
				judged = all[:i]
			}
			break
		}
	}
	perYear := r.Required
	if len(all) > 0 {
		perYear = all[0].Required // with the indicator's unit where n has none
	}
	w := Target{kind: KindAllOf, parts: make([]Target, len(judged))}
	if n := len(judged); n > 0 && !judged[n-1].Deadline.After(asOf) {
		// Every year judged is over: a year without a figure is no verdict.
		w.deadline = judged[n-1].Deadline
	}
	r.Parts = judged
	w.combineAll(r, asOf)
	r.Parts = all
	// The figures are as current as the newest year's, not the oldest: each
	// year is judged at its own end.
	r.DataAsOf = time.Time{}
	for _, p := range judged {
		if p.DataAsOf.After(r.DataAsOf) {
			r.DataAsOf = p.DataAsOf
		}
	}
	r.PerUnit, r.Units, r.Covered, r.Listed = perYear, len(judged), 0, true
	for _, p := range judged {
		if p.Status == Met {
			r.Covered++
		}
	}
}

// noteStraddling notes the records that lie across the years from first to
// last, within them and before end, but in no single year: a yearly figure
// printed as 「每年」 in an undated document cannot count for any one year.
func (t Target) noteStraddling(l *outcome.Ledger, first, last, end time.Time, r *Result) {
	span, err := period.Span(first, last)
	if err != nil {
		return
	}
	used, err := l.Used(t.indicator, t.scope, period.Through(end))
	if err != nil {
		return
	}
	for _, rec := range used {
		p := rec.Period
		if !p.Overlaps(span) || p.Start().Year() == p.End().Year() {
			continue
		}
		printed := ""
		if rec.Note != "" {
			printed = "; " + rec.Note
		}
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("未计入%s (%s%s): 记录期间跨越多个年度, 不能计入其中某一年", rec.Quantity.In(lang.Chinese), p.In(lang.Chinese), printed),
			En: fmt.Sprintf("not counted: %s (%s%s); the record spans more than one year and cannot count for any one of them",
				rec.Quantity.In(lang.English), p.In(lang.English), printed)})
	}
}

// mergeEachYear merges results of an each-year target over disjoint
// regions year by year, as [Target.Merge] merges at-least targets, and
// judges the whole again.
func (t Target) mergeEachYear(r Result, parts []Result) (Result, error) {
	years := t.years(r.AsOf)
	for i, y := range years {
		column := make([]Result, 0, len(parts))
		for _, p := range parts {
			if len(p.Parts) != len(years) {
				return Result{}, t.wrap("merge", p.ID, fmt.Errorf("a result with %d years, the target has %d as of %s",
					len(p.Parts), len(years), r.AsOf.Format(time.DateOnly)))
			}
			column = append(column, p.Parts[i])
		}
		m, err := y.Merge(column...)
		if err != nil {
			return Result{}, err
		}
		r.Parts = append(r.Parts, m)
	}
	for _, p := range parts {
		if p.ind.Aggregation != 0 {
			r.ind = p.ind
		}
	}
	t.combineYears(&r, r.AsOf)
	return r, nil
}
