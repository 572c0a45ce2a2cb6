package outcome

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/taizhang/taizhang/lang"
)

// bareReaders returns two row readers of a bare file with the header
// given, in the state the lines before leave them.
func bareReaders(t testing.TB, header string, before []string, rs *RegionSet) (*rowReader, *rowReader) {
	t.Helper()
	l, err := NewLedger(rs, indCommissioners, indTraining, indStarSpaces, indFunds, indEvents)
	if err != nil {
		t.Fatal(err)
	}
	p := rowParser{file: "f.csv"}
	if err := p.header(bytes.Split([]byte(header), []byte(",")), false); err != nil {
		t.Fatal(err)
	}
	fast, slow := l.newRowReader(p), l.newRowReader(p)
	if !fast.bare() {
		t.Fatalf("header %q: not a bare layout", header)
	}
	for _, line := range before {
		var b batch
		b.reset()
		line = inOrder(header, line)
		if fast.plain(&b, []byte(line), 1) == 0 || slow.plain(&b, []byte(line), 1) == 0 {
			t.Fatalf("%s: plain refused the line before, %q", header, line)
		}
	}
	return fast, slow
}

// bareAgrees checks that bareLine reads src as plain does: the same
// bytes, the same rows, the same state after.
func bareAgrees(t testing.TB, rs *RegionSet, header string, before []string, src []byte) {
	t.Helper()
	fast, slow := bareReaders(t, header, before, rs)
	var fb, sb batch
	fb.reset()
	sb.reset()
	for range 2 { // a second time, from the state the first left
		fn, sn := fast.bareLine(&fb, src, 7), slow.plain(&sb, src, 7)
		if fn != sn {
			t.Fatalf("%s: bareLine(%q) = %d, plain = %d", header, src, fn, sn)
		}
		// bareLine finds counties and villages at once, resolve the
		// others: the rows compare resolved.
		fr, sr := afterResolve(fast, &fb), afterResolve(slow, &sb)
		if diff := cmp.Diff(sr, fr); diff != "" {
			t.Fatalf("%s: bareLine(%q) rows or errors differ, resolved (-plain +bareLine):\n%s", header, src, diff)
		}
		if diff := cmp.Diff(sb.rows, fb.rows, cmp.AllowUnexported(loadRow{}), cmp.Comparer(func(x, y uint64) bool { return x == y || x&resolved != 0 || y&resolved != 0 })); diff != "" {
			t.Fatalf("%s: bareLine(%q) rows differ (-plain +bareLine):\n%s", header, src, diff)
		}
		if diff := cmp.Diff(sb.periods.Table, fb.periods.Table); diff != "" {
			t.Fatalf("%s: bareLine(%q) periods differ (-plain +bareLine):\n%s", header, src, diff)
		}
		// The last indicator is a cache of indicator's, which bareLine
		// need not keep.
		if fast.lastYear != slow.lastYear || fast.yearID != slow.yearID {
			t.Fatalf("%s: bareLine(%q) left year %d (id %d); plain %d (id %d)", header, src,
				fast.lastYear, fast.yearID, slow.lastYear, slow.yearID)
		}
	}
}

// afterResolve returns the rows of a copy of b after resolve, and its errors.
func afterResolve(rd *rowReader, b *batch) []string {
	c := batch{rows: slices.Clone(b.rows)}
	rd.resolve(&c, ReadOptions{AllErrors: true})
	var out []string
	for _, r := range c.rows {
		out = append(out, fmt.Sprintf("line %d: region %d series %d period %d value %d", r.line, r.key, r.series, r.period, r.coef))
	}
	for _, e := range c.errs {
		out = append(out, fmt.Sprintf("before row %d: %v", e.at, e.err))
	}
	return out
}

// bigRegions is testRegions with 18,000 villages more, enough for a set
// to find counties and villages by their runs (codeindex.Runs).
func bigRegions(t testing.TB) *RegionSet {
	t.Helper()
	var regions []Region
	for r := range testRegions(t).All() {
		regions = append(regions, r)
	}
	for town := 1; town <= 20; town++ {
		for v := 100; v < 1000; v++ {
			regions = append(regions, Region{Code: fmt.Sprintf("433130%03d%03d", town, v), Name: lang.Name{Zh: "村"}, Level: Village, Parent: "433130"})
		}
	}
	rs, err := NewRegionSet(regions)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

var bareHeaders = []string{"indicator,region,period,value", "value,period,region,indicator", "region,indicator,value,period"}

// TestBareLineAgrees checks bareLine against plain on the lines of a bare
// file and lines next to them.
func TestBareLineAgrees(t *testing.T) {
	lines := []string{
		"training,433122,2019,5\n", "training,433122,2019,5\r\n", "training,433122,2019,5", "training,433122,2019,5,\n",
		"training,433122,2019,\n", "training,,2019,5\n", "training,433122,2018,5\n", "training,433122100201,2019,17\n",
		"training,433122,1899,5\n", "training,433122,2019-03,5\n", "training,433122,20190,5\n", "training,433122,2019,5.5\n",
		"training,433122,2019,1234567890123456789\n", "events,433130001100,2019,3\n", "events,433130020999,2019,3\n",
		"events,433130001099,2019,3\n", "events,433130021100,2019,3\n", "events,433130001,2019,3\n", "events,433131001100,2019,3\n", "training,4331221002011234,2019,5\n", "training,999999,2019,5\n",
		"events,433122,2019,5\n", "trainings,433122,2019,5\n", "train,433122,2019,5\n", "\n", "training\n", "training,433122\n",
		"training,433122,2019,5\ntraining,433122,2019,6\n", "培训,433122,2019,5\n", "training,43a122,2019,5\n",
	}
	for _, rs := range []*RegionSet{testRegions(t), bigRegions(t)} {
		for _, h := range bareHeaders {
			for _, before := range [][]string{nil, {"training,433122,2019,1\n"}, {"events,433130,2018,1\n"}} {
				for _, line := range lines {
					bareAgrees(t, rs, h, before, []byte(inOrder(h, line)))
				}
			}
		}
	}
}

// inOrder writes a line of indicator, region, period and value with its
// fields in the order of header; a line of other than four fields as it is.
func inOrder(header, line string) string {
	f := bytes.Split([]byte(line), []byte(","))
	if header == bareHeaders[0] || len(f) != 4 {
		return line
	}
	end := "\n"
	if !bytes.HasSuffix(f[3], []byte("\n")) {
		end = ""
	}
	f[3] = bytes.TrimSuffix(f[3], []byte("\n"))
	byRole := map[string][]byte{"indicator": f[0], "region": f[1], "period": f[2], "value": f[3]}
	var out [][]byte
	for _, c := range bytes.Split([]byte(header), []byte(",")) {
		out = append(out, byRole[string(c)])
	}
	return string(bytes.Join(out, []byte(","))) + end
}

// FuzzBareLine checks that bareLine reads any bytes as plain does.
func FuzzBareLine(f *testing.F) {
	f.Add(0, []byte("training,433122,2019,5\n"))
	f.Add(1, []byte("5,2019,433122,training\n"))
	f.Add(2, []byte("433122100201,events,17,2020\r\n"))
	f.Add(0, []byte("events,433130001100,2019,3\n"))
	small, big := testRegions(f), bigRegions(f)
	f.Fuzz(func(t *testing.T, h int, src []byte) {
		header := bareHeaders[uint(h)%uint(len(bareHeaders))]
		for _, rs := range []*RegionSet{small, big} {
			bareAgrees(t, rs, header, []string{"training,433122,2019,1\n"}, src)
			bareAgrees(t, rs, header, nil, src)
		}
	})
}
