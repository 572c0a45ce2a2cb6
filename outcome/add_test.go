package outcome

import (
	"errors"
	"testing"
)

// TestAddFirstBadText checks that a record whose source and note are both
// not UTF-8 is refused for the first of them in the order of the columns
// (source, section, mark, note), every time.
func TestAddFirstBadText(t *testing.T) {
	const bad = "\xd6\xd0" // 中 in GBK
	tests := []struct {
		name string
		src  Citation
		note string
		want string
	}{
		{"all four", Citation{bad, bad, bad}, bad, "source"},
		{"section, mark and note", Citation{"004", bad, bad}, bad, "section"},
		{"mark and note", Citation{"004", "二", bad}, bad, "mark"},
		{"note", Citation{"004", "二", "[1]"}, bad, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLedger(t)
			r := rec("training", "433122", "2019", "5人次")
			r.Source, r.Note = tt.src, tt.note
			for range 50 { // a choice left to chance shows within a few runs
				err := l.Add(r)
				var re *RecordError
				if !errors.As(err, &re) || re.Field != tt.want || !errors.Is(err, ErrEncoding) {
					t.Fatalf("Add error = %v, want %s not UTF-8", err, tt.want)
				}
			}
		})
	}
}
