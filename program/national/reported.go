package national

import (
	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// writtenAsOf is the date 000 was revised (「修改稿收到日期：2020年9月24日」):
// the "as of" of its cumulative figures.
var writtenAsOf = day(2020, 9, 24)

// Reported returns a new ledger over [Regions] with every indicator of the
// catalogue and the outcomes the seeds report (inventory §C.1), each cited:
// the rural poor population, poor counties and villages at the end of 2012
// and 2019, and the recognitions since 2017.
//
// Statuses without a number (「脱贫攻坚任务接近完成」, 「科技助力精准扶贫任务
// 目标指标接近完成」) are not turned into figures. The ledger is the caller's
// own: add the county list's [Exits] or further records to it.
func Reported() *outcome.Ledger { return catalog.Ledger(Regions(), Indicators(), reported()) }

func reported() []outcome.Record {
	intro := outcome.Cite(Seed000, "intro", "")
	sec2 := outcome.Cite(Seed000, "2", "")
	since2017, err := outcome.Since(day(2017, 1, 1), writtenAsOf)
	if err != nil {
		panic(err)
	}
	rec := func(ind string, p outcome.Period, qty string, src outcome.Citation, note string) outcome.Record {
		return outcome.Record{Indicator: ind, Region: NationCode, Period: p, Quantity: q(qty), Source: src, Note: note}
	}
	y2012, y2019 := outcome.Year(2012), outcome.Year(2019)
	return []outcome.Record{
		// 「截至2019年底，我国现行标准下的农村贫困人口从2012年底的9899万人减少到
		// 551万人，贫困县从832个减少到52个，贫困村从12.8万个减少到2707个」
		rec(RuralPoor, y2012, "9899万人", intro, "2012年底"),
		rec(RuralPoor, y2019, "551万人", intro, "截至2019年底"),
		rec(PoorCountyCount, y2012, "832个", intro, "基期未明示, 按2012年底读 (⚑G15)"),
		rec(PoorCountyCount, y2019, "52个", intro, "截至2019年底"),
		rec(PoorVillageCount, y2012, "12.8万个", intro, "基期未明示, 按2012年底读 (⚑G15)"),
		rec(PoorVillageCount, y2019, "2707个", intro, "截至2019年底"),
		// 「2017年以来，先后有30个科技组织…259个集体…760位科技工作者…」
		rec(ExcellentOrgs, since2017, "30个", sec2, "2017年以来"),
		rec(AdvancedTeams, since2017, "259个", sec2, "2017年以来"),
		rec(AdvancedWorkers, since2017, "760位", sec2, "2017年以来"),
	}
}
