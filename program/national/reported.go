package national

import (
	_ "embed"
	"sync"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// data/reported.csv is a ledger file of the figures the national article
// reports, each with
// the value as printed, its section and a note on how it is read.
//
//go:embed data/reported.csv
var reportedCSV []byte

var reported = sync.OnceValues(func() ([]outcome.Record, error) {
	return catalog.Records(Regions(), Indicators(), reportedCSV, "reported.csv")
})

// Reported returns a new ledger over [Regions] with every indicator of the
// catalogue and the outcomes the national article reports, each cited:
// the rural poor population, poor counties and villages at the end of 2012
// and 2019, and the recognitions since 2017. The figures are kept in
// data/reported.csv, a ledger file as [outcome.Ledger.ReadCSV] reads it.
//
// The article does not date its base figures: in 「农村贫困人口从2012年底的9899万人减少到551万人，贫困县从832个减少到52个，贫困村从12.8万个减少到
// 2707个」 only the population has 「2012年底」; 832 poor counties and 12.8万
// poor villages are read as at the end of 2012 too, the base of the figure
// beside them. The recognitions 「2017年以来」 run to the date the article
// was revised (「修改稿收到日期：2020年9月24日」). Statuses without a number
// (「脱贫攻坚任务接近完成」, 「科技助力精准扶贫任务目标指标接近完成」) are not
// turned into figures. The ledger is the caller's own: add the county
// list's [Exits] or further records to it.
func Reported() *outcome.Ledger {
	return catalog.Ledger(Regions(), Indicators(), catalog.Must(reported()))
}
