package program_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/target"
)

// programsEqual reports whether two programs have the same fields, targets
// compared by [target.Target.Equal].
func programsEqual(p, q program.Program) bool {
	return p.ID == q.ID && p.Name == q.Name && p.Level == q.Level && slices.Equal(p.Issuers, q.Issuers) &&
		p.Start.Equal(q.Start) && p.Deadline.Equal(q.Deadline) && p.Source == q.Source &&
		slices.EqualFunc(p.Indicators, q.Indicators, func(a, b outcome.Indicator) bool { return reflect.DeepEqual(a, b) }) && slices.EqualFunc(p.Targets, q.Targets, target.Target.Equal)
}

// FuzzProgramJSON checks Program.UnmarshalJSON on any bytes: it does not
// panic; what it decodes encodes; and the encoding decodes to an equal
// program that encodes to the same bytes. The decoder may drop what the
// shape does not carry, so the first decoded value is compared only after
// one round. The seeds are catalogue programs, which must decode equal to
// themselves.
func FuzzProgramJSON(f *testing.F) {
	for _, p := range []program.Program{national.BaiQianWan(), national.SciTechAidProject(), hunan.SevenOnes(), hunan.ExpertServiceTeams()} {
		b, err := json.Marshal(p)
		if err != nil {
			f.Fatalf("json.Marshal(%s): %v", p.ID, err)
		}
		var back program.Program
		if err := json.Unmarshal(b, &back); err != nil {
			f.Fatalf("%s does not decode: %v", p.ID, err)
		}
		// A population's predicate is Go code and is not written: compare
		// the encodings.
		if again, err := json.Marshal(back); err != nil || !bytes.Equal(again, b) {
			f.Fatalf("%s decodes and encodes to\n%s\nwant\n%s (%v)", p.ID, again, b, err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id":"p","name":{"zh":"试"},"level":"provincial","start":"2018-01-01","deadline":"2020-12-31","indicators":[{"code":"x","name":{"zh":"x"},"unit":"persons","aggregation":"flow"}],"targets":[{"id":"t","name":{"zh":"t"},"kind":"at least","indicator":"x","required":{"value":"5","unit":"persons","qualifier":"余"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v1 program.Program
		if err := json.Unmarshal(data, &v1); err != nil {
			return
		}
		b1, err := json.Marshal(v1)
		if err != nil {
			t.Fatalf("%s decodes to %+v, which does not encode: %v", data, v1, err)
		}
		var v2 program.Program
		if err := json.Unmarshal(b1, &v2); err != nil {
			t.Fatalf("%s decodes and encodes to\n%s\nwhich does not decode: %v", data, b1, err)
		}
		b2, err := json.Marshal(v2)
		if err != nil {
			t.Fatalf("%s decodes to %+v, which does not encode: %v", b1, v2, err)
		}
		var v3 program.Program
		if err := json.Unmarshal(b2, &v3); err != nil {
			t.Fatalf("%s does not decode: %v", b2, err)
		}
		b3, err := json.Marshal(v3)
		if err != nil {
			t.Fatalf("%s does not encode again: %v", b2, err)
		}
		if !bytes.Equal(b2, b3) {
			t.Fatalf("encoding is not stable for %s:\n%s\nthen\n%s", data, b2, b3)
		}
		if !programsEqual(v2, v3) {
			t.Fatalf("%s decodes to %+v, then to %+v, not equal", b2, v2, v3)
		}
	})
}
