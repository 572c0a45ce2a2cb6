package trend_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/trend"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func nationalSeries(t *testing.T) []trend.Series {
	t.Helper()
	l := national.Reported()
	require.NoError(t, l.Add(national.Exits()...))
	s, err := trend.Evaluate(national.PovertyEradication2020(), l, trend.YearEnds(2012, 2020), trend.Options{})
	require.NoError(t, err)
	return s
}

func find(t *testing.T, series []trend.Series, id string) trend.Series {
	t.Helper()
	for _, s := range series {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no series %s", id)
	return trend.Series{}
}

func TestCountyExitsByYear(t *testing.T) {
	// shared/data/SOURCES.md §4: exits 28/125/283/344/52 in 2016–2020.
	s := find(t, nationalSeries(t), "county-exits")
	var covered []int
	for _, p := range s.Points {
		covered = append(covered, p.Result.Covered)
	}
	if diff := cmp.Diff([]int{0, 0, 0, 0, 28, 153, 436, 780, 832}, covered); diff != "" {
		t.Errorf("counties out by year-end, 2012–2020 (-want +got):\n%s", diff)
	}
	if !s.Projection.Met {
		t.Errorf("projection = %v, want met by 2020", s.Projection)
	}
}

func TestRuralPoorProjection(t *testing.T) {
	// 000_f8a6b69a178fa4e7.txt intro: 9899万 at the end of 2012, 551万 at the
	// end of 2019. Progress (9899−551)/9899 over 2556 days; the remaining
	// 551/9899 at that rate.
	s := find(t, nationalSeries(t), "rural-poor")
	p := s.Projection
	if !p.Reachable || p.Met || !p.From.Equal(date(2012, 12, 31)) || !p.To.Equal(date(2019, 12, 31)) {
		t.Fatalf("projection = %+v", p)
	}
	progress := decimal.NewFromInt(9348).DivRound(decimal.NewFromInt(9899), target.ProgressPlaces)
	perDay := progress.DivRound(decimal.NewFromInt(2556), 2*target.ProgressPlaces)
	need := decimal.NewFromInt(1).Sub(progress).DivRound(perDay, 2).Ceil().IntPart()
	// 151 days from the end of 2019 is 2020-05-30. The end of 2020 has no
	// figure of its own (551万 carried forward): it shows nothing of 2020,
	// so the days are counted from the figure.
	if need != 151 {
		t.Errorf("remaining days = %d, want 151", need)
	}
	if !p.Since.Equal(date(2019, 12, 31)) {
		t.Errorf("remaining days counted since %v, want 2019-12-31", p.Since.Format(time.DateOnly))
	}
	if want := date(2019, 12, 31).AddDate(0, 0, int(need)); !p.Date.Equal(want) {
		t.Errorf("projected %v, want %v (%d days)", p.Date.Format(time.DateOnly), want.Format(time.DateOnly), need)
	}
	// Figures carried forward from 2012 say so.
	if got := s.Points[3].Result.DataAsOf; !got.Equal(date(2012, 12, 31)) {
		t.Errorf("as of 2015 the figure rests on %v, want the end of 2012", got)
	}
	// Pace against the straight line from 2012 to 2020: none on the end-2012
	// figure once it is stale (2013–2018), and none at the end of 2020,
	// past the deadline without a figure for it.
	unknown := target.PaceUnknown
	want := []target.Pace{target.OnTrack, unknown, unknown, unknown, unknown, unknown, unknown, target.Ahead, unknown}
	for i, pt := range s.Points {
		if pt.Pace != want[i] {
			t.Errorf("%d: pace %v, want %v", 2012+i, pt.Pace, want[i])
		}
	}
}

// TestProjection projects a target of at least 100 persons from yearly
// figures. The worked example: 20 at the end of 2016 and 60 at the end of
// 2018 is 40% in 730 days; the remaining 40% takes 730 days more, from the
// end of 2018 to 2020-12-30. Only a later evaluation on a current figure
// that shows the target unmet (60 recorded again for 2019) counts the days
// from its own date.
func TestProjection(t *testing.T) {
	tests := []struct {
		name    string
		figures map[int]int64 // year-end figures
		first   int           // the first year-end evaluated; 2016 when 0
		last    int           // the last year-end evaluated
		want    trend.Projection
	}{
		{
			// 2019 and 2020 carry the 2018 figure forward: stale, they show
			// nothing of the years since, and no data is not zero progress.
			name:    "a figure carried forward does not push the projection",
			figures: map[int]int64{2016: 20, 2018: 60},
			last:    2020,
			want: trend.Projection{Reachable: true, Date: date(2020, 12, 30), PerYear: decimal.RequireFromString("0.2"),
				From: date(2016, 12, 31), To: date(2018, 12, 31), Since: date(2018, 12, 31)},
		},
		{
			// The end of 2019 records 60 again, a current figure: 40% remain
			// from there, though the trend from the end of 2018 would end
			// before 2021.
			name:    "an unmet evaluation on a current figure after the last change counts",
			figures: map[int]int64{2016: 20, 2018: 60, 2019: 60},
			last:    2020,
			want: trend.Projection{Reachable: true, Date: date(2021, 12, 30), PerYear: decimal.RequireFromString("0.2"),
				From: date(2016, 12, 31), To: date(2018, 12, 31), Since: date(2019, 12, 31)},
		},
		{
			name:    "evaluated up to the last figure: counted from the figure",
			figures: map[int]int64{2016: 20, 2018: 60},
			last:    2018,
			want: trend.Projection{Reachable: true, Date: date(2020, 12, 30), PerYear: decimal.RequireFromString("0.2"),
				From: date(2016, 12, 31), To: date(2018, 12, 31), Since: date(2018, 12, 31)},
		},
		{
			name:    "one figure: no projection",
			figures: map[int]int64{2016: 20},
			last:    2020,
			want:    trend.Projection{From: date(2016, 12, 31), To: date(2016, 12, 31)},
		},
		{
			// 2015 is before the program's start: not started is no
			// figure of 0 to draw a trend from.
			name:    "one figure after a point before the start: no projection",
			figures: map[int]int64{2016: 20},
			first:   2015,
			last:    2018,
			want:    trend.Projection{From: date(2016, 12, 31), To: date(2016, 12, 31)},
		},
		{
			name:    "one figure, met",
			figures: map[int]int64{2017: 100},
			last:    2018,
			want:    trend.Projection{Reachable: true, Met: true, From: date(2017, 12, 31), To: date(2017, 12, 31)},
		},
		{
			name:    "falling: not at the current pace",
			figures: map[int]int64{2016: 60, 2017: 40},
			last:    2018,
			want:    trend.Projection{From: date(2016, 12, 31), To: date(2017, 12, 31)},
		},
		{
			name:    "met at the last point",
			figures: map[int]int64{2016: 20, 2018: 60, 2019: 100},
			last:    2019,
			want:    trend.Projection{Reachable: true, Met: true, From: date(2016, 12, 31), To: date(2019, 12, 31)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := tt.first
			if first == 0 {
				first = 2016
			}
			s := personsSeries(t, tt.figures, trend.YearEnds(first, tt.last))
			got := s.Projection
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("projection mismatch (-want +got):\n%s", diff)
			}
			if !got.Reachable || got.Met {
				return
			}
			for _, pt := range s.Points {
				if st := pt.Result.Status; st != target.Met && st != target.NoData && !pt.Result.Stale && got.Date.Before(pt.Result.AsOf) {
					t.Errorf("projected %v, before %v evaluated %v", got.Date.Format(time.DateOnly), pt.Result.AsOf.Format(time.DateOnly), st)
				}
			}
		})
	}
}

