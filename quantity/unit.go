package quantity

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/internal/enum"
	"github.com/taizhang/taizhang/internal/errs"
	"github.com/taizhang/taizhang/lang"
)

// dimension is what a unit measures. Quantities of different dimensions
// are never added or compared: persons (名) and person-times (人次) are
// different things even though both count people. [Unit.Compatible] is how
// callers ask.
//
// Things, persons, person-times, households, items and sessions are counted
// whole: a ledger (outcome.Ledger) refuses a record of 0.5名 or 2.5户 (1.2万名 is 12000
// persons, whole). Money, scores and percentages may be fractional.
type dimension uint8

const (
	dimThings      dimension = 1 + iota // 个, 家, 册, 对, 头: things, establishments, copies, pairs, livestock
	dimPersons                          // 名, 人, 位
	dimPersonTimes                      // 人次
	dimHouseholds                       // 户
	dimItems                            // 项: projects, technologies, patents
	dimSessions                         // 场, 次, 期: training sessions, events
	dimMoney                            // 元, with 万元 and 亿元 scaled to yuan
	dimScore                            // 分: assessment points
	dimRatio                            // %: percentage points
)

var dimensionNames = [...]lang.Name{
	dimThings:      {Zh: "个数", En: "things"},
	dimPersons:     {Zh: "人数", En: "persons"},
	dimPersonTimes: {Zh: "人次", En: "person-times"},
	dimHouseholds:  {Zh: "户数", En: "households"},
	dimItems:       {Zh: "项数", En: "items"},
	dimSessions:    {Zh: "场次", En: "sessions"},
	dimMoney:       {Zh: "金额", En: "money"},
	dimScore:       {Zh: "分数", En: "score"},
	dimRatio:       {Zh: "百分比", En: "percentage"},
}

// countsWhole reports whether d counts whole things, so that a recorded
// figure in it is a whole number.
func (d dimension) countsWhole() bool {
	switch d {
	case dimThings, dimPersons, dimPersonTimes, dimHouseholds, dimItems, dimSessions:
		return true
	}
	return false
}

// Name returns the dimension's bilingual name, for messages.
func (d dimension) Name() lang.Name {
	if int(d) < len(dimensionNames) {
		return dimensionNames[d]
	}
	if t := declared.Load(); int(d)-len(dimensionNames) < len(t.dims) {
		return t.dims[int(d)-len(dimensionNames)]
	}
	return lang.Name{}
}

// Unit is a unit of measure as reports write it. The zero value means "no
// unit given"; a ledger reads such a quantity in its indicator's unit.
//
// Units that measure the same thing are compatible ([Unit.Compatible]): a target of 3000个 星创天地
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
	dim    dimension
}

// unitDef is a unit as the package knows it: built in, or declared with a
// factor to its dimension's base unit.
type unitDef struct {
	unitInfo
	factor decimal.Decimal // how many of its dimension's base unit one is; zero for one
}

var units = [...]unitInfo{
	Piece:         {"个", "units", dimThings},
	Establishment: {"家", "establishments", dimThings},
	Person:        {"名", "persons", dimPersons},
	PersonTime:    {"人次", "person-times", dimPersonTimes},
	Household:     {"户", "households", dimHouseholds},
	Item:          {"项", "items", dimItems},
	Session:       {"场", "sessions", dimSessions},
	Yuan:          {"元", "yuan", dimMoney},
	Point:         {"分", "points", dimScore},
	Percent:       {"%", "%", dimRatio},
	Volume:        {"册", "copies", dimThings},
	Pair:          {"对", "pairs", dimThings},
	Head:          {"头", "head", dimThings},
}

// unitSymbols lists every symbol [ParseUnit] reads, longest first so that
// 人次 is not read as 人 followed by 次.
var unitSymbols = []struct {
	symbol string
	unit   Unit
}{
	{"人次", PersonTime},
	{"个", Piece}, {"家", Establishment}, {"名", Person}, {"人", Person}, {"位", Person},
	{"户", Household}, {"项", Item}, {"场次", Session}, {"场", Session}, {"次", Session}, {"期", Session},
	{"元", Yuan}, {"分", Point}, {"%", Percent}, {"％", Percent}, {"册", Volume}, {"对", Pair}, {"头", Head},
}

// ParseUnit reads a unit symbol such as 个, 名, 人次 or 元, as [Unit.String]
// writes it, or a unit's English name as [Unit.MarshalText] writes it
// ("persons"); also a unit declared with [DeclareUnit] (亩, "mu").
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
	if u, ok := declared.Load().lookup(s); ok {
		return u, nil
	}
	return 0, fmt.Errorf("quantity: unit %q: %w", s, errs.UnknownUnit)
}

