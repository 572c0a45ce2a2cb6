// Package national is the catalogue of national sci-tech poverty-alleviation
// programs stated in the seed documents (000_f8a6b69a178fa4e7.txt and the
// national commitment quoted in 004_32acad38fe6c52df.txt), with the 832 poor
// counties and the outcomes the seeds report.
//
// Programs are functions returning fresh values, each with a stable id:
//
//	PovertyEradication2020   national/poverty-eradication-2020   脱贫攻坚
//	SciTechPovertyAction     national/sci-tech-poverty-action    科技扶贫行动
//	BaiQianWan               national/bai-qian-wan               科技扶贫“百千万”工程
//	SciTechAidProject        national/sci-tech-aid               科技助力精准扶贫工程 (“千、万、十万”)
//	ParksAndStarSpaces       national/parks-and-star-spaces      科技园区与星创天地
//	VillageWealthLeaders     national/village-wealth-leaders     贫困村创业致富带头人
//
// Where a seed is ambiguous, the program's doc comment says what was chosen
// and why, citing the seed inventory's ⚑G marks.
//
// # Data
//
// The catalogue's data is embedded CSV, to be checked in a spreadsheet:
// data/indicators.csv defines the indicators ([Indicators]), which records
// name by code; data/reported.csv holds the figures the seeds print, each
// value as printed with its section and a note, and is read with the
// library's own ledger reader into [Reported];
// data/national_832_poor_counties.csv is the list of the 832 poor counties
// with their exit years ([PoorCountyList]; data/SOURCE.md gives its source
// and the four wrong codes it keeps as printed). [Regions] is the national region set built
// from the list, [PoorCounties] the population of its counties, and [Exits]
// the records that let targets be evaluated county by county.
package national
