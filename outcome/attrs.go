package outcome

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"unicode/utf8"
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
// its first value, and an odd last key is ignored. Space around a key or
// a value is dropped and the control characters \x1e and \x1f, which no
// file holds, become spaces. Text that is not UTF-8 is kept as given, and
// [Ledger.Add] refuses it with [ErrEncoding], as it refuses such a note.
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
	if strings.ContainsAny(s, "\x1e\x1f") {
		s = strings.NewReplacer("\x1e", " ", "\x1f", " ").Replace(s)
	}
	return strings.TrimSpace(s)
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

// attrsColumn is the column of a ledger file that holds a record's
// attributes in one cell, as [Attributes.MarshalText] writes them.
const attrsColumn = "attrs"

// MarshalText writes the attributes as one cell of a ledger file, the
// attrs column [WriteCSV] writes: key=value pairs in order, separated by
// "; ", with a backslash before any \, ; or = of a key or a value
// (单位=县科技局; 填报人=张三). [Attributes.UnmarshalText] reads it back
// equal.
func (a Attributes) MarshalText() ([]byte, error) { return a.appendText(nil) }

func (a Attributes) appendText(b []byte) ([]byte, error) {
	n := len(b)
	for k, v := range a.All() {
		if len(b) > n {
			b = append(b, "; "...)
		}
		b = appendEscaped(b, k)
		b = append(b, '=')
		b = appendEscaped(b, v)
	}
	return b, nil
}

func appendEscaped(b []byte, s string) []byte {
	for i := range len(s) {
		if c := s[i]; c == '\\' || c == ';' || c == '=' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return b
}

// UnmarshalText reads attributes as [Attributes.MarshalText] writes them.
// Space around a key or a value is dropped, as is a pair with an empty
// value; a key given twice keeps its first value, as [MakeAttributes]
// has it. A pair without = or with an empty key is [ErrSyntax].
func (a *Attributes) UnmarshalText(b []byte) error {
	if !utf8.Valid(b) {
		return fmt.Errorf("attributes %q: %w", b, ErrEncoding)
	}
	out, err := appendAttrsText(nil, b)
	if err != nil {
		return err
	}
	*a = Attributes{string(out)}
	return nil
}

// appendAttrsText appends the attributes written in text, as
// [Attributes.MarshalText] writes them, to the encoded attributes b,
// leaving out a key b already has.
func appendAttrsText(b, text []byte) ([]byte, error) {
	var k, v []byte
	for pair := range splitEscaped(text, ';') {
		if len(bytes.TrimSpace(pair)) == 0 {
			continue // "a=1;" or an empty cell
		}
		k, v = k[:0], v[:0]
		eq := false
		for c, escaped := range unescaped(pair) {
			switch {
			case c == '=' && !escaped && !eq:
				eq = true
			case eq:
				v = append(v, c)
			default:
				k = append(k, c)
			}
		}
		if !eq {
			return b, fmt.Errorf("%w: attribute %q: want key=value", ErrSyntax, pair)
		}
		key, val := clean(string(k)), clean(string(v))
		if key == "" {
			return b, fmt.Errorf("%w: attribute %q: an attribute needs a name", ErrSyntax, pair)
		}
		if val == "" {
			continue
		}
		if _, dup := (Attributes{string(b)}).Get(key); dup {
			continue
		}
		b = appendAttr(b, []byte(key), []byte(val))
	}
	return b, nil
}

// splitEscaped yields the parts of text between the separators sep not
// preceded by a backslash, escapes kept.
func splitEscaped(text []byte, sep byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		start := 0
		for i := 0; i < len(text); i++ {
			switch text[i] {
			case '\\':
				i++
			case sep:
				if !yield(text[start:i]) {
					return
				}
				start = i + 1
			}
		}
		yield(text[start:])
	}
}

// unescaped yields the bytes of text with their escaping backslashes
// removed, and whether each was escaped. A backslash at the end stands
// for itself.
func unescaped(text []byte) iter.Seq2[byte, bool] {
	return func(yield func(byte, bool) bool) {
		for i := 0; i < len(text); i++ {
			c, esc := text[i], false
			if c == '\\' && i+1 < len(text) {
				i++
				c, esc = text[i], true
			}
			if !yield(c, esc) {
				return
			}
		}
	}
}

// MarshalJSON writes the attributes as a JSON object of strings, keys in
// their order: {"填报人":"张三","联系电话":"0743-1234567"}.
func (a Attributes) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for k, v := range a.All() {
		if len(b) > 1 {
			b = append(b, ',')
		}
		for _, s := range [2]string{k, v} {
			q, err := json.Marshal(s)
			if err != nil {
				return nil, err
			}
			b = append(append(b, q...), ':')
		}
		b = b[:len(b)-1]
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads a JSON object of strings, keys in their order, as
// [MakeAttributes] makes attributes: a key with an empty value is left
// out, a key given twice keeps its first value. null is no attribute; any
// value but a string is [ErrSyntax].
func (a *Attributes) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	t, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%w: attributes: %v", ErrSyntax, err)
	}
	if t == nil {
		*a = Attributes{}
		return nil
	}
	if t != json.Delim('{') {
		return fmt.Errorf("%w: attributes: %v where an object belongs", ErrSyntax, t)
	}
	var kv []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("%w: attributes: %v", ErrSyntax, err)
		}
		key := t.(string) // a key of an object is a string
		t, err = dec.Token()
		if err != nil {
			return fmt.Errorf("%w: attribute %q: %v", ErrSyntax, key, err)
		}
		v, ok := t.(string)
		if !ok {
			return fmt.Errorf("%w: attribute %q: %s where a string belongs", ErrSyntax, key, jsonTokenKind(t))
		}
		kv = append(kv, key, v)
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("%w: attributes: %v", ErrSyntax, err)
	}
	*a = MakeAttributes(kv...)
	return nil
}

// jsonTokenKind names what a JSON token is.
func jsonTokenKind(t json.Token) string {
	switch t.(type) {
	case json.Delim:
		return "an object or array"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a string"
}
