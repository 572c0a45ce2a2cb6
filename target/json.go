package target

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// resultJSON is the documented JSON shape of a Result. Keys appear in this
// order; decimals are strings; optional parts are left out when empty.
type resultJSON struct {
	ID        string              `json:"id"`
	Name      lang.Name           `json:"name"`
	Kind      string              `json:"kind"`
	Indicator string              `json:"indicator,omitempty"`
	Status    string              `json:"status"`
	Certainty *quantity.Certainty `json:"certainty,omitempty"` // left out without a figure to qualify
	Certain   bool                `json:"certain"`
	Required  quantity.Quantity   `json:"required"`
	Achieved  *quantity.Quantity  `json:"achieved,omitempty"`
	PerUnit   *quantity.Quantity  `json:"perUnit,omitempty"`
	Baseline  *quantity.Quantity  `json:"baseline,omitempty"`
	Progress  *string             `json:"progress,omitempty"`
	Expected  *string             `json:"expected,omitempty"`
	Pace      string              `json:"pace,omitempty"`
	Covered   *int                `json:"covered,omitempty"`
	Units     *int                `json:"units,omitempty"`
	Listed    *bool               `json:"listed,omitempty"`
	Shortfall []gapJSON           `json:"shortfall,omitempty"`
	Bounds    *boundsJSON         `json:"bounds,omitempty"`
	Records   int                 `json:"records"`
	DataAsOf  string              `json:"dataAsOf,omitempty"`
	Stale     bool                `json:"stale,omitempty"`
	Deadline  string              `json:"deadline,omitempty"`
	// What Merge judges a merged result by: the date evaluated as of, and
	// how the indicator's figures combine and how often they are
	// reported (yearly when left out).
	AsOf        string              `json:"asOf,omitempty"`
	Aggregation outcome.Aggregation `json:"aggregation,omitempty"`
	Reported    period.Kind         `json:"reported,omitempty"`
	Source      *outcome.Citation   `json:"source,omitempty"`
	Notes       []lang.Name         `json:"notes,omitempty"`
	Parts       []Result            `json:"parts,omitempty"`
}

// boundsJSON is the JSON shape of [quantity.Bounds]: a side left out is
// unbounded.
type boundsJSON struct {
	Lo     string `json:"lo,omitempty"`
	LoOpen bool   `json:"loOpen,omitempty"`
	Hi     string `json:"hi,omitempty"`
	HiOpen bool   `json:"hiOpen,omitempty"`
}

type gapJSON struct {
	Code      string    `json:"code"`
	Name      lang.Name `json:"name"`
	Kind      string    `json:"kind"`
	Has       string    `json:"has,omitempty"`
	Qualifier string    `json:"qualifier,omitempty"` // as [quantity.Qualifier.String] writes it: 不到
	Max       string    `json:"max,omitempty"`       // the upper end of a figure that is a range from has
	Lacks     string    `json:"lacks,omitempty"`
	Excess    string    `json:"excess,omitempty"`
}

