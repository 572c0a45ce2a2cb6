package hunan

import (
	"github.com/taizhang/taizhang/internal/catalog"
	"github.com/taizhang/taizhang/outcome"
)

// Reported returns a new ledger over [Regions] with every indicator of the
// catalogue and every measurable outcome 004 reports (inventory §C.2), each
// cited with its section and footnote mark and its qualifiers kept (5000余,
// 近1000, 26.8亿多元, 达723个 …).
//
// How the seed's gaps are kept rather than filled:
//   - Undated figures (近三年, 近两年, 目前, 每年, or no time at all) carry an
//     undated period ([outcome.Undated]) spanning what the seed allows, and a
//     note with the words printed. The seed has no date; the latest year it
//     reports is 2019, so undated spans end there (⚑G6).
//   - 「每年组织5000余名…近1000名」 are yearly figures of an unstated year: as
//     flows over an undated span they count for no single year, and the
//     yearly targets over them ([TalentPrecisionProject]) note them.
//   - Conflicting figures stay separate records with their own scope and
//     citation: 每年组织5000余名 and 每年在岗近5000人 are two indicators (⚑G23);
//     培训农民118万人次 (undated, [4]) and 128万人次 (2017, [12]) are an undated
//     total and a 2017 flow (⚑G24); the 770 三区 talents the province
//     selected in 2019 ([11]) are another measure than the 近1000 organised
//     each year ([4]) and have an indicator of their own, like the 403
//     provincial-level commissioners. Nothing is merged or averaged.
//   - Figures for parts of Hunan that are not divisions (湘西地区, 井冈山区五县,
//     the 17 minority counties, 武陵山地区) have indicators of their own and
//     are recorded at the province; 古丈县, 洪江市, 桑植县 and 会同县 (七溪村)
//     figures are recorded at the county.
//   - 2018 expert-team coverage of all county-level units is recorded as 51:
//     only the poor counties had teams before the 72 of 2019. 2019's 123 is
//     51 + 72, the count of 「所有县市区」 (⚑G30).
//
// Left out, as the inventory advises: figures with no number (数十名, 数十次,
// 十大/十个 are kept as they are counts), multiples (3倍至5倍), rankings
// (全国第七), durations (3分钟, 20周年) and counts of text structure (三个
// 方面, 五类).
func Reported() *outcome.Ledger { return catalog.Ledger(Regions(), Indicators(), reported()) }

func year(y int) outcome.Period { return outcome.Year(y) }

// undated is a figure the seed does not date, known to fall within the
// years from and to.
func undated(from, to int) outcome.Period {
	return catalog.Must(outcome.Undated(day(from, 1, 1), day(to, 12, 31)))
}

