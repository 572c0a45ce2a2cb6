// Package errs holds the sentinel errors that outcome, period and quantity
// share, so that a caller's errors.Is(err, outcome.ErrSyntax) holds for a
// period or quantity a ledger file could not read as for one read alone,
// and the error type of text that does not read.
package errs

import (
	"errors"
	"fmt"
)

// The sentinels. Each public package exports those its functions return,
// as the same values: outcome.ErrSyntax is period.ErrSyntax is
// quantity.ErrSyntax.
var (
	ErrSyntax           = errors.New("malformed")
	ErrEncoding         = errors.New("not UTF-8 (save files as CSV UTF-8)")
	ErrMissing          = errors.New("missing")
	ErrInvalid          = errors.New("invalid")
	ErrUnknownRegion    = errors.New("region not in the region set")
	ErrUnknownIndicator = errors.New("unknown indicator")
	ErrUnitMismatch     = errors.New("unit of another dimension")
	ErrConflict         = errors.New("conflicting value for the same indicator, region and period")
)

// The reasons more than one package gives.
var (
	OutOfRange       = Reason(ErrInvalid, "out of range")
	Negative         = Reason(ErrInvalid, "negative value")
	UnknownUnit      = Reason(ErrSyntax, "unknown unit")
	UnknownQualifier = Reason(ErrSyntax, "unknown qualifier")
)

// reasonError is a specific reason for an error: its message is the
// reason alone, and it unwraps to the sentinel a caller branches on.
type reasonError struct {
	msg      string
	sentinel error
}

// Reason returns an error saying msg that unwraps to sentinel.
func Reason(sentinel error, msg string) error { return &reasonError{msg, sentinel} }

func (e *reasonError) Error() string { return e.msg }

func (e *reasonError) Unwrap() error { return e.sentinel }

// SyntaxError reports text that a parser (of a quantity, a period, a region
// code) could not read.
type SyntaxError struct {
	What   string // what was being read: "quantity", "period", "region code"
	Input  string // the whole input
	Offset int    // byte offset in Input where reading failed
	Err    error  // the reason, wrapping ErrSyntax or ErrInvalid
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s %q at byte %d: %v", e.What, e.Input, e.Offset, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }
