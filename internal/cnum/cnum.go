// Package cnum reads the Chinese numerals that official reports use for whole
// numbers: 一百, 一千, 一万, 十万, 两千, 三千五百, 一亿二千万, 〇 and 零.
//
// It is internal: quantity.Parse is the public entry point.
package cnum

import (
	"errors"
	"math"
)

// ErrSyntax reports a string that is not a well-formed Chinese numeral.
var ErrSyntax = errors.New("not a numeral")

// ErrRange reports a numeral too large for an int64.
var ErrRange = errors.New("numeral out of range")

// Digit returns the value of a Chinese digit rune (〇 零 一 二 两 三 … 九).
func Digit(r rune) (int64, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// smallUnit returns the multiplier of 十, 百 and 千.
func smallUnit(r rune) (int64, bool) {
	switch r {
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	}
	return 0, false
}

// IsNumeral reports whether r can be part of a Chinese numeral.
func IsNumeral(r rune) bool {
	if _, ok := Digit(r); ok {
		return true
	}
	if _, ok := smallUnit(r); ok {
		return true
	}
	return r == '万' || r == '亿'
}

// Parse returns the value of the Chinese numeral s. Every rune of s must be a
// numeral rune; a digit must be followed by a unit, by 零, or end the numeral
// ("一二" is refused, "一千零五" is 1005).
func Parse(s string) (int64, error) {
	if s == "" {
		return 0, ErrSyntax
	}
	var (
		total   int64 // completed 亿 and 万 groups
		section int64 // the current group below 万
		number  int64 // the pending digit
		pending bool  // a digit is waiting for its unit
		lastU   int64 = math.MaxInt64
		prevWan bool  // a 万 group was closed since the last 亿
	)
	for _, r := range s {
		if d, ok := Digit(r); ok {
			if pending && number != 0 {
				return 0, ErrSyntax
			}
			number, pending = d, d != 0
			continue
		}
		if u, ok := smallUnit(r); ok {
			if u >= lastU {
				return 0, ErrSyntax
			}
			if !pending {
				// Only 十 may stand without a digit, and only at the head of a
				// group: 十万 is 一十万.
				if u != 10 || section != 0 {
					return 0, ErrSyntax
				}
				number = 1
			}
			section += number * u
			number, pending, lastU = 0, false, u
			continue
		}
		switch r {
		case '万':
			section += number
			if section == 0 || prevWan {
				return 0, ErrSyntax
			}
			if section > math.MaxInt64/10_000 || total > math.MaxInt64-section*10_000 {
				return 0, ErrRange
			}
			total += section * 10_000
			section, number, pending, lastU, prevWan = 0, 0, false, math.MaxInt64, true
		case '亿':
			v := total + section + number
			if v == 0 {
				return 0, ErrSyntax
			}
			if v > math.MaxInt64/100_000_000 {
				return 0, ErrRange
			}
			total = v * 100_000_000
			section, number, pending, lastU, prevWan = 0, 0, false, math.MaxInt64, false
		default:
			return 0, ErrSyntax
		}
	}
	v := total + section + number
	if v < 0 {
		return 0, ErrRange
	}
	return v, nil
}
