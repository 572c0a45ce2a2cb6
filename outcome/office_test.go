package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// The files of testdata/office are shaped like a county office's own: a
// region file with Chinese headers and levels and two extra columns, a
// long ledger with 序号 and 填报人 and names instead of codes, a wide sheet
// and a roster. 泸溪县 and its towns are the 2020 divisions
// (/work/shared/data); the villages and their codes are made up.

func officeRegions(t testing.TB) *RegionSet {
	t.Helper()
	f, err := os.Open("testdata/office/regions.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := ReadRegionSet(f, "regions.csv")
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

var (
	officeCommissioners = Indicator{Code: "commissioners", Name: lang.Name{Zh: "科技特派员人数", En: "commissioners"}, Unit: quantity.Person, Aggregation: Stock, Aliases: []string{"特派员"}}
	officeTraining      = Indicator{Code: "training", Name: lang.Name{Zh: "培训场次", En: "training sessions"}, Unit: quantity.Session, Aggregation: Flow}
)

func officeLedger(t testing.TB) *Ledger {
	t.Helper()
	l, err := NewLedger(officeRegions(t), officeCommissioners, officeTraining)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func openOffice(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open("testdata/office/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestParseLevelForms(t *testing.T) {
	for want, forms := range map[Level][]string{
		Province:   {"省", "自治区", "直辖市", "province", "省级"},
		Prefecture: {"市", "地区", "州", "盟", "市州", "Prefecture"},
		County:     {"县", "县级", "区", "旗", "县级市", "县市区", " county "},
		Township:   {"乡", "镇", "街道", "苏木", "乡镇"},
		Village:    {"村", "社区", "居委会", "village"},
	} {
		for _, s := range forms {
			if got, err := ParseLevel(s); err != nil || got != want {
				t.Errorf("ParseLevel(%q) = %v, %v, want %v", s, got, err, want)
			}
		}
	}
	_, err := ParseLevel("planet")
	if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "县/县级/区/旗/县级市") {
		t.Errorf("ParseLevel(planet) = %v, want ErrSyntax listing the forms", err)
	}
}

func TestRegionFileAttributes(t *testing.T) {
	rs := officeRegions(t)
	r, ok := rs.Lookup("433122108201")
	if !ok {
		t.Fatal("下都村 not in the set")
	}
	if v, _ := r.Attrs.Get("是否贫困村"); v != "是" || r.Level != Village || r.Name.Zh != "下都村" {
		t.Errorf("下都村 = %+v, attrs %v", r, r.Attrs)
	}
	if y, _ := r.Attrs.Get("退出年份"); y != "2018" {
		t.Errorf("退出年份 = %q, want 2018", y)
	}
	if c, _ := rs.Lookup("433122"); !c.Attrs.IsZero() {
		t.Errorf("泸溪县 has attributes %v, want none", c.Attrs)
	}
	// The same set from regions given in Go.
	var regions []Region
	for r := range rs.All() {
		regions = append(regions, r)
	}
	again, err := NewRegionSet(regions)
	if err != nil {
		t.Fatal(err)
	}
	var back []Region
	for r := range again.All() {
		back = append(back, r)
	}
	if d := cmp.Diff(regions, back); d != "" {
		t.Errorf("NewRegionSet(All()) mismatch (-want +got):\n%s", d)
	}
}

func TestFindRegion(t *testing.T) {
	rs := officeRegions(t)
	tests := []struct {
		ref, want string
		err       error
		mention   string
	}{
		{"433122108201", "433122108201", nil, ""},
		{"泸溪县/浦市镇/下都村", "433122108201", nil, ""},
		{"湖南省/泸溪县/下都村", "433122108201", nil, ""},
		{"下都村", "433122108201", nil, ""},
		{" 浦市镇 / 新桥村 ", "433122108202", nil, ""},
		{"泸溪县", "433122", nil, ""},
		{"新桥村", "", errAmbiguousRegion, "泸溪县/洗溪镇/新桥村 (433122106202)"},
		{"合水镇/新桥村", "", errRegionName, "433122106202"},
		{"下都", "", errRegionName, "下都村 (433122108201)"},
		// One character away: a homophone written for another (西 for 溪),
		// one left out, one too many.
		{"泸西县", "", errRegionName, "similar: 湖南省/湘西土家族苗族自治州/泸溪县 (433122)"},
		{"上都村", "", errRegionName, "similar: 湖南省/湘西土家族苗族自治州/泸溪县/浦市镇/下都村 (433122108201)"},
		{"浦市", "", errRegionName, "similar: 湖南省/湘西土家族苗族自治州/泸溪县/浦市镇 (433122108)"},
		{"泸溪溪县", "", errRegionName, "similar: 湖南省/湘西土家族苗族自治州/泸溪县 (433122)"},
		{"长沙市", "", errRegionName, ""},
		{"433122999999", "", ErrUnknownRegion, ""},
	}
	for _, tt := range tests {
		r, err := rs.Find(tt.ref)
		if tt.err == nil {
			if err != nil || r.Code != tt.want {
				t.Errorf("Find(%q) = %s, %v, want %s", tt.ref, r.Code, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) || !errors.Is(err, ErrUnknownRegion) || !strings.Contains(err.Error(), tt.mention) {
			t.Errorf("Find(%q) error = %v, want %v mentioning %q", tt.ref, err, tt.err, tt.mention)
		}
	}
	if _, err := rs.Find("长沙市"); err == nil || strings.Contains(err.Error(), "similar") {
		t.Errorf("Find(长沙市) error = %v, want no suggestion: no name is near it", err)
	}
	var empty RegionSet
	if _, err := empty.Find("下都村"); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("zero RegionSet: Find = %v, want ErrUnknownRegion", err)
	}
}

func TestFindIndicator(t *testing.T) {
	l := officeLedger(t)
	for _, ref := range []string{"commissioners", "科技特派员人数", "特派员", "commissioners ", "training sessions"} {
		if _, err := l.FindIndicator(ref); err != nil {
			t.Errorf("FindIndicator(%q): %v", ref, err)
		}
	}
	_, err := l.FindIndicator("培训次数")
	if !errors.Is(err, ErrUnknownIndicator) || !strings.Contains(err.Error(), "closest: training (培训场次)") {
		t.Errorf("FindIndicator(培训次数) = %v, want the closest, training", err)
	}
	// An alias that is another indicator's code is refused; a name two
	// indicators share names neither.
	bad := officeTraining
	bad.Aliases = []string{"commissioners"}
	if _, err := NewLedger(officeRegions(t), officeCommissioners, bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewLedger with an alias that is a code = %v, want ErrInvalid", err)
	}
	twin := officeTraining
	twin.Code, twin.Aliases = "training2", []string{"特派员"}
	l2, err := NewLedger(officeRegions(t), officeCommissioners, twin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l2.FindIndicator("特派员"); !errors.Is(err, errAmbiguousIndicator) {
		t.Errorf("a shared alias: %v, want ambiguous", err)
	}
}

func TestReadCSVAsOfficesWriteIt(t *testing.T) {
	l := officeLedger(t)
	if err := l.ReadCSV(openOffice(t, "long.csv"), ReadOptions{Name: "long.csv"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for r := range l.All() {
		got = append(got, r.Indicator+" "+r.Region+" "+r.Quantity.String()+" "+r.Attrs.String()+" "+r.Note)
	}
	want := []string{
		"commissioners 433122108201 2名 填报人=张敏 ",
		"commissioners 433122106202 1名 填报人=张敏 ",
		"training 433122108201 12场 填报人=李华 含线上培训",
		"training 433122109201 3场 填报人=李华 ",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("records mismatch (-want +got):\n%s", d)
	}

	err := officeLedger(t).ReadCSV(openOffice(t, "long.csv"), ReadOptions{Name: "long.csv", Strict: true})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 1 || !errors.Is(err, errUnknownColumn) {
		t.Errorf("Strict: %v, want an unknown column on line 1", err)
	}

	bad := "指标,区划,时期,数值,填报人\n培训场次,下都村,2019,3,张敏\n培训次数,下都村,2019,3,张敏\n培训场次,新桥村,2019,3,张敏\n"
	l = officeLedger(t)
	err = l.ReadCSV(strings.NewReader(bad), ReadOptions{Name: "bad.csv", AllErrors: true})
	if got := errorLines(err); !cmp.Equal(got, []int{3, 4}) || !strings.Contains(err.Error(), "closest: training") || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("errors on lines %v: %v; want 3 (closest: training) and 4 (ambiguous)", got, err)
	}
	if l.Len() != 0 {
		t.Errorf("a refused file left %d records", l.Len())
	}
}

func TestReadSheet(t *testing.T) {
	l := officeLedger(t)
	sh := Sheet{Region: []string{"县", "乡镇", "村"}, Source: Cite("泸溪县台账.xlsx", "", "")}
	if err := l.ReadSheet(openOffice(t, "sheet.csv"), sh, ReadOptions{Name: "sheet.csv"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for r := range l.All() {
		got = append(got, r.Indicator+" "+r.Region+" "+r.Period.String()+" "+r.Quantity.String()+" "+r.Attrs.String())
	}
	want := []string{
		"commissioners 433122106202 2019 1名 填报人=李华",
		"commissioners 433122108201 2019 2名 填报人=张敏",
		"commissioners 433122108202 2019 1名 填报人=张敏",
		"training 433122 2019 40场 填报人=县科技局",
		"training 433122106201 2019 5场 填报人=李华",
		"training 433122106202 2019 8场 填报人=李华",
		"training 433122108201 2019 12场 填报人=张敏",
	}
	slicesSort(got)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("records mismatch (-want +got):\n%s", d)
	}

	// Line-precise errors, all or nothing.
	bad := "县,乡镇,村,科技特派员人数,培训场次\n泸溪县,浦市镇,下都村,2,12\n泸溪县,浦市镇,上都村,1,3\n泸溪县,洗溪镇,新桥村,x,3\n"
	l = officeLedger(t)
	err := l.ReadSheet(strings.NewReader(bad), Sheet{Region: []string{"县", "乡镇", "村"}, Fixed: period.Year(2019)}, ReadOptions{Name: "bad.csv", AllErrors: true})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || pe.Column != "县/乡镇/村" || !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("first error = %v, want line 3 region", err)
	}
	// Line 3's unknown village once, though the row has two figures.
	if got := errorLines(err); !cmp.Equal(got, []int{3, 4}) || !strings.Contains(err.Error(), `科技特派员人数 "x"`) {
		t.Errorf("errors on lines %v: %v", got, err)
	}
	if l.Len() != 0 {
		t.Errorf("a refused sheet left %d records", l.Len())
	}

	// A column mapping and a period column; no period anywhere is an error.
	l = officeLedger(t)
	in := "区划代码,年度,特派员（人）,备注\n433122108201,2019,3,\n433122108201,2020,4,新增1人\n"
	sh = Sheet{Region: []string{"区划代码"}, Period: "年度", Indicators: map[string]string{"特派员": "commissioners"}}
	if err := l.ReadSheetRows(rowsOf(in), sh, ReadOptions{Name: "sheet.xlsx"}); err != nil || l.Len() != 2 {
		t.Fatalf("ReadSheetRows: %v, %d records", err, l.Len())
	}
	err = officeLedger(t).ReadSheet(strings.NewReader("区划,培训场次\n433122,5\n"), Sheet{}, ReadOptions{})
	if !errors.Is(err, ErrMissing) {
		t.Errorf("a sheet without a period: %v, want ErrMissing", err)
	}
}

func TestReadRoster(t *testing.T) {
	l := officeLedger(t)
	ro := Roster{Indicator: "科技特派员人数", Region: []string{"县", "乡镇", "村"}, Period: "派驻年度", Key: []string{"身份证号"}}
	n, err := l.ReadRoster(openOffice(t, "roster.csv"), ro, ReadOptions{Name: "roster.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Rows != 5 || n.Counted != 4 || n.Records != 3 || len(n.Duplicates) != 1 {
		t.Errorf("ReadRoster = %+v, want 5 rows, 4 counted, 3 records, 1 duplicate", n)
	}
	if d := n.Duplicates[0]; d.Line != 5 || d.First != 2 || d.Region != "433122108201" {
		t.Errorf("duplicate = %v, want line 5 repeating line 2 in 下都村", d)
	}
	got, _ := l.Total("commissioners", "433122108201", period.MustParse("2019"))
	if want := quantity.MustParse("2名"); !got.Quantity().Equal(want) {
		t.Errorf("下都村 2019 = %v, want %v", got.Quantity(), want)
	}

	// Entries: each row an entry, with the person as its attributes.
	events := Indicator{Code: "assignments", Name: lang.Name{Zh: "派驻", En: "assignments"}, Unit: quantity.Person, Aggregation: Entries}
	l, err = NewLedger(officeRegions(t), events)
	if err != nil {
		t.Fatal(err)
	}
	n, err = l.ReadRoster(openOffice(t, "roster.csv"), Roster{Indicator: "派驻", Region: []string{"县", "乡镇", "村"}, Period: "派驻年度", Key: []string{"姓名"}}, ReadOptions{})
	if err != nil || n.Records != 4 || l.Len() != 4 {
		t.Fatalf("ReadRoster of entries = %+v, %v; ledger %d", n, err, l.Len())
	}
	for r := range l.All() {
		if v, _ := r.Attrs.Get("姓名"); v == "" {
			t.Errorf("entry %v has no 姓名", r)
		}
		break
	}

	// An unknown village is an error on its line; nothing is added.
	l = officeLedger(t)
	bad := "姓名,村,年度\n张敏,下都村,2019\n王强,上都村,2019\n"
	_, err = l.ReadRoster(strings.NewReader(bad), Roster{Indicator: "commissioners", Region: []string{"村"}, Period: "年度"}, ReadOptions{Name: "bad.csv"})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || pe.Column != "村" || l.Len() != 0 {
		t.Errorf("ReadRoster(bad) = %v, %d records; want line 3 村, none", err, l.Len())
	}
}

// A roster counts persons, not rows: one listed in two villages counts in
// each and once in the county; one listed at the county alone counts in
// the county beside its villages'; rows without a key are persons each.
func TestRosterCountsPersonsOnce(t *testing.T) {
	ro := Roster{Indicator: "commissioners", Region: []string{"县", "乡镇", "村"}, Period: "年度", Key: []string{"身份证号"}}
	for _, c := range []struct {
		name, csv string
		want      map[string]string // region: its total
		records   int
	}{
		{"a person in two villages", "身份证号,县,乡镇,村,年度\n" +
			"A,泸溪县,浦市镇,下都村,2019\nA,泸溪县,浦市镇,新桥村,2019\nB,泸溪县,洗溪镇,新桥村,2019\n",
			map[string]string{"433122108201": "1名", "433122108202": "1名", "433122108": "1名", "433122106": "1名", "433122": "2名", "430000": "2名"},
			4}, // three villages and 浦市镇, whose one person is not its villages' two
		{"a person at the county alone", "身份证号,县,乡镇,村,年度\n" +
			"A,泸溪县,浦市镇,下都村,2019\nB,泸溪县,浦市镇,新桥村,2019\nC,泸溪县,,,2019\n",
			map[string]string{"433122108201": "1名", "433122108": "2名", "433122": "3名", "430000": "3名"},
			3},
		{"the county's person also in a village", "身份证号,县,乡镇,村,年度\n" +
			"A,泸溪县,浦市镇,下都村,2019\nA,泸溪县,,,2019\n",
			map[string]string{"433122108201": "1名", "433122": "1名"},
			2},
		{"rows without a key", "身份证号,县,乡镇,村,年度\n" +
			",泸溪县,浦市镇,下都村,2019\n,泸溪县,浦市镇,下都村,2019\n",
			map[string]string{"433122108201": "2名", "433122": "2名"},
			1},
		{"a clean roster: a record a village", "身份证号,县,乡镇,村,年度\n" +
			"A,泸溪县,浦市镇,下都村,2019\nB,泸溪县,浦市镇,下都村,2019\nC,泸溪县,洗溪镇,新桥村,2019\n",
			map[string]string{"433122108201": "2名", "433122106202": "1名", "433122": "3名"},
			2},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := officeLedger(t)
			n, err := l.ReadRoster(strings.NewReader(c.csv), ro, ReadOptions{Name: "roster.csv"})
			if err != nil {
				t.Fatal(err)
			}
			if n.Records != c.records || len(n.Duplicates) != 0 {
				t.Errorf("ReadRoster = %+v, want %d records and no duplicate", n, c.records)
			}
			for region, want := range c.want {
				got, err := l.Total("commissioners", region, period.MustParse("2019"))
				if err != nil || !got.Quantity().Equal(quantity.MustParse(want)) {
					t.Errorf("%s 2019 = %v, %v; want %s", region, got.Quantity(), err, want)
				}
			}
		})
	}
}

func rowsOf(csv string) func(func(Row) bool) {
	return func(yield func(Row) bool) {
		for i, line := range strings.Split(strings.TrimSpace(csv), "\n") {
			if !yield(Row{Number: i + 1, Cells: strings.Split(line, ",")}) {
				return
			}
		}
	}
}

func slicesSort(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// wideSheet returns a sheet of n villages' rows, four indicator cells
// each (two indicators, two columns of each under other headers).
func wideSheet(n int) (*RegionSet, []byte) {
	regions := []Region{{Code: "433122", Name: lang.Name{Zh: "泸溪县"}, Level: County}}
	var b strings.Builder
	b.WriteString("序号,区划,科技特派员人数,培训场次,填报人\n")
	for i := range n {
		code := fmt.Sprintf("433122%03d%03d", 100+i/1000, i%1000)
		regions = append(regions, Region{Code: code, Name: lang.Name{Zh: fmt.Sprintf("村%d", i)}, Level: Village, Parent: "433122"})
		fmt.Fprintf(&b, "%d,%s,%d,%d,张敏\n", i+1, code, i%3+1, i%7)
	}
	rs, err := NewRegionSet(regions)
	if err != nil {
		panic(err)
	}
	return rs, []byte(b.String())
}

func BenchmarkReadSheet(b *testing.B) {
	rs, data := wideSheet(100_000)
	cells := 0.0
	for b.Loop() {
		l, _ := NewLedger(rs, officeCommissioners, officeTraining)
		if err := l.ReadSheet(bytes.NewReader(data), Sheet{Fixed: period.Year(2019)}, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
		cells += 200_000
	}
	b.ReportMetric(cells/b.Elapsed().Seconds(), "cells/s")
}

func BenchmarkReadRoster(b *testing.B) {
	rs, _ := wideSheet(10_000)
	var sb strings.Builder
	sb.WriteString("序号,姓名,身份证号,区划,派驻年度\n")
	for i := range 200_000 {
		fmt.Fprintf(&sb, "%d,张%d,4331221980%08d,433122%03d%03d,%d\n", i+1, i, i, 100+i%10_000/1000, i%1000, 2015+i%5)
	}
	data := []byte(sb.String())
	cells := 0.0
	for b.Loop() {
		l, _ := NewLedger(rs, officeCommissioners)
		if _, err := l.ReadRoster(bytes.NewReader(data), Roster{Indicator: "commissioners", Period: "派驻年度", Key: []string{"身份证号"}}, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
		cells += 200_000 * 5
	}
	b.ReportMetric(cells/b.Elapsed().Seconds(), "cells/s")
}

// Units at a scale, as money and book ledgers keep them: 万元 in a unit
// column or a header's brackets is 10^4 元, exactly; text in brackets that
// is no unit is refused once, on the header, never dropped.
func TestScaledUnits(t *testing.T) {
	funds := Indicator{Code: "funds", Name: lang.Name{Zh: "资金", En: "funds"}, Unit: quantity.Yuan, Aggregation: Flow}
	books := Indicator{Code: "books", Name: lang.Name{Zh: "图书", En: "books"}, Unit: quantity.Volume, Aggregation: Flow}
	newLedger := func() *Ledger {
		l, err := NewLedger(officeRegions(t), funds, books, officeTraining)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	total := func(l *Ledger, ind, region string) string {
		t.Helper()
		s, err := l.Total(ind, region, period.Year(2019))
		if err != nil {
			t.Fatal(err)
		}
		return s.Quantity().String()
	}
	l := newLedger()
	long := "指标,区划,时期,数值,单位\n资金,433122,2019,50,万元\n资金,433122108201,2019年,1.5,万元\n图书,433122,2019,12,万册\n资金,433122109201,2019,0.0025,亿元\n"
	if err := l.ReadCSV(strings.NewReader(long), ReadOptions{Name: "long.csv"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ind, region, want string }{
		{"funds", "433122", "500000元"}, // the county's own figure
		{"funds", "433122108201", "15000元"},
		{"funds", "433122109201", "250000元"},
		{"books", "433122", "120000册"},
	} {
		if got := total(l, c.ind, c.region); got != c.want {
			t.Errorf("%s %s = %s, want %s", c.ind, c.region, got, c.want)
		}
	}

	l = newLedger()
	sheet := "区划代码,年度,资金（万元）,图书（万册）,培训场次（场次）\n433122,2019,50,12,3\n"
	if err := l.ReadSheet(strings.NewReader(sheet), Sheet{Region: []string{"区划代码"}, Period: "年度"}, ReadOptions{Name: "sheet.csv"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ind, want string }{{"funds", "500000元"}, {"books", "120000册"}, {"training", "3场"}} {
		if got := total(l, c.ind, "433122"); got != c.want {
			t.Errorf("sheet: %s = %s, want %s", c.ind, got, c.want)
		}
	}

	l = newLedger()
	bad := "区划代码,年度,培训场次（含线上）\n433122,2019,3\n433122106,2019,4\n"
	err := l.ReadSheet(strings.NewReader(bad), Sheet{Region: []string{"区划代码"}, Period: "年度"}, ReadOptions{Name: "bad.csv", AllErrors: true})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 1 || pe.Column != "培训场次（含线上）" || pe.Value != "含线上" || !errors.Is(err, ErrSyntax) {
		t.Errorf("ReadSheet(bad) = %v; want one error on the header naming 含线上", err)
	}
	if strings.Count(err.Error(), "含线上") != 2 || l.Len() != 0 { // the column and the value, once
		t.Errorf("ReadSheet(bad) = %q, %d records; want the header's error once, nothing added", err, l.Len())
	}
}

// A sheet's title names its period as offices write it: a half-year,
// months, two years; the first half and the second are two periods, not
// one year twice.
func TestSheetTitlePeriod(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"2019年科技特派员工作台账", "2019"},
		{"2019年度科技特派员工作台账", "2019"},
		{"2019年上半年科技特派员工作台账", "2019H1"},
		{"泸溪县2019年下半年台账", "2019H2"},
		{"2019年1-6月培训台账", "2019-01-01/2019-06-30"},
		{"2018-2019年培训台账", "2018-01-01/2019-12-31"},
		{"2019年第三季度台账", "2019Q3"},
		{"2019年3月台账", "2019-03"},
		{"科技特派员台账", ""},
	} {
		got := titlePeriod(c.title)
		want := period.Period{}
		if c.want != "" {
			want = period.MustParse(c.want)
		}
		if !got.Equal(want) {
			t.Errorf("titlePeriod(%q) = %v, want %v", c.title, got, want)
		}
	}
	l := officeLedger(t)
	h1 := "2019年上半年培训台账\n区划代码,培训场次\n433122,8\n"
	h2 := "2019年下半年培训台账\n区划代码,培训场次\n433122,9\n"
	for i, sheet := range []string{h1, h2} {
		if err := l.ReadSheet(strings.NewReader(sheet), Sheet{}, ReadOptions{Name: fmt.Sprintf("h%d.csv", i+1)}); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := l.Total("training", "433122", period.Year(2019)); !got.Quantity().Equal(quantity.MustParse("17场")) {
		t.Errorf("2019 from two half-year sheets = %v, want 17场", got.Quantity())
	}
}

// A sheet's 合计 row is the sum of its rows: checked, not recorded; one
// that disagrees with them is an error on its line.
func TestSheetTotalRow(t *testing.T) {
	sh := Sheet{Region: []string{"县", "乡镇", "村"}, Period: "年度"}
	for _, c := range []struct {
		name, csv string
		err       string // "" for none
	}{
		{"合计 in the region column", "县,乡镇,村,年度,培训场次\n泸溪县,浦市镇,下都村,2019,3\n泸溪县,洗溪镇,新桥村,2019,4\n合计,,,,7\n", ""},
		{"全县合计", "县,乡镇,村,年度,培训场次\n泸溪县,浦市镇,下都村,2019,3\n全县合计,,,,3\n", ""},
		{"合计 in the row number column", "序号,县,乡镇,村,年度,培训场次\n1,泸溪县,浦市镇,下都村,2019,3\n合计,,,,,3\n", ""},
		{"a subtotal is not checked", "县,乡镇,村,年度,培训场次\n泸溪县,浦市镇,下都村,2019,3\n小计,,,,5\n合计,,,,3\n", ""},
		{"a 合计 that disagrees", "县,乡镇,村,年度,培训场次\n泸溪县,浦市镇,下都村,2019,3\n泸溪县,洗溪镇,新桥村,2019,4\n合计,,,,8\n",
			`sheet.csv:4: 培训场次 "8": conflicting value for the same indicator, region and period: the 合计 row says 8, the rows above it add up to 7`},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := officeLedger(t)
			err := l.ReadSheet(strings.NewReader(c.csv), sh, ReadOptions{Name: "sheet.csv"})
			if c.err != "" {
				if err == nil || err.Error() != c.err || l.Len() != 0 {
					t.Errorf("ReadSheet = %v (%d records), want %q and nothing added", err, l.Len(), c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for r := range l.All() {
				if r.Region == "" || !strings.HasPrefix(r.Region, "433122") {
					t.Errorf("record of the total row: %v", r)
				}
			}
		})
	}
}

// A column whose header misspells an indicator is refused, not kept as an
// attribute that would hide its figures.
func TestSheetMisspeltIndicator(t *testing.T) {
	l := officeLedger(t)
	sheet := "区划代码,年度,科技特派员数,填报人\n433122,2019,3,张敏\n"
	err := l.ReadSheet(strings.NewReader(sheet), Sheet{Region: []string{"区划代码"}, Period: "年度"}, ReadOptions{Name: "sheet.csv"})
	if !errors.Is(err, ErrUnknownIndicator) || !strings.Contains(err.Error(), "科技特派员人数") || l.Len() != 0 {
		t.Errorf("ReadSheet = %v (%d records), want the column refused, naming 科技特派员人数", err, l.Len())
	}
	// 填报人 is far from every indicator: an attribute.
	sheet = "区划代码,年度,科技特派员人数,填报人\n433122,2019,3,张敏\n"
	if err := l.ReadSheet(strings.NewReader(sheet), Sheet{Region: []string{"区划代码"}, Period: "年度"}, ReadOptions{Name: "sheet.csv"}); err != nil {
		t.Fatal(err)
	}
}

// A scale word alone in a unit column (万) is no unit: the error says what
// to write, not only that the unit is unknown.
func TestScaleWithoutUnit(t *testing.T) {
	funds := Indicator{Code: "funds", Name: lang.Name{Zh: "资金", En: "funds"}, Unit: quantity.Yuan, Aggregation: Flow}
	l, err := NewLedger(officeRegions(t), funds)
	if err != nil {
		t.Fatal(err)
	}
	err = l.ReadCSV(strings.NewReader("指标,区划,时期,数值,单位\n资金,433122,2019,50,万\n"), ReadOptions{Name: "a.csv"})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Column != "单位" || !errors.Is(err, errUnknownUnit) ||
		!strings.HasSuffix(err.Error(), "a scale without a unit (write 万元, 万人 …)") {
		t.Errorf("ReadCSV = %v, want a.csv:2 单位: a scale without a unit", err)
	}
}

// A conflict's error names the value column as the file's header does.
func TestConflictNamesTheFilesColumn(t *testing.T) {
	l := officeLedger(t)
	err := l.ReadCSV(strings.NewReader("指标,地区,时期,数值\ntraining,433122,2019,5\ntraining,433122,2019,6\n"), ReadOptions{Name: "a.csv"})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || pe.Column != "数值" || !errors.Is(err, ErrConflict) {
		t.Errorf("ReadCSV = %v, want a.csv:3 数值: a conflict", err)
	}
}
