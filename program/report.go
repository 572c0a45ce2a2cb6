package program

import (
	"encoding/json"
	"time"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

// Report is a program's evaluation as of a date: one result per target and a
// summary.
type Report struct {
	Program string           // the program's id
	Name    outcome.Name     // the program's name
	Source  outcome.Citation // where the program is stated
	AsOf    time.Time
	Results []target.Result
	Summary Summary
}

// Summary counts a report's targets by status.
type Summary struct {
	Targets    int `json:"targets"`
	Met        int `json:"met"`
	InProgress int `json:"inProgress"`
	Missed     int `json:"missed"`
	Exceeded   int `json:"exceeded"`
	NoData     int `json:"noData"`
	Recorded   int `json:"recorded"` // figures shown without a requirement
}

func (s *Summary) add(st target.Status) {
	s.Targets++
	switch st {
	case target.Met:
		s.Met++
	case target.InProgress:
		s.InProgress++
	case target.Missed:
		s.Missed++
	case target.Exceeded:
		s.Exceeded++
	case target.NoData:
		s.NoData++
	case target.Recorded:
		s.Recorded++
	}
}

type reportJSON struct {
	Program programRefJSON    `json:"program"`
	AsOf    string            `json:"asOf"`
	Summary Summary           `json:"summary"`
	Results []target.Result   `json:"results"`
	Source  *outcome.Citation `json:"source,omitempty"`
}

type programRefJSON struct {
	ID   string       `json:"id"`
	Name outcome.Name `json:"name"`
}

// MarshalJSON writes the report in a stable shape:
//
//	{"program":{"id":"…","name":{"zh":"…","en":"…"}},
//	 "asOf":"2019-12-31",
//	 "summary":{"targets":3,"met":1,"inProgress":1,"missed":0,"exceeded":0,"noData":1,"recorded":0},
//	 "results":[…],
//	 "source":{"document":"…","section":"…","mark":"…"}}
//
// Each result is as [target.Result.MarshalJSON] writes it.
func (r Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{Program: programRefJSON{r.Program, r.Name}, AsOf: r.AsOf.Format(time.DateOnly), Summary: r.Summary, Results: r.Results}
	if j.Results == nil {
		j.Results = []target.Result{}
	}
	if !r.Source.IsZero() {
		j.Source = &r.Source
	}
	return json.Marshal(j)
}
