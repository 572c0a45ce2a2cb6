package outcome

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/lang"
)

// testRegions is a small hierarchy: two provinces, a prefecture, two counties
// and villages under one of them (without the township level, as
// statistical extracts often are).
func testRegions(t testing.TB) *RegionSet {
	t.Helper()
	rs, err := NewRegionSet([]Region{
		{Code: "433130", Name: lang.Name{Zh: "龙山县", En: "Longshan"}, Level: County, Parent: "433100"},
		{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: Province},
		{Code: "433100", Name: lang.Name{Zh: "湘西土家族苗族自治州", En: "Xiangxi"}, Level: Prefecture, Parent: "430000"},
		{Code: "433122", Name: lang.Name{Zh: "泸溪县", En: "Luxi"}, Level: County, Parent: "433100"},
		{Code: "433122100201", Name: lang.Name{Zh: "甲村", En: "Village A"}, Level: Village, Parent: "433122"},
		{Code: "433122100202", Name: lang.Name{Zh: "乙村", En: "Village B"}, Level: Village, Parent: "433122"},
		{Code: "433122100203", Name: lang.Name{Zh: "丙村", En: "Village C"}, Level: Village, Parent: "433122"},
		{Code: "520000", Name: lang.Name{Zh: "贵州省", En: "Guizhou"}, Level: Province},
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func codes(seq func(func(Region) bool)) []string {
	var out []string
	for r := range seq {
		out = append(out, r.Code)
	}
	return out
}

func TestRegionSetHierarchy(t *testing.T) {
	rs := testRegions(t)
	if got, want := codes(rs.All()), []string{"430000", "433100", "433122", "433122100201", "433122100202", "433122100203", "433130", "520000"}; !slices.Equal(got, want) {
		t.Errorf("All() = %v, want %v", got, want)
	}
	if got, want := codes(rs.Children("433100")), []string{"433122", "433130"}; !slices.Equal(got, want) {
		t.Errorf("Children(433100) = %v, want %v", got, want)
	}
	if got, want := codes(rs.Descendants("433100")), []string{"433122", "433122100201", "433122100202", "433122100203", "433130"}; !slices.Equal(got, want) {
		t.Errorf("Descendants(433100) = %v, want %v", got, want)
	}
	if got, want := codes(rs.Ancestors("433122100202")), []string{"433122", "433100", "430000"}; !slices.Equal(got, want) {
		t.Errorf("Ancestors = %v, want %v", got, want)
	}
	within := []struct {
		code, ancestor string
		want           bool
	}{
		{"433122100201", "430000", true},
		{"433122100201", "433122", true},
		{"433122", "433122", true},
		{"433130", "433122", false},
		{"433122100201", "520000", false},
		{"999999", "430000", false},
	}
	for _, tt := range within {
		if got := rs.Within(tt.code, tt.ancestor); got != tt.want {
			t.Errorf("Within(%s, %s) = %v, want %v", tt.code, tt.ancestor, got, tt.want)
		}
	}
	if r, ok := rs.Lookup("433122"); !ok || r.Name.Zh != "泸溪县" {
		t.Errorf("Lookup(433122) = %v, %v", r, ok)
	}
	for _, code := range []string{"4331221", "433122100", "433122100201000", "", "43312210020a"} {
		if rs.Contains(code) {
			t.Errorf("Contains(%q) = true for a code not in the set", code)
		}
	}
	if got := rs.CountAt(Village); got != 3 {
		t.Errorf("CountAt(Village) = %d, want 3", got)
	}
}

func TestRegionSetSelect(t *testing.T) {
	rs := testRegions(t)
	sel, err := rs.Select("430000", func(r Region) bool { return r.Level == County })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := codes(sel.All()), []string{"433122", "433130"}; !slices.Equal(got, want) {
		t.Errorf("Select counties = %v, want %v", got, want)
	}
	sel, err = rs.SelectCodes("433130", "433122100201", "433130")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := codes(sel.All()), []string{"433122100201", "433130"}; !slices.Equal(got, want) {
		t.Errorf("SelectCodes = %v, want %v", got, want)
	}
	if _, err := rs.SelectCodes("433130", "111111"); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("SelectCodes(unknown) error = %v, want ErrUnknownRegion", err)
	}
}

func TestNewRegionSetErrors(t *testing.T) {
	tests := []struct {
		name    string
		regions []Region
		want    error
	}{
		{"bad code", []Region{{Code: "43A000", Level: Province}}, errInvalidCode},
		{"short code", []Region{{Code: "4300", Level: Province}}, errInvalidCode},
		{"duplicate", []Region{{Code: "430000", Level: Province}, {Code: "430000", Level: Province}}, errDuplicateRegion},
		{"unknown parent", []Region{{Code: "433100", Level: Prefecture, Parent: "430000"}}, ErrUnknownRegion},
		{"child not below parent", []Region{{Code: "430000", Level: Province}, {Code: "520000", Level: Province, Parent: "430000"}}, errRegionLevel},
		{"level does not fit code", []Region{{Code: "433122100201", Level: County}}, errRegionLevel},
		{"no level", []Region{{Code: "430000"}}, errRegionLevel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewRegionSet(tt.regions); !errors.Is(err, tt.want) {
				t.Errorf("NewRegionSet error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCodeLevel(t *testing.T) {
	tests := []struct {
		code string
		want Level
	}{
		{"430000", Province},
		{"433100", Prefecture},
		{"433122", County},
		{"431271", County}, // 怀化市洪江管理区, a statistical zone (shared/data/SOURCES.md)
		{"433122100", Township},
		{"433122100201", Village},
	}
	for _, tt := range tests {
		if got, err := codeLevel(tt.code); err != nil || got != tt.want {
			t.Errorf("codeLevel(%s) = %v, %v, want %v", tt.code, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "43", "4300000", "43012a", " 430000", "430000\n"} {
		if _, err := codeLevel(bad); !errors.Is(err, errInvalidCode) {
			t.Errorf("codeLevel(%q) error = %v, want errInvalidCode", bad, err)
		}
	}
}

func FuzzCodeLevel(f *testing.F) {
	for _, s := range []string{"430000", "433100", "433122", "433122100", "433122100201", "43A", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		l, err := codeLevel(code)
		if err != nil {
			if !errors.Is(err, errInvalidCode) {
				t.Fatalf("codeLevel(%q) error %v does not wrap errInvalidCode", code, err)
			}
			return
		}
		if !l.IsValid() {
			t.Fatalf("codeLevel(%q) = %v, an invalid level without error", code, l)
		}
		// A region of the implied level with this code is valid, and a
		// set of it alone builds.
		if _, err := NewRegionSet([]Region{{Code: code, Level: l}}); err != nil {
			t.Fatalf("NewRegionSet with %q at %v: %v", code, l, err)
		}
	})
}

func TestReadRegions(t *testing.T) {
	in := "code,name,level,parent_code\n" +
		"430000,湖南省,province,\n" +
		"433100,湘西土家族苗族自治州,prefecture,430000\n" +
		"433122,泸溪县,县市区,433100\n"
	regions, err := ReadRegions(strings.NewReader(in), "hunan.csv")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := NewRegionSet(regions)
	if err != nil || !rs.Within("433122", "430000") {
		t.Fatalf("NewRegionSet: %v", err)
	}
	_, err = ReadRegions(strings.NewReader("code,name,level\n430000,湖南省,planet\n"), "bad.csv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Column != "level" || !errors.Is(err, errUnknownLevel) {
		t.Errorf("a bad level: %v", err)
	}
}

// TestZeroRegionSet checks that the zero RegionSet is an empty set: its
// lookups find nothing, and a ledger over it refuses every record as of an
// unknown region, on every way in, without a panic.
func TestZeroRegionSet(t *testing.T) {
	var rs RegionSet
	if _, ok := rs.Lookup("430000"); ok || rs.Contains("430000") || rs.Len() != 0 || rs.CountAt(Province) != 0 || rs.Within("433122", "430000") {
		t.Error("the zero RegionSet holds a region")
	}
	for name, seq := range map[string]func(func(Region) bool){
		"All": rs.All(), "Children": rs.Children("430000"), "Descendants": rs.Descendants("430000"), "Ancestors": rs.Ancestors("433122"),
	} {
		if got := codes(seq); len(got) != 0 {
			t.Errorf("%s = %v, want none", name, got)
		}
	}
	if sel, err := rs.Select("", nil); err != nil || sel.Len() != 0 {
		t.Errorf("Select(\"\") = %d regions, %v; want none", sel.Len(), err)
	}
	if _, err := rs.SelectCodes("430000"); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("SelectCodes error = %v, want ErrUnknownRegion", err)
	}

	ledger := func() *Ledger {
		l, err := NewLedger(&RegionSet{}, indTraining)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	const file = "indicator,region,period,value\ntraining,433122,2019,5\ntraining,433130,2019,6\n"
	check := func(how string, err error) {
		t.Helper()
		if !errors.Is(err, ErrUnknownRegion) {
			t.Errorf("%s error = %v, want ErrUnknownRegion", how, err)
		}
	}
	check("Add", ledger().Add(rec("training", "433122", "2019", "5人次")))
	eachChunking(func(how string) {
		check("ReadCSV, "+how, ledger().ReadCSV(strings.NewReader(file), ReadOptions{AllErrors: true}))
	})
	check("ReadJSONL", ledger().ReadJSONL(strings.NewReader(`{"indicator":"training","region":"433122","period":"2019","value":"5次"}`), ReadOptions{}))
	rows := []Row{{1, []string{"indicator", "region", "period", "value"}}, {2, []string{"training", "433122", "2019", "5"}}}
	check("ReadRows", ledger().ReadRows(slices.Values(rows), ReadOptions{}))
}
