package target

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Evaluate evaluates t against l as of asOf. Figures dated after the
// deadline do not count: a target is met by its deadline or not at all.
//
// An indicator the ledger does not define gives a result with no data and a
// note. Errors are reserved for targets that cannot be evaluated as defined
// ([Target.Validate]) and for units that cannot be compared: a target in
// persons over an indicator in person-times is an [*Error] wrapping
// [outcome.ErrUnitMismatch].
func (t Target) Evaluate(l *outcome.Ledger, asOf time.Time) (Result, error) {
	if err := t.Validate(); err != nil {
		return Result{}, err
	}
	if l == nil {
		return Result{}, t.wrap("ledger", "nil", outcome.ErrMissing)
	}
	t, err := t.narrowed(l.Regions())
	if err != nil {
		return Result{}, err
	}
	return t.evaluate(l, asOf)
}

func (t Target) evaluate(l *outcome.Ledger, asOf time.Time) (Result, error) {
	r := Result{ID: t.id, Name: t.name, Kind: t.kind, Indicator: t.indicator, Source: t.source,
		AsOf: asOf, Deadline: t.deadline, Status: NoData, Required: t.required}
	if t.outOfScope(&r) {
		return r, nil
	}
	if t.kind == KindAllOf {
		return t.evaluateAll(l, asOf, r)
	}
	ind, ok := l.Indicator(t.indicator)
	if !ok {
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("台账未设指标 %s", t.indicator),
			En: fmt.Sprintf("the ledger has no indicator %s", t.indicator)})
		return r, nil
	}
	unit := t.required.Unit()
	if unit == 0 {
		unit = ind.Unit
		r.Required = r.Required.WithUnit(unit)
	}
	if !unit.Compatible(ind.Unit) {
		return Result{}, &Error{ID: t.id, Field: "unit", Value: unit.Symbol(), Err: fmt.Errorf(
			"%w: the target counts %v (%s), indicator %s counts %v (%s)", outcome.ErrUnitMismatch,
			unit.Name().In(lang.English), unit.Symbol(), ind.Code, ind.Unit.Name().In(lang.English), ind.Unit.Symbol())}
	}
	end := t.judgedAt(asOf)
	window := period.Through(end)
	if !t.start.IsZero() {
		w, err := period.Span(t.start, end)
		if err != nil {
			// Evaluated before the target starts: nothing counts yet.
			r.Status = NotStarted
			return r, nil
		}
		window = w
	}
	var err error
	switch t.kind {
	case KindObserve:
		err = t.evaluateObserve(l, window, &r)
	case KindAtLeast, KindRange:
		err = t.evaluateAggregate(l, window, &r)
	case KindCoverage, KindEachInRange:
		err = t.evaluatePerUnit(l, window, &r)
	case KindReduction:
		err = t.evaluateReduction(l, window, &r)
	case KindEachYear:
		return t.evaluateEachYear(l, asOf, r, ind)
	}
	if err != nil {
		return Result{}, err
	}
	r.ind = ind
	t.judge(&r, ind, asOf)
	t.noteRelated(l, unit, end, &r)
	t.noteCounted(l, window, &r)
	return r, nil
}

// judgedAt returns the date a target is judged at when evaluated as of
// asOf: asOf, or the deadline once it has passed.
func (t Target) judgedAt(asOf time.Time) time.Time {
	if !t.deadline.IsZero() && t.deadline.Before(asOf) {
		return t.deadline
	}
	return asOf
}

// noteRelated notes the see-also indicators that hold records, and why
// they do not count.
func (t Target) noteRelated(l *outcome.Ledger, unit quantity.Unit, end time.Time, r *Result) {
	for _, code := range t.seeAlso {
		ind, ok := l.Indicator(code)
		if !ok {
			continue
		}
		sum, err := l.Total(code, t.scope, period.Through(end))
		if err != nil || !sum.Has() {
			continue
		}
		figure := sum.Quantity()
		if unit.Compatible(ind.Unit) {
			r.Notes = append(r.Notes, lang.Name{
				Zh: fmt.Sprintf("未计入「%s」%s: 口径不同", ind.Name.Zh, figure.In(lang.Chinese)),
				En: fmt.Sprintf("not counted: %s of %q, another measure", figure.In(lang.English), ind.Name.In(lang.English))})
			continue
		}
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("未计入「%s」%s: 单位%s不能计为%s", ind.Name.Zh, figure.In(lang.Chinese), ind.Unit.Symbol(), unit.Symbol()),
			En: fmt.Sprintf("not counted: %s of %q; %v are not %v", figure.In(lang.English), ind.Name.In(lang.English), ind.Unit.Name().In(lang.English), unit.Name().In(lang.English))})
	}
}

