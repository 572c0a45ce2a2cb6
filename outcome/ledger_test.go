package outcome

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

var (
	indCommissioners = Indicator{Code: "commissioners", Name: lang.Name{Zh: "科技特派员", En: "commissioners"}, Unit: quantity.Person, Aggregation: Stock}
	indTraining      = Indicator{Code: "training", Name: lang.Name{Zh: "培训农民", En: "farmers trained"}, Unit: quantity.PersonTime, Aggregation: Flow}
	indStarSpaces    = Indicator{Code: "star-spaces", Name: lang.Name{Zh: "星创天地", En: "star spaces"}, Unit: quantity.Piece, Aggregation: Stock}
	indFunds         = Indicator{Code: "funds", Name: lang.Name{Zh: "资金", En: "funds"}, Unit: quantity.Yuan, Aggregation: Flow}
)

func testLedger(t testing.TB) *Ledger {
	t.Helper()
	l, err := NewLedger(testRegions(t), indCommissioners, indTraining, indStarSpaces, indFunds)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func rec(ind, region, per, qty string) Record {
	return Record{Indicator: ind, Region: region, Period: period.MustParse(per), Quantity: quantity.MustParse(qty)}
}

func TestLedgerAddRefuses(t *testing.T) {
	tests := []struct {
		name  string
		r     Record
		field string
		want  error
	}{
		{"unknown indicator", rec("leaders", "433122", "2019", "3名"), "indicator", ErrUnknownIndicator},
		{"region outside the set", rec("commissioners", "110000", "2019", "3名"), "region", ErrUnknownRegion},
		{"negative count", Record{Indicator: "commissioners", Region: "433122", Period: period.Year(2019), Quantity: quantity.Int(-3, quantity.Person)}, "value", errNegative},
		// 004 §一(四)一是 reports 培训农民 in 人次: persons are not person-times.
		{"unit does not fit", rec("commissioners", "433122", "2019", "118万人次"), "unit", ErrUnitMismatch},
		{"unknown unit", Record{Indicator: "commissioners", Region: "433122", Period: period.Year(2019), Quantity: quantity.Int(3, quantity.Unit(99))}, "value", errUnknownUnit},
		{"a range", rec("commissioners", "433122", "2019", "3—5名"), "value", errRangeValue},
		{"no period", Record{Indicator: "commissioners", Region: "433122", Quantity: quantity.Int(3, quantity.Person)}, "period", ErrMissing},
		{"note not UTF-8", Record{Indicator: "commissioners", Region: "433122", Period: period.Year(2019), Quantity: quantity.Int(3, quantity.Person), Note: "\xd6\xd0"}, "note", ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLedger(t)
			err := l.Add(rec("commissioners", "433130", "2019", "1名"), tt.r)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Add error = %v, want %v", err, tt.want)
			}
			var re *RecordError
			if !errors.As(err, &re) || re.Index != 1 || re.Field != tt.field {
				t.Errorf("Add error = %#v, want a *RecordError for record 1, field %s", err, tt.field)
			}
			if l.Len() != 0 {
				t.Errorf("after a refused Add, Len() = %d, want 0: the good record must not be added either", l.Len())
			}
		})
	}
}

func TestLedgerDuplicates(t *testing.T) {
	l := testLedger(t)
	first := rec("star-spaces", "430000", "2019", "149家")
	first.Source = Cite("004_32acad38fe6c52df.txt", "二(三)二是", "[14]")
	if err := l.Add(first, first); err != nil {
		t.Fatalf("an identical record twice must be harmless: %v", err)
	}
	if l.Len() != 1 {
		t.Errorf("Len() = %d after an identical duplicate, want 1", l.Len())
	}
	err := l.Add(rec("star-spaces", "430000", "2019", "150家"))
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("a second, different value: error = %v, want ErrConflict", err)
	}
	var got []Record
	for r := range l.All() {
		got = append(got, r)
	}
	if diff := cmp.Diff([]Record{first}, got); diff != "" {
		t.Errorf("the conflicting value overwrote the first (-want +got):\n%s", diff)
	}
	// Another period or region is no conflict.
	if err := l.Add(rec("star-spaces", "430000", "2018", "120家"), rec("star-spaces", "433100", "2019", "21家")); err != nil {
		t.Errorf("Add of other periods and regions: %v", err)
	}
}

