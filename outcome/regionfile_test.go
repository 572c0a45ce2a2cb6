package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// randomRegionFile writes a region file of provinces, counties and
// villages in the forms a file may take: columns in any order, names with
// commas, quotes and line breaks (quoted), spaces around fields, CRLF ends
// and blank lines. With bad > 0 it breaks that many lines and returns them,
// in order.
func randomRegionFile(rng *rand.Rand, bad int) ([]byte, []int) {
	headers := [][]string{
		{"code", "name", "level", "parent"},
		{"level", "parent_code", "name_en", "code", "name"},
	}
	header := headers[rng.IntN(len(headers))]
	type row map[string]string
	var rows []row
	for p := range 1 + rng.IntN(3) {
		prov := fmt.Sprintf("%02d0000", 11+p)
		rows = append(rows, row{"code": prov, "name": fmt.Sprintf("省%d", p), "level": "province"})
		for c := range 1 + rng.IntN(4) {
			county := prov[:2] + fmt.Sprintf("%02d%02d", 1+c, 21+c)
			rows = append(rows, row{"code": county, "name": fmt.Sprintf("县%d", c), "level": "县市区", "parent": prov})
			for v := range rng.IntN(40) {
				rows = append(rows, row{"code": county + fmt.Sprintf("100%03d", 200+v), "name": fmt.Sprintf("村%d", v), "level": "village", "parent": county})
			}
		}
	}
	rng.Shuffle(len(rows), func(i, j int) {
		if rng.IntN(8) == 0 { // mostly in code order, as files are
			rows[i], rows[j] = rows[j], rows[i]
		}
	})
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\n")
	line := 2
	var broken []int
	for i, r := range rows {
		switch rng.IntN(10) {
		case 0:
			r["name"] = quote(r["name"] + []string{", 新", ` "大" `, "\n二行"}[rng.IntN(3)])
		case 1:
			r["code"] = " " + r["code"] + " "
		case 2:
			r["name_en"] = "Name " + r["code"]
		}
		fields := make([]string, len(header))
		if r["level"] == "village" && bad > 0 && rng.IntN(len(rows)-i) < 2*bad {
			bad--
			switch rng.IntN(3) {
			case 0:
				r["level"] = "planet"
			case 1:
				r["code"] = "12ab"
			case 2:
				fields = append(fields, "")
			}
			broken = append(broken, line)
		}
		for k, c := range header {
			if c == "parent_code" {
				c = "parent"
			}
			fields[k] = r[c]
		}
		end := "\n"
		if rng.IntN(6) == 0 {
			end = "\r\n"
		}
		b.WriteString(strings.Join(fields, ",") + end)
		line += 1 + strings.Count(r["name"], "\n")
		if rng.IntN(15) == 0 {
			b.WriteString("\n")
			line++
		}
	}
	return []byte(b.String()), broken
}

func allRegions(rs *RegionSet) []Region { return slices.Collect(rs.All()) }

// TestReadRegionSetAgrees checks the chunked, parallel region reader
// against ReadRegions and NewRegionSet on random region files: the same
// regions in the same order.
func TestReadRegionSetAgrees(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 13))
		data, _ := randomRegionFile(rng, 0)
		regions, err := ReadRegions(bytes.NewReader(data), "r.csv")
		if err != nil {
			t.Fatalf("seed %d: ReadRegions: %v\n%s", seed, err, data)
		}
		want, err := NewRegionSet(regions)
		if err != nil {
			t.Fatalf("seed %d: NewRegionSet: %v", seed, err)
		}
		eachChunking(func(how string) {
			got, err := ReadRegionSet(bytes.NewReader(data), "r.csv")
			if err != nil {
				t.Fatalf("seed %d, %s: %v", seed, how, err)
			}
			if diff := cmp.Diff(allRegions(want), allRegions(got)); diff != "" {
				t.Fatalf("seed %d, %s: regions differ (-ReadRegions +ReadRegionSet):\n%s", seed, how, diff)
			}
		})
	}
}

// TestReadRegionSetErrors checks that a region file read in chunks reports
// the broken lines in order, whatever the chunks and CPUs.
func TestReadRegionSetErrors(t *testing.T) {
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 17))
		data, broken := randomRegionFile(rng, 1+rng.IntN(4))
		eachChunking(func(how string) {
			_, err := ReadRegionSet(bytes.NewReader(data), "r.csv")
			if got := regionErrorLines(err); !slices.Equal(got, broken) {
				t.Fatalf("seed %d, %s: errors on lines %v, want %v\n%v\n%s", seed, how, got, broken, err, data)
			}
		})
	}
}

// regionErrorLines returns the lines of a region file's errors: from
// *ParseError, or from "file:line" in the message of a problem found once
// every region is read (a duplicate, an unknown parent).
func regionErrorLines(err error) []int {
	var lines []int
	if err == nil {
		return nil
	}
	for _, msg := range strings.Split(err.Error(), "\n") {
		var n int
		if i := strings.Index(msg, "r.csv:"); i >= 0 {
			if _, e := fmt.Sscanf(msg[i+len("r.csv:"):], "%d", &n); e == nil {
				lines = append(lines, n)
			}
		}
	}
	return lines
}

