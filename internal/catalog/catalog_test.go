package catalog

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func TestPick(t *testing.T) {
	all := []outcome.Indicator{{Code: "a"}, {Code: "b"}, {Code: "c"}}
	got := Pick(all, "c", "a")
	if len(got) != 2 || got[0].Code != "a" || got[1].Code != "c" {
		t.Errorf("Pick = %v, want a and c in the catalogue's order", got)
	}
}

func TestPickPanicsOnUnknownCode(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `"missing"`) {
			t.Errorf("Pick of an unknown code: recovered %v, want a panic naming the code", r)
		}
	}()
	Pick([]outcome.Indicator{{Code: "a"}}, "a", "missing")
}

func TestMustPanicsOnError(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Must with an error did not panic")
		}
	}()
	Must(0, errors.New("broken embedded data"))
}

func TestReadIndicators(t *testing.T) {
	const header = "code,zh,en,unit,aggregation,note\n"
	got, err := ReadIndicators([]byte(header+
		"star-spaces,星创天地,star innovation spaces,家,stock,\n"+
		"farmers-trained,培训农民,farmers trained,人次,flow,per year\n"), "indicators.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []outcome.Indicator{
		{Code: "star-spaces", Name: lang.Name{Zh: "星创天地", En: "star innovation spaces"}, Unit: quantity.Establishment, Aggregation: outcome.Stock},
		{Code: "farmers-trained", Name: lang.Name{Zh: "培训农民", En: "farmers trained"}, Unit: quantity.PersonTime, Aggregation: outcome.Flow},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadIndicators mismatch (-want +got):\n%s", diff)
	}

	for _, tt := range []struct {
		name, data, wantErr string
	}{
		{"columns out of order", "code,en,zh,unit,aggregation,note\n", "header"},
		{"no header", "", "header"},
		{"unknown unit", header + "x,甲,x,斤,stock,\n", "indicators.csv:2"},
		{"unknown aggregation", header + "x,甲,x,个,total,\n", "indicators.csv:2"},
		{"no code", header + ",甲,x,个,stock,\n", "indicators.csv:2"},
		{"code twice", header + "x,甲,x,个,stock,\nx,乙,y,个,flow,\n", `indicators.csv:3: indicator "x" defined twice`},
		{"short row", header + "x,甲,x,个,stock\n", "indicators.csv"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadIndicators([]byte(tt.data), "indicators.csv")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ReadIndicators = %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestTable(t *testing.T) {
	got, err := Table([]byte("code,name\n430000,湖南省\n433122,泸溪县\n"), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{{"code": "430000", "name": "湖南省"}, {"code": "433122", "name": "泸溪县"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Table mismatch (-want +got):\n%s", diff)
	}
	if _, err := Table([]byte("code,name\n430000\n"), "t.csv"); err == nil || !strings.Contains(err.Error(), "t.csv") {
		t.Errorf("Table of a short row = %v, want an error naming the file", err)
	}
}

func TestRecords(t *testing.T) {
	regions := Must(outcome.NewRegionSet([]outcome.Region{
		{Code: "430000", Name: lang.Name{Zh: "湖南省"}, Level: outcome.Province},
	}))
	inds := []outcome.Indicator{{Code: "star-spaces", Name: lang.Name{Zh: "星创天地"}, Unit: quantity.Establishment, Aggregation: outcome.Stock}}
	got, err := Records(regions, inds, []byte("indicator,region,period,value,source,section,mark,note\n"+
		"star-spaces,430000,~2011/2019,149家,"+Seed004+",二(三)二是,[14],布局建设\n"), "reported.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := outcome.Record{Indicator: "star-spaces", Region: "430000", Period: period.MustParse("~2011/2019"),
		Quantity: quantity.MustParse("149家"), Source: outcome.Cite(Seed004, "二(三)二是", "[14]"), Note: "布局建设"}
	if len(got) != 1 || got[0].Indicator != want.Indicator || got[0].Region != want.Region || !got[0].Period.Equal(want.Period) ||
		!got[0].Quantity.Equal(want.Quantity) || got[0].Source != want.Source || got[0].Note != want.Note {
		t.Errorf("Records = %+v, want [%+v]", got, want)
	}
	if _, err := Records(regions, inds, []byte("indicator,region,period,value\nstar-spaces,439999,2019,1家\n"), "reported.csv"); err == nil ||
		!strings.Contains(err.Error(), "reported.csv:2") {
		t.Errorf("Records with an unknown region = %v, want an error naming reported.csv:2", err)
	}
}

// TestDocumentsDeclared checks that the catalogue's documents are declared
// and that reports cite them by title, journal and year, never by file name.
func TestDocumentsDeclared(t *testing.T) {
	for _, tc := range []struct {
		c    outcome.Citation
		lang lang.Lang
		want string
	}{
		{outcome.Cite(Seed000, "3.2", ""), lang.Chinese, "《科技赋能助推精准脱贫》(《中国科学院院刊》2020) §3.2"},
		{outcome.Cite(Seed000, "2", "③"), lang.English, `"Science and Technology Empowering Promotes Targeted Poverty Alleviation", Bulletin of Chinese Academy of Sciences (Chinese Version), 2020, §2 ③`},
		{outcome.Cite(Seed004, "二(二)二是", "[11]"), lang.Chinese, "《湖南省科技精准扶贫的实践探索与前瞻思考》 §二(二)二是 [11]"},
		{outcome.Cite(Seed004, "二(二)二是", "[11]"), lang.English, "[Practical Exploration and Forward-Looking Thoughts on Sci-Tech Targeted Poverty Alleviation in Hunan Province] (in Chinese), §2.2, point 2 [11]"},
	} {
		if got := tc.c.In(tc.lang); got != tc.want {
			t.Errorf("%s in %s = %q, want %q", tc.c, tc.lang, got, tc.want)
		}
	}
	for _, d := range Documents {
		if got, ok := outcome.LookupDocument(d.Locator); !ok || got != d {
			t.Errorf("%s: declared as %+v, %v", d.Locator, got, ok)
		}
	}
}