func (t Target) evaluateObserve(l *outcome.Ledger, window period.Period, r *Result) error {
	sum, err := l.Total(t.indicator, t.scope, window)
	if err != nil {
		return t.wrap("scope", t.scope, err)
	}
	if sum.Has() || sum.Across > 0 && !sum.Latest.IsZero() {
		// Dated records across the window's edge alone bound the figure too.
		finishObserve(r, sum, sum.Quantity(), sum.Bounds())
		return t.noteEvidence(l, sum, window, r)
	}
	return nil
}

func finishObserve(r *Result, sum outcome.Sum, achieved quantity.Quantity, b quantity.Bounds) {
	r.Status, r.Records, r.Certainty, r.Achieved, r.DataAsOf, r.Bounds = Recorded, sum.Records, sum.Certainty, achieved, sum.Latest, b
}

// judge settles a result's status against the deadline and marks stale
// figures; then it sets the pace.
//
// On or after the deadline, a verdict needs a figure that reaches the
// deadline: with one, a result not met is missed; without one it has no
// figure at the deadline, unless the verdict cannot change: a flow that has
// met an "at least" target, or exceeded a range, stays so whatever is
// recorded later.
func (t Target) judge(r *Result, ind outcome.Indicator, asOf time.Time) {
	agg := ind.Aggregation
	at := t.judgedAt(asOf)
	if !r.DataAsOf.IsZero() {
		years, months := ind.Every()
		// The next figure is due one period after the day following this
		// one's: the end of June for May's, the end of 2020 for 2019's.
		due := r.DataAsOf.AddDate(0, 0, 1).AddDate(years, months, -1)
		r.Stale = days(due, at) >= 0
	}
	if r.Status != NoData && r.Status != Recorded && !t.deadline.IsZero() && days(t.deadline, asOf) >= 0 {
		final := false
		switch r.Status {
		case Met:
			final = agg != outcome.Stock && (t.kind == KindAtLeast || t.kind == KindCoverage)
		case Exceeded:
			final = agg != outcome.Stock
		}
		switch {
		case r.DataAsOf.IsZero() || days(r.DataAsOf, t.deadline) > 0:
			if !final {
				r.Status = NoFigureAtDeadline
			}
		case r.Status == InProgress:
			r.Status = Missed
		}
	}
	r.Pace, r.Expected = t.pace(r, asOf)
}

func (t Target) pace(r *Result, asOf time.Time) (Pace, decimal.Decimal) {
	switch {
	case r.Status == NoData, r.Status == Recorded, r.Status == NotStarted, r.Status == NoFigureAtDeadline, r.Status == Undecided,
		r.Stale, // a figure older than its reporting period says nothing of the pace now
		t.start.IsZero(), t.deadline.IsZero():
		return PaceUnknown, decimal.Decimal{}
	}
	total := days(t.start, t.deadline)
	elapsed := min(max(days(t.start, asOf), 0), total)
	expected := decimal.NewFromInt(1)
	if total > 0 {
		expected = ratio(decimal.NewFromInt(elapsed), decimal.NewFromInt(total))
	}
	switch {
	case r.Status == Missed:
		// Missed at the deadline is behind the line, whatever the stated
		// figure: 不到10 of 10 states 100% and falls short.
		return Behind, expected
	case r.Progress.Cmp(expected) > 0:
		return Ahead, expected
	case r.Progress.Cmp(expected) == 0:
		return OnTrack, expected
	}
	return Behind, expected
}

func days(from, to time.Time) int64 {
	a := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	b := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	return int64(b.Sub(a).Hours() / 24)
}

