package outcome

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestAttributesText checks the attrs cell: what MarshalText writes,
// UnmarshalText reads back equal, and a cell written by hand reads as
// MakeAttributes would make it.
func TestAttributesText(t *testing.T) {
	for _, a := range []Attributes{
		{},
		MakeAttributes("填报人", "张三"),
		MakeAttributes("联系电话", "0743-1234567", "填报人", "张三"),
		MakeAttributes("a=b", "c;d", `e\`, `\f\`, "多行", "一\n二", "引号", `"x", y`),
	} {
		text, err := a.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Attributes
		if err := back.UnmarshalText(text); err != nil || back != a {
			t.Errorf("UnmarshalText(%q) = %q, %v, want %q", text, back, err, a)
		}
	}
	if text, _ := MakeAttributes("a=b", "c;d", `e\`, "f").MarshalText(); string(text) != `a\=b=c\;d; e\\=f` {
		t.Errorf("MarshalText = %q, want the separators escaped", text)
	}
	for _, c := range []struct{ text, want string }{
		{" 填报人 = 张三 ;联系电话=0743; ", "填报人=张三; 联系电话=0743"},
		{"a=; b=2", "b=2"},  // an empty value is no attribute
		{"a=1; a=2", "a=1"}, // a key twice keeps its first value
		{`a=x\`, `a=x\`},    // a backslash at the end stands for itself
		{"a=b=c", "a=b=c"},  // the first = separates
		{"a=\x1eb", "a=b"},  // a control character becomes space, then trimmed
	} {
		var a Attributes
		if err := a.UnmarshalText([]byte(c.text)); err != nil || a.String() != c.want {
			t.Errorf("UnmarshalText(%q) = %q, %v, want %q", c.text, a, err, c.want)
		}
	}
	if err := new(Attributes).UnmarshalText([]byte("k=\xd6\xd0")); !errors.Is(err, ErrEncoding) {
		t.Errorf("UnmarshalText of GBK bytes: error %v, want ErrEncoding", err)
	}
	for _, bad := range []string{"填报人", "a=1; b", "=1", `a\=1`} {
		var a Attributes
		if err := a.UnmarshalText([]byte(bad)); !errors.Is(err, ErrSyntax) {
			t.Errorf("UnmarshalText(%q) error = %v, want ErrSyntax", bad, err)
		}
	}
}

func TestAttributesJSON(t *testing.T) {
	a := MakeAttributes("填报人", "张三", "a\"b", "<&>", "联系电话", "0743")
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"填报人":"张三","a\"b":"\u003c\u0026\u003e","联系电话":"0743"}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s (keys in their order)", b, want)
	}
	var back Attributes
	if err := json.Unmarshal(b, &back); err != nil || back != a {
		t.Errorf("Unmarshal(%s) = %q, %v, want %q", b, back, err, a)
	}
	if b, _ := json.Marshal(Attributes{}); string(b) != "{}" {
		t.Errorf("Marshal of no attribute = %s, want {}", b)
	}
	for in, want := range map[string]string{`null`: "", `{}`: "", `{"a":"","b":"1","b":"2"}`: "b=1"} {
		back = MakeAttributes("x", "y")
		if err := json.Unmarshal([]byte(in), &back); err != nil || back.String() != want {
			t.Errorf("Unmarshal(%s) = %q, %v, want %q", in, back, err, want)
		}
	}
	for _, bad := range []string{`{"a":1}`, `{"a":{"b":"c"}}`, `["a"]`, `"a=1"`, `{"a":null}`} {
		if err := back.UnmarshalJSON([]byte(bad)); !errors.Is(err, ErrSyntax) {
			t.Errorf("UnmarshalJSON(%s) error = %v, want ErrSyntax", bad, err)
		}
	}
}

// TestReadAttrsErrors checks that a bad attrs cell or object is refused
// with the file, line and column, and the file leaves nothing behind.
func TestReadAttrsErrors(t *testing.T) {
	const head = "indicator,region,period,value,attrs\n"
	for _, c := range []struct {
		name, in string
		read     func(*Ledger, string) error
		line     int
	}{
		{"csv", head + "training,433122,2018,5,填报人=张三\ntraining,433122,2019,5,填报人\n",
			func(l *Ledger, in string) error { return l.ReadCSV(strings.NewReader(in), ReadOptions{Name: "f"}) }, 3},
		{"jsonl", `{"indicator":"training","region":"433122","period":"2018","value":"5人次","attrs":{"填报人":"张三"}}` + "\n" +
			`{"indicator":"training","region":"433122","period":"2019","value":"5人次","attrs":{"填报人":5}}` + "\n",
			func(l *Ledger, in string) error { return l.ReadJSONL(strings.NewReader(in), ReadOptions{Name: "f"}) }, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := testLedger(t)
			err := c.read(l, c.in)
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "f" || pe.Line != c.line || pe.Column != "attrs" || !errors.Is(err, ErrSyntax) {
				t.Errorf("error = %v, want f:%d attrs: ErrSyntax", err, c.line)
			}
			if l.Len() != 0 {
				t.Errorf("a refused file left %d records", l.Len())
			}
		})
	}
	// A file's own extra columns and the attrs column read together, the
	// column's value first and winning over the cell's; Strict takes the
	// attrs column as one of the format's.
	in := "indicator,region,period,value,attrs,填报人\ntraining,433122,2019,5,联系电话=0743; 填报人=李四,张三\n"
	l := testLedger(t)
	if err := l.ReadCSV(strings.NewReader(in), ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	for r := range l.All() {
		if got := r.Attrs.String(); got != "填报人=张三; 联系电话=0743" {
			t.Errorf("attributes = %q, want the 填报人 column's, then the attrs cell's", got)
		}
	}
	in = "indicator,region,period,value,attrs\ntraining,433122,2019,5,填报人=张三\n"
	if err := testLedger(t).ReadCSV(strings.NewReader(in), ReadOptions{Strict: true}); err != nil {
		t.Errorf("a strict reader refuses the attrs column: %v", err)
	}
}

// TestAddRefusesAttributesNotUTF8 checks that text that is not UTF-8 in an
// attribute is refused, as in a note, never replaced.
func TestAddRefusesAttributesNotUTF8(t *testing.T) {
	l := testLedger(t)
	r := rec("commissioners", "433122", "2019", "3名")
	r.Attrs = MakeAttributes("填报人", "张\xff")
	err := l.Add(r)
	var re *RecordError
	if !errors.As(err, &re) || re.Field != "attrs" || !errors.Is(err, ErrEncoding) {
		t.Fatalf("Add = %v, want attrs: ErrEncoding", err)
	}
	if l.Len() != 0 {
		t.Errorf("the refused record was added")
	}
}
