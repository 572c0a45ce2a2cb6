// Package trend evaluates a program at a series of dates and follows each
// target's progress over time: expected progress (linear between start and
// deadline, or through milestones), pace, and a projection of when the
// target will be met at the pace of its recorded outcomes. A series renders
// as a text table ([WriteText]) and as an SVG line chart with the target
// line ([WriteSVG]).
//
// # Fonts
//
// The chart's text is Chinese or English, set in the first font of
// [FontFamily] the viewer has: the stack names a CJK font that comes with
// Windows, macOS and the common Linux desktops. A machine without any shows
// Chinese text as boxes; install one (on Debian and Ubuntu fonts-noto-cjk,
// on Fedora google-noto-sans-cjk-fonts, on Alpine font-noto-cjk) or view
// the chart in a browser on a machine that has one.
package trend

import (
	"errors"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/target"
)

// Milestone is the progress expected by a date: a yearly sub-target, as a
// ratio (1 is 100%).
type Milestone struct {
	Date     time.Time
	Progress decimal.Decimal
}

// Point is a target's evaluation at one date.
type Point struct {
	Result   target.Result
	Expected decimal.Decimal // expected progress at the date; meaningful when HasExpected
	// HasExpected is false when the target has neither milestones nor a
	// start and a deadline.
	HasExpected bool
	Pace        target.Pace
}

// Projection says when a target will be met at the pace of its recorded
// outcomes. It is never earlier than the last date at which the target was
// evaluated and found unmet.
type Projection struct {
	// Reachable is false when progress is not rising ("not at the current
	// pace"), or there are fewer than two distinct figures to draw a trend.
	Reachable bool
	Date      time.Time       // the projected date, when Reachable and not yet met
	Met       bool            // already met at the last point
	PerYear   decimal.Decimal // progress gained per 365 days, from the trend
	From, To  time.Time       // the dates of the figures the trend is drawn between
	// Since is the date the remaining progress is counted from: To, or a
	// later date at which the target was evaluated unmet on To's figure.
	Since time.Time
}

// Series is one target's points in date order, with its milestones and
// projection.
type Series struct {
	ID         string
	Name       lang.Name
	Kind       target.Kind
	Start      time.Time
	Deadline   time.Time
	Milestones []Milestone
	Points     []Point
	Projection Projection
}

// Options sets milestones per target id. The zero value uses linear
// expected progress for every target.
type Options struct {
	Milestones map[string][]Milestone
}

// ErrDates reports an empty or unordered list of dates.
var ErrDates = errors.New("trend: dates must be given in increasing order")

