package outcome_test

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

var area = lang.Name{Zh: "面积", En: "area"}

// declareTestUnits declares the units of the tests: area with the mu as
// its base, so that every factor is an exact decimal, mass with the
// kilogram, and 套 as a thing counted whole.
func declareTestUnits(t testing.TB) (mu, hectare, sqm, kg, tonne, set quantity.Unit) {
	t.Helper()
	declare := func(spec quantity.UnitSpec) quantity.Unit {
		u, err := quantity.DeclareUnit(spec)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	mu = declare(quantity.UnitSpec{Symbol: "亩", En: "mu", Dimension: area})
	hectare = declare(quantity.UnitSpec{Symbol: "公顷", En: "hectares", Dimension: area, Factor: decimal.NewFromInt(15)})
	sqm = declare(quantity.UnitSpec{Symbol: "平方米", En: "square metres", Dimension: area, Factor: decimal.RequireFromString("0.0015")})
	mass := lang.Name{Zh: "质量", En: "mass"}
	kg = declare(quantity.UnitSpec{Symbol: "公斤", En: "kilograms", Dimension: mass})
	tonne = declare(quantity.UnitSpec{Symbol: "吨", En: "tonnes", Dimension: mass, Factor: decimal.NewFromInt(1000)})
	set = declare(quantity.UnitSpec{Symbol: "套", En: "sets", Dimension: lang.Name{Zh: "个数", En: "things"}})
	return
}

func TestDeclareUnit(t *testing.T) {
	mu, hectare, sqm, kg, tonne, set := declareTestUnits(t)
	// Declaring again as before is harmless, from many goroutines at once.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u, err := quantity.DeclareUnit(quantity.UnitSpec{Symbol: "亩", En: "mu", Dimension: area})
			if err != nil || u != mu {
				t.Errorf("DeclareUnit(亩) again = %v, %v, want %v", u, err, mu)
			}
			if q := quantity.MustParse("100亩"); q.Unit() != mu {
				t.Errorf("100亩 has unit %v", q.Unit())
			}
		}()
	}
	wg.Wait()
	for _, spec := range []quantity.UnitSpec{
		{Symbol: "亩", En: "mu", Dimension: area, Factor: decimal.NewFromInt(2)}, // otherwise than before
		{Symbol: "名", En: "people", Dimension: area},                            // a built-in symbol
		{Symbol: "畝", En: "persons", Dimension: area},                           // a built-in English name
		{Symbol: "畝", En: "mu", Dimension: area},                                // a declared English name
		{Symbol: "", En: "x", Dimension: area},
		{Symbol: "x", En: "x", Dimension: lang.Name{}},
		{Symbol: "1亩", En: "x", Dimension: area},
		{Symbol: "畝", En: "x", Dimension: area, Factor: decimal.NewFromInt(-1)},
	} {
		if u, err := quantity.DeclareUnit(spec); !errors.Is(err, outcome.ErrInvalid) {
			t.Errorf("DeclareUnit(%+v) = %v, %v, want ErrInvalid", spec, u, err)
		}
	}

	tests := []struct {
		in   string
		unit quantity.Unit
		zh   string
		en   string
	}{
		{"100亩", mu, "100亩", "100 mu"},
		{"2.5公顷", hectare, "2.5公顷", "2.5 hectares"},
		{"50公斤", kg, "50公斤", "50 kilograms"},
		{"约3万吨", tonne, "约3万吨", "about 30,000 tonnes"},
		{"12套以上", set, "12套以上", "at least 12 sets"},
		{"600平方米", sqm, "600平方米", "600 square metres"},
	}
	for _, tt := range tests {
		q, err := quantity.Parse(tt.in)
		if err != nil || q.Unit() != tt.unit {
			t.Errorf("ParseQuantity(%q) = %v, %v, want unit %v", tt.in, q, err, tt.unit)
			continue
		}
		if q.In(lang.Chinese) != tt.zh || q.In(lang.English) != tt.en {
			t.Errorf("%q: In = %q, %q, want %q, %q", tt.in, q.In(lang.Chinese), q.In(lang.English), tt.zh, tt.en)
		}
		b, err := json.Marshal(q)
		var back quantity.Quantity
		if err != nil || json.Unmarshal(b, &back) != nil || !back.Equal(q) {
			t.Errorf("%q: JSON %s reads back as %v", tt.in, b, back)
		}
		if u, err := quantity.ParseUnit(tt.unit.Name().En); err != nil || u != tt.unit {
			t.Errorf("ParseUnit(%q) = %v, %v", tt.unit.Name().En, u, err)
		}
	}
	if !mu.Convertible(hectare) || mu.Compatible(hectare) || !set.Compatible(quantity.Piece) || mu.Convertible(kg) {
		t.Error("Convertible or Compatible is wrong")
	}
}