func TestLedgerAddReportsEveryError(t *testing.T) {
	l := testLedger(t)
	err := l.Add(rec("x", "433122", "2019", "1名"), rec("commissioners", "433122", "2019", "1名"), rec("commissioners", "999999", "2019", "1名"))
	var n int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var re *RecordError
		if errors.As(e, &re) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("Add reported %d record errors, want 2: %v", n, err)
	}
}

func TestTotalStockLatestWins(t *testing.T) {
	l := testLedger(t)
	// A stock reported in several years: the latest as of the date counts,
	// never the sum.
	if err := l.Add(
		rec("star-spaces", "430000", "2017", "100家"),
		rec("star-spaces", "430000", "2018", "120家"),
		rec("star-spaces", "430000", "2019", "149家"),
	); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		asOf time.Time
		want int64
		has  bool
	}{
		{date(2016, 12, 31), 0, false},
		{date(2018, 6, 30), 100, true},
		{date(2018, 12, 31), 120, true},
		{date(2025, 1, 1), 149, true},
	}
	for _, tt := range tests {
		got, err := l.Total("star-spaces", "430000", period.Through(tt.asOf))
		if err != nil {
			t.Fatal(err)
		}
		if !got.Value.Equal(decimal.NewFromInt(tt.want)) || got.Has() != tt.has {
			t.Errorf("Total as of %v = %v (has %v), want %d (has %v)", tt.asOf.Format(time.DateOnly), got.Value, got.Has(), tt.want, tt.has)
		}
	}
}

func TestTotalFlowWithinWindow(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("training", "433122", "2016", "100人次"),
		rec("training", "433122", "2017", "200人次"),
		rec("training", "433122", "2018-03", "40人次"),
		rec("training", "433122", "2018-12-01/2019-01-31", "7人次"),
		rec("training", "433122", "2019", "300人次"),
	); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		window string
		want   int64
	}{
		{"2017/2018", 240},      // 200 + 40; the straddling span is left out
		{"2016/2019", 640},      // everything but the span, which overlaps 2019, a longer record
		{"2018-12/2019", 300},   // 2019; the span overlaps it
		{"2017-06/2018-06", 40}, // 2017 straddles the start
		{"2020", 0},
	}
	for _, tt := range tests {
		got, err := l.Total("training", "", period.MustParse(tt.window))
		if err != nil {
			t.Fatal(err)
		}
		if !got.Value.Equal(decimal.NewFromInt(tt.want)) {
			t.Errorf("Total(training, %s) = %v, want %d", tt.window, got.Value, tt.want)
		}
	}
}

func TestTotalRollUp(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("commissioners", "433122100201", "2019", "1名"),
		rec("commissioners", "433122100202", "2019", "2名"),
		rec("commissioners", "433130", "2019", "5名"),
		rec("commissioners", "520000", "2019", "7名"),
	); err != nil {
		t.Fatal(err)
	}
	window := period.Through(date(2019, 12, 31))
	for _, tt := range []struct {
		region string
		want   int64
	}{
		{"433122100201", 1},
		{"433122", 3}, // villages roll up to their county
		{"433100", 8}, // and on to the prefecture
		{"430000", 8}, // and the province
		{"", 15},      // every root
		{"520000", 7},
	} {
		got, err := l.Total("commissioners", tt.region, window)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Value.Equal(decimal.NewFromInt(tt.want)) {
			t.Errorf("Total(commissioners, %q) = %v, want %d", tt.region, got.Value, tt.want)
		}
	}
	// A region's own figure includes its descendants': they are not added.
	if err := l.Add(rec("commissioners", "433122", "2019", "4名")); err != nil {
		t.Fatal(err)
	}
	got, _ := l.Total("commissioners", "433100", window)
	if !got.Value.Equal(decimal.NewFromInt(9)) {
		t.Errorf("with the county's own figure 4, prefecture total = %v, want 4+5 = 9", got.Value)
	}
	if _, err := l.Total("nope", "", window); !errors.Is(err, ErrUnknownIndicator) {
		t.Errorf("Total(unknown indicator) error = %v", err)
	}
	if _, err := l.Total("commissioners", "110000", window); !errors.Is(err, ErrUnknownRegion) {
		t.Errorf("Total(unknown region) error = %v", err)
	}
}

