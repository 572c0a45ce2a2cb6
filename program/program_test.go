package program_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sample is a program modelled on 000_f8a6b69a178fa4e7.txt footnote ③
// (「千、万、十万」) and §3.2 (3—5 leaders per village), over two counties.
func sample(t *testing.T) (program.Program, *outcome.Ledger) {
	t.Helper()
	rs, err := outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: outcome.County, Parent: "430000"},
	})
	require.NoError(t, err)
	cite := outcome.Cite("000_f8a6b69a178fa4e7.txt", "2", "③")
	p := program.Program{
		ID:       "test/sample",
		Name:     lang.Name{Zh: "科技助力精准扶贫工程(节选)", En: "Sci-Tech Aid (excerpt)"},
		Level:    outcome.Nation,
		Issuers:  []lang.Name{{Zh: "中国科学技术协会", En: "CAST"}},
		Start:    date(2016, 10, 1),
		Deadline: date(2020, 12, 31),
		Source:   cite,
		Indicators: []outcome.Indicator{
			{Code: "federations", Name: lang.Name{Zh: "农技协联合会", En: "federations"}, Unit: quantity.Piece, Aggregation: outcome.Stock},
			{Code: "workers", Name: lang.Name{Zh: "科技工作者", En: "sci-tech workers"}, Unit: quantity.Person, Aggregation: outcome.Stock},
			{Code: "leaders", Name: lang.Name{Zh: "致富带头人", En: "leaders"}, Unit: quantity.Person, Aggregation: outcome.Flow},
		},
		Targets: []target.Target{
			target.AtLeast("federations", lang.Name{Zh: "1000个以上农技协联合会", En: "≥1000 federations"}, "federations", quantity.MustParse("1000个以上")).Cite(cite),
			target.AtLeast("workers", lang.Name{Zh: "100000名以上科技工作者", En: "≥100000 workers"}, "workers", quantity.MustParse("100000名以上")).Cite(cite),
			target.EachInRange("leaders", lang.Name{Zh: "每县3—5位带头人", En: "3–5 leaders per county"}, "leaders",
				target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, ""), quantity.MustParse("3—5位")),
		},
	}
	l, err := outcome.NewLedger(rs, p.Indicators...)
	require.NoError(t, err)
	if err := l.Add(
		outcome.Record{Indicator: "federations", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("1000余个")},
		outcome.Record{Indicator: "leaders", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("4名")},
		outcome.Record{Indicator: "leaders", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("1名")},
	); err != nil {
		t.Fatal(err)
	}
	return p, l
}

func TestReport(t *testing.T) {
	p, l := sample(t)
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	want := program.Summary{Targets: 3, Met: 1, InProgress: 1, NoData: 1}
	if diff := cmp.Diff(want, r.Summary); diff != "" {
		t.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
	// Targets without dates of their own take the program's.
	if got := r.Results[0].Deadline; !got.Equal(p.Deadline) {
		t.Errorf("target deadline = %v, want the program's %v", got, p.Deadline)
	}
	for _, tt := range []struct {
		file string
		lang lang.Lang
	}{{"report.zh.txt", lang.Chinese}, {"report.en.txt", lang.English}} {
		var b bytes.Buffer
		require.NoError(t, r.WriteText(&b, tt.lang))
		require.NoError(t, r.WriteShortfall(&b, tt.lang, -1))
		golden.Check(t, tt.file, b.Bytes())
	}
	b, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "report.json", append(b, '\n'))
}

func TestWriteShortfallLimit(t *testing.T) {
	p, l := sample(t)
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, r.WriteShortfall(&b, lang.English, 0))
	const want = "3–5 leaders per county — units not covered: 1/2 (1 below)\n  and 1 more\n"
	if b.String() != want {
		t.Errorf("WriteShortfall(limit 0) = %q, want %q", b.String(), want)
	}
}

func TestValidate(t *testing.T) {
	p, _ := sample(t)
	bad := p.Clone()
	bad.ID = ""
	bad.Targets = append(bad.Targets, target.AtLeast("x", lang.Name{}, "not-an-indicator", quantity.MustParse("1个")))
	err := bad.Validate()
	if !errors.Is(err, program.ErrInvalid) {
		t.Fatalf("Validate() = %v, want ErrInvalid", err)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 2 {
		t.Errorf("Validate reported %d problems, want 2 (no id, unknown indicator): %v", n, err)
	}
	if len(p.Targets) != 3 {
		t.Error("changing a clone changed the original")
	}
	incompatible := p.Clone()
	incompatible.Targets = []target.Target{target.AtLeast("w", lang.Name{}, "workers", quantity.MustParse("10万人次"))}
	l, err := outcome.NewLedger(mustRegions(t), p.Indicators...)
	require.NoError(t, err)
	if _, err := incompatible.Evaluate(l, date(2019, 12, 31)); !errors.Is(err, outcome.ErrUnitMismatch) {
		t.Errorf("Evaluate with a person-times target over persons: %v, want ErrIncompatibleUnits", err)
	}
}

func mustRegions(t *testing.T) *outcome.RegionSet {
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: "430000", Level: outcome.Province}})
	require.NoError(t, err)
	return rs
}

