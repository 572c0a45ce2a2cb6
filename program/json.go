package program

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

// issuer is the level of a program in JSON: [outcome.Level]'s text
// ("nation", "province", "prefecture", "county"), and in reading also the
// names program.Level had before it became outcome.Level ("national",
// "provincial", "prefectural"), so program files written then still read.
type issuer outcome.Level

// oldLevelNames are the names of program.Level, by the outcome.Level each
// became.
var oldLevelNames = map[string]outcome.Level{
	"national":    outcome.Nation,
	"provincial":  outcome.Province,
	"prefectural": outcome.Prefecture,
}

func (l issuer) MarshalText() ([]byte, error) { return outcome.Level(l).MarshalText() }

func (l *issuer) UnmarshalText(b []byte) error {
	if old, ok := oldLevelNames[string(b)]; ok {
		*l = issuer(old)
		return nil
	}
	return (*outcome.Level)(l).UnmarshalText(b)
}

// programJSON is the documented JSON shape of a Program.
type programJSON struct {
	ID         string              `json:"id"`
	Name       lang.Name           `json:"name"`
	Level      issuer              `json:"level,omitzero"`
	Issuers    []lang.Name         `json:"issuers,omitempty"`
	Start      string              `json:"start,omitempty"`
	Deadline   string              `json:"deadline,omitempty"`
	Source     *outcome.Citation   `json:"source,omitempty"`
	Indicators []outcome.Indicator `json:"indicators"`
	Targets    []target.Target     `json:"targets"`
}

// MarshalJSON writes the program as data, so that tools in other languages
// can read the catalogue:
//
//	{"id":"national/bai-qian-wan","name":{"zh":"…","en":"…"},"level":"nation",
//	 "issuers":[{…}],"start":"2016-10-01","deadline":"2020-12-31",
//	 "source":{"document":"…","section":"…","mark":"…"},
//	 "indicators":[{"code":"…","name":{…},"unit":"units","aggregation":"stock"}],
//	 "targets":[…]}
//
// Targets are as [target.Target.MarshalJSON] writes them.
func (p Program) MarshalJSON() ([]byte, error) {
	j := programJSON{ID: p.ID, Name: p.Name, Level: issuer(p.Level), Issuers: p.Issuers, Indicators: p.Indicators, Targets: p.Targets}
	if !p.Start.IsZero() {
		j.Start = p.Start.Format(time.DateOnly)
	}
	if !p.Deadline.IsZero() {
		j.Deadline = p.Deadline.Format(time.DateOnly)
	}
	if !p.Source.IsZero() {
		j.Source = &p.Source
	}
	if j.Indicators == nil {
		j.Indicators = []outcome.Indicator{}
	}
	if j.Targets == nil {
		j.Targets = []target.Target{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the shape [Program.MarshalJSON] writes.
func (p *Program) UnmarshalJSON(b []byte) error {
	var j programJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	out := Program{ID: j.ID, Name: j.Name, Level: outcome.Level(j.Level), Issuers: j.Issuers, Indicators: j.Indicators, Targets: j.Targets}
	if j.Source != nil {
		out.Source = *j.Source
	}
	for _, d := range []struct {
		s   string
		dst *time.Time
	}{{j.Start, &out.Start}, {j.Deadline, &out.Deadline}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.s)
		if err != nil {
			return fmt.Errorf("program %s: date %q: %w", j.ID, d.s, err)
		}
		*d.dst = t
	}
	*p = out
	return nil
}

// UnmarshalJSON reads the shape [Report.MarshalJSON] writes, results
// included ([target.Result.UnmarshalJSON]), so that reports evaluated in
// other processes merge ([Program.Merge]).
func (r *Report) UnmarshalJSON(b []byte) error {
	var j reportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	asOf, err := time.Parse(time.DateOnly, j.AsOf)
	if err != nil {
		return fmt.Errorf("program: report %s: asOf %q: %w", j.Program.ID, j.AsOf, outcome.ErrSyntax)
	}
	out := Report{Program: j.Program.ID, Name: j.Program.Name, AsOf: asOf, Results: j.Results, Summary: j.Summary}
	if len(out.Results) == 0 {
		out.Results = nil
	}
	if j.Source != nil {
		out.Source = *j.Source
	}
	*r = out
	return nil
}
