package hunan

import (
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/rule"
)

// Rules returns the consistency rules the Hunan article supports,
// checkable on [Reported] and on any Hunan ledger: figures that must add
// up, parts that cannot exceed their whole, Hunan within the nation. Rules
// whose relation rests on a reading of the article are warnings. The rule
// IDs (D1 …) are stable codes.
//
// Hunan's poor counties within the nation's 832 (D10) is a rule of
// the national catalogue: 11 of the 51 poor counties here are Hunan's own
// list, and only a ledger with the national list holds Hunan's 40 on it.
func Rules() rule.Set {
	through := func(y int) period.Period { return period.Through(day(y, 12, 31)) }
	at := func(ind string, p period.Period) rule.Expr { return rule.Of(ind, ProvinceCode, p) }
	now := through(2019)
	le := func(id string, n lang.Name, left, right rule.Expr, sev rule.Severity, src outcome.Citation) rule.Rule {
		return rule.Rule{ID: id, Name: n, Left: left, Op: rule.LessOrEqual, Right: right, Severity: sev, Source: src}
	}
	s14, s15 := cite("二(三)二是", "[14]"), cite("二(三)二是", "[15]")
	return rule.Set{
		Name: name("湖南科技扶贫台账一致性规则", "Hunan ledger consistency rules"),
		Rules: []rule.Rule{
			// D1: the 51 poor counties with a team in 2018 and the 72 teams
			// formed for non-poor counties in 2019 (004 §二(二)二是 [11])
			// against the 123 teams the article states (004 §三(二)一是:
			// 「依托全省123个科技专家服务团」), one team a county. The 2019
			// sentence prints no total: "county-units-with-teams" of 2019 is
			// 51 + 72 inferred, so against it the rule could not fail on
			// the article's own figures.
			{ID: "D1", Name: name("贫困县服务团 + 新组建非贫困县服务团 = 全省服务团总数", "poor-county teams + new non-poor-county teams = teams in all"),
				Left: at("poor-counties-with-teams", through(2018)).Plus(at("new-non-poor-teams", period.Year(2019))), Op: rule.Equal,
				Right: at("expert-teams-total", now), Severity: rule.Critical, Source: cite("二(二)二是", "[11]")},
			{ID: "D1b", Name: name("全部县市区服务团 = 全省服务团总数", "teams of all county units = teams in all"),
				Left: at("county-units-with-teams", now), Op: rule.Equal, Right: at("expert-teams-total", now), Severity: rule.Warning,
				Source: cite("三(二)一是", "")},
			le("D3", name("获国家备案的星创天地 ≤ 星创天地总数", "nationally filed star spaces ≤ all star spaces"),
				at("star-spaces-filed", now), at("star-spaces", now), rule.Critical, s14),
			le("D4", name("湘西国家级星创天地 ≤ 湘西星创天地", "national star spaces in Xiangxi ≤ star spaces in Xiangxi"),
				at("xiangxi-national-star-spaces", now), at("xiangxi-star-spaces", now), rule.Critical, s15),
			le("D5", name("湘西星创天地 ≤ 全省星创天地", "star spaces in Xiangxi ≤ star spaces in Hunan"),
				at("xiangxi-star-spaces", now), at("star-spaces", now), rule.Critical, s15),
			// A warning: 「星创天地47个(其中国家级21个)」 in Xiangxi and
			// 「其中获国家备案75家」 in Hunan may not name the same status.
			le("D5b", name("湘西国家级星创天地 ≤ 全省获国家备案星创天地", "national star spaces in Xiangxi ≤ filed star spaces in Hunan"),
				at("xiangxi-national-star-spaces", now), at("star-spaces-filed", now), rule.Warning, s15),
			// Warnings: in 「国家级高新区1个、农业科技园区4个,省级高新区5个、农业科技园区10个」
			// the parks' level is read from the 国家级 and 省级 before them; the
			// article does not repeat it.
			le("D6", name("湘西国家级农业科技园区 ≤ 全省国家级", "national agri-parks in Xiangxi ≤ in Hunan"),
				at("xiangxi-national-agri-parks", now), at("national-agri-parks", now), rule.Warning, s15),
			le("D6b", name("湘西省级农业科技园区 ≤ 全省省级", "provincial agri-parks in Xiangxi ≤ in Hunan"),
				at("xiangxi-provincial-agri-parks", now), at("provincial-agri-parks", now), rule.Warning, s15),
			// D10b: the national article's introduction: 12.8万 poor
			// villages nationally.
			le("D10b", name("湖南贫困村 ≤ 全国12.8万个", "Hunan's poor villages ≤ the nation's 128,000"),
				at("poor-villages", now), rule.Const(decimal.NewFromInt(128_000)), rule.Critical, outcome.Cite(catalog.Seed000, "intro", "")),
			le("D30", name("井冈山区五县 利税 ≤ 产值", "five counties: profits and taxes ≤ output value"),
				at("five-county-profit-tax", now), at("five-county-output", now), rule.Critical, cite("一(二)二是", "¶[2]")),
			le("D31", name("17个少数民族县 新增利税 ≤ 新增产值", "17 minority counties: new profits and taxes ≤ new output value"),
				at("spark-new-profit-tax", now), at("spark-new-output", now), rule.Critical, cite("一(二)二是", "[2]")),
			// Records that the rules settle silently: quarters against
			// their 全年合计, a region's own figure against its
			// subdivisions' of the same date.
			rule.AgreeAll("A1", through(2020), Indicators()...),
		},
	}
}
