// Package national is the catalogue of national sci-tech poverty-alleviation
// programs, with the 832 poor counties and the outcomes its two source
// documents report:
//
//   - the national article, 《科技赋能助推精准脱贫》 ("Science and Technology
//     Empowering Promotes Targeted Poverty Alleviation") by
//     国务院扶贫开发领导小组办公室开发指导司, 《中国科学院院刊》 (Bulletin of
//     Chinese Academy of Sciences) vol. 35 no. 10, 2020, DOI
//     10.16418/j.issn.1000-3045.20200924002; cited as 000 in comments;
//   - the Hunan article, 《湖南省科技精准扶贫的实践探索与前瞻思考》, for the
//     national commitment its §三(一) quotes; cited as 004. It names no
//     author, journal or date.
//
// Sections are cited as each document numbers them: the national
// article's headings §2, §3.1 and its footnotes ①, ②, ③; the Hunan
// article's §一(四)二是 (part 一, subsection (四), its second point 二是)
// and its bracketed marks [1]–[20], whose list of references the article
// does not include. Reports show each document by title, journal and year;
// the data keep the file names of the catalogue's copies (Seed000,
// Seed004 in the internal catalog package) as locators.
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
// Where a document is ambiguous, the program's doc comment quotes the
// sentence, says what it leaves open, and which reading was chosen and why.
//
// # Data
//
// The catalogue's data is embedded CSV, to be checked in a spreadsheet:
// data/indicators.csv defines the indicators ([Indicators]), which records
// name by code; data/reported.csv holds the figures the documents print, each
// value as printed with its section and a note, and is read with the
// library's own ledger reader into [Reported];
// data/national_832_poor_counties.csv is the list of the 832 poor counties
// with their exit years ([PoorCountyList]; data/SOURCE.md gives its source
// and the four wrong codes it keeps as printed). [Regions] is the national region set built
// from the list, [PoorCounties] the population of its counties, and [Exits]
// the records that let targets be evaluated county by county.
package national