// MarshalJSON writes r in a stable shape:
//
//	{"id":"…","name":{"zh":"…","en":"…"},"kind":"coverage","indicator":"…",
//	 "status":"in progress","certainty":"exact","certain":true,
//	 "required":{quantity},"achieved":{quantity},"perUnit":{quantity},
//	 "progress":"0.94","expected":"0.5","pace":"behind",
//	 "covered":49,"units":51,"listed":true,
//	 "shortfall":[{"code":"…","name":{…},"kind":"below","has":"0","lacks":"1"}],
//	 "bounds":{"lo":"900","loOpen":true,"hi":"1000","hiOpen":true},
//	 "records":49,"dataAsOf":"2019-12-31","stale":true,"deadline":"2020-12-31",
//	 "source":{citation},"notes":[{…}],"parts":[{result}…]}
//
// Quantities are as [quantity.Quantity.MarshalJSON] writes them. "achieved",
// "progress" and "pace" are absent when there is no data or the target has
// not started; "covered", "units", "listed" and "shortfall" belong to
// per-unit kinds. A gap's kind is "no record", "below", "above" or
// "undecided"; a unit with no record has no "has". "bounds" are written
// when the achieved figure is not exact, a side left out being unbounded.
func (r Result) MarshalJSON() ([]byte, error) {
	// UnmarshalJSON reads kinds, statuses, paces and gap kinds by their
	// names: a result with one it has no name for is not written.
	if err := r.checkNames(); err != nil {
		return nil, err
	}
	j := resultJSON{ID: r.ID, Name: r.Name, Kind: r.Kind.Name().En, Indicator: r.Indicator, Status: r.Status.Name().En,
		Certain: r.Certain(), Required: r.Required, Records: r.Records, Notes: r.Notes, Parts: r.Parts}
	data := r.Status != NoData && r.Status != NotStarted
	if data || r.Certainty != quantity.Exact {
		j.Certainty = &r.Certainty
	}
	if data {
		j.Achieved = &r.Achieved
		if !r.Bounds.IsExact() {
			j.Bounds = &boundsJSON{LoOpen: r.Bounds.LoOpen, HiOpen: r.Bounds.HiOpen}
			if r.Bounds.HasLo {
				j.Bounds.Lo = r.Bounds.Lo.String()
			}
			if r.Bounds.HasHi {
				j.Bounds.Hi = r.Bounds.Hi.String()
			}
		}
	}
	if data && r.Status != Recorded {
		j.Progress = decimalString(r.Progress)
		if r.Pace != PaceUnknown {
			j.Pace = r.Pace.Name().En
			j.Expected = decimalString(r.Expected)
		}
	}
	if !r.PerUnit.IsZero() {
		j.PerUnit = &r.PerUnit
		j.Covered, j.Units, j.Listed = &r.Covered, &r.Units, &r.Listed
	}
	if !r.Baseline.IsZero() {
		j.Baseline = &r.Baseline
	}
	for g := range r.Shortfall.All() {
		j.Shortfall = append(j.Shortfall, gapToJSON(g))
	}
	if !r.Deadline.IsZero() {
		j.Deadline = r.Deadline.Format(time.DateOnly)
	}
	j.DataAsOf, j.Stale = dateString(r.DataAsOf), r.Stale
	j.AsOf, j.Aggregation, j.Reported = dateString(r.AsOf), r.ind.Aggregation, r.ind.Reported
	if !r.Source.IsZero() {
		j.Source = &r.Source
	}
	return json.Marshal(j)
}

// checkNames refuses a kind, status, pace or gap kind without a name.
func (r Result) checkNames() error {
	bad := func(field, value string) error { return &Error{ID: r.ID, Field: field, Value: value, Err: ErrInvalid} }
	switch {
	case r.Kind.Name().IsZero():
		return bad("kind", r.Kind.String())
	case r.Status.Name().IsZero():
		return bad("status", r.Status.String())
	case r.Pace.Name().IsZero():
		return bad("pace", r.Pace.String())
	}
	for g := range r.Shortfall.All() {
		if g.Kind.Name().IsZero() {
			return bad("shortfall", g.Region.Code+" "+g.Kind.String())
		}
	}
	return nil
}