func TestConvert(t *testing.T) {
	mu, hectare, sqm, kg, tonne, _ := declareTestUnits(t)
	tests := []struct {
		in   string
		to   quantity.Unit
		want string // "" for an error
		err  error
	}{
		{"2公顷", mu, "30亩", nil},
		{"30亩", hectare, "2公顷", nil},
		{"10亩", hectare, "", outcome.ErrInvalid}, // 2/3 公顷: no decimal
		{"1亩", sqm, "", outcome.ErrInvalid},      // 666.66… 平方米
		{"1500平方米", mu, "2.25亩", nil},
		{"3公顷", sqm, "30000平方米", nil},
		{"2.5吨", kg, "2500公斤", nil},
		{"1200余公斤", tonne, "1.2余吨", nil},
		{"3—5公顷", mu, "45—75亩", nil},
		{"5公顷", kg, "", outcome.ErrUnitMismatch},
		{"5名", mu, "", outcome.ErrUnitMismatch},
		{"5", mu, "5亩", nil},
	}
	for _, tt := range tests {
		q := quantity.MustParse(tt.in)
		got, err := q.Convert(tt.to)
		switch {
		case tt.err != nil && !errors.Is(err, tt.err):
			t.Errorf("%s.Convert(%s) = %v, %v, want %v", tt.in, tt.to, got, err, tt.err)
		case tt.err == nil && (err != nil || !got.Equal(quantity.MustParse(tt.want))):
			t.Errorf("%s.Convert(%s) = %v, %v, want %s", tt.in, tt.to, got, err, tt.want)
		}
	}
}

// TestDeclaredUnitsInALedger: an indicator in a declared unit reads a file
// in it, or in a compatible unit (套 beside 个); a convertible unit at
// another scale is converted (unitconvert_test.go).
func TestDeclaredUnitsInALedger(t *testing.T) {
	mu, _, _, _, _, set := declareTestUnits(t)
	inds := []outcome.Indicator{
		{Code: "demo-land", Name: lang.Name{Zh: "示范基地面积"}, Unit: mu, Aggregation: outcome.Stock},
		{Code: "kits", Name: lang.Name{Zh: "设备"}, Unit: set, Aggregation: outcome.Flow},
	}
	l, err := outcome.NewLedger(ovRegions(t), inds...)
	if err != nil {
		t.Fatal(err)
	}
	file := "indicator,region,period,value,unit\n" +
		"demo-land,433122,2019,120.5,亩\n" +
		"demo-land,433130,2019,300亩,\n" +
		"kits,433122,2019,12,套\n" +
		"kits,433122,2019Q1,3个,\n"
	if err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "land.csv"}); err != nil {
		t.Fatal(err)
	}
	sum, err := l.Total("demo-land", ovProvince, period.Year(2019))
	if err != nil || !sum.Value.Equal(decimal.RequireFromString("420.5")) || sum.Quantity().In(lang.English) != "420.5 mu" {
		t.Errorf("Total = %v, %v, want 420.5 mu", sum.Quantity(), err)
	}
	err = l.ReadCSV(strings.NewReader("indicator,region,period,value\ndemo-land,433122,2018,2公顷\n"), outcome.ReadOptions{Name: "ha.csv"})
	if err != nil {
		t.Errorf("a figure in 公顷 for an indicator in 亩: %v, want it converted", err)
	}
	err = l.ReadCSV(strings.NewReader("indicator,region,period,value\ndemo-land,433122,2018,5公斤\n"), outcome.ReadOptions{Name: "kg.csv"})
	if !errors.Is(err, outcome.ErrUnitMismatch) {
		t.Errorf("a figure in 公斤 for an indicator in 亩: error = %v, want ErrUnitMismatch", err)
	}
	err = l.ReadCSV(strings.NewReader("indicator,region,period,value\nkits,433122,2018,0.5套\n"), outcome.ReadOptions{Name: "half.csv"})
	if !errors.Is(err, outcome.ErrInvalid) {
		t.Errorf("half a 套: error = %v, want ErrInvalid", err)
	}
	// Written and read back in a ledger of the same indicators.
	var b strings.Builder
	if err := outcome.WriteCSV(&b, l.All()); err != nil {
		t.Fatal(err)
	}
	l2, err := outcome.NewLedger(ovRegions(t), inds...)
	if err != nil {
		t.Fatal(err)
	}
	if err := l2.ReadCSV(strings.NewReader(b.String()), outcome.ReadOptions{Name: "written.csv"}); err != nil || l2.Len() != l.Len() {
		t.Errorf("reading back what WriteCSV wrote: %d records, %v\n%s", l2.Len(), err, b.String())
	}
}
