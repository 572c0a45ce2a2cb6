package catalog

import (
	"errors"
	"testing"

	"github.com/taizhang/taizhang/outcome"
)

func TestPick(t *testing.T) {
	all := []outcome.Indicator{{Code: "a"}, {Code: "b"}, {Code: "c"}}
	got := Pick(all, "c", "a", "missing")
	if len(got) != 2 || got[0].Code != "a" || got[1].Code != "c" {
		t.Errorf("Pick = %v, want a and c in the catalogue's order", got)
	}
}

func TestMustPanicsOnError(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Must with an error did not panic")
		}
	}()
	Must(0, errors.New("broken embedded data"))
}