// UnmarshalJSON reads the shape [Result.MarshalJSON] writes: the kind,
// status, pace and gap kinds by their English names, decimals as plain
// decimal strings, dates as YYYY-MM-DD. What the shape does not carry
// stays zero: AsOf, and the level and parent of a gap's region. A result
// with data and no "bounds" has exact bounds: of the units covered for a
// per-unit kind ([KindCoverage], [KindEachInRange], [KindEachYear]), of
// the achieved figure otherwise. "certain" follows from the status and is
// not read.
func (r *Result) UnmarshalJSON(b []byte) error {
	var j resultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	bad := func(field, value string, err error) error {
		return &Error{ID: j.ID, Field: field, Value: value, Err: err}
	}
	out := Result{ID: j.ID, Name: j.Name, Indicator: j.Indicator, Required: j.Required,
		Records: j.Records, Stale: j.Stale, Notes: j.Notes, Parts: j.Parts}
	if j.Certainty != nil {
		out.Certainty = *j.Certainty
	}
	var ok bool
	if out.Kind, ok = byName[Kind](kindNames[:], j.Kind); !ok {
		return bad("kind", j.Kind, ErrInvalid)
	}
	if j.Status == "exceeded" {
		j.Status = Exceeded.Name().En // the name before "over the limit"
	}
	if out.Status, ok = byName[Status](statusNames[:], j.Status); !ok {
		return bad("status", j.Status, ErrInvalid)
	}
	if j.Pace != "" {
		if out.Pace, ok = byName[Pace](paceNames[:], j.Pace); !ok {
			return bad("pace", j.Pace, ErrInvalid)
		}
	}
	if j.Achieved != nil {
		out.Achieved = *j.Achieved
	}
	if j.PerUnit != nil {
		out.PerUnit = *j.PerUnit
	}
	if j.Baseline != nil {
		out.Baseline = *j.Baseline
	}
	for _, d := range []struct {
		field string
		from  *string
		to    *decimal.Decimal
	}{{"progress", j.Progress, &out.Progress}, {"expected", j.Expected, &out.Expected}} {
		if d.from == nil {
			continue
		}
		v, err := plainDecimal(*d.from)
		if err != nil {
			return bad(d.field, *d.from, err)
		}
		*d.to = v
	}
	if j.Covered != nil {
		out.Covered = *j.Covered
	}
	if j.Units != nil {
		out.Units = *j.Units
	}
	if j.Listed != nil {
		out.Listed = *j.Listed
	}
	gaps := make([]Gap, 0, len(j.Shortfall))
	for _, gj := range j.Shortfall {
		g, err := gapFromJSON(gj)
		if err != nil {
			return bad("shortfall", gj.Code+" "+gj.Kind, err)
		}
		gaps = append(gaps, g)
	}
	out.Shortfall = GapList(gaps...)
	if bj := j.Bounds; bj != nil {
		out.Bounds.LoOpen, out.Bounds.HiOpen = bj.LoOpen, bj.HiOpen
		for _, d := range []struct {
			s   string
			to  *decimal.Decimal
			has *bool
		}{{bj.Lo, &out.Bounds.Lo, &out.Bounds.HasLo}, {bj.Hi, &out.Bounds.Hi, &out.Bounds.HasHi}} {
			if d.s == "" {
				continue
			}
			v, err := plainDecimal(d.s)
			if err != nil {
				return bad("bounds", d.s, err)
			}
			*d.to, *d.has = v, true
		}
	} else if out.Status != NoData && out.Status != NotStarted {
		switch out.Kind {
		case KindCoverage, KindEachInRange, KindEachYear:
			out.Bounds = quantity.Exactly(decimal.NewFromInt(int64(out.Covered)))
		default:
			out.Bounds = quantity.Exactly(out.Achieved.Value())
		}
	}
	var err error
	if out.DataAsOf, err = parseDate(j.DataAsOf); err != nil {
		return bad("dataAsOf", j.DataAsOf, err)
	}
	if out.Deadline, err = parseDate(j.Deadline); err != nil {
		return bad("deadline", j.Deadline, err)
	}
	if out.AsOf, err = parseDate(j.AsOf); err != nil {
		return bad("asOf", j.AsOf, err)
	}
	out.ind = outcome.Indicator{Code: j.Indicator, Aggregation: j.Aggregation, Reported: j.Reported}
	if j.Source != nil {
		out.Source = *j.Source
	}
	*r = out
	return nil
}

// byName returns the enum value whose English name is s, among the names
// from 1 on.
func byName[K ~uint8](names []lang.Name, s string) (K, bool) {
	for k, n := range names {
		if k != 0 && n.En == s {
			return K(k), true
		}
	}
	return 0, false
}

// plainDecimal reads a decimal as [decimal.Decimal.String] writes it: an
// optional minus sign, digits, and a point with digits; not exponent
// notation.
func plainDecimal(s string) (decimal.Decimal, error) {
	digits, _ := strings.CutPrefix(s, "-")
	whole, frac, dot := strings.Cut(digits, ".")
	if whole == "" || dot && frac == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return decimal.Decimal{}, fmt.Errorf("not a plain decimal: %w", ErrInvalid)
	}
	return decimal.NewFromString(s)
}

func decimalString(d decimal.Decimal) *string {
	s := d.String()
	return &s
}

