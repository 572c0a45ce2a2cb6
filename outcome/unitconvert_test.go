package outcome_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// convertLedger returns an empty ledger of three indicators: land in 亩,
// forest in 公顷 and grain in 吨 (all flows, so that figures add up), and
// commissioners in 名.
func convertLedger(t *testing.T) (*outcome.Ledger, []outcome.Indicator) {
	t.Helper()
	mu, hectare, _, _, tonne, _ := declareTestUnits(t)
	inds := []outcome.Indicator{
		{Code: "land", Name: lang.Name{Zh: "示范基地面积"}, Unit: mu, Aggregation: outcome.Flow},
		{Code: "forest", Name: lang.Name{Zh: "造林面积"}, Unit: hectare, Aggregation: outcome.Flow},
		{Code: "grain", Name: lang.Name{Zh: "粮食产量"}, Unit: tonne, Aggregation: outcome.Flow},
		{Code: "commissioners", Name: lang.Name{Zh: "科技特派员人数"}, Unit: quantity.Person, Aggregation: outcome.Flow},
	}
	l, err := outcome.NewLedger(ovRegions(t), inds...)
	if err != nil {
		t.Fatal(err)
	}
	return l, inds
}

func landRecord(region, qty string) outcome.Record {
	return outcome.Record{Indicator: "land", Region: region, Period: period.Year(2019), Quantity: quantity.MustParse(qty)}
}

// wantTotal checks the total of indicator over the county in 2019.
func wantTotal(t *testing.T, l *outcome.Ledger, indicator, want string) {
	t.Helper()
	sum, err := l.Total(indicator, ovCounty, period.Year(2019))
	if w := quantity.MustParse(want); err != nil || !sum.Quantity().Equal(w) {
		t.Errorf("Total(%s) = %v, %v, want %s", indicator, sum.Quantity(), err, want)
	}
}

// TestAddConvertsUnits: a figure in 公顷 for an indicator in 亩 is kept in
// 亩, exactly, and adds up with figures written in 亩.
func TestAddConvertsUnits(t *testing.T) {
	l, _ := convertLedger(t)
	if err := l.Add(
		landRecord(ovVillageA, "2公顷"),
		landRecord(ovVillageB, "45亩"),
		landRecord(ovVillageC, "1500平方米"),
	); err != nil {
		t.Fatal(err)
	}
	wantTotal(t, l, "land", "77.25亩") // 30 + 45 + 2.25
	var got []string
	for r := range l.All() {
		got = append(got, r.Region+" "+r.Quantity.String())
	}
	slices.Sort(got)
	want := []string{ovVillageA + " 30亩", ovVillageB + " 45亩", ovVillageC + " 2.25亩"}
	if !slices.Equal(got, want) {
		t.Errorf("records read back = %q, want %q (in the indicator's unit)", got, want)
	}

	// The same figure written in either unit is one figure; another is a
	// conflict, named as the ledger holds it.
	for _, qty := range []string{"30亩", "30.0亩", "2公顷", "20000平方米"} {
		if err := l.Add(landRecord(ovVillageA, qty)); err != nil || l.Len() != 3 {
			t.Errorf("%s after 2公顷: %v, %d records, want the same figure", qty, err, l.Len())
		}
	}
	err := l.Add(landRecord(ovVillageA, "2.1公顷"))
	if !errors.Is(err, outcome.ErrConflict) || !strings.Contains(err.Error(), "30亩 already recorded") || !strings.Contains(err.Error(), "2.1公顷") {
		t.Errorf("2.1公顷 after 2公顷: %v, want a conflict naming 2.1公顷 and 30亩", err)
	}
	if l.Len() != 3 {
		t.Errorf("%d records after a conflict, want 3", l.Len())
	}
}

