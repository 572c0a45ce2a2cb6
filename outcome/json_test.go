package outcome

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRecordJSONRoundTrip(t *testing.T) {
	in := []Record{
		{Indicator: "funds", Region: "430000", Period: MustParsePeriod("2005-/2019"), Quantity: MustParseQuantity("26.8亿多元"),
			Source: Cite("004_32acad38fe6c52df.txt", "二(三)一是", "[13]"), Note: "据不完全统计"},
		{Indicator: "star-spaces", Region: "430000", Period: Year(2019), Quantity: MustParseQuantity("3 000—5 000个")},
		{Indicator: "share", Region: "430000", Period: MustParsePeriod("2019-03"), Quantity: MustParseQuantity("不到 60%")},
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
		var q Quantity
		if err := json.Unmarshal([]byte(in), &q); err == nil {
			t.Errorf("json.Unmarshal(%s) = %v, want an error", in, q)
		}
	}
}
