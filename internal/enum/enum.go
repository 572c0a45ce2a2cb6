// Package enum holds what the library's enums share: the label their
// String and their stable text code give.
package enum

import (
	"fmt"

	"github.com/taizhang/taizhang/lang"
)

// Label returns n in l for an enum's String and its stable code, or
// typ(v) for a value outside the enum, which has no name.
func Label(n lang.Name, l lang.Lang, typ string, v int) string {
	if n.IsZero() {
		return fmt.Sprintf("%s(%d)", typ, v)
	}
	return n.In(l)
}
