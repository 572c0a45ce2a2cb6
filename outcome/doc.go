// Package outcome records what was observed: the [Ledger] (台账) of
// [Record]s, each an [Indicator] measured in a [Region] over a period as a
// figure, with the [Citation] of the report that states it.
//
// A figure is a [quantity.Quantity]: a decimal value, a unit and the words
// that qualify it, read the way official reports write figures (26.8亿多元,
// 5000余名, 近1000名, 3 000—5 000个), with the bounds those words set on the
// true value. A period is a [period.Period]: a year, a half-year, a
// quarter, a month, a date range or a running total since a day, read as
// offices write them (2019年3月, 2019Q1, 2019年上半年,
// 2019.01.01-2019.03.31). Packages quantity and period hold them; this
// package holds what a ledger of them means.
//
// # Regions
//
// A [RegionSet] holds statistical divisions (province, prefecture, county,
// township, village; GB/T 2260 and NBS codes) and their hierarchy, so a
// village's record counts for its county and province; a region may be
// named by its code or by a name path ([RegionSet.Find]).
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
// million records take about 30 MB, and a query over 128,000 villages is a
// scan of a few milliseconds.
//
// # Files
//
// [Ledger.ReadCSV] and [Ledger.ReadJSONL] load a file all or nothing, and
// report every problem with file, line, column and value ([*ParseError]);
// [WriteCSV] and [WriteJSONL] write records back deterministically.
// [Ledger.ReadRows] loads any table of cells, such as a spreadsheet
// (package xlsx), and [RowRecords] reads records from one without a ledger.
// [Ledger.ReadSheet] reads a wide sheet (a row per village, a column per
// indicator) and [Ledger.ReadRoster] counts a roster (a row per person).
// A record may correct an earlier one (reported, revises, reason): the
// ledger keeps every version, [Ledger.History] lists them and
// [Ledger.AsOf] is the ledger as known on a day.
//
// A CSV ledger file names its columns in its first line, in any order:
// indicator, region, period and value are required; unit, qualifier,
// source, section, mark, note, reported, revises and reason are optional
// (Chinese headers 指标, 区划 or 地区, 时期 or 期间, 数值, 单位, 限定, 来源,
// 章节, 注码, 备注, 填报日期, 更正前数值, 更正原因 also read); any other column is kept with the
// record as an attribute ([Record.Attrs]) unless [ReadOptions].Strict, and
// an attrs column holds attributes as [WriteCSV] writes them
// (填报人=张三; 联系电话=0743). A value is a plain
// number (1220, 26.8) with its unit in the unit column (a scale word
// before the unit scales the value: 50 in 万元 is 500000元), or a figure as
// reports write it (26.8亿多元, 5000余名). A period is 2019, 2019-03,
// 2018-01-01/2019-06-30, 2005-/2019 or ~2017/2019 ([period.Parse]). The file
// is UTF-8, with or without a byte-order mark, with CRLF or LF line ends,
// so a file Excel saves as "CSV UTF-8" reads. Fields are quoted as RFC 4180
// has it and encoding/csv reads it: a bare or extraneous quote is
// [ErrSyntax].
//
// A JSON Lines file holds one record per line, in the shape [Record]
// marshals to; "value" may also be a figure as reports write it
// ("达5746次"), "source" and "note" are optional, unknown keys are refused
// and blank lines skipped:
//
//	{"indicator":"training","region":"430000","period":"2018",
//	 "value":{"value":"5746","unit":"sessions","qualifier":"达"},
//	 "source":{"document":"004_32acad38fe6c52df.txt","section":"二(二)一是","mark":"[13]"}}
//
// # Errors
//
// Every error wraps one of eight sentinels, for [errors.Is]: [ErrSyntax]
// (text that does not read), [ErrEncoding], [ErrMissing], [ErrInvalid] (a
// value outside its domain), [ErrUnknownRegion], [ErrUnknownIndicator],
// [ErrUnitMismatch] and [ErrConflict]. The message says the specific
// reason: "negative value", "unknown unit", "period ends before it starts".
// They are the sentinels of packages quantity and period too
// ([quantity.ErrSyntax] is ErrSyntax), so a figure or period a file could
// not read answers to either.
//
// # Languages
//
// Every label has a Chinese and an English form, a [lang.Name]; the enums
// ([Level], [Aggregation], [DiscrepancyKind], and quantity's and period's)
// give theirs with Name, and [lang.Name.In] picks a [lang.Lang]. String is
// Chinese, as the source documents are: [County] prints 县市区, and values
// print as the reports write them (5000余名, 2019年). English output asks
// for English: x.Name().In(lang.English), [quantity.Quantity.In],
// [period.Period.In]. MarshalText writes an enum's English code ("county",
// "stock"), stable for files and JSON, and UnmarshalText and the Parse
// functions read both the code and the Chinese name.
package outcome