// TestReadRegionSetBuildErrors checks the lines named by problems found
// once every region is read, whatever the chunks: a duplicate code and an
// unknown parent, after a quoted name of two lines.
func TestReadRegionSetBuildErrors(t *testing.T) {
	data := "code,name,level,parent\n" +
		"430000,湖南省,province,\n" +
		"433122,\"泸溪\n县\",county,430000\n" + // lines 3 and 4
		"433122100201,村,village,433122\n" +
		"433122100201,村,village,433122\n" + // line 6: a duplicate
		"433130100201,村,village,433130\n" // line 7: its parent is not in the file
	eachChunking(func(how string) {
		_, err := ReadRegionSet(strings.NewReader(data), "r.csv")
		if got := regionErrorLines(err); !slices.Equal(got, []int{6, 7}) || !errors.Is(err, errDuplicateRegion) || !errors.Is(err, ErrUnknownRegion) {
			t.Errorf("%s: %v, want a duplicate on line 6 and an unknown parent on line 7", how, err)
		}
		_, err = ReadRegionSet(strings.NewReader(strings.Replace(data, "433122100201,村,village,433122\n", "", 1)), "r.csv")
		if got := regionErrorLines(err); !slices.Equal(got, []int{6}) || !errors.Is(err, ErrUnknownRegion) {
			t.Errorf("%s: %v, want an unknown parent on line 6", how, err)
		}
	})
}

// TestIndexCodesOutgrown checks a set whose code index, made for too few
// regions and filled as they came, is made anew when it is built.
func TestIndexCodesOutgrown(t *testing.T) {
	regions := []Region{{Code: "430000", Level: Province}, {Code: "433122", Level: County, Parent: "430000"}}
	for v := range 40 {
		regions = append(regions, Region{Code: fmt.Sprintf("433122100%03d", 200+v), Level: Village, Parent: "433122"})
	}
	build := func(regions []Region) (*RegionSet, error) {
		var b regionBuilder
		b.Reserve(4)
		for i, r := range regions {
			if err := addRegion(&b, r.Code, r.Name.Zh, r.Name.En, r.Level, r.Parent); err != nil {
				t.Fatal(err)
			}
			if b.IndexFits(i + 1) {
				b.IndexCodes(i + 1)
			}
		}
		return b.build()
	}
	got, err := build(regions)
	if err != nil {
		t.Fatal(err)
	}
	want, err := NewRegionSet(regions)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(allRegions(want), allRegions(got)); diff != "" {
		t.Errorf("regions differ (-NewRegionSet +outgrown index):\n%s", diff)
	}
	for _, r := range regions {
		if !got.Contains(r.Code) {
			t.Errorf("%s not found", r.Code)
		}
	}
	_, err = build(append(regions[:3:3], regions[1])) // a duplicate while the first index fits
	if !errors.Is(err, errDuplicateRegion) || !strings.Contains(err.Error(), "region 3 (433122)") || !strings.Contains(err.Error(), "first region 1") {
		t.Errorf("build: %v, want region 3 a duplicate", err)
	}
	_, err = build(append(slices.Clone(regions), regions[5])) // and after it was outgrown
	if !errors.Is(err, errDuplicateRegion) || !strings.Contains(err.Error(), "region 42 ("+regions[5].Code+")") || !strings.Contains(err.Error(), "first region 5") {
		t.Errorf("build: %v, want region 42 a duplicate", err)
	}
}

// FuzzReadRegionSetChunks checks that ReadRegionSet reads any bytes in
// chunks as it reads them in one pass: the same regions, or exactly the
// same errors.
func FuzzReadRegionSetChunks(f *testing.F) {
	f.Add([]byte("code,name,level,parent\n430000,湖南省,province,\n433122,\"泸溪\n县\",county,430000\n433122,x,county,430000\n"))
	f.Add([]byte("code,name,level,parent\n430000,湖南省,province,\n433122,泸溪县,nope,430000\n433130,龙山县,county,439999\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		read := func() (string, []Region) {
			rs, err := ReadRegionSet(bytes.NewReader(data), "r.csv")
			if err != nil {
				return err.Error(), nil
			}
			return "", allRegions(rs)
		}
		var wantErr string
		var want []Region
		oneChunk(data, func() { wantErr, want = read() })
		eachChunking(func(how string) {
			gotErr, got := read()
			if gotErr != wantErr {
				t.Fatalf("%s: error\n%.2000s\nwant, as in one pass,\n%.2000s", how, gotErr, wantErr)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s: regions differ (-one pass +chunks):\n%s", how, diff)
			}
		})
	})
}

// TestRegionFileErrorsNameTheColumn checks that every problem of a region
// file, whether found as a line is read or as the hierarchy is built, is a
// *ParseError naming the line, the column and the value as written.
func TestRegionFileErrorsNameTheColumn(t *testing.T) {
	const header = "code,name,level,parent\n430000,湖南省,省,\n"
	for _, tt := range []struct {
		name, rows  string
		line        int
		column, val string
		want        error
		msgContains string
	}{
		{"a parent not in the set", "433122,泸溪县,县,433100\n", 3, "parent", "433100", ErrUnknownRegion, ""},
		{"a code given twice", "433122,泸溪县,县,430000\n433122,泸溪县,县,430000\n", 4, "code", "433122", errDuplicateRegion, "first on line 3"},
		{"a level the code does not allow", "433122,泸溪县,县,430000\n433122100201,下都村,乡镇,433122\n", 4, "level", "乡镇", errRegionLevel, "a 12-digit code (433122100201) is a village"},
		{"a parent of a lower level", "433122,泸溪县,县,430000\n433122100,浦市镇,乡镇,433122100201\n433122100201,下都村,村,433122\n", 4, "parent", "433122100201", errRegionLevel, "a township under a village"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadRegionSet(strings.NewReader(header+tt.rows), "r.csv")
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.want) || pe.Line != tt.line || pe.Column != tt.column || pe.Value != tt.val ||
				!strings.Contains(err.Error(), tt.msgContains) {
				t.Errorf("error %v, want line %d, column %s, value %q, %v (%s)", err, tt.line, tt.column, tt.val, tt.want, tt.msgContains)
			}
		})
	}
}
