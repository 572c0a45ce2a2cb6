package outcome

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// correction returns r corrected to qty, reported on the day given.
func correction(r Record, qty string, reported time.Time, reason string) Record {
	c := r
	c.Revises, c.Quantity = r.Quantity, quantity.MustParse(qty)
	c.Reported, c.Reason = reported, reason
	return c
}

func total(t *testing.T, l *Ledger, ind, region, window string) string {
	t.Helper()
	s, err := l.Total(ind, region, period.MustParse(window))
	if err != nil {
		t.Fatal(err)
	}
	if s.Records == 0 {
		return "no data"
	}
	return s.Quantity().String()
}

// TestCorrection: a county reports 120 training sessions for 2019, finds a
// typo and corrects it to 102 on 2020-03-01. The ledger keeps both, counts
// 102, and as known on 2020-01-15 still says 120.
func TestCorrection(t *testing.T) {
	l := testLedger(t)
	first := rec("training", "433122", "2019", "120人次")
	first.Reported = day(2020, 1, 10)
	if err := l.Add(first); err != nil {
		t.Fatal(err)
	}
	fix := correction(first, "102人次", day(2020, 3, 1), "录入错误")
	if err := l.Add(fix); err != nil {
		t.Fatal(err)
	}
	if got := total(t, l, "training", "430000", "2019"); got != "102人次" {
		t.Errorf("Total = %s, want 102人次", got)
	}
	if got := total(t, l.AsOf(day(2020, 1, 15)), "training", "430000", "2019"); got != "120人次" {
		t.Errorf("AsOf(2020-01-15).Total = %s, want 120人次", got)
	}
	if got := total(t, l.AsOf(day(2020, 1, 9)), "training", "430000", "2019"); got != "no data" {
		t.Errorf("AsOf(2020-01-09).Total = %s, want no data", got)
	}
	if got := total(t, l.AsOf(day(2020, 3, 1)), "training", "430000", "2019"); got != "102人次" {
		t.Errorf("AsOf(2020-03-01).Total = %s, want 102人次", got)
	}
	h, err := l.History("training", "433122", period.Year(2019))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Record{first, fix}, h, cmp.Comparer(Record.Equal)); diff != "" {
		t.Errorf("History mismatch (-want +got):\n%s", diff)
	}
	if n := l.Len(); n != 2 {
		t.Errorf("Len = %d, want 2 (every version)", n)
	}
	// The same correction again is harmless; so is the first figure.
	if err := l.Add(fix, first); err != nil {
		t.Errorf("Add of versions held = %v, want nil", err)
	}
	if n := l.Len(); n != 2 {
		t.Errorf("Len after adding again = %d, want 2", n)
	}
}

// TestCorrectionRefused: what a correction must carry, and a figure
// differing without one.
func TestCorrectionRefused(t *testing.T) {
	first := rec("commissioners", "433122", "2019", "5名")
	tests := []struct {
		name  string
		r     Record
		field string
		want  error
	}{
		{"a differing figure without revises", rec("commissioners", "433122", "2019", "6名"), "value", ErrConflict},
		{"a stale correction", correction(rec("commissioners", "433122", "2019", "4名"), "6名", day(2020, 3, 1), "typo"), "value", ErrConflict},
		{"a correction of nothing", correction(rec("commissioners", "433122", "2018", "5名"), "6名", day(2020, 3, 1), "typo"), "value", ErrConflict},
		{"no day reported", correction(first, "6名", time.Time{}, "typo"), "reported", ErrMissing},
		{"reported before the figure", correction(first, "6名", day(2019, 12, 1), "typo"), "value", ErrInvalid},
		{"a revised figure of another dimension", correction(first, "6名", day(2020, 3, 1), "typo"), "revises", ErrUnitMismatch},
		{"entries", correction(rec("training", "433122", "2019", "5人次"), "6人次", day(2020, 3, 1), "typo"), "revises", ErrInvalid},
		{"no reason", correction(first, "6名", day(2020, 3, 1), " "), "reason", ErrMissing},
	}
	tests[5].r.Revises = quantity.MustParse("5人次")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries := Indicator{Code: "training", Name: lang.Name{Zh: "培训", En: "training"}, Unit: quantity.PersonTime, Aggregation: Entries}
			l, err := NewLedger(testRegions(t), indCommissioners, entries)
			if err != nil {
				t.Fatal(err)
			}
			f := first
			f.Reported = day(2020, 1, 1)
			if err := l.Add(f, rec("training", "433122", "2019", "5人次")); err != nil {
				t.Fatal(err)
			}
			err = l.Add(tt.r)
			var re *RecordError
			if !errors.As(err, &re) || re.Field != tt.field || !errors.Is(err, tt.want) {
				t.Fatalf("Add = %v, want %s: %v", err, tt.field, tt.want)
			}
			if got := total(t, l, "commissioners", "433122", "2019"); got != "5名" {
				t.Errorf("Total after refusal = %s, want 5名", got)
			}
		})
	}
}

