package hunan_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program/hunan"
)

// englishName is the shape of a romanized name (data/SOURCE.md): words of
// ASCII letters, each capitalised but "and", an apostrophe only between
// syllables before a, o or e (Dong'an), a hyphen inside a word
// (High-tech), and ", " only between the peoples of an autonomous area.
var englishName = regexp.MustCompile(`^[A-Z][a-z]*(?:'[aoe][a-z]*)*(?:-[a-z]+)?(?:(?:, | )(?:and|[A-Z][a-z]*(?:'[aoe][a-z]*)*(?:-[a-z]+)?))*$`)

// generic is the English word for each generic of a Chinese name, longest
// Chinese first: the convention of data/SOURCE.md.
var generic = []struct{ zh, en string }{
	{"自治州", "Autonomous Prefecture"}, {"自治县", "Autonomous County"}, {"示范区", "Demonstration Zone"},
	{"管理区", "Administrative Zone"}, {"产业园区", "Industrial Park"}, {"开发区", "Development Zone"},
	{"保税区", "Bonded Zone"}, {"县", "County"}, {"市", "City"}, {"区", "District"}, {"省", ""},
}

func TestEnglishNames(t *testing.T) {
	n := 0
	for r := range hunan.Regions().All() {
		if r.Level == outcome.Township {
			continue
		}
		n++
		en := r.Name.En
		if !englishName.MatchString(en) {
			t.Errorf("%s %s: English name %q is not a romanized name", r.Code, r.Name.Zh, en)
			continue
		}
		for _, g := range generic {
			if strings.HasSuffix(r.Name.Zh, g.zh) {
				if !strings.HasSuffix(en, " "+g.en) && g.en != "" || g.en == "" && strings.Contains(en, " ") {
					t.Errorf("%s %s = %q, want a name ending in %q", r.Code, r.Name.Zh, en, g.en)
				}
				break
			}
		}
	}
	if n != 1+14+137 {
		t.Errorf("checked %d regions, want the province, 14 prefectures and 137 county-level units", n)
	}
	for _, c := range hunan.PoorCountyList() {
		r, _ := hunan.Regions().Lookup(c.Code)
		if c.Name.Zh == r.Name.Zh && c.Name.En != r.Name.En || !englishName.MatchString(c.Name.En) || c.Prefecture.En == "" {
			t.Errorf("poor county %s %s is %q in %q, its region %q: want the region's English name", c.Code, c.Name.Zh, c.Name.En, c.Prefecture.En, r.Name.En)
		}
	}
}

// TestPolyphones checks by hand the names whose characters have more than
// one reading, and the apostrophes, as they occur in the Hunan divisions.
func TestPolyphones(t *testing.T) {
	for _, tc := range []struct{ code, zh, en string }{
		{"430100", "长沙市", "Changsha City"},   // 长 cháng, not zhǎng
		{"430121", "长沙县", "Changsha County"}, // 长 cháng
		{"433100", "湘西土家族苗族自治州", "Xiangxi Tujia and Miao Autonomous Prefecture"},
		{"433122", "泸溪县", "Luxi County"}, // 溪 xī, not qī
		{"430529", "城步苗族自治县", "Chengbu Miao Autonomous County"},
		{"431000", "郴州市", "Chenzhou City"},  // 郴 chēn
		{"431300", "娄底市", "Loudi City"},     // 底 dǐ
		{"430481", "耒阳市", "Leiyang City"},   // 耒 lěi
		{"431224", "溆浦县", "Xupu County"},    // 溆 xù
		{"430681", "汨罗市", "Miluo City"},     // 汨 mì, not 汩 gǔ
		{"430223", "攸县", "You County"},      // a one-character name keeps its generic: 攸县 You County
		{"430721", "安乡县", "Anxiang County"}, // no apostrophe: an-xiang
		{"431122", "东安县", "Dong'an County"}, // apostrophe before a: Dong'an, not Don-gan
		{"430524", "隆回县", "Longhui County"},
		{"430525", "洞口县", "Dongkou County"}, // 洞 dòng
		{"431025", "临武县", "Linwu County"},
		{"431127", "蓝山县", "Lanshan County"},
		{"430922", "桃江县", "Taojiang County"},
		{"431228", "芷江侗族自治县", "Zhijiang Dong Autonomous County"},
		{"431230", "通道侗族自治县", "Tongdao Dong Autonomous County"},
		{"431173", "永州市回龙圩管理区", "Yongzhou Huilongxu Administrative Zone"}, // 圩 xū, a market, not wéi
		{"431271", "怀化市洪江管理区", "Huaihua Hongjiang Administrative Zone"},
	} {
		r, ok := hunan.Regions().Lookup(tc.code)
		if !ok || r.Name.Zh != tc.zh || r.Name.En != tc.en {
			t.Errorf("region %s = %s %q, want %s %q", tc.code, r.Name.Zh, r.Name.En, tc.zh, tc.en)
		}
	}
}