func TestTotalCertainty(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("commissioners", "433122100201", "2019", "5000余名"),
		rec("commissioners", "433122100202", "2019", "3名"),
		rec("commissioners", "433130", "2019", "近1000名"),
		rec("training", "433122", "2019", "不到60人次"),
		rec("training", "433130", "2019", "100人次"),
	); err != nil {
		t.Fatal(err)
	}
	window := period.Through(date(2019, 12, 31))
	for _, tt := range []struct {
		ind, region string
		want        quantity.Certainty
	}{
		{"commissioners", "433122100202", quantity.Exact},
		{"commissioners", "433122", quantity.LowerBound},
		{"commissioners", "433100", quantity.Approximate},
		{"training", "433100", quantity.UpperBound},
	} {
		got, _ := l.Total(tt.ind, tt.region, window)
		if got.Certainty != tt.want {
			t.Errorf("Total(%s, %s).Certainty = %v, want %v", tt.ind, tt.region, got.Certainty, tt.want)
		}
	}
}

func TestValuesPerUnit(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("commissioners", "433122100201", "2018", "1名"),
		rec("commissioners", "433122100201", "2019", "2名"),
		rec("commissioners", "433122100203", "2020", "1名"),
	); err != nil {
		t.Fatal(err)
	}
	villages, err := l.Regions().Select("433122", func(r Region) bool { return r.Level == Village })
	if err != nil {
		t.Fatal(err)
	}
	v, err := l.Values("commissioners", villages, period.Through(date(2019, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Code  string
		Has   bool
		Value string
		Cmp1  int
	}
	var got []row
	atLeast1 := v.CmpFunc(decimal.NewFromInt(1))
	for i := range v.Len() {
		got = append(got, row{v.Region(i).Code, v.Has(i), v.Value(i).String(), atLeast1(i)})
	}
	want := []row{
		{"433122100201", true, "2", 1},
		{"433122100202", false, "0", -1},
		{"433122100203", false, "0", -1}, // its record is from 2020
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Values mismatch (-want +got):\n%s", diff)
	}
}

func TestLedgerDecimalValues(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("funds", "433122", "2019", "26.8亿多元"),
		rec("funds", "433130", "2019", "0.5元"),
		Record{Indicator: "funds", Region: "520000", Period: period.Year(2019), Quantity: quantity.New(decimal.RequireFromString("123456789012345678901234567890"), quantity.Yuan, 0)},
	); err != nil {
		t.Fatal(err)
	}
	got, err := l.Total("funds", "430000", period.Through(date(2019, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	if want := decimal.RequireFromString("2680000000.5"); !got.Value.Equal(want) {
		t.Errorf("Total(funds, Hunan) = %v, want %v", got.Value, want)
	}
	got, _ = l.Total("funds", "", period.Through(date(2019, 12, 31)))
	if want := decimal.RequireFromString("123456789012345678903914567890.5"); !got.Value.Equal(want) {
		t.Errorf("Total(funds) with a value beyond int64 = %v, want %v", got.Value, want)
	}
	var back []Record
	for r := range l.Records("funds") {
		back = append(back, r)
	}
	if len(back) != 3 || !back[0].Quantity.Equal(quantity.MustParse("26.8亿多元")) || !back[2].Quantity.Value().Equal(decimal.RequireFromString("123456789012345678901234567890")) {
		t.Errorf("records read back = %v", back)
	}
}

func TestLedgerConcurrent(t *testing.T) {
	l := testLedger(t)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := 2000; y < 2050; y++ {
				r := Record{Indicator: "training", Region: "433122", Period: period.Year(y), Quantity: quantity.Int(int64(g+1), quantity.PersonTime), Note: fmt.Sprint(g)}
				if err := l.Add(r); err != nil && !errors.Is(err, ErrConflict) {
					t.Error(err)
				}
				if _, err := l.Total("training", "430000", period.Year(y)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if l.Len() != 50 {
		t.Errorf("Len() = %d, want 50: one record per year won, the rest conflicted", l.Len())
	}
}

func TestSumQuantityQualifier(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("commissioners", "433122", "2019", "5000余名"),
		rec("commissioners", "433130", "2019", "近1000名"),
	); err != nil {
		t.Fatal(err)
	}
	window := period.Through(date(2019, 12, 31))
	// One record: its own words are kept.
	one, _ := l.Total("commissioners", "433122", window)
	if got := one.Quantity(); !got.Equal(quantity.MustParse("5000余名")) {
		t.Errorf("a sum of one record = %v, want 5000余名", got)
	}
	// Several: their bounds speak. More than 5000 and less than 1000 is
	// bounded on neither side: about 6000.
	two, _ := l.Total("commissioners", "430000", window)
	if got := two.Quantity(); !got.Equal(quantity.MustParse("约6000名")) {
		t.Errorf("a sum of a lower and an upper bound = %v, want 约6000名", got)
	}
	if err := l.Add(rec("commissioners", "433130", "2018", "40名"), rec("commissioners", "433122", "2018", "30余名")); err != nil {
		t.Fatal(err)
	}
	lower, _ := l.Total("commissioners", "430000", period.Through(date(2018, 12, 31)))
	if got := lower.Quantity(); !got.Equal(quantity.MustParse("70余名")) {
		t.Errorf("40 + 30余 = %v, want 70余名", got)
	}
}

func TestIndexYearsAndSpans(t *testing.T) {
	// Years from 1970 to 2033 are indexed by a bitmap, other periods by a
	// hash table; both must find duplicates and conflicts alike, and a
	// refused Add must leave neither holding its rows.
	for _, per := range []string{"2019", "1965", "2040", "2019-03", "2018-01-01/2018-06-30", "~2017/2019", "2005-/2019"} {
		t.Run(per, func(t *testing.T) {
			l := testLedger(t)
			r := rec("training", "433122", per, "5人次")
			bad := rec("training", "999999", per, "5人次")
			if err := l.Add(r, bad); !errors.Is(err, ErrUnknownRegion) {
				t.Fatalf("Add with a bad record: %v", err)
			}
			if err := l.Add(r); err != nil {
				t.Fatalf("after a rollback the record must add again: %v", err)
			}
			if err := l.Add(r); err != nil || l.Len() != 1 {
				t.Errorf("an identical record again: %v, Len %d; want harmless", err, l.Len())
			}
			if err := l.Add(rec("training", "433122", per, "6人次")); !errors.Is(err, ErrConflict) {
				t.Errorf("a different value: %v, want ErrConflict", err)
			}
			if err := l.Add(rec("training", "433130", per, "6人次")); err != nil {
				t.Errorf("another region: %v", err)
			}
		})
	}
}

func TestUsed(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("commissioners", "433122100201", "2018", "1名"),
		rec("commissioners", "433122100201", "2019", "2名"),
		rec("commissioners", "433122100202", "2019", "3名"),
		rec("commissioners", "433130", "2019", "5名"),
		rec("commissioners", "433100", "2019", "9名"), // the prefecture's own figure, as recent, covers its counties
	); err != nil {
		t.Fatal(err)
	}
	window := period.Through(date(2019, 12, 31))
	for _, tt := range []struct {
		region string
		want   []string
	}{
		{"433122", []string{"433122100201 2019 2名", "433122100202 2019 3名"}}, // the latest of a stock only
		{"433100", []string{"433100 2019 9名"}},
		{"433130", []string{"433130 2019 5名"}},
	} {
		recs, err := l.Used("commissioners", tt.region, window)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			got = append(got, r.Region+" "+r.Period.String()+" "+r.Quantity.String())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Used(%s) mismatch (-want +got):\n%s", tt.region, diff)
		}
		total, _ := l.Total("commissioners", tt.region, window)
		if total.Records != len(recs) {
			t.Errorf("Used(%s) gave %d records, Total used %d", tt.region, len(recs), total.Records)
		}
	}
}

func TestSumLatest(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(rec("star-spaces", "430000", "2012", "10家"), rec("star-spaces", "433100", "2016-03", "4家")); err != nil {
		t.Fatal(err)
	}
	// As of 2015 Hunan's own 2012 figure stands; it is three years old.
	sum, _ := l.Total("star-spaces", "430000", period.Through(date(2015, 12, 31)))
	if !sum.Latest.Equal(date(2012, 12, 31)) {
		t.Errorf("Latest = %v, want the end of 2012", sum.Latest)
	}
	// As of 2018 the prefecture's 2016 record is newer: it counts for Hunan.
	for _, region := range []string{"430000", "433100"} {
		sum, _ = l.Total("star-spaces", region, period.Through(date(2018, 12, 31)))
		if !sum.Latest.Equal(date(2016, 3, 31)) {
			t.Errorf("Latest of %s = %v, want 2016-03-31", region, sum.Latest)
		}
	}
}

func TestEntries(t *testing.T) {
	// Entries are events: two equal rows are two commissioners assigned.
	rs := testRegions(t)
	l, err := NewLedger(rs, Indicator{Code: "assigned", Unit: quantity.Person, Aggregation: Entries})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Add(rec("assigned", "433122100201", "2018", "1名"), rec("assigned", "433122100201", "2018", "1名"),
		rec("assigned", "433122100201", "2019", "2名"), rec("assigned", "433122100202", "2020", "1名")); err != nil {
		t.Fatal(err)
	}
	if err := l.Add(rec("assigned", "433122100201", "2018", "5名"), rec("assigned", "999999", "2018", "1名")); !errors.Is(err, ErrUnknownRegion) {
		t.Fatalf("a bad entry: %v", err)
	}
	if l.Len() != 4 {
		t.Errorf("Len = %d, want 4: duplicates kept, the refused batch rolled back", l.Len())
	}
	for _, tt := range []struct {
		window string
		want   int64
	}{{"2018", 2}, {"2018/2019", 4}, {"2016/2020", 5}} {
		sum, _ := l.Total("assigned", "433122", period.MustParse(tt.window))
		if !sum.Value.Equal(decimal.NewFromInt(tt.want)) {
			t.Errorf("entries in %s = %v, want %d", tt.window, sum.Value, tt.want)
		}
	}
	// CSV with a year column.
	m, _ := NewLedger(rs, Indicator{Code: "assigned", Unit: quantity.Person, Aggregation: Entries})
	in := "indicator,region,year,value\nassigned,433122100201,2018,1\nassigned,433122100201,2018,1\n"
	if err := m.ReadCSV(strings.NewReader(in), ReadOptions{}); err != nil || m.Len() != 2 {
		t.Errorf("ReadCSV of entries: %v, %d records; want 2", err, m.Len())
	}
	if err := (Indicator{Code: "x", Unit: quantity.Percent, Aggregation: Entries}).Validate(); !errors.Is(err, errInvalidIndicator) {
		t.Errorf("percent entries: %v, want errInvalidIndicator", err)
	}
}

// TestValuesBeyondFourBytes checks that sums of four-byte values that
// outgrow four bytes are still exact: the compact loop hands over.
func TestValuesBeyondFourBytes(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("training", "433122100201", "2018", "2000000000人次"),
		rec("training", "433122100201", "2019", "2000000000人次"),
		rec("training", "433122100202", "2019", "7人次"),
	); err != nil {
		t.Fatal(err)
	}
	villages, err := l.Regions().SelectLevel("433122", Village)
	if err != nil {
		t.Fatal(err)
	}
	v, err := l.Values("training", villages, period.Through(date(2019, 12, 31)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := range v.Len() {
		got = append(got, fmt.Sprintf("%s %s %d", v.Region(i).Code, v.Value(i), v.Records(i)))
	}
	want := []string{"433122100201 4000000000 2", "433122100202 7 1", "433122100203 0 0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Values mismatch (-want +got):\n%s", diff)
	}
	sum, err := l.Total("training", "", period.Through(date(2019, 12, 31)))
	if err != nil || !sum.Value.Equal(decimal.NewFromInt(4000000007)) || sum.Records != 3 {
		t.Errorf("Total = %v, %d records, %v; want 4000000007 of 3", sum.Value, sum.Records, err)
	}
}
