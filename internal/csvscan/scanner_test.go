package csvscan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// scanned is what Scanner makes of a file: its records, each with the
// line it starts on, and the error that ended it.
type scanned struct {
	records [][]string
	lines   []int
	err     string
}

func scanAll(sc *Scanner, into *scanned) bool {
	for sc.Scan() {
		rec := make([]string, len(sc.Fields))
		for i, f := range sc.Fields {
			rec[i] = string(f)
		}
		into.records, into.lines = append(into.records, rec), append(into.lines, sc.Line)
	}
	if sc.Err != nil {
		into.err = sc.Err.Error()
		return false
	}
	return true
}

// scanWhole scans data in one pass, as a reader of a stream does.
func scanWhole(data []byte) scanned {
	var s scanned
	scanAll(NewScanner(bytes.NewReader(data)), &s)
	return s
}

// scanChunks scans data cut into chunks of about size bytes, as a
// chunked reader does.
func scanChunks(t testing.TB, data []byte, size int) (scanned, []int) {
	var s scanned
	var cuts []int
	cr := NewReader(bytes.NewReader(data), size)
	at := 0
	for {
		c, err := cr.Next()
		if err != nil && err != io.EOF {
			t.Fatal(err)
		}
		at += len(c.Data)
		cuts = append(cuts, at)
		if !scanAll(&Scanner{Src: c.Data, Next: c.Line}, &s) || c.Last {
			return s, cuts
		}
	}
}

// TestQuotes checks the CSV grammar on quotes, that of encoding/csv
// without LazyQuotes: a quote opens a quoted field only where a field
// starts, and a quoted field ends with a comma or the line end.
func TestQuotes(t *testing.T) {
	tests := []struct {
		name, in string
		want     [][]string
		err      error // csv.ErrBareQuote or csv.ErrQuote
		line     int
	}{
		{"quoted", `a,"b,c",d` + "\n", [][]string{{"a", "b,c", "d"}}, nil, 0},
		{"doubled quotes", `"say ""hi""",""` + "\n", [][]string{{`say "hi"`, ""}}, nil, 0},
		{"a line end in quotes", "x\n\"a\nb\",c\r\ny\n", [][]string{{"x"}, {"a\nb", "c"}, {"y"}}, nil, 0},
		{"a quoted field last, with CRLF", "a,\"b\"\r\nc\r\n", [][]string{{"a", "b"}, {"c"}}, nil, 0},
		{"an empty field after a quoted one", `"a",` + "\n", [][]string{{"a", ""}}, nil, 0},
		{"text after the closing quote", "x\n" + `"ab"cd,e` + "\n", [][]string{{"x"}}, csv.ErrQuote, 2},
		{"a space after the closing quote", `"ab" ,e` + "\n", nil, csv.ErrQuote, 1},
		{"a CR inside the line after the closing quote", "\"ab\"\r,e\n", nil, csv.ErrQuote, 1},
		{"a quote inside an unquoted field", "x\n" + `ab"cd,e` + "\n", [][]string{{"x"}}, csv.ErrBareQuote, 2},
		{"a quote after a space", ` "ab",e` + "\n", nil, csv.ErrBareQuote, 1},
		{"a quote ending an unquoted field", "a,b\"\n", nil, csv.ErrBareQuote, 1},
		{"a quote after a quoted field's line end", "\"a\nb\",c\"d\n", nil, csv.ErrBareQuote, 1},
		{"a quoted field that does not end", "x\n\"ab\nc\n", [][]string{{"x"}}, csv.ErrQuote, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanWhole([]byte(tt.in))
			if diff := cmp.Diff(tt.want, got.records); diff != "" {
				t.Errorf("records mismatch (-want +got):\n%s", diff)
			}
			sc := NewScanner(strings.NewReader(tt.in))
			for sc.Scan() {
			}
			var se *Error
			switch {
			case tt.err == nil && sc.Err != nil:
				t.Errorf("error %v, want none", sc.Err)
			case tt.err != nil && (!errors.Is(sc.Err, tt.err) || !errors.As(sc.Err, &se) || se.Line != tt.line):
				t.Errorf("error %v, want %v on line %d", sc.Err, tt.err, tt.line)
			}
			for _, size := range []int{1, 3, 8} {
				if c, _ := scanChunks(t, []byte(tt.in), size); !cmp.Equal(c, got, cmp.AllowUnexported(scanned{})) {
					t.Errorf("in chunks of %d: %+v, want %+v as in one pass", size, c, got)
				}
			}
		})
	}
}

