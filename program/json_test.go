package program_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/target"
)

// TestJSONEncodesWhatDecodes checks that a program encodes only what its
// decoder reads back: an indicator without an aggregation and a program
// without a level are written and read back as they are (an indicator of
// the zero aggregation was written "Aggregation(0)", which the decoder
// refused), and what could not be read back is not written.
func TestJSONEncodesWhatDecodes(t *testing.T) {
	p := program.Program{
		ID: "p", Name: outcome.Name{Zh: "试", En: "test"},
		Indicators: []outcome.Indicator{{Code: "x", Name: outcome.Name{Zh: "x"}, Unit: outcome.Person}},
		Targets:    []target.Target{target.AtLeast("t", outcome.Name{Zh: "t"}, "x", outcome.Int(5, outcome.Person))},
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	var back program.Program
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%s does not decode: %v", b, err)
	}
	again, err := json.Marshal(back)
	if err != nil || string(again) != string(b) {
		t.Errorf("round trip:\n%s\nwant\n%s (%v)", again, b, err)
	}
	if back.Indicators[0] != p.Indicators[0] || back.Level != 0 {
		t.Errorf("read back indicator %+v and level %v, want %+v and none", back.Indicators[0], back.Level, p.Indicators[0])
	}

	for i := range 256 {
		l := program.Level(i)
		b, err := json.Marshal(l)
		if err != nil {
			if !errors.Is(err, program.ErrInvalid) || !l.Name().IsZero() {
				t.Errorf("json.Marshal(%v) error = %v", l, err)
			}
			continue
		}
		var back program.Level
		if err := json.Unmarshal(b, &back); err != nil || back != l {
			t.Errorf("level %v encodes to %s, which reads back as %v, %v", l, b, back, err)
		}
	}

	for name, bad := range map[string]program.Program{
		"an unknown aggregation": {ID: "p", Indicators: []outcome.Indicator{{Code: "x", Unit: outcome.Person, Aggregation: 9}}},
		"an unknown level":       {ID: "p", Level: 9},
		"a target of no kind":    {ID: "p", Targets: []target.Target{{}}},
	} {
		if b, err := json.Marshal(bad); err == nil {
			t.Errorf("%s: json.Marshal = %s, want an error", name, b)
		}
	}
}
