package outcome

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
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
	err := scanRegions(r, name, func(_ int, row *regionRow) error {
		out = append(out, Region{Code: string(row.code), Name: Name{Zh: string(row.zh), En: string(row.en)}, Level: row.level, Parent: string(row.parent)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return slices.Clip(out), nil
}

// ReadRegionSet reads a region file as [ReadRegions] does and builds the
// set from it as [NewRegionSet] does, without a [Region] per row in
// between: the way to load the million villages of a national ledger.
// Errors name the file and line of the region at fault.
func ReadRegionSet(r io.Reader, name string) (*RegionSet, error) {
	var b regionBuilder
	var lines []int32
	if size := inputSize(r); size > 0 {
		n := int(size / 32)
		if ra, ok := r.(io.ReaderAt); ok {
			rows := 0.0
			rows *= sampleLines(ra, size, func([]byte) { rows++ })
			n = int(rows) + int(rows)/32 + 16
		}
		b.grow(n, int(size)) // codes and names are never longer than the file
		lines = makeLarge[int32](0, n)
	}
	err := scanRegions(r, name, func(line int, row *regionRow) error {
		if err := addRegion(&b, row.code, row.zh, row.en, row.level, row.parent); err != nil {
			return &ParseError{File: name, Line: line, Column: "code", Value: string(row.code), Err: err}
		}
		lines = append(lines, int32(line))
		return nil
	})
	if err != nil {
		return nil, err
	}
	file := name
	if file == "" {
		file = "input"
	}
	b.where = func(i int) string { return fmt.Sprintf("%s:%d", file, lines[i]) }
	return b.build()
}

// regionRow is one row of a region file, its fields trimmed.
type regionRow struct {
	code, zh, en, parent []byte
	level                Level
}

// scanRegions reads a region file and calls add for every row; add's errors
// and the file's are joined, the first 20.
func scanRegions(r io.Reader, name string, add func(line int, row *regionRow) error) error {
	sc := newCSVScanner(r)
	fail := func(line int, col, v string, err error) error {
		return &ParseError{File: name, Line: line, Column: col, Value: v, Err: err}
	}
	if !sc.scan() {
		if sc.err != nil {
			return sc.err
		}
		return fail(1, "", "", fmt.Errorf("%w: empty file", ErrMissingColumn))
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
			return fail(1, c, c, ErrUnknownColumn)
		}
	}
	for _, c := range []string{"code", "name", "level"} {
		if _, ok := cols[c]; !ok {
			return fail(1, c, "", ErrMissingColumn)
		}
	}
	width := len(sc.fields)
	col := func(c string) int {
		if i, ok := cols[c]; ok {
			return i
		}
		return -1
	}
	code, zh, en, parent, level := col("code"), col("name"), col("name_en"), col("parent"), col("level")
	get := func(i int) []byte {
		if i < 0 {
			return nil
		}
		return bytes.TrimSpace(sc.fields[i])
	}
	var errs []error
	levels := map[string]Level{}
	var row regionRow
	for sc.scan() {
		if len(sc.fields) != width {
			errs = append(errs, fail(sc.line, "", "", fmt.Errorf("%w: %d, the header has %d", ErrFieldCount, len(sc.fields), width)))
			continue
		}
		lv := get(level)
		l, ok := levels[string(lv)]
		if !ok {
			var err error
			if l, err = ParseLevel(string(lv)); err != nil {
				errs = append(errs, fail(sc.line, "level", string(lv), ErrRegionLevel))
				continue
			}
			levels[string(lv)] = l
		}
		row = regionRow{code: get(code), zh: get(zh), en: get(en), parent: get(parent), level: l}
		if !utf8.Valid(row.zh) || !utf8.Valid(row.en) {
			errs = append(errs, fail(sc.line, "name", string(row.zh)+string(row.en), ErrEncoding))
			continue
		}
		if err := add(sc.line, &row); err != nil {
			errs = append(errs, err)
		}
	}
	if sc.err != nil {
		errs = append(errs, sc.err)
	}
	if len(errs) > 0 {
		return joinErrors(errs)
	}
	return nil
}

func joinErrors(errs []error) error {
	if len(errs) > 20 {
		errs = append(errs[:20], fmt.Errorf("and %d more", len(errs)-20))
	}
	return errors.Join(errs...)
}
