// Package lang holds the two languages of taizhang's labels and reports,
// and [Name], a label in both.
package lang

import "fmt"

// Lang selects the language of labels and reports. The zero value is
// [Chinese], the language of the source documents.
type Lang uint8

const (
	Chinese Lang = iota // 中文, the default
	English
)

// Parse reads a language tag: "zh", "zh-CN", "cn" or "" for Chinese,
// "en" or "en-US" for English.
func Parse(s string) (Lang, error) {
	switch s {
	case "", "zh", "zh-CN", "zh-Hans", "cn":
		return Chinese, nil
	case "en", "en-US", "en-GB":
		return English, nil
	}
	return 0, fmt.Errorf("lang: unknown language %q (want zh or en)", s)
}

// String returns the language's tag, "zh" or "en", which [Parse] reads
// back: a tag, like a period's notation, is not a label to translate.
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "zh"
}

// Name returns the language's bilingual name: 中文 (Chinese), 英文 (English).
func (l Lang) Name() Name {
	if l == English {
		return Name{Zh: "英文", En: "English"}
	}
	return Name{Zh: "中文", En: "Chinese"}
}

// Name is a bilingual label. Every program, target, indicator and region has
// one. The zero value is an empty name.
type Name struct {
	Zh string `json:"zh"` // Chinese, as in the source document
	En string `json:"en"` // English
}

// In returns the name in lang, or in the other language when that one is empty.
func (n Name) In(lang Lang) string {
	if lang == English && n.En != "" || n.Zh == "" {
		return n.En
	}
	return n.Zh
}

// String returns the Chinese name, or the English one when there is no Chinese.
func (n Name) String() string { return n.In(Chinese) }

// IsZero reports whether both languages are empty.
func (n Name) IsZero() bool { return n.Zh == "" && n.En == "" }
