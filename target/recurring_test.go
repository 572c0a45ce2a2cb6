package target

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// yearly is 004_32acad38fe6c52df.txt §一(四)一是 [4]: 「每年组织5000余名科技特派员」,
// given the years 2016–2020.
func yearly() Target {
	return EachYear("commissioners-a-year", lang.Name{Zh: "每年组织5000余名科技特派员", En: "more than 5000 commissioners a year"}, "commissioners", quantity.MustParse("5000余名")).From(start2016).By(end2020)
}

// years returns one record of indicator at the province for each year from
// first, with the figures given; "" leaves a year without a record.
func years(indicator string, first int, figures ...string) []outcome.Record {
	var out []outcome.Record
	for i, f := range figures {
		if f != "" {
			out = append(out, rec(indicator, "430000", period.Year(first+i).String(), f))
		}
	}
	return out
}

// partStatuses returns "2016 met", … for the parts of r.
func partStatuses(r Result) []string {
	var out []string
	for _, p := range r.Parts {
		out = append(out, p.ID+" "+p.Status.Name().En)
	}
	return out
}

func TestEachYear(t *testing.T) {
	tests := []struct {
		name    string
		target  Target
		records []outcome.Record
		asOf    time.Time
		status  Status
		covered int // years met among those judged
		units   int // years judged
		parts   []string
	}{
		{
			name:    "every year over 5000",
			target:  yearly(),
			records: years("commissioners", 2016, "5200名", "5100名", "5300名", "5001名"),
			asOf:    asOf2019, status: Met, covered: 4, units: 4,
			parts: []string{"2016 met", "2017 met", "2018 met", "2019 met"},
		},
		{
			// 5000余 asks for more than 5000: 2017's 5000 falls short, and
			// 2017 is over, so it is missed, and so is the whole.
			name:    "a year at exactly 5000 is missed",
			target:  yearly(),
			records: years("commissioners", 2016, "5200名", "5000名", "5300名", "5400名"),
			asOf:    asOf2019, status: Missed, covered: 3, units: 4,
			parts: []string{"2016 met", "2017 missed", "2018 met", "2019 met"},
		},
		{
			// A year over without a figure is no verdict on the whole.
			name:    "a year without a figure",
			target:  yearly(),
			records: years("commissioners", 2016, "5200名", "5100名", "", "5400名"),
			asOf:    asOf2019, status: NoFigureAtDeadline, covered: 3, units: 4,
			parts: []string{"2016 met", "2017 met", "2018 no data", "2019 met"},
		},
		{
			// 2020 is not over on 2020-06-30: shown in progress, not
			// missed, and not yet judged.
			name:   "the current year is in progress",
			target: yearly(),
			records: append(years("commissioners", 2016, "5200名", "5100名", "5300名", "5400名"),
				rec("commissioners", "430000", "2020-01-01/2020-03-31", "1200名")),
			asOf: date(2020, 6, 30), status: Met, covered: 4, units: 4,
			parts: []string{"2016 met", "2017 met", "2018 met", "2019 met", "2020 in progress"},
		},
		{
			name:   "the first year, under way, without a figure",
			target: yearly(),
			asOf:   date(2016, 6, 30), status: NoData, covered: 0, units: 1,
			parts: []string{"2016 no data"},
		},
		{
			name:   "the first year, under way, already met",
			target: yearly(), records: []outcome.Record{rec("commissioners", "430000", "2016-01-01/2016-05-31", "5100名")},
			asOf: date(2016, 6, 30), status: Met, covered: 1, units: 1,
			parts: []string{"2016 met"},
		},
		{
			name:   "before the start",
			target: yearly(), records: years("commissioners", 2015, "5200名"),
			asOf: date(2015, 12, 31), status: NotStarted,
		},
		{
			// Past the deadline, the years end with the deadline's year.
			name:    "after the deadline",
			target:  yearly(),
			records: years("commissioners", 2016, "5200名", "5100名", "5300名", "5400名", "5500名", "100名"),
			asOf:    date(2022, 6, 30), status: Met, covered: 5, units: 5,
			parts: []string{"2016 met", "2017 met", "2018 met", "2019 met", "2020 met"},
		},
		{
			// Without a start, only the year of the date evaluated is known.
			name:    "no start: the last year only",
			target:  EachYear("c", lang.Name{}, "commissioners", quantity.MustParse("5000余名")),
			records: years("commissioners", 2018, "4000名", "5400名"),
			asOf:    asOf2019, status: Met, covered: 1, units: 1,
			parts: []string{"2019 met"},
		},
		{
			// 5000余 of 2019 is more than 5000: met. 不到5200 may be either.
			name:    "qualified figures",
			target:  yearly(),
			records: years("commissioners", 2016, "5200名", "5000余名", "不到5200名"),
			asOf:    date(2018, 12, 31), status: Undecided, covered: 2, units: 3,
			parts: []string{"2016 met", "2017 met", "2018 undecided"},
		},
		{
			// 「近1000名“三区”科技人才」: a requirement of 近1000 is taken at
			// 1000, so 1000 meets it and 990 does not.
			name: "近1000 is taken at 1000",
			target: EachYear("t", lang.Name{}, "commissioners", quantity.MustParse("近1000名")).
				From(date(2018, 1, 1)),
			records: years("commissioners", 2018, "1000名", "990名"),
			asOf:    asOf2019, status: Missed, covered: 1, units: 2,
			parts: []string{"2018 met", "2019 missed"},
		},
		{
			// A start within a year takes the year whole.
			name:    "a start within a year",
			target:  yearly().From(date(2016, 10, 1)),
			records: years("commissioners", 2016, "5200名", "5300名"),
			asOf:    date(2017, 12, 31), status: Met, covered: 2, units: 2,
			parts: []string{"2016 met", "2017 met"},
		},
		{
			// In a county, only the county's figures count.
			name:   "in a county",
			target: yearly().In("433122"),
			records: []outcome.Record{rec("commissioners", "433122", "2016", "5200名"), rec("commissioners", "433130", "2017", "5200名"),
				rec("commissioners", "433122", "2017", "300名")},
			asOf: date(2017, 12, 31), status: Missed, covered: 1, units: 2,
			parts: []string{"2016 met", "2017 missed"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.target.Evaluate(testLedger(t, tt.records...), tt.asOf)
			require.NoError(t, err)
			if r.Status != tt.status || r.Covered != tt.covered || r.Units != tt.units {
				t.Errorf("Evaluate = %v, %d of %d years met; want %v, %d of %d", r.Status, r.Covered, r.Units, tt.status, tt.covered, tt.units)
			}
			if diff := cmp.Diff(tt.parts, partStatuses(r)); diff != "" {
				t.Errorf("years mismatch (-want +got):\n%s", diff)
			}
			if r.Kind != KindEachYear || r.Pace != PaceUnknown {
				t.Errorf("kind %v, pace %v; want each year at least, no pace", r.Kind, r.Pace)
			}
		})
	}
}

