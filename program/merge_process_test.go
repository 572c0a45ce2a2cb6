package program

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// shardProgram is a program of a coverage, a flow and a stock target, and
// its ledger over two provinces, or over one (by the first two digits of
// its code).
func shardProgram(t *testing.T, province string) (Program, *outcome.Ledger) {
	t.Helper()
	regions := []outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: outcome.County, Parent: "430000"},
		{Code: "433122100201", Name: lang.Name{Zh: "甲村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433122100202", Name: lang.Name{Zh: "乙村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "520000", Name: lang.Name{Zh: "贵州省", En: "Guizhou"}, Level: outcome.Province},
		{Code: "522631", Name: lang.Name{Zh: "黎平县"}, Level: outcome.County, Parent: "520000"},
		{Code: "522631100201", Name: lang.Name{Zh: "丙村"}, Level: outcome.Village, Parent: "522631"},
		{Code: "522631100202", Name: lang.Name{Zh: "丁村"}, Level: outcome.Village, Parent: "522631"},
	}
	indicators := []outcome.Indicator{
		{Code: "commissioners", Name: lang.Name{Zh: "科技特派员"}, Unit: quantity.Person, Aggregation: outcome.Entries},
		{Code: "training", Name: lang.Name{Zh: "培训"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
		{Code: "platforms", Name: lang.Name{Zh: "平台"}, Unit: quantity.Piece, Aggregation: outcome.Stock, Reported: period.KindMonth},
	}
	records := []outcome.Record{
		{Indicator: "commissioners", Region: "433122100201", Period: period.Year(2018), Quantity: quantity.Int(1, quantity.Person)},
		{Indicator: "commissioners", Region: "522631100201", Period: period.Year(2019), Quantity: quantity.Int(2, quantity.Person)},
		{Indicator: "training", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("5000余人次")},
		{Indicator: "training", Region: "522631", Period: period.Year(2019), Quantity: quantity.Int(800, quantity.PersonTime)},
		{Indicator: "platforms", Region: "433122", Period: period.MustParse("2019-11"), Quantity: quantity.Int(3, quantity.Piece)},
		{Indicator: "platforms", Region: "522631", Period: period.MustParse("2019-12"), Quantity: quantity.MustParse("近5个")},
	}
	villages := target.AllAt(lang.Name{Zh: "贫困村"}, outcome.Village, "")
	p := Program{
		ID: "shards", Name: lang.Name{Zh: "分省合并"}, Indicators: indicators, Source: outcome.Cite("000.txt", "三", "[1]"),
		Start: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), Deadline: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Targets: []target.Target{
			target.Coverage("cover", lang.Name{Zh: "科技特派员全覆盖"}, "commissioners", villages, quantity.Int(1, quantity.Person)),
			target.AtLeast("train", lang.Name{Zh: "培训"}, "training", quantity.Int(6000, quantity.PersonTime)),
			target.AtLeast("platforms", lang.Name{Zh: "平台"}, "platforms", quantity.Int(10, quantity.Piece)),
		},
	}
	var regs []outcome.Region
	var recs []outcome.Record
	for _, r := range regions {
		if province == "" || r.Code[:2] == province {
			regs = append(regs, r)
		}
	}
	for _, r := range records {
		if province == "" || r.Region[:2] == province {
			recs = append(recs, r)
		}
	}
	rs, err := outcome.NewRegionSet(regs)
	require.NoError(t, err)
	l, err := outcome.NewLedger(rs, indicators...)
	require.NoError(t, err)
	require.NoError(t, l.Add(recs...))
	return p, l
}

var shardAsOf = time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)

// TestMergeAcrossProcesses evaluates each province in a process of its
// own (this test binary run again), which writes its report as JSON; this
// process reads the files, merges the reports and compares the merge with
// the report of the whole.
func TestMergeAcrossProcesses(t *testing.T) {
	if out := os.Getenv("TAIZHANG_SHARD_OUT"); out != "" {
		// The child: evaluate one province and write its report.
		p, l := shardProgram(t, os.Getenv("TAIZHANG_SHARD"))
		r, err := p.Evaluate(l, shardAsOf)
		require.NoError(t, err)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(out, b, 0o644))
		return
	}
	dir := t.TempDir()
	var parts []Report
	for _, province := range []string{"43", "52"} {
		file := filepath.Join(dir, province+".json")
		cmd := exec.Command(os.Args[0], "-test.run=^TestMergeAcrossProcesses$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TAIZHANG_SHARD="+province, "TAIZHANG_SHARD_OUT="+file)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("shard %s: %v\n%s", province, err, out)
		}
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		var r Report
		require.NoError(t, json.Unmarshal(b, &r), "shard %s", province)
		parts = append(parts, r)
	}
	p, l := shardProgram(t, "")
	whole, err := p.Evaluate(l, shardAsOf)
	require.NoError(t, err)
	merged, err := p.Merge(parts...)
	require.NoError(t, err)
	want, err := json.MarshalIndent(whole, "", " ")
	require.NoError(t, err)
	got, err := json.MarshalIndent(merged, "", " ")
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("merged reports from files differ from the whole (-whole +merged):\n%s", diff)
	}
}

// TestReportJSONRoundTrip: a report, its results and their gaps read back
// from their JSON and are written again the same.
func TestReportJSONRoundTrip(t *testing.T) {
	p, l := shardProgram(t, "")
	r, err := p.Evaluate(l, shardAsOf)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back Report
	require.NoError(t, json.Unmarshal(b, &back))
	if !back.AsOf.Equal(r.AsOf) || back.Program != r.Program || back.Summary != r.Summary {
		t.Errorf("read back %v %s %+v, want %v %s %+v", back.AsOf, back.Program, back.Summary, r.AsOf, r.Program, r.Summary)
	}
	again, err := json.Marshal(back)
	require.NoError(t, err)
	if diff := cmp.Diff(string(b), string(again)); diff != "" {
		t.Errorf("written again differs (-first +again):\n%s", diff)
	}
	gaps := r.Results[0].Shortfall
	gb, err := json.Marshal(gaps)
	require.NoError(t, err)
	var gback target.Gaps
	require.NoError(t, json.Unmarshal(gb, &gback))
	if gback.Len() != gaps.Len() || gaps.Len() == 0 {
		t.Fatalf("gaps read back: %d, want %d (and some)", gback.Len(), gaps.Len())
	}
	for i := range gaps.Len() {
		w, g := gaps.At(i), gback.At(i)
		if w.Region.Code != g.Region.Code || w.Kind != g.Kind || !w.Lacks.Equal(g.Lacks) || !w.Has.Equal(g.Has) {
			t.Errorf("gap %d read back %+v, want %+v", i, g, w)
		}
	}
}