// Evaluate runs targets side by side; its report must not show it.
func TestEvaluateKeepsTargetOrder(t *testing.T) {
	p, l := sample(t)
	counties := target.AllAt(lang.Name{En: "counties"}, outcome.County, "")
	p.Targets = nil
	for i := range 12 {
		id := fmt.Sprintf("t%02d", i)
		switch i % 3 {
		case 0:
			p.Targets = append(p.Targets, target.AtLeast(id, lang.Name{}, "federations", quantity.Int(int64(500*i), quantity.Piece)))
		case 1:
			p.Targets = append(p.Targets, target.AtLeast(id, lang.Name{}, "workers", quantity.Int(int64(i), quantity.Person)))
		case 2:
			p.Targets = append(p.Targets, target.Coverage(id, lang.Name{}, "leaders", counties, quantity.Int(int64(i/3), quantity.Person)))
		}
	}
	asOf := date(2019, 12, 31)
	r, err := p.Evaluate(l, asOf)
	require.NoError(t, err)
	if len(r.Results) != len(p.Targets) {
		t.Fatalf("%d results for %d targets", len(r.Results), len(p.Targets))
	}
	for i, tg := range p.Targets {
		alone, err := tg.From(p.Start).By(p.Deadline).Evaluate(l, asOf)
		require.NoError(t, err)
		if diff := cmp.Diff(asJSON(t, alone), asJSON(t, r.Results[i])); diff != "" {
			t.Errorf("result %d differs from evaluating %s alone (-alone +program):\n%s", i, tg.ID(), diff)
		}
	}

	// Errors come in the targets' order too.
	bad := p.Clone()
	bad.Targets = nil
	for _, id := range []string{"w1", "w2", "w3"} {
		bad.Targets = append(bad.Targets, p.Targets[len(bad.Targets)],
			target.AtLeast(id, lang.Name{}, "workers", quantity.MustParse("10万人次")))
	}
	_, err = bad.Evaluate(l, asOf)
	if !errors.Is(err, outcome.ErrUnitMismatch) {
		t.Fatalf("Evaluate with person-times targets over persons: %v, want ErrIncompatibleUnits", err)
	}
	msg := err.Error()
	if i1, i2, i3 := strings.Index(msg, "w1"), strings.Index(msg, "w2"), strings.Index(msg, "w3"); i1 < 0 || i1 > i2 || i2 > i3 {
		t.Errorf("errors not in target order: %v", err)
	}
}

func asJSON(t *testing.T, r target.Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

func TestProgramIn(t *testing.T) {
	p, l := sample(t)
	luxi := p.In("433122")
	r, err := luxi.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	// The federations are recorded for the province, not for 泸溪县; 泸溪县
	// is the one county of the leaders target, with 4 leaders.
	var got []string
	for _, res := range r.Results {
		got = append(got, fmt.Sprintf("%s %v %d/%d", res.ID, res.Status.Name().En, res.Covered, res.Units))
	}
	want := []string{"federations no data 0/0", "workers no data 0/0", "leaders met 1/1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("In(433122) mismatch (-want +got):\n%s", diff)
	}
	for _, tg := range p.Targets {
		if tg.Scope() != "" {
			t.Errorf("In changed the original's target %s", tg.ID())
		}
	}
	if luxi.ID != p.ID {
		t.Errorf("In changed the id to %s", luxi.ID)
	}
	if _, err := p.In("439999").Evaluate(l, date(2019, 12, 31)); !errors.Is(err, outcome.ErrUnknownRegion) || !strings.Contains(err.Error(), "439999") {
		t.Errorf("In an unknown region: %v, want ErrUnknownRegion naming it", err)
	}

	// The reports of the two counties merge into the province's.
	perUnit := p.Clone()
	perUnit.Targets = perUnit.Targets[2:]
	whole, err := perUnit.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	var parts []program.Report
	for _, county := range []string{"433122", "433130"} {
		r, err := perUnit.In(county).Evaluate(l, date(2019, 12, 31))
		require.NoError(t, err)
		parts = append(parts, r)
	}
	merged, err := perUnit.Merge(parts...)
	require.NoError(t, err)
	if diff := cmp.Diff(asJSON(t, whole.Results[0]), asJSON(t, merged.Results[0])); diff != "" {
		t.Errorf("merged counties differ from the province (-province +merged):\n%s", diff)
	}
}

func TestProgramListUnits(t *testing.T) {
	p, l := sample(t)
	counted := target.Counted(lang.Name{Zh: "县", En: "counties"}, 2, "430000")
	p.Targets = []target.Target{
		target.EachInRange("leaders", lang.Name{}, "leaders", counted, quantity.MustParse("3—5位")),
		target.AllOf("all", lang.Name{}, target.Coverage("one", lang.Name{}, "leaders", counted, quantity.MustParse("1位"))),
	}
	listed := p.ListUnits(counted, "433122", "433130")
	r, err := listed.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	// 泸溪县 has 4 leaders, 龙山县 1: one in range, both at least one.
	leaders, one := r.Results[0], r.Results[1].Parts[0]
	if !leaders.Listed || leaders.Covered != 1 || leaders.Units != 2 || one.Status != target.Met || one.Units != 2 {
		t.Errorf("listed: leaders %d/%d (listed %v), one %v %d units; want 1/2 listed, met over 2", leaders.Covered, leaders.Units, leaders.Listed, one.Status, one.Units)
	}
	if p.Targets[0].Population().Size() != 2 {
		t.Error("ListUnits changed the original")
	}
}