// unitScales are the scale words a unit field may start with (万元, 万册,
// 亿元), longest first, as powers of ten.
var unitScales = []struct {
	word  string
	shift int32
}{{"千万", 7}, {"百万", 6}, {"十万", 5}, {"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2}}

// ParseScaledUnit reads a unit field as ledgers write it: a unit
// ([ParseUnit]), or a scale word and a unit (万元 is 10^4 元, 亿元 10^8,
// 千元 10^3, 万册 10^4 册), returning the power of ten the field's values
// are scaled by. A unit that is itself declared with such a word (千克) is
// that unit. The error says the reason alone (for the caller to say where),
// wrapping [ErrSyntax].
func ParseScaledUnit(s string) (Unit, int32, error) {
	u, err := ParseUnit(s)
	if err == nil {
		return u, 0, nil
	}
	for _, sc := range unitScales {
		if rest, ok := strings.CutPrefix(s, sc.word); ok && rest != "" {
			if u, err := ParseUnit(rest); err == nil {
				return u, sc.shift, nil
			}
		} else if ok {
			// 万 alone: a scale of nothing.
			return 0, 0, fmt.Errorf("%w: a scale without a unit (write %s元, %s人 …)", errs.UnknownUnit, s, s)
		}
	}
	return 0, 0, errs.UnknownUnit
}

// info returns what the package knows of u, built in or declared; ok is
// false for no unit and an undefined one.
func (u Unit) info() (unitDef, bool) {
	if int(u) < len(units) {
		return unitDef{unitInfo: units[u]}, u != 0
	}
	if t := declared.Load(); int(u)-len(units) < len(t.units) {
		return t.units[int(u)-len(units)], true
	}
	return unitDef{}, false
}

// IsValid reports whether u is one of the defined units, built in or
// declared (not the zero "no unit").
func (u Unit) IsValid() bool { _, ok := u.info(); return ok }

// Symbol returns the Chinese symbol, such as 个 or 人次, or "" for no unit.
func (u Unit) Symbol() string {
	if int(u) < len(units) {
		return units[u].symbol // the commonest case, on every line of a file
	}
	i, _ := u.info()
	return i.symbol
}

// dimension returns what u measures, or 0 for no unit.
func (u Unit) dimension() dimension {
	i, _ := u.info()
	return i.dim
}

// Measures names what u measures: 人数 (persons) for 名, 人次
// (person-times) for 人次, 金额 (money) for 元 (万元 in a file is 元 at a
// scale: [ParseScaledUnit]), the dimension a
// declared unit names ([UnitSpec]); an empty name for no unit.
func (u Unit) Measures() lang.Name { return u.dimension().Name() }

// Whole reports whether u counts whole things (persons, households,
// sessions …), of which a fraction (0.5名) is no figure a ledger records.
func (u Unit) Whole() bool { return u.dimension().countsWhole() }

// Additive reports whether figures in u add up: a percentage or a score
// does not.
func (u Unit) Additive() bool {
	d := u.dimension()
	return d != dimRatio && d != dimScore
}

// Compatible reports whether quantities in u and v may be added or compared
// as they stand: the same dimension at the same scale. 家 and 个 are; 亩
// and 公顷, declared in one dimension with different factors, are not:
// they are [Unit.Convertible], and [Quantity.Convert] turns one into the
// other.
func (u Unit) Compatible(v Unit) bool {
	a, ok := u.info()
	if u == v {
		return ok
	}
	b, ok2 := v.info()
	if !ok || !ok2 || a.dim != b.dim {
		return false
	}
	if a.factor.IsZero() && b.factor.IsZero() {
		return true // both of the dimension's base scale
	}
	return a.one().Equal(b.one())
}

// Convertible reports whether quantities in u can be converted into v
// exactly or not ([Quantity.Convert]): whether they measure the same thing.
// A ledger converts a record in a unit convertible to its indicator's
// into the indicator's unit (outcome.Ledger.Add).
func (u Unit) Convertible(v Unit) bool {
	return u.IsValid() && v.IsValid() && u.dimension() == v.dimension()
}

// Name returns the unit's bilingual name: its symbol and its English name.
func (u Unit) Name() lang.Name {
	i, _ := u.info()
	return lang.Name{Zh: i.symbol, En: i.en}
}

// String returns the Chinese name, the symbol (名, 人次), which [ParseUnit]
// reads back; "" for no unit.
func (u Unit) String() string {
	if u == 0 {
		return ""
	}
	return enum.Label(u.Name(), lang.Chinese, "Unit", int(u))
}

// code returns the English name ("persons"), the stable code that
// [Unit.MarshalText] writes; "" for no unit.
func (u Unit) code() string {
	if u == 0 {
		return ""
	}
	return enum.Label(u.Name(), lang.English, "Unit", int(u))
}