// ratio returns a/b rounded to ProgressPlaces; 1 when b is 0 (nothing was
// required, so nothing is missing).
func ratio(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() {
		return decimal.NewFromInt(1)
	}
	return a.DivRound(b, ProgressPlaces)
}

func (t Target) evaluateAggregate(l *outcome.Ledger, window period.Period, r *Result) error {
	sum, err := l.Total(t.indicator, t.scope, window)
	if err != nil {
		return t.wrap("scope", t.scope, err)
	}
	if sum.Has() || sum.Across > 0 && !sum.Latest.IsZero() {
		// Dated records across the window's edge alone bound the figure
		// too: 0 to 50 misses 120. Undated ones alone say nothing of it.
		t.finishAggregate(r, sum, sum.Quantity(), sum.Bounds())
		return t.noteEvidence(l, sum, window, r)
	}
	return nil
}

// finishAggregate sets the figures and status of an aggregate result whose
// true figure lies within b.
func (t Target) finishAggregate(r *Result, sum outcome.Sum, achieved quantity.Quantity, b quantity.Bounds) {
	r.Records, r.Certainty, r.DataAsOf, r.Bounds = sum.Records, sum.Certainty, sum.Latest, b
	r.Achieved = achieved
	r.Progress = ratio(sum.Value, t.required.Value())
	r.Status = t.decide(b)
}

// decide returns the verdict on an aggregate whose true figure lies within
// b: met when every value b allows meets the target, in progress when none
// does, exceeded when every value is above a range, and otherwise
// undecided.
func (t Target) decide(b quantity.Bounds) Status {
	reached, known := t.reaches(b, t.required.Value())
	if t.kind == KindRange {
		within, knownHi := b.AtMost(t.required.Max())
		switch {
		case known && !reached:
			return InProgress
		case knownHi && !within:
			return Exceeded
		case !known || !knownHi:
			return Undecided
		}
	}
	switch {
	case !known:
		return Undecided
	case reached:
		return Met
	}
	return InProgress
}

// reaches says whether every value b allows reaches n as the target's
// requirement reads: more than n for 余 and 多, at least n otherwise. A
// requirement stated as 近N is taken at N.
func (t Target) reaches(b quantity.Bounds, n decimal.Decimal) (holds, decided bool) {
	if t.required.Bounds().LoOpen {
		return b.MoreThan(n)
	}
	return b.AtLeast(n)
}

func (t Target) evaluatePerUnit(l *outcome.Ledger, window period.Period, r *Result) error {
	if t.pop.size > 0 {
		r.PerUnit, r.Required = r.Required, quantity.Int(int64(t.pop.size), quantity.Piece)
		r.Units = t.pop.size
		return t.coverageFromAggregate(l, window, r)
	}
	units, err := t.pop.Resolve(l.Regions())
	if err != nil {
		return t.wrap("population", t.pop.name.String(), err)
	}
	r.PerUnit, r.Required = r.Required, quantity.Int(int64(units.Len()), quantity.Piece)
	r.Units, r.Listed = units.Len(), true
	if n := t.pop.counted; n > 0 && n != units.Len() && t.pop.within == t.pop.countedIn {
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("列出的「%s」%d 个, 目录记为 %d 个", t.pop.name.Zh, units.Len(), n),
			En: fmt.Sprintf("%d %s of %q listed; the catalogue counts %d", units.Len(), plural(units.Len(), "unit", "units"), t.pop.name.In(lang.English), n)})
	}
	if units.Len() == 0 {
		// Nothing to cover is not "all covered": the ledger's regions do
		// not hold the population (a national set without villages).
		r.Listed = false
		if in := t.pop.within; in != "" {
			r.Notes = append(r.Notes, lang.Name{
				Zh: fmt.Sprintf("「%s」在 %s 内没有单位", t.pop.name.Zh, in),
				En: fmt.Sprintf("no unit of %q lies within %s", t.pop.name.In(lang.English), in)})
			return nil
		}
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("台账的区划中没有「%s」的单位", t.pop.name.Zh),
			En: fmt.Sprintf("the ledger's regions hold no unit of %q", t.pop.name.In(lang.English))})
		return nil
	}
	v, err := l.Values(t.indicator, units, window)
	if err != nil {
		return t.wrap("indicator", t.indicator, err)
	}
	classify := t.classifier(v)
	// First count, so the shortfall list is allocated once.
	n, across, evidence := 0, 0, 0
	for i := range v.Len() {
		if v.Has(i) || bounded(v, i) {
			evidence++
			r.Records += v.Records(i)
			r.Certainty = r.Certainty.Join(v.Certainty(i))
		}
		if v.Across(i) > 0 || v.Uncovered(i) > 0 {
			across++
		}
		if classify(i) != 0 {
			n++
		}
	}
	t.noteUnitsAcross(across, r)
	r.Covered = v.Len() - n
	if n > 0 {
		idx := make([]int32, 0, n)
		kinds := make([]GapKind, 0, n)
		for i := range v.Len() {
			if k := classify(i); k != 0 {
				idx = append(idx, int32(i))
				kinds = append(kinds, k)
			}
		}
		r.Shortfall = gapsOf(v, idx, kinds, t.required.Value(), t.required.Max())
	}
	if evidence == 0 {
		if t.coveredBy == "" {
			// No data, but the units are known: they are kept, all without
			// a record, so that results of shards can be merged.
			return nil
		}
		r.Shortfall = Gaps{}
		return t.coverageFromAggregate(l, window, r)
	}
	r.DataAsOf = v.Latest()
	finishPerUnit(r)
	return nil
}

