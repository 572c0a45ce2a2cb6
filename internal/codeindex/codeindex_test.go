package codeindex

import (
	"math/rand/v2"
	"testing"
)

// TestParse checks the word-at-a-time digits against a byte loop, for
// codes with a non-digit at every place.
func TestParse(t *testing.T) {
	slow := func(code []byte) (uint64, bool) {
		var n uint64
		for _, c := range code {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + uint64(c-'0')
		}
		return n<<4 | uint64(len(code)), len(code) > 0 && len(code) <= 15
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		code := make([]byte, 1+rng.IntN(16))
		for i := range code {
			code[i] = byte('0' + rng.IntN(10))
		}
		if rng.IntN(3) == 0 {
			code[rng.IntN(len(code))] = []byte{'/', ':', ' ', 'a', 0xff, 0x00, '0' - 1, '9' + 1, 0x3a, 0xb0}[rng.IntN(10)]
		}
		k, ok := Parse(code)
		wk, wok := slow(code)
		if ok != wok || ok && k != wk {
			t.Fatalf("Parse(%q) = %d, %v; want %d, %v", code, k, ok, wk, wok)
		}
	}
}

// TestTable checks that codes put in a table are found at their
// positions, after renumbering too, and that others are not.
func TestTable(t *testing.T) {
	codes := []string{"430000", "431200", "431228", "431228100", "431228100201"}
	tab := New(len(codes))
	for i, c := range codes {
		p := Pack(Key(c))
		if !tab.Put(p, tab.Home(p), int32(i)) {
			t.Fatalf("Put(%s) refused", c)
		}
	}
	if p := Pack(Key(codes[0])); tab.Put(p, tab.Home(p), 9) {
		t.Errorf("Put of a code there already was taken")
	}
	tab.Renumber([]int32{4, 3, 2, 1, 0})
	for i, c := range codes {
		if pos, ok := tab.Get(Key(c)); !ok || pos != int32(len(codes)-1-i) {
			t.Errorf("Get(%s) = %d, %v; want %d", c, pos, ok, len(codes)-1-i)
		}
	}
	for _, c := range []string{"430001", "4312", "431228100202"} {
		if k, ok := ParseString(c); ok {
			if _, found := tab.Get(k); found {
				t.Errorf("Get(%s) found a code never put", c)
			}
		}
	}
	if got := String(Key("000123")); got != "000123" {
		t.Errorf("String(Key(000123)) = %q", got)
	}
	var zero Table
	if _, ok := zero.Get(Key("430000")); ok || !zero.Empty() {
		t.Error("the zero Table found a code")
	}
}
