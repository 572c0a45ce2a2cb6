package csvscan

import (
	"bytes"
	"testing"
)

// indexSepRef is IndexSep a byte at a time.
func indexSepRef(s []byte) int {
	return bytes.IndexFunc(s, func(r rune) bool { return r == ',' || r == '\n' })
}

func TestIndexSep(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"empty", "", -1},
		{"none", "commissioner", -1},
		{"comma first", ",x", 0},
		{"line feed first", "\nx", 0},
		{"comma in the first word", "ab,cdefghij", 2},
		{"comma in the second word", "abcdefghij,k", 10},
		{"line feed before a comma", "abcdefghi\n,", 9},
		{"in the tail", "abcdefgh12", -1},
		{"tail comma", "abcdefgh1,", 9},
		{"bytes one above and below", "+-\x0b\t+-\x0b\t,", 8},
		{"high bytes", "\xff\x80\xac\x8a\xff\x80\xac\x8a\n", 8},
		{"zero bytes", "\x00\x00\x00\x00\x00\x00\x00\x00\x00,", 9},
		{"after a chinese name", "科技特派员,1", 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IndexSep([]byte(tt.in)); got != tt.want {
				t.Errorf("IndexSep(%q) = %d, want %d", tt.in, got, tt.want)
			}
			if got := indexSepRef([]byte(tt.in)); got != tt.want {
				t.Errorf("reference(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzIndexSep checks IndexSep against a byte-at-a-time search, at
// every alignment of the input within a word.
func FuzzIndexSep(f *testing.F) {
	for _, s := range []string{"", ",", "\n", "training,610151,2016,915\n", "\x2b\x2d\x09\x0b,\n", "科技特派员,1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		for i := range min(len(s), 8) {
			if got, want := IndexSep(s[i:]), indexSepRef(s[i:]); got != want {
				t.Fatalf("IndexSep(%q) = %d, want %d", s[i:], got, want)
			}
		}
	})
}

// FuzzIndexCommaQuote checks indexCommaQuote against a byte-at-a-time
// search, at every alignment of the input within a word.
func FuzzIndexCommaQuote(f *testing.F) {
	for _, s := range []string{"", ",", "\"", "130121002207,Hebei County 001 Village 027,village,130121", "a\"b,c", "科技特派员,\"1\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		for i := range min(len(s), 8) {
			want := bytes.IndexFunc(s[i:], func(r rune) bool { return r == ',' || r == '"' })
			if got := indexCommaQuote(s[i:]); got != want {
				t.Fatalf("indexCommaQuote(%q) = %d, want %d", s[i:], got, want)
			}
		}
	})
}
