package texttable_test

import (
	"os"

	"github.com/taizhang/taizhang/internal/texttable"
)

// A table aligns in any terminal: Chinese characters take two columns, and
// the dash of a missing figure is written as a plain -.
func ExampleWrite() {
	texttable.Write(os.Stdout, [][]string{
		{"目标", "实际", "状态"},
		{"每个贫困村至少1名科技特派员", "—", "无数据"},
		{"≥1000 federations", "1000余个", "met"},
	})
	// Output:
	// 目标                         实际      状态
	// 每个贫困村至少1名科技特派员  -         无数据
	// >=1000 federations           1000余个  met
}

// A terminal set to draw ambiguous characters two columns wide shows them
// as they are.
func ExampleOptions_Write() {
	texttable.Options{AmbiguousWide: true}.Write(os.Stdout, [][]string{
		{"要求", "状态"},
		{"3 000—5 000个", "推进中"},
		{"—", "无数据"},
	})
	// Output:
	// 要求            状态
	// 3 000—5 000个  推进中
	// —              无数据
}
