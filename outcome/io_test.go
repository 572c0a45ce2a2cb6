package outcome

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func records(l *Ledger) []Record { return slices.Collect(l.All()) }

func TestReadCSV(t *testing.T) {
	// Saved from Excel as "CSV UTF-8": a byte-order mark and CRLF line ends;
	// Chinese headers; a quoted note with a comma and a line break.
	in := "\ufeff指标,区划,时期,数值,单位,限定,来源,章节,注码,备注\r\n" +
		"star-spaces,430000,2019,149,家,,004_32acad38fe6c52df.txt,二(三)二是,[14],\r\n" +
		"training,433122,2018,达5746人次,,,004_32acad38fe6c52df.txt,二(二)一是,[13],\"2018年, 全省\r\n达5746次\"\r\n" +
		"\r\n" +
		"funds,433130,2005-/2019,26.8亿多元,,,,,,\r\n" +
		"commissioners,433122100201,~2017/2019,3,名,近,,,,\r\n"
	l := testLedger(t)
	if err := l.ReadCSV(strings.NewReader(in), ReadOptions{Name: "hunan.csv"}); err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{Indicator: "commissioners", Region: "433122100201", Period: period.MustParse("~2017/2019"), Quantity: quantity.MustParse("近3名")},
		{Indicator: "training", Region: "433122", Period: period.Year(2018), Quantity: quantity.MustParse("达5746人次"),
			Source: Cite("004_32acad38fe6c52df.txt", "二(二)一是", "[13]"), Note: "2018年, 全省\r\n达5746次"},
		{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("149家"),
			Source: Cite("004_32acad38fe6c52df.txt", "二(三)二是", "[14]")},
		{Indicator: "funds", Region: "433130", Period: period.MustParse("2005-/2019"), Quantity: quantity.MustParse("26.8亿多元")},
	}
	if diff := cmp.Diff(want, records(l)); diff != "" {
		t.Errorf("ReadCSV mismatch (-want +got):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	const header = "indicator,region,period,value\n"
	tests := []struct {
		name   string
		in     string
		line   int
		column string
		want   error
	}{
		{"missing required column", "indicator,region,period\ntraining,433122,2019\n", 1, "value", errMissingColumn},
		{"unknown column, strict", "indicator,region,period,value,colour\n", 1, "colour", errUnknownColumn},
		{"bad number", header + "training,433122,2019,12x4\n", 2, "value", ErrSyntax},
		{"unknown unit in the value", header + "training,433122,2019,12棵\n", 2, "value", errUnknownUnit},
		{"not a number", header + "training,433122,2019,abc\n", 2, "value", ErrSyntax},
		{"negative", header + "training,433122,2019,-5\n", 2, "value", errNegative},
		{"a range", header + "training,433122,2019,3—5次\n", 2, "value", errRangeValue},
		{"unknown unit", "indicator,region,period,value,unit\ntraining,433122,2019,5,棵\n", 2, "unit", errUnknownUnit},
		{"unit does not fit", "indicator,region,period,value,unit\ncommissioners,433122,2019,5,人次\n", 2, "unit", ErrUnitMismatch},
		{"unknown indicator", header + "training,433122,2019,5\nleaders,433122,2019,5\n", 3, "indicator", ErrUnknownIndicator},
		{"region not in the set", header + "training,110000,2019,5\n", 2, "region", ErrUnknownRegion},
		{"malformed period", header + "training,433122,2019-1x,5\n", 2, "period", ErrSyntax},
		{"no such month", header + "training,433122,2019-13,5\n", 2, "period", ErrInvalid},
		{"period ends before it starts", header + "training,433122,2019/2018,5\n", 2, "period", errPeriodOrder},
		{"conflicting duplicate", header + "training,433122,2019,5\ntraining,433122,2019,6\n", 3, "value", ErrConflict},
		{"field count", header + "training,433122,2019\n", 2, "", errFieldCount},
		{"not UTF-8", header + "training,433122,2019,5\n" + "training,433122,2018,\xd6\xd0\n", 3, "", ErrEncoding},
		{"unterminated quote", header + "training,433122,2019,\"5\n", 2, "", ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLedger(t)
			err := l.ReadCSV(strings.NewReader(tt.in), ReadOptions{Name: "bad.csv", Strict: strings.HasSuffix(tt.name, "strict")})
			if !errors.Is(err, tt.want) {
				t.Fatalf("ReadCSV error = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "bad.csv" || pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("ReadCSV error = %#v, want a *ParseError at bad.csv:%d column %q", err, tt.line, tt.column)
			}
			if l.Len() != 0 {
				t.Errorf("a file with a bad line left %d records in the ledger, want none", l.Len())
			}
		})
	}
}

func TestReadAllErrors(t *testing.T) {
	in := "indicator,region,period,value\n" +
		"training,433122,2019,5\n" +
		"training,999999,2019,5\n" +
		"leaders,433122,2019,5\n" +
		"training,433122,2019,7\n" +
		"training,433130,2019,5\n"
	l := testLedger(t)
	if err := l.Add(rec("training", "433130", "2017", "1人次")); err != nil {
		t.Fatal(err)
	}
	err := l.ReadCSV(strings.NewReader(in), ReadOptions{Name: "f.csv", AllErrors: true})
	var lines []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var pe *ParseError
		if errors.As(e, &pe) {
			lines = append(lines, pe.Line)
		}
	}
	if diff := cmp.Diff([]int{3, 4, 5}, lines); diff != "" {
		t.Errorf("error lines mismatch (-want +got):\n%s", diff)
	}
	if l.Len() != 1 {
		t.Errorf("after a refused file the ledger has %d records, want the 1 it had", l.Len())
	}
	// Without AllErrors, the first error only.
	err = l.ReadCSV(strings.NewReader(in), ReadOptions{Name: "f.csv"})
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 1 {
		t.Errorf("without AllErrors: %d errors, want 1", n)
	}
}