// classifier returns how unit i of v stands to a per-unit target: 0 when
// it is covered, or the kind of its gap. An exact figure is compared
// directly; a qualified one by its bounds, and a unit whose bounds allow
// both is undecided.
func (t Target) classifier(v outcome.Values) func(i int) GapKind {
	lo, hi := t.required.Value(), t.required.Max()
	belowLo, aboveHi := v.CmpFunc(lo), v.CmpFunc(hi)
	strict := t.required.Bounds().LoOpen
	ranged := t.kind == KindEachInRange
	return func(i int) GapKind {
		if !v.Has(i) && !bounded(v, i) {
			return GapNoRecord
		}
		if v.Certainty(i) == quantity.Exact {
			switch c := belowLo(i); {
			case c < 0, strict && c == 0:
				return GapBelow
			case ranged && aboveHi(i) > 0:
				return GapAbove
			}
			return 0
		}
		b := v.Bounds(i)
		reached, known := t.reaches(b, lo)
		switch {
		case known && !reached:
			return GapBelow
		case !known:
			return GapUndecided
		}
		if ranged {
			within, known := b.AtMost(hi)
			switch {
			case known && !within:
				return GapAbove
			case !known:
				return GapUndecided
			}
		}
		return 0
	}
}

// finishPerUnit sets the figures and status of a per-unit result from its
// units, the units covered and the shortfall: in progress while a unit is
// below the minimum or has no record, undecided while a unit's bounds allow
// both, exceeded when the only gaps are units above a range, met when there
// are none. The bounds of the units covered reach from those certainly
// covered to those possibly covered.
func finishPerUnit(r *Result) {
	r.Achieved = quantity.Int(int64(r.Covered), quantity.Piece)
	r.Progress = ratio(decimal.NewFromInt(int64(r.Covered)), decimal.NewFromInt(int64(r.Units)))
	c := r.Shortfall.Counts()
	r.Bounds = quantity.Bounds{Lo: decimal.NewFromInt(int64(r.Covered)), Hi: decimal.NewFromInt(int64(r.Covered + c.Undecided)),
		HasLo: true, HasHi: true}
	switch {
	case r.Covered == r.Units:
		r.Status = Met
	case c.Below > 0 || c.NoRecord > 0 || !r.Listed:
		r.Status = InProgress
	case c.Above > 0:
		r.Status = Exceeded // a unit certainly above the range: not met, whatever the undecided ones hold
	case c.Undecided > 0:
		r.Status = Undecided
	default:
		r.Status = Exceeded
	}
}

