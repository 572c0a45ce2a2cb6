package outcome

import "fmt"

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

var levelNames = [...]Name{
	Nation:     {"全国", "nation"},
	Province:   {"省", "province"},
	Prefecture: {"市州", "prefecture"},
	County:     {"县市区", "county"},
	Township:   {"乡镇", "township"},
	Village:    {"村", "village"},
}

// IsValid reports whether l is a defined level.
func (l Level) IsValid() bool { return l != 0 && int(l) < len(levelNames) }

// Name returns the bilingual name of the level.
func (l Level) Name() Name {
	if l.IsValid() {
		return levelNames[l]
	}
	return Name{}
}

// String returns the Chinese name (县市区), which [ParseLevel] reads back.
func (l Level) String() string { return label(l.Name(), Chinese, "Level", int(l)) }

// code returns the English name ("county"), the stable code that
// [Level.MarshalText] writes.
func (l Level) code() string { return label(l.Name(), English, "Level", int(l)) }

// ParseLevel reads a level's English code ("county") or Chinese name (县市区).
func ParseLevel(s string) (Level, error) {
	for l, n := range levelNames {
		if l != 0 && (n.En == s || n.Zh == s) {
			return Level(l), nil
		}
	}
	return 0, fmt.Errorf("outcome: region level %q: %w", s, errRegionLevel)
}

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
