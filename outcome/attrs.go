package outcome

import (
	"iter"
	"strings"
)

// Attributes are the columns of a row that are neither a record's nor a
// region's own fields, kept with what the row became: a record's 填报人, a
// region's 是否贫困村 or 退出年份. They are kept as written and take no part
// in evaluation. Attributes is an immutable, comparable value: one string,
// so that a ledger interns the attributes of a run of rows once, as it
// interns their source. The zero value has none.
type Attributes struct {
	s string // key \x1f value \x1e key \x1f value …, in column order
}

const (
	attrKV  = '\x1f' // between a key and its value
	attrSep = '\x1e' // between two attributes
)

// MakeAttributes returns the attributes given as key, value pairs, in
// order; a pair with an empty value is left out, a key given twice keeps
// its first value, and an odd last key is ignored. Control characters
// \x1e and \x1f become spaces.
func MakeAttributes(kv ...string) Attributes {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		k, v := clean(kv[i]), clean(kv[i+1])
		if k == "" || v == "" {
			continue
		}
		if _, dup := (Attributes{b.String()}).Get(k); dup {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(attrSep)
		}
		b.WriteString(k)
		b.WriteByte(attrKV)
		b.WriteString(v)
	}
	return Attributes{b.String()}
}

func clean(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\x1e\x1f") {
		s = strings.NewReplacer("\x1e", " ", "\x1f", " ").Replace(s)
	}
	return s
}

// appendAttr appends a key and a value, both clean, to the encoded
// attributes b.
func appendAttr(b []byte, k, v []byte) []byte {
	if len(b) > 0 {
		b = append(b, attrSep)
	}
	b = append(b, k...)
	b = append(b, attrKV)
	return append(b, v...)
}

// IsZero reports whether a has no attribute.
func (a Attributes) IsZero() bool { return a.s == "" }

// Len returns the number of attributes.
func (a Attributes) Len() int {
	if a.s == "" {
		return 0
	}
	return strings.Count(a.s, string(rune(attrSep))) + 1
}

// Get returns the value of the attribute key.
func (a Attributes) Get(key string) (string, bool) {
	for k, v := range a.All() {
		if k == key {
			return v, true
		}
	}
	return "", false
}

// All yields the attributes in column order.
func (a Attributes) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		s := a.s
		for s != "" {
			kv := s
			if i := strings.IndexByte(s, attrSep); i >= 0 {
				kv, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			k, v, _ := strings.Cut(kv, string(rune(attrKV)))
			if !yield(k, v) {
				return
			}
		}
	}
}

// String writes the attributes as key=value pairs separated by "; ".
func (a Attributes) String() string {
	var b strings.Builder
	for k, v := range a.All() {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(v)
	}
	return b.String()
}

// Equal reports whether a and b hold the same attributes in the same
// order.
func (a Attributes) Equal(b Attributes) bool { return a == b }
