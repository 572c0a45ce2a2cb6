// Package hunan is the catalogue of Hunan's sci-tech poverty-alleviation
// programs stated in 004_32acad38fe6c52df.txt (《湖南省科技精准扶贫的实践探索
// 与前瞻思考》), with Hunan's statistical divisions, its 51 poor counties and
// the outcomes the document reports.
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
// documented, and [Readings] switches to the other: 七个一 clause 2 as one
// person or one of each (⚑G9), clause 6 combined or each (⚑G10), clause 7
// pooled or per type (⚑G11), 一县一园区 over every county or the poor ones
// (⚑G43).
//
// # Data
//
// The catalogue's data is embedded CSV, to be checked in a spreadsheet:
// data/indicators.csv defines the indicators ([Indicators]), which records
// name by code; data/reported.csv holds the figures the seed prints, each
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
// (122 + 洪江区 431271, an inference the seed does not print), and
// [PoorVillages] the 3209 poor villages, known by count only. [Exits] are the
// records of the county list's exit years.
package hunan