func reported() []outcome.Record {
	const hn, guzhang, hongjiang, sangzhi = ProvinceCode, "433126", "431281", "430822"
	rec := func(ind, region string, p outcome.Period, qty, section, mark, note string) outcome.Record {
		return outcome.Record{Indicator: ind, Region: region, Period: p, Quantity: q(qty), Source: cite(section, mark), Note: note}
	}
	era1991 := undated(1991, 2000)
	spark := undated(1997, 2000)
	era2001 := undated(2001, 2010)
	era2011 := undated(2011, 2019)
	last3 := undated(2017, 2019)
	last2 := undated(2018, 2019)
	since2005 := catalog.Must(outcome.Since(day(2005, 1, 1), day(2019, 12, 31)))
	return []outcome.Record{
		// §一(二) 攻关性扶贫(1991-2000年)
		rec(FiveCountyProjects, hn, era1991, "共140多个", "一(二)二是", "¶[2]", "井冈山区五县; 时间未注明 (⚑G18)"),
		rec(FiveCountyInvestment, hn, era1991, "30000万元", "一(二)二是", "¶[2]", "井冈山区五县 扶贫开发总投入"),
		rec(FiveCountyOutput, hn, era1991, "105000万元", "一(二)二是", "¶[2]", "井冈山区五县 实现产值"),
		rec(FiveCountyProfitTax, hn, era1991, "35000万元", "一(二)二是", "¶[2]", "井冈山区五县 利税"),
		rec(SparkCounties, hn, year(1997), "17个", "一(二)二是", "¶[2]", "1997年 星火西进工程延伸到17个少数民族县"),
		rec(SparkTechnologies, hn, spark, "70多项", "一(二)二是", "[2]", "17个少数民族县; 1997年起 (⚑G19)"),
		rec(SparkDemoProjects, hn, spark, "15个", "一(二)二是", "[2]", "17个少数民族县"),
		rec(SparkFunds, hn, spark, "达13400多万元", "一(二)二是", "[2]", "17个少数民族县"),
		rec(SparkOutput, hn, spark, "共33300万元", "一(二)二是", "[2]", "17个少数民族县 新增产值"),
		rec(SparkProfitTax, hn, spark, "11200万元", "一(二)二是", "[2]", "17个少数民族县 新增利税"),
		rec(SparkPeopleFed, hn, spark, "达9万人", "一(二)二是", "[2]", "17个少数民族县 解决温饱"),
		rec(FiveCountyPillars, hn, era1991, "共十个", "一(二)三是", "¶[2]", "井冈山区五县 十大支柱产业"),
		rec(SparkDirections, hn, era1991, "十个", "一(二)三是", "[2]", "十个科技扶贫重点方向"),
		rec(PairedCounties, hn, era1991, "六个", "一(二)四是", "¶[2]", "龙山、花垣、庐溪(泸溪? ⚑G7)、永顺、保靖、古丈"),
		rec(PairingCities, hn, era1991, "六个", "一(二)四是", "¶[2]", "长沙、湘潭、株洲、岳阳、衡阳、邵阳"),
		rec(ProvincialTraining, hn, year(1998), "据不完全统计,2030人次", "一(二)四是", "[2]", "仅1998年 省科委"),
		rec(LocalTraining, hn, year(1998), "据不完全统计,8.5万人次", "一(二)四是", "[2]", "1998年 县、乡、村三级"),
		rec(TrainingMaterials, hn, year(1998), "据不完全统计,10万余册", "一(二)四是", "[2]", "1998年 印发培训资料"),

		// §一(三) 产业化扶贫(2001-2010年)
		rec(TeaIncomeIncrease, guzhang, era2001, "200万元以上", "一(三)一是", "[3]", "古丈县 茶农总收入「当年」增加 (⚑G36)"),
		rec(XiangxiPonkanShare, hn, era2001, "90%", "一(三)二是", "¶[3]", "湘西地区 椪柑占柑橘总产量"),
		rec(XiangxiQualityFruitShare, hn, era2001, "不到 60%", "一(三)二是", "¶[3]", "湘西地区 优质果率"),

		// §一(四) 精准扶贫(2011年至今)
		rec(CommissionersOrganised, hn, era2011, "5000余名", "一(四)一是", "[4]", "每年组织"),
		rec(ThreeRegionsTalents, hn, era2011, "近1000名", "一(四)一是", "[4]", "每年组织"),
		rec(FarmersTrainedTotal, hn, era2011, "达118万人次", "一(四)一是", "[4]", "时间未注明; 与2017年128万人次不一致 (⚑G24)"),
		rec(BusinessEntitiesTotal, hn, era2011, "达1000多个", "一(四)一是", "[4]", "领办创办协办新型农业经营主体"),
		rec(NewTechnologiesTotal, hn, era2011, "达5000多项", "一(四)一是", "[4]", "新技术新品种, 非专利技术"),
		rec(XiangxiCommissioners, hn, last3, "534名", "一(四)一是", "[5]", "仅湘西地区 近三年"),
		rec(XiangxiProjects, hn, last3, "345个", "一(四)一是", "[5]", "湘西地区 近三年"),
		rec(XiangxiNewProducts, hn, last3, "123个", "一(四)一是", "[5]", "湘西地区 近三年 新技术新产品"),
		rec(XiangxiNewVarieties, hn, last3, "140个", "一(四)一是", "[5]", "湘西地区 近三年 新品种"),
		rec(XiangxiTrainingSessions, hn, last3, "6200余场", "一(四)一是", "[5]", "湘西地区 近三年"),
		rec(PoorCountyCount, hn, era2011, "51个", "一(四)三是", "[7]", "全省51个贫困县"),
		rec(PoorVillageCount, hn, era2011, "3209个", "一(四)三是", "[7]", "全省3209个贫困村"),
		rec(SciTechPovertyFunds, hn, era2011, "累计达42000万元", "一(四)四是", "¶[8]", "累计安排"),
		rec(NationalProjectFunds, hn, era2011, "达20000万元", "一(四)四是", "¶[8]", "争取国家科技项目资金"),
		rec(HerbalPeopleLifted, hongjiang, era2011, "2万多人", "一(四)四是", "¶[8]", "洪江市 中药材项目"),
		rec(PigFarmHouseholdsLed, sangzhi, era2011, "221户", "一(四)四是", "[8]", "桑植县 谢真理种猪场 直接带动"),
		rec(PigFarmHouseholdsReach, sangzhi, era2011, "510户", "一(四)四是", "[8]", "桑植县 辐射带动"),
		rec(PigsMarketed, sangzhi, era2011, "达3万多头", "一(四)四是", "[8]", "桑植县 年出栏商品猪"),

		// §二 基本做法
		rec(MinistryPromotions, hn, era2011, "两次", "二", "[9]", "先后 《科技工作情况》"),
		rec(CommissionersSelected, hn, since2005, "据不完全统计,累计达25000名", "二(二)一是", "[10]", "自2005年以来"),
		rec(CommissionersInPost, hn, era2011, "近5000人", "二(二)一是", "[11]", "每年在岗; 与每年组织5000余名不一致 (⚑G23)"),
		rec(ProvincialCommissioners, hn, year(2019), "403名", "二(二)一是", "[11]", "2019年选派"),
		rec(ThreeRegionsSelected, hn, year(2019), "770名", "二(二)一是", "[11]", "2019年选派; 「其中」 (⚑G22); 省级选派, 非每年组织的总数"),
		rec(CommissionerProjects, hn, year(2017), "累计1272项", "二(二)一是", "[12]", "2017年; 累计或当年未明 (⚑G20)"),
		rec(EnterprisesLed, hn, year(2017), "447个", "二(二)一是", "[12]", "2017年"),
		rec(FarmersTrained, hn, year(2017), "128万人次", "二(二)一是", "[12]", "2017年"),
		rec(IncomeIncrease, hn, year(2017), "26.8亿多元", "二(二)一是", "[12]", "2017年 帮扶对象增收"),
		rec(ServiceBases, hn, year(2018), "达723个", "二(二)一是", "[13]", "2018年; 主语未写明 (⚑G21)"),
		rec(TrainingSessions, hn, year(2018), "达5746次", "二(二)一是", "[13]", "2018年"),
		rec(EnterprisesServed, hn, year(2018), "达1150家", "二(二)一是", "[13]", "2018年"),
		rec(CoopsServed, hn, year(2018), "达2388家", "二(二)一是", "[13]", "2018年"),
		rec(NewTechnologies, hn, year(2018), "达1161项", "二(二)一是", "[13]", "2018年 推广新技术"),
		rec(HouseholdsRaised, hn, year(2018), "17万多户", "二(二)一是", "[13]", "2018年 17万多农户"),
		rec(PoorCountiesWithTeams, hn, year(2018), "51个", "二(二)二是", "¶[11]", "2018年 实现全省51个贫困县全覆盖"),
		rec(CountyUnitsWithTeams, hn, year(2018), "51个", "二(二)二是", "¶[11]", "2018年仅贫困县组建, 非贫困县2019年新组建"),
		rec(NewNonPoorTeams, hn, year(2019), "72个", "二(二)二是", "[11]", "2019年新组建非贫困县科技专家服务团"),
		rec(CountyUnitsWithTeams, hn, year(2019), "123个", "二(二)二是", "[11]", "所有县市区全覆盖; 123 = 51 + 72 为推断 (⚑G30)"),
		rec(PoorVillagesWithCommissioner, hn, year(2019), "3209个", "二(二)二是", "[11]", "科技特派员对所有贫困村的全覆盖; 村数取自[7] (⚑G40)"),
		rec(CommissionerInnovation, hn, year(2019), "1220万元", "二(三)一是", "¶[10]", "2019年安排"),
		rec(FeaturedIndustryFunds, hn, year(2019), "2000万元", "二(三)一是", "¶[10]", "2019年 脱贫摘帽县特色产业培育"),
		rec(HerbalChainFunds, hn, year(2019), "2200万元", "二(三)一是", "¶[10]", "2019年"),
		rec(TeaChainFunds, hn, year(2019), "1060万元", "二(三)一是", "¶[10]", "2019年"),
		rec(XiangxiPrefectures, hn, era2011, "4个", "二(三)一是", "¶[10]", "湘西地区4个市州(未列名)"),
		rec(XiangxiPlanFunds, hn, last3, "累计达27000万元", "二(三)一是", "¶[10]", "湘西地区 近三年"),
		rec(WulingTeaFarmers, hn, era2011, "200多万人", "二(三)一是", "[10]", "武陵山地区(跨省), 非仅湖南 (⚑G39)"),
		rec(NationalAgriParks, hn, era2011, "12个", "二(三)二是", "¶[14]", "已布局建设"),
		rec(ProvincialAgriParks, hn, era2011, "28个", "二(三)二是", "¶[14]", "已布局建设"),
		rec(StarSpaces, hn, era2011, "149家", "二(三)二是", "[14]", "布局建设"),
		rec(StarSpacesFiled, hn, era2011, "75家", "二(三)二是", "[14]", "其中获国家备案; 全国第七、中部第二 (⚑G27)"),
		rec(XiangxiNationalHitechZones, hn, era2011, "1个", "二(三)二是", "[15]", "湘西地区 目前"),
		rec(XiangxiNationalAgriParks, hn, era2011, "4个", "二(三)二是", "[15]", "湘西地区 目前; 级别按语序 (⚑G25)"),
		rec(XiangxiProvHitechZones, hn, era2011, "5个", "二(三)二是", "[15]", "湘西地区 目前"),
		rec(XiangxiProvAgriParks, hn, era2011, "10个", "二(三)二是", "[15]", "湘西地区 目前; 级别按语序 (⚑G25)"),
		rec(XiangxiStarSpaces, hn, era2011, "47个", "二(三)二是", "[15]", "湘西地区 目前"),
		rec(XiangxiNationalStarSpaces, hn, era2011, "21个", "二(三)二是", "[15]", "湘西地区 其中国家级 (⚑G26)"),
		rec(HouseholdsAssisted, hn, last2, "共计71户", "二(四)一是", "[16]", "近两年"),
		rec(QixiExited, QixiCounty, era2011, "1个", "二(四)二是", "¶[17]", "会同县七溪村 已顺利完成脱贫出列任务, 省市县乡四级核查"),
		rec(QixiScore, QixiCounty, era2011, "99分", "二(四)二是", "¶[17]", "会同县七溪村 年度考核全省最高分; 满分未注明 (⚑G31)"),
		rec(QixiFunds, QixiCounty, era2011, "300万元", "二(四)二是", "¶[17]", "会同县七溪村 出列后新安排"),
		rec(TalentTrainingCourses, hn, year(2019), "15次", "二(四)三是", "¶[18]", "2019年 在贫困县举办"),
		rec(TalentTrainees, hn, year(2019), "2400余人次", "二(四)三是", "¶[18]", "2019年 培训学员"),
		rec(XuexiPromotions, hn, era2011, "3次", "二(四)", "¶[19]", "先后 “学习强国”"),
		rec(HonouredIndividuals, hn, outcome.Month(2018, 10), "四人", "二(四)", "[19]", "2018年10月 科技特派员制度推行20周年总结会议"),
		rec(HonouredUnits, hn, outcome.Month(2018, 10), "两个", "二(四)", "[19]", "省农科院、永顺县委组织部"),

		// §三 前瞻思考
		rec(ExpertTeamsTotal, hn, era2011, "123个", "三(二)一是", "", "依托全省123个科技专家服务团 (展望, 未注明时间)"),
	}
}