// TestAddRefusesInexactConversion: 10亩 has no exact figure in 公顷; the
// error names the record, the figure and both units, and nothing of the
// batch is added.
func TestAddRefusesInexactConversion(t *testing.T) {
	l, _ := convertLedger(t)
	ok := outcome.Record{Indicator: "forest", Region: ovVillageA, Period: period.Year(2019), Quantity: quantity.MustParse("15亩")}
	bad := ok
	bad.Region, bad.Quantity = ovVillageB, quantity.MustParse("10亩")
	err := l.Add(ok, bad)
	var re *outcome.RecordError
	if !errors.Is(err, outcome.ErrInvalid) || !errors.As(err, &re) || re.Index != 1 || re.Field != "value" || re.Value != "10亩" {
		t.Fatalf("10亩 for an indicator in 公顷: %v, want ErrInvalid for record 1, value 10亩", err)
	}
	for _, part := range []string{ovVillageB, "10亩", "公顷", "1公顷 = 15亩", "forest"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not name %s", err, part)
		}
	}
	if l.Len() != 0 {
		t.Errorf("%d records after a refused batch, want 0", l.Len())
	}
	if err := l.Add(ok); err != nil {
		t.Fatal(err)
	}
	wantTotal(t, l, "forest", "1公顷")
	// Into a smaller unit every figure converts: 2.5吨 in a ledger of 吨 as
	// written, 1200公斤 as 1.2吨.
	if err := l.Add(
		outcome.Record{Indicator: "grain", Region: ovVillageA, Period: period.Year(2019), Quantity: quantity.MustParse("2.5吨")},
		outcome.Record{Indicator: "grain", Region: ovVillageB, Period: period.Year(2019), Quantity: quantity.MustParse("1200公斤")},
	); err != nil {
		t.Fatal(err)
	}
	wantTotal(t, l, "grain", "3.7吨")
}

// TestUnitsOfAnotherDimensionStayAMismatch: persons are not person-times,
// and an area is not a mass, whatever the scale.
func TestUnitsOfAnotherDimensionStayAMismatch(t *testing.T) {
	l, _ := convertLedger(t)
	for _, r := range []outcome.Record{
		{Indicator: "commissioners", Region: ovVillageA, Period: period.Year(2019), Quantity: quantity.MustParse("5人次")},
		landRecord(ovVillageA, "5公斤"),
		landRecord(ovVillageA, "5名"),
		{Indicator: "grain", Region: ovVillageA, Period: period.Year(2019), Quantity: quantity.MustParse("5亩")},
	} {
		var re *outcome.RecordError
		if err := l.Add(r); !errors.Is(err, outcome.ErrUnitMismatch) || !errors.As(err, &re) || re.Field != "unit" {
			t.Errorf("%s for %s: %v, want ErrUnitMismatch in the unit", r.Quantity, r.Indicator, err)
		}
	}
	file := "indicator,region,period,value,unit\ncommissioners," + ovVillageA + ",2019,5,人次\n"
	var pe *outcome.ParseError
	if err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "p.csv"}); !errors.Is(err, outcome.ErrUnitMismatch) || !errors.As(err, &pe) || pe.Line != 2 {
		t.Errorf("5人次 for commissioners in a file: %v, want ErrUnitMismatch on line 2", err)
	}
	if l.Len() != 0 {
		t.Errorf("%d records, want 0", l.Len())
	}
}

