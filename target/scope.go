package target

import (
	"fmt"
	"strings"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

// narrowed returns t with the regions of its [Target.In] calls resolved
// against rs, and its parts likewise: the scope becomes the deepest of them
// and a population's region the deepest of its own and its narrowing. A
// target whose regions are disjoint, or whose counted population is
// narrowed below the region it is counted in, is marked as covering
// nothing ([Target.outOfScope]). A region rs does not hold is an error.
func (t Target) narrowed(rs *outcome.RegionSet) (Target, error) {
	if t.kind == KindAllOf {
		if !t.scoped() {
			return t, nil
		}
		parts := make([]Target, len(t.parts))
		for i, p := range t.parts {
			n, err := p.narrowed(rs)
			if err != nil {
				return Target{}, err
			}
			parts[i] = n
		}
		t.parts = parts
		return t, nil
	}
	if t.scope == "" && len(t.pop.scopes) == 0 {
		return t, nil
	}
	scope, ok, err := deepest(rs, t.scope, t.outer...)
	if err != nil {
		return Target{}, t.wrap("scope", strings.Join(t.scopes(), ","), err)
	}
	if !ok {
		t.outside = lang.Name{
			Zh: fmt.Sprintf("范围 %s 互不包含: 目标不覆盖任何地区", strings.Join(t.scopes(), "、")),
			En: fmt.Sprintf("the regions %s are disjoint: the target covers no region", strings.Join(t.scopes(), ", "))}
		return t, nil
	}
	t.scope, t.outer = scope, nil
	if t.pop.IsZero() || len(t.pop.scopes) == 0 {
		return t, nil
	}
	p := t.pop
	within, ok, err := deepest(rs, p.within, p.scopes...)
	switch {
	case err != nil:
		return Target{}, t.wrap("population", p.name.String(), err)
	case !ok:
		t.outside = lang.Name{
			Zh: fmt.Sprintf("「%s」不在 %s 内", p.name.Zh, strings.Join(p.scopes, "、")),
			En: fmt.Sprintf("%q lies outside %s", p.name.In(lang.English), strings.Join(p.scopes, ", "))}
		return t, nil
	case p.size > 0 && within != p.within:
		// The count is the region's; how many of its units lie in a part
		// of it is unknown.
		t.outside = lang.Name{
			Zh: fmt.Sprintf("「%s」只知%s内共%d个, 不知%s内有多少: 需列出其单位 (ListUnits)", p.name.Zh, p.within, p.size, within),
			En: fmt.Sprintf("%q is known only by its count in %s (%d), not in %s: its units must be listed (ListUnits)",
				p.name.In(lang.English), p.within, p.size, within)}
		return t, nil
	}
	p.within, p.scopes = within, nil
	t.pop = p
	return t, nil
}

// scoped reports whether t or one of its parts was narrowed.
func (t Target) scoped() bool {
	if t.scope != "" || len(t.pop.scopes) > 0 {
		return true
	}
	for _, p := range t.parts {
		if p.scoped() {
			return true
		}
	}
	return false
}

// outOfScope reports whether t covers nothing it can evaluate in its
// scope; then r has no data and a note that says why.
func (t Target) outOfScope(r *Result) bool {
	if t.outside.IsZero() {
		return false
	}
	r.Status = NoData
	r.Notes = append(r.Notes, t.outside)
	return true
}

// noteCounted notes, for a per-unit target over a population known only by
// its count, the records of its units that could not be used: the units are
// not known, so their records cannot be told from others'.
func (t Target) noteCounted(l *outcome.Ledger, window period.Period, r *Result) {
	if t.pop.size == 0 || (t.kind != KindCoverage && t.kind != KindEachInRange) {
		return
	}
	region := t.scope
	if region == "" {
		region = t.pop.within
	}
	used, err := l.Used(t.indicator, region, window)
	if err != nil {
		return
	}
	n := 0
	for _, rec := range used {
		if rec.Region != region {
			n++
		}
	}
	if n == 0 {
		return
	}
	how := lang.Name{Zh: "也无汇总指标可读覆盖数", En: "no aggregate indicator gives the units covered"}
	if t.coveredBy != "" {
		name := indicatorName(l, t.coveredBy)
		how = lang.Name{Zh: "覆盖数取自汇总指标「" + name.In(lang.Chinese) + "」",
			En: fmt.Sprintf("the units covered are read from the aggregate indicator %q", name.In(lang.English))}
	}
	r.Notes = append(r.Notes, lang.Name{
		Zh: fmt.Sprintf("未用%d条逐单位记录: 「%s」只知总数%d个, 无单位名单; %s; 列出单位 (ListUnits) 可逐单位评估", n, t.pop.name.Zh, t.pop.size, how.Zh),
		En: fmt.Sprintf("%d records of single units not used: %q is known only by its count (%d), not by its units; %s; list the units (ListUnits) to evaluate them one by one",
			n, t.pop.name.In(lang.English), t.pop.size, how.En)})
}
