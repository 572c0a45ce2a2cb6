package codeindex

// Runs finds the positions of six- and twelve-digit codes (counties and
// villages) without hashing, in about a megabyte that mostly stays in the
// cache, where a Table of a million villages takes 16 MiB and a lookup is
// a miss. A twelve-digit code is a county's six digits, a township's three
// and a village's three. Villages are laid out depth-first with children
// sorted by code, so the villages of a township, numbered one after
// another, lie at positions one after another: a township is a run of
// village numbers at a run of positions. A six-digit code is found in a
// table of two levels, by its first four digits and then its last two (a
// few dense pages, where a table by its whole value would spread a
// thousand counties over four megabytes); a village through its county's
// entry, then its township's run, by index. A township whose villages are
// no single run, or a county whose township numbers spread far, is left to
// the Table: Find reports that it does not answer.
type Runs struct {
	// four holds, by the first four digits of a six-digit value, 1 + the
	// number of its block of 100 prefixes in pre, 0 for none.
	four  []uint16
	pre   []prefix // in blocks of 100, by the last two digits
	towns []town
}

// A prefix no region has has pos -1 and no townships (town0 and n 0).
var none = prefix{pos: -1}

// prefix is a six-digit code: the position of its region, and the
// townships of its twelve-digit codes, numbered 0 to n-1.
type prefix struct {
	pos   int32  // -1 when the six-digit code is no region's
	town0 uint32 // index in towns of township 0
	n     uint32 // townships, 0 to n-1; sparse for a prefix left to the Table
}

// town is the villages first to first+n-1 of a township at the positions
// pos to pos+n-1.
type town struct {
	first, n uint16
	pos      int32 // -1 for a township left to the Table
}

// Answers of Find besides a position.
const (
	Absent = iota + 1 // no region has the code
	Asks              // Runs do not answer: ask the Table
)

// NewRuns makes Runs of n positions, key(i) returning the Key of the code
// at position i; nil when the twelve-digit codes do not come in code
// order, as a set sorted depth-first by code has them.
func NewRuns(n int, key func(i int32) uint64) *Runs {
	r := &Runs{four: make([]uint16, 1e4)}
	cur := -1         // the prefix of the codes in towns
	var last uint64   // the last twelve-digit code
	var spread []town // the current prefix's townships, by number
	var sparse bool   // the current prefix is left to the Table
	flush := func() {
		if cur < 0 {
			return
		}
		p := &r.pre[cur]
		if sparse {
			p.n = 0
		} else {
			p.town0, p.n = uint32(len(r.towns)), uint32(len(spread))
			r.towns = append(r.towns, spread...)
		}
		spread, sparse = spread[:0], false
	}
	for i := range int32(n) {
		k := key(i)
		v := k >> 4
		switch {
		case k&15 == 6 && v < 1e6:
			r.pre[r.index(v)].pos = i
		case k&15 == 12 && v < 1e12:
			if cur >= 0 && v <= last {
				return nil
			}
			last = v
			if j := r.index(v / 1e6); j != cur {
				if r.pre[j].n != 0 || r.pre[j].town0 != 0 {
					return nil // the prefix had codes before another's
				}
				flush()
				cur = j
				r.pre[j].town0 = 1 // taken: flush sets it
			}
			if sparse {
				continue
			}
			tn, vn := int(v%1e6/1000), uint16(v%1000)
			if tn >= len(spread) {
				if tn >= 4*len(spread)+64 {
					sparse = true // township numbers spread far
					continue
				}
				for len(spread) <= tn {
					spread = append(spread, town{})
				}
			}
			switch t := &spread[tn]; {
			case t.n == 0 && t.pos == 0:
				*t = town{vn, 1, i}
			case t.pos >= 0 && t.first+t.n == vn && t.pos+int32(t.n) == i:
				t.n++
			default:
				t.pos = -1 // no single run
			}
		}
	}
	flush()
	return r
}

// index returns the index in pre of the six-digit value v, its block made
// if new (at most 10,000 blocks: a uint16 numbers them).
func (r *Runs) index(v uint64) int {
	b := r.four[v/100]
	if b == 0 {
		for range 100 {
			r.pre = append(r.pre, none)
		}
		b = uint16(len(r.pre) / 100)
		r.four[v/100] = b
	}
	return int(b-1)*100 + int(v%100)
}

// prefix returns the prefix of the six-digit value v.
func (r *Runs) prefix(v uint64) prefix {
	if b := r.four[v/100]; b != 0 {
		return r.pre[int(b-1)*100+int(v%100)]
	}
	return none
}

// Find returns the position of the code k; otherwise Absent when no region
// has it, or Asks when Runs do not hold it (a code of another length, a
// township that is no run of villages): then the Table answers.
func (r *Runs) Find(k uint64) (pos int32, miss int) {
	v := k >> 4
	switch {
	case r == nil:
		return 0, Asks
	case k&15 == 6 && v < 1e6:
		p := r.prefix(v)
		if p.pos < 0 {
			return 0, Absent
		}
		return p.pos, 0
	case k&15 == 12 && v < 1e12:
		p := r.prefix(v / 1e6)
		tn := uint32(v % 1e6 / 1000)
		if tn >= p.n {
			if p.n == 0 && p.town0 == 0 {
				return 0, Absent // no village under the prefix
			}
			if p.n == 0 {
				return 0, Asks // a prefix left to the Table
			}
			return 0, Absent
		}
		t := r.towns[p.town0+tn]
		switch vn := uint16(v % 1000); {
		case t.pos < 0:
			return 0, Asks
		case vn-t.first < t.n:
			return t.pos + int32(vn-t.first), 0
		}
		return 0, Absent
	}
	return 0, Asks
}
