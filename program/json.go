package program

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

// MarshalText writes the level's English name, and "" for the zero Level.
// A level UnmarshalText would not read back, such as Level(9), is not
// written.
func (l Level) MarshalText() ([]byte, error) {
	switch {
	case l == 0:
		return nil, nil
	case l.Name().IsZero():
		return nil, fmt.Errorf("program: %v: %w", l, ErrInvalid)
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads a level's English name; "" is the zero Level.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = 0
		return nil
	}
	for i, n := range levelNames {
		if i != 0 && n.En == string(b) {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("program: level %q: %w", b, ErrInvalid)
}

// programJSON is the documented JSON shape of a Program.
type programJSON struct {
	ID         string              `json:"id"`
	Name       outcome.Name        `json:"name"`
	Level      Level               `json:"level,omitzero"`
	Issuers    []outcome.Name      `json:"issuers,omitempty"`
	Start      string              `json:"start,omitempty"`
	Deadline   string              `json:"deadline,omitempty"`
	Source     *outcome.Citation   `json:"source,omitempty"`
	Indicators []outcome.Indicator `json:"indicators"`
	Targets    []target.Target     `json:"targets"`
}

// MarshalJSON writes the program as data, so that tools in other languages
// can read the catalogue:
//
//	{"id":"national/bai-qian-wan","name":{"zh":"…","en":"…"},"level":"national",
//	 "issuers":[{…}],"start":"2016-10-01","deadline":"2020-12-31",
//	 "source":{"document":"…","section":"…","mark":"…"},
//	 "indicators":[{"code":"…","name":{…},"unit":"units","aggregation":"stock"}],
//	 "targets":[…]}
//
// Targets are as [target.Target.MarshalJSON] writes them.
func (p Program) MarshalJSON() ([]byte, error) {
	j := programJSON{ID: p.ID, Name: p.Name, Level: p.Level, Issuers: p.Issuers, Indicators: p.Indicators, Targets: p.Targets}
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
	out := Program{ID: j.ID, Name: j.Name, Level: j.Level, Issuers: j.Issuers, Indicators: j.Indicators, Targets: j.Targets}
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
