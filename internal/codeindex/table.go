package codeindex

// Table maps codes to positions: open addressing, linear probing, at most
// two thirds full. A slot is one word: the code packed in its high 42 bits
// ([Pack]) above the position in the low 22, so a lookup reads eight bytes
// and a national index of a million villages takes 16 MiB; 0 marks an
// empty slot. It holds at most MaxPositions codes. The zero Table holds
// nothing.
type Table struct {
	slots []uint64
	shift uint
}

// MaxPositions is the most codes a Table holds.
const MaxPositions = 1<<posBits - 1

const (
	posBits = 22
	posMask = 1<<posBits - 1
)

// Pack packs a Key of 6, 9 or 12 digits into 42 bits: the value in 40,
// the length in 2. Other lengths give 0, which no code has.
func Pack(k uint64) uint64 {
	var class uint64
	switch k & 15 {
	case 6:
		class = 1
	case 9:
		class = 2
	case 12:
		class = 3
	default:
		return 0
	}
	return k>>4<<2 | class
}

// New returns a table with room for n codes.
func New(n int) Table {
	size, shift := 16, uint(60)
	for size < n+n/2 {
		size, shift = size*2, shift-1
	}
	slots := make([]uint64, size)
	// Codes land in slots at random. Fresh memory is mapped on first
	// touch, and touched in order here it costs a fraction of what
	// faulting its pages in at random would.
	clear(slots)
	return Table{slots: slots, shift: shift}
}

// Fits reports whether t has room for n codes.
func (t *Table) Fits(n int) bool { return n+n/2 <= len(t.slots) }

// Empty reports whether t has no slots, as the zero Table.
func (t *Table) Empty() bool { return len(t.slots) == 0 }

// Home returns the first slot to probe for the packed code p.
func (t *Table) Home(p uint64) uint64 { return (p * 0x9e3779b97f4a7c15) >> t.shift }

// Touch reads slot h and returns it, so that a caller looking up a group
// of codes has the CPU load their slots at once before probing each.
func (t *Table) Touch(h uint64) uint64 { return t.slots[h] }

// Put puts the packed code p with position v, probing from slot i; false
// if p is there already.
func (t *Table) Put(p, i uint64, v int32) bool {
	mask := uint64(len(t.slots) - 1)
	for t.slots[i] != 0 {
		if t.slots[i]>>posBits == p {
			return false
		}
		i = (i + 1) & mask
	}
	t.slots[i] = p<<posBits | uint64(v)
	return true
}

// Find returns the position of the packed code p, probing from slot i.
func (t *Table) Find(p, i uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for ; ; i = (i + 1) & mask {
		switch sl := t.slots[i]; {
		case sl>>posBits == p && sl != 0:
			return int32(sl & posMask), true
		case sl == 0:
			return 0, false
		}
	}
}

// Get returns the position of the Key k.
func (t *Table) Get(k uint64) (int32, bool) {
	p := Pack(k)
	if p == 0 {
		return 0, false
	}
	return t.Find(p, t.Home(p))
}

// Renumber replaces every position v in the table with pos[v].
func (t *Table) Renumber(pos []int32) {
	for i, sl := range t.slots {
		if sl != 0 {
			t.slots[i] = sl&^posMask | uint64(pos[sl&posMask])
		}
	}
}