// TestBuiltInUnitsAsBefore: a compatible unit at the same scale is kept
// as written (家 for an indicator in 个), and a figure in 家 then in 个 is
// still two ways of writing it, as before.
func TestBuiltInUnitsAsBefore(t *testing.T) {
	ind := outcome.Indicator{Code: "bases", Name: lang.Name{Zh: "星创天地"}, Unit: quantity.Piece, Aggregation: outcome.Flow}
	l, err := outcome.NewLedger(ovRegions(t), ind)
	if err != nil {
		t.Fatal(err)
	}
	file := "indicator,region,period,value,unit\n" +
		"bases," + ovVillageA + ",2019,149,家\n" +
		"bases," + ovVillageB + ",2019,3,个\n" +
		"bases," + ovVillageC + ",2019,2,\n"
	if err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "bases.csv"}); err != nil {
		t.Fatal(err)
	}
	if err := l.Add(outcome.Record{Indicator: "bases", Region: ovVillageD, Period: period.Year(2019), Quantity: quantity.MustParse("4家")}); err != nil {
		t.Fatal(err)
	}
	units := map[string]quantity.Unit{}
	for r := range l.All() {
		units[r.Region] = r.Quantity.Unit()
	}
	want := map[string]quantity.Unit{ovVillageA: quantity.Establishment, ovVillageB: quantity.Piece, ovVillageC: quantity.Piece, ovVillageD: quantity.Establishment}
	for region, u := range want {
		if units[region] != u {
			t.Errorf("%s reads back in %v, want %v", region, units[region], u)
		}
	}
	sum, err := l.Total("bases", ovProvince, period.Year(2019))
	if err != nil || !sum.Value.Equal(decimal.NewFromInt(158)) {
		t.Errorf("Total = %v, %v, want 158", sum.Quantity(), err)
	}
}

// TestReadersConvertUnits: every reader converts as Add does, in the
// general path of ReadCSV beside lines of the fast path, in JSON Lines, in
// rows and in a wide sheet whose column is headed in 公顷.
func TestReadersConvertUnits(t *testing.T) {
	read := map[string]func(l *outcome.Ledger) error{
		"csv": func(l *outcome.Ledger) error {
			return l.ReadCSV(strings.NewReader("indicator,region,period,value,unit\n"+
				"land,"+ovVillageA+",2019,45,亩\n"+ // the fast path
				"land,"+ovVillageB+",2019,2,公顷\n"+
				"land,"+ovVillageC+",2019,1500平方米,\n"+
				"land,"+ovVillageB+",2019,30,亩\n"), // the same figure as 2公顷
				outcome.ReadOptions{Name: "land.csv"})
		},
		"jsonl": func(l *outcome.Ledger) error {
			var b strings.Builder
			err := outcome.WriteJSONL(&b, slices.Values([]outcome.Record{
				landRecord(ovVillageA, "45亩"), landRecord(ovVillageB, "2公顷"), landRecord(ovVillageC, "1500平方米"),
			}))
			if err != nil {
				return err
			}
			return l.ReadJSONL(strings.NewReader(b.String()), outcome.ReadOptions{Name: "land.jsonl"})
		},
		"rows": func(l *outcome.Ledger) error {
			return l.ReadRows(slices.Values([]outcome.Row{
				{Number: 1, Cells: []string{"indicator", "region", "period", "value", "unit"}},
				{Number: 2, Cells: []string{"land", ovVillageA, "2019", "45", "亩"}},
				{Number: 3, Cells: []string{"land", ovVillageB, "2019", "2", "公顷"}},
				{Number: 4, Cells: []string{"land", ovVillageC, "2019", "1500平方米"}},
			}), outcome.ReadOptions{Name: "land.xlsx"})
		},
		"sheet": func(l *outcome.Ledger) error {
			return l.ReadSheet(strings.NewReader("2019年示范基地台账\n"+
				"区划,示范基地面积（公顷）\n"+
				ovVillageA+",3\n"+
				ovVillageB+",2\n"+
				ovVillageC+",0.15\n"), outcome.Sheet{}, outcome.ReadOptions{Name: "sheet.csv"})
		},
	}
	for name, f := range read {
		t.Run(name, func(t *testing.T) {
			l, _ := convertLedger(t)
			if err := f(l); err != nil {
				t.Fatal(err)
			}
			wantTotal(t, l, "land", "77.25亩")
			if l.Len() != 3 {
				t.Errorf("%d records, want 3", l.Len())
			}
			for r := range l.All() {
				if r.Region == ovVillageB && !r.Quantity.Equal(quantity.MustParse("30亩")) {
					t.Errorf("2公顷 reads back as %v, want 30亩", r.Quantity)
				}
			}
		})
	}
}

