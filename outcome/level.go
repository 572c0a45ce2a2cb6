package outcome

import (
	"fmt"
	"strings"

	"github.com/taizhang/taizhang/internal/enum"
	"github.com/taizhang/taizhang/lang"
)

// Level is a region's place in the administrative hierarchy. The zero value
// is invalid.
type Level uint8

const (
	Nation     Level = 1 + iota // 全国
	Province                    // 省级: province, autonomous region, municipality
	Prefecture                  // 地级: prefecture, 市州
	County                      // 县级: county, county-level city, district, statistical zone
	Township                    // 乡级: township, town, sub-district
	Village                     // 村级: administrative village, community
)

var levelNames = [...]lang.Name{
	Nation:     {Zh: "全国", En: "nation"},
	Province:   {Zh: "省", En: "province"},
	Prefecture: {Zh: "市州", En: "prefecture"},
	County:     {Zh: "县市区", En: "county"},
	Township:   {Zh: "乡镇", En: "township"},
	Village:    {Zh: "村", En: "village"},
}

// IsValid reports whether l is a defined level.
func (l Level) IsValid() bool { return l != 0 && int(l) < len(levelNames) }

// Name returns the bilingual name of the level.
func (l Level) Name() lang.Name {
	if l.IsValid() {
		return levelNames[l]
	}
	return lang.Name{}
}

// String returns the Chinese name (县市区), which [ParseLevel] reads back.
func (l Level) String() string { return enum.Label(l.Name(), lang.Chinese, "Level", int(l)) }

// code returns the English name ("county"), the stable code that
// [Level.MarshalText] writes.
func (l Level) code() string { return enum.Label(l.Name(), lang.English, "Level", int(l)) }

// ParseLevel reads a level's English code ("county"), its Chinese name
// (县市区), or any of the forms offices write it in: 省, 自治区, 直辖市 and
// 省级; 市, 地区, 州, 盟, 地级 and 市州; 县, 县级, 区, 旗, 县级市 and 县区; 乡, 镇,
// 街道, 苏木, 乡级 and 乡镇; 村, 社区, 居委会, 村级 and 行政村; 全国 and 国家.
// An unknown level is [ErrSyntax], and the message lists the accepted forms.
func ParseLevel(s string) (Level, error) {
	if l, ok := levelForms[strings.ToLower(strings.TrimSpace(s))]; ok {
		return l, nil
	}
	return 0, fmt.Errorf("outcome: region level %q: %w", s, errUnknownLevel)
}

// levelForms maps every accepted form of a level to it: the English code,
// the Chinese name, and the words offices use for the divisions of a level.
var levelForms = func() map[string]Level {
	m := map[string]Level{}
	for l, n := range levelNames {
		if l != 0 {
			m[n.En], m[n.Zh] = Level(l), Level(l)
		}
	}
	for l, forms := range levelWords {
		for _, f := range forms {
			m[f] = Level(l)
		}
	}
	return m
}()

// levelWords are the Chinese words for the divisions of each level, as
// region files and sheets write them.
var levelWords = [...][]string{
	Nation:     {"国家", "nation"},
	Province:   {"省", "自治区", "直辖市", "省级", "省份", "provincial"},
	Prefecture: {"市", "地区", "州", "盟", "地级", "地级市", "自治州", "prefectural"},
	County:     {"县", "县级", "区", "旗", "县级市", "县区", "自治县", "市辖区", "county-level"},
	Township:   {"乡", "镇", "街道", "苏木", "乡级", "民族乡", "town"},
	Village:    {"村", "社区", "居委会", "村级", "行政村", "村委会", "嘎查"},
}

// errUnknownLevel lists the accepted forms of a level.
var errUnknownLevel = reason(ErrSyntax, "unknown region level (write 省/自治区/直辖市, 市/地区/州/盟, 县/县级/区/旗/县级市, 乡/镇/街道/苏木, 村/社区/居委会, or province, prefecture, county, township, village)")

// codeLevel checks a statistical division code (GB/T 2260 and the NBS
// 统计用区划代码) and returns the level its shape implies: 12 digits a
// village, 9 a township, 6 a county, a prefecture (ending 00) or a province
// (ending 0000). Codes of other lengths or with other characters are
// refused: [ErrInvalid], an invalid region code.
func codeLevel[T string | []byte](code T) (Level, error) {
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0, &SyntaxError{What: "region code", Input: string(code), Offset: i, Err: errInvalidCode}
		}
	}
	switch len(code) {
	case 12:
		return Village, nil
	case 9:
		return Township, nil
	case 6:
		switch {
		case code[2] == '0' && code[3] == '0' && code[4] == '0' && code[5] == '0':
			return Province, nil
		case code[4] == '0' && code[5] == '0':
			return Prefecture, nil
		}
		return County, nil
	}
	return 0, &SyntaxError{What: "region code", Input: string(code), Offset: len(code), Err: errInvalidCode}
}

// MarshalText writes the level's English code ("county"), "" for the zero
// Level.
func (l Level) MarshalText() ([]byte, error) {
	switch {
	case l == 0:
		return nil, nil
	case !l.IsValid():
		return nil, fmt.Errorf("outcome: %s: %w", l.code(), errRegionLevel)
	}
	return []byte(l.code()), nil
}

// UnmarshalText reads a level's English code or Chinese name, as
// [ParseLevel] does; "" is the zero Level.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = 0
		return nil
	}
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