func TestRoundTrip(t *testing.T) {
	l := testLedger(t)
	if err := l.Add(
		rec("star-spaces", "430000", "2019", "149家"),
		rec("training", "433122", "2018-01-01/2018-06-30", "达5746人次"),
		rec("training", "433130", "2018-03", "不到60人次"),
		rec("funds", "433130", "2005-/2019", "26.8亿多元"),
		rec("funds", "520000", "~2017/2019", "0.05元"),
		rec("commissioners", "433122100201", "2019", "据不完全统计,5000余名"),
		Record{Indicator: "commissioners", Region: "433130", Period: period.Year(2019), Quantity: quantity.MustParse("近1000人"),
			Source: Cite("004_32acad38fe6c52df.txt", "一(四)一是", "[4]"), Note: "每年, \"三区\"人才\n第二行"},
		// Attributes: in one order, in the other, named like a column, and
		// written with the characters their cell escapes.
		Record{Indicator: "commissioners", Region: "433122", Period: period.Year(2018), Quantity: quantity.MustParse("12名"),
			Attrs: MakeAttributes("填报人", "张三", "联系电话", "0743-1234567")},
		Record{Indicator: "commissioners", Region: "433130", Period: period.Year(2018), Quantity: quantity.MustParse("9名"),
			Attrs: MakeAttributes("联系电话", "0743-7654321", "填报人", "李四")},
		Record{Indicator: "training", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("30人次"),
			Attrs: MakeAttributes("备注", "一列的名字", "序号", "7", "a=b; c\\", "x;y=z\\\n第二行", "\"引号\", 逗号", "attrs")},
	); err != nil {
		t.Fatal(err)
	}
	// A correction with attributes of its own: the history reads back too.
	first := rec("star-spaces", "430000", "2019", "149家")
	if err := l.Add(Record{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("151家"),
		Revises: first.Quantity, Reported: day(2020, 3, 1), Reason: "漏报两家", Attrs: MakeAttributes("更正人", "王五")}); err != nil {
		t.Fatal(err)
	}
	want := records(l)
	if n := len(want); n != 11 {
		t.Fatalf("the ledger holds %d records, want 11 (every version)", n)
	}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
		read  func(*Ledger, *bytes.Buffer) error
	}{
		{"csv", func(b *bytes.Buffer) error { return WriteCSV(b, l.All()) }, func(m *Ledger, b *bytes.Buffer) error { return m.ReadCSV(b, ReadOptions{}) }},
		{"csv, strict", func(b *bytes.Buffer) error { return WriteCSV(b, l.All()) }, func(m *Ledger, b *bytes.Buffer) error { return m.ReadCSV(b, ReadOptions{Strict: true}) }},
		{"rows", func(b *bytes.Buffer) error { return WriteCSV(b, l.All()) }, func(m *Ledger, b *bytes.Buffer) error {
			lines, err := csv.NewReader(b).ReadAll()
			if err != nil {
				return err
			}
			var rows []Row
			for i, cells := range lines {
				rows = append(rows, Row{Number: i + 1, Cells: cells})
			}
			return m.ReadRows(slices.Values(rows), ReadOptions{})
		}},
		{"jsonl", func(b *bytes.Buffer) error { return WriteJSONL(b, l.All()) }, func(m *Ledger, b *bytes.Buffer) error { return m.ReadJSONL(b, ReadOptions{}) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b); err != nil {
			t.Fatal(err)
		}
		first := b.String()
		m := testLedger(t)
		if err := f.read(m, &b); err != nil {
			t.Fatalf("%s: reading back: %v\n%s", f.name, err, first)
		}
		if diff := cmp.Diff(want, records(m)); diff != "" {
			t.Errorf("%s round trip mismatch (-want +got):\n%s", f.name, diff)
		}
		wantH, err1 := l.History("star-spaces", "430000", period.Year(2019))
		gotH, err2 := m.History("star-spaces", "430000", period.Year(2019))
		if err1 != nil || err2 != nil || len(wantH) != 2 {
			t.Fatalf("%s: History: %v, %v, %d versions, want 2", f.name, err1, err2, len(wantH))
		}
		if diff := cmp.Diff(wantH, gotH); diff != "" {
			t.Errorf("%s round trip: history mismatch (-want +got):\n%s", f.name, diff)
		}
		var again bytes.Buffer
		if err := f.write(&again); err != nil || again.String() != first {
			t.Errorf("%s output is not deterministic", f.name)
		}
	}
}

