package target

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/quantity"
)

// Status is the verdict on a target as of a date. A verdict follows from
// the bounds the records' qualifiers put on the figure ([quantity.Bounds]):
// [Met] and [Missed] hold for every true value those bounds allow.
type Status uint8

const (
	NoData     Status = 1 + iota // no record bears on the target: not 0%, unknown
	InProgress                   // not met yet, and the deadline has not passed
	Met                          // the target holds
	Missed                       // not met by the figure at the deadline
	Exceeded                     // above the maximum of a range
	Recorded                     // a figure is recorded; there is no requirement to judge
	NotStarted                   // evaluated before the target's start: nothing counts yet
	Undecided                    // the figure's bounds allow both verdicts: 近1000 against 900
	// NoFigureAtDeadline is a target past its deadline with no figure that
	// reaches the deadline: the last figure is shown with its date, and
	// the target is neither met nor missed on it.
	NoFigureAtDeadline
)

var statusNames = [...]lang.Name{
	NoData:             {Zh: "无数据", En: "no data"},
	InProgress:         {Zh: "推进中", En: "in progress"},
	Met:                {Zh: "已达成", En: "met"},
	Missed:             {Zh: "未达成", En: "missed"},
	Exceeded:           {Zh: "超出上限", En: "over the limit"},
	Recorded:           {Zh: "有记录", En: "recorded"},
	NotStarted:         {Zh: "未开始", En: "not started"},
	Undecided:          {Zh: "待定", En: "undecided"},
	NoFigureAtDeadline: {Zh: "截止日无数据", En: "no figure at the deadline"},
}

// Name returns the bilingual name of the status.
func (s Status) Name() lang.Name {
	if s != 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return lang.Name{}
}

