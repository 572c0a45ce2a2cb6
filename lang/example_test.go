package lang_test

import (
	"fmt"

	"github.com/taizhang/taizhang/lang"
)

func ExampleName_In() {
	county := lang.Name{Zh: "泸溪县", En: "Luxi County"}
	fmt.Println(county.In(lang.Chinese))
	fmt.Println(county.In(lang.English))
	fmt.Println(lang.Name{Zh: "星创天地"}.In(lang.English)) // no English: the Chinese
	// Output:
	// 泸溪县
	// Luxi County
	// 星创天地
}

func ExampleParse() {
	l, err := lang.Parse("en-US")
	if err != nil {
		panic(err)
	}
	fmt.Println(l, l.Name())
	// Output: en 英文
}