func TestEachYearFigures(t *testing.T) {
	l := testLedger(t, years("commissioners", 2016, "5200名", "5100名", "4900名", "5400名")...)
	r, err := yearly().Evaluate(l, asOf2019)
	require.NoError(t, err)
	// The whole's progress is its weakest year's: 4900/5000 in 2018.
	if !r.Progress.Equal(d("0.98")) || !r.PerUnit.Equal(quantity.MustParse("5000余名")) || r.Records != 4 {
		t.Errorf("progress %v, per year %v, %d records; want 0.98, 5000余名, 4", r.Progress, r.PerUnit, r.Records)
	}
	if want := date(2019, 12, 31); !r.DataAsOf.Equal(want) || r.Stale {
		t.Errorf("data as of %v (stale %v), want %v, not stale", r.DataAsOf, r.Stale, want)
	}
	y := r.Parts[2]
	if y.ID != "2018" || y.Name.Zh != "2018年" || !y.Achieved.Equal(quantity.MustParse("4900名")) || !y.Deadline.Equal(date(2018, 12, 31)) {
		t.Errorf("2018: %s %v achieved %v due %v; want 2018 2018年 4900名 due 2018-12-31", y.ID, y.Name, y.Achieved, y.Deadline)
	}
}

func TestEachYearNotes(t *testing.T) {
	// 004 §一(四)一是 [4] prints 「每年组织5000余名」 without a year, and [11]
	// 770 三区 talents selected by the province in 2019: neither counts.
	undated, err := period.Undated(date(2011, 1, 1), date(2019, 12, 31))
	require.NoError(t, err)
	l := testLedger(t,
		outcome.Record{Indicator: "commissioners", Region: "430000", Period: undated, Quantity: quantity.MustParse("5000余名"), Note: "每年组织"},
		rec("leaders", "430000", "2019", "770名"))
	r, err := yearly().SeeAlso("leaders").Evaluate(l, asOf2019)
	require.NoError(t, err)
	if r.Status != NoData || r.Records != 0 {
		t.Errorf("status %v with %d records, want no data", r.Status, r.Records)
	}
	var notes []string
	for _, n := range r.Notes {
		notes = append(notes, n.En)
	}
	want := []string{
		`not counted: 770 persons of "leaders", another measure`,
		"not counted: more than 5,000 persons (undated, within 2011–2019; 每年组织); the record spans more than one year and cannot count for any one of them",
	}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes mismatch (-want +got):\n%s", diff)
	}
}

