package target_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/target"
)

// jsonSeeds are targets of every shape the seeds need, and their results
// against a small ledger as of the end of 2019 and of 2021: a coverage with
// a shortfall, a per-unit range, a reduction, a range, a yearly target, an
// undecided figure (不到1200), a target with no data, and an all-of.
func jsonSeeds(f *testing.F) (targets, results [][]byte) {
	f.Helper()
	industries := outcome.Indicator{Code: "industries", Name: lang.Name{Zh: "特色产业"}, Unit: quantity.Piece, Aggregation: outcome.Stock}
	leaders := outcome.Indicator{Code: "leaders", Name: lang.Name{Zh: "创业致富带头人"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	poor := outcome.Indicator{Code: "rural-poor", Name: lang.Name{Zh: "农村贫困人口"}, Unit: quantity.Person, Aggregation: outcome.Stock}
	talents := outcome.Indicator{Code: "talents", Name: lang.Name{Zh: "三区科技人才"}, Unit: quantity.Person, Aggregation: outcome.Flow}
	spaces := outcome.Indicator{Code: "star-spaces", Name: lang.Name{Zh: "星创天地"}, Unit: quantity.Establishment, Aggregation: outcome.Stock}
	l := counties(industries, leaders, poor, talents, spaces)
	for _, r := range []struct{ indicator, region, period, figure string }{
		{"industries", "433122", "2019", "2个"}, {"industries", "433130", "2019", "1个"},
		{"leaders", "433122", "2019", "4位"}, {"leaders", "433130", "2019", "7位"},
		{"rural-poor", "430000", "2012", "9899万人"}, {"rural-poor", "430000", "2019", "551万人"},
		{"talents", "430000", "2018", "不到1200名"}, {"talents", "430000", "2019", "770名"},
		{"star-spaces", "430000", "~2011/2019", "149家"},
	} {
		err := l.Add(outcome.Record{Indicator: r.indicator, Region: r.region, Period: period.MustParse(r.period),
			Quantity: quantity.MustParse(r.figure), Source: outcome.Cite("004_32acad38fe6c52df.txt", "二(二)一是", "[11]")})
		if err != nil {
			f.Fatal(err)
		}
	}
	start, deadline := time.Date(2012, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	all := target.AllAt(lang.Name{Zh: "贫困县", En: "poor counties"}, outcome.County, "430000")
	tgs := []target.Target{
		// 004 §一(四)二是: 「为每个贫困县培育一个以上特色产业」.
		target.Coverage("industry-per-county", lang.Name{Zh: "每个贫困县一个以上特色产业"}, "industries", all, quantity.MustParse("一个以上")),
		// 000 §3.2: 「每村确定3—5位创业致富带头人」.
		target.EachInRange("leaders", lang.Name{Zh: "每村3—5位创业致富带头人"}, "leaders",
			target.Listed(lang.Name{Zh: "贫困村"}, "433122", "433130", "433125"), quantity.MustParse("3—5位")),
		// 000 intro: 9899万 (2012) to zero by 2020.
		target.Reduction("rural-poor-zero", lang.Name{Zh: "农村贫困人口全部脱贫"}, "rural-poor", quantity.MustParse("9899万人"), quantity.MustParse("0人")).From(start).By(deadline),
		// 000 §3.1(2): 「3 000—5 000个星创天地」.
		target.Range("star-spaces", lang.Name{Zh: "3 000—5 000个星创天地"}, "star-spaces", quantity.MustParse("3 000—5 000个")),
		// 004 §一(四)一是 [4]: 「近1000名“三区”科技人才」 each year.
		target.EachYear("talents-a-year", lang.Name{Zh: "每年近1000名三区科技人才"}, "talents", quantity.MustParse("近1000名")).
			From(time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)).By(deadline),
		target.AtLeast("talents", lang.Name{Zh: "1000名"}, "talents", quantity.MustParse("1000名")).
			Cite(outcome.Cite("004_32acad38fe6c52df.txt", "一(四)一是", "[4]")).In("430000"),
		target.Observe("spaces-seen", lang.Name{Zh: "星创天地"}, "star-spaces"),
	}
	tgs = append(tgs, target.AllOf("all", lang.Name{Zh: "全部", En: "all of them"}, tgs[0], tgs[2], tgs[5]).By(deadline))
	for _, tg := range tgs {
		b, err := json.Marshal(tg)
		if err != nil {
			f.Fatalf("json.Marshal(%s): %v", tg.ID(), err)
		}
		targets = append(targets, b)
		for _, asOf := range []time.Time{time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)} {
			r, err := tg.Evaluate(l, asOf)
			if err != nil {
				f.Fatalf("%s.Evaluate: %v", tg.ID(), err)
			}
			b, err := json.Marshal(r)
			if err != nil {
				f.Fatalf("json.Marshal(result %s): %v", tg.ID(), err)
			}
			results = append(results, b)
		}
	}
	return targets, results
}

// checkJSON decodes data into a new T and, when that succeeds, checks that
// the value encodes, and that its encoding is a fixed point: decoding it
// and encoding again gives the same bytes, and equal reports the two
// decoded values equal. A decoder may drop what the shape does not carry
// (an "achieved" beside "no data", a "required" on an all-of), so the
// first decoded value need not equal the second; the second and third
// must.
func checkJSON[T any](t *testing.T, data []byte, equal func(a, b T) bool) {
	t.Helper()
	var v1 T
	if err := json.Unmarshal(data, &v1); err != nil {
		return
	}
	b1, err := json.Marshal(v1)
	if err != nil {
		t.Fatalf("%s decodes to %+v, which does not encode: %v", data, v1, err)
	}
	var v2 T
	if err := json.Unmarshal(b1, &v2); err != nil {
		t.Fatalf("%s decodes and encodes to\n%s\nwhich does not decode: %v", data, b1, err)
	}
	b2, err := json.Marshal(v2)
	if err != nil {
		t.Fatalf("%s decodes, encodes and decodes to %+v, which does not encode: %v", b1, v2, err)
	}
	var v3 T
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
	if equal != nil && !equal(v2, v3) {
		t.Fatalf("%s decodes to %+v, then to %+v, not equal", b2, v2, v3)
	}
}

// FuzzTargetJSON checks Target.UnmarshalJSON on any bytes: it does not
// panic, what it decodes encodes, and the encoding decodes to an equal
// target ([target.Target.Equal]) that encodes to the same bytes.
func FuzzTargetJSON(f *testing.F) {
	targets, _ := jsonSeeds(f)
	for _, b := range targets {
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","kind":"coverage","population":{"name":{"zh":"贫困县"},"level":"county","within":"430000","condition":{"zh":"有条件的"},"predicate":true,"in":["433100"]},"required":{"value":"1","unit":"units","qualifier":"以上"},"scope":"433100","in":["430000"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkJSON(t, data, target.Target.Equal)
	})
}

// FuzzResultJSON checks Result.UnmarshalJSON on any bytes: it does not
// panic, what it decodes encodes, and the encoding decodes to a result
// that encodes to the same bytes.
func FuzzResultJSON(f *testing.F) {
	_, results := jsonSeeds(f)
	for _, b := range results {
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","name":{"zh":"x"},"kind":"at least","status":"undecided","certainty":"upper bound","certain":false,"required":{"value":"1000","unit":"persons"},"achieved":{"value":"1200","unit":"persons","qualifier":"不到"},"bounds":{"hi":"1200","hiOpen":true},"records":1,"dataAsOf":"2019-12-31"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkJSON[target.Result](t, data, nil)
	})
}
