package csvscan

import (
	"encoding/binary"
	"math/bits"
)

// Finding a field's end eight bytes at a time (SWAR, SIMD within a
// register): a ledger's fields are a few bytes long, too short for
// bytes.IndexByte's vector loop to pay for its call, and a line needs the
// first comma or line end, two bytes at once.

const (
	lows   = 0x0101010101010101
	highs  = 0x8080808080808080
	commas = ',' * lows
	lfs    = '\n' * lows
	quotes = '"' * lows
)

// zeroBytes marks with its high bit each byte of x that is zero. A byte
// above a zero byte may be marked too (the borrow of the subtraction runs
// upwards), never one below: the lowest mark is exact.
func zeroBytes(x uint64) uint64 { return (x - lows) &^ x & highs }

// IndexSep returns the index of the first comma or line feed in s, or -1.
func IndexSep(s []byte) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64(s[i:])
		if m := zeroBytes(w^commas) | zeroBytes(w^lfs); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == ',' || c == '\n' {
			return i
		}
	}
	return -1
}

// indexCommaQuote returns the index of the first comma or quote in s, or
// -1: where an unquoted field ends, or where a line needs the full parser.
func indexCommaQuote(s []byte) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64(s[i:])
		if m := zeroBytes(w^commas) | zeroBytes(w^quotes); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == ',' || c == '"' {
			return i
		}
	}
	return -1
}
