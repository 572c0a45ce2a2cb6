package hunan

import (
	_ "embed"
	"sync"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// Reported returns a new ledger over [Regions] with every indicator of the
// catalogue and every measurable outcome the article reports, each
// cited with its section and footnote mark and its qualifiers kept (5000余,
// 近1000, 26.8亿多元, 达723个 …). The figures are kept in data/reported.csv, a
// ledger file as [outcome.Ledger.ReadCSV] reads it, with each value as the
// article prints it.
//
// How the article's gaps are kept rather than filled:
//   - Undated figures (近三年, 近两年, 目前, 每年, or no time at all) carry an
//     undated period ([period.Undated], ~2017/2019 in the file) spanning what
//     the article allows, and a note with the words printed. The article
//     has no date; the latest year it reports is 2019, so undated spans
//     end there.
//   - 「每年组织5000余名…近1000名」 are yearly figures of an unstated year: as
//     flows over an undated span they count for no single year, and the
//     yearly targets over them ([TalentPrecisionProject]) note them.
//   - Conflicting figures stay separate records with their own scope and
//     citation: 每年组织5000余名 (more than 5000 organised a year) and
//     每年在岗近5000人 (nearly 5000 in post a year) are two indicators;
//     培训农民118万人次 (undated, [4]) is less than the 128万人次 of 2017
//     alone ([12]), so they are an undated total and a 2017 flow; the 770
//     三区 talents the province
//     selected in 2019 ([11]) are another measure than the 近1000 organised
//     each year ([4]) and have an indicator of their own, like the 403
//     provincial-level commissioners. Nothing is merged or averaged.
//   - Figures for parts of Hunan that are not divisions (湘西地区, 井冈山区五县,
//     the 17 minority counties, 武陵山地区) have indicators of their own and
//     are recorded at the province; 古丈县, 洪江市, 桑植县 and 会同县 (七溪村)
//     figures are recorded at the county.
//   - 2018 expert-team coverage of all county-level units is recorded as 51:
//     only the poor counties had teams before the 72 of 2019. 2019's 123 is
//     51 + 72, read as the count of 「所有县市区」, which the article does not
//     print.
//
// Left out: figures with no number (数十名, 数十次,
// 十大/十个 are kept as they are counts), multiples (3倍至5倍), rankings
// (全国第七), durations (3分钟, 20周年) and counts of text structure (三个
// 方面, 五类).
func Reported() *outcome.Ledger {
	return catalog.Ledger(Regions(), Indicators(), catalog.Must(reported()))
}

// data/reported.csv is a ledger file of the figures the article reports, in
// the order of the article, each with the value as printed, its section,
// footnote mark and a note on how it is read.
//
//go:embed data/reported.csv
var reportedCSV []byte

var reported = sync.OnceValues(func() ([]outcome.Record, error) {
	return catalog.Records(Regions(), Indicators(), reportedCSV, "reported.csv")
})