// TestChunksWhateverTheQuotes checks that a stray quote in a field moves
// no cut between chunks: the file is cut where the same file without it
// is, and reading stops at the quote. A stray quote once made the chunker
// take the rest of a file of 17 chunks for one quoted field. (The ledger's
// tests check that Ledger.ReadCSV stops there too.)
func TestChunksWhateverTheQuotes(t *testing.T) {
	var b strings.Builder
	b.WriteString("indicator,region,period,value,note\n")
	for i := range 400 {
		note := fmt.Sprintf("note %d", i)
		if i%50 == 7 {
			note = `"a, ""quoted"" note"`
		}
		fmt.Fprintf(&b, "training,433122,%d,%d,%s\n", 1600+i, i, note)
	}
	clean := b.String()
	stray := strings.Replace(clean, "note 3\n", "no\"te 3\n", 1)
	const size = 1 << 10
	_, want := scanChunks(t, []byte(clean), size)
	if len(want) < 10 {
		t.Fatalf("the file is cut into %d chunks; the test wants more", len(want))
	}
	s, got := scanChunks(t, []byte(stray), size)
	if !slices.Equal(got[:len(got)-1], want[:len(got)-1]) {
		t.Errorf("cuts %v, want %v as without the stray quote", got, want)
	}
	if !strings.Contains(s.err, csv.ErrBareQuote.Error()) || len(s.records) != 4 {
		t.Errorf("read %d records and stopped with %q, want the header, 3 lines and a bare quote", len(s.records), s.err)
	}
}

// FuzzScanner checks the CSV scanner against encoding/csv (comma
// separated, FieldsPerRecord -1, no LazyQuotes), and against itself reading
// the same bytes in chunks. Where encoding/csv reads a record, the scanner
// reads the same fields on the same line; where it refuses one, the
// scanner refuses it too, on the line where it starts and for the same
// reason. The dialects differ on purpose in two ways: the scanner skips a
// UTF-8 byte-order mark, and keeps a CRLF inside a quoted field as written
// where encoding/csv makes it LF. In chunks of any size the scanner reads
// the records and the error of one pass.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		"a,b\n", "\"a,b\",c\r\n", `"ab"cd` + "\n", `ab"cd` + "\n", "\"a\nb\"\n", "\"a\r\nb\"\n", "\"\"\"\",\"\"\n",
		"\ufeff\"a\",b\n", "\n\n\"a\"\"\nb\n", "a\r\r\n\r\nb\r", " \"a\"\n", "\"a\"\r", "\"a",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		whole := scanWhole(data)
		for _, size := range []int{1, 2, 5, 16} {
			if got, _ := scanChunks(t, data, size); !cmp.Equal(got, whole, cmp.AllowUnexported(scanned{})) {
				t.Fatalf("in chunks of %d:\n%+v\nwant, as in one pass:\n%+v", size, got, whole)
			}
		}
		if !utf8.Valid(data) {
			return // encoding/csv reads any bytes; the scanner refuses what is not UTF-8
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, BOM)))
		r.FieldsPerRecord = -1
		var want scanned
		var wantErr *csv.ParseError
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				if !errors.As(err, &wantErr) {
					t.Fatalf("encoding/csv: %v", err)
				}
				break
			}
			line, _ := r.FieldPos(0)
			want.records, want.lines = append(want.records, rec), append(want.lines, line)
		}
		sc := NewScanner(bytes.NewReader(data))
		var got scanned
		scanAll(sc, &got)
		for _, rec := range got.records {
			for i, f := range rec {
				rec[i] = strings.ReplaceAll(f, "\r\n", "\n")
			}
		}
		if diff := cmp.Diff(want.records, got.records); diff != "" {
			t.Fatalf("records mismatch (-encoding/csv +scanner):\n%s", diff)
		}
		if diff := cmp.Diff(want.lines, got.lines); diff != "" {
			t.Fatalf("lines mismatch (-encoding/csv +scanner):\n%s", diff)
		}
		var se *Error
		switch {
		case wantErr == nil && sc.Err != nil:
			t.Fatalf("scanner error %v; encoding/csv reads the file", sc.Err)
		case wantErr != nil && sc.Err == nil:
			t.Fatalf("no scanner error; encoding/csv: %v", wantErr)
		case wantErr != nil && (!errors.Is(sc.Err, wantErr.Err) || !errors.As(sc.Err, &se) || se.Line != wantErr.StartLine):
			t.Fatalf("scanner error %v; encoding/csv: %v (record from line %d)", sc.Err, wantErr, wantErr.StartLine)
		}
	})
}
