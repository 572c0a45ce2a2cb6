package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

var indEvents = Indicator{Code: "events", Name: lang.Name{Zh: "活动", En: "events"}, Unit: quantity.PersonTime, Aggregation: Entries}

// randomLedgerFile writes a CSV ledger of n lines in the forms offices
// write: plain lines, which the one-pass reader takes, and lines with
// units, qualifiers, notation, spans, spaces, quoted text with commas and
// line breaks, CRLF ends and blank lines, which go to the general parser.
// It returns the file and the lines it broke on purpose (bad > 0).
func randomLedgerFile(rng *rand.Rand, n, bad int) ([]byte, []int) {
	headers := [][]string{
		{"indicator", "region", "period", "value"},
		{"indicator", "region", "period", "value", "unit", "qualifier", "source", "note"},
		{"value", "note", "period", "region", "unit", "indicator"},
	}
	header := headers[rng.IntN(len(headers))]
	has := func(c string) bool { return slices.Contains(header, c) }
	regions := []string{"430000", "433100", "433122", "433130", "433122100201", "433122100202", "433122100203", "520000"}
	inds := []string{"commissioners", "training", "star-spaces", "funds", "events"}
	seen := map[string]string{} // indicator, region and moment of stocks and flows → value: a repeat is identical
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\n")
	line := 2
	var broken []int
	for range n {
		f := map[string]string{}
		ind := inds[rng.IntN(len(inds))]
		f["indicator"], f["region"] = ind, regions[rng.IntN(len(regions))]
		f["period"] = fmt.Sprint(2015 + rng.IntN(6))
		f["value"] = fmt.Sprint(rng.IntN(5000))
		switch rng.IntN(13) {
		case 0:
			f["period"] = fmt.Sprintf("2019-%02d", 1+rng.IntN(12))
		case 1:
			f["period"] = []string{"2018-01-01/2019-06-30", "2005-/2019", "~2017/2019"}[rng.IntN(3)]
		case 2:
			// Money may be fractional; what is counted whole may still
			// be written with a point.
			if ind == "funds" {
				f["value"] = fmt.Sprintf("%d.%d", rng.IntN(100), rng.IntN(10))
			} else {
				f["value"] = fmt.Sprintf("%d.0", rng.IntN(100))
			}
		case 3:
			f["region"] = " " + f["region"] + " "
		case 4:
			if has("unit") {
				f["unit"] = map[string]string{"commissioners": "名", "training": "人次", "star-spaces": "个", "funds": "万元", "events": "人次"}[ind]
			}
		case 5:
			if has("qualifier") {
				f["qualifier"] = []string{"余", "多", "近", "以上"}[rng.IntN(4)]
			}
		case 6:
			f["value"] = map[string]string{"commissioners": "5000余名", "training": "近1000人次", "star-spaces": "达149家", "funds": "26.8亿多元", "events": "3万人次"}[ind]
		case 8:
			f["value"] = fmt.Sprintf("%d123456789012345678", 1+rng.IntN(9)) // beyond eight bytes
		case 7:
			if has("note") {
				f["note"] = []string{"a,b", "say \"hi\"", "two\nlines", "全省, 共计"}[rng.IntN(4)]
			}
			if has("source") {
				f["source"] = "004 §二(二)"
			}
		}
		if ind != "events" { // stocks and flows: a repeated key repeats its figure
			stock := ind == "commissioners" || ind == "star-spaces"
			key := ind + "|" + strings.TrimSpace(f["region"]) + "|" + momentKey(stock, f["period"])
			if v, ok := seen[key]; ok {
				f["value"], f["unit"], f["qualifier"] = v, "", ""
			} else {
				seen[key] = f["value"]
				f["unit"], f["qualifier"] = "", "" // keep the first figure plain to repeat it exactly
			}
		}
		cells := make([]string, len(header))
		for i, c := range header {
			v := f[c]
			if strings.ContainsAny(v, ",\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			cells[i] = v
		}
		b.WriteString(strings.Join(cells, ","))
		if rng.IntN(10) == 0 {
			b.WriteString("\r")
		}
		b.WriteString("\n")
		line += 1 + strings.Count(f["note"], "\n")*btoi(has("note"))
		if rng.IntN(40) == 0 {
			b.WriteString("\n")
			line++
		}
	}
	out := b.String()
	lines := strings.SplitAfter(out, "\n")
	// Break some single-line records: an unknown region, a bad number, a
	// bad period or year 0, an unknown indicator, a fraction of what is
	// counted whole.
	for len(broken) < bad {
		i := 1 + rng.IntN(len(lines)-2)
		l := lines[i]
		if strings.Count(l, ",") != len(header)-1 || strings.Contains(l, `"`) || slices.Contains(broken, i+1) {
			continue
		}
		cells := strings.Split(strings.TrimRight(l, "\r\n"), ",")
		fault := []struct{ col, v string }{
			{"region", "999999"}, {"value", "abc"}, {"period", "2019-13"}, {"indicator", "nope"}, {"period", "0000"}, {"value", "0.5"},
		}[rng.IntN(6)]
		if fault.v == "0.5" && cells[slices.Index(header, "indicator")] == "funds" {
			fault.v = "abc" // half a yuan is money
		}
		cells[slices.Index(header, fault.col)] = fault.v
		lines[i] = strings.Join(cells, ",") + "\n"
		broken = append(broken, i+1)
	}
	slices.Sort(broken)
	return []byte(strings.Join(lines, "")), broken
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ledgerWithEvents(t *testing.T) *Ledger {
	t.Helper()
	l, err := NewLedger(testRegions(t), indCommissioners, indTraining, indStarSpaces, indFunds, indEvents)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// readEachRecord is the general path: every line parsed into a Record on
// its own and added with Ledger.Add.
func readEachRecord(t *testing.T, l *Ledger, data []byte) error {
	t.Helper()
	var recs []Record
	for r, err := range newCSVReader(bytes.NewReader(data), "").Records() {
		if err != nil {
			return err
		}
		recs = append(recs, r)
	}
	return l.Add(recs...)
}

// withChunks runs fn with files cut into chunks of size bytes and at most
// procs parsing goroutines.
func withChunks(size, procs int, fn func()) {
	defer func(c, p int) { chunkSize = c; runtime.GOMAXPROCS(p) }(chunkSize, runtime.GOMAXPROCS(procs))
	chunkSize = size
	fn()
}

// eachChunking runs fn with files cut in each of the ways the agreement
// tests try: tiny chunks on one CPU and on four, larger ones on two. fn
// gets the way, for its messages.
func eachChunking(fn func(how string)) {
	for _, c := range []struct{ chunk, procs int }{{64, 1}, {64, 4}, {1 << 10, 2}, {256 << 10, 2}} {
		withChunks(c.chunk, c.procs, func() { fn(fmt.Sprintf("chunks of %d on %d CPUs", c.chunk, c.procs)) })
	}
}

// TestReadCSVAgreesWithRecords checks the fast reader (chunks parsed on
// several goroutines, plain lines in one pass) against the general path on
// random ledger files: the same records, in the same order.
func TestReadCSVAgreesWithRecords(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		data, _ := randomLedgerFile(rng, 50+rng.IntN(600), 0)
		want := ledgerWithEvents(t)
		if err := readEachRecord(t, want, data); err != nil {
			t.Fatalf("seed %d: the general path refused the file: %v\n%s", seed, err, data)
		}
		eachChunking(func(how string) {
			got := ledgerWithEvents(t)
			if err := got.ReadCSV(bytes.NewReader(data), ReadOptions{}); err != nil {
				t.Fatalf("seed %d, %s: %v", seed, how, err)
			}
			if diff := cmp.Diff(records(want), records(got)); diff != "" {
				t.Fatalf("seed %d, %s: records differ (-general +fast):\n%s", seed, how, diff)
			}
		})
	}
}

// TestReadCSVErrorsInLineOrder checks that a file read in chunks reports
// the lines a line-by-line reader would, in order, and adds nothing.
func TestReadCSVErrorsInLineOrder(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 11))
		data, broken := randomLedgerFile(rng, 100+rng.IntN(400), 1+rng.IntN(5))
		eachChunking(func(how string) {
			l := ledgerWithEvents(t)
			err := l.ReadCSV(bytes.NewReader(data), ReadOptions{AllErrors: true})
			if got := errorLines(err); !slices.Equal(got, broken) {
				t.Fatalf("seed %d, %s: errors on lines %v, want %v\n%v", seed, how, got, broken, err)
			}
			err = l.ReadCSV(bytes.NewReader(data), ReadOptions{})
			if got := errorLines(err); !slices.Equal(got, broken[:1]) {
				t.Fatalf("seed %d, %s: first error on lines %v, want %v", seed, how, got, broken[:1])
			}
			if l.Len() != 0 {
				t.Fatalf("seed %d: a refused file left %d records", seed, l.Len())
			}
		})
	}
}

