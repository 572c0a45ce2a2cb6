package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("run() = %d, stderr:\n%s", code, errs.String())
	}
	for _, want := range []string{"导入 hunan-2019.csv: 93 条", "v2  103家", "近100家", "已整改 2", "2020-01-31 所知的台账"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
