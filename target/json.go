package target

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/outcome"
)

// resultJSON is the documented JSON shape of a Result. Keys appear in this
// order; decimals are strings; optional parts are left out when empty.
type resultJSON struct {
	ID        string            `json:"id"`
	Name      outcome.Name      `json:"name"`
	Kind      string            `json:"kind"`
	Indicator string            `json:"indicator,omitempty"`
	Status    string            `json:"status"`
	Certainty outcome.Certainty `json:"certainty"`
	Certain   bool              `json:"certain"`
	Required  outcome.Quantity  `json:"required"`
	Achieved  *outcome.Quantity `json:"achieved,omitempty"`
	PerUnit   *outcome.Quantity `json:"perUnit,omitempty"`
	Baseline  *outcome.Quantity `json:"baseline,omitempty"`
	Progress  *string           `json:"progress,omitempty"`
	Expected  *string           `json:"expected,omitempty"`
	Pace      string            `json:"pace,omitempty"`
	Covered   *int              `json:"covered,omitempty"`
	Units     *int              `json:"units,omitempty"`
	Listed    *bool             `json:"listed,omitempty"`
	Shortfall []gapJSON         `json:"shortfall,omitempty"`
	Records   int               `json:"records"`
	Deadline  string            `json:"deadline,omitempty"`
	Source    *outcome.Citation `json:"source,omitempty"`
	Notes     []outcome.Name    `json:"notes,omitempty"`
	Parts     []Result          `json:"parts,omitempty"`
}

type gapJSON struct {
	Code   string       `json:"code"`
	Name   outcome.Name `json:"name"`
	Has    string       `json:"has"`
	Lacks  string       `json:"lacks,omitempty"`
	Excess string       `json:"excess,omitempty"`
}

// MarshalJSON writes r in a stable shape:
//
//	{"id":"…","name":{"zh":"…","en":"…"},"kind":"coverage","indicator":"…",
//	 "status":"in progress","certainty":"exact","certain":true,
//	 "required":{quantity},"achieved":{quantity},"perUnit":{quantity},
//	 "progress":"0.94","expected":"0.5","pace":"behind",
//	 "covered":49,"units":51,"listed":true,
//	 "shortfall":[{"code":"…","name":{…},"has":"0","lacks":"1"}],
//	 "records":49,"deadline":"2020-12-31","source":{citation},
//	 "notes":[{…}],"parts":[{result}…]}
//
// Quantities are as [outcome.Quantity.MarshalJSON] writes them. "achieved",
// "progress" and "pace" are absent when there is no data; "covered",
// "units", "listed" and "shortfall" belong to per-unit kinds.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{ID: r.ID, Name: r.Name, Kind: r.Kind.String(), Indicator: r.Indicator, Status: r.Status.String(),
		Certainty: r.Certainty, Certain: r.Certain(), Required: r.Required, Records: r.Records, Notes: r.Notes, Parts: r.Parts}
	if r.Status != NoData {
		j.Achieved = &r.Achieved
	}
	if r.Status != NoData && r.Status != Recorded {
		j.Progress = decimalString(r.Progress)
		if r.Pace != PaceUnknown {
			j.Pace = r.Pace.String()
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
	for _, g := range r.Shortfall {
		gj := gapJSON{Code: g.Region.Code, Name: g.Region.Name, Has: g.Has.String()}
		if !g.Lacks.IsZero() {
			gj.Lacks = g.Lacks.String()
		}
		if !g.Excess.IsZero() {
			gj.Excess = g.Excess.String()
		}
		j.Shortfall = append(j.Shortfall, gj)
	}
	if !r.Deadline.IsZero() {
		j.Deadline = r.Deadline.Format(time.DateOnly)
	}
	if !r.Source.IsZero() {
		j.Source = &r.Source
	}
	return json.Marshal(j)
}

func decimalString(d decimal.Decimal) *string {
	s := d.String()
	return &s
}
