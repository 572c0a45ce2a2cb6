package outcome

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/taizhang/taizhang/internal/csvscan"
	"github.com/taizhang/taizhang/lang"
)

// ReadRegions reads a region file: CSV with a header naming the columns
// code, name, level and parent (or parent_code), and optionally name_en,
// in any order; a level is its English or Chinese name ([ParseLevel]);
// an empty parent is a root. It returns the regions in file order, for
// [NewRegionSet]. Errors are [*ParseError]s naming the file, line, column
// and value, joined: the first 20, then how many more.
func ReadRegions(r io.Reader, name string) ([]Region, error) {
	var out []Region
	if n := csvscan.InputSize(r); n > 0 {
		out = make([]Region, 0, n/24) // lines are rarely shorter than 24 bytes
	}
	sc := csvscan.NewScanner(r)
	if err := sc.Header(); err != nil {
		return nil, scanError(err, name)
	}
	cols, err := regionHeader(sc.Fields, name)
	if err != nil {
		return nil, err
	}
	var errs errorList
	cols.rows(sc, &errs, func(_ int, row *regionRow) error {
		out = append(out, Region{Code: string(row.code), Name: lang.Name{Zh: string(row.zh), En: string(row.en)}, Level: row.level, Parent: string(row.parent), Attrs: Attributes{string(row.attrs)}})
		return nil
	})
	if err := errs.join(); err != nil {
		return nil, err
	}
	return slices.Clip(out), nil
}

// ReadRegionSet reads a region file as [ReadRegions] does and builds the
// set from it as [NewRegionSet] does, without a [Region] per row in
// between: the way to load the million villages of a national ledger. The
// file is parsed in chunks on up to four CPUs, as [Ledger.ReadCSV] parses a
// ledger, with the result and the errors of reading it in one pass. Errors
// name the file and line of the region at fault.
func ReadRegionSet(r io.Reader, name string) (*RegionSet, error) {
	var b regionBuilder
	var lines []int32
	if size := csvscan.InputSize(r); size > 0 {
		n := int(size / 32)
		if ra, ok := r.(io.ReaderAt); ok {
			rows := 0.0
			rows *= csvscan.SampleLines(ra, size, func([]byte) { rows++ })
			n = int(rows) + int(rows)/32 + 16
		}
		b.Grow(n, int(size)) // codes and names are never longer than the file
		lines = make([]int32, 0, n)
		b.Reserve(n)
	}
	var cols regionColumns
	cr, first, err := csvscan.Start(r, chunkSize, func(fields [][]byte) (err error) {
		cols, err = regionHeader(fields, name)
		return err
	})
	if err != nil {
		return nil, scanError(err, name)
	}

	var errs errorList
	err = csvscan.InOrder(cr, first, func() func(csvscan.Chunk, *regionPart) {
		return func(c csvscan.Chunk, part *regionPart) {
			part.reset()
			sc := csvscan.Scanner{Src: c.Data, Next: c.Line}
			cols.rows(&sc, &part.errs, func(line int, row *regionRow) error {
				if err := addRegion(&part.b, row.code, row.zh, row.en, row.level, row.parent); err != nil {
					pe := &ParseError{File: name, Line: line, Column: "code", Value: string(row.code), Err: err}
					if p, ok := err.(*regionProblem); ok {
						pe.Column, pe.Value, pe.Err = p.field, p.value, p.err
						if p.field == "level" {
							pe.Value = string(row.levelText)
						}
					}
					return pe
				}
				part.lines = append(part.lines, int32(line))
				if len(row.attrs) > 0 {
					part.b.setAttrs(part.b.Len()-1, row.attrs)
				}
				return nil
			})
			// An error of the CSV itself ends reading, as it ends a
			// single pass: the chunks after it are not taken.
			part.stop = sc.Err != nil
		}
	}, func(part *regionPart) bool {
		b.appendAttrs(&part.b, b.Len())
		b.Append(&part.b.Builder)
		lines = append(lines, part.lines...)
		errs.merge(&part.errs)
		// Index the codes while the next chunks are parsed, as long as
		// the index made for the estimated count has room.
		if n := b.Len(); b.IndexFits(n) {
			b.IndexCodes(n)
		}
		return !part.stop
	})
	if err != nil {
		errs.add(err)
	}
	if err := errs.join(); err != nil {
		return nil, err
	}
	b.file, b.lines = name, lines
	return b.build()
}

// regionPart is one chunk of a region file, parsed.
type regionPart struct {
	b     regionBuilder
	lines []int32 // the line of each region
	errs  errorList
	stop  bool // the CSV has an error: the lines after it are not read
}

func (p *regionPart) reset() {
	p.b.Reset()
	p.b.attrs = p.b.attrs[:0]
	p.lines, p.errs = p.lines[:0], errorList{}
}

