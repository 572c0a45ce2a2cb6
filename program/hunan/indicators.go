package hunan

import (
	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// Indicator codes of the Hunan catalogue. Figures whose scope is a part of
// Hunan that is not a division (湘西地区, 井冈山区五县, the 17 minority
// counties, 武陵山地区) have indicators of their own and are recorded at the
// province, so they never add into Hunan's totals.
const (
	// 七个一
	FeaturedIndustries      = "featured-industries"        // stock, 个, per county
	VillageSpecialists      = "village-specialists"        // stock, 名, per village: a commissioner or a 三区 talent
	VillageCommissioners    = "village-commissioners"      // stock, 名, per village
	VillageThreeRegions     = "village-three-regions"      // stock, 名, per village
	LocalTechnicians        = "local-technicians"          // flow, 名: local technical backbones trained
	PatentedTechnologies    = "patented-technologies"      // stock, 项: practical patented technologies promoted
	InfoNetworks            = "info-networks"              // stock, 个, per county
	StarSpacesAndIncubators = "star-spaces-and-incubators" // stock, 个, per county
	CountyStarSpaces        = "county-star-spaces"         // stock, 个, per county
	CountyIncubators        = "county-incubators"          // stock, 个, per county
	DemoEntities            = "demo-entities"              // stock, 家: demonstration enterprises, co-operatives, family farms
	DemoEnterprises         = "demo-enterprises"           // stock, 家
	DemoCooperatives        = "demo-cooperatives"          // stock, 家
	DemoFamilyFarms         = "demo-family-farms"          // stock, 家

	// Expert service teams and talent
	ExpertTeams                  = "expert-teams"                    // stock, 个, per county unit
	PoorCountiesWithTeams        = "poor-counties-with-teams"        // stock, 个
	CountyUnitsWithTeams         = "county-units-with-teams"         // stock, 个
	NewNonPoorTeams              = "new-non-poor-teams"              // flow, 个
	ExpertTeamsTotal             = "expert-teams-total"              // stock, 个
	PoorVillagesWithCommissioner = "poor-villages-with-commissioner" // stock, 个
	CommissionersOrganised       = "commissioners-organised"         // flow, 名: organised within a period
	CommissionersInPost          = "commissioners-in-post"           // stock, 名: in post in a year
	ThreeRegionsTalents          = "three-regions-talents"           // flow, 名: organised within a period
	ThreeRegionsSelected         = "three-regions-selected"          // flow, 名: selected by the province, another measure
	ProvincialCommissioners      = "provincial-commissioners"        // flow, 名: selected by the province
	CommissionersSelected        = "commissioners-selected"          // stock, 名: cumulative since 2005
	PoorCountyCount              = "poor-county-count"               // stock, 个
	PoorVillageCount             = "poor-village-count"              // stock, 个
	CountyExits                  = "county-exits"                    // flow, 个

	// Parks
	AgriParks           = "agri-parks"            // stock, 个, per county
	NationalAgriParks   = "national-agri-parks"   // stock, 个
	ProvincialAgriParks = "provincial-agri-parks" // stock, 个
	StarSpaces          = "star-spaces"           // stock, 家
	StarSpacesFiled     = "star-spaces-filed"     // stock, 家

	// Training and services
	FarmersTrained        = "farmers-trained"         // flow, 人次
	FarmersTrainedTotal   = "farmers-trained-total"   // stock, 人次: undated total of [4]
	TalentTrainingCourses = "talent-training-courses" // flow, 场
	TalentTrainees        = "talent-trainees"         // flow, 人次
	TrainingSessions      = "training-sessions"       // flow, 场
	NewTechnologies       = "new-technologies"        // flow, 项
	NewTechnologiesTotal  = "new-technologies-total"  // stock, 项
	BusinessEntitiesTotal = "business-entities-total" // stock, 个
	CommissionerProjects  = "commissioner-projects"   // flow, 项
	EnterprisesLed        = "enterprises-led"         // flow, 个
	IncomeIncrease        = "income-increase"         // flow, 元
	ServiceBases          = "service-bases"           // stock, 个
	EnterprisesServed     = "enterprises-served"      // flow, 家
	CoopsServed           = "coops-served"            // flow, 家
	HouseholdsRaised      = "households-raised"       // flow, 户
	ProvincialTraining    = "provincial-training"     // flow, 人次
	LocalTraining         = "local-training"          // flow, 人次
	TrainingMaterials     = "training-materials"      // flow, 册

	// Xiangxi (湘西地区, 4 prefectures the seed does not name)
	XiangxiPrefectures         = "xiangxi-prefectures"           // stock, 个
	XiangxiCommissioners       = "xiangxi-commissioners"         // flow, 名
	XiangxiProjects            = "xiangxi-projects"              // flow, 个
	XiangxiNewProducts         = "xiangxi-new-products"          // flow, 个
	XiangxiNewVarieties        = "xiangxi-new-varieties"         // flow, 个
	XiangxiTrainingSessions    = "xiangxi-training-sessions"     // flow, 场
	XiangxiPlanFunds           = "xiangxi-plan-funds"            // flow, 元
	XiangxiNationalHitechZones = "xiangxi-national-hitech-zones" // stock, 个
	XiangxiNationalAgriParks   = "xiangxi-national-agri-parks"   // stock, 个
	XiangxiProvHitechZones     = "xiangxi-provincial-hitech-zones"
	XiangxiProvAgriParks       = "xiangxi-provincial-agri-parks"
	XiangxiStarSpaces          = "xiangxi-star-spaces"
	XiangxiNationalStarSpaces  = "xiangxi-national-star-spaces"
	XiangxiPonkanShare         = "xiangxi-ponkan-share"        // stock, %
	XiangxiQualityFruitShare   = "xiangxi-quality-fruit-share" // stock, %
	WulingTeaFarmers           = "wuling-tea-farmers"          // stock, 人: 武陵山地区, a cross-provincial area

	// Funding
	SciTechPovertyFunds    = "sci-tech-poverty-funds"  // stock, 元: cumulative
	NationalProjectFunds   = "national-project-funds"  // stock, 元: cumulative
	CommissionerInnovation = "commissioner-innovation" // flow, 元
	FeaturedIndustryFunds  = "featured-industry-funds" // flow, 元
	HerbalChainFunds       = "herbal-chain-funds"      // flow, 元
	TeaChainFunds          = "tea-chain-funds"         // flow, 元
	HerbalPeopleLifted     = "herbal-people-lifted"    // flow, 人
	PigFarmHouseholdsLed   = "pig-farm-households-led" // stock, 户
	PigFarmHouseholdsReach = "pig-farm-households-reached"
	PigsMarketed           = "pigs-marketed"       // flow, 头 a year
	TeaIncomeIncrease      = "tea-income-increase" // flow, 元

	// History: 星火西进, 井冈山区五县, 六市–六县
	SparkCounties        = "spark-counties"       // stock, 个
	SparkTechnologies    = "spark-technologies"   // flow, 项
	SparkDemoProjects    = "spark-demo-projects"  // flow, 个
	SparkFunds           = "spark-funds"          // flow, 元
	SparkOutput          = "spark-new-output"     // flow, 元
	SparkProfitTax       = "spark-new-profit-tax" // flow, 元
	SparkPeopleFed       = "spark-people-fed"     // flow, 人
	SparkDirections      = "spark-key-directions" // stock, 个
	FiveCountyProjects   = "five-county-projects" // flow, 个
	FiveCountyInvestment = "five-county-investment"
	FiveCountyOutput     = "five-county-output"
	FiveCountyProfitTax  = "five-county-profit-tax"
	FiveCountyPillars    = "five-county-pillar-industries" // stock, 个
	PairedCounties       = "paired-counties"               // stock, 个
	PairingCities        = "pairing-cities"                // stock, 个

	// Pairing, the resident village, recognition
	HouseholdsAssisted  = "households-assisted" // stock, 户: cumulative over 近两年
	QixiExited          = "qixi-exited"         // stock, 个: 七溪村 off the poor list
	QixiScore           = "qixi-score"          // stock, 分
	QixiFunds           = "qixi-funds"          // flow, 元
	MinistryPromotions  = "ministry-promotions" // flow, 次
	XuexiPromotions     = "xuexi-promotions"    // flow, 次
	HonouredIndividuals = "honoured-individuals"
	HonouredUnits       = "honoured-units"
)

type indicatorSpec struct {
	code, zh, en string
	unit         outcome.Unit
	agg          outcome.Aggregation
}

const (
	stock = outcome.Stock
	flow  = outcome.Flow
)

var indicatorSpecs = []indicatorSpec{
	{FeaturedIndustries, "特色产业", "featured industries", outcome.Piece, stock},
	{VillageSpecialists, "科技特派员或“三区”科技人才", "commissioners or three-regions talents", outcome.Person, stock},
	{VillageCommissioners, "科技特派员", "sci-tech commissioners", outcome.Person, stock},
	{VillageThreeRegions, "“三区”科技人才", "three-regions talents", outcome.Person, stock},
	{LocalTechnicians, "乡土技术骨干", "local technical backbones trained", outcome.Person, flow},
	{PatentedTechnologies, "实用专利技术", "practical patented technologies promoted", outcome.Item, stock},
	{InfoNetworks, "农村农业信息化服务网络", "rural informatisation service networks", outcome.Piece, stock},
	{StarSpacesAndIncubators, "农村星创天地和企业孵化器", "rural star spaces and incubators", outcome.Piece, stock},
	{CountyStarSpaces, "农村星创天地", "rural star spaces", outcome.Piece, stock},
	{CountyIncubators, "企业孵化器", "enterprise incubators", outcome.Piece, stock},
	{DemoEntities, "科技扶贫示范企业、农民专业合作社和家庭农场", "demonstration enterprises, co-operatives and family farms", outcome.Establishment, stock},
	{DemoEnterprises, "科技扶贫示范企业", "demonstration enterprises", outcome.Establishment, stock},
	{DemoCooperatives, "示范农民专业合作社", "demonstration co-operatives", outcome.Establishment, stock},
	{DemoFamilyFarms, "示范家庭农场", "demonstration family farms", outcome.Establishment, stock},

	{ExpertTeams, "科技专家服务团", "expert service teams", outcome.Piece, stock},
	{PoorCountiesWithTeams, "有科技专家服务团的贫困县", "poor counties with an expert team", outcome.Piece, stock},
	{CountyUnitsWithTeams, "有科技专家服务团的县市区", "county-level units with an expert team", outcome.Piece, stock},
	{NewNonPoorTeams, "新组建非贫困县科技专家服务团", "new expert teams for non-poor counties", outcome.Piece, flow},
	{ExpertTeamsTotal, "科技专家服务团总数", "expert service teams in all", outcome.Piece, stock},
	{PoorVillagesWithCommissioner, "有科技特派员的贫困村", "poor villages with a commissioner", outcome.Piece, stock},
	{CommissionersOrganised, "组织科技特派员", "commissioners organised", outcome.Person, flow},
	{CommissionersInPost, "每年在岗科技特派员", "commissioners in post a year", outcome.Person, stock},
	{ThreeRegionsTalents, "组织“三区”科技人才", "three-regions talents organised", outcome.Person, flow},
	{ThreeRegionsSelected, "省级选派“三区”科技人才", "three-regions talents selected by the province", outcome.Person, flow},
	{ProvincialCommissioners, "选派省级科技特派员", "provincial-level commissioners selected", outcome.Person, flow},
	{CommissionersSelected, "累计选派科技特派员", "commissioners selected in all", outcome.Person, stock},
	{PoorCountyCount, "贫困县", "poor counties", outcome.Piece, stock},
	{PoorVillageCount, "贫困村", "poor villages", outcome.Piece, stock},
	{CountyExits, "贫困县摘帽", "poor counties exiting", outcome.Piece, flow},

	{AgriParks, "县域农业科技园区", "agricultural sci-tech parks in a county", outcome.Piece, stock},
	{NationalAgriParks, "国家级农业科技园区", "national agricultural sci-tech parks", outcome.Piece, stock},
	{ProvincialAgriParks, "省级农业科技园区", "provincial agricultural sci-tech parks", outcome.Piece, stock},
	{StarSpaces, "星创天地", "star innovation spaces", outcome.Establishment, stock},
	{StarSpacesFiled, "获国家备案的星创天地", "star spaces filed nationally", outcome.Establishment, stock},

	{FarmersTrained, "培训农民", "farmers trained", outcome.PersonTime, flow},
	{FarmersTrainedTotal, "培训农民(未注明时间)", "farmers trained (undated total)", outcome.PersonTime, stock},
	{TalentTrainingCourses, "科技人才培训班", "sci-tech talent training courses", outcome.Session, flow},
	{TalentTrainees, "科技人才培训学员", "sci-tech talent trainees", outcome.PersonTime, flow},
	{TrainingSessions, "技术培训", "technical training sessions", outcome.Session, flow},
	{NewTechnologies, "推广新技术", "new technologies promoted", outcome.Item, flow},
	{NewTechnologiesTotal, "推广新技术新品种(未注明时间)", "new technologies and varieties promoted (undated total)", outcome.Item, stock},
	{BusinessEntitiesTotal, "领办创办协办新型农业经营主体", "new-type agricultural business entities created or led", outcome.Piece, stock},
	{CommissionerProjects, "实施科技开发项目", "sci-tech development projects", outcome.Item, flow},
	{EnterprisesLed, "领办创办协办农业企业", "agricultural enterprises created or led", outcome.Piece, flow},
	{IncomeIncrease, "帮扶对象增收", "income increase of those assisted", outcome.Yuan, flow},
	{ServiceBases, "科技服务基地", "sci-tech service bases", outcome.Piece, stock},
	{EnterprisesServed, "服务企业", "enterprises served", outcome.Establishment, flow},
	{CoopsServed, "服务专业合作社", "co-operatives served", outcome.Establishment, flow},
	{HouseholdsRaised, "增产增收农户", "households with raised output and income", outcome.Household, flow},
	{ProvincialTraining, "省科委专业技术和管理培训", "training by the provincial S&T commission", outcome.PersonTime, flow},
	{LocalTraining, "县乡村三级技术培训", "county, township and village technical training", outcome.PersonTime, flow},
	{TrainingMaterials, "印发培训资料", "training materials issued", outcome.Volume, flow},

	{XiangxiPrefectures, "湘西地区市州", "prefectures of the Xiangxi region", outcome.Piece, stock},
	{XiangxiCommissioners, "湘西地区选派科技特派员", "commissioners sent to Xiangxi", outcome.Person, flow},
	{XiangxiProjects, "湘西地区科技开发项目", "sci-tech development projects in Xiangxi", outcome.Piece, flow},
	{XiangxiNewProducts, "湘西地区推广新技术新产品", "new technologies and products in Xiangxi", outcome.Piece, flow},
	{XiangxiNewVarieties, "湘西地区引进新品种", "new varieties introduced in Xiangxi", outcome.Piece, flow},
	{XiangxiTrainingSessions, "湘西地区农业科技培训", "agricultural training sessions in Xiangxi", outcome.Session, flow},
	{XiangxiPlanFunds, "湘西地区省科技计划项目支持", "provincial S&T plan support for Xiangxi", outcome.Yuan, flow},
	{XiangxiNationalHitechZones, "湘西地区国家级高新区", "national high-tech zones in Xiangxi", outcome.Piece, stock},
	{XiangxiNationalAgriParks, "湘西地区国家级农业科技园区", "national agri-parks in Xiangxi", outcome.Piece, stock},
	{XiangxiProvHitechZones, "湘西地区省级高新区", "provincial high-tech zones in Xiangxi", outcome.Piece, stock},
	{XiangxiProvAgriParks, "湘西地区省级农业科技园区", "provincial agri-parks in Xiangxi", outcome.Piece, stock},
	{XiangxiStarSpaces, "湘西地区星创天地", "star spaces in Xiangxi", outcome.Piece, stock},
	{XiangxiNationalStarSpaces, "湘西地区国家级星创天地", "national-level star spaces in Xiangxi", outcome.Piece, stock},
	{XiangxiPonkanShare, "湘西地区椪柑占柑橘总产量", "ponkan share of Xiangxi citrus output", outcome.Percent, stock},
	{XiangxiQualityFruitShare, "湘西地区椪柑优质果率", "share of top-quality ponkan in Xiangxi", outcome.Percent, stock},
	{WulingTeaFarmers, "武陵山地区大幅增收茶农", "tea farmers with sharply higher income in the Wuling Mountains", outcome.Person, stock},

	{SciTechPovertyFunds, "累计安排科技扶贫资金", "sci-tech poverty funds arranged in all", outcome.Yuan, stock},
	{NationalProjectFunds, "争取国家科技项目资金", "national project funds secured", outcome.Yuan, stock},
	{CommissionerInnovation, "科技特派员创新创业资金", "commissioner innovation funds", outcome.Yuan, flow},
	{FeaturedIndustryFunds, "脱贫摘帽县特色产业培育项目资金", "featured-industry funds for counties out of poverty", outcome.Yuan, flow},
	{HerbalChainFunds, "中药材全产业链专项资金", "herbal medicine industry-chain funds", outcome.Yuan, flow},
	{TeaChainFunds, "茶叶全产业链专项资金", "tea industry-chain funds", outcome.Yuan, flow},
	{HerbalPeopleLifted, "中药材项目带动脱贫", "people lifted by the herbal project", outcome.Person, flow},
	{PigFarmHouseholdsLed, "种猪场带动科技养殖农户", "households led into sci-tech farming", outcome.Household, stock},
	{PigFarmHouseholdsReach, "种猪场辐射带动农户", "households reached", outcome.Household, stock},
	{PigsMarketed, "年出栏商品猪", "pigs marketed a year", outcome.Head, flow},
	{TeaIncomeIncrease, "茶农总收入增加", "increase in tea farmers' income", outcome.Yuan, flow},

	{SparkCounties, "星火西进少数民族县", "minority counties of Spark Westward", outcome.Piece, stock},
	{SparkTechnologies, "引进实用生产技术", "practical technologies introduced", outcome.Item, flow},
	{SparkDemoProjects, "示范项目", "demonstration projects", outcome.Piece, flow},
	{SparkFunds, "投入科技扶贫资金", "sci-tech poverty funds invested", outcome.Yuan, flow},
	{SparkOutput, "新增产值", "new output value", outcome.Yuan, flow},
	{SparkProfitTax, "新增利税", "new profits and taxes", outcome.Yuan, flow},
	{SparkPeopleFed, "解决温饱贫困人口", "poor people with food and clothing secured", outcome.Person, flow},
	{SparkDirections, "科技扶贫重点方向", "key directions", outcome.Piece, stock},
	{FiveCountyProjects, "五县科技扶贫开发项目", "five-county development projects", outcome.Piece, flow},
	{FiveCountyInvestment, "五县扶贫开发总投入", "five-county total investment", outcome.Yuan, flow},
	{FiveCountyOutput, "五县实现产值", "five-county output value", outcome.Yuan, flow},
	{FiveCountyProfitTax, "五县利税", "five-county profits and taxes", outcome.Yuan, flow},
	{FiveCountyPillars, "五县支柱产业", "five-county pillar industries", outcome.Piece, stock},
	{PairedCounties, "结对子的县", "paired counties", outcome.Piece, stock},
	{PairingCities, "对口市", "pairing cities", outcome.Piece, stock},

	{HouseholdsAssisted, "结对帮扶贫困户", "poor households assisted", outcome.Household, stock},
	{QixiExited, "七溪村脱贫出列", "Qixi Village off the poor list", outcome.Piece, stock},
	{QixiScore, "七溪村年度考核得分", "Qixi Village annual assessment score", outcome.Point, stock},
	{QixiFunds, "七溪村新安排科技项目资金", "new project funds for Qixi Village", outcome.Yuan, flow},
	{MinistryPromotions, "《科技工作情况》推介湖南经验", "promotions in the ministry's bulletin", outcome.Session, flow},
	{XuexiPromotions, "“学习强国”推介", "promotions on Xuexi Qiangguo", outcome.Session, flow},
	{HonouredIndividuals, "受表彰个人", "individuals honoured", outcome.Person, flow},
	{HonouredUnits, "受表彰单位", "units honoured", outcome.Piece, flow},
}

// Indicators returns every indicator of the Hunan catalogue.
func Indicators() []outcome.Indicator {
	out := make([]outcome.Indicator, len(indicatorSpecs))
	for i, s := range indicatorSpecs {
		out[i] = outcome.Indicator{Code: s.code, Name: outcome.Name{Zh: s.zh, En: s.en}, Unit: s.unit, Aggregation: s.agg}
	}
	return out
}

func pick(codes ...string) []outcome.Indicator { return catalog.Pick(Indicators(), codes...) }