// coverageFromAggregate reads the number of units covered from the
// aggregate indicator, when no unit has records of its own.
func (t Target) coverageFromAggregate(l *outcome.Ledger, window period.Period, r *Result) error {
	r.Covered, r.Listed = 0, false
	if t.coveredBy == "" {
		return nil
	}
	if _, ok := l.Indicator(t.coveredBy); !ok {
		return nil
	}
	scope := t.scope
	if scope == "" {
		scope = t.pop.within
	}
	sum, err := l.Total(t.coveredBy, scope, window)
	if err != nil {
		return t.wrap("covered by", t.coveredBy, err)
	}
	if !sum.Has() {
		return nil
	}
	name := indicatorName(l, t.coveredBy)
	r.Notes = append(r.Notes, lang.Name{
		Zh: fmt.Sprintf("覆盖数取自汇总指标「%s」, 无逐单位清单", name.In(lang.Chinese)),
		En: fmt.Sprintf("units covered read from the aggregate indicator %q; no unit-by-unit list", name.In(lang.English))})
	r.Records, r.Certainty, r.DataAsOf, r.Bounds = sum.Records, sum.Certainty, sum.Latest, sum.Bounds()
	r.Covered = int(min(sum.Value.IntPart(), int64(r.Units)))
	r.Achieved = sum.Quantity()
	r.Progress = ratio(sum.Value, decimal.NewFromInt(int64(r.Units)))
	switch covered, known := r.Bounds.AtLeast(decimal.NewFromInt(int64(r.Units))); {
	case !known:
		r.Status = Undecided
	case covered:
		r.Status = Met
	default:
		r.Status = InProgress
	}
	return nil
}

func (t Target) evaluateReduction(l *outcome.Ledger, window period.Period, r *Result) error {
	base := t.baseline
	if base.IsZero() {
		sum, err := l.Total(t.indicator, t.scope, period.Through(t.start))
		if err != nil {
			return t.wrap("scope", t.scope, err)
		}
		if sum.Has() {
			base = sum.Quantity()
		}
	}
	now, err := l.Total(t.indicator, t.scope, window)
	if err != nil {
		return t.wrap("scope", t.scope, err)
	}
	if base.IsZero() {
		// Without a baseline there is no progress to judge; the current
		// figure is kept (not reported), for a merge with parts that have one.
		r.Notes = append(r.Notes, noBaseline)
		if now.Has() {
			r.Records, r.Certainty, r.DataAsOf, r.Achieved, r.Bounds = now.Records, now.Certainty, now.Latest, now.Quantity(), now.Bounds()
		}
		return nil
	}
	r.Baseline = base
	if now.Has() {
		t.finishReduction(r, base, now, now.Quantity(), now.Bounds())
		return t.noteEvidence(l, now, window, r)
	}
	return nil
}

// maxEvidence is how many passed-over figures and discrepancies a result
// names one by one; the rest are counted.
const maxEvidence = 3

// noteAcross notes the records across the window's edge a sum left out,
// which may add to its figure, or which are all there is; a year of an
// each-year target leaves them to the whole's note.
//
// It notes too the records left out for overlapping counted ones in part
// only ([outcome.Sum.Uncovered]), whose other days nothing counted holds.
func (t Target) noteAcross(sum outcome.Sum, r *Result) {
	if t.yearOf {
		return
	}
	if sum.Across > 0 {
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("%d 条记录跨越评估期间的边界, 不能按日拆分, 未计入: 实际值可能更高", sum.Across),
			En: fmt.Sprintf("%d %s across the edge of the period judged, which cannot be split by days, left out: the true figure may be higher",
				sum.Across, plural(sum.Across, "record reaches", "records reach"))})
	}
	if sum.Uncovered > 0 && sum.Records > 0 {
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("%d 条记录与计入的记录部分重叠, 不能按日拆分, 未计入: 其余日期无计入的记录, 实际值可能更高", sum.Uncovered),
			En: fmt.Sprintf("%d %s counted ones in part, which cannot be split by days, left out: nothing counted holds their other days, so the true figure may be higher",
				sum.Uncovered, plural(sum.Uncovered, "record overlaps", "records overlap"))})
	}
}

// bounded reports whether unit i of v, with no record counted, has a
// figure bounded by records across the window's edge.
func bounded(v outcome.Values, i int) bool {
	b := v.Bounds(i)
	return b.HasLo || b.HasHi
}