// regionRow is one row of a region file, its fields trimmed.
type regionRow struct {
	code, zh, en, parent []byte
	attrs                []byte // the extra columns, encoded as Attributes
	level                Level
	levelText            []byte // the level as written (乡镇), for errors
}

// regionColumns is where the fields of a region file are.
type regionColumns struct {
	file                               string
	code, zh, en, parent, level, width int
	attrCols                           []int    // the extra columns, kept as attributes
	attrNames                          [][]byte // their headers
}

// regionColumnNames are the headers of a region file, in English and as
// offices write them.
var regionColumnNames = map[string]string{
	"code": "code", "name": "name", "level": "level", "parent": "parent", "parent_code": "parent", "name_en": "name_en",
	"代码": "code", "区划代码": "code", "统计用区划代码": "code", "名称": "name", "区划名称": "name",
	"级别": "level", "层级": "level", "上级": "parent", "上级代码": "parent", "英文名称": "name_en",
}

// regionHeader finds the columns of a region file in the fields of its
// header.
func regionHeader(fields [][]byte, name string) (regionColumns, error) {
	cols := map[string]int{}
	var attrCols []int
	var attrNames [][]byte
	for i, f := range fields {
		written := strings.TrimSpace(string(f))
		c, known := regionColumnNames[strings.ToLower(written)]
		_, twice := cols[c]
		switch {
		case known && !twice:
			cols[c] = i
		case rowNumberColumns[strings.ToLower(written)]:
		case known || written == "" || !utf8.ValidString(written) || slices.ContainsFunc(attrNames, func(n []byte) bool { return string(n) == clean(written) }):
			return regionColumns{}, &ParseError{File: name, Line: 1, Column: written, Value: written, Err: fmt.Errorf("%w: a column needs a name of its own", errUnknownColumn)}
		default: // 是否贫困村, 退出年份: attributes of the region
			attrCols, attrNames = append(attrCols, i), append(attrNames, []byte(clean(written)))
		}
	}
	for _, c := range []string{"code", "name", "level"} {
		if _, ok := cols[c]; !ok {
			return regionColumns{}, &ParseError{File: name, Line: 1, Column: c, Err: errMissingColumn}
		}
	}
	col := func(c string) int {
		if i, ok := cols[c]; ok {
			return i
		}
		return -1
	}
	return regionColumns{file: name, code: col("code"), zh: col("name"), en: col("name_en"), parent: col("parent"), level: col("level"), width: len(fields),
		attrCols: attrCols, attrNames: attrNames}, nil
}

// rows reads the rows of sc and calls add for every one; the problems of
// the rows and add's errors go to errs.
func (rc *regionColumns) rows(sc *csvscan.Scanner, errs *errorList, add func(line int, row *regionRow) error) {
	fail := func(line int, col, v string, err error) {
		errs.add(&ParseError{File: rc.file, Line: line, Column: col, Value: v, Err: err})
	}
	get := func(i int) []byte {
		if i < 0 {
			return nil
		}
		f := sc.Fields[i]
		if n := len(f); n > 0 && f[0]-'!' < 0x7f-'!' && f[n-1]-'!' < 0x7f-'!' {
			return f // printable ASCII at both ends: nothing to trim
		}
		return bytes.TrimSpace(f)
	}
	levels := map[string]Level{}
	var row regionRow
	for sc.Scan() {
		if len(sc.Fields) != rc.width {
			fail(sc.Line, "", "", fmt.Errorf("%w: %d, the header has %d", errFieldCount, len(sc.Fields), rc.width))
			continue
		}
		lv := get(rc.level)
		l, ok := levels[string(lv)]
		if !ok {
			var err error
			if l, err = ParseLevel(string(lv)); err != nil {
				fail(sc.Line, "level", string(lv), errUnknownLevel)
				continue
			}
			levels[string(lv)] = l
		}
		row = regionRow{code: get(rc.code), zh: get(rc.zh), en: get(rc.en), parent: get(rc.parent), level: l, levelText: lv, attrs: row.attrs[:0]}
		if !utf8.Valid(row.zh) || !utf8.Valid(row.en) {
			fail(sc.Line, "name", string(row.zh)+string(row.en), ErrEncoding)
			continue
		}
		bad := false
		for k, i := range rc.attrCols {
			v := get(i)
			if !utf8.Valid(v) {
				fail(sc.Line, string(rc.attrNames[k]), string(v), ErrEncoding)
				bad = true
				break
			}
			if bytes.ContainsAny(v, "\x1e\x1f") {
				v = []byte(clean(string(v)))
			}
			if len(v) > 0 {
				row.attrs = appendAttr(row.attrs, rc.attrNames[k], v)
			}
		}
		if bad {
			continue
		}
		if err := add(sc.Line, &row); err != nil {
			errs.add(err)
		}
	}
	if sc.Err != nil {
		errs.add(scanError(sc.Err, rc.file))
	}
}
