package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/taizhang/taizhang/lang"
)

func TestLabel(t *testing.T) {
	n := lang.Name{Zh: "县市区", En: "county"}
	assert.Equal(t, "县市区", Label(n, lang.Chinese, "Level", 4))
	assert.Equal(t, "county", Label(n, lang.English, "Level", 4))
	// A value outside the enum has no name: its type and number say what it is.
	assert.Equal(t, "Level(9)", Label(lang.Name{}, lang.English, "Level", 9))
}
