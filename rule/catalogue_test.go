package rule_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/rule"
)

type catalogue struct {
	name     string
	rules    rule.Set
	reported func() *outcome.Ledger
	fresh    func() *outcome.Ledger
}

func catalogues() []catalogue {
	withExits := func() *outcome.Ledger {
		l := national.Reported()
		if err := l.Add(national.Exits()...); err != nil {
			panic(err)
		}
		return l
	}
	return []catalogue{
		{"hunan", hunan.Rules(), hunan.Reported, func() *outcome.Ledger {
			l, _ := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
			return l
		}},
		{"national", national.Rules(), withExits, func() *outcome.Ledger {
			l, _ := outcome.NewLedger(national.Regions(), national.Indicators()...)
			return l
		}},
	}
}

// Every shipped rule holds on what the seeds report (inventory §D marks
// them ✔), and is checked, not skipped.
func TestShippedRulesHold(t *testing.T) {
	for _, c := range catalogues() {
		outcomes, err := c.rules.Check(c.reported())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(outcomes) != len(c.rules.Rules) {
			t.Errorf("%s: %d outcomes for %d rules", c.name, len(outcomes), len(c.rules.Rules))
		}
		for _, o := range outcomes {
			if o.Skipped || !o.Holds {
				t.Errorf("%s: %v", c.name, o)
			}
		}
	}
}

// A ledger that breaks a rule is caught: for each rule, the first record
// behind its left side is raised past the right side.
func TestShippedRulesCatchViolations(t *testing.T) {
	for _, c := range catalogues() {
		good := c.reported()
		for _, r := range c.rules.Rules {
			o, err := r.Check(good)
			if err != nil {
				t.Fatal(err)
			}
			victim := o.Left.Records[0]
			raise := o.Right.Value.Sub(o.Left.Value).Add(decimal.NewFromInt(1))
			bad := c.fresh()
			for rec := range good.All() {
				if rec.Equal(victim) {
					rec.Quantity = outcome.NewQuantity(rec.Quantity.Value().Add(raise), rec.Quantity.Unit(), rec.Quantity.Qualifier())
				}
				if err := bad.Add(rec); err != nil {
					t.Fatal(err)
				}
			}
			broken, err := r.Check(bad)
			if err != nil {
				t.Fatal(err)
			}
			if !broken.Violated() {
				t.Errorf("%s %s: raising %s by %v was not caught: %v", c.name, r.ID, victim.Indicator, raise, broken)
			}
			if !slices.ContainsFunc(broken.Left.Records, func(x outcome.Record) bool { return x.Indicator == victim.Indicator }) {
				t.Errorf("%s %s: the violation does not show the record behind it", c.name, r.ID)
			}
		}
	}
}