// YearEnds returns December 31 of each year from first to last.
func YearEnds(first, last int) []time.Time {
	var out []time.Time
	for y := first; y <= last; y++ {
		out = append(out, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// Evaluate evaluates p against l at every date and returns a series per
// target, in the program's order.
func Evaluate(p program.Program, l *outcome.Ledger, dates []time.Time, opts Options) ([]Series, error) {
	if len(dates) == 0 || !slices.IsSortedFunc(dates, time.Time.Compare) {
		return nil, ErrDates
	}
	var series []Series
	for i, asOf := range dates {
		r, err := p.Evaluate(l, asOf)
		if err != nil {
			return nil, err
		}
		for j, res := range r.Results {
			if i == 0 {
				tg := p.Targets[j]
				start, deadline := tg.Start(), tg.Deadline()
				if start.IsZero() {
					start = p.Start
				}
				if deadline.IsZero() {
					deadline = p.Deadline
				}
				ms := slices.Clone(opts.Milestones[res.ID])
				slices.SortFunc(ms, func(a, b Milestone) int { return a.Date.Compare(b.Date) })
				series = append(series, Series{ID: res.ID, Name: res.Name, Kind: res.Kind, Start: start, Deadline: deadline, Milestones: ms})
			}
			s := &series[j]
			pt := Point{Result: res}
			pt.Expected, pt.HasExpected = s.expected(asOf)
			switch res.Status {
			case target.InProgress, target.Met, target.Missed, target.Exceeded:
				// A pace needs a verdict on a current figure: not without data,
				// before the start, on an undecided or stale figure, or past
				// the deadline without one.
				if pt.HasExpected && !res.Stale {
					pt.Pace = paceOf(res.Progress, pt.Expected)
				}
			}
			s.Points = append(s.Points, pt)
		}
	}
	for i := range series {
		series[i].Projection = series[i].project()
	}
	return series, nil
}

// expected returns the progress expected at t: through the milestones when
// there are any (linear between them, from 0 at the start; the last
// milestone's value after it), else linear from 0 at the start to 1 at the
// deadline, clamped to [0, 1].
func (s Series) expected(t time.Time) (decimal.Decimal, bool) {
	one := decimal.NewFromInt(1)
	points := s.Milestones
	if len(points) == 0 {
		if s.Start.IsZero() || s.Deadline.IsZero() {
			return decimal.Decimal{}, false
		}
		points = []Milestone{{s.Deadline, one}}
	}
	prev := Milestone{s.Start, decimal.Zero}
	if s.Start.IsZero() {
		prev = points[0]
	}
	for _, m := range points {
		if !t.After(m.Date) {
			if !t.After(prev.Date) {
				return prev.Progress, true
			}
			span := decimal.NewFromInt(days(prev.Date, m.Date))
			done := decimal.NewFromInt(days(prev.Date, t))
			return prev.Progress.Add(m.Progress.Sub(prev.Progress).Mul(done).DivRound(span, target.ProgressPlaces)), true
		}
		prev = m
	}
	return prev.Progress, true
}

func paceOf(progress, expected decimal.Decimal) target.Pace {
	switch progress.Cmp(expected) {
	case 1:
		return target.Ahead
	case 0:
		return target.OnTrack
	}
	return target.Behind
}

func days(from, to time.Time) int64 { return int64(to.Sub(from).Hours() / 24) }

// project draws the trend between the first point with data and the last
// point whose figure changed, and extends it to 100%. The rate and the
// remaining days are exact decimals rounded to target.ProgressPlaces; the
// date is rounded up to a whole day.
//
// The remaining days are counted from the last point at which a current
// figure showed the target unmet, when that is later than the last change:
// the same figure recorded again at a later date. Counting them from the
// first date of that figure could project a date the series itself has
// passed unmet. A point whose figure is stale (carried forward from an
// earlier date, or no figure at the deadline) shows nothing about the time
// since: no data is not zero progress, so it does not push the projection
// on; the national rural poor, 551万 at the end of 2019 and no figure at
// the end of 2020, would be met around 2020-05 at the pace of the figures.
func (s Series) project() Projection {
	var first, last *Point
	for i := range s.Points {
		p := &s.Points[i]
		switch p.Result.Status {
		case target.NoData, target.Recorded, target.NotStarted:
			continue // no figure: a point before the start counts nothing
		}
		if first == nil {
			first, last = p, p
			continue
		}
		if !p.Result.Achieved.Equal(last.Result.Achieved) {
			last = p
		}
	}
	if first == nil {
		return Projection{}
	}
	final := s.Points[len(s.Points)-1].Result
	from, to := figureDate(first.Result), figureDate(last.Result)
	if final.Status == target.Met {
		return Projection{Reachable: true, Met: true, From: from, To: to}
	}
	// The pace is measured between the dates of the figures, not the dates
	// they were evaluated at: a first point as of 2017 that rests on a 2012
	// figure does not make five years' progress look like two.
	pr := Projection{From: from, To: to}
	d := days(from, to)
	gain := last.Result.Progress.Sub(first.Result.Progress)
	if d <= 0 || !gain.IsPositive() {
		return pr
	}
	perDay := gain.DivRound(decimal.NewFromInt(d), 2*target.ProgressPlaces)
	pr.PerYear = perDay.Mul(decimal.NewFromInt(365)).Round(target.ProgressPlaces)
	remaining := decimal.NewFromInt(1).Sub(last.Result.Progress)
	need := remaining.DivRound(perDay, 2).Ceil().IntPart()
	pr.Reachable = true
	pr.Since = to
	for _, p := range s.Points {
		if unmet(p.Result.Status) && !p.Result.Stale && p.Result.AsOf.After(pr.Since) {
			pr.Since = p.Result.AsOf
		}
	}
	pr.Date = pr.Since.AddDate(0, 0, int(need))
	return pr
}

// figureDate returns the date of the figure behind r: its DataAsOf, or the
// date it was evaluated at when that is unknown.
func figureDate(r target.Result) time.Time {
	if !r.DataAsOf.IsZero() {
		return r.DataAsOf
	}
	return r.AsOf
}

// unmet reports whether a point with status st is a date at which the
// target was evaluated on a figure and found not met. An undecided figure
// may meet it; a point without a figure or without a requirement says
// nothing.
func unmet(st target.Status) bool {
	switch st {
	case target.InProgress, target.Missed:
		return true
	}
	return false
}

// String describes the projection in Chinese, as [Projection.In] does.
func (p Projection) String() string { return p.In(lang.Chinese) }
