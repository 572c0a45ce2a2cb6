// Package csvscan reads CSV files the way a ledger reads them: a scanner
// for RFC 4180 records, a reader that cuts a file into chunks of whole
// records, and a pipeline that parses chunks on several CPUs and hands the
// results back in file order. It knows nothing of ledgers: records are
// fields of bytes, errors carry the line they are on.
package csvscan

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Error is a record the grammar refuses, with the line it starts on. Err
// is [csv.ErrBareQuote], [csv.ErrQuote] (with [ErrUnended] for a quoted
// field that does not end) or [ErrEncoding].
type Error struct {
	Line int
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

var (
	// ErrEncoding is text that is not UTF-8.
	ErrEncoding = errors.New("not UTF-8")
	// ErrUnended is a quoted field that does not end before the input does.
	ErrUnended = fmt.Errorf("%w: a quoted field does not end", csv.ErrQuote)
	// ErrEmpty is a file without a header line.
	ErrEmpty = errors.New("empty file")
)

// BOM is the byte-order mark a file saved as "CSV UTF-8" starts with.
var BOM = []byte("\xef\xbb\xbf")

// CheckedLines is how many lines the scanner checks to be UTF-8 whole:
// a file in another encoding (GBK from an old Excel) gets a clear error at
// once; after them a caller checks only the text it keeps.
const CheckedLines = 100

// Scanner splits CSV into records of fields, reusing its buffers. Its
// grammar is RFC 4180's as encoding/csv reads it (a comma between fields,
// no lazy quotes, any number of fields): a field that starts with a quote
// is quoted, holds commas, line ends and doubled quotes ("") and ends with
// a quote followed by a comma or the line end; a quote anywhere else is an
// [*Error] wrapping [csv.ErrBareQuote] or [csv.ErrQuote], as is a quoted
// field that does not end. It strips a UTF-8 byte-order mark, accepts CRLF
// and LF, skips blank lines and refuses text that is not UTF-8 in the
// first [CheckedLines] lines. Unlike encoding/csv it keeps a CRLF inside a
// quoted field as written. [RecordEnd] finds record ends by the same
// grammar.
//
// A Scanner reads from an io.Reader ([NewScanner]) or, as a literal
// Scanner{Src: data, Next: line}, from bytes in memory starting on a line.
type Scanner struct {
	Src    []byte   // the input not yet read, when reading bytes
	Next   int      // the line of the next read
	Line   int      // the line where the current record starts
	Fields [][]byte // the fields of the current record, valid until the next Scan
	Err    error    // the error that ended scanning; io.EOF is not an error

	br    *bufio.Reader // nil when reading Src
	rec   []byte
	spans []int // field boundaries within rec, two per field
}

// NewScanner returns a scanner of r, which starts on line 1.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{br: bufio.NewReaderSize(r, 1<<20), Next: 1}
}

// readLine returns the next physical line without its line end.
func (c *Scanner) readLine() ([]byte, error) {
	if c.br == nil {
		if len(c.Src) == 0 {
			return nil, io.EOF
		}
		line := c.Src
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, c.Src = line[:i], line[i+1:]
		} else {
			c.Src = nil
		}
		c.Next++
		return line, nil
	}
	line, err := c.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		long := append([]byte(nil), line...)
		for err == bufio.ErrBufferFull {
			line, err = c.br.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if len(line) == 0 && err != nil {
		return nil, err
	}
	c.Next++
	return bytes.TrimSuffix(line, []byte{'\n'}), nil
}

// Header reads the first record, the header line; a file without one is
// an error, [ErrEmpty] if there is no other.
func (c *Scanner) Header() error {
	if c.Scan() {
		return nil
	}
	if c.Err != nil {
		return c.Err
	}
	return ErrEmpty
}

// Scan reads the next record into Fields; false at the end or on an error
// (in Err).
func (c *Scanner) Scan() bool {
	for {
		c.Line = c.Next
		line, err := c.readLine()
		if err != nil {
			if err != io.EOF {
				c.Err = err
			}
			return false
		}
		if c.Line == 1 {
			line = bytes.TrimPrefix(line, BOM)
		}
		if len(line) == 0 || len(line) == 1 && line[0] == '\r' {
			continue
		}
		if c.Line <= CheckedLines && !utf8.Valid(line) {
			c.Err = &Error{Line: c.Line, Err: ErrEncoding}
			return false
		}
		// Fields of ledger lines are short: each ends at a comma found eight
		// bytes at a time. A quote sends the line to the full parser.
		raw := line
		if n := len(line); line[n-1] == '\r' {
			line = line[:n-1]
		}
		c.Fields = c.Fields[:0]
		for {
			i := indexCommaQuote(line)
			if i < 0 {
				break
			}
			if line[i] == '"' {
				return c.scanQuoted(raw)
			}
			c.Fields = append(c.Fields, line[:i])
			line = line[i+1:]
		}
		c.Fields = append(c.Fields, line)
		return true
	}
}

// scanQuoted splits a record that has quotes, reading more lines while a
// quoted field spans them.
func (c *Scanner) scanQuoted(line []byte) bool {
	c.rec, c.spans = c.rec[:0], c.spans[:0]
	fail := func(err error) bool {
		c.Err = &Error{Line: c.Line, Err: err}
		return false
	}
	for i := 0; ; {
		start := len(c.rec)
		if i == len(line) || line[i] != '"' {
			// An unquoted field, to the next comma or the line end, where
			// the CR of a CRLF is dropped.
			f, comma := line[i:], false
			if j := bytes.IndexByte(f, ','); j >= 0 {
				f, comma = f[:j], true
			} else if n := len(f); n > 0 && f[n-1] == '\r' {
				f = f[:n-1]
			}
			if bytes.IndexByte(f, '"') >= 0 {
				return fail(csv.ErrBareQuote)
			}
			c.rec = append(c.rec, f...)
			c.spans = append(c.spans, start, len(c.rec))
			if !comma {
				break
			}
			i += len(f) + 1
			continue
		}
		// A quoted field, to the quote that ends it, over lines.
		i++
		for {
			j := bytes.IndexByte(line[i:], '"')
			if j < 0 {
				c.rec = append(c.rec, line[i:]...)
				next, err := c.readLine()
				if err != nil {
					return fail(ErrUnended)
				}
				c.rec = append(c.rec, '\n')
				line, i = next, 0
				continue
			}
			c.rec = append(c.rec, line[i:i+j]...)
			i += j + 1
			if i < len(line) && line[i] == '"' {
				c.rec = append(c.rec, '"')
				i++
				continue
			}
			break
		}
		c.spans = append(c.spans, start, len(c.rec))
		switch {
		case i < len(line) && line[i] == ',':
			i++
			continue
		case i == len(line) || i == len(line)-1 && line[i] == '\r':
		default:
			return fail(csv.ErrQuote)
		}
		break
	}
	c.Fields = c.Fields[:0]
	for i := 0; i < len(c.spans); i += 2 {
		c.Fields = append(c.Fields, c.rec[c.spans[i]:c.spans[i+1]])
	}
	return true
}
