// Package codeindex maps region codes (statistical division codes of 6, 9
// or 12 digits) to positions in a region set. Codes are handled as numbers:
// hashing a number is faster than hashing a string, and a ledger reader
// looks a region up on every line.
package codeindex

import (
	"encoding/binary"
	"fmt"
)

// Key packs a code of up to 15 digits and its length into a number, the
// form a [Table] is queried with. The code must be digits (see [Parse]).
func Key[T string | []byte](code T) uint64 {
	var n uint64
	for i := 0; i < len(code); i++ {
		n = n*10 + uint64(code[i]-'0')
	}
	return n<<4 | uint64(len(code))
}

// Parse checks that code can be a region code, one to fifteen digits, and
// returns its Key.
func Parse(code []byte) (uint64, bool) {
	if len(code) == 0 || len(code) > 15 {
		return 0, false
	}
	var n uint64
	rest := code
	if len(code) >= 8 {
		// The first eight digits at once: village and township codes
		// are 12 and 9 digits long.
		v, ok := eightDigits(code)
		if !ok {
			return 0, false
		}
		n, rest = v, code[8:]
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n<<4 | uint64(len(code)), true
}

// ParseString is Parse of a string.
func ParseString(code string) (uint64, bool) {
	if len(code) == 0 || len(code) > 15 {
		return 0, false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0, false
		}
	}
	return Key(code), true
}

// String writes a Key back as the code it was made from.
func String(k uint64) string {
	return fmt.Sprintf("%0*d", int(k&15), k>>4)
}

// eightDigits reads the number the first eight bytes of b write in decimal,
// if they are all digits, in a few arithmetic steps on one 64-bit word.
func eightDigits(b []byte) (uint64, bool) {
	v := binary.LittleEndian.Uint64(b)
	// Every byte is 0x30–0x39: its high nibble is 3, and adding 6 keeps it 3.
	const threes, sixes, highs = 0x3030303030303030, 0x0606060606060606, 0xf0f0f0f0f0f0f0f0
	if v&highs != threes || (v+sixes)&highs != threes {
		return 0, false
	}
	v -= threes
	v = (v * (10<<8 + 1)) >> 8 & 0x00ff00ff00ff00ff    // pairs of digits
	v = (v * (100<<16 + 1)) >> 16 & 0x0000ffff0000ffff // fours
	v = (v * (10000<<32 + 1)) >> 32                    // eight
	return v, true
}
