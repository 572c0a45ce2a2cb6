package program_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
)

func reports(t *testing.T) map[string]program.Report {
	t.Helper()
	p, l := sample(t)
	r, err := p.Evaluate(l, date(2019, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	ledger := hunan.Reported()
	seven, err := hunan.Readings{SpecialistEach: true}.SevenOnes().Evaluate(ledger, date(2019, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	talent, err := hunan.TalentPrecisionProject().Evaluate(ledger, date(2019, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]program.Report{"sample": r, "seven-ones": seven, "talent": talent}
}

func TestRenderings(t *testing.T) {
	for name, r := range reports(t) {
		for _, lang := range []outcome.Lang{outcome.Chinese, outcome.English} {
			for _, f := range []struct {
				ext   string
				write func(io.Writer, outcome.Lang) error
			}{{"md", r.WriteMarkdown}, {"csv", r.WriteCSV}, {"svg", r.WriteSVG}} {
				var b bytes.Buffer
				if err := f.write(&b, lang); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, name+"."+lang.String()+"."+f.ext, b.Bytes())
				var again bytes.Buffer
				f.write(&again, lang)
				if !bytes.Equal(b.Bytes(), again.Bytes()) {
					t.Errorf("%s %s is not deterministic", name, f.ext)
				}
			}
		}
	}
}

func TestSVGIsXML(t *testing.T) {
	for name, r := range reports(t) {
		var b bytes.Buffer
		if err := r.WriteSVG(&b, outcome.English); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&b)
		bars := 0
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: the SVG is not well-formed XML: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
				bars++
			}
		}
		if bars < 2 {
			t.Errorf("%s: %d rects, want a background and bars", name, bars)
		}
	}
}

func TestCSVOneRowPerTarget(t *testing.T) {
	r := reports(t)["seven-ones"]
	var b bytes.Buffer
	if err := r.WriteCSV(&b, outcome.English); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 7 targets, one of them all-of with 2 parts under the each reading.
	if len(rows) != 1+7+2 {
		t.Fatalf("%d rows, want a header and 9 targets and parts", len(rows))
	}
	byID := map[string][]string{}
	for _, row := range rows[1:] {
		byID[row[2]] = row
	}
	part := byID["specialist-per-poor-village/commissioner-per-poor-village"]
	if part == nil || part[5] != "met" || part[10] != "1" || part[13] != "3209" || part[14] != "3209" {
		t.Errorf("part row = %q", part)
	}
	if nd := byID["local-technicians"]; nd[5] != "no data" || nd[9] != "" || nd[10] != "" {
		t.Errorf("a target without data has achieved %q and progress %q, want empty", nd[9], nd[10])
	}
}

func TestMarkdownTable(t *testing.T) {
	var b bytes.Buffer
	if err := reports(t)["sample"].WriteMarkdown(&b, outcome.English); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	var table []string
	for _, l := range lines {
		if strings.HasPrefix(l, "|") {
			table = append(table, l)
		}
	}
	if len(table) != 2+3 || !strings.HasPrefix(table[1], "| --- |") {
		t.Errorf("markdown table = %q", table)
	}

}