func errorLines(err error) []int {
	var lines []int
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			lines = append(lines, pe.Line)
		}
	}
	if err != nil {
		walk(err)
	}
	return lines
}

// TestEveryPathRefuses checks that each way into a ledger takes or refuses
// a figure or a period alike, with the same error: the one-pass reader (a
// plain line), the general parser (the same line with its value quoted),
// ReadRows, and Add for what a Record can hold.
func TestEveryPathRefuses(t *testing.T) {
	tests := []struct {
		name                   string
		indicator, period, val string
		want                   error // nil: taken
		column                 string
	}{
		{"a fraction of a person", "commissioners", "2019", "0.5", errFraction, "value"},
		{"a fraction of a person, with the unit", "commissioners", "2019", "0.5名", errFraction, "value"},
		{"a fraction of a thing", "star-spaces", "2019", "149.5", errFraction, "value"},
		{"a fraction of a thing in 家", "star-spaces", "2019", "2.5家", errFraction, "value"},
		{"a fraction of person-times among entries", "events", "2019", "2.5", errFraction, "value"},
		{"万 persons short of a whole", "commissioners", "2019", "1.23456万名", errFraction, "value"},
		{"a fraction beyond eight bytes", "commissioners", "2019", "1234567890123456789.5", errFraction, "value"},
		{"a whole person written with a point", "commissioners", "2019", "5.0", nil, ""},
		{"万 persons, whole", "commissioners", "2019", "1.2万名", nil, ""},
		{"万 person-times, whole", "training", "2019", "8.5万人次", nil, ""},
		{"a fraction of a yuan", "funds", "2019", "0.05", nil, ""},
		{"a fraction of 亿 yuan", "funds", "2019", "26.8亿多元", nil, ""},

		{"year 0", "training", "0000", "5", errOutOfRange, "period"},
		{"a span from a day of year 0", "training", "0000-01-01/2019-12-31", "5", errOutOfRange, "period"},
		{"since year 0", "training", "0000-/2019", "5", errOutOfRange, "period"},
		{"year 1", "training", "0001", "5", nil, ""},

		{"余 twice", "commissioners", "2019", "5000余余名", ErrSyntax, "value"},
		{"以上 twice", "commissioners", "2019", "5000以上以上", ErrSyntax, "value"},
		{"a comma that is no thousands separator", "training", "2019", "1,5", ErrSyntax, "value"},
		{"a comma before 万", "training", "2019", "3,5万", ErrSyntax, "value"},
		{"thousands", "training", "2019", "12,345,678", nil, ""},
		{"exponent", "funds", "2019", "1e309元", ErrSyntax, "value"},
		{"two points", "funds", "2019", "12.3.4万", ErrSyntax, "value"},
		{"hexadecimal", "star-spaces", "2019", "0x10个", ErrSyntax, "value"},
		{"10,000 digits", "funds", "2019", strings.Repeat("9", 10_000), errOutOfRange, "value"},
		{"31 digits with 亿", "funds", "2019", "1" + strings.Repeat("0", 22) + "亿", errOutOfRange, "value"},
	}
	const header = "indicator,region,period,value\n" + "commissioners,433122,2018,3\n"
	quote := func(s string) string { return `"` + s + `"` }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(how string, err error) string {
				t.Helper()
				if tt.want == nil {
					if err != nil {
						t.Fatalf("%s: %.300v", how, err)
					}
					return ""
				}
				var pe *ParseError
				if !errors.Is(err, tt.want) || !errors.As(err, &pe) || pe.Line != 3 || pe.Column != tt.column {
					t.Fatalf("%s: error = %.300v, want %v at line 3, column %s", how, err, tt.want, tt.column)
				}
				return err.Error()
			}
			plain := tt.val
			if strings.Contains(plain, ",") {
				plain = quote(plain) // a field with a comma is quoted either way
			}
			var msgs []string
			for _, val := range []string{plain, quote(tt.val)} {
				data := header + tt.indicator + ",433122," + tt.period + "," + val + "\n"
				eachChunking(func(how string) {
					l := ledgerWithEvents(t)
					msgs = append(msgs, check(fmt.Sprintf("ReadCSV(%.40s), %s", val, how), l.ReadCSV(strings.NewReader(data), ReadOptions{Name: "f.csv"})))
				})
			}
			rows := []Row{
				{1, []string{"indicator", "region", "period", "value"}},
				{2, []string{"commissioners", "433122", "2018", "3"}},
				{3, []string{tt.indicator, "433122", tt.period, tt.val}},
			}
			msgs = append(msgs, check("ReadRows", ledgerWithEvents(t).ReadRows(slices.Values(rows), ReadOptions{Name: "f.csv"})))
			for _, m := range msgs[1:] {
				if m != msgs[0] {
					t.Errorf("the paths disagree:\n%.300s\n%.300s", msgs[0], m)
				}
			}
			if tt.column != "value" && tt.want != nil {
				return // no Record holds it
			}
			q, err := quantity.Parse(tt.val)
			if err != nil {
				if tt.want == nil || !errors.Is(err, tt.want) {
					t.Errorf("ParseQuantity(%.40q) error = %.300v, want %v", tt.val, err, tt.want)
				}
				return // a Record cannot hold what does not parse
			}
			err = ledgerWithEvents(t).Add(Record{Indicator: tt.indicator, Region: "433122", Period: period.Year(2019), Quantity: q})
			var re *RecordError
			switch {
			case tt.want == nil && err != nil:
				t.Errorf("Add(%v): %v", q, err)
			case tt.want != nil && (!errors.Is(err, tt.want) || !errors.As(err, &re) || re.Field != "value"):
				t.Errorf("Add(%v) error = %v, want %v in the value", q, err, tt.want)
			}
		})
	}
}

