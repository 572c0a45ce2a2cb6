package rule_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/quantity"
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
			if len(r.Agree) > 0 {
				continue // TestAgreementCatchesDisagreements
			}
			o, err := r.Check(good)
			require.NoError(t, err)
			victim := o.Left.Records[0]
			raise := o.Right.Value.Sub(o.Left.Value).Add(decimal.NewFromInt(1))
			bad := c.fresh()
			for rec := range good.All() {
				if rec.Equal(victim) {
					rec.Quantity = quantity.New(rec.Quantity.Value().Add(raise), rec.Quantity.Unit(), rec.Quantity.Qualifier())
				}
				require.NoError(t, bad.Add(rec))
			}
			broken, err := r.Check(bad)
			require.NoError(t, err)
			if !broken.Violated() {
				t.Errorf("%s %s: raising %s by %v was not caught: %v", c.name, r.ID, victim.Indicator, raise, broken)
			}
			if !slices.ContainsFunc(broken.Left.Records, func(x outcome.Record) bool { return x.Indicator == victim.Indicator }) {
				t.Errorf("%s %s: the violation does not show the record behind it", c.name, r.ID)
			}
		}
	}
}

// ruleOf returns the rule of s with the given id.
func ruleOf(t *testing.T, s rule.Set, id string) rule.Rule {
	t.Helper()
	for _, r := range s.Rules {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("%s has no rule %s", s.Name.En, id)
	return rule.Rule{}
}

// rebuilt returns a fresh ledger from fresh with the records of from,
// changed by edit: edit returns the records to add in place of one, none to
// drop it.
func rebuilt(t *testing.T, from *outcome.Ledger, fresh func() *outcome.Ledger, edit func(outcome.Record) []outcome.Record, extra ...outcome.Record) *outcome.Ledger {
	t.Helper()
	l := fresh()
	for rec := range from.All() {
		require.NoError(t, l.Add(edit(rec)...))
	}
	require.NoError(t, l.Add(extra...))
	return l
}

func keep(r outcome.Record) []outcome.Record { return []outcome.Record{r} }

// setFigure returns an edit that gives indicator's records figure n.
func setFigure(indicator string, n int64) func(outcome.Record) []outcome.Record {
	return func(r outcome.Record) []outcome.Record {
		if r.Indicator == indicator {
			r.Quantity = quantity.New(decimal.NewFromInt(n), r.Quantity.Unit(), r.Quantity.Qualifier())
		}
		return []outcome.Record{r}
	}
}

// TestD1StatedTeams checks D1 against the 123 teams the Hunan seed states,
// not against the county-unit coverage the ledger infers as 51 + 72.
func TestD1StatedTeams(t *testing.T) {
	c := catalogues()[0]
	d1 := ruleOf(t, c.rules, "D1")
	tests := []struct {
		name        string
		edit        func(outcome.Record) []outcome.Record
		left, right int64
		violated    bool
	}{
		// 004_32acad38fe6c52df.txt §二(二)二是 [11]: 51 poor counties with a
		// team in 2018, 72 teams for non-poor counties in 2019;
		// §三(二)一是: 「依托全省123个科技专家服务团」.
		{"the seed's figures: 51 + 72 = 123", keep, 123, 123, false},
		{"without the inferred coverage of all county units", func(r outcome.Record) []outcome.Record {
			if r.Indicator == "county-units-with-teams" {
				return nil
			}
			return []outcome.Record{r}
		}, 123, 123, false},
		{"a stated total of 130", setFigure("expert-teams-total", 130), 123, 130, true},
		{"80 new teams in 2019", setFigure("new-non-poor-teams", 80), 131, 123, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := d1.Check(rebuilt(t, c.reported(), c.fresh, tt.edit))
			require.NoError(t, err)
			if o.Skipped || o.Violated() != tt.violated {
				t.Errorf("D1 = %v, want violated %v", o, tt.violated)
			}
			if !o.Left.Value.Equal(decimal.NewFromInt(tt.left)) || !o.Right.Value.Equal(decimal.NewFromInt(tt.right)) {
				t.Errorf("D1 compares %v with %v, want %d with %d", o.Left.Value, o.Right.Value, tt.left, tt.right)
			}
			if len(o.Right.Records) != 1 || o.Right.Records[0].Indicator != "expert-teams-total" || o.Right.Records[0].Source.Section != "三(二)一是" {
				t.Errorf("D1's right side rests on %v, want the stated total of §三(二)一是", o.Right.Records)
			}
		})
	}
}

