package outcome

import (
	"errors"
	"testing"
	"time"

	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/quantity"
)

// Each specific reason reads as its message did when it was a sentinel of
// its own, and unwraps to the sentinel callers branch on.
func TestErrorReasons(t *testing.T) {
	tests := []struct {
		reason   error
		sentinel error
		msg      string
	}{
		{errUnknownUnit, ErrSyntax, "unknown unit"},
		{errUnknownQualifier, ErrSyntax, "unknown qualifier"},
		{errUnknownColumn, ErrSyntax, "unknown column"},
		{errFieldCount, ErrSyntax, "wrong number of fields"},
		{errMissingColumn, ErrMissing, "missing required column"},
		{errNegative, ErrInvalid, "negative value"},
		{errFraction, ErrInvalid, "a fraction of what is counted whole"},
		{errRangeValue, ErrInvalid, "a range is not a recorded value"},
		{errOutOfRange, ErrInvalid, "out of range"},
		{errInvalidIndicator, ErrInvalid, "invalid indicator"},
		{errInvalidCode, ErrInvalid, "invalid region code"},
		{errDuplicateRegion, ErrInvalid, "region defined twice"},
		{errRegionLevel, ErrInvalid, "region level does not fit"},
	}
	sentinels := []error{ErrSyntax, ErrEncoding, ErrMissing, ErrInvalid, ErrUnknownRegion, ErrUnknownIndicator, ErrUnitMismatch, ErrConflict}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			if got := tt.reason.Error(); got != tt.msg {
				t.Errorf("Error() = %q, want %q", got, tt.msg)
			}
			for _, s := range sentinels {
				if got, want := errors.Is(tt.reason, s), s == tt.sentinel; got != want {
					t.Errorf("errors.Is(%v, %v) = %v, want %v", tt.reason, s, got, want)
				}
			}
		})
	}
}

// Errors of the parsers and the ledger carry both the sentinel and the
// specific reason, so a caller branches on one and a test checks the other.
func TestErrorsCarryReasonAndSentinel(t *testing.T) {
	_, errPeriod := period.Parse("2019/2018")
	_, errRange := quantity.Parse("5—3个")
	_, errDigits := quantity.Parse("1234567890123456789012345678901名")
	_, errNumber := quantity.Parse("数十名")
	_, errSpan := period.Span(time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC))
	_, errDup := NewRegionSet([]Region{{Code: "430000", Level: Province}, {Code: "430000", Level: Province}})
	errFrac := testLedger(t).Add(Record{Indicator: "commissioners", Region: "433122", Period: period.Year(2019), Quantity: quantity.MustParse("0.5名")})
	tests := []struct {
		name             string
		err              error
		reason, sentinel error
	}{
		{"period order", errPeriod, errPeriodOrder, ErrInvalid},
		{"range order", errRange, errRangeOrder, ErrInvalid},
		{"too many digits", errDigits, errOutOfRange, ErrInvalid},
		{"no number", errNumber, errNotANumber, ErrSyntax},
		{"span order", errSpan, errPeriodOrder, ErrInvalid},
		{"duplicate region", errDup, errDuplicateRegion, ErrInvalid},
		{"fraction of a person", errFrac, errFraction, ErrInvalid},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.reason) || !errors.Is(tt.err, tt.sentinel) {
			t.Errorf("%s: error %v, want %v wrapping %v", tt.name, tt.err, tt.reason, tt.sentinel)
		}
	}
}
