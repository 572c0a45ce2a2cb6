package outcome

import (
	"encoding/binary"

	"github.com/taizhang/taizhang/internal/civil"
	"github.com/taizhang/taizhang/internal/colstore"
	"github.com/taizhang/taizhang/period"
)

// A ledger's columns keep a period as a colstore.Span: its kind and its
// first and last days. The two convert through the period's binary form,
// which says exactly that.

// spanOf returns the span the columns keep for p.
func spanOf(p period.Period) colstore.Span {
	var buf [9]byte
	b, _ := p.AppendBinary(buf[:0])
	if len(b) != len(buf) {
		return colstore.Span{} // the zero Period
	}
	return colstore.Span{Kind: b[0], Start: int32(binary.LittleEndian.Uint32(b[1:])), End: int32(binary.LittleEndian.Uint32(b[5:]))}
}

// periodOf returns the period the columns keep as sp, which spanOf made.
func periodOf(sp colstore.Span) period.Period {
	var p period.Period
	if sp.Kind == 0 {
		return p
	}
	var buf [9]byte
	buf[0] = sp.Kind
	binary.LittleEndian.PutUint32(buf[1:], uint32(sp.Start))
	binary.LittleEndian.PutUint32(buf[5:], uint32(sp.End))
	_ = p.UnmarshalBinary(buf[:]) // a span spanOf made: always a period's
	return p
}

// recordable reports whether p lies within the years 1 to 9999, as every
// period [period.Parse] reads and [period.Period.String] writes does. A query
// window from [period.Through] does not: its start is before any year.
func recordable(p period.Period) bool {
	sp := spanOf(p)
	return civil.First <= sp.Start && sp.End <= civil.Last
}