// indicatorName returns the name of the ledger's indicator code, or the
// code where it has none, for a note.
func indicatorName(l *outcome.Ledger, code string) lang.Name {
	if ind, ok := l.Indicator(code); ok && !ind.Name.IsZero() {
		return ind.Name
	}
	return lang.Name{Zh: code, En: code}
}

// noteUnitsAcross notes the units with records left out that may add to
// their figures: across the window's edge, or overlapping counted ones in
// part.
func (t Target) noteUnitsAcross(n int, r *Result) {
	if n == 0 || t.yearOf {
		return
	}
	r.Notes = append(r.Notes, lang.Name{
		Zh: fmt.Sprintf("%d 个单位有跨越评估期间边界或与计入记录部分重叠的记录, 不能按日拆分, 未计入: 其实际值可能更高", n),
		En: fmt.Sprintf("%d %s records across the edge of the period judged or overlapping counted ones in part, which cannot be split by days, left out: their true figures may be higher",
			n, plural(n, "unit has", "units have"))})
}

// reporting counts the subdivisions of region and those with a figure of
// indicator over window, own or rolled up; 0, 0 when that cannot be told.
func reporting(l *outcome.Ledger, indicator, region string, window period.Period) (has, all int) {
	var codes []string
	for c := range l.Regions().Children(region) {
		codes = append(codes, c.Code)
	}
	units, err := l.Regions().SelectCodes(codes...)
	if err != nil || len(codes) == 0 {
		return 0, 0
	}
	v, err := l.Values(indicator, units, window)
	if err != nil {
		return 0, 0
	}
	for i := range v.Len() {
		if v.Has(i) {
			has++
		}
	}
	return has, v.Len()
}

// noteEvidence notes what the rules settled silently behind an aggregate
// figure: flow records not added again because a coarser one holds them,
// flow records reaching across the window's edge,
// figures passed over for their subdivisions', and records that disagree
// with the one that counts ([outcome.Ledger.Discrepancies]).
func (t Target) noteEvidence(l *outcome.Ledger, sum outcome.Sum, window period.Period, r *Result) error {
	if n := sum.LeftOut - sum.Uncovered; n > 0 {
		// Those holding other days too are noted with the records across
		// the edge.
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("%d 条记录与已计入的更长期间(合计、累计)重叠, 其日期已由计入的记录涵盖, 未重复计入", n),
			En: fmt.Sprintf("%d %s longer periods that count (a total, a cumulative figure), which hold their days, not added again",
				n, plural(n, "record overlaps", "records overlap"))})
	}
	t.noteAcross(sum, r)
	ind, _ := l.Indicator(t.indicator)
	why := lang.Name{Zh: "其下级有更新的记录", En: "its subdivisions have newer records, which count"}
	if ind.Aggregation != outcome.Stock {
		why = lang.Name{Zh: "与其期间重叠的下级记录合计更多", En: "its subdivisions' records overlapping its period add up to more, and count"}
	}
	for i, p := range sum.Passed {
		if i == maxEvidence {
			break
		}
		var part lang.Name
		if ind.Aggregation == outcome.Stock {
			// Where only some subdivisions stand for it, the reader judges
			// whether the others are missing.
			if has, all := reporting(l, t.indicator, p.Region, window); has < all {
				part = lang.Name{Zh: fmt.Sprintf("(%d 个下级中 %d 个有数据)", all, has),
					En: fmt.Sprintf(" (%d of its %d subdivisions %s figures)", has, all, plural(has, "has", "have"))}
			}
		}
		r.Notes = append(r.Notes, lang.Name{
			Zh: fmt.Sprintf("未采用 %s %s %s: %s, 按下级汇总%s", regionName(l, p.Region, lang.Chinese), p.Period.In(lang.Chinese), p.Quantity.In(lang.Chinese), why.Zh, part.Zh),
			En: fmt.Sprintf("passed over %s of %s, %s: %s%s",
				p.Quantity.In(lang.English), regionName(l, p.Region, lang.English), p.Period.In(lang.English), why.En, part.En)})
	}
	if n := sum.PassedCount - min(len(sum.Passed), maxEvidence); n > 0 {
		r.Notes = append(r.Notes, lang.Name{Zh: fmt.Sprintf("另有 %d 个汇总数未采用", n),
			En: fmt.Sprintf("%d more %s passed over", n, plural(n, "figure", "figures"))})
	}
	ds, err := l.Discrepancies(t.indicator, t.scope, window)
	if err != nil {
		return t.wrap("scope", t.scope, err)
	}
	for i, d := range ds {
		if i == maxEvidence {
			r.Notes = append(r.Notes, lang.Name{Zh: fmt.Sprintf("另有 %d 处记录不一致", len(ds)-i),
				En: fmt.Sprintf("%d more %s", len(ds)-i, plural(len(ds)-i, "disagreement", "disagreements"))})
			break
		}
		r.Notes = append(r.Notes, discrepancyNote(l, d))
	}
	return nil
}