// roomOf is the length and capacity of every column of l, and the width
// of those that widen.
func roomOf(l *Ledger) []string {
	out := []string{fmt.Sprintf("metas len %d cap %d", len(l.metas), cap(l.metas))}
	for _, s := range l.series {
		out = append(out, fmt.Sprintf("%s: %d rows, big %d, %+v", s.ind.Code, s.Len(), len(s.Big), s.Room()))
	}
	return out
}

// TestFailedLoadGivesBackMemory checks that a load refused on its last
// line leaves every column as it found it, capacity and width included,
// and the heap where it was: a load grows the columns for the whole file
// first, hundreds of megabytes for tens of millions of rows.
// TestColumnsShrink covers the two-byte period ids, which take more lines
// to widen than this test should read.
func TestFailedLoadGivesBackMemory(t *testing.T) {
	// Distinct periods, values beyond four bytes and with a point, a new
	// note on every tenth line, a qualifier: in the one-pass reader and
	// the general parser.
	var b strings.Builder
	b.WriteString("indicator,region,period,value,qualifier,note\n")
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 20_000 {
		p := day.AddDate(0, 0, i).Format(time.DateOnly)
		p += "/" + p
		switch {
		case i%50 == 0:
			fmt.Fprintf(&b, "funds,433130,%s,5000000000.5,,\n", p)
		case i%10 == 0:
			fmt.Fprintf(&b, "commissioners,433122,%s,3,余,note %d\n", p, i)
		default:
			fmt.Fprintf(&b, "events,433122100201,%s,2,,\n", p)
		}
	}
	b.WriteString("events,999999,2019,1,,\n")
	data := []byte(b.String())
	var rows []Row
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		rows = append(rows, Row{i + 1, strings.Split(line, ",")})
	}
	b = strings.Builder{}

	// The ledger holds records before the load: of years and a few
	// months, some with a source, a qualifier or a point.
	l := ledgerWithEvents(t)
	var before []Record
	for y := 2010; y < 2020; y++ {
		before = append(before,
			rec("training", "433122", fmt.Sprint(y), "5人次"),
			rec("events", "433130", fmt.Sprint(y), "1人次"),
			rec("funds", "520000", fmt.Sprint(y), "1.5元"))
	}
	before = append(before, rec("commissioners", "433122", "2019-03", "3余名"), rec("commissioners", "433122", "2019-04", "4名"))
	before[0].Source = Cite("report", "", "")
	if err := l.Add(before...); err != nil {
		t.Fatal(err)
	}
	want, kept := roomOf(l), records(l)

	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	if err := l.ReadCSV(bytes.NewReader(data), ReadOptions{}); !errors.Is(err, ErrUnknownRegion) {
		t.Fatalf("ReadCSV error = %v, want ErrUnknownRegion on the last line", err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	if diff := cmp.Diff(want, roomOf(l)); diff != "" {
		t.Errorf("a failed ReadCSV left the columns grown (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(kept, records(l)); diff != "" {
		t.Errorf("a failed ReadCSV changed the records (-before +after):\n%s", diff)
	}
	// The load grows a megabyte or two (1.4 MiB stayed before it gave them
	// back); the garbage of a run of the collector may stay.
	if heap := int64(m1.HeapAlloc) - int64(m0.HeapAlloc); heap > 256<<10 {
		t.Errorf("a failed ReadCSV kept %d KiB of heap, want next to none", heap>>10)
	}

	if err := l.ReadRows(slices.Values(rows), ReadOptions{}); !errors.Is(err, ErrUnknownRegion) {
		t.Fatalf("ReadRows error = %v, want ErrUnknownRegion on the last row", err)
	}
	if diff := cmp.Diff(want, roomOf(l)); diff != "" {
		t.Errorf("a failed ReadRows left the columns grown (-before +after):\n%s", diff)
	}
	runtime.KeepAlive(data)
}

// oneChunk runs fn with data read as one chunk on one CPU: the single pass
// the chunked readers must agree with.
func oneChunk(data []byte, fn func()) { withChunks(len(data)+1, 1, fn) }

// FuzzReadCSVChunks checks that ReadCSV reads any bytes in chunks as it
// reads them in one pass: the same records, or exactly the same errors,
// with and without AllErrors.
func FuzzReadCSVChunks(f *testing.F) {
	f.Add([]byte("indicator,region,period,value\ntraining,433122,2019,5\ntraining,999999,2019,5\n"))
	f.Add([]byte("indicator,region,period,value,note\ntraining,433122,2019,5,\"a\nb\"\ntraining,433130,2019,x,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, all := range []bool{false, true} {
			read := func() (string, []Record) {
				l := ledgerWithEvents(t)
				if err := l.ReadCSV(bytes.NewReader(data), ReadOptions{Name: "f.csv", AllErrors: all}); err != nil {
					return err.Error(), nil
				}
				return "", records(l)
			}
			var wantErr string
			var want []Record
			oneChunk(data, func() { wantErr, want = read() })
			eachChunking(func(how string) {
				gotErr, got := read()
				if gotErr != wantErr {
					t.Fatalf("AllErrors %v, %s: error\n%.2000s\nwant, as in one pass,\n%.2000s", all, how, gotErr, wantErr)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("AllErrors %v, %s: records differ (-one pass +chunks):\n%s", all, how, diff)
				}
			})
		}
	})
}

// momentKey is what makes two periods of a region the same figure: the
// last day for a stock, the first and last day for a flow; an undated
// period is its own.
func momentKey(stock bool, per string) string {
	p := period.MustParse(per)
	switch {
	case p.Kind() == period.KindUndated:
		return per
	case stock:
		return p.End().Format(time.DateOnly)
	}
	return p.Start().Format(time.DateOnly) + "/" + p.End().Format(time.DateOnly)
}