// personsSeries evaluates a target of at least 100 persons, from 2016 to
// 2020, against year-end figures at dates.
func personsSeries(t *testing.T, figures map[int]int64, dates []time.Time) trend.Series {
	t.Helper()
	const nation = "100000"
	rs, err := outcome.NewRegionSet([]outcome.Region{{Code: nation, Name: lang.Name{Zh: "全国", En: "China"}, Level: outcome.Nation}})
	require.NoError(t, err)
	ind := outcome.Indicator{Code: "persons", Name: lang.Name{Zh: "人数", En: "persons"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	l, err := outcome.NewLedger(rs, ind)
	require.NoError(t, err)
	for y, n := range figures {
		require.NoError(t, l.Add(outcome.Record{Indicator: ind.Code, Region: nation, Period: period.Year(y), Quantity: quantity.Int(n, quantity.Person)}))
	}
	p := program.Program{
		ID: "test/persons", Name: lang.Name{Zh: "人数", En: "persons"},
		Start: date(2016, 1, 1), Deadline: date(2020, 12, 31), Indicators: []outcome.Indicator{ind},
		Targets: []target.Target{target.AtLeast("persons", lang.Name{Zh: "100人", En: "100 persons"}, ind.Code, quantity.Int(100, quantity.Person))},
	}
	series, err := trend.Evaluate(p, l, dates, trend.Options{})
	require.NoError(t, err)
	return series[0]
}

func TestMilestones(t *testing.T) {
	l := national.Reported()
	p := national.PovertyEradication2020()
	// Yearly sub-targets: nothing expected before 2016, then a fifth a year.
	var ms []trend.Milestone
	for i, y := range []int{2015, 2016, 2017, 2018, 2019, 2020} {
		ms = append(ms, trend.Milestone{Date: date(y, 12, 31), Progress: decimal.New(int64(i)*20, -2)})
	}
	s, err := trend.Evaluate(p, l, trend.YearEnds(2012, 2020), trend.Options{Milestones: map[string][]trend.Milestone{"rural-poor": ms}})
	require.NoError(t, err)
	rp := find(t, s, "rural-poor")
	got := []string{}
	for _, pt := range rp.Points {
		got = append(got, pt.Expected.String())
	}
	// Linear from 0 at the start (2012-12-31) to 0 at the end of 2015, then the milestones.
	if diff := cmp.Diff([]string{"0", "0", "0", "0", "0.2", "0.4", "0.6", "0.8", "1"}, got); diff != "" {
		t.Errorf("expected progress (-want +got):\n%s", diff)
	}
	// 2015 rests on the stale end-2012 figure: no pace.
	if rp.Points[7].Pace != target.Ahead || rp.Points[3].Pace != target.PaceUnknown {
		t.Errorf("paces against milestones: 2019 %v, 2015 %v; want ahead, unknown", rp.Points[7].Pace, rp.Points[3].Pace)
	}
}

func TestNotAtCurrentPace(t *testing.T) {
	l := national.Reported()
	// A later figure no better than the first: no trend to extend.
	if err := l.Add(outcome.Record{Indicator: "sci-tech-workers", Region: national.NationCode, Period: period.Year(2017), Quantity: quantity.MustParse("50000名")},
		outcome.Record{Indicator: "sci-tech-workers", Region: national.NationCode, Period: period.Year(2018), Quantity: quantity.MustParse("40000名")}); err != nil {
		t.Fatal(err)
	}
	s, err := trend.Evaluate(national.SciTechAidProject(), l, trend.YearEnds(2016, 2019), trend.Options{})
	require.NoError(t, err)
	w := find(t, s, "workers")
	if w.Projection.Reachable || w.Projection.In(lang.English) != "not at the current pace" {
		t.Errorf("projection = %+v", w.Projection)
	}
	if _, err := trend.Evaluate(program.Program{}, l, nil, trend.Options{}); !errors.Is(err, trend.ErrDates) {
		t.Errorf("no dates: %v, want ErrDates", err)
	}
}

func TestRenderings(t *testing.T) {
	series := nationalSeries(t)
	for _, in := range []lang.Lang{lang.Chinese, lang.English} {
		var text, svg bytes.Buffer
		require.NoError(t, trend.WriteText(&text, in, series...))
		require.NoError(t, trend.WriteSVG(&svg, in, "脱贫攻坚", series...))
		dec := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("the SVG is not well-formed XML: %v", err)
			}
		}
		golden.Check(t, "national."+in.String()+".txt", text.Bytes())
		golden.Check(t, "national."+in.String()+".svg", svg.Bytes())
	}
}