// discrepancyNote names the record that counts and what disagrees with it.
func discrepancyNote(l *outcome.Ledger, d outcome.Discrepancy) lang.Name {
	c := d.Counted
	zh := fmt.Sprintf("记录不一致(%s): 计入 %s %s %s, ", d.Kind.Name().Zh, regionName(l, c.Region, lang.Chinese), c.Period.In(lang.Chinese), c.Quantity.In(lang.Chinese))
	en := fmt.Sprintf("records disagree (%s): %s of %s, %s counts; ", d.Kind.Name().En, c.Quantity.In(lang.English), regionName(l, c.Region, lang.English), c.Period.In(lang.English))
	switch d.Kind {
	case outcome.DescendantsDiffer:
		zh += fmt.Sprintf("其下级同日 %d 条记录合计 %s", d.Sum.Records, d.Sum.Quantity().In(lang.Chinese))
		en += fmt.Sprintf("%d %s of its subdivisions of the same date %s %s", d.Sum.Records, plural(d.Sum.Records, "record", "records"), plural(d.Sum.Records, "comes to", "add up to"), d.Sum.Quantity().In(lang.English))
	case outcome.DescendantsExceed:
		// Its own record counts only where its subdivisions' are not
		// known to be more: not said to count.
		zh = fmt.Sprintf("记录不一致(%s): 本级 %s %s %s, 其下级在其期内 %d 条记录合计 %s, 多于本级", d.Kind.Name().Zh, regionName(l, c.Region, lang.Chinese), c.Period.In(lang.Chinese), c.Quantity.In(lang.Chinese), d.Sum.Records, d.Sum.Quantity().In(lang.Chinese))
		en = fmt.Sprintf("records disagree (%s): %s of %s, %s, its own; %d %s of its subdivisions within its days %s more: %s", d.Kind.Name().En, c.Quantity.In(lang.English), regionName(l, c.Region, lang.English), c.Period.In(lang.English), d.Sum.Records, plural(d.Sum.Records, "record", "records"), plural(d.Sum.Records, "comes to", "add up to"), d.Sum.Quantity().In(lang.English))
	default:
		zh += fmt.Sprintf("其中更细的 %d 条记录合计 %s", d.Sum.Records, d.Sum.Quantity().In(lang.Chinese))
		en += fmt.Sprintf("%d finer %s within it %s %s", d.Sum.Records, plural(d.Sum.Records, "record", "records"), plural(d.Sum.Records, "comes to", "add up to"), d.Sum.Quantity().In(lang.English))
	}
	return lang.Name{Zh: zh, En: en}
}