// TestCorrectionRolledBack: an Add refused in part takes back its
// correction; the figure corrected is current again and can be corrected.
func TestCorrectionRolledBack(t *testing.T) {
	for _, per := range []string{"2019", "2019-03", "2018-01-01/2019-06-30"} {
		t.Run(per, func(t *testing.T) {
			l := testLedger(t)
			first := rec("commissioners", "433122", per, "5名")
			if err := l.Add(first, rec("commissioners", "430000", per, "50名")); err != nil {
				t.Fatal(err)
			}
			fix := correction(first, "7名", day(2020, 3, 1), "漏报")
			if err := l.Add(fix, rec("commissioners", "999999", per, "1名")); !errors.Is(err, ErrUnknownRegion) {
				t.Fatalf("Add = %v, want ErrUnknownRegion", err)
			}
			h, _ := l.History("commissioners", "433122", period.MustParse(per))
			if len(h) != 1 {
				t.Fatalf("History after rollback has %d versions, want 1", len(h))
			}
			if err := l.Add(fix); err != nil {
				t.Fatal(err)
			}
			again := correction(fix, "8名", day(2020, 4, 1), "再次更正")
			if err := l.Add(again); err != nil {
				t.Fatal(err)
			}
			if got := total(t, l, "commissioners", "433122", per); got != "8名" {
				t.Errorf("Total = %s, want 8名", got)
			}
			if got := total(t, l.AsOf(day(2020, 3, 15)), "commissioners", "433122", per); got != "7名" {
				t.Errorf("AsOf(2020-03-15).Total = %s, want 7名", got)
			}
			if err := l.Add(correction(first, "9名", day(2020, 5, 1), "typo")); !errors.Is(err, ErrConflict) {
				t.Errorf("a correction of a superseded figure = %v, want ErrConflict", err)
			}
		})
	}
}

// versionedLedger holds originals, dated figures and chains of
// corrections, in several kinds of period, unit and qualifier.
func versionedLedger(t *testing.T) *Ledger {
	t.Helper()
	l := testLedger(t)
	a := rec("commissioners", "433122", "2019", "5名")
	b := rec("training", "433122", "2019-03", "42人次")
	b.Reported, b.Source = day(2019, 4, 2), Cite("县科技局", "一季度", "")
	c := rec("funds", "430000", "2005-/2019", "26.8亿多元")
	d := rec("star-spaces", "430000", "2019", "149个")
	d.Note = "含在建"
	a1 := correction(a, "6名", day(2020, 3, 1), "漏报一名, 见\"补报\"")
	a2 := correction(a1, "7余名", day(2020, 3, 1), "同日再次更正")
	b1 := correction(b, "24人次", day(2019, 5, 1), "数字颠倒")
	c1 := correction(c, "2700000000元", day(2020, 6, 30), "审计")
	if err := l.Add(a, b, c, d, a1, b1, c1); err != nil {
		t.Fatal(err)
	}
	if err := l.Add(a2); err != nil {
		t.Fatal(err)
	}
	return l
}

// TestCorrectionRoundTrip: every record and version a ledger holds is
// written and read back equal, in CSV and in JSON Lines, and reading the
// file again into the same ledger adds nothing.
func TestCorrectionRoundTrip(t *testing.T) {
	l := versionedLedger(t)
	want := slices.Collect(l.All())
	if len(want) != 8 {
		t.Fatalf("All yields %d records, want 8", len(want))
	}
	for _, format := range []string{"csv", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			write, read := WriteCSV, (*Ledger).ReadCSV
			if format == "jsonl" {
				write, read = WriteJSONL, (*Ledger).ReadJSONL
			}
			if err := write(&buf, l.All()); err != nil {
				t.Fatal(err)
			}
			back := testLedger(t)
			if err := read(back, bytes.NewReader(buf.Bytes()), ReadOptions{Name: "history." + format}); err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			got := slices.Collect(back.All())
			if diff := cmp.Diff(want, got, cmp.Comparer(Record.Equal)); diff != "" {
				t.Errorf("read back mismatch (-want +got):\n%s\n%s", diff, buf.String())
			}
			if err := read(back, bytes.NewReader(buf.Bytes()), ReadOptions{Name: "again." + format}); err != nil {
				t.Errorf("reading the file again = %v, want nil", err)
			}
			if back.Len() != len(want) {
				t.Errorf("Len after reading again = %d, want %d", back.Len(), len(want))
			}
			for _, on := range []time.Time{day(2019, 4, 30), day(2020, 3, 1), day(2021, 1, 1)} {
				for _, ind := range []string{"commissioners", "training", "funds"} {
					w := total(t, l.AsOf(on), ind, "430000", "2005-/2019")
					if g := total(t, back.AsOf(on), ind, "430000", "2005-/2019"); g != w {
						t.Errorf("%s as of %s: read back %s, want %s", ind, on.Format(time.DateOnly), g, w)
					}
				}
			}
		})
	}
}

