package target_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/taizhang/taizhang/target"
)

// Progress is shown one way everywhere: Percent writes it, ShownProgress
// gives the same figure as a ratio for renderings that write numbers, and
// neither shows a figure the verdict contradicts.
func TestPercentAndShownProgress(t *testing.T) {
	for _, c := range []struct {
		name     string
		status   target.Status
		progress string
		percent  string
		shown    string // "" when no figure is shown
	}{
		{"16 of 51 rounds to the nearest tenth", target.InProgress, "0.313725490196", "31.4%", "0.314"},
		{"2 of 3", target.Missed, "0.666666666667", "66.7%", "0.667"},
		{"not met never rounds up to 100%", target.InProgress, "0.99996", "99.9%", "0.999"},
		// A stated figure that reaches the target while its bounds fall
		// short (近100 of 100): no figure that reads as complete.
		{"stated figure reaches, bounds fall short", target.Missed, "1", "<100%", ""},
		{"met", target.Met, "1", "100.0%", "1"},
		{"met above the goal", target.Met, "1.234567", "123.5%", "1.235"},
		{"over the limit", target.Exceeded, "1.5", "150.0%", "1.5"},
		// An undecided figure's bounds say what is known; its stated ratio
		// is not a progress.
		{"no figure at the deadline: the last figure's", target.NoFigureAtDeadline, "0.5", "50.0%", "0.5"},
		{"undecided", target.Undecided, "0.93", "—", ""},
		{"no data", target.NoData, "0", "—", ""},
		{"not started", target.NotStarted, "0", "—", ""},
		{"recorded", target.Recorded, "0", "—", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := target.Result{Status: c.status, Progress: decimal.RequireFromString(c.progress)}
			assert.Equal(t, c.percent, r.Percent())
			p, ok := r.ShownProgress()
			if c.shown == "" {
				assert.False(t, ok, "ShownProgress = %s, want none", p)
				return
			}
			if assert.True(t, ok, "ShownProgress: none, want %s", c.shown) && !p.Equal(decimal.RequireFromString(c.shown)) {
				t.Errorf("ShownProgress = %s, want %s", p, c.shown)
			}
		})
	}
}
