package program_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func reports(t *testing.T) map[string]program.Report {
	t.Helper()
	p, l := sample(t)
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	ledger := hunan.Reported()
	seven, err := hunan.Readings{SpecialistEach: true}.SevenOnes().Evaluate(ledger, date(2019, 12, 31))
	require.NoError(t, err)
	talent, err := hunan.TalentPrecisionProject().Evaluate(ledger, date(2019, 12, 31))
	require.NoError(t, err)
	return map[string]program.Report{"sample": r, "seven-ones": seven, "talent": talent, "truthful": truthful(t)}
}

func TestRenderings(t *testing.T) {
	for name, r := range reports(t) {
		for _, in := range []lang.Lang{lang.Chinese, lang.English} {
			for _, f := range []struct {
				ext   string
				write func(io.Writer, lang.Lang) error
			}{{"md", r.WriteMarkdown}, {"csv", r.WriteCSV}, {"svg", r.WriteSVG}} {
				var b bytes.Buffer
				require.NoError(t, f.write(&b, in))
				golden.Check(t, name+"."+in.String()+"."+f.ext, b.Bytes())
				var again bytes.Buffer
				f.write(&again, in)
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
		require.NoError(t, r.WriteSVG(&b, lang.English))
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
	require.NoError(t, r.WriteCSV(&b, lang.English))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
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
	require.NoError(t, reports(t)["sample"].WriteMarkdown(&b, lang.English))
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

// truthful is a report with a result of every status that has something to
// show: undecided (近1000 against 900), stale (a stock of 2017 as of 2019),
// no figure at the deadline, not started, and a per-unit target with a
// unit of each kind of gap.
func truthful(t *testing.T) program.Report {
	t.Helper()
	regions := []outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}}
	for i, n := range []lang.Name{{Zh: "甲县", En: "Jia"}, {Zh: "乙县", En: "Yi"}, {Zh: "丙县", En: "Bing"}, {Zh: "丁县", En: "Ding"}, {Zh: "戊县", En: "Wu"}} {
		regions = append(regions, outcome.Region{Code: fmt.Sprintf("43010%d", i+1), Name: n, Level: outcome.County, Parent: "430000"})
	}
	rs, err := outcome.NewRegionSet(regions)
	require.NoError(t, err)
	ind := func(code string, unit quantity.Unit, agg outcome.Aggregation) outcome.Indicator {
		return outcome.Indicator{Code: code, Name: lang.Name{Zh: code, En: code}, Unit: unit, Aggregation: agg}
	}
	name := func(s string) lang.Name { return lang.Name{Zh: s, En: s} }
	q := quantity.MustParse
	counties := target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "430000")
	p := program.Program{
		ID: "test/truthful", Name: name("truthful"), Level: outcome.Province,
		Start: date(2016, 1, 1), Deadline: date(2020, 12, 31),
		Indicators: []outcome.Indicator{ind("talents", quantity.Person, outcome.Flow), ind("parks", quantity.Piece, outcome.Stock),
			ind("labs", quantity.Piece, outcome.Stock), ind("leaders", quantity.Person, outcome.Stock), ind("workers", quantity.Person, outcome.Stock)},
		Targets: []target.Target{
			target.AtLeast("undecided", name("undecided"), "talents", q("900名")),
			target.AtLeast("stale", name("stale"), "parks", q("100个")),
			target.EachInRange("leaders", name("leaders"), "leaders", counties, q("3—5名")),
			target.AtLeast("not-started", name("not-started"), "talents", q("10名")).From(date(2020, 6, 1)),
			target.AtLeast("no-figure", name("no-figure"), "parks", q("100个")).By(date(2018, 12, 31)),
			target.AtLeast("missed", name("missed"), "labs", q("100个")).By(date(2018, 12, 31)),
			target.AtLeast("met", name("met"), "labs", q("50个")),
			target.AtLeast("no-data", name("no-data"), "workers", q("10名")),
		},
	}
	l, err := outcome.NewLedger(rs, p.Indicators...)
	require.NoError(t, err)
	rec := func(indicator, region string, year int, s string) outcome.Record {
		return outcome.Record{Indicator: indicator, Region: region, Period: period.Year(year), Quantity: q(s)}
	}
	if err := l.Add(
		rec("talents", "430000", 2019, "近1000名"),
		rec("parks", "430000", 2017, "50个"),
		rec("labs", "430000", 2018, "60个"),
		rec("leaders", "430101", 2019, "4名"), // within 3—5
		// 430102 has no record
		rec("leaders", "430103", 2019, "7名"),  // above
		rec("leaders", "430104", 2019, "1名"),  // below
		rec("leaders", "430105", 2019, "近5名"), // below 5: 2 or 4, undecided
	); err != nil {
		t.Fatal(err)
	}
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	return r
}

func TestTruthfulRendering(t *testing.T) {
	r := truthful(t)
	s := r.Summary
	if sum := s.Met + s.InProgress + s.Missed + s.Exceeded + s.NoData + s.Recorded + s.NotStarted + s.Undecided + s.NoFigureAtDeadline; sum != s.Targets {
		t.Errorf("summary %+v adds up to %d, want %d targets", s, sum, s.Targets)
	}
	want := program.Summary{Targets: 8, Met: 1, InProgress: 2, Missed: 1, NoData: 1, NotStarted: 1, Undecided: 1, NoFigureAtDeadline: 1}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		lang lang.Lang
		want []string
	}{
		{lang.Chinese, []string{
			"近1000名 (下限不明, 不到1000)",                    // undecided: both bounds
			"2017-12-31(旧)",                            // stale
			"(旧): 数据早于报告期",                             // and its legend
			"  430102  乙县  无记录\n",                      // no record, not 现有 0
			"  430103  丙县  现有 7      超出 2\n",           // above: its excess
			"  430104  丁县  现有 1      差 2\n",            // below: what it lacks
			"  430105  戊县  记录 不到5  待定\n",               // undecided: recorded 近5, less than 5; not 现有 5
			"未达标单位: 4/5 (无记录 1, 低于要求 1, 高于上限 1, 待定 1)", // each kind counted
			"合计 8 项目标: 已达成 1, 推进中 2, 未达成 1, 超出上限 0, 无数据 1, 待定 1, 截止日无数据 1, 未开始 1",
		}},
		{lang.English, []string{
			"nearly 1,000 persons (no lower bound, <1,000)",
			"2017-12-31 (stale)",
			"(stale): figures older than the reporting period",
			"  430102  Yi    no record\n",
			"units not covered: 4/5 (1 no record, 1 below, 1 above, 1 undecided)",
			"8 targets: 1 met, 2 in progress, 1 missed, 0 over the limit, 1 no data, 1 undecided, 1 no figure at the deadline, 1 not started",
		}},
	} {
		var b bytes.Buffer
		require.NoError(t, r.WriteText(&b, tt.lang))
		require.NoError(t, r.WriteShortfall(&b, tt.lang, -1))
		out := b.String()
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v text lacks %q:\n%s", tt.lang, w, out)
			}
		}
		if strings.Contains(out, "现有 0") || strings.Contains(out, "has 0") {
			t.Errorf("%v text shows a unit without a record as having 0:\n%s", tt.lang, out)
		}
		golden.Check(t, "truthful."+tt.lang.String()+".txt", b.Bytes())
	}
	var svg bytes.Buffer
	require.NoError(t, r.WriteSVG(&svg, lang.English))
	// The legend names every status shown and explains the stale mark.
	for _, w := range []string{">met<", ">in progress<", ">missed<", ">undecided<", ">no figure at the deadline<", ">not started<", ">no data<",
		"(no lower bound, &lt;1,000)", "2017-12-31 (stale)", ">(stale): figures older"} {
		if !strings.Contains(svg.String(), w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
}
