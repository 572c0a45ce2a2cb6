package csvscan

import (
	"bytes"
	"io"
	"io/fs"
)

// InputSize returns the bytes r holds, when it can tell: a file, or an
// in-memory reader; 0 otherwise.
func InputSize(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// SampleLines calls fn for the whole lines after the header in samples of
// a file of size bytes and returns by how much to multiply what fn saw to
// estimate the whole: 1 for a small file, read whole. The samples are
// evenly spaced; a line cut by a sample's edges is skipped. A quoted field
// with a line end inside can mislead the estimate, never the reading.
func SampleLines(r io.ReaderAt, size int64, fn func(line []byte)) float64 {
	const samples, window = 32, 32 << 10
	buf := make([]byte, window)
	whole := size <= samples*window
	step := size / samples
	if whole {
		buf, step = make([]byte, size), size
	}
	var seen int64
	for off := int64(0); off < size; off += step {
		n, err := r.ReadAt(buf, off)
		if err != nil && err != io.EOF {
			return 0
		}
		b := buf[:n]
		if off == 0 { // the header
			if i := bytes.IndexByte(b, '\n'); i >= 0 {
				b = b[i+1:]
			}
		} else if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:] // skip the cut line
		} else {
			continue
		}
		if off+int64(n) < size { // not the end of the file: drop the cut line
			b = b[:bytes.LastIndexByte(b, '\n')+1]
		}
		seen += int64(len(b))
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				i = len(b) - 1
			}
			fn(bytes.TrimRight(b[:i+1], "\r\n"))
			b = b[i+1:]
		}
	}
	if whole || seen == 0 {
		return 1
	}
	return float64(size) / float64(seen)
}
