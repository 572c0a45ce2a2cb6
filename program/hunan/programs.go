package hunan

import (
	"time"

	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// cite cites a section and mark of the Hunan article, 004.
func cite(section, mark string) outcome.Citation { return outcome.Cite(catalog.Seed004, section, mark) }

func q(s string) quantity.Quantity { return quantity.MustParse(s) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	kjt        = lang.Name{Zh: "湖南省科技厅", En: "Hunan Provincial Department of Science and Technology"}
	kwei       = lang.Name{Zh: "湖南省科委", En: "Hunan Provincial Science and Technology Commission"}
	name       = func(zh, en string) lang.Name { return lang.Name{Zh: zh, En: en} }
	hunanLevel = outcome.Province
)

// shown is a recorded figure a program's report shows without a requirement.
type shown struct{ id, zh, en, indicator string }

// observing returns the indicators and the observe-only targets of figures
// stated at src.
func observing(src outcome.Citation, figures ...shown) ([]outcome.Indicator, []target.Target) {
	var codes []string
	var targets []target.Target
	for _, f := range figures {
		codes = append(codes, f.indicator)
		targets = append(targets, target.Observe(f.id, name(f.zh, f.en), f.indicator).Cite(src))
	}
	return pick(codes...), targets
}

// observed returns a program that states no numeric target: its report
// shows the figures recorded for it, all stated at src.
func observed(id string, n lang.Name, issuers []lang.Name, src outcome.Citation, figures ...shown) program.Program {
	inds, targets := observing(src, figures...)
	return program.Program{ID: id, Name: n, Level: hunanLevel, Issuers: issuers, Source: src, Indicators: inds, Targets: targets}
}

// Readings chooses between the plausible readings of ambiguous clauses. The
// zero value is the default reading of each; every other reading is one
// field away.
type Readings struct {
	// SpecialistEach reads 七个一 clause 2,
	// 「为每个贫困村明确一名科技特派员和“三区”科技人才(专家)」,
	// as one commissioner and one 三区 talent in each poor village. The
	// default is one person who is either: 「一名」 counts one person, and
	// the 2019 outcome reports commissioner coverage alone
	// (「科技特派员对所有贫困村的全覆盖」).
	SpecialistEach bool
	// PlatformEach reads clause 6, 「一个以上农村星创天地和企业孵化器」, as at
	// least one of each. The default counts the two together: 「一个以上」
	// stands once, before both names, as one count of the pair.
	PlatformEach bool
	// DemoPerType reads clause 7,
	// 「一百家科技扶贫示范企业、农民专业合作社和家庭农场等」,
	// as 100 of each named type. The default is 100 in total, the types
	// pooled, since 「等」 leaves the list open and a count per type of an
	// open list has no end.
	DemoPerType bool
	// ParksInPoorCounties reads 「一县一园区」 over the 51 poor counties. The
	// default is every county-level unit, the plain sense of 「一县」: the
	// sentence, 「实施“一县一园区”战略」, names neither the poor counties
	// nor the kind of park.
	ParksInPoorCounties bool
}

// SevenOnes is 科技扶贫“七个一”工程 (004 §一(四)二是 [6]) in its default
// readings; see [Readings.SevenOnes].
func SevenOnes() program.Program { return Readings{}.SevenOnes() }

// SevenOnes is 科技扶贫“七个一”工程 (004 §一(四)二是, marker [6] after the
// seventh clause), read as r says:
//
//  1. 「为每个贫困县培育一个以上特色产业」: every poor county ≥1 featured industry;
//  2. 「为每个贫困村明确一名科技特派员和“三区”科技人才(专家)」 (one
//     person or one of each: [Readings.SpecialistEach]);
//  3. 「为贫困地区培训一万名乡土技术骨干」: 10,000 persons, not person-times;
//  4. 「组织实施一百项以上实用专利技术在贫困地区推广」;
//  5. 「支持每个贫困县建立一个农村农业信息化服务网络」;
//  6. 「支持每个贫困县建设一个以上农村星创天地和企业孵化器」 (the two
//     together or each: [Readings.PlatformEach]);
//  7. 「在全省扶持一百家科技扶贫示范企业、农民专业合作社和家庭农场等」 (in
//     all or per type: [Readings.DemoPerType]).
//
// The poor counties are the 51 of [7] and the poor villages the 3209 of [7]
// (an inference: the clauses do not restate them). No village list is
// embedded, so coverage of the villages is read from an aggregate figure; a
// caller with the list gives it with [program.Program.ListUnits], and a
// county office narrows the program to itself with [program.Program.In]:
//
//	hunan.SevenOnes().ListUnits(hunan.PoorVillages(), villages...).In("433122")
//
// The article states no start or deadline. Figures it reports near these
// targets but in another unit or measure (培训农民 in 人次, 新技术 that are not patents) are named
// with [target.Target.SeeAlso], so reports show why they do not count.
func (r Readings) SevenOnes() program.Program {
	src := cite("一(四)二是", "[6]")
	villages := PoorVillages()
	specialist := target.Coverage("specialist-per-poor-village", name("每个贫困村一名科技特派员或“三区”科技人才", "a commissioner or three-regions talent for every poor village"),
		"village-specialists", villages, q("一名")).CoveredBy("poor-villages-with-commissioner")
	if r.SpecialistEach {
		specialist = target.AllOf("specialist-per-poor-village", name("每个贫困村一名科技特派员和一名“三区”科技人才", "a commissioner and a three-regions talent for every poor village"),
			target.Coverage("commissioner-per-poor-village", name("每个贫困村一名科技特派员", "a commissioner for every poor village"),
				"village-commissioners", villages, q("一名")).CoveredBy("poor-villages-with-commissioner"),
			target.Coverage("three-regions-per-poor-village", name("每个贫困村一名“三区”科技人才", "a three-regions talent for every poor village"),
				"village-three-regions", villages, q("一名")),
		)
	}
	platform := target.Coverage("star-space-per-poor-county", name("每个贫困县一个以上农村星创天地和企业孵化器", "at least one star space or incubator in every poor county"),
		"star-spaces-and-incubators", PoorCounties(), q("一个以上"))
	if r.PlatformEach {
		platform = target.AllOf("star-space-per-poor-county", name("每个贫困县星创天地和企业孵化器各一个以上", "at least one star space and one incubator in every poor county"),
			target.Coverage("star-spaces", name("每个贫困县一个以上农村星创天地", "a rural star space in every poor county"), "county-star-spaces", PoorCounties(), q("一个以上")),
			target.Coverage("incubators", name("每个贫困县一个以上企业孵化器", "an incubator in every poor county"), "county-incubators", PoorCounties(), q("一个以上")),
		)
	}
	demo := target.AtLeast("demo-entities", name("一百家科技扶贫示范企业、合作社和家庭农场", "100 demonstration enterprises, co-operatives and family farms"),
		"demo-entities", q("一百家"))
	if r.DemoPerType {
		demo = target.AllOf("demo-entities", name("示范企业、合作社、家庭农场各一百家", "100 of each demonstration type"),
			target.AtLeast("demo-enterprises", name("一百家示范企业", "100 demonstration enterprises"), "demo-enterprises", q("一百家")),
			target.AtLeast("demo-cooperatives", name("一百家示范合作社", "100 demonstration co-operatives"), "demo-cooperatives", q("一百家")),
			target.AtLeast("demo-family-farms", name("一百家示范家庭农场", "100 demonstration family farms"), "demo-family-farms", q("一百家")),
		)
	}
	targets := []target.Target{
		target.Coverage("industry-per-poor-county", name("每个贫困县一个以上特色产业", "at least one featured industry in every poor county"),
			"featured-industries", PoorCounties(), q("一个以上")),
		specialist,
		target.AtLeast("local-technicians", name("培训一万名乡土技术骨干", "10,000 local technical backbones trained"),
			"local-technicians", q("一万名")).SeeAlso("farmers-trained", "farmers-trained-total", "talent-trainees"),
		target.AtLeast("patented-technologies", name("推广一百项以上实用专利技术", "at least 100 practical patented technologies promoted"),
			"patented-technologies", q("一百项以上")).SeeAlso("new-technologies", "new-technologies-total"),
		target.Coverage("info-network-per-poor-county", name("每个贫困县一个农村农业信息化服务网络", "an informatisation service network in every poor county"),
			"info-networks", PoorCounties(), q("一个")),
		platform.SeeAlso("star-spaces"),
		demo.SeeAlso("business-entities-total"),
	}
	for i := range targets {
		targets[i] = targets[i].Cite(src)
	}
	return program.Program{
		ID:      "hunan/seven-ones",
		Name:    name("科技扶贫“七个一”工程", "“Seven Ones” Sci-Tech Poverty Alleviation Project"),
		Level:   hunanLevel,
		Issuers: []lang.Name{kjt},
		Source:  src,
		Indicators: pick("featured-industries", "village-specialists", "village-commissioners", "village-three-regions", "poor-villages-with-commissioner",
			"local-technicians", "farmers-trained", "farmers-trained-total", "talent-trainees", "patented-technologies", "new-technologies", "new-technologies-total",
			"info-networks", "star-spaces-and-incubators", "county-star-spaces", "county-incubators", "star-spaces",
			"demo-entities", "demo-enterprises", "demo-cooperatives", "demo-family-farms", "business-entities-total"),
		Targets: targets,
	}
}

// ExpertServiceTeams is 科技扶贫专家服务团 (004 §一(四)三是, §二(二)二是):
// started in 2018 with 省委组织部, 财政厅 and 扶贫办;
// 「实现全省51个贫困县全覆盖」 in 2018; in 2019
// 「新组建72个非贫困县科技专家服务团…实现科技专家服务团对所有县市区的全覆盖、科技特派员对所有贫困村的全覆盖」
// [11].
//
// The article reports coverage, not lists, so each coverage reads the
// number of units covered from an aggregate figure
// ([target.Target.CoveredBy]); with per-county team records the shortfall
// is listed county by county. The article never counts 「所有县市区」; they
// are read as the 123 units of [CountyUnits], the 51 poor counties' teams
// and the 72 「新组建…非贫困县科技专家服务团」 of 2019, which §三(二)一是
// confirms as 「全省123个科技专家服务团」. 「所有贫困村」 is not counted for
// 2019 either; it is read as the 3209 poor villages of [7]. With a village
// list, give it with [program.Program.ListUnits]. The article states no
// deadlines: the coverages are reported as achieved, not as due.
func ExpertServiceTeams() program.Program {
	sec := cite("二(二)二是", "[11]")
	return program.Program{
		ID:   "hunan/expert-service-teams",
		Name: name("科技扶贫专家服务团", "Sci-tech expert service teams"),
		Issuers: []lang.Name{kjt, name("湖南省委组织部", "Organisation Department of the Hunan Provincial Committee"),
			name("湖南省财政厅", "Hunan Department of Finance"), name("湖南省扶贫办", "Hunan Poverty Alleviation Office")},
		Level:  hunanLevel,
		Start:  day(2018, 1, 1),
		Source: cite("一(四)三是", "[7]"),
		Indicators: pick("expert-teams", "poor-counties-with-teams", "county-units-with-teams", "new-non-poor-teams", "expert-teams-total",
			"village-commissioners", "poor-villages-with-commissioner"),
		Targets: []target.Target{
			target.Coverage("team-per-poor-county", name("全省51个贫困县科技专家服务团全覆盖", "an expert team for each of the 51 poor counties"),
				"expert-teams", PoorCounties(), q("1个")).CoveredBy("poor-counties-with-teams").Cite(cite("二(二)二是", "¶[11]")),
			target.Coverage("team-per-county-unit", name("科技专家服务团对所有县市区全覆盖", "an expert team for every county-level unit"),
				"expert-teams", CountyUnits(), q("1个")).CoveredBy("county-units-with-teams").Cite(sec),
			target.Coverage("commissioner-per-poor-village", name("科技特派员对所有贫困村全覆盖", "a commissioner for every poor village"),
				"village-commissioners", PoorVillages(), q("1名")).CoveredBy("poor-villages-with-commissioner").Cite(sec),
		},
	}
}

// TalentPrecisionProject is 科技人才精准扶贫工程 (004 §一(四)一是 [4]):
// 「每年组织5000余名科技特派员、近1000名“三区”科技人才」.
//
// The article states these yearly figures as practice, 「每年组织…」 (each
// year it organises …), not as targets; they are modelled as yearly
// targets ([target.EachYear]) so that
// every year's figure can be checked against them. 5000余 asks for more than
// 5000 a year. 近1000 is taken at 1000: a document describing practice says
// "nearly" of what was done, and a target needs a figure to be checked
// against, so a year with 1000 meets it and a year with 990 does not. The
// article states no start, so each is judged on the year of the evaluation
// only; give the targets a start ([target.Target.From]) to judge every year
// since.
//
// The article's own 「每年」 figures carry no year and so count for none: the
// results note them. The 770 三区 talents and 403 provincial-level
// commissioners the province selected in 2019 (§二(二)一是 [11]) are another
// measure than those organised each year: they are named with
// [target.Target.SeeAlso], so the results show them without counting them.
// 「每年在岗的科技特派员近5000人」 (§二(二)一是 [11]), fewer than the
// 「5000余名」 organised each year, is another indicator (in post, not
// organised) and is shown, never merged. The
// outcomes of [4] and [5] are shown as recorded figures.
func TalentPrecisionProject() program.Program {
	src := cite("一(四)一是", "[4]")
	xiangxi := cite("一(四)一是", "[5]")
	return program.Program{
		ID:      "hunan/talent-precision",
		Name:    name("科技人才精准扶贫工程", "Sci-tech talent targeted poverty alleviation"),
		Level:   hunanLevel,
		Issuers: []lang.Name{kjt},
		Source:  src,
		Indicators: pick("commissioners-organised", "provincial-commissioners", "three-regions-talents", "three-regions-selected", "commissioners-in-post",
			"farmers-trained-total", "business-entities-total", "new-technologies-total", "xiangxi-commissioners", "xiangxi-projects", "xiangxi-new-products",
			"xiangxi-new-varieties", "xiangxi-training-sessions"),
		Targets: []target.Target{
			target.EachYear("commissioners-a-year", name("每年组织5000余名科技特派员", "more than 5000 commissioners a year"), "commissioners-organised", q("5000余名")).
				SeeAlso("provincial-commissioners").Cite(src),
			target.EachYear("three-regions-a-year", name("每年组织近1000名“三区”科技人才", "nearly 1000 three-regions talents a year"), "three-regions-talents", q("近1000名")).
				SeeAlso("three-regions-selected").Cite(src),
			target.Observe("commissioners-in-post", name("每年在岗科技特派员", "commissioners in post a year"), "commissioners-in-post").Cite(cite("二(二)一是", "[11]")),
			target.Observe("farmers-trained", name("培训农民", "farmers trained"), "farmers-trained-total").Cite(src),
			target.Observe("business-entities", name("领办创办协办新型农业经营主体", "new-type business entities created or led"), "business-entities-total").Cite(src),
			target.Observe("new-technologies", name("推广新技术新品种", "new technologies and varieties promoted"), "new-technologies-total").Cite(src),
			target.Observe("xiangxi-commissioners", name("湘西地区近三年选派科技特派员", "commissioners sent to Xiangxi, last three years"), "xiangxi-commissioners").Cite(xiangxi),
			target.Observe("xiangxi-projects", name("湘西地区近三年科技开发项目", "development projects in Xiangxi, last three years"), "xiangxi-projects").Cite(xiangxi),
			target.Observe("xiangxi-training", name("湘西地区近三年农业科技培训", "training sessions in Xiangxi, last three years"), "xiangxi-training-sessions").Cite(xiangxi),
		},
	}
}

// OneCountyOnePark is the 「一县一园区」 strategy (004 §二(三)二是 [14]): one
// agricultural sci-tech park per county. The article defines neither the
// kind of park nor which counties 「一县」 covers; see
// [Readings.ParksInPoorCounties]. The 12
// national and 28 provincial parks it reports are province-wide counts, not
// per county, and are noted, not counted.
func OneCountyOnePark() program.Program { return Readings{}.OneCountyOnePark() }

// OneCountyOnePark is 「一县一园区」 read as r says.
func (r Readings) OneCountyOnePark() program.Program {
	src := cite("二(三)二是", "[14]")
	pop := CountyUnits()
	if r.ParksInPoorCounties {
		pop = PoorCounties()
	}
	return program.Program{
		ID:         "hunan/one-county-one-park",
		Name:       name("“一县一园区”战略", "“One county, one park” strategy"),
		Level:      hunanLevel,
		Issuers:    []lang.Name{kjt},
		Source:     src,
		Indicators: pick("agri-parks", "national-agri-parks", "provincial-agri-parks", "star-spaces"),
		Targets: []target.Target{
			target.Coverage("park-per-county", name("一县一园区", "a sci-tech park in every county"), "agri-parks", pop, q("1个")).
				SeeAlso("national-agri-parks", "provincial-agri-parks").Cite(src),
			target.Observe("star-spaces", name("布局建设星创天地", "star spaces laid out"), "star-spaces").Cite(src),
		},
	}
}

// PairedAssistance is 亲帮亲户帮户互助脱贫奔小康 as the department practises
// it (004 §二(四)一是 [16]): each leader liaises with one villager group and
// takes one poor household, each division pairs with two households. The
// article gives neither the number of leaders nor of divisions, so the per-unit
// rules cannot be checked; the program shows the households assisted
// (「近两年共计帮扶71户」).
func PairedAssistance() program.Program {
	src := cite("二(四)一是", "[16]")
	return program.Program{
		ID:         "hunan/paired-assistance",
		Name:       name("亲帮亲户帮户互助脱贫奔小康(结对帮扶)", "Kin-helps-kin pairing assistance"),
		Level:      hunanLevel,
		Issuers:    []lang.Name{name("中共湖南省委", "Hunan Provincial Committee of the CPC"), kjt},
		Source:     src,
		Indicators: pick("households-assisted"),
		Targets: []target.Target{
			target.Observe("households-assisted", name("结对帮扶贫困户", "poor households assisted"), "households-assisted").Cite(src),
		},
	}
}

// qixiCounty is the code of 会同县, where 七溪村 lies; village codes are not
// embedded, so the village's figures are recorded at its county with a note.
const qixiCounty = "431225"

// QixiVillageResidency is the department's resident work team in 会同县七溪村
// (004 §二(四)二是): 「按照湖南省贫困退出标准…七溪村已顺利完成脱贫出列任务」,
// verified by four tiers of poverty offices. The exit is a count of one
// village; the assessment score (「获得全省最高分99分」, out of a maximum
// the article does not state) and the new project funds are shown as
// recorded.
func QixiVillageResidency() program.Program {
	src := cite("二(四)二是", "¶[17]")
	return program.Program{
		ID:         "hunan/qixi-village",
		Name:       name("驻村帮扶会同县七溪村", "Resident assistance in Qixi Village, Huitong County"),
		Level:      hunanLevel,
		Issuers:    []lang.Name{kjt},
		Source:     src,
		Indicators: pick("qixi-exited", "qixi-score", "qixi-funds"),
		Targets: []target.Target{
			target.AtLeast("qixi-exit", name("七溪村脱贫出列", "Qixi Village leaves the poor list"), "qixi-exited", q("1个")).In(qixiCounty).Cite(src),
			target.Observe("qixi-score", name("七溪村年度考核得分", "annual assessment score"), "qixi-score").In(qixiCounty).Cite(src),
			target.Observe("qixi-funds", name("新安排科技项目资金", "new sci-tech project funds"), "qixi-funds").In(qixiCounty).Cite(src),
		},
	}
}

// SparkWestward is the Hunan leg of 星火西进工程 (004 §一(二)一是–三是),
// extended in 1997 to the 17 ethnic-minority counties. It states no numeric
// target; its report shows the recorded outcomes. They follow
// 「1997年,科技扶贫“星火西进工程”延伸到17个少数民族县」 without a date of
// their own, and are read as from 1997 onward, not 1997 alone.
func SparkWestward() program.Program {
	return observed("hunan/spark-westward", name("星火西进工程(湖南)", "Spark Westward Project (Hunan)"),
		[]lang.Name{kwei}, cite("一(二)二是", "[2]"),
		shown{"counties", "延伸到的少数民族县", "minority counties reached", "spark-counties"},
		shown{"technologies", "引进实用生产技术", "practical technologies introduced", "spark-technologies"},
		shown{"demo-projects", "示范项目", "demonstration projects", "spark-demo-projects"},
		shown{"funds", "投入科技扶贫资金", "funds invested", "spark-funds"},
		shown{"output", "新增产值", "new output value", "spark-new-output"},
		shown{"profit-tax", "新增利税", "new profits and taxes", "spark-new-profit-tax"},
		shown{"people-fed", "解决温饱贫困人口", "people with food and clothing secured", "spark-people-fed"},
		shown{"key-directions", "科技扶贫重点方向", "key directions", "spark-key-directions"},
	)
}

// JinggangshanFiveCounties is the sci-tech poverty work in the five
// Jinggangshan-area counties 平江, 茶陵, 炎陵, 汝城 and 桂东 (004 §一(一),
// §一(二)一是–三是). No numeric target; the report shows the five counties'
// totals (「在五县实施科技扶贫开发项目共140多个,扶贫开发总投入30000万元…」),
// for which the article gives no period.
func JinggangshanFiveCounties() program.Program {
	return observed("hunan/jinggangshan-five-counties", name("井冈山区五县科技扶贫", "Jinggangshan-area five-county sci-tech poverty alleviation"),
		[]lang.Name{kwei, name("湖南省人民政府", "Hunan Provincial People's Government")}, cite("一(二)二是", "¶[2]"),
		shown{"projects", "科技扶贫开发项目", "development projects", "five-county-projects"},
		shown{"investment", "扶贫开发总投入", "total investment", "five-county-investment"},
		shown{"output", "实现产值", "output value", "five-county-output"},
		shown{"profit-tax", "利税", "profits and taxes", "five-county-profit-tax"},
		shown{"pillar-industries", "支柱产业", "pillar industries", "five-county-pillar-industries"},
	)
}

// CityCountyPairs is the six-city, six-county sci-tech pairing of 004
// §一(二)四是: 长沙, 湘潭, 株洲, 岳阳, 衡阳 and 邵阳 paired with 龙山, 花垣,
// 「庐溪」 (as printed; no county has that name, and 泸溪 is the likely
// one), 永顺, 保靖 and 古丈. The one-to-one mapping is
// not given; the report shows the counts.
func CityCountyPairs() program.Program {
	return observed("hunan/city-county-pairs", name("六市–六县科技扶贫“对子”", "Six-city, six-county sci-tech pairs"),
		[]lang.Name{kwei}, cite("一(二)四是", "¶[2]"),
		shown{"paired-counties", "结对子的县", "paired counties", "paired-counties"},
		shown{"pairing-cities", "对口市", "pairing cities", "pairing-cities"},
	)
}

// FeaturedIndustryFunding is the funding of sci-tech projects for featured
// industries (004 §一(四)四是, §二(三)一是): money outcomes only, no target.
func FeaturedIndustryFunding() program.Program {
	s44 := cite("一(四)四是", "¶[8]")
	s231 := cite("二(三)一是", "¶[10]")
	inds44, targets44 := observing(s44,
		shown{"poverty-funds", "累计安排科技扶贫资金", "sci-tech poverty funds arranged in all", "sci-tech-poverty-funds"},
		shown{"national-funds", "争取国家科技项目资金", "national project funds secured", "national-project-funds"},
	)
	inds231, targets231 := observing(s231,
		shown{"commissioner-funds", "科技特派员创新创业资金", "commissioner innovation funds", "commissioner-innovation"},
		shown{"featured-industry-funds", "脱贫摘帽县特色产业培育项目资金", "featured-industry funds", "featured-industry-funds"},
		shown{"herbal-funds", "中药材全产业链专项资金", "herbal industry-chain funds", "herbal-chain-funds"},
		shown{"tea-funds", "茶叶全产业链专项资金", "tea industry-chain funds", "tea-chain-funds"},
		shown{"xiangxi-funds", "湘西地区省科技计划项目支持", "provincial plan support for Xiangxi", "xiangxi-plan-funds"},
	)
	return program.Program{
		ID:         "hunan/featured-industry-funding",
		Name:       name("实施科技项目发展特色产业", "Sci-tech projects for featured industries"),
		Level:      hunanLevel,
		Issuers:    []lang.Name{kjt},
		Source:     s44,
		Indicators: append(inds44, inds231...),
		Targets:    append(targets44, targets231...),
	}
}

// Programs returns every Hunan program in its default readings.
func Programs() []program.Program {
	return []program.Program{
		SevenOnes(), ExpertServiceTeams(), TalentPrecisionProject(), OneCountyOnePark(), PairedAssistance(),
		QixiVillageResidency(), SparkWestward(), JinggangshanFiveCounties(), CityCountyPairs(), FeaturedIndustryFunding(),
	}
}
