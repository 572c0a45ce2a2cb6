package program

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/target"
)

// Report is a program's evaluation as of a date: one result per target and a
// summary.
type Report struct {
	Program string           // the program's id
	Name    lang.Name        // the program's name
	Source  outcome.Citation // where the program is stated
	AsOf    time.Time
	Results []target.Result
	Summary Summary
}

// Summary counts a report's targets by status: every target is counted
// once, so the counts add up to Targets.
type Summary struct {
	Targets    int `json:"targets"`
	Met        int `json:"met"`
	InProgress int `json:"inProgress"`
	Missed     int `json:"missed"`
	Exceeded   int `json:"exceeded"`
	NoData     int `json:"noData"`
	Recorded   int `json:"recorded"` // figures shown without a requirement
	NotStarted int `json:"notStarted"`
	Undecided  int `json:"undecided"` // the figures' bounds allow both verdicts
	// NoFigureAtDeadline counts targets past their deadline with no figure
	// that reaches it.
	NoFigureAtDeadline int `json:"noFigureAtDeadline"`
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
	case target.NotStarted:
		s.NotStarted++
	case target.Undecided:
		s.Undecided++
	case target.NoFigureAtDeadline:
		s.NoFigureAtDeadline++
	}
}

// In writes the summary as one line in lang: the number of targets, then
// how many are met, in progress, missed, exceeded and without data, and
// the other statuses when some target has them. The counts add up to the
// number of targets.
func (s Summary) In(in lang.Lang) string {
	lb := textLabels[in&1]
	var b strings.Builder
	format := lb.summaryFormat
	if s.Targets == 1 {
		format = lb.oneTargetFormat
	}
	fmt.Fprintf(&b, format, s.Targets, s.Met, s.InProgress, s.Missed, s.Exceeded, s.NoData)
	for _, c := range []struct {
		n  int
		st target.Status
	}{{s.Undecided, target.Undecided}, {s.NoFigureAtDeadline, target.NoFigureAtDeadline}, {s.NotStarted, target.NotStarted}} {
		if c.n > 0 {
			fmt.Fprintf(&b, lb.countFormat, c.n, c.st.Name().In(in))
		}
	}
	if s.Recorded > 0 {
		fmt.Fprintf(&b, lb.recordedFormat, s.Recorded)
	}
	return b.String()
}

type reportJSON struct {
	Program programRefJSON    `json:"program"`
	AsOf    string            `json:"asOf"`
	Summary Summary           `json:"summary"`
	Results []target.Result   `json:"results"`
	Source  *outcome.Citation `json:"source,omitempty"`
}

type programRefJSON struct {
	ID   string    `json:"id"`
	Name lang.Name `json:"name"`
}

// MarshalJSON writes the report in a stable shape:
//
//	{"program":{"id":"…","name":{"zh":"…","en":"…"}},
//	 "asOf":"2019-12-31",
//	 "summary":{"targets":3,"met":1,"inProgress":1,"missed":0,"exceeded":0,"noData":1,"recorded":0,
//	            "notStarted":0,"undecided":0,"noFigureAtDeadline":0},
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