// TestReadCSVRefusesInexactConversion: the line, the figure and both
// units are named, and nothing of the file stays.
func TestReadCSVRefusesInexactConversion(t *testing.T) {
	l, _ := convertLedger(t)
	file := "indicator,region,period,value,unit\n" +
		"forest," + ovVillageA + ",2019,15,亩\n" +
		"forest," + ovVillageB + ",2019,1,公顷\n" +
		"forest," + ovVillageC + ",2019,10,亩\n"
	err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "forest.csv"})
	var pe *outcome.ParseError
	if !errors.Is(err, outcome.ErrInvalid) || !errors.As(err, &pe) || pe.Line != 4 || pe.Column != "value" || pe.Value != "10亩" {
		t.Fatalf("10亩 for an indicator in 公顷: %v, want ErrInvalid on line 4, value 10亩", err)
	}
	if !strings.Contains(err.Error(), "forest.csv:4") || !strings.Contains(err.Error(), "1公顷 = 15亩") {
		t.Errorf("error %q does not name the file, line and the two units", err)
	}
	if l.Len() != 0 {
		t.Errorf("%d records after a refused file, want 0", l.Len())
	}
	err = l.ReadSheet(strings.NewReader("2019年造林台账\n区划,造林面积（亩）\n"+ovVillageA+",7\n"), outcome.Sheet{}, outcome.ReadOptions{Name: "sheet.csv"})
	if !errors.Is(err, outcome.ErrInvalid) || !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("7亩 in a sheet for an indicator in 公顷: %v, want ErrInvalid on line 3", err)
	}
}

// TestCorrectionInAnotherUnit: a correction may name the figure it revises
// in another unit of the dimension, and give the new figure in one too.
func TestCorrectionInAnotherUnit(t *testing.T) {
	l, _ := convertLedger(t)
	first := landRecord(ovVillageA, "2公顷")
	if err := l.Add(first); err != nil {
		t.Fatal(err)
	}
	fix := landRecord(ovVillageA, "33亩")
	fix.Revises, fix.Reported, fix.Reason = quantity.MustParse("2公顷"), time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC), "录入错误"
	if err := l.Add(fix); err != nil {
		t.Fatal(err)
	}
	wantTotal(t, l, "land", "33亩")
	again := landRecord(ovVillageA, "2.4公顷")
	again.Revises, again.Reported, again.Reason = quantity.MustParse("2.2公顷"), time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC), "复核"
	if err := l.Add(again); err != nil {
		t.Fatal(err)
	}
	wantTotal(t, l, "land", "36亩")
	stale := landRecord(ovVillageA, "40亩")
	stale.Revises, stale.Reported, stale.Reason = quantity.MustParse("2公顷"), time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC), "旧表"
	if err := l.Add(stale); !errors.Is(err, outcome.ErrConflict) {
		t.Errorf("a correction of 2公顷 when the ledger holds 36亩: %v, want ErrConflict", err)
	}
	inexact := landRecord(ovVillageA, "30亩")
	inexact.Revises, inexact.Reported, inexact.Reason = quantity.MustParse("10亩"), time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC), "复核"
	inexact.Indicator = "forest"
	var re *outcome.RecordError
	if err := l.Add(inexact); !errors.Is(err, outcome.ErrInvalid) || !errors.As(err, &re) || re.Field != "revises" || re.Value != "10亩" {
		t.Errorf("a correction of 10亩 for an indicator in 公顷: %v, want ErrInvalid in revises", err)
	}
	file := "indicator,region,period,value,unit,reported,reason,revises\n" +
		"land," + ovVillageA + ",2019,2.6,公顷,2020-06-01,再核,36亩\n"
	if err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "fix.csv"}); err != nil {
		t.Fatal(err)
	}
	wantTotal(t, l, "land", "39亩")
}
