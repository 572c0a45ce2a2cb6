package program_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// notThreadSafe is a population condition that is not safe for concurrent
// use: it writes a map without a lock (the race detector reports two calls
// at once) and counts the calls in flight (the test reports them without
// the race detector).
type notThreadSafe struct {
	seen     map[string]int
	inFlight atomic.Int32
	overlaps atomic.Int32
}

func (c *notThreadSafe) keep(r outcome.Region) bool {
	if c.inFlight.Add(1) > 1 {
		c.overlaps.Add(1)
	}
	c.seen[r.Code]++
	runtime.Gosched() // give another goroutine the chance to call at once
	c.inFlight.Add(-1)
	return true
}

// conditional is a program of eight coverage targets over the counties,
// each narrowed by c's condition, and one over all of them.
func conditional(t *testing.T, c *notThreadSafe) (program.Program, *outcome.Ledger) {
	t.Helper()
	p, _ := sample(t)
	p.Targets = nil
	counties := target.AllAt(lang.Name{Zh: "县", En: "counties"}, outcome.County, "")
	for i := range 8 {
		pop := counties.Where(lang.Name{En: "as the caller says"}, c.keep)
		p.Targets = append(p.Targets, target.Coverage(fmt.Sprint("leaders-", i), lang.Name{En: "leaders"}, "leaders", pop, quantity.MustParse("1名")))
	}
	p.Targets = append(p.Targets, target.AllOf("all", lang.Name{En: "all"}, target.Coverage("part", lang.Name{En: "part"}, "leaders", counties.Where(lang.Name{En: "as the caller says"}, c.keep), quantity.MustParse("1名"))))
	_, l := sample(t)
	return p, l
}

// Without EvaluateConcurrently, a condition the caller gives a population is
// never called from two goroutines at once; run with -race.
func TestEvaluateCallsConditionsOneAtATime(t *testing.T) {
	c := &notThreadSafe{seen: map[string]int{}}
	p, l := conditional(t, c)
	r, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	require.Len(t, r.Results, len(p.Targets))
	assert.Zero(t, c.overlaps.Load(), "calls of the condition overlapping")
	// Two counties, nine populations: every call was made and counted.
	assert.Equal(t, map[string]int{"433122": 9, "433130": 9}, c.seen)
}

// EvaluateConcurrently gives the report Evaluate gives.
func TestEvaluateConcurrentlyAgrees(t *testing.T) {
	var calls atomic.Int32
	keep := func(outcome.Region) bool { calls.Add(1); return true }
	p, l := conditional(t, &notThreadSafe{seen: map[string]int{}})
	for i, tg := range p.Targets[:8] {
		p.Targets[i] = target.Coverage(tg.ID(), tg.Name(), "leaders", tg.Population().Where(lang.Name{En: "safe"}, keep), tg.Required())
	}
	p.Targets = p.Targets[:8]
	want, err := p.Evaluate(l, date(2019, 12, 31))
	require.NoError(t, err)
	got, err := p.EvaluateConcurrently(l, date(2019, 12, 31))
	require.NoError(t, err)
	asJSON := func(r program.Report) string {
		b, err := json.MarshalIndent(r, "", " ")
		require.NoError(t, err)
		return string(b)
	}
	if diff := cmp.Diff(asJSON(want), asJSON(got)); diff != "" {
		t.Errorf("EvaluateConcurrently mismatch (-Evaluate +EvaluateConcurrently):\n%s", diff)
	}
	assert.EqualValues(t, 2*2*8, calls.Load(), "calls of the condition over two evaluations of eight targets and two counties")
}
