package national

import (
	"time"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func q(s string) quantity.Quantity { return quantity.MustParse(s) }

var (
	poorVillages = target.AllAt(lang.Name{Zh: "贫困村", En: "poor villages"}, outcome.Village, "")
	cqZhongyang  = lang.Name{Zh: "党中央", En: "the CPC Central Committee"}
	cpad         = lang.Name{Zh: "国务院扶贫开发领导小组办公室", En: "State Council Leading Group Office of Poverty Alleviation and Development"}
	sciTechDepts = lang.Name{Zh: "科技相关部门", En: "science and technology departments"}
)

// PovertyEradication2020 is 脱贫攻坚: 「到2020年现行标准下的农村贫困人口全部脱贫」
// (004 §三(一)), with the progress 000's introduction reports: the rural poor
// from 9899万 at the end of 2012 to 551万 at the end of 2019, poor
// counties from 832 to 52, poor villages from 12.8万 to 2707.
//
// Choices where the documents are silent:
//   - They set a zero goal only for the population. Poor counties and
//     villages are tracked as reductions to 0 by 2020 too, because the
//     population's exit is what takes a county or village off the list; the
//     target names say the goal is inferred.
//   - 「我国现行标准下的农村贫困人口从2012年底的9899万人减少到551万人，贫困县从832个减少到52个，贫困村从12.8万个减少到2707个」
//     dates only the population's base (「2012年底」); the county and village
//     counts
//     carry no date of their own. They are read as of the end of 2012 too,
//     since the sentence lists them as one comparison.
//   - 「以人均年收入2300元作为绝对贫困线[20]」 (004 §三(一)) calls 2300元 the
//     absolute poverty line, with no price year, and neither document says
//     it is the 「现行标准」 of the goal; the catalogue does not equate them.
//   - The exit target over the 832 counties ("county-exits") needs the
//     county list's records ([Exits]); on the documents' figures alone it
//     has no data, while "poor-counties" reads the national count.
func PovertyEradication2020() program.Program {
	src := outcome.Cite(catalog.Seed004, "三(一)", "")
	intro := outcome.Cite(catalog.Seed000, "intro", "")
	return program.Program{
		ID:         "national/poverty-eradication-2020",
		Name:       lang.Name{Zh: "脱贫攻坚: 现行标准下农村贫困人口全部脱贫", En: "Poverty eradication by 2020"},
		Level:      outcome.Nation,
		Issuers:    []lang.Name{cqZhongyang},
		Start:      day(2012, 12, 31),
		Deadline:   day(2020, 12, 31),
		Source:     src,
		Indicators: pick("rural-poor", "poor-counties", "poor-villages", "county-exits"),
		Targets: []target.Target{
			target.Reduction("rural-poor", lang.Name{Zh: "现行标准下农村贫困人口全部脱贫", En: "every rural poor person out of poverty"}, "rural-poor", q("9899万人"), q("0人")).Cite(intro),
			target.Reduction("poor-counties", lang.Name{Zh: "贫困县减少至0(目标为推断)", En: "poor counties down to 0 (goal inferred)"}, "poor-counties", q("832个"), q("0个")).Cite(intro),
			target.Reduction("poor-villages", lang.Name{Zh: "贫困村减少至0(目标为推断)", En: "poor villages down to 0 (goal inferred)"}, "poor-villages", q("12.8万个"), q("0个")).Cite(intro),
			target.Coverage("county-exits", lang.Name{Zh: "832个贫困县全部摘帽(目标为推断)", En: "all 832 poor counties exit (goal inferred)"}, "county-exits", PoorCounties(), q("1个")).Cite(listSource),
		},
	}
}

// SciTechPovertyAction is 科技扶贫行动: 「推动科技特派员对贫困村科技服务和创业带动全覆盖」
// (000 §2): every poor village served by a commissioner.
//
// Its plan, 《科技扶贫行动实施方案》, was issued 「2016年起」 (000 §3.1); the
// start is read as 2016-01-01. No deadline is stated. 「全覆盖」 here is of
// 「贫困村」 without a number, so the population is all poor villages, not
// the 「“一万个”贫困村」 of [BaiQianWan], a target of its own; the national
// region set has no villages, so the coverage is evaluated on a ledger
// whose regions hold them, or read from the covered-villages count.
// 「2016年起，《科技扶贫行动实施方案》和《科技助力精准扶贫工程实施方案》分别出台」
// says each plan was issued, not which of the village and township actions
// each plan covers; the program claims neither.
func SciTechPovertyAction() program.Program {
	return program.Program{
		ID:         "national/sci-tech-poverty-action",
		Name:       lang.Name{Zh: "科技扶贫行动", En: "Sci-Tech Poverty Alleviation Action"},
		Level:      outcome.Nation,
		Issuers:    []lang.Name{cpad, sciTechDepts},
		Start:      day(2016, 1, 1),
		Source:     outcome.Cite(catalog.Seed000, "2", ""),
		Indicators: pick("village-commissioners", "covered-villages"),
		Targets: []target.Target{
			target.Coverage("commissioner-coverage", lang.Name{Zh: "科技特派员对贫困村全覆盖", En: "a commissioner for every poor village"}, "village-commissioners", poorVillages, q("1名")).CoveredBy("covered-villages").Cite(outcome.Cite(catalog.Seed000, "2", "")),
		},
	}
}

// BaiQianWan is 科技扶贫“百千万”工程 (000 §2, footnote ②):
// 「“一百个”科技园区、星创天地等平台载体」,
// 「“一千个”科技扶贫帮扶结对」 and
// 「“一万个”贫困村科技特派员全覆盖」.
//
// The figures are bare: 「一百个」 carries no 以上, and the footnote gives no
// start, deadline or issuer. Each is read as "at least", which is how a
// count target is met: read as exactly 100, a 101st platform would count
// against the target.
// The platform types are pooled in one count. The village clause is read as
// an aggregate: at least 10,000 poor villages covered by commissioners.
func BaiQianWan() program.Program {
	fn := outcome.Cite(catalog.Seed000, "2", "②")
	return program.Program{
		ID:         "national/bai-qian-wan",
		Name:       lang.Name{Zh: "科技扶贫“百千万”工程", En: "Hundred–Thousand–Ten-thousand Sci-Tech Project"},
		Level:      outcome.Nation,
		Issuers:    []lang.Name{cpad, sciTechDepts},
		Source:     fn,
		Indicators: pick("platforms", "aid-pairings", "covered-villages"),
		Targets: []target.Target{
			target.AtLeast("platforms", lang.Name{Zh: "一百个科技园区、星创天地等平台载体", En: "100 platforms in poor areas"}, "platforms", q("一百个")).Cite(fn),
			target.AtLeast("pairings", lang.Name{Zh: "一千个科技扶贫帮扶结对", En: "1000 sci-tech aid pairings"}, "aid-pairings", q("一千个")).Cite(fn),
			target.AtLeast("village-coverage", lang.Name{Zh: "一万个贫困村科技特派员全覆盖", En: "10,000 poor villages covered by commissioners"}, "covered-villages", q("一万个")).Cite(fn),
		},
	}
}

// SciTechAidProject is 科技助力精准扶贫工程, the 「“千、万、十万”」 targets
// (000 §2, footnote ③): 「到2020年，组织1000个以上农技协联合会、10000个以上农技协、100000名以上科技工作者参与脱贫攻坚」,
// launched 2016年10月 by 中国 科学技术协会, 农业部 (现农业农村部) and
// 国务院扶贫办.
//
// The article reports only 「任务目标指标接近完成」; that status is not
// turned into numbers, so on the article's figures the targets have no
// data.
func SciTechAidProject() program.Program {
	fn := outcome.Cite(catalog.Seed000, "2", "③")
	return program.Program{
		ID:   "national/sci-tech-aid",
		Name: lang.Name{Zh: "科技助力精准扶贫工程(“千、万、十万”)", En: "Sci-Tech Aid for Targeted Poverty Alleviation (Thousand, Ten-thousand, Hundred-thousand)"},
		Issuers: []lang.Name{
			{Zh: "中国科学技术协会", En: "China Association for Science and Technology"},
			{Zh: "农业部(现农业农村部)", En: "Ministry of Agriculture (now of Agriculture and Rural Affairs)"},
			cpad,
		},
		Level:      outcome.Nation,
		Start:      day(2016, 10, 1),
		Deadline:   day(2020, 12, 31),
		Source:     fn,
		Indicators: pick("federations", "associations", "sci-tech-workers", "excellent-orgs", "advanced-teams", "advanced-workers"),
		Targets: []target.Target{
			target.AtLeast("federations", lang.Name{Zh: "1000个以上农技协联合会", En: "≥1000 federations"}, "federations", q("1000个以上")).Cite(fn),
			target.AtLeast("associations", lang.Name{Zh: "10000个以上农技协", En: "≥10,000 associations"}, "associations", q("10000个以上")).Cite(fn),
			target.AtLeast("workers", lang.Name{Zh: "100000名以上科技工作者", En: "≥100,000 sci-tech workers"}, "sci-tech-workers", q("100000名以上")).Cite(fn),
		},
	}
}

// ParksAndStarSpaces is the future work of 000 §3.1 (2):
// 「在西部贫困地区、革命老区、少数民族地区建设3 000—5 000个星创天地」 and
// 「有条件的贫困县至少建设一个科技产业园区」.
//
// The article does not say what 「有条件的」 (counties "with the
// conditions") requires: eligible says which poor counties have them. With
// a nil eligible every one of the 832 counts, which is the strictest
// reading; the condition is shown in reports either way. The three area
// types of the star-space target are not regions of the set, so they are
// an indicator of their own. 「建立产业扶贫项目“一带一”帮扶机制」 (§3.1 (1))
// does not say who is paired with whom, and is not modelled. The article
// names no programme, start or deadline for this work.
func ParksAndStarSpaces(eligible func(outcome.Region) bool) program.Program {
	src := outcome.Cite(catalog.Seed000, "3.1", "(2)")
	cond := lang.Name{Zh: "有条件的(未界定: 全部计入)", En: "with the conditions (undefined: all counted)"}
	if eligible != nil {
		cond = lang.Name{Zh: "有条件的(由调用方界定)", En: "with the conditions (as the caller defines them)"}
	}
	pop := PoorCounties().Where(cond, eligible)
	return program.Program{
		ID:         "national/parks-and-star-spaces",
		Name:       lang.Name{Zh: "建立科技园区和星创天地", En: "Sci-tech parks and star innovation spaces"},
		Level:      outcome.Nation,
		Issuers:    []lang.Name{cpad, sciTechDepts},
		Source:     src,
		Indicators: pick("western-star-spaces", "county-parks"),
		Targets: []target.Target{
			target.Range("star-spaces", lang.Name{Zh: "西部贫困地区等建设3 000—5 000个星创天地", En: "3000–5000 star spaces in western poor areas"}, "western-star-spaces", q("3 000—5 000个")).Cite(src),
			target.Coverage("county-park", lang.Name{Zh: "有条件的贫困县至少建设一个科技产业园区", En: "a sci-tech park in every poor county with the conditions"}, "county-parks", pop, q("至少一个")).Cite(src),
		},
	}
}

// VillageWealthLeaders is 贫困村创业致富带头人培育: 「正力争在12.8万个贫困村中，每村确定3—5位创业致富带头人培育目标」
// (000 §3.2).
//
// The population is every poor village of the ledger's regions. 12.8万 is
// the count of poor villages at the end of 2012 (the article's
// introduction: 「贫困村从12.8万个减少到2707个」), while 2707 remained at
// the end of 2019; the sentence names the 12.8万 but the target can only be
// met in villages that exist, so it is checked on whichever villages the
// ledger holds. No start or deadline is stated (「目前」 is the time of
// writing, 2020).
func VillageWealthLeaders() program.Program {
	src := outcome.Cite(catalog.Seed000, "3.2", "")
	return program.Program{
		ID:         "national/village-wealth-leaders",
		Name:       lang.Name{Zh: "贫困村创业致富带头人培育", En: "Entrepreneurial wealth leaders for poor villages"},
		Level:      outcome.Nation,
		Issuers:    []lang.Name{cpad},
		Source:     src,
		Indicators: pick("wealth-leaders"),
		Targets: []target.Target{
			target.EachInRange("leaders-per-village", lang.Name{Zh: "每村3—5位创业致富带头人", En: "3–5 wealth leaders per poor village"}, "wealth-leaders", poorVillages, q("3—5位")).Cite(src),
		},
	}
}

// Programs returns every national program, [ParksAndStarSpaces] with all
// poor counties eligible.
func Programs() []program.Program {
	return []program.Program{
		PovertyEradication2020(), SciTechPovertyAction(), BaiQianWan(), SciTechAidProject(),
		ParksAndStarSpaces(nil), VillageWealthLeaders(),
	}
}
