package outcome

import "fmt"

// Dimension is what a unit measures. Quantities of different dimensions are
// never added or compared: persons (名) and person-times (人次) are different
// things even though both count people.
//
// Things, persons, person-times, households, items and sessions are counted
// whole: a [Ledger] refuses a record of 0.5名 or 2.5户 (1.2万名 is 12000
// persons, whole). Money, scores and percentages may be fractional.
type Dimension uint8

const (
	Things      Dimension = 1 + iota // 个, 家, 册, 对, 头: things, establishments, copies, pairs, livestock
	Persons                          // 名, 人, 位
	PersonTimes                      // 人次
	Households                       // 户
	Items                            // 项: projects, technologies, patents
	Sessions                         // 场, 次, 期: training sessions, events
	Money                            // 元, with 万元 and 亿元 scaled to yuan
	Score                            // 分: assessment points
	Ratio                            // %: percentage points
)

var dimensionNames = [...]Name{
	Things:      {"个数", "things"},
	Persons:     {"人数", "persons"},
	PersonTimes: {"人次", "person-times"},
	Households:  {"户数", "households"},
	Items:       {"项数", "items"},
	Sessions:    {"场次", "sessions"},
	Money:       {"金额", "money"},
	Score:       {"分数", "score"},
	Ratio:       {"百分比", "percentage"},
}

// countsWhole reports whether d counts whole things, so that a recorded
// figure in it is a whole number.
func (d Dimension) countsWhole() bool {
	switch d {
	case Things, Persons, PersonTimes, Households, Items, Sessions:
		return true
	}
	return false
}

// Name returns the dimension's bilingual name.
func (d Dimension) Name() Name {
	if int(d) < len(dimensionNames) {
		return dimensionNames[d]
	}
	return Name{}
}

// String returns the English name of the dimension.
func (d Dimension) String() string {
	if n := d.Name(); !n.IsZero() {
		return n.En
	}
	return fmt.Sprintf("Dimension(%d)", d)
}

// Unit is a unit of measure as reports write it. The zero value means "no
// unit given"; a [Ledger] reads such a quantity in its indicator's unit.
//
// Units of the same [Dimension] are compatible: a target of 3000个 星创天地
// counts records written as 149家. Scale words (万, 亿) are not units: a
// parsed quantity is already scaled (8.5万人次 is 85000 [PersonTime]).
type Unit uint8

const (
	Piece         Unit = 1 + iota // 个, the general measure word
	Establishment                 // 家: enterprises, co-operatives, 星创天地
	Person                        // 名; 人 and 位 read as 名
	PersonTime                    // 人次
	Household                     // 户
	Item                          // 项
	Session                       // 场; 次 and 期 read as 场
	Yuan                          // 元
	Point                         // 分
	Percent                       // %
	Volume                        // 册
	Pair                          // 对
	Head                          // 头: livestock
)

type unitInfo struct {
	symbol string
	en     string
	dim    Dimension
}

var units = [...]unitInfo{
	Piece:         {"个", "units", Things},
	Establishment: {"家", "establishments", Things},
	Person:        {"名", "persons", Persons},
	PersonTime:    {"人次", "person-times", PersonTimes},
	Household:     {"户", "households", Households},
	Item:          {"项", "items", Items},
	Session:       {"场", "sessions", Sessions},
	Yuan:          {"元", "yuan", Money},
	Point:         {"分", "points", Score},
	Percent:       {"%", "%", Ratio},
	Volume:        {"册", "copies", Things},
	Pair:          {"对", "pairs", Things},
	Head:          {"头", "head", Things},
}

// unitSymbols lists every symbol [ParseUnit] reads, longest first so that
// 人次 is not read as 人 followed by 次.
var unitSymbols = []struct {
	symbol string
	unit   Unit
}{
	{"人次", PersonTime},
	{"个", Piece}, {"家", Establishment}, {"名", Person}, {"人", Person}, {"位", Person},
	{"户", Household}, {"项", Item}, {"场", Session}, {"次", Session}, {"期", Session},
	{"元", Yuan}, {"分", Point}, {"%", Percent}, {"％", Percent}, {"册", Volume}, {"对", Pair}, {"头", Head},
}

// ParseUnit reads a unit symbol such as 个, 名, 人次 or 元, or a unit's English
// name as [Unit.String] writes it ("persons").
func ParseUnit(s string) (Unit, error) {
	for _, u := range unitSymbols {
		if u.symbol == s {
			return u.unit, nil
		}
	}
	for u := Piece; int(u) < len(units); u++ {
		if units[u].en == s {
			return u, nil
		}
	}
	return 0, fmt.Errorf("outcome: unit %q: %w", s, ErrUnknownUnit)
}

// IsValid reports whether u is one of the defined units (not the zero "no unit").
func (u Unit) IsValid() bool { return u != 0 && int(u) < len(units) }

// Symbol returns the Chinese symbol, such as 个 or 人次, or "" for no unit.
func (u Unit) Symbol() string {
	if u.IsValid() {
		return units[u].symbol
	}
	return ""
}

// Dimension returns what u measures, or 0 for no unit.
func (u Unit) Dimension() Dimension {
	if u.IsValid() {
		return units[u].dim
	}
	return 0
}

// Compatible reports whether quantities in u and v may be added or compared.
func (u Unit) Compatible(v Unit) bool { return u.IsValid() && u.Dimension() == v.Dimension() }

// Name returns the unit's bilingual name: its symbol and its English name.
func (u Unit) Name() Name {
	if u.IsValid() {
		return Name{units[u].symbol, units[u].en}
	}
	return Name{}
}

// String returns the English name ("persons"), which [ParseUnit] reads back.
func (u Unit) String() string {
	if u.IsValid() {
		return units[u].en
	}
	if u == 0 {
		return ""
	}
	return fmt.Sprintf("Unit(%d)", u)
}
