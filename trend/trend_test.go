package trend_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/golden"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/target"
	"github.com/taizhang/taizhang/trend"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func nationalSeries(t *testing.T) []trend.Series {
	t.Helper()
	l := national.Reported()
	if err := l.Add(national.Exits()...); err != nil {
		t.Fatal(err)
	}
	s, err := trend.Evaluate(national.PovertyEradication2020(), l, trend.YearEnds(2012, 2020), trend.Options{})
	if err != nil {
		t.Fatal(err)
	}
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
	if want := date(2019, 12, 31).AddDate(0, 0, int(need)); !p.Date.Equal(want) {
		t.Errorf("projected %v, want %v (%d days)", p.Date.Format(time.DateOnly), want.Format(time.DateOnly), need)
	}
	// Figures carried forward from 2012 say so.
	if got := s.Points[3].Result.DataAsOf; !got.Equal(date(2012, 12, 31)) {
		t.Errorf("as of 2015 the figure rests on %v, want the end of 2012", got)
	}
	// Pace against the straight line from 2012 to 2020.
	want := []target.Pace{target.OnTrack, target.Behind, target.Behind, target.Behind, target.Behind, target.Behind, target.Behind, target.Ahead, target.Behind}
	for i, pt := range s.Points {
		if pt.Pace != want[i] {
			t.Errorf("%d: pace %v, want %v", 2012+i, pt.Pace, want[i])
		}
	}
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
	if err != nil {
		t.Fatal(err)
	}
	rp := find(t, s, "rural-poor")
	got := []string{}
	for _, pt := range rp.Points {
		got = append(got, pt.Expected.String())
	}
	// Linear from 0 at the start (2012-12-31) to 0 at the end of 2015, then the milestones.
	if diff := cmp.Diff([]string{"0", "0", "0", "0", "0.2", "0.4", "0.6", "0.8", "1"}, got); diff != "" {
		t.Errorf("expected progress (-want +got):\n%s", diff)
	}
	if rp.Points[7].Pace != target.Ahead || rp.Points[3].Pace != target.OnTrack {
		t.Errorf("paces against milestones: 2019 %v, 2015 %v", rp.Points[7].Pace, rp.Points[3].Pace)
	}
}

func TestNotAtCurrentPace(t *testing.T) {
	l := national.Reported()
	// A later figure no better than the first: no trend to extend.
	if err := l.Add(outcome.Record{Indicator: national.Workers, Region: national.NationCode, Period: outcome.Year(2017), Quantity: outcome.MustParseQuantity("50000名")},
		outcome.Record{Indicator: national.Workers, Region: national.NationCode, Period: outcome.Year(2018), Quantity: outcome.MustParseQuantity("40000名")}); err != nil {
		t.Fatal(err)
	}
	s, err := trend.Evaluate(national.SciTechAidProject(), l, trend.YearEnds(2016, 2019), trend.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := find(t, s, "workers")
	if w.Projection.Reachable || w.Projection.In(outcome.English) != "not at the current pace" {
		t.Errorf("projection = %+v", w.Projection)
	}
	if _, err := trend.Evaluate(program.Program{}, l, nil, trend.Options{}); !errors.Is(err, trend.ErrDates) {
		t.Errorf("no dates: %v, want ErrDates", err)
	}
}

func TestRenderings(t *testing.T) {
	series := nationalSeries(t)
	for _, lang := range []outcome.Lang{outcome.Chinese, outcome.English} {
		var text, svg bytes.Buffer
		if err := trend.WriteText(&text, lang, series...); err != nil {
			t.Fatal(err)
		}
		if err := trend.WriteSVG(&svg, lang, "脱贫攻坚", series...); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("the SVG is not well-formed XML: %v", err)
			}
		}
		golden.Check(t, "national."+lang.String()+".txt", text.Bytes())
		golden.Check(t, "national."+lang.String()+".svg", svg.Bytes())
	}
}
