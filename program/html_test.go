package program_test

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// chart is a small SVG standing in for a trend chart.
const chart = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40"><rect width="200" height="40" fill="#ffffff"/><line x1="10" y1="30" x2="190" y2="10" stroke="#1565c0"/></svg>
`

// catalogue is the reports of reports(t) in a fixed order.
func catalogue(t *testing.T) []program.Report {
	t.Helper()
	rs := reports(t)
	return []program.Report{rs["sample"], rs["seven-ones"], rs["talent"], rs["truthful"]}
}

func TestHTMLGolden(t *testing.T) {
	all := reports(t)
	all["long"] = long(t)
	for name, r := range all {
		for _, in := range []lang.Lang{lang.Chinese, lang.English} {
			var b, again bytes.Buffer
			require.NoError(t, r.WriteHTML(&b, in))
			golden.Check(t, "html/"+name+"."+in.String()+".html", b.Bytes())
			require.NoError(t, r.WriteHTML(&again, in))
			if !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Errorf("%s %s: the page is not deterministic", name, in)
			}
		}
	}
	for _, in := range []lang.Lang{lang.Chinese, lang.English} {
		var b bytes.Buffer
		opts := program.HTMLOptions{Charts: map[string][]byte{"test/sample": []byte(chart)}}
		require.NoError(t, program.WriteHTML(&b, catalogue(t), in, opts))
		golden.Check(t, "html/catalogue."+in.String()+".html", b.Bytes())
	}
}

// rows counts the target rows of each report in a page.
var targetRow = regexp.MustCompile(`<tr class="target `)

// walkCount counts a report's results and their parts: the rows it has.
func walkCount(results []target.Result) int {
	n := 0
	for _, res := range results {
		n += 1 + walkCount(res.Parts)
	}
	return n
}

func TestHTMLRowPerTarget(t *testing.T) {
	all := catalogue(t)
	want := 0
	for _, r := range all {
		var b bytes.Buffer
		require.NoError(t, r.WriteHTML(&b, lang.Chinese))
		n := walkCount(r.Results)
		if got := len(targetRow.FindAllIndex(b.Bytes(), -1)); got != n {
			t.Errorf("%s: %d target rows, want %d", r.Program, got, n)
		}
		want += n
	}
	var b bytes.Buffer
	require.NoError(t, program.WriteHTML(&b, all, lang.English, program.HTMLOptions{}))
	if got := len(targetRow.FindAllIndex(b.Bytes(), -1)); got != want {
		t.Errorf("catalogue: %d target rows, want %d", got, want)
	}
}

// reference matches every attribute that makes a browser fetch or go
// somewhere, and every element that could bring in code or style.
var (
	reference = regexp.MustCompile(`\b(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"`)
	external  = regexp.MustCompile(`(?i)<script|<link rel="stylesheet"|@import|url\(|<iframe|<object|<embed`)
)

func TestHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	opts := program.HTMLOptions{Charts: map[string][]byte{"test/sample": []byte(chart)}}
	require.NoError(t, program.WriteHTML(&b, catalogue(t), lang.Chinese, opts))
	page := b.String()
	if m := external.FindString(page); m != "" {
		t.Errorf("the page has %q: it must need nothing from elsewhere", m)
	}
	refs := reference.FindAllStringSubmatch(page, -1)
	if len(refs) == 0 {
		t.Fatal("no reference found: the test does not see the contents' links")
	}
	for _, m := range refs {
		if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "data:") {
			t.Errorf("%s: a reference outside the page", m[0])
		}
	}
	// html/template writes the + of the media type as &#43;, which the
	// browser reads back.
	if !strings.Contains(page, `<img src="data:image/svg&#43;xml;base64,`) {
		t.Error("the chart is not embedded as a data URI")
	}
}