func TestJSONLReader(t *testing.T) {
	in := `{"indicator":"training","region":"433122","period":"2018","value":"达5746人次","source":{"document":"004","mark":"[13]"}}` + "\n\n" +
		`{"indicator":"training","region":"433130","period":"2018","value":{"value":"7","unit":"person-times"}}` + "\n" +
		`{"indicator":"training","region":"433130","period":"2019","value":"7次","colour":"red"}` + "\n" +
		`{"indicator":"training","region":"433130","period":"2019-13","value":"7次"}` + "\n" +
		`{"indicator":"training",` + "\n"
	var got []Record
	var errs []*ParseError
	for r, err := range newJSONLReader(strings.NewReader(in), "f.jsonl").Records() {
		var pe *ParseError
		if errors.As(err, &pe) {
			errs = append(errs, pe)
			continue
		}
		got = append(got, r)
	}
	if len(got) != 2 || !got[0].Quantity.Equal(quantity.MustParse("达5746人次")) || got[0].Source.Mark != "[13]" {
		t.Errorf("records = %v", got)
	}
	want := []struct {
		line   int
		column string
		err    error
	}{{4, "colour", errUnknownColumn}, {5, "period", ErrInvalid}, {6, "", ErrSyntax}}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if errs[i].Line != w.line || errs[i].Column != w.column || !errors.Is(errs[i], w.err) {
			t.Errorf("error %d = %v, want line %d column %q %v", i, errs[i], w.line, w.column, w.err)
		}
	}
}

// TestJSONLFirstMissingField checks that a line missing several fields
// names the first of them in the order of the columns, every time.
func TestJSONLFirstMissingField(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"all three", `{"value":"5次"}`, "indicator"},
		{"region and period", `{"indicator":"training","value":"5次"}`, "region"},
		{"indicator and period", `{"region":"433122","value":"5次"}`, "indicator"},
		{"period", `{"indicator":"training","region":"433122","value":"5次"}`, "period"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 50 { // a choice left to chance shows within a few runs
				for _, err := range newJSONLReader(strings.NewReader(tt.line), "f.jsonl").Records() {
					var pe *ParseError
					if !errors.As(err, &pe) || pe.Column != tt.want || !errors.Is(err, ErrMissing) {
						t.Fatalf("Records(%s) error = %v, want %s missing", tt.line, err, tt.want)
					}
				}
			}
		})
	}
}

