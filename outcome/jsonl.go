package outcome

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
	"io"
	"iter"
	"reflect"
	"slices"
	"strings"
)

// recordJSON is a JSON Lines record as read: the value may be a quantity
// object or a figure as reports write it.
type recordJSON struct {
	Indicator string          `json:"indicator"`
	Region    string          `json:"region"`
	Period    string          `json:"period"`
	Value     json.RawMessage `json:"value"`
	Source    Citation        `json:"source"`
	Note      string          `json:"note"`
	Reported  string          `json:"reported"`
	Revises   json.RawMessage `json:"revises"`
	Reason    string          `json:"reason"`
	Attrs     json.RawMessage `json:"attrs"`
}

// jsonlReader reads ledger records from JSON Lines, one object per line,
// in the shape [Record] marshals to:
//
//	{"indicator":"training","region":"430000","period":"2018",
//	 "value":{"value":"5746","unit":"sessions","qualifier":"达"},
//	 "source":{"document":"004_32acad38fe6c52df.txt","section":"二(二)一是","mark":"[13]"},
//	 "note":"…"}
//
// "value" may also be a string as reports write it ("达5746次"). Unknown
// keys are refused; "source" and "note" are optional, and so are a
// correction's "reported" (a date, 2020-03-01, or an RFC 3339 time),
// "revises" (a value, as "value" is written) and "reason", and "attrs",
// the record's attributes as an object of strings ({"填报人":"张三"}, read
// by [Attributes.UnmarshalJSON]). Blank lines are skipped. Memory does not
// grow with the file.
type jsonlReader struct {
	br   *bufio.Reader
	name string
	line int
}

// newJSONLReader returns a reader of r; name is the file name errors give.
func newJSONLReader(r io.Reader, name string) *jsonlReader {
	return &jsonlReader{br: bufio.NewReaderSize(r, 1<<16), name: name}
}

// Records yields each record, or a [*ParseError] for a line that cannot be
// read, and goes on with the next line. A read error ends the sequence.
func (j *jsonlReader) Records() iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for {
			line, err := j.br.ReadBytes('\n')
			if len(line) == 0 && err != nil {
				if err != io.EOF {
					yield(Record{}, err)
				}
				return
			}
			j.line++
			line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")))
			if len(line) == 0 {
				continue
			}
			r, perr := j.parse(line)
			if perr != nil {
				if !yield(Record{}, perr) {
					return
				}
				continue
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

func (j *jsonlReader) parse(line []byte) (Record, *ParseError) {
	fail := func(col, v string, err error) (Record, *ParseError) {
		return Record{}, &ParseError{File: j.name, Line: j.line, Column: col, Value: v, Err: err}
	}
	var rj recordJSON
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rj); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fail("", "", fmt.Errorf("%w: %v", ErrSyntax, err))
		case errors.As(err, &te):
			// "source.mark" is the mark column.
			col := te.Field
			if f, ok := strings.CutPrefix(col, "source."); ok && f != "document" {
				col = f
			} else if ok {
				col = "source"
			}
			return fail(col, te.Value, fmt.Errorf("%w: a %s where a %s belongs", ErrSyntax, te.Value, jsonKind(te.Type)))
		}
		// encoding/json gives an unknown key no error type of its own:
		// the key is found by reading the line's keys.
		if key, ok := unknownKey(line); ok {
			return fail(key, "", errUnknownColumn)
		}
		return fail("", "", fmt.Errorf("%w: %v", ErrSyntax, err))
	}
	r := Record{Indicator: rj.Indicator, Region: rj.Region, Source: rj.Source, Note: rj.Note, Reason: rj.Reason}
	// The first missing field in the order of the columns, so that a line
	// gives the same error every time.
	for _, f := range [...]struct{ col, v string }{{"indicator", rj.Indicator}, {"region", rj.Region}, {"period", rj.Period}} {
		if f.v == "" {
			return fail(f.col, "", ErrMissing)
		}
	}
	p, err := period.Parse(rj.Period)
	if err != nil {
		return fail("period", rj.Period, errors.Unwrap(err))
	}
	r.Period = p
	if len(rj.Value) == 0 {
		return fail("value", "", ErrMissing)
	}
	q, perr := j.quantity("value", rj.Value)
	if perr != nil {
		return Record{}, perr
	}
	r.Quantity = q
	if rj.Reported != "" {
		day, err := parseDay([]byte(rj.Reported))
		if err != nil {
			return fail("reported", rj.Reported, err)
		}
		r.Reported = reportedDate(day)
	}
	if len(rj.Revises) > 0 && string(rj.Revises) != "null" {
		if r.Revises, perr = j.quantity("revises", rj.Revises); perr != nil {
			return Record{}, perr
		}
		if r.Reported.IsZero() {
			return fail("reported", "", fmt.Errorf("%w: a correction says when it was reported", ErrMissing))
		}
	}
	if len(rj.Attrs) > 0 {
		if err := r.Attrs.UnmarshalJSON(rj.Attrs); err != nil {
			return fail(attrsColumn, string(rj.Attrs), err)
		}
	}
	return r, nil
}

// quantity reads the value of key: a quantity object, or a figure as
// reports write it.
func (j *jsonlReader) quantity(key string, raw json.RawMessage) (quantity.Quantity, *ParseError) {
	fail := func(v string, err error) (quantity.Quantity, *ParseError) {
		return quantity.Quantity{}, &ParseError{File: j.name, Line: j.line, Column: key, Value: v, Err: err}
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return fail(string(raw), ErrSyntax)
		}
		q, err := quantity.Parse(s)
		if err != nil {
			return fail(s, errors.Unwrap(err))
		}
		return q, nil
	}
	var q quantity.Quantity
	if err := json.Unmarshal(raw, &q); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		if errors.As(err, &se) || errors.As(err, &te) {
			err = fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		return fail(string(raw), err)
	}
	return q, nil
}

// jsonKeys are the keys of a JSON Lines record.
var jsonKeys = [...]string{"indicator", "region", "period", "value", "source", "note", "reported", "revises", "reason", attrsColumn}

// unknownKey returns the first key of the JSON object line that is not a
// record's, matched without regard to case as encoding/json matches keys.
func unknownKey(line []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := t.(string)
		if !slices.ContainsFunc(jsonKeys[:], func(k string) bool { return strings.EqualFold(k, key) }) {
			return key, true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", false
		}
	}
	return "", false
}

// jsonKind names what a Go type holds in JSON.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "value"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Slice, reflect.Array:
		return "array"
	}
	return t.Kind().String()
}

// ReadJSONL adds the records of a JSON Lines file, all or nothing, as
// [Ledger.ReadCSV] does for CSV.
func (l *Ledger) ReadJSONL(r io.Reader, opts ReadOptions) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	j := newJSONLReader(r, opts.Name)
	m := l.mark()
	var errs []error
	for rec, err := range j.Records() {
		if err == nil {
			if re := l.add(&rec); re != nil {
				err = &ParseError{File: opts.Name, Line: j.line, Column: re.Field, Value: re.Value, Err: re.Err}
			}
		}
		if err != nil {
			errs = append(errs, err)
			if !opts.AllErrors {
				break
			}
		}
	}
	if len(errs) > 0 {
		l.rollback(m)
		return errors.Join(errs...)
	}
	return nil
}
