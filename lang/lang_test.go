package lang

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	for _, tag := range []string{"", "zh", "zh-CN", "zh-Hans", "cn"} {
		l, err := Parse(tag)
		require.NoError(t, err, tag)
		assert.Equal(t, Chinese, l, tag)
	}
	for _, tag := range []string{"en", "en-US", "en-GB"} {
		l, err := Parse(tag)
		require.NoError(t, err, tag)
		assert.Equal(t, English, l, tag)
	}
	_, err := Parse("fr")
	assert.EqualError(t, err, `lang: unknown language "fr" (want zh or en)`)
}

// A language's String is its tag, which Parse reads back.
func TestStringParses(t *testing.T) {
	for _, l := range []Lang{Chinese, English} {
		back, err := Parse(l.String())
		require.NoError(t, err)
		assert.Equal(t, l, back)
	}
}

func TestLangName(t *testing.T) {
	assert.Equal(t, Name{Zh: "英文", En: "English"}, English.Name())
	assert.Equal(t, "Chinese", Chinese.Name().In(English))
}

// A name falls back to the other language when the one asked for is empty.
func TestNameIn(t *testing.T) {
	for _, tt := range []struct {
		n        Name
		zh, en   string
		str      string
		zeroName bool
	}{
		{Name{Zh: "泸溪县", En: "Luxi"}, "泸溪县", "Luxi", "泸溪县", false},
		{Name{Zh: "泸溪县"}, "泸溪县", "泸溪县", "泸溪县", false},
		{Name{En: "Luxi"}, "Luxi", "Luxi", "Luxi", false},
		{Name{}, "", "", "", true},
	} {
		assert.Equal(t, tt.zh, tt.n.In(Chinese), "%+v in Chinese", tt.n)
		assert.Equal(t, tt.en, tt.n.In(English), "%+v in English", tt.n)
		assert.Equal(t, tt.str, tt.n.String(), "%+v.String()", tt.n)
		assert.Equal(t, tt.zeroName, tt.n.IsZero(), "%+v.IsZero()", tt.n)
	}
}
