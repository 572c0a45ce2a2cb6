// Package prevention screens households for poverty risk, as the Hunan
// article 《湖南省科技精准扶贫的实践探索与前瞻思考》 asks in §三(一) and
// §三(三) (精准防贫): from income by
// source and expenditure by type, find the absolutely poor among the
// relatively poor, and tell secondary poverty (income cannot cover
// expenditure after illness, disaster or a heavy burden) from latent
// poverty (above the line, but so fragile a shock pushes the household
// below it).
//
// Screening streams households and counts each class per village, so
// memory grows with villages, not households; the counts become ledger
// records, and the usual targets evaluate them ([NoAbsolutePoverty]).
package prevention

import (
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/lang"
)

// Money is an amount in fen (0.01 yuan), exact and cheap to add.
type Money int64

// Yuan returns y yuan.
func Yuan(y int64) Money { return Money(y * 100) }

// ParseMoney reads an amount in yuan with at most two decimals: "2300",
// "2299.5", "-120" (a loss), ".5". It refuses anything else with
// [outcome.ErrSyntax]: exponent notation (1e3), a third decimal, a point without
// digits after it, and an amount beyond what Money holds, about 9.2×10^16
// yuan, which would otherwise wrap. It reads s once: the time it takes
// grows with the length of s alone.
func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(s)
	fail := func(why string) (Money, error) {
		return 0, fmt.Errorf("prevention: amount %q: %s: %w", s, why, errAmount)
	}
	digits, neg := s, false
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		digits, neg = digits[1:], digits[0] == '-'
	}
	whole, frac, dot := strings.Cut(digits, ".")
	switch {
	case whole == "" && frac == "":
		return fail("no digits")
	case dot && frac == "":
		return fail("no digits after the point")
	case len(frac) > 2:
		return fail("more than two decimals")
	}
	var fen uint64
	for _, part := range [...]string{whole, frac, "00"[len(frac):]} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return fail("not a decimal number")
			}
			if fen > (math.MaxInt64-uint64(c-'0'))/10 {
				return fail("beyond the largest amount")
			}
			fen = fen*10 + uint64(c-'0')
		}
	}
	if neg {
		return -Money(fen), nil
	}
	return Money(fen), nil
}

// Decimal returns m in yuan.
func (m Money) Decimal() decimal.Decimal { return decimal.New(int64(m), -2) }

// String writes m in yuan: "2300", "2299.5".
func (m Money) String() string { return m.Decimal().String() }

// IncomeSource is a source of household income. The seed names wage,
// operating and property income 「等」; transfer income (转移性收入) is the
// fourth component of the usual statistical breakdown.
type IncomeSource uint8

const (
	Wage      IncomeSource = iota // 工资性收入
	Operating                     // 经营性收入
	Property                      // 财产性收入
	Transfer                      // 转移性收入: pensions, subsidies, remittances
	numIncome
)

// Expense is a type of household expenditure the seed names: illness and
// medical care, children's education, natural disasters; Other is the rest
// of the household's spending.
type Expense uint8

const (
	Medical   Expense = iota // 疾病医疗
	Education                // 子女教育
	Disaster                 // 自然灾害
	Other                    // other spending, never a shock
	numExpense
)

// Need is one of 两不愁三保障: food and clothing assured; compulsory
// education, basic medical care and safe housing guaranteed; and safe
// drinking water, which the national standard checks beside them.
type Need uint8

const (
	Food              Need = iota // 不愁吃
	Clothing                      // 不愁穿
	CompulsoryEdu                 // 义务教育有保障
	BasicMedical                  // 基本医疗有保障
	SafeHousing                   // 住房安全有保障
	SafeDrinkingWater             // 饮水安全有保障
	numNeeds
)

var needNames = [numNeeds]lang.Name{
	{Zh: "不愁吃", En: "food"}, {Zh: "不愁穿", En: "clothing"}, {Zh: "义务教育有保障", En: "compulsory education"},
	{Zh: "基本医疗有保障", En: "basic medical care"}, {Zh: "住房安全有保障", En: "safe housing"}, {Zh: "饮水安全有保障", En: "safe drinking water"},
}

// Household is a registered household's data for a year. Amounts are per
// year for the whole household.
type Household struct {
	ID          string
	Village     string // the village's region code
	Members     int
	Income      [numIncome]Money
	Expenditure [numExpense]Money
	// Unmet holds a bit for each need of 两不愁三保障 that is not secured;
	// 0 means every need is met.
	Unmet uint8
}

// Fails returns a copy of h with need n unmet.
func (h Household) Fails(n Need) Household { h.Unmet |= 1 << n; return h }

// TotalIncome returns the income from every source.
func (h Household) TotalIncome() Money {
	var t Money
	for _, m := range h.Income {
		t += m
	}
	return t
}

// TotalExpenditure returns every expenditure.
func (h Household) TotalExpenditure() Money {
	var t Money
	for _, m := range h.Expenditure {
		t += m
	}
	return t
}

// fieldName names an income source or expenditure field in errors.
func fieldName(source bool, i int) string {
	if source {
		return [...]string{"wage", "operating", "property", "transfer"}[i]
	}
	return [...]string{"medical", "education", "disaster", "other"}[i]
}
