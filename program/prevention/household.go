// Package prevention screens households for poverty risk, as
// 004_32acad38fe6c52df.txt §三(一) and §三(三) ask (精准防贫): from income by
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
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an amount in fen (0.01 yuan), exact and cheap to add.
type Money int64

// Yuan returns y yuan.
func Yuan(y int64) Money { return Money(y * 100) }

// ParseMoney reads an amount in yuan with at most two decimals: "2300",
// "2299.5".
func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(s)
	// The usual case, digits with up to two decimals, without a decimal.
	var fen int64
	dot, digits := -1, 0
	for i := 0; i < len(s) && digits < 15; i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			fen = fen*10 + int64(c-'0')
			digits++
		case c == '.' && dot < 0:
			dot = i
		default:
			digits = 99
		}
	}
	if digits > 0 && digits < 15 && (dot < 0 || len(s)-dot-1 <= 2 && dot < len(s)-1) {
		scale := 2
		if dot >= 0 {
			scale = 2 - (len(s) - dot - 1)
		}
		for range scale {
			fen *= 10
		}
		return Money(fen), nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Exponent() < -2 || strings.HasSuffix(s, ".") {
		return 0, fmt.Errorf("prevention: amount %q: want yuan with at most two decimals", s)
	}
	return Money(d.Shift(2).IntPart()), nil
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

var needNames = [numNeeds][2]string{
	{"不愁吃", "food"}, {"不愁穿", "clothing"}, {"义务教育有保障", "compulsory education"},
	{"基本医疗有保障", "basic medical care"}, {"住房安全有保障", "safe housing"}, {"饮水安全有保障", "safe drinking water"},
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
