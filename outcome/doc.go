// Package outcome records what was observed: the [Ledger] (台账) of
// [Record]s, each an [Indicator] measured in a [Region] over a [Period] as a
// [Quantity], with the [Citation] of the report that states it.
//
// # Quantities
//
// A [Quantity] is a decimal value, a [Unit] and a [Qualifier], read the way
// official reports write figures: [ParseQuantity] turns 26.8亿多元 into
// 2680000000 yuan, "more than", and 3 000—5 000个 into a range. Units carry
// a [Dimension], so persons (名) and person-times (人次) are never added or
// compared. Qualifiers (以上, 余, 多, 近, 达, 不到, 约, 累计, 共, 据不完全统计)
// are kept and say what the figure means: [Quantity.Bounds] gives the
// values the true figure may take (1000余 is more than 1000, 近1000 less
// than 1000), and [Certainty] names them: exact, a lower bound, an upper
// bound, or an approximation.
//
// # Regions and periods
//
// A [RegionSet] holds statistical divisions (province, prefecture, county,
// township, village; GB/T 2260 and NBS codes) and their hierarchy, so a
// village's record counts for its county and province. A [Period] is a year,
// a month, a date range or a cumulative span since a date.
//
// # The ledger
//
// [Ledger.Add] validates records and refuses bad ones with a [*RecordError]
// naming the record, the field and the value; nothing is silently fixed or
// overwritten. [Ledger.Total] and [Ledger.Values] aggregate an indicator over
// a region and a window: a [Stock] takes the latest figure as of the
// window's end, a [Flow] adds the figures within the window, and figures
// roll up from villages to counties to provinces. Two rules keep them true
// on real ledgers: no day is counted twice (quarters and their 全年合计, the
// years within a cumulative figure: the coarsest record counts), and a
// stock's newest figure wins at whatever level it was reported (a
// province's 2019 total does not hide its counties' 2020 records).
// [Ledger.Discrepancies] lists what these rules settle silently. Package
// target builds its evaluations on these queries.
//
// Records are stored by indicator in columns of fixed-size numbers: a
// million records take about 35 MB, and a query over 128,000 villages is a
// scan of a few milliseconds.
//
// # Files
//
// [Ledger.ReadCSV] and [Ledger.ReadJSONL] load a file all or nothing, and
// report every problem with file, line, column and value ([*ParseError]);
// [CSVReader] and [JSONLReader] stream records one at a time; [WriteCSV] and
// [WriteJSONL] write them back deterministically. [Ledger.ReadRows] loads
// any table of cells, such as a spreadsheet (package xlsx).
package outcome