// String returns the Chinese name, as ledgers and reports write it;
// Name().In(lang.English) is the English, and JSON writes the English.
func (s Status) String() string {
	if n := s.Name(); !n.IsZero() {
		return n.Zh
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Pace compares progress with the progress expected by a straight line from
// the start (0%) to the deadline (100%). The zero value, [PaceUnknown], is
// chosen on purpose: a target without a start and a deadline has no pace.
type Pace uint8

const (
	PaceUnknown Pace = iota // no start or deadline, or no data
	Ahead                   // progress above the line
	OnTrack                 // progress exactly on the line
	Behind                  // progress below the line
)

var paceNames = [...]lang.Name{
	PaceUnknown: {Zh: "—", En: "—"},
	Ahead:       {Zh: "超前", En: "ahead"},
	OnTrack:     {Zh: "符合进度", En: "on track"},
	Behind:      {Zh: "滞后", En: "behind"},
}

// Name returns the bilingual name of the pace.
func (p Pace) Name() lang.Name {
	if int(p) < len(paceNames) {
		return paceNames[p]
	}
	return lang.Name{}
}

// String returns the Chinese name, as ledgers and reports write it;
// Name().In(lang.English) is the English, and JSON writes the English.
func (p Pace) String() string {
	if int(p) < len(paceNames) {
		return paceNames[p].Zh
	}
	return fmt.Sprintf("Pace(%d)", p)
}

// Result is a target's evaluation as of a date.
type Result struct {
	ID        string
	Name      lang.Name
	Kind      Kind
	Indicator string
	Source    outcome.Citation
	AsOf      time.Time
	Deadline  time.Time

	Status Status
	// Certainty is how far the achieved figure can be trusted, joined from
	// the qualifiers of the records used: 5000余 gives a lower bound, 近1000
	// an approximation. [Result.Certain] says whether the status holds for
	// every value those qualifiers allow.
	Certainty quantity.Certainty

	Required quantity.Quantity // N, a–b, the number of units, or the goal
	Achieved quantity.Quantity // the aggregate, the units covered, or the current level
	PerUnit  quantity.Quantity // k or a–b for each unit of a per-unit target
	Baseline quantity.Quantity // where a reduction started
	Records  int               // how many records were used
	// Bounds are the values the true achieved figure may take, given the
	// qualifiers of the records used: what an [Undecided] verdict rests
	// on. For per-unit kinds they bound the units covered.
	Bounds quantity.Bounds
	// DataAsOf is the last day of the newest record behind Achieved: a
	// figure as of 2016 may rest on a record of 2012. Zero without data.
	DataAsOf time.Time
	// Stale is set when the figures are older than the indicator's
	// reporting period ([outcome.Indicator.Reported]) as of the date judged
	// (AsOf, or the deadline once it has passed): as of 2020-12-31, a
	// yearly figure of 2019 is stale.
	Stale bool

	// Progress is achieved/required, or (baseline − now)/(baseline − goal)
	// for a reduction, or covered/units: 1 is 100%. It is exact up to
	// [ProgressPlaces] decimal places, rounded half away from zero.
	// Progress is taken from the stated figure: 近100 against 100 is 100%
	// while the verdict, from its bounds, is not met.
	Progress decimal.Decimal
	Expected decimal.Decimal // linear expected progress as of AsOf, when Pace is known
	Pace     Pace

	Covered   int  // units that meet a per-unit target; years met of an each-year target
	Units     int  // units in the population; years judged of an each-year target
	Shortfall Gaps // the units that fall short, by code (every unit when no unit has data)
	// Listed is false when coverage was read from an aggregate figure and no
	// unit-by-unit shortfall exists.
	Listed bool

	Notes []lang.Name // why a figure was not used, how coverage was read
	Parts []Result    // the parts of an all-of target

	ind outcome.Indicator // when evaluated: whether a verdict can change later, how long a figure stays current
}

// Percent writes the progress as reports show it, with one decimal place,
// so that it never reads as complete when the verdict is not: a result is
// rounded to the nearest tenth, half away from zero (16 of 51 is 31.4%),
// except that one not met never rounds up to 100.0% (99.96% is 99.9%), and
// a stated figure that reaches the target while its bounds fall short of
// it (近100 of 100) reads "<100%". An undecided result, whose bounds say
// what is known, has no progress to show: "—", as without data.
func (r Result) Percent() string {
	if p, ok := r.ShownProgress(); ok {
		return p.Shift(2).StringFixed(1) + "%"
	}
	switch r.Status {
	case Missed, InProgress, NoFigureAtDeadline:
		return "<100%"
	}
	return "—"
}

// ShownProgress returns the progress [Result.Percent] shows as a ratio
// rounded to a tenth of a percent (0.314 for 31.4%), and whether it shows
// one: not for a result without a figure to judge (undecided, no data,
// not started, recorded), nor for one not met whose stated figure reaches
// the target ("<100%"). A target with no figure at its deadline shows the
// progress of its last figure. Renderings that write progress as a
// number, such as a spreadsheet's percent cell, take it from here so that
// they never disagree with the text.
func (r Result) ShownProgress() (decimal.Decimal, bool) {
	switch r.Status {
	case Met, Exceeded:
		return r.Progress.Round(3), true
	case Missed, InProgress, NoFigureAtDeadline:
	default:
		return decimal.Decimal{}, false
	}
	if r.Progress.Cmp(decimal.NewFromInt(1)) >= 0 {
		return decimal.Decimal{}, false
	}
	// Rounded to the nearest tenth of a percent (16 of 51 is 31.4%, 2 of 3
	// is 66.7%), but never up to 100.0% for a target not met.
	p := r.Progress.Shift(2).Round(1)
	if p.Cmp(hundred) >= 0 {
		p = almostHundred
	}
	return p.Shift(-2), true
}

var hundred, almostHundred = decimal.NewFromInt(100), decimal.New(999, -1)

// ProgressPlaces is the number of decimal places of [Result.Progress] and
// [Result.Expected].
const ProgressPlaces = 12

// Certain reports whether the status holds for every true value the
// qualifiers of the figures allow. A verdict is drawn from the bounds of the
// figures, so met, missed, in progress and exceeded are certain; undecided,
// no data, not started and no figure at the deadline are not verdicts.
func (r Result) Certain() bool {
	switch r.Status {
	case Met, Missed, InProgress, Exceeded, Recorded:
		return true
	}
	return false
}
