package texttable

import (
	"bytes"
	"testing"
)

func TestWrite(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, [][]string{{"目标", "状态"}, {"a", "已达成"}, {"每个贫困县", "met"}}); err != nil {
		t.Fatal(err)
	}
	const want = "目标        状态\n" +
		"a           已达成\n" +
		"每个贫困县  met\n"
	if b.String() != want {
		t.Errorf("Write =\n%s\nwant\n%s", b.String(), want)
	}
	if Width("湖南a") != 5 {
		t.Errorf("Width(湖南a) = %d, want 5", Width("湖南a"))
	}
}
