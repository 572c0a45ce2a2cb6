package outcome

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ReadRegions reads a region file: CSV with a header naming the columns
// code, name, level and parent (or parent_code), and optionally name_en,
// in any order; a level is its English or Chinese name ([ParseLevel]);
// an empty parent is a root. It returns the regions in file order, for
// [NewRegionSet]. Errors are [*ParseError]s naming the file, line, column
// and value, joined: the first 20, then how many more.
func ReadRegions(r io.Reader, name string) ([]Region, error) {
	var out []Region
	if n := inputSize(r); n > 0 {
		out = make([]Region, 0, n/24) // lines are rarely shorter than 24 bytes
	}
	sc := newCSVScanner(r)
	fail := func(line int, col, v string, err error) error {
		return &ParseError{File: name, Line: line, Column: col, Value: v, Err: err}
	}
	if !sc.scan() {
		if sc.err != nil {
			return nil, sc.err
		}
		return nil, fail(1, "", "", fmt.Errorf("%w: empty file", ErrMissingColumn))
	}
	cols := map[string]int{}
	for i, f := range sc.fields {
		c := strings.ToLower(strings.TrimSpace(string(f)))
		if c == "parent_code" {
			c = "parent"
		}
		switch c {
		case "code", "name", "level", "parent", "name_en":
			cols[c] = i
		default:
			return nil, fail(1, c, c, ErrUnknownColumn)
		}
	}
	for _, c := range []string{"code", "name", "level"} {
		if _, ok := cols[c]; !ok {
			return nil, fail(1, c, "", ErrMissingColumn)
		}
	}
	width := len(sc.fields)
	get := func(c string) string {
		if i, ok := cols[c]; ok {
			return strings.TrimSpace(string(sc.fields[i]))
		}
		return ""
	}
	var errs []error
	levels := map[string]Level{}
	for sc.scan() {
		if len(sc.fields) != width {
			errs = append(errs, fail(sc.line, "", "", fmt.Errorf("%w: %d, the header has %d", ErrFieldCount, len(sc.fields), width)))
			continue
		}
		lv := get("level")
		level, ok := levels[lv]
		if !ok {
			var err error
			if level, err = ParseLevel(lv); err != nil {
				errs = append(errs, fail(sc.line, "level", lv, ErrRegionLevel))
				continue
			}
			levels[lv] = level
		}
		out = append(out, Region{Code: get("code"), Name: Name{Zh: get("name"), En: get("name_en")}, Level: level, Parent: get("parent")})
	}
	if sc.err != nil {
		errs = append(errs, sc.err)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return slices.Clip(out), nil
}

func joinErrors(errs []error) error {
	if len(errs) > 20 {
		errs = append(errs[:20], fmt.Errorf("and %d more", len(errs)-20))
	}
	return errors.Join(errs...)
}
