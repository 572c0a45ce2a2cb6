package outcome

import (
	"errors"
	"fmt"
	"slices"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can branch with [errors.Is]; [*SyntaxError] and [*RecordError] add
// where the problem is.
var (
	ErrSyntax            = errors.New("malformed")
	ErrNotANumber        = errors.New("no number (数十 and the like are not counts)")
	ErrUnknownUnit       = errors.New("unknown unit")
	ErrUnknownQualifier  = errors.New("unknown qualifier")
	ErrNegative          = errors.New("negative value")
	ErrUnitMismatch      = errors.New("unit does not fit the indicator")
	ErrIncompatibleUnits = errors.New("incompatible units")
	ErrRangeValue        = errors.New("a range is not a recorded value")
	ErrRangeOrder        = errors.New("range minimum exceeds its maximum")
	ErrInvalidCode       = errors.New("invalid region code")
	ErrUnknownRegion     = errors.New("region not in the region set")
	ErrDuplicateRegion   = errors.New("region defined twice")
	ErrRegionLevel       = errors.New("region level does not fit")
	ErrUnknownIndicator  = errors.New("unknown indicator")
	ErrInvalidIndicator  = errors.New("invalid indicator")
	ErrPeriodOrder       = errors.New("period ends before it starts")
	ErrMissing           = errors.New("missing")
	ErrConflict          = errors.New("conflicting value for the same indicator, region and period")
	ErrMissingColumn     = errors.New("missing required column")
	ErrUnknownColumn     = errors.New("unknown column")
	ErrFieldCount        = errors.New("wrong number of fields")
	ErrEncoding          = errors.New("not UTF-8 (save files as CSV UTF-8)")
)

// SyntaxError reports text that [ParseQuantity], [ParsePeriod] or another
// parser of this package could not read.
type SyntaxError struct {
	What   string // what was being read: "quantity", "period", "region code"
	Input  string // the whole input
	Offset int    // byte offset in Input where reading failed
	Err    error  // the sentinel: ErrSyntax, ErrNotANumber, ErrUnknownUnit …
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("outcome: %s %q at byte %d: %v", e.What, e.Input, e.Offset, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// RecordError reports a record the [Ledger] refused: which record (its
// position in the call to [Ledger.Add] and its content), which field and
// which value.
type RecordError struct {
	Index  int    // position of the record in the Add call, from 0
	Record Record // the refused record
	Field  string // "indicator", "region", "period", "value", "unit" or "qualifier"
	Value  string // the offending value as text
	Err    error  // the sentinel, possibly wrapped with more detail
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("outcome: record %d (%s): %s %q: %v", e.Index, e.Record.key(), e.Field, e.Value, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// ParseError reports a problem in a ledger file: which file, which line,
// which column and which value. It unwraps to the sentinel ([ErrSyntax],
// [ErrUnknownIndicator], [ErrUnknownRegion], [ErrConflict], …).
type ParseError struct {
	File   string // the name given to the reader; may be empty
	Line   int    // 1-based line where the record starts
	Column string // the column name, or "" for the whole line
	Value  string // the offending value
	Err    error
}

func (e *ParseError) Error() string {
	file := e.File
	if file == "" {
		file = "input"
	}
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %v", file, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: %s %q: %v", file, e.Line, e.Column, e.Value, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// errorList keeps the first errors of a file and counts the rest.
type errorList struct {
	first []error
	more  int
}

// maxErrors is how many errors of a file are reported; the rest are
// counted.
const maxErrors = 20

func (e *errorList) add(err error) {
	if len(e.first) < maxErrors {
		e.first = append(e.first, err)
	} else {
		e.more++
	}
}

// merge adds the errors of o, which come after e's.
func (e *errorList) merge(o *errorList) {
	for _, err := range o.first {
		e.add(err)
	}
	e.more += o.more
}

// join returns the errors joined, the first maxErrors and then how many
// more; nil when there are none.
func (e *errorList) join() error {
	if e.more > 0 {
		return errors.Join(append(slices.Clip(e.first), fmt.Errorf("and %d more", e.more))...)
	}
	return errors.Join(e.first...)
}