func TestHTMLEscapes(t *testing.T) {
	r := reports(t)["sample"]
	r.Name = lang.Name{Zh: `<script>alert("名")</script>`, En: `<b onmouseover="x()">&</b>`}
	r.Program = `"><img src=x onerror=alert(1)>`
	r.Source = outcome.Cite(`<i>doc</i>`, `§"1"`, `&amp;`)
	r.Results[0].Name = lang.Name{Zh: "</td></tr><tr class=\"target x\">", En: "</table>"}
	for _, in := range []lang.Lang{lang.Chinese, lang.English} {
		var b bytes.Buffer
		require.NoError(t, r.WriteHTML(&b, in))
		page := b.String()
		for _, bad := range []string{"<script", "<b ", "<img src=x", "<i>", "</td></tr><tr", "</table></", `"target x"`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the page contains %q unescaped", in, bad)
			}
		}
		if got := len(targetRow.FindAllIndex(b.Bytes(), -1)); got != walkCount(r.Results) {
			t.Errorf("%s: %d target rows, want %d: a name broke the table", in, got, walkCount(r.Results))
		}
	}
	var b bytes.Buffer
	require.NoError(t, r.WriteHTML(&b, lang.Chinese))
	for _, want := range []string{"&lt;script&gt;alert(&#34;名&#34;)&lt;/script&gt;", "&lt;i&gt;doc&lt;/i&gt;", "&amp;amp;"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestHTMLChartMustBeSVG(t *testing.T) {
	for name, svg := range map[string]string{
		"html":      "<html><body>x</body></html>",
		"not XML":   "<svg><g></svg>",
		"empty":     "",
		"plain":     "chart",
		"truncated": `<svg xmlns="http://www.w3.org/2000/svg"><rect/>`,
	} {
		t.Run(name, func(t *testing.T) {
			opts := program.HTMLOptions{Charts: map[string][]byte{"test/sample": []byte(svg)}}
			err := program.WriteHTML(&bytes.Buffer{}, catalogue(t)[:1], lang.Chinese, opts)
			if !errors.Is(err, program.ErrChart) {
				t.Errorf("WriteHTML with chart %q = %v, want ErrChart", svg, err)
			}
		})
	}
}

func TestHTMLChartOfNoReport(t *testing.T) {
	opts := program.HTMLOptions{Charts: map[string][]byte{"test/typo": []byte(chart)}}
	err := program.WriteHTML(&bytes.Buffer{}, catalogue(t), lang.Chinese, opts)
	if err == nil || !strings.Contains(err.Error(), `"test/typo"`) {
		t.Errorf("WriteHTML with a chart of no report = %v, want an error naming it", err)
	}
}

func TestHTMLShortfall(t *testing.T) {
	r := reports(t)["truthful"] // 4 of 5 counties short: listed, not folded
	for _, tt := range []struct {
		name  string
		limit int
		want  []string
		not   []string
	}{
		{"default", 0, []string{">无记录</td>", "超出 2", "差 2", "记录 不到5", "4/5 (无记录 1, 低于要求 1, 高于上限 1, 待定 1)"}, []string{"<details", "另有"}},
		{"limited", 2, []string{"另有 2 个未列出"}, []string{"丁县"}},
		{"all", -1, []string{"戊县"}, []string{"另有"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, program.WriteHTML(&b, []program.Report{r}, lang.Chinese, program.HTMLOptions{ShortfallLimit: tt.limit}))
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("the page lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("the page has %q", w)
				}
			}
		})
	}
	// A long list is folded.
	var b bytes.Buffer
	require.NoError(t, long(t).WriteHTML(&b, lang.English))
	if got := strings.Count(b.String(), "<details"); got != 1 {
		t.Errorf("%d folded lists, want 1", got)
	}
}

// long is a report with a shortfall too long to show unfolded: 12 counties
// of 15 without a record, 1 below.
func long(t *testing.T) program.Report {
	t.Helper()
	regions := []outcome.Region{{Code: "430000", Name: lang.Name{Zh: "湖南省", En: "Hunan"}, Level: outcome.Province}}
	for i := range 15 {
		code := fmt.Sprintf("4301%02d", i+1)
		regions = append(regions, outcome.Region{Code: code, Name: lang.Name{Zh: "县" + code, En: "County " + code}, Level: outcome.County, Parent: "430000"})
	}
	rs, err := outcome.NewRegionSet(regions)
	require.NoError(t, err)
	parks := outcome.Indicator{Code: "parks", Name: lang.Name{Zh: "园区", En: "parks"}, Unit: quantity.Piece, Aggregation: outcome.Stock}
	p := program.Program{
		ID: "test/long", Name: lang.Name{Zh: "一县一园区", En: "A park in every county"}, Level: outcome.Province,
		Indicators: []outcome.Indicator{parks},
		Targets: []target.Target{target.Coverage("park-per-county", lang.Name{Zh: "每县一个园区", En: "a park in every county"}, "parks",
			target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "430000"), quantity.MustParse("1个"))},
	}
	l, err := outcome.NewLedger(rs, p.Indicators...)
	require.NoError(t, err)
	for i, v := range []string{"1个", "2个", "0个"} {
		require.NoError(t, l.Add(outcome.Record{Indicator: "parks", Region: fmt.Sprintf("4301%02d", i+1), Period: period.Year(2019), Quantity: quantity.MustParse(v)}))
	}
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	return r
}