// TestD10NationalList checks D10 on Hunan's counties on the national list,
// not on the 51 poor counties of the Hunan seed.
func TestD10NationalList(t *testing.T) {
	c := catalogues()[1]
	d10 := ruleOf(t, c.rules, "D10")
	own := func(n int64) outcome.Record {
		return outcome.Record{Indicator: "poor-counties", Region: "430000", Period: period.Year(2012), Quantity: quantity.Int(n, quantity.Piece)}
	}
	tests := []struct {
		name        string
		extra       []outcome.Record
		left, right int64
		violated    bool
	}{
		// national_832_poor_counties.csv: 40 of the 832 are in Hunan;
		// 000_f8a6b69a178fa4e7.txt intro: 832 poor counties.
		{"the county list: 40 ≤ 832", nil, 40, 832, false},
		// A province's own figure stands for its counties'.
		{"Hunan recorded with 900 on the list", []outcome.Record{own(900)}, 900, 832, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := d10.Check(rebuilt(t, c.reported(), c.fresh, keep, tt.extra...))
			require.NoError(t, err)
			if o.Skipped || o.Violated() != tt.violated {
				t.Errorf("D10 = %v, want violated %v", o, tt.violated)
			}
			if !o.Left.Value.Equal(decimal.NewFromInt(tt.left)) || !o.Right.Value.Equal(decimal.NewFromInt(tt.right)) {
				t.Errorf("D10 compares %v with %v, want %d with %d", o.Left.Value, o.Right.Value, tt.left, tt.right)
			}
		})
	}
	// The 40 are the list's, one county each, every one in Hunan.
	o, err := d10.Check(c.reported())
	require.NoError(t, err)
	for _, r := range o.Left.Records {
		if r.Region[:2] != "43" || r.Region == "430000" || r.Source.Document != "national_832_poor_counties.csv" {
			t.Errorf("D10 counts %v, want a Hunan county of the national list", r)
		}
	}
	if len(o.Left.Records) != 40 {
		t.Errorf("D10 counts %d records, want the 40 of the list", len(o.Left.Records))
	}
}

// The catalogue's agreement rule reports records the ledger's rules settle
// silently: quarters that add up to more than their 全年合计, and a
// province's own figure beside its counties' of the same date.
func TestAgreementCatchesDisagreements(t *testing.T) {
	agree := hunan.Rules().Rules[len(hunan.Rules().Rules)-1]
	if agree.ID != "A1" {
		t.Fatalf("the last Hunan rule is %s, want the agreement rule A1", agree.ID)
	}
	rec := func(region, per, figure string) outcome.Record {
		return outcome.Record{Indicator: "local-technicians", Region: region, Period: period.MustParse(per),
			Quantity: quantity.MustParse(figure)}
	}
	quarters := []outcome.Record{rec("430000", "2019-01-01/2019-03-31", "42名"), rec("430000", "2019-04-01/2019-06-30", "51名"),
		rec("430000", "2019-07-01/2019-09-30", "38名")}
	tests := []struct {
		name    string
		records []outcome.Record
		want    int
	}{
		{"quarters within their total", append(quarters, rec("430000", "2019-10-01/2019-12-31", "45名"), rec("430000", "2019", "176名")), 0},
		{"quarters above their total", append(quarters, rec("430000", "2019-10-01/2019-12-31", "46名"), rec("430000", "2019", "176名")), 1},
	}
	for _, tt := range tests {
		l, err := outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
		require.NoError(t, err)
		require.NoError(t, l.Add(slices.Clone(tt.records)...))
		o, err := agree.Check(l)
		require.NoError(t, err)
		if len(o.Discrepancies) != tt.want || o.Violated() != (tt.want > 0) {
			t.Errorf("%s: %d disagreements, violated %v; want %d", tt.name, len(o.Discrepancies), o.Violated(), tt.want)
		}
	}
}
