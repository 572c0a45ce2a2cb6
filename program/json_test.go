package program_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// TestJSONEncodesWhatDecodes checks that a program encodes only what its
// decoder reads back: an indicator without an aggregation and a program
// without a level are written and read back as they are (an indicator of
// the zero aggregation was written "Aggregation(0)", which the decoder
// refused), and what could not be read back is not written.
func TestJSONEncodesWhatDecodes(t *testing.T) {
	p := program.Program{
		ID: "p", Name: lang.Name{Zh: "试", En: "test"},
		Indicators: []outcome.Indicator{{Code: "x", Name: lang.Name{Zh: "x"}, Unit: quantity.Person}},
		Targets:    []target.Target{target.AtLeast("t", lang.Name{Zh: "t"}, "x", quantity.Int(5, quantity.Person))},
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
	if !reflect.DeepEqual(back.Indicators[0], p.Indicators[0]) || back.Level != 0 {
		t.Errorf("read back indicator %+v and level %v, want %+v and none", back.Indicators[0], back.Level, p.Indicators[0])
	}

	for name, bad := range map[string]program.Program{
		"an unknown aggregation": {ID: "p", Indicators: []outcome.Indicator{{Code: "x", Unit: quantity.Person, Aggregation: 9}}},
		"an unknown level":       {ID: "p", Level: 9},
		"a target of no kind":    {ID: "p", Targets: []target.Target{{}}},
	} {
		if b, err := json.Marshal(bad); err == nil {
			t.Errorf("%s: json.Marshal = %s, want an error", name, b)
		}
	}
}

// TestJSONLevel checks that a program's level is written as
// [outcome.Level]'s text, and that the names program.Level was written with
// before it became outcome.Level still read.
func TestJSONLevel(t *testing.T) {
	for _, tt := range []struct {
		text string
		want outcome.Level
	}{
		{"nation", outcome.Nation}, {"province", outcome.Province}, {"prefecture", outcome.Prefecture}, {"county", outcome.County},
		{"national", outcome.Nation}, {"provincial", outcome.Province}, {"prefectural", outcome.Prefecture},
	} {
		var p program.Program
		require.NoError(t, json.Unmarshal([]byte(`{"id":"p","level":"`+tt.text+`"}`), &p), "level %q", tt.text)
		assert.Equal(t, tt.want, p.Level, "level %q", tt.text)
		b, err := json.Marshal(p)
		require.NoError(t, err)
		assert.Contains(t, string(b), `"level":"`+tt.want.Name().In(lang.English)+`"`)
	}
	var p program.Program
	assert.Error(t, json.Unmarshal([]byte(`{"id":"p","level":"federal"}`), &p), "an unknown level")
}
