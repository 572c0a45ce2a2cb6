// Package outcome records what was observed: the [Ledger] (台账) of
// [Record]s, each an [Indicator] measured in a [Region] over a [period.Period] as a
// [Quantity], with the [Citation] of the report that states it.
//
// # Quantities
//
// A [Quantity] is a decimal value, a [Unit] and a [Qualifier], read the way
// official reports write figures: [ParseQuantity] turns 26.8亿多元 into
// 2680000000 yuan, "more than", and 3 000—5 000个 into a range. Units know
// what they measure ([Unit.Compatible]), so persons (名) and person-times
// (人次) are never added or compared; a caller may declare units of its own
// (亩, 公顷, 吨) with an exact factor to their dimension's base
// ([DeclareUnit], [Quantity.Convert]). Qualifiers (以上, 不少于, 余, 多, 超过,
// 逾, 近, 不到, 以下, 以内, 不超过, 约, 左右, 达, 累计, 共, 据不完全统计) are kept
// and say what the figure means: [Quantity.Bounds] gives the values the
// true figure may take (1000余 is more than 1000, 近1000 less than 1000,
// 500以内 at most 500), and [Certainty] names them: exact, a lower bound,
// an upper bound, or an approximation. Reports write figures scaled as the
// source documents do ([Quantity.In]: 1.34亿元, 118万人次; in English 134
// million yuan), and [ParseQuantity] reads them back.
//
// # Regions and periods
//
// A [RegionSet] holds statistical divisions (province, prefecture, county,
// township, village; GB/T 2260 and NBS codes) and their hierarchy, so a
// village's record counts for its county and province; a region may be
// named by its code or by a name path ([RegionSet.Find]). A [period.Period] is a
// year, a half-year, a quarter, a month, a date range or a cumulative span
// since a date, read as offices write them (2019年3月, 2019Q1,
// 2019年上半年, 2019.01.01-2019.03.31).
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
//
// # Languages
//
// Every label has a Chinese and an English form, a [lang.Name]; the enums
// ([Level], [Unit], [Qualifier], [Certainty], [period.Kind], [Aggregation],
// [DiscrepancyKind]) give theirs with Name, and [lang.Name.In] picks a
// [lang.Lang].
// String is Chinese, as the source documents are: [Level], [Unit],
// [Qualifier], [Certainty], [period.Kind], [Aggregation] and
// [DiscrepancyKind] print their
// Chinese name ([County] 县市区, [LowerBound] 下限, [Person] 名), and values
// print as the reports write them (5000余名, 2019年). English output asks for English:
// x.Name().In(lang.English), [Quantity.In], [period.Period.In]. MarshalText writes an
// enum's English code ("county", "lower bound", "persons"), stable for
// files and JSON, and UnmarshalText and the Parse functions read both the
// code and the Chinese name.
package outcome
