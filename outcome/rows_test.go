package outcome

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadRowsFromTheLedger checks that the rows ReadRows takes may come
// from code that reads the same ledger: the ledger is not locked while the
// caller's iterator runs. Before, the iterator ran under the ledger's lock
// and a read from it never returned.
func TestReadRowsFromTheLedger(t *testing.T) {
	l := testLedger(t)
	require.NoError(t, l.Add(rec("commissioners", "433122", "2018", "3名")))
	rows := func(yield func(Row) bool) {
		// The caller's code asks the ledger something while it yields rows.
		assert.Equal(t, 1, l.Len(), "records before the sheet")
		if !yield(Row{Number: 1, Cells: []string{"indicator", "region", "period", "value"}}) {
			return
		}
		yield(Row{Number: 2, Cells: []string{"commissioners", "433122", "2019", "5"}})
	}
	done := make(chan error, 1)
	go func() { done <- l.ReadRows(rows, ReadOptions{Name: "sheet"}) }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("ReadRows did not return: the ledger is locked while the rows are read")
	}
	assert.Equal(t, 2, l.Len())
}

// TestReadRowsAllOrNothing checks that a refused row leaves the ledger as
// it was, and that the error names the sheet and the row.
func TestReadRowsAllOrNothing(t *testing.T) {
	l := testLedger(t)
	rows := func(yield func(Row) bool) {
		for _, r := range []Row{
			{1, []string{"indicator", "region", "period", "value"}},
			{2, []string{"commissioners", "433122", "2019", "5"}},
			{3, []string{"commissioners", "433122", "2019", "6"}}, // a conflict with row 2
		} {
			if !yield(r) {
				return
			}
		}
	}
	err := l.ReadRows(rows, ReadOptions{Name: "sheet"})
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "error %v is not a *ParseError", err)
	assert.ErrorIs(t, err, ErrConflict)
	assert.Equal(t, "sheet", pe.File)
	assert.Equal(t, 3, pe.Line)
	assert.Equal(t, 0, l.Len(), "a refused sheet left records in the ledger")
}