// TestCorrectionCSVColumns reads a correction as an office writes it, with
// Chinese headers.
func TestCorrectionCSVColumns(t *testing.T) {
	const file = "指标,区划,时期,数值,单位,填报日期,更正前数值,更正原因\n" +
		"commissioners,433122,2019,5,名,2020/1/10,,\n" +
		"commissioners,433122,2019,7,名,2020年3月1日,5,漏报两名\n"
	l := testLedger(t)
	if err := l.ReadCSV(strings.NewReader(file), ReadOptions{Name: "fix.csv"}); err != nil {
		t.Fatal(err)
	}
	h, err := l.History("commissioners", "433122", period.Year(2019))
	if err != nil || len(h) != 2 {
		t.Fatalf("History = %v, %v, want two versions", h, err)
	}
	if h[1].Reason != "漏报两名" || !h[1].Reported.Equal(day(2020, 3, 1)) || !h[1].Revises.Equal(quantity.Int(5, quantity.Person)) {
		t.Errorf("the correction read as %+v", h[1])
	}
	for _, tt := range []struct{ name, line, col string }{
		// The column as the header writes it.
		{"no day", "commissioners,433122,2019,8,名,,7,x\n", "填报日期"},
		{"a bad day", "commissioners,433122,2019,8,名,2020-02-30,7,x\n", "填报日期"},
		{"a bad revised figure", "commissioners,433122,2019,8,名,2020-04-01,七个半,x\n", "更正前数值"},
	} {
		err := l.ReadCSV(strings.NewReader("指标,区划,时期,数值,单位,填报日期,更正前数值,更正原因\n"+tt.line), ReadOptions{Name: "bad.csv"})
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Column != tt.col {
			t.Errorf("%s: ReadCSV = %v, want an error in column %s", tt.name, err, tt.col)
		}
		if tt.name == "a bad day" && !strings.HasSuffix(err.Error(), "no day 30 in 2020-02, which has 29 days") {
			t.Errorf("%s: ReadCSV = %v, want the day named as one the calendar does not have", tt.name, err)
		}
	}
	if err := l.AsOf(day(2020, 1, 1)).Add(rec("training", "433122", "2019", "1人次")); !errors.Is(err, ErrInvalid) {
		t.Errorf("Add to a view = %v, want ErrInvalid", err)
	}
	if err := l.AsOf(day(2020, 1, 1)).ReadCSV(strings.NewReader("indicator,region,period,value\ntraining,433122,2019,1\n"), ReadOptions{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("ReadCSV into a view = %v, want ErrInvalid", err)
	}
}

// TestCorrectionConcurrent: queries of the current figures run beside
// corrections; each sees one version or the next, never both.
func TestCorrectionConcurrent(t *testing.T) {
	l := testLedger(t)
	r := rec("commissioners", "433122", "2019", "1名")
	if err := l.Add(r); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 2; i <= 50; i++ {
			next := correction(r, strconv.Itoa(i)+"名", day(2020, 1, 1).AddDate(0, 0, i), "recount")
			if err := l.Add(next); err != nil {
				t.Error(err)
				return
			}
			r = next
		}
	}()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				s, err := l.Total("commissioners", "430000", period.Year(2019))
				if err != nil || s.Records != 1 {
					t.Errorf("Total = %+v, %v: want one record", s, err)
					return
				}
				for range l.AsOf(day(2020, 1, 20)).All() {
				}
			}
		}()
	}
	wg.Wait()
	if got := total(t, l.AsOf(day(2020, 1, 20)), "commissioners", "430000", "2019"); got != "19名" {
		t.Errorf("AsOf(2020-01-20) = %s, want 19名", got)
	}
}
