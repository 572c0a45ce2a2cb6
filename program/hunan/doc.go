// Package hunan is the catalogue of Hunan's sci-tech poverty-alleviation
// programs stated in the article 《湖南省科技精准扶贫的实践探索与前瞻思考》
// ("Practical exploration and forward-looking thoughts on sci-tech targeted
// poverty alleviation in Hunan Province"), with Hunan's statistical
// divisions, its 51 poor counties and the outcomes the article reports.
// The article names no author, journal or date; the latest year it
// mentions is 2019. Comments cite it as 004, the national article
// 《科技赋能助推精准脱贫》 (《中国科学院院刊》 2020) as 000.
//
// Sections are cited as the article numbers them: §一(四)二是 is part 一,
// subsection (四), its second point (二是). The bracketed marks [1]–[20]
// are the article's own; its list of references is not part of the text,
// so a mark locates a sentence, not a further source. ¶[2] cites a figure
// whose sentence has no mark, by the next mark in its paragraph. Reports
// show the article by its title; the data keep the file name of the
// catalogue's copy (004_32acad38fe6c52df.txt) as its locator.
//
// Programs are functions returning fresh values with stable ids:
//
//	SevenOnes                 hunan/seven-ones                  科技扶贫“七个一”工程
//	ExpertServiceTeams        hunan/expert-service-teams        科技扶贫专家服务团
//	TalentPrecisionProject    hunan/talent-precision            科技人才精准扶贫工程
//	OneCountyOnePark          hunan/one-county-one-park         “一县一园区”战略
//	PairedAssistance          hunan/paired-assistance           结对帮扶
//	QixiVillageResidency      hunan/qixi-village                驻村帮扶会同县七溪村
//	SparkWestward             hunan/spark-westward              星火西进工程
//	JinggangshanFiveCounties  hunan/jinggangshan-five-counties  井冈山区五县科技扶贫
//	CityCountyPairs           hunan/city-county-pairs           六市–六县科技扶贫“对子”
//	FeaturedIndustryFunding   hunan/featured-industry-funding   科技项目发展特色产业
//
// The last four, and parts of others, state no numeric target: their
// reports show the recorded outcomes ([target.Observe]).
//
// # Readings
//
// Where a clause has two plausible readings, the default is chosen and
// documented, and a field of [Readings] switches to the other:
//
//   - 七个一 clause 2,
//     「为每个贫困村明确一名科技特派员和“三区”科技人才(专家)」:
//     by default one person in each poor village who is a commissioner or
//     a 三区 talent, since 「一名」 counts one person; SpecialistEach asks
//     for one of each.
//   - Clause 6, 「支持每个贫困县建设一个以上农村星创天地和企业孵化器」: by
//     default at least one star space or incubator in each poor county, the
//     two counted together; PlatformEach asks for at least one of each.
//   - Clause 7, 「在全省扶持一百家科技扶贫示范企业、农民专业合作社和家庭农场等」:
//     by default 100 in all, since 「等」 leaves the list of types open;
//     DemoPerType asks for 100 of each named type.
//   - 「实施“一县一园区”战略」: by default a park in every county-level unit,
//     the plain sense of 「一县」; ParksInPoorCounties asks for one in each
//     of the 51 poor counties only. The sentence names neither, nor the
//     kind of park.
//
// # Data
//
// The catalogue's data is embedded CSV, to be checked in a spreadsheet:
// data/indicators.csv defines the indicators ([Indicators]), which records
// name by code; data/reported.csv holds the figures the article prints, each
// value as printed with its section, footnote mark and a note, and is read
// with the library's own ledger reader into [Reported]; data/SOURCE.md
// gives the sources of the region and county files.
//
// # Regions and populations
//
// [Regions] holds the 2020 NBS divisions: the province, 14 prefectures, 137
// county-level units (122 divisions and 15 statistical zones) and 2006
// townships. [PoorCounties] is the population of the 51 poor counties (40
// national, 11 provincial; [PoorCountyList] lists them with their [Tier]
// and exit year), [CountyUnits] the 123 county-level units of 「所有县市区」
// (122 + 洪江区 431271, an inference the article does not print), and
// [PoorVillages] the 3209 poor villages, known by count only. [Exits] are the
// records of the county list's exit years.
package hunan