// The pace is measured between the dates of the figures: evaluated at the
// year-ends 2017 to 2019 only, the first point rests on the end-2012 figure,
// and the pace is the same as over 2012 to 2019 (000_f8a6b69a178fa4e7.txt
// intro: 9899万 at the end of 2012, 551万 at the end of 2019).
func TestProjectionFromTheFiguresDates(t *testing.T) {
	l := national.Reported()
	p := national.PovertyEradication2020()
	whole, err := trend.Evaluate(p, l, trend.YearEnds(2012, 2019), trend.Options{})
	require.NoError(t, err)
	late, err := trend.Evaluate(p, l, trend.YearEnds(2017, 2019), trend.Options{})
	require.NoError(t, err)
	a, b := find(t, whole, "rural-poor").Projection, find(t, late, "rural-poor").Projection
	if !b.From.Equal(date(2012, 12, 31)) || !a.PerYear.Equal(b.PerYear) || !a.Date.Equal(b.Date) {
		t.Errorf("from 2017: from %v, %v a year, met by %v; want from 2012-12-31, as from 2012: %v a year, met by %v",
			b.From.Format(time.DateOnly), b.PerYear, b.Date.Format(time.DateOnly), a.PerYear, a.Date.Format(time.DateOnly))
	}
}

// TestChartMarks checks the rural poor of 000_f8a6b69a178fa4e7.txt (9899万
// at the end of 2012, 551万 at the end of 2019) drawn year by year: the
// 2012 figure is carried forward to 2018 and the 2019 one to 2020, each
// drawn level and labelled, and no solid line joins a carried figure to the
// next new one.
func TestChartMarks(t *testing.T) {
	s := find(t, nationalSeries(t), "rural-poor")
	var b bytes.Buffer
	require.NoError(t, trend.WriteSVG(&b, lang.English, s.Name.In(lang.English), s))
	svg := b.String()
	for _, want := range []string{
		"carried forward from 2012-12-31</text>", "carried forward from 2019-12-31</text>",
		"figure carried forward (no newer figure)</text>", "current figure</text>", "expected</text>", "target 100%</text>",
		"'Microsoft YaHei'", "'PingFang SC'", "'Noto Sans CJK SC'",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
	// No two consecutive dates have new figures: no solid line at all.
	for line := range strings.Lines(svg) {
		if strings.HasPrefix(line, "<polyline") && strings.Contains(line, `stroke-width="2"`) {
			t.Errorf("a solid line joins figures across a carried-forward stretch: %s", line)
		}
	}
	if n := strings.Count(svg, s.Name.In(lang.English)+"</text>"); n != 1 {
		t.Errorf("the title %q is written %d times, want once", s.Name.In(lang.English), n)
	}
	if n := strings.Count(svg, `stroke-dasharray="8 4"/>`); n != 3 { // two stretches and the legend
		t.Errorf("%d carried-forward lines, want 2 and the legend's", n)
	}
}
