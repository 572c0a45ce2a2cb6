package outcome

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// enumValue is a defined value of one of the package's enums, with its
// names.
type enumValue interface {
	fmt.Stringer
	encoding.TextMarshaler
	Name() lang.Name
}

// every lists every defined value of each enum of the package.
func every() map[string][]enumValue {
	m := map[string][]enumValue{}
	for l := Nation; l.IsValid(); l++ {
		m["Level"] = append(m["Level"], l)
	}
	for u := quantity.Piece; u.IsValid(); u++ {
		m["Unit"] = append(m["Unit"], u)
	}
	for _, c := range []quantity.Certainty{quantity.Exact, quantity.LowerBound, quantity.UpperBound, quantity.Approximate} {
		m["Certainty"] = append(m["Certainty"], c)
	}
	for _, k := range []period.Kind{period.KindYear, period.KindMonth, period.KindSpan, period.KindCumulative, period.KindUndated} {
		m["Kind"] = append(m["Kind"], k)
	}
	for _, a := range []Aggregation{Stock, Flow, Entries} {
		m["Aggregation"] = append(m["Aggregation"], a)
	}
	return m
}

// String is Chinese for every enum: the name's Chinese half.
func TestStringIsChinese(t *testing.T) {
	tests := []struct {
		v    fmt.Stringer
		want string
	}{
		{County, "县市区"},
		{Level(9), "Level(9)"},
		{quantity.Person, "名"},
		{quantity.PersonTime, "人次"},
		{quantity.Unit(0), ""},
		{quantity.Unit(99), "Unit(99)"},
		{quantity.LowerBound, "下限"},
		{quantity.Certainty(9), "Certainty(9)"},
		{period.KindYear, "年"},
		{period.KindCumulative, "累计"},
		{period.Kind(0), "Kind(0)"},
		{Stock, "存量"},
		{Flow, "流量"},
		{Aggregation(0), "Aggregation(0)"},
		{quantity.Reached | quantity.MoreThanDuo, "达+多"},
		{lang.Chinese, "zh"}, // a tag, not a label
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%T(%d).String() = %q, want %q", tt.v, tt.v, got, tt.want)
		}
	}
	for enum, values := range every() {
		for _, v := range values {
			if n := v.Name(); n.Zh == "" || n.En == "" || v.String() != n.Zh {
				t.Errorf("%s %v: Name() = %+v, String() = %q: want both languages and String the Chinese", enum, v, n, v.String())
			}
		}
	}
}

// MarshalText writes the stable English code; UnmarshalText reads it back,
// and reads the Chinese name that String writes.
func TestTextCodeAndChinese(t *testing.T) {
	for enum, values := range every() {
		for _, v := range values {
			b, err := v.MarshalText()
			if err != nil || string(b) != v.Name().En {
				t.Errorf("%s %v: MarshalText() = %q, %v, want %q", enum, v, b, err, v.Name().En)
				continue
			}
			for _, form := range []string{v.Name().En, v.String()} {
				got, err := unmarshalAs(v, form)
				if err != nil || got != v {
					t.Errorf("%s: UnmarshalText(%q) = %v, %v, want %v", enum, form, got, err, v)
				}
			}
		}
	}
	for _, s := range []string{"county", "县市区"} {
		if l, err := ParseLevel(s); err != nil || l != County {
			t.Errorf("ParseLevel(%q) = %v, %v, want County", s, l, err)
		}
	}
	for _, s := range []string{"flow", "流量"} {
		if a, err := ParseAggregation(s); err != nil || a != Flow {
			t.Errorf("ParseAggregation(%q) = %v, %v, want Flow", s, a, err)
		}
	}
	for _, s := range []string{"person-times", "人次"} {
		if u, err := quantity.ParseUnit(s); err != nil || u != quantity.PersonTime {
			t.Errorf("ParseUnit(%q) = %v, %v, want PersonTime", s, u, err)
		}
	}
}

// unmarshalAs decodes s into a new value of v's type.
func unmarshalAs(v enumValue, s string) (enumValue, error) {
	switch v.(type) {
	case Level:
		var x Level
		err := x.UnmarshalText([]byte(s))
		return x, err
	case quantity.Unit:
		var x quantity.Unit
		err := x.UnmarshalText([]byte(s))
		return x, err
	case quantity.Certainty:
		var x quantity.Certainty
		err := x.UnmarshalText([]byte(s))
		return x, err
	case period.Kind:
		var x period.Kind
		err := x.UnmarshalText([]byte(s))
		return x, err
	case Aggregation:
		var x Aggregation
		err := x.UnmarshalText([]byte(s))
		return x, err
	}
	return nil, fmt.Errorf("no decoder for %T", v)
}

func TestQualifierName(t *testing.T) {
	tests := []struct {
		q    quantity.Qualifier
		want lang.Name
	}{
		{0, lang.Name{}},
		{quantity.MoreThanYu, lang.Name{Zh: "余", En: "more than"}},
		{quantity.Reached | quantity.MoreThanDuo, lang.Name{Zh: "达+多", En: "reached, more than"}},
		{quantity.IncompleteStats | quantity.Cumulative, lang.Name{Zh: "据不完全统计+累计", En: "by incomplete statistics, cumulative"}},
	}
	for _, tt := range tests {
		if got := tt.q.Name(); got != tt.want {
			t.Errorf("%v.Name() = %+v, want %+v", tt.q, got, tt.want)
		}
	}
	if got := quantity.MustParse("达1000多个").In(lang.English); got != "reached, more than 1,000" {
		t.Errorf(`quantity.MustParse("达1000多个").In(English) = %q, want "reached, more than 1,000"`, got)
	}
}
