package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"示例: 科技扶贫三项目标 [example/quickstart]",
		// 40 + 30余 is 70余, fewer than 80: short of 一百项以上, in progress.
		"合计 3 项目标: 已达成 0, 推进中 3, 未达成 0, 超出上限 0, 无数据 0",
		"433122100202  乙村  无记录",
		"3 targets: 0 met, 3 in progress, 0 missed, 0 over the limit, 0 no data",
		"433122100202  Yi Village  no record",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
