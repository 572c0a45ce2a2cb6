package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/taizhang/taizhang/outcome"
)

// ReadText calls read with the text of the named file, a CSV file saved by
// a spreadsheet. The library reads UTF-8 ("CSV UTF-8" in Excel); Excel on
// Chinese Windows saves "CSV (逗号分隔)" in GB18030 (GBK, of which it is a
// superset) instead. So when read fails because the text is not UTF-8 (an
// error wrapping [outcome.ErrEncoding]), ReadText calls it once more with
// the file, from its start, decoded from GB18030, and returns what that
// call returns. A file that is not GB18030 either (a UTF-8 file with a
// damaged byte, which GB18030 would read as other characters) gives the
// first call's error, which names the line.
//
// A workbook (.xlsx or .xls) given as CSV is refused with [ErrFormat],
// unread, saying what it is.
//
// read may thus be called twice: it must leave nothing behind when it fails,
// as a [outcome.Ledger]'s readers do (all or nothing).
func ReadText(name string, read func(io.Reader) error) error {
	switch workbookKind(name) {
	case "xlsx":
		return fmt.Errorf("%s: %w: an Excel workbook (.xlsx), not CSV text: name it .xlsx, or save it as CSV UTF-8", name, ErrFormat)
	case "xls":
		return fmt.Errorf("%s: %w: an Excel 97–2003 workbook (.xls), not CSV text: save it as .xlsx or as CSV UTF-8", name, ErrFormat)
	}
	err := readFile(name, func(f *os.File) error { return read(f) })
	if !errors.Is(err, outcome.ErrEncoding) {
		return err
	}
	if again := readFile(name, func(f *os.File) error { return read(gb18030(f)) }); !errors.Is(again, errNotGB18030) {
		return again
	}
	return err
}

// readFile calls read with the named file open.
func readFile(name string, read func(*os.File) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return read(f)
}

// errNotGB18030 is text that GB18030 does not decode: its decoder writes
// U+FFFD for the bytes.
var errNotGB18030 = fmt.Errorf("not GB18030 either: %w", outcome.ErrEncoding)

// gb18030 returns r's text decoded from GB18030, failing with
// errNotGB18030 at the first byte sequence that is not GB18030.
func gb18030(r io.Reader) io.Reader {
	return &strictText{r: simplifiedchinese.GB18030.NewDecoder().Reader(r)}
}

// strictText passes UTF-8 through, failing at U+FFFD, the character a
// decoder writes for bytes it cannot decode. It keeps the end of what it
// passed, so a U+FFFD split between two reads is found too.
type strictText struct {
	r    io.Reader
	tail []byte // the last bytes passed, fewer than a U+FFFD's
}

var replacement = []byte(string(utf8.RuneError))

func (t *strictText) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	const keep = len(string(utf8.RuneError)) - 1
	edge := append(t.tail, p[:min(n, keep)]...) // a U+FFFD across two reads
	if bytes.Contains(edge, replacement) || bytes.Contains(p[:n], replacement) {
		return 0, errNotGB18030
	}
	if n >= keep {
		edge = p[n-keep : n]
	}
	t.tail = append(t.tail[:0], edge[max(0, len(edge)-keep):]...)
	return n, err
}