// targetJSON is the documented JSON shape of a Target: the catalogue as
// data, for tools in other languages. Dates are YYYY-MM-DD; empty parts are
// left out.
type targetJSON struct {
	ID         string             `json:"id"`
	Name       lang.Name          `json:"name"`
	Kind       string             `json:"kind"`
	Indicator  string             `json:"indicator,omitempty"`
	Scope      string             `json:"scope,omitempty"`
	In         []string           `json:"in,omitempty"`
	Population *populationJSON    `json:"population,omitempty"`
	Required   *quantity.Quantity `json:"required,omitempty"`
	Baseline   *quantity.Quantity `json:"baseline,omitempty"`
	Start      string             `json:"start,omitempty"`
	Deadline   string             `json:"deadline,omitempty"`
	Source     *outcome.Citation  `json:"source,omitempty"`
	CoveredBy  string             `json:"coveredBy,omitempty"`
	SeeAlso    []string           `json:"seeAlso,omitempty"`
	Parts      []Target           `json:"parts,omitempty"`
}

// populationJSON is a Population: a level within a region, a list of
// codes, or a size, with an optional condition. A condition's predicate is
// Go code and is not written: "predicate" says one was set, and decoding
// gives the population without it.
type populationJSON struct {
	Name      lang.Name     `json:"name"`
	Level     outcome.Level `json:"level,omitempty"`
	Within    string        `json:"within,omitempty"`
	Codes     []string      `json:"codes,omitempty"`
	Size      int           `json:"size,omitempty"`
	Condition *lang.Name    `json:"condition,omitempty"`
	Predicate bool          `json:"predicate,omitempty"`
	In        []string      `json:"in,omitempty"`
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, s)
}

