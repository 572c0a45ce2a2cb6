package xlsx_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/xlsx"
)

// An office's ledger as Excel on Chinese Windows saves "CSV (逗号分隔)":
// Chinese columns, names and units, in GB18030.
const officeCSV = "指标,地区,期间,数值,单位,限定词,来源,备注\n" +
	"培训,湖南省/泸溪县,2019年,1200,人次,,县科技局年报,\n" +
	"星创天地,龙山县,2019年,3,家,,县科技局年报,含在建\n"

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	require.NoError(t, err)
	return []byte(b)
}

func records(l *outcome.Ledger) []outcome.Record {
	var out []outcome.Record
	for r := range l.All() {
		out = append(out, r)
	}
	return out
}

// A CSV file saved in GB18030 (GBK) reads as the same file saved as UTF-8.
func TestReadFileGB18030(t *testing.T) {
	utf8Ledger, gbkLedger := dateLedger(t), dateLedger(t)
	require.NoError(t, xlsx.ReadFile(utf8Ledger, writeFile(t, "utf8.csv", []byte(officeCSV)), outcome.ReadOptions{}))
	require.NoError(t, xlsx.ReadFile(gbkLedger, writeFile(t, "gbk.csv", gbk(t, officeCSV)), outcome.ReadOptions{}))
	want := records(utf8Ledger)
	require.Len(t, want, 2)
	if d := cmp.Diff(want, records(gbkLedger)); d != "" {
		t.Errorf("GB18030 file read differently from UTF-8 (-utf8 +gbk):\n%s", d)
	}
	// Its errors are those of its text: line and field, in Chinese.
	bad := strings.Replace(officeCSV, "龙山县", "龙山镇", 1)
	err := xlsx.ReadFile(dateLedger(t), writeFile(t, "bad.csv", gbk(t, bad)), outcome.ReadOptions{})
	require.ErrorIs(t, err, outcome.ErrUnknownRegion)
	assert.Contains(t, err.Error(), "龙山镇")
	assert.Contains(t, err.Error(), ":3:")
}

// A UTF-8 file with a damaged byte is not read as GB18030, which would make
// other characters of it: the error names the line that is not UTF-8.
func TestReadFileDamagedUTF8(t *testing.T) {
	damaged := []byte(officeCSV)
	i := strings.Index(officeCSV, "龙山县")
	damaged[i+1] = 0xff
	l := dateLedger(t)
	err := xlsx.ReadFile(l, writeFile(t, "damaged.csv", damaged), outcome.ReadOptions{})
	require.ErrorIs(t, err, outcome.ErrEncoding)
	assert.Contains(t, err.Error(), ":3")
	assert.Zero(t, l.Len(), "nothing is added from a file that does not read")
}

// ReadText calls read once for UTF-8, twice for GB18030, and stops at a
// byte sequence GB18030 does not decode even when it is split between reads.
func TestReadText(t *testing.T) {
	for _, c := range []struct {
		name  string
		data  []byte
		calls int
		text  string // what the last call read; "" when it failed
	}{
		{"UTF-8", []byte(officeCSV), 1, officeCSV},
		{"GB18030", gbk(t, officeCSV), 2, officeCSV},
		{"neither", append(gbk(t, "泸溪县,"), 0x80, 0xff), 2, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls, text := 0, ""
			err := xlsx.ReadText(writeFile(t, "f.csv", c.data), func(r io.Reader) error {
				calls++
				b, err := io.ReadAll(iotest.OneByteReader(r))
				if err != nil {
					return err
				}
				if !utf8.Valid(b) {
					return outcome.ErrEncoding
				}
				text = string(b)
				return nil
			})
			assert.Equal(t, c.calls, calls)
			if c.text == "" {
				assert.ErrorIs(t, err, outcome.ErrEncoding)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.text, text)
		})
	}
	if err := xlsx.ReadText(filepath.Join(t.TempDir(), "missing.csv"), func(io.Reader) error { return nil }); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error = %v, want os.ErrNotExist", err)
	}
}

// A file whose content is not what its name says is refused saying what it
// is: a CSV file named .xlsx, a workbook named .csv, an Excel 97–2003
// workbook; never a zip or an encoding error alone.
func TestReadFileTellsWhatAFileIs(t *testing.T) {
	var workbook strings.Builder
	require.NoError(t, xlsx.WriteReport(&workbook, sample(t), lang.Chinese))
	xls := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 64)...)
	for _, c := range []struct {
		file, data, want string
	}{
		{"ledger.xlsx", officeCSV, "not an Excel workbook (.xlsx); a CSV file is named .csv"},
		{"ledger.csv", workbook.String(), "an Excel workbook (.xlsx), not CSV text: name it .xlsx, or save it as CSV UTF-8"},
		{"old.csv", string(xls), "an Excel 97–2003 workbook (.xls), not CSV text"},
		{"old.xlsx", string(xls), "not an Excel workbook (.xlsx): an Excel 97–2003 workbook (.xls); save it as .xlsx or as CSV UTF-8"},
		{"ledger.jsonl", workbook.String(), "an Excel workbook, not JSON Lines: name it .xlsx"},
	} {
		path := writeFile(t, c.file, []byte(c.data))
		err := xlsx.ReadFile(dateLedger(t), path, outcome.ReadOptions{})
		if assert.ErrorIs(t, err, xlsx.ErrFormat, c.file) {
			assert.Contains(t, err.Error(), c.want, c.file)
			assert.True(t, strings.HasPrefix(err.Error(), path), "%s: the error names the file: %v", c.file, err)
		}
	}
}
