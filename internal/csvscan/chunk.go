package csvscan

import (
	"bytes"
	"io"
)

// Chunk is a run of whole records of a file.
type Chunk struct {
	Data []byte
	Line int  // the line Data starts on
	Last bool // no more chunks follow

	buf []byte // the buffer Data is in, to reuse
}

// Reader cuts a file into chunks of whole records: each ends at a line end
// outside quotes, found by [RecordEnd].
type Reader struct {
	r     io.Reader
	bufs  chan []byte // buffers to reuse; nil: none
	size  int
	carry []byte // the start of the next chunk, read already
	line  int    // the line the next chunk starts on
	eof   bool
	begun bool // a chunk was cut: the next one does not start the file
}

// NewReader returns a reader of r that cuts chunks of about size bytes (a
// record longer than size makes a longer chunk).
func NewReader(r io.Reader, size int) *Reader {
	return &Reader{r: r, size: size, line: 1}
}

// Next returns the next chunk; io.EOF with the last one.
func (cr *Reader) Next() (Chunk, error) {
	var buf []byte
	select {
	case buf = <-cr.bufs:
	default:
	}
	if len(buf) < max(cr.size, 2*len(cr.carry)) {
		buf = make([]byte, max(cr.size, 2*len(cr.carry)))
	}
	n := copy(buf, cr.carry)
	for {
		for !cr.eof && n < len(buf) {
			m, err := cr.r.Read(buf[n:])
			n += m
			if err == io.EOF {
				cr.eof = true
			} else if err != nil {
				return Chunk{}, err
			}
		}
		data := buf[:n]
		if cr.eof {
			cr.carry = nil
			return Chunk{buf: buf, Data: data, Line: cr.line, Last: true}, io.EOF
		}
		if cut := RecordEnd(data, !cr.begun); cut > 0 {
			cr.begun = true
			cr.carry = append(cr.carry[:0], data[cut:]...)
			c := Chunk{buf: buf, Data: data[:cut], Line: cr.line}
			cr.line += bytes.Count(c.Data, []byte{'\n'})
			return c, nil
		}
		// One record longer than the buffer: read on into a larger one.
		buf = append(buf, make([]byte, len(buf))...)
	}
}

// Start cuts r into chunks of about size bytes and hands the fields of the
// header line to header; it returns the chunks to read, the first starting
// after the header. A file without a header line is [ErrEmpty].
func Start(r io.Reader, size int, header func(fields [][]byte) error) (*Reader, Chunk, error) {
	cr := NewReader(r, size)
	for {
		first, err := cr.Next()
		if err != nil && err != io.EOF {
			return nil, Chunk{}, err
		}
		sc := &Scanner{Src: first.Data, Next: first.Line}
		if !sc.Scan() {
			if sc.Err == nil && !first.Last {
				continue // blank lines only: the header is in a later chunk
			}
			if sc.Err != nil {
				return nil, Chunk{}, sc.Err
			}
			return nil, Chunk{}, ErrEmpty
		}
		if err := header(sc.Fields); err != nil {
			return nil, Chunk{}, err
		}
		first.Data, first.Line = sc.Src, sc.Next
		return cr, first, nil
	}
}

// RecordEnd returns the length of the longest prefix of data that ends
// with the line end of a record, or 0. It reads quotes as [Scanner] does,
// so that chunks are cut where the scanner's records end whatever the
// quotes: a quote opens a quoted field only where a field starts, a
// doubled quote within one is a quote, and a quote anywhere else is text
// here, an error the scanner reports. data starts where a record starts;
// fileStart says it starts the file, where a byte-order mark may come
// before the first field.
func RecordEnd(data []byte, fileStart bool) int {
	q := bytes.IndexByte(data, '"')
	if q < 0 {
		return bytes.LastIndexByte(data, '\n') + 1
	}
	first := 0 // where the first field starts
	if fileStart && bytes.HasPrefix(data, BOM) {
		first = len(BOM)
	}
	end, i := 0, 0 // the last record end found; data[:i] is read, outside quotes
	for q >= 0 {
		q += i
		if n := bytes.LastIndexByte(data[i:q], '\n'); n >= 0 {
			end = i + n + 1
		}
		i = q + 1
		if q == first || q > 0 && (data[q-1] == ',' || data[q-1] == '\n') {
			// A quoted field: on past the quote that ends it.
			for {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 || i+j+1 == len(data) {
					return end // the field, or a doubled quote, may go on beyond data
				}
				i += j + 1
				if data[i] != '"' {
					break
				}
				i++
			}
		}
		q = bytes.IndexByte(data[i:], '"')
	}
	if n := bytes.LastIndexByte(data[i:], '\n'); n >= 0 {
		end = i + n + 1
	}
	return end
}
