package outcome

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

func TestRecordJSONRoundTrip(t *testing.T) {
	in := []Record{
		{Indicator: "funds", Region: "430000", Period: period.MustParse("2005-/2019"), Quantity: quantity.MustParse("26.8亿多元"),
			Source: Cite("004_32acad38fe6c52df.txt", "二(三)一是", "[13]"), Note: "据不完全统计"},
		{Indicator: "star-spaces", Region: "430000", Period: period.Year(2019), Quantity: quantity.MustParse("3 000—5 000个")},
		{Indicator: "share", Region: "430000", Period: period.MustParse("2019-03"), Quantity: quantity.MustParse("不到 60%")},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"indicator":"funds","region":"430000","period":"2005-/2019","value":{"value":"2680000000","unit":"yuan","qualifier":"多"},` +
		`"source":{"document":"004_32acad38fe6c52df.txt","section":"二(三)一是","mark":"[13]"},"note":"据不完全统计"}`
	var first []json.RawMessage
	if err := json.Unmarshal(b, &first); err != nil || string(first[0]) != want {
		t.Errorf("json.Marshal(record) =\n%s\nwant\n%s", first[0], want)
	}
	var out []Record
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestQuantityJSONRefuses(t *testing.T) {
	for _, in := range []string{
		`{"value":"x"}`, `{"value":"1","unit":"棵"}`, `{"value":"-1"}`, `{"value":"5","max":"3"}`, `{"value":"1","qualifier":"大约"}`,
		`{"value":"1e3"}`, `{"value":"1","max":"1E3"}`, `{"value":"000E0000100000000"}`, `{"value":".5"}`, `{"value":"5."}`, `{"value":"+5"}`, `{"value":""}`,
	} {
		var q quantity.Quantity
		if err := json.Unmarshal([]byte(in), &q); err == nil {
			t.Errorf("json.Unmarshal(%s) = %v, want an error", in, q)
		}
	}
}

// TestJSONEncodesWhatDecodes checks every value of the enums written as
// text, and quantities and periods that cannot be read back: what encodes
// decodes equal, or encoding fails. Aggregation(0) was written
// "Aggregation(0)", which UnmarshalText refused.
func TestJSONEncodesWhatDecodes(t *testing.T) {
	roundTrip := func(name string, v any, back any) {
		t.Helper()
		b, err := json.Marshal(v)
		if err != nil {
			return // not written: fine
		}
		if err := json.Unmarshal(b, back); err != nil {
			t.Errorf("%s %v encodes to %s, which does not decode: %v", name, v, b, err)
		}
	}
	for i := range 256 {
		a, l, u, c := Aggregation(i), Level(i), quantity.Unit(i), quantity.Certainty(i)
		var a2 Aggregation
		var l2 Level
		var u2 quantity.Unit
		var c2 quantity.Certainty
		roundTrip("Aggregation", a, &a2)
		roundTrip("Level", l, &l2)
		roundTrip("Unit", u, &u2)
		roundTrip("Certainty", c, &c2)
		for _, tt := range []struct {
			name      string
			v, got    any
			wantValid bool
		}{
			{"Aggregation", a, a2, a <= Entries},
			{"Level", l, l2, l == 0 || l.IsValid()},
			{"Unit", u, u2, u == 0 || u.IsValid()},
			{"Certainty", c, c2, c <= quantity.Approximate},
		} {
			if _, err := json.Marshal(tt.v); (err == nil) != tt.wantValid {
				t.Errorf("json.Marshal(%s %v) error = %v, want one: %v", tt.name, tt.v, err, !tt.wantValid)
			}
			if tt.wantValid && tt.got != tt.v {
				t.Errorf("%s %v reads back as %v", tt.name, tt.v, tt.got)
			}
		}
	}

	// An indicator of the zero aggregation, and a region of the zero
	// level, are written and read back as they are; validating them is
	// another matter.
	ind := Indicator{Code: "x", Unit: quantity.Person, Aliases: []string{"培训场次"}}
	var ind2 Indicator
	roundTrip("Indicator", ind, &ind2)
	if !cmp.Equal(ind2, ind) {
		t.Errorf("indicator %+v reads back as %+v", ind, ind2)
	}

	for _, tt := range []struct {
		name string
		v    any
		want error // from json.Marshal
	}{
		{"the zero period", period.Period{}, nil},
		{"a query window", period.Through(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC)), errOutOfRange},
		{"a negative quantity", quantity.Int(-1, quantity.Person), errNegative},
		{"an unknown qualifier", quantity.New(decimal.NewFromInt(1), quantity.Person, qualifierEnd), errUnknownQualifier},
		{"an unknown unit", quantity.Int(1, quantity.Unit(200)), errUnknownUnit},
		{"a range upside down", quantity.Between(decimal.NewFromInt(5), decimal.NewFromInt(3), quantity.Person), errRangeOrder},
		{"31 digits", quantity.New(decimal.New(1, 30), quantity.Person, 0), errOutOfRange},
	} {
		b, err := json.Marshal(tt.v)
		if !errors.Is(err, tt.want) {
			t.Errorf("json.Marshal(%s) = %s, %v; want %v", tt.name, b, err, tt.want)
		}
	}
	var p period.Period
	if err := json.Unmarshal([]byte(`""`), &p); err != nil || !p.IsZero() {
		t.Errorf(`"" reads as period %v, %v; want the zero Period`, p, err)
	}
}