// MarshalJSON writes the target as data:
//
//	{"id":"county-park","name":{…},"kind":"coverage","indicator":"county-parks",
//	 "population":{"name":{…},"codes":["130131",…],"condition":{…}},
//	 "required":{quantity},"start":"2016-01-01","deadline":"2020-12-31",
//	 "source":{citation},"coveredBy":"…","seeAlso":["…"],"parts":[{target}…]}
//
// "kind" is the kind's English name ("each year at least" for [EachYear]).
// "scope" is the region of the last [Target.In]; "in" lists the regions of
// earlier ones, where they differ. A population's "in" lists the regions it
// was narrowed to ([Population.In]).
func (t Target) MarshalJSON() ([]byte, error) {
	if t.kind.Name().IsZero() {
		// UnmarshalJSON reads a kind by its name: a target without one
		// is not written.
		return nil, &Error{ID: t.id, Field: "kind", Value: t.kind.String(), Err: ErrInvalid}
	}
	j := targetJSON{ID: t.id, Name: t.name, Kind: t.kind.Name().En, Indicator: t.indicator, Scope: t.scope, In: t.outer,
		Start: dateString(t.start), Deadline: dateString(t.deadline), CoveredBy: t.coveredBy, SeeAlso: t.seeAlso, Parts: t.parts}
	if !t.pop.IsZero() {
		p := t.pop
		j.Population = &populationJSON{Name: p.name, Level: p.level, Within: p.within, Codes: p.codes, Size: p.size, Predicate: p.keep != nil, In: p.scopes}
		if !p.condition.IsZero() {
			j.Population.Condition = &p.condition
		}
	}
	if t.kind != KindAllOf && t.kind != KindObserve {
		j.Required = &t.required
	}
	if !t.baseline.IsZero() {
		j.Baseline = &t.baseline
	}
	if !t.source.IsZero() {
		j.Source = &t.source
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the shape [Target.MarshalJSON] writes.
func (t *Target) UnmarshalJSON(b []byte) error {
	var j targetJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	out := Target{id: j.ID, name: j.Name, indicator: j.Indicator, scope: j.Scope, outer: j.In, coveredBy: j.CoveredBy, seeAlso: j.SeeAlso, parts: j.Parts}
	for k, n := range kindNames {
		if k != 0 && n.En == j.Kind {
			out.kind = Kind(k)
		}
	}
	if out.kind == 0 {
		return &Error{ID: j.ID, Field: "kind", Value: j.Kind, Err: ErrInvalid}
	}
	if p := j.Population; p != nil {
		out.pop = Population{name: p.Name, level: p.Level, within: p.Within, codes: p.Codes, size: p.Size, scopes: p.In}
		if p.Condition != nil {
			out.pop.condition = *p.Condition
		}
	}
	if j.Required != nil {
		out.required = *j.Required
	}
	if j.Baseline != nil {
		out.baseline = *j.Baseline
	}
	if j.Source != nil {
		out.source = *j.Source
	}
	var err error
	if out.start, err = parseDate(j.Start); err != nil {
		return &Error{ID: j.ID, Field: "start", Value: j.Start, Err: err}
	}
	if out.deadline, err = parseDate(j.Deadline); err != nil {
		return &Error{ID: j.ID, Field: "deadline", Value: j.Deadline, Err: err}
	}
	*t = out
	return nil
}

// Equal reports whether t and u are the same target: every field and part
// equal, quantities by value ([quantity.Quantity.Equal]), populations by
// [Population.Equal].
func (t Target) Equal(u Target) bool {
	return t.id == u.id && t.name == u.name && t.kind == u.kind && t.indicator == u.indicator && t.scope == u.scope &&
		slices.Equal(t.outer, u.outer) && t.pop.Equal(u.pop) && t.required.Equal(u.required) && t.baseline.Equal(u.baseline) &&
		t.start.Equal(u.start) && t.deadline.Equal(u.deadline) && t.source == u.source && t.coveredBy == u.coveredBy &&
		slices.Equal(t.seeAlso, u.seeAlso) && slices.EqualFunc(t.parts, u.parts, Target.Equal)
}

// MarshalJSON writes the gaps as the "shortfall" list of a result's JSON:
// [{"code":"…","name":{…},"kind":"below","has":"0","lacks":"1"}, …], by
// code; [] for none.
func (g Gaps) MarshalJSON() ([]byte, error) {
	out := make([]gapJSON, 0, g.Len())
	for gap := range g.All() {
		if gap.Kind.Name().IsZero() {
			return nil, fmt.Errorf("target: gap of %s: kind %d has no name: %w", gap.Region.Code, gap.Kind, ErrInvalid)
		}
		out = append(out, gapToJSON(gap))
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the list [Gaps.MarshalJSON] writes. A gap's region
// has its code and name; its level and parent are not written.
func (g *Gaps) UnmarshalJSON(b []byte) error {
	var list []gapJSON
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	gaps := make([]Gap, 0, len(list))
	for _, gj := range list {
		gap, err := gapFromJSON(gj)
		if err != nil {
			return &Error{Field: "shortfall", Value: gj.Code + " " + gj.Kind, Err: err}
		}
		gaps = append(gaps, gap)
	}
	*g = GapList(gaps...)
	return nil
}

// gapToJSON is a shortfall entry as JSON writes it: has only with a
// record, its qualifier only when it has one, lacks and excess only when
// not zero.
func gapToJSON(g Gap) gapJSON {
	gj := gapJSON{Code: g.Region.Code, Name: g.Region.Name, Kind: g.Kind.Name().En}
	if g.Kind != GapNoRecord {
		gj.Has, gj.Qualifier = g.Has.String(), g.Qualifier.String()
	}
	if g.ranged() {
		gj.Max = g.Max.String()
	}
	if !g.Lacks.IsZero() {
		gj.Lacks = g.Lacks.String()
	}
	if !g.Excess.IsZero() {
		gj.Excess = g.Excess.String()
	}
	return gj
}

func gapFromJSON(gj gapJSON) (Gap, error) {
	g := Gap{Region: outcome.Region{Code: gj.Code, Name: gj.Name}}
	var ok bool
	var err error
	if g.Kind, ok = byName[GapKind](gapKindNames[:], gj.Kind); !ok {
		return Gap{}, ErrInvalid
	}
	if g.Qualifier, err = quantity.ParseQualifier(gj.Qualifier); err != nil {
		return Gap{}, err
	}
	for _, d := range []struct {
		s  string
		to *decimal.Decimal
	}{{gj.Has, &g.Has}, {gj.Max, &g.Max}, {gj.Lacks, &g.Lacks}, {gj.Excess, &g.Excess}} {
		if d.s == "" {
			continue
		}
		v, err := plainDecimal(d.s)
		if err != nil {
			return Gap{}, err
		}
		*d.to = v
	}
	return g, nil
}