// regionName returns a region's name in lang, or its code when the ledger
// does not hold it or, in English, when it has no English name.
func regionName(l *outcome.Ledger, code string, in lang.Lang) string {
	if reg, ok := l.Regions().Lookup(code); ok {
		if n := reg.Name.In(in); n != "" && (in != lang.English || n == reg.Name.En) {
			return n
		}
	}
	return code
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

var noBaseline = lang.Name{Zh: "缺少基期数据", En: "no baseline figure"}

// finishReduction sets the figures and status of a reduction from its
// baseline: met when every value the current figure's bounds b allow is at
// most the goal (10余 never meets a reduction to 10), in progress when none
// is, undecided otherwise.
func (t Target) finishReduction(r *Result, base quantity.Quantity, now outcome.Sum, achieved quantity.Quantity, b quantity.Bounds) {
	r.Baseline = base
	r.Records, r.Certainty, r.DataAsOf, r.Bounds = now.Records, now.Certainty.Join(base.Certainty()), now.Latest, b
	r.Achieved = achieved
	goal := t.required.Value()
	r.Progress = ratio(base.Value().Sub(now.Value), base.Value().Sub(goal))
	switch met, known := b.AtMost(goal); {
	case !known:
		r.Status = Undecided
	case met:
		r.Status = Met
	default:
		r.Status = InProgress
	}
}

// evaluateAll evaluates every part. The whole is met when every part is; it
// has no data when no part has; its progress is the least part's (a part
// with no data counts as 0), so it never claims more than its weakest part.
func (t Target) evaluateAll(l *outcome.Ledger, asOf time.Time, r Result) (Result, error) {
	var errs []error
	for _, p := range t.inherited() {
		pr, err := p.evaluate(l, asOf)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.Parts = append(r.Parts, pr)
	}
	if err := errors.Join(errs...); err != nil {
		return Result{}, err
	}
	t.combineAll(&r, asOf)
	return r, nil
}

// inherited returns t's parts with the start and deadline of t where they
// have none.
func (t Target) inherited() []Target {
	parts := slices.Clone(t.parts)
	for i := range parts {
		if parts[i].start.IsZero() {
			parts[i].start = t.start
		}
		if parts[i].deadline.IsZero() {
			parts[i].deadline = t.deadline
		}
	}
	return parts
}

// combineAll sets the figures and status of an all-of result from its
// parts.
func (t Target) combineAll(r *Result, asOf time.Time) {
	count := map[Status]int{}
	r.Records, r.Certainty, r.DataAsOf, r.Stale = 0, quantity.Exact, time.Time{}, false
	first := true
	for _, pr := range r.Parts {
		r.Records += pr.Records
		count[pr.Status]++
		if pr.Status == Recorded {
			continue // an observed part requires nothing: no verdict, no progress
		}
		if pr.Status != NoData {
			r.Certainty = r.Certainty.Join(pr.Certainty)
		}
		// The whole is as current as its oldest part.
		if !pr.DataAsOf.IsZero() && (r.DataAsOf.IsZero() || pr.DataAsOf.Before(r.DataAsOf)) {
			r.DataAsOf = pr.DataAsOf
		}
		r.Stale = r.Stale || pr.Stale
		progress := pr.Progress
		switch pr.Status {
		case NoData, NotStarted:
			progress = decimal.Zero
		}
		if first || progress.LessThan(r.Progress) {
			r.Progress, first = progress, false
		}
	}
	n := len(r.Parts) - count[Recorded]
	r.Required = quantity.Int(int64(n), quantity.Item)
	r.Achieved = quantity.Int(int64(count[Met]), quantity.Item)
	r.Bounds = quantity.Bounds{Lo: decimal.NewFromInt(int64(count[Met])), Hi: decimal.NewFromInt(int64(count[Met] + count[Undecided])),
		HasLo: true, HasHi: true}
	switch {
	case count[NoData] == n || n == 0:
		r.Status, r.Progress = NoData, decimal.Decimal{}
	case count[NotStarted] == n:
		r.Status, r.Progress = NotStarted, decimal.Decimal{}
	case count[Met] == n:
		r.Status = Met
	case count[Exceeded] > 0:
		r.Status = Exceeded
	case count[Missed] > 0:
		r.Status = Missed
	case count[InProgress] > 0:
		r.Status = InProgress
	case count[Undecided] > 0:
		r.Status = Undecided
	case count[NoFigureAtDeadline] > 0 || !t.deadline.IsZero() && days(t.deadline, asOf) >= 0:
		// Met parts beside parts with no figure: not a verdict.
		r.Status = NoFigureAtDeadline
	default:
		r.Status = InProgress
	}
	r.Pace, r.Expected = t.pace(r, asOf)
}

func (t Target) wrap(field, value string, err error) error {
	return &Error{ID: t.id, Field: field, Value: value, Err: err}
}
