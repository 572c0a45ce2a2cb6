package program

import (
	"encoding/json"
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

// TestMergeProvinceShards evaluates a program over a ledger of two
// provinces, and over each province alone, and checks that the merged
// reports are the report of the whole.
func TestMergeProvinceShards(t *testing.T) {
	regions := []outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县"}, Level: outcome.County, Parent: "430000"},
		{Code: "433122100201", Name: lang.Name{Zh: "甲村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "433122100202", Name: lang.Name{Zh: "乙村"}, Level: outcome.Village, Parent: "433122"},
		{Code: "520000", Name: lang.Name{Zh: "贵州省"}, Level: outcome.Province},
		{Code: "522631", Name: lang.Name{Zh: "黎平县"}, Level: outcome.County, Parent: "520000"},
		{Code: "522631100201", Name: lang.Name{Zh: "丙村"}, Level: outcome.Village, Parent: "522631"},
	}
	indicators := []outcome.Indicator{
		{Code: "commissioners", Name: lang.Name{Zh: "科技特派员"}, Unit: quantity.Person, Aggregation: outcome.Entries},
		{Code: "training", Name: lang.Name{Zh: "培训"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
	}
	records := []outcome.Record{
		{Indicator: "commissioners", Region: "433122100201", Period: period.Year(2018), Quantity: quantity.Int(1, quantity.Person)},
		{Indicator: "commissioners", Region: "522631100201", Period: period.Year(2019), Quantity: quantity.Int(2, quantity.Person)},
		{Indicator: "training", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("5000余人次")},
		{Indicator: "training", Region: "522631", Period: period.Year(2019), Quantity: quantity.Int(800, quantity.PersonTime)},
	}
	villages := target.AllAt(lang.Name{Zh: "贫困村"}, outcome.Village, "")
	p := Program{
		ID: "shards", Name: lang.Name{Zh: "分省合并"}, Indicators: indicators,
		Start: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), Deadline: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC),
		Targets: []target.Target{
			target.Coverage("cover", lang.Name{Zh: "科技特派员全覆盖"}, "commissioners", villages, quantity.Int(1, quantity.Person)),
			target.AtLeast("train", lang.Name{Zh: "培训"}, "training", quantity.Int(6000, quantity.PersonTime)),
		},
	}
	evaluate := func(province string) Report {
		t.Helper()
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
		r, err := p.Evaluate(l, time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err)
		return r
	}
	whole := evaluate("")
	merged, err := p.Merge(evaluate("43"), evaluate("52"))
	require.NoError(t, err)
	asJSON := func(r Report) string {
		b, err := json.MarshalIndent(r.Results, "", " ")
		require.NoError(t, err)
		return string(b)
	}
	if diff := cmp.Diff(asJSON(whole), asJSON(merged)); diff != "" {
		t.Errorf("merged province reports differ from the whole (-whole +merged):\n%s", diff)
	}
	if merged.Summary != whole.Summary {
		t.Errorf("summary %+v, want %+v", merged.Summary, whole.Summary)
	}
	// 1 of 3 villages has no commissioner; 5000余 + 800 is more than 5800:
	// it may or may not reach 6000.
	if r := merged.Results[0]; r.Covered != 2 || r.Units != 3 || r.Shortfall.Len() != 1 || r.Shortfall.At(0).Region.Code != "433122100202" {
		t.Errorf("coverage: %d/%d covered, shortfall %d", r.Covered, r.Units, r.Shortfall.Len())
	}
	if r := merged.Results[1]; r.Status != target.Undecided || r.Achieved.String() != "5800余人次" {
		t.Errorf("training: %v %s, want undecided 5800余人次", r.Status, r.Achieved)
	}
	if _, err := p.Merge(); err == nil {
		t.Error("Merge of no reports: no error")
	}
}
