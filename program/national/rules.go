package national

import (
	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/rule"
)

// Rules returns the consistency rules the national article supports: the
// rural poor, poor counties and poor villages only fall from 2012 to 2019,
// the county list's exits agree with the article's counts, and Hunan's poor
// counties on the list lie within the nation's. The rule IDs (D7 …) are
// stable codes.
func Rules() rule.Set {
	intro := outcome.Cite(catalog.Seed000, "intro", "")
	through := func(y int) period.Period { return period.Through(day(y, 12, 31)) }
	falls := func(id string, n lang.Name, ind string) rule.Rule {
		return rule.Rule{ID: id, Name: n, Left: rule.Of(ind, NationCode, through(2019)), Op: rule.LessOrEqual,
			Right: rule.Of(ind, NationCode, through(2012)), Severity: rule.Critical, Source: intro}
	}
	exits, _ := period.Span(day(2013, 1, 1), day(2019, 12, 31))
	const hunan = "430000"
	return rule.Set{
		Name: lang.Name{Zh: "全国脱贫台账一致性规则", En: "national ledger consistency rules"},
		Rules: []rule.Rule{
			falls("D7", lang.Name{Zh: "2019年底农村贫困人口 ≤ 2012年底", En: "rural poor at the end of 2019 ≤ at the end of 2012"}, "rural-poor"),
			falls("D8", lang.Name{Zh: "2019年底贫困县 ≤ 2012年底", En: "poor counties at the end of 2019 ≤ at the end of 2012"}, "poor-counties"),
			falls("D9", lang.Name{Zh: "2019年底贫困村 ≤ 2012年底", En: "poor villages at the end of 2019 ≤ at the end of 2012"}, "poor-villages"),
			// With the county list's Exits: 780 exited by 2019 + 52 left = 832.
			{ID: "D8b", Name: lang.Name{Zh: "2013—2019年摘帽县 + 2019年底贫困县 = 2012年底贫困县", En: "counties exited 2013–2019 + poor counties at the end of 2019 = at the end of 2012"},
				Left:  rule.Of("county-exits", NationCode, exits).Plus(rule.Of("poor-counties", NationCode, through(2019))),
				Op:    rule.Equal,
				Right: rule.Of("poor-counties", NationCode, through(2012)), Severity: rule.Critical, Source: intro},
			// D10: Hunan's poor counties within the nation's 832
			// (the national article's introduction), like with like:
			// Hunan's counties on the national list, 40 with the list's
			// Exits (national_832_poor_counties.csv). The Hunan article
			// (§一(四)三是 [7]) counts 51 (「全省51个贫困县」), which adds
			// 11 that Hunan listed itself (program/hunan's
			// hunan_poverty_counties_51.csv): those are not among the 832.
			// Neither article prints the 40.
			{ID: "D10", Name: lang.Name{Zh: "湖南列入全国名单的贫困县 ≤ 全国832个", En: "Hunan's poor counties on the national list ≤ the nation's 832"},
				Left: rule.Of("poor-counties", hunan, through(2012)), Op: rule.LessOrEqual,
				Right: rule.Of("poor-counties", NationCode, through(2012)), Severity: rule.Critical, Source: intro},
			// Records that the rules settle silently: quarters against
			// their 全年合计, a region's own figure against its
			// subdivisions' of the same date.
			rule.AgreeAll("A1", through(2020), Indicators()...),
		},
	}
}
