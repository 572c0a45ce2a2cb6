package codeindex

import (
	"fmt"
	"math/rand/v2"
	"slices"
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

// runsFind is Runs.Find with the Table's answer where Runs ask for it.
func runsFind(r *Runs, pos map[uint64]int32, k uint64) (int32, bool, int) {
	got, miss := r.Find(k)
	if miss == Asks {
		p, ok := pos[k]
		return p, ok, miss
	}
	return got, miss == 0, miss
}

// TestRuns checks Runs on codes laid out as a region set lays them out,
// with gaps in the numbering, a 9-digit code and a county without villages.
func TestRuns(t *testing.T) {
	codes := []string{"130000", "130121", "130121001201", "130121001202", "130121001204", "130121002201",
		"130121002202", "130122", "130122001", "130122001201", "130122001202", "130122001203", "130123", "310000", "999999001201"}
	keys := make([]uint64, len(codes))
	pos := map[uint64]int32{}
	for i, c := range codes {
		keys[i] = Key(c)
		pos[keys[i]] = int32(i)
	}
	r := NewRuns(len(keys), func(i int32) uint64 { return keys[i] })
	if r == nil {
		t.Fatal("NewRuns of codes in code order = nil")
	}
	for i, k := range keys {
		if got, ok, _ := runsFind(r, pos, k); !ok || got != int32(i) {
			t.Errorf("Find(%s) = %d, %v, want %d", codes[i], got, ok, i)
		}
	}
	for _, c := range []string{"130121001203", "130121001200", "130121003201", "130123001201", "130124", "999999", "000000000000", "130121999999", "130122001204"} {
		if got, ok, _ := runsFind(r, pos, Key(c)); ok {
			t.Errorf("Find(%s) = %d, want none", c, got)
		}
	}
	out := []uint64{Key("130121001202"), Key("130121001201")}
	if r := NewRuns(2, func(i int32) uint64 { return out[i] }); r != nil {
		t.Error("NewRuns of codes out of code order made Runs, want nil")
	}
	var none *Runs
	if _, miss := none.Find(Key("130121")); miss != Asks {
		t.Errorf("nil Runs: Find miss = %d, want Asks", miss)
	}
}

// TestRunsRandom checks Runs against a map on random codes, consecutive
// village numbers and not, townships near and far apart, with lookups of
// the codes in the set and next to them.
func TestRunsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	var codes []string
	for range 300 {
		county := fmt.Sprintf("%06d", rng.IntN(1000))
		for _, c := range []string{county, county + fmt.Sprintf("%03d", rng.IntN(5))} {
			if !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
		start := rng.IntN(990)
		for v := start; v < start+rng.IntN(10); v += 1 + rng.IntN(2) {
			c := fmt.Sprintf("%s%03d%03d", county, []int{0, 1, 2, 500}[rng.IntN(4)], v)
			if !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
	}
	slices.Sort(codes)
	pos := map[uint64]int32{}
	keys := make([]uint64, len(codes))
	for i, c := range codes {
		keys[i] = Key(c)
		pos[keys[i]] = int32(i)
	}
	r := NewRuns(len(keys), func(i int32) uint64 { return keys[i] })
	asked := 0
	for _, k := range keys {
		for _, q := range []uint64{k, k + 1<<4, k - 1<<4} {
			want, wantOK := pos[q]
			got, ok, miss := runsFind(r, pos, q)
			if got != want || ok != wantOK {
				t.Fatalf("Find(%s) = %d, %v, want %d, %v", String(q), got, ok, want, wantOK)
			}
			if miss == Asks {
				asked++
			}
		}
	}
	if asked == 0 || asked == 3*len(keys) {
		t.Errorf("Runs asked the Table for %d of %d lookups, want some, not all", asked, 3*len(keys))
	}
}
