package outcome

import (
	"errors"
	"fmt"
	"slices"

	"github.com/taizhang/taizhang/internal/errs"
)

// Sentinel errors: what callers branch on with [errors.Is]. Every error
// this package returns wraps one of them; [*SyntaxError], [*RecordError] and
// [*ParseError] add where the problem is. The specific reason (a negative
// value, an unknown unit, a period that ends before it starts) is in the
// message.
var (
	// ErrSyntax is text that does not read: a number, period, unit or
	// qualifier not recognised, or a file whose shape is wrong (a line of
	// the wrong number of fields, an unknown column).
	ErrSyntax = errs.ErrSyntax
	// ErrEncoding is text that is not UTF-8.
	ErrEncoding = errs.ErrEncoding
	// ErrMissing is a required field, column or argument left empty.
	ErrMissing = errs.ErrMissing
	// ErrInvalid is a value outside its domain: negative, a fraction of
	// what is counted whole, a range where one value is needed, a range or
	// period in the wrong order, a figure or year out of range, an invalid
	// indicator, a region defined twice, a region code or level that does
	// not fit.
	ErrInvalid = errs.ErrInvalid
	// ErrUnknownRegion is a region code not in the region set.
	ErrUnknownRegion = errs.ErrUnknownRegion
	// ErrUnknownIndicator is an indicator code the ledger does not define.
	ErrUnknownIndicator = errs.ErrUnknownIndicator
	// ErrUnitMismatch is a unit of another dimension than the one it
	// meets: persons (名) beside person-times (人次).
	ErrUnitMismatch = errs.ErrUnitMismatch
	// ErrConflict is a second, different figure for the same indicator,
	// region and period.
	ErrConflict = errs.ErrConflict
)

// The specific reasons, each wrapping the sentinel a caller branches on.
// They read as the message says; tests tell them apart with errors.Is.
var (
	errUnknownUnit      = errs.UnknownUnit
	errUnknownQualifier = errs.UnknownQualifier
	errUnknownColumn    = reason(ErrSyntax, "unknown column")
	errFieldCount       = reason(ErrSyntax, "wrong number of fields")
	errMissingColumn    = reason(ErrMissing, "missing required column")
	errNegative         = errs.Negative
	errFraction         = reason(ErrInvalid, "a fraction of what is counted whole")
	errRangeValue       = reason(ErrInvalid, "a range is not a recorded value")
	errOutOfRange       = errs.OutOfRange
	errInvalidIndicator = reason(ErrInvalid, "invalid indicator")
	errInvalidCode      = reason(ErrInvalid, "invalid region code")
	errDuplicateRegion  = reason(ErrInvalid, "region defined twice")
	errRegionLevel      = reason(ErrInvalid, "region level does not fit")
)

// reason returns an error saying msg that unwraps to sentinel.
func reason(sentinel error, msg string) error { return errs.Reason(sentinel, msg) }

// SyntaxError reports text that does not read, with the byte where
// reading failed: a figure ([quantity.Parse]), a period ([period.Parse]) or
// a region's code. It is [period.SyntaxError] and [quantity.SyntaxError]. A
// file reader reports its problems as [*ParseError] instead, naming the
// line and column, and wrapping the reason alone.
type SyntaxError = errs.SyntaxError

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
// which column and which value. It unwraps to the reason and through it to
// the sentinel ([ErrSyntax], [ErrUnknownIndicator], [ErrUnknownRegion],
// [ErrConflict], …).
type ParseError struct {
	File   string // the name given to the reader; may be empty
	Line   int    // 1-based line where the record starts
	Column string // the column as the file's header writes it (地区, region), or "" for the whole line
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
