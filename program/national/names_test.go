package national_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/program/national"
)

// englishName is the shape of a romanized name (data/SOURCE.md): words of
// ASCII letters, each capitalised but "and", an apostrophe only between
// syllables before a, o or e (Xi'an), and ", " only between the peoples
// of an autonomous area.
var englishName = regexp.MustCompile(`^[A-Z][a-z]*(?:'[aoe][a-z]*)*(?:(?:, | )(?:and|[A-Z][a-z]*(?:'[aoe][a-z]*)*))*$`)

// generic is the English word for each generic of a Chinese name, longest
// Chinese first: the convention of data/SOURCE.md. A province has none.
var generic = []struct{ zh, en string }{
	{"自治州", "Autonomous Prefecture"}, {"自治县", "Autonomous County"}, {"自治旗", "Autonomous Banner"},
	{"自治区", ""}, {"地区", "Prefecture"}, {"林区", "Forestry District"}, {"特区", "Special District"},
	{"行委", "Administrative Committee"}, {"县", "County"}, {"市", "City"}, {"区", "District"},
	{"旗", "Banner"}, {"盟", "League"}, {"省", ""},
}

func checkName(t *testing.T, what string, n lang.Name, province bool) {
	t.Helper()
	if !englishName.MatchString(n.En) {
		t.Errorf("%s %s: English name %q is not a romanized name", what, n.Zh, n.En)
		return
	}
	if province {
		// Provinces go by their name alone: Hunan, Guangxi, Inner Mongolia.
		if strings.HasSuffix(n.En, "Province") || strings.HasSuffix(n.En, "Region") || strings.HasSuffix(n.En, "City") {
			t.Errorf("%s %s = %q, want the name without a generic", what, n.Zh, n.En)
		}
		return
	}
	for _, g := range generic {
		if strings.HasSuffix(n.Zh, g.zh) {
			if !strings.HasSuffix(n.En, " "+g.en) {
				t.Errorf("%s %s = %q, want a name ending in %q", what, n.Zh, n.En, g.en)
			}
			return
		}
	}
}

func TestEnglishNames(t *testing.T) {
	for _, c := range national.PoorCountyList() {
		checkName(t, c.Code, c.Name, false)
		checkName(t, c.Code+" province", c.Province, true)
		if c.Prefecture.Zh != "" || c.Prefecture.En != "" {
			// Chongqing's counties name the municipality as their prefecture.
			checkName(t, c.Code+" prefecture", c.Prefecture, c.Prefecture == c.Province)
		}
	}
	for r := range national.Regions().All() {
		if r.Name.En == "" {
			t.Errorf("region %s %s has no English name", r.Code, r.Name.Zh)
		}
	}
}

// TestPolyphones checks by hand the names whose characters have more than
// one reading, and the apostrophes, as they occur in the list.
func TestPolyphones(t *testing.T) {
	counties := map[string]national.PoorCounty{}
	for _, c := range national.PoorCountyList() {
		counties[c.Code] = c
	}
	for _, tc := range []struct{ code, zh, en string }{
		{"130125", "行唐县", "Xingtang County"},                        // 行 xíng, not háng
		{"130726", "蔚县", "Yu County"},                               // 蔚 yù in this name, not wèi
		{"140924", "繁峙县", "Fanshi County"},                          // 峙 shì in this name, not zhì
		{"140926", "静乐县", "Jingle County"},                          // 乐 lè
		{"451028", "乐业县", "Leye County"},                            // 乐 lè
		{"630202", "乐都县", "Ledu County"},                            // 乐 lè; 都 dū
		{"511381", "阆中市", "Langzhong City"},                         // 阆 làng
		{"420528", "长阳土家族自治县", "Changyang Tujia Autonomous County"}, // 长 cháng
		{"610621", "延长县", "Yanchang County"},                        // 长 cháng
		{"451228", "都安瑶族自治县", "Du'an Yao Autonomous County"},        // 都 dū; apostrophe before a
		{"632822", "都兰县", "Dulan County"},                           // 都 dū, not dōu
		{"520203", "六枝特区", "Liuzhi Special District"},               // 六 liù in 六枝 and 六盘水
		{"341503", "裕安区", "Yu'an District"},
		{"621223", "宕昌县", "Tanchang County"},                     // 宕 tàn in this name, not dàng
		{"620802", "崆峒区", "Kongtong District"},                   // 峒 tóng, not dòng
		{"610730", "佛坪县", "Foping County"},                       // 佛 fó, not fú
		{"611026", "柞水县", "Zhashui County"},                      // 柞 zhà, not zuò
		{"653129", "伽师县", "Jiashi County"},                       // 伽 jiā, not gā
		{"653101", "喀什市", "Kashi City"},                          // 什 shí, not shén
		{"653122", "疏勒县", "Shule County"},                        // 勒 lè, not lēi
		{"653125", "莎车县", "Shache County"},                       // 莎 shā
		{"510812", "朝天区", "Chaotian District"},                   // 朝 cháo, not zhāo
		{"220882", "大安市", "Da'an City"},                          // apostrophe before a
		{"630203", "平安县", "Ping'an County"},                      // apostrophe before a
		{"520324", "正安县", "Zheng'an County"},                     // apostrophe before a
		{"450225", "融水苗族自治县", "Rongshui Miao Autonomous County"}, // 水 is the name, not the Shui people
		{"622926", "东乡族自治县", "Dongxiang Autonomous County"},      // the Dongxiang people name the county
		{"520526", "威宁彝族回族苗族自治县", "Weining Yi, Hui and Miao Autonomous County"},
		{"152222", "科尔沁右翼中旗", "Ke'erqin Right Middle Banner"},
		{"520328", "湄潭", "Meitan County"}, // the list prints 湄潭 without 县
	} {
		c := counties[tc.code]
		if c.Name.Zh != tc.zh || c.Name.En != tc.en {
			t.Errorf("county %s = %s %q, want %s %q", tc.code, c.Name.Zh, c.Name.En, tc.zh, tc.en)
		}
	}
	// Prefectures and provinces, by a county in them.
	for _, tc := range []struct{ code, zh, en string }{
		{"140429", "长治市", "Changzhi City"},    // 长 cháng
		{"341503", "六安市", "Lu'an City"},       // 六 lù in 六安, not liù
		{"520203", "六盘水市", "Liupanshui City"}, // 六 liù
		{"610124", "西安市", "Xi'an City"},       // apostrophe: Xi'an, not Xian
		{"610621", "延安市", "Yan'an City"},
		{"150723", "呼伦贝尔市", "Hulunbuir City"}, // the conventional form, not Hulunbei'er
	} {
		c := counties[tc.code]
		if c.Prefecture.Zh != tc.zh || c.Prefecture.En != tc.en {
			t.Errorf("prefecture of %s = %s %q, want %s %q", tc.code, c.Prefecture.Zh, c.Prefecture.En, tc.zh, tc.en)
		}
	}
	for _, tc := range []struct{ code, zh, en string }{
		{"500000", "重庆市", "Chongqing"}, // 重 chóng, not zhòng
		{"610000", "陕西省", "Shaanxi"},   // the official spelling that tells it from 山西 Shanxi
		{"140000", "山西省", "Shanxi"},
		{"150000", "内蒙古自治区", "Inner Mongolia"},
		{"540000", "西藏自治区", "Xizang"},
	} {
		r, ok := national.Regions().Lookup(tc.code)
		if !ok || r.Name.Zh != tc.zh || r.Name.En != tc.en {
			t.Errorf("province %s = %s %q, want %s %q", tc.code, r.Name.Zh, r.Name.En, tc.zh, tc.en)
		}
	}
}