// TestJSONLErrors checks the errors of lines encoding/json refuses: each
// names the field at fault and wraps a sentinel of this package, whatever
// encoding/json's messages say.
func TestJSONLErrors(t *testing.T) {
	tests := []struct {
		name, line, column string
		want               error
	}{
		{"a number for the indicator", `{"indicator":5,"region":"433122","period":"2019","value":"5次"}`, "indicator", ErrSyntax},
		{"an object for the note", `{"indicator":"training","region":"433122","period":"2019","value":"5次","note":{}}`, "note", ErrSyntax},
		{"a number for the mark", `{"indicator":"training","region":"433122","period":"2019","value":"5次","source":{"mark":1}}`, "mark", ErrSyntax},
		{"a number for the document", `{"indicator":"training","region":"433122","period":"2019","value":"5次","source":{"document":1}}`, "source", ErrSyntax},
		{"a string for the source", `{"indicator":"training","region":"433122","period":"2019","value":"5次","source":"004"}`, "source", ErrSyntax},
		{"a number in the value object", `{"indicator":"training","region":"433122","period":"2019","value":{"value":5}}`, "value", ErrSyntax},
		{"an array, not an object", `["training"]`, "", ErrSyntax},
		{"cut short", `{"indicator":"training",`, "", ErrSyntax},
		{"bad syntax", `{"indicator" "training"}`, "", ErrSyntax},
		{"an unknown key", `{"indicator":"training","region":"433122","period":"2019","value":"5次","colour":"red"}`, "colour", errUnknownColumn},
		{"an unknown key after a nested one", `{"source":{"mark":"[1]"},"Colour":1,"indicator":"training"}`, "Colour", errUnknownColumn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, err := range newJSONLReader(strings.NewReader(tt.line), "f.jsonl").Records() {
				n++
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Column != tt.column || pe.Line != 1 || !errors.Is(err, tt.want) {
					t.Errorf("Records(%s) error = %v, want %v in column %q", tt.line, err, tt.want, tt.column)
				}
			}
			if n != 1 {
				t.Errorf("Records(%s) yielded %d times, want one error", tt.line, n)
			}
		})
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("training", "433122", 2019, int64(5746), int64(0), uint16(quantity.Reached), "004 §二(二)一是 [13]", "note", "填报人", "张三")
	f.Add("funds", "433130", 2005, int64(268), int64(8), uint16(quantity.MoreThanDuo), "", "", "", "")
	f.Add("star-spaces", "430000", 2019, int64(149), int64(-2), uint16(0), "a,\"b\"\n", "多行\r\n备注", "a=b;\\", " \x1ec\\;\n")
	f.Fuzz(func(t *testing.T, ind, region string, year int, coef, exp int64, qual uint16, source, note, key, value string) {
		l := testLedger(t)
		r := Record{Indicator: ind, Region: region, Period: period.Year(1900 + abs(year)%300),
			Quantity: quantity.New(decimal.New(abs64(coef), int32(exp%20)), 0, quantity.Qualifier(qual)&(qualifierEnd-1)),
			Source:   Citation{Document: source}, Note: note,
			// Attributes in both orders of two names.
			Attrs: MakeAttributes(key, value, "备注", note, value, key)}
		if l.Add(r) != nil {
			return // not a valid record for this ledger
		}
		want := records(l)
		var csvBuf, jsonBuf bytes.Buffer
		if err := WriteCSV(&csvBuf, l.All()); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSONL(&jsonBuf, l.All()); err != nil {
			t.Fatal(err)
		}
		for name, read := range map[string]func(*Ledger) error{
			"csv":   func(m *Ledger) error { return m.ReadCSV(&csvBuf, ReadOptions{}) },
			"jsonl": func(m *Ledger) error { return m.ReadJSONL(&jsonBuf, ReadOptions{}) },
		} {
			m := testLedger(t)
			if err := read(m); err != nil {
				t.Fatalf("%s: reading %v back: %v", name, r, err)
			}
			if diff := cmp.Diff(want, records(m)); diff != "" {
				t.Fatalf("%s round trip mismatch (-want +got):\n%s", name, diff)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func abs64(n int64) int64 {
	if n < 0 {
		return -(n + 1)
	}
	return n
}

func TestReadRows(t *testing.T) {
	rows := []Row{
		{1, []string{"indicator", "region", "period", "value", "unit"}},
		{2, []string{"training", "433122", "2019", "5", "人次"}},
		{3, []string{"", "", ""}},                              // a blank row in a sheet
		{4, []string{"star-spaces", "430000", "2019", "149家"}}, // trailing cells left out
		{5, []string{"star-spaces", "999999", "2019", "1个"}},
	}
	l := testLedger(t)
	err := l.ReadRows(slices.Values(rows), ReadOptions{Name: "ledger.xlsx"})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 5 || pe.Column != "region" || !errors.Is(err, ErrUnknownRegion) {
		t.Fatalf("ReadRows error = %v, want ledger.xlsx:5 region ErrUnknownRegion", err)
	}
	if l.Len() != 0 {
		t.Errorf("a refused sheet left %d records", l.Len())
	}
	if err := l.ReadRows(slices.Values(rows[:4]), ReadOptions{}); err != nil || l.Len() != 2 {
		t.Errorf("ReadRows of good rows = %v with %d records, want 2", err, l.Len())
	}
	var n int
	for r, err := range RowRecords(slices.Values(rows), "ledger.xlsx") {
		if err == nil && r.Indicator != "" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("RowRecords gave %d records, want 3 (codes are not checked there)", n)
	}
}

func TestReadKeepsEachLinesSource(t *testing.T) {
	// A refused line between two lines with the same source must not leave
	// a stale source behind for the lines after it.
	in := "indicator,region,period,value,source,note\n" +
		"training,433122,2017,1,A,\n" +
		"training,999999,2018,1,B,x\n" +
		"training,433122,2018,1,B,x\n" +
		"training,433122,2019,1,B,x\n"
	l := testLedger(t)
	if err := l.ReadCSV(strings.NewReader(in), ReadOptions{AllErrors: true}); err == nil {
		t.Fatal("want the unknown region refused")
	}
	in = strings.Replace(in, "999999", "433130", 1)
	if err := l.ReadCSV(strings.NewReader(in), ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	var sources []string
	for r := range l.All() {
		sources = append(sources, r.Source.Document+"/"+r.Note)
	}
	if diff := cmp.Diff([]string{"A/", "B/x", "B/x", "B/x"}, sources); diff != "" {
		t.Errorf("sources mismatch (-want +got):\n%s", diff)
	}
}

// FuzzRead feeds arbitrary bytes to the CSV and JSON Lines readers: they
// must never panic, a refused file must leave the ledger as it was, and a
// loaded one must write back to an equal ledger.
func FuzzRead(f *testing.F) {
	f.Add([]byte("indicator,region,period,value\ntraining,433122,2019,5\n"))
	f.Add([]byte("\ufeff指标,区划,时期,数值,备注\r\nstar-spaces,430000,2019,149家,\"a,\r\nb\"\r\n"))
	f.Add([]byte("indicator,region,period,value,unit,qualifier\nfunds,433130,2005-/2019,26.8亿多元,,\ncommissioners,433122100201,~2017/2019,3,名,近\n"))
	f.Add([]byte(`{"indicator":"training","region":"433122","period":"2018","value":"达5746人次"}` + "\n"))
	f.Add([]byte("indicator,region,period,value,attrs,填报人\ntraining,433122,2019,5,\"a\\=b=1; 填报人=x\",张三\n"))
	f.Add([]byte(`{"indicator":"training","region":"433122","period":"2018","value":"5人次","attrs":{"填报人":"张三","a":"b"}}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for name, read := range map[string]func(*Ledger) error{
			"csv":   func(l *Ledger) error { return l.ReadCSV(bytes.NewReader(data), ReadOptions{AllErrors: true}) },
			"jsonl": func(l *Ledger) error { return l.ReadJSONL(bytes.NewReader(data), ReadOptions{AllErrors: true}) },
		} {
			l := testLedger(t)
			if err := l.Add(rec("training", "433130", "2001", "1人次")); err != nil {
				t.Fatal(err)
			}
			if err := read(l); err != nil {
				if l.Len() != 1 {
					t.Fatalf("%s: a refused file left %d records, want the 1 there was", name, l.Len())
				}
				continue
			}
			var b bytes.Buffer
			if err := WriteCSV(&b, l.All()); err != nil {
				t.Fatal(err)
			}
			m := testLedger(t)
			if err := m.ReadCSV(&b, ReadOptions{}); err != nil {
				t.Fatalf("%s: reading back what was loaded: %v", name, err)
			}
			if diff := cmp.Diff(records(l), records(m)); diff != "" {
				t.Fatalf("%s: round trip mismatch (-want +got):\n%s", name, diff)
			}
		}
	})
}