func TestEachYearMerge(t *testing.T) {
	records := []outcome.Record{
		rec("commissioners", "433122", "2016", "3000名"), rec("commissioners", "433130", "2016", "2500名"),
		rec("commissioners", "433122", "2017", "3000名"), rec("commissioners", "433130", "2017", "1000名以上"),
		rec("commissioners", "433122", "2018", "2000名"),
	}
	var luxi, longshan []outcome.Record
	for _, r := range records {
		if r.Region == "433122" {
			luxi = append(luxi, r)
		} else {
			longshan = append(longshan, r)
		}
	}
	tg := yearly()
	asOf := date(2019, 3, 31)
	whole, err := tg.Evaluate(testLedger(t, records...), asOf)
	require.NoError(t, err)
	var shards []Result
	for _, recs := range [][]outcome.Record{luxi, longshan} {
		r, err := tg.Evaluate(testLedger(t, recs...), asOf)
		require.NoError(t, err)
		shards = append(shards, r)
	}
	merged, err := tg.Merge(shards...)
	require.NoError(t, err)
	if diff := cmp.Diff(asJSON(t, whole), asJSON(t, merged)); diff != "" {
		t.Errorf("merged shards differ from the whole (-whole +merged):\n%s", diff)
	}
	// 2016: 5500 met; 2017: 3000 + 1000以上 is at least 4000, undecided;
	// 2018: 2000, missed; 2019 in progress without a figure.
	if diff := cmp.Diff([]string{"2016 met", "2017 undecided", "2018 missed", "2019 no data"}, partStatuses(merged)); diff != "" || merged.Status != Missed {
		t.Errorf("merged: %v; years mismatch (-want +got):\n%s", merged.Status, diff)
	}
	shards[1].Parts = shards[1].Parts[:2]
	if _, err := tg.Merge(shards...); err == nil {
		t.Error("Merge of a result with fewer years succeeded, want an error")
	}
}

func TestEachYearJSON(t *testing.T) {
	tg := yearly().In("433122").SeeAlso("leaders").Cite(outcome.Cite("004_32acad38fe6c52df.txt", "一(四)一是", "[4]"))
	b, err := json.Marshal(tg)
	require.NoError(t, err)
	if !strings.Contains(string(b), `"kind":"each year at least"`) {
		t.Errorf("Marshal = %s, want the kind by its name", b)
	}
	var back Target
	require.NoError(t, json.Unmarshal(b, &back))
	if !back.Equal(tg) {
		t.Errorf("round trip of %s gives another target", b)
	}
}

func TestEachYearValidate(t *testing.T) {
	tg := EachYear("x", lang.Name{}, "commissioners", quantity.MustParse("3—5名"))
	if err := tg.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Validate of a yearly range = %v, want ErrInvalid", err)
	}
	assert.Equal(t, lang.Name{Zh: "每年不少于", En: "each year at least"}, KindEachYear.Name())
	assert.Equal(t, "每年不少于", KindEachYear.String(), "String is the Chinese name")
	if !slices.Contains(kindNames[:], KindEachYear.Name()) {
		t.Error("KindEachYear has no name")
	}
}
