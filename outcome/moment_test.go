package outcome

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSameMomentConflicts checks that two figures of one region that state
// the same thing in different periods are a conflict, not a silent choice:
// a stock's level on the same day (2019, 2019年12月 and 2019年第四季度 all end
// on 2019-12-31), a flow over the same days (2019 and
// 2019.01.01-2019.12.31). The same figure stated twice is one figure.
// Periods of other days, and an undated figure, are figures of their own.
func TestSameMomentConflicts(t *testing.T) {
	tests := []struct {
		name      string
		ind       string
		first     Record
		second    Record
		conflict  bool
		wantCount int
	}{
		{"a stock's year and its last month", "commissioners",
			rec("commissioners", "433122", "2019", "2名"), rec("commissioners", "433122", "2019年12月", "3名"), true, 1},
		{"a stock's last month and its year", "commissioners",
			rec("commissioners", "433122", "2019年12月", "3名"), rec("commissioners", "433122", "2019", "2名"), true, 1},
		{"a stock's year and its last quarter", "commissioners",
			rec("commissioners", "433122", "2019", "2名"), rec("commissioners", "433122", "2019年第四季度", "0名"), true, 1},
		{"a flow's year and the same days as a span", "training",
			rec("training", "433122", "2019", "6000人次"), rec("training", "433122", "2019.01.01-2019.12.31", "12000人次"), true, 1},
		{"a flow's span and the year of the same days", "training",
			rec("training", "433122", "2019.01.01-2019.12.31", "12000人次"), rec("training", "433122", "2019", "6000人次"), true, 1},
		{"the same stock figure stated twice", "commissioners",
			rec("commissioners", "433122", "2019", "2名"), rec("commissioners", "433122", "2019年12月", "2名"), false, 1},
		{"a flow's year and its last quarter: other days", "training",
			rec("training", "433122", "2019", "6000人次"), rec("training", "433122", "2019年第四季度", "1500人次"), false, 2},
		{"a stock's year and its first half: another day", "commissioners",
			rec("commissioners", "433122", "2019", "2名"), rec("commissioners", "433122", "2019年上半年", "1名"), false, 2},
		{"an undated stock figure within the year", "commissioners",
			rec("commissioners", "433122", "2019", "2名"), rec("commissioners", "433122", "~2017/2019", "5名"), false, 2},
		{"another region", "commissioners",
			rec("commissioners", "433122", "2019", "2名"), rec("commissioners", "433100", "2019年12月", "3名"), false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := testLedger(t)
			require.NoError(t, l.Add(tt.first))
			err := l.Add(tt.second)
			if tt.conflict {
				var re *RecordError
				require.True(t, errors.As(err, &re), "Add = %v, want a *RecordError", err)
				assert.ErrorIs(t, err, ErrConflict)
				assert.Contains(t, err.Error(), tt.first.Quantity.String()+" already recorded for "+tt.first.Period.String())
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.wantCount, l.Len())
		})
	}
}

// TestSameMomentInFiles checks that a ledger file is refused on the line of
// a second figure for the same day, whichever path reads it.
func TestSameMomentInFiles(t *testing.T) {
	in := "indicator,region,period,value\n" +
		"commissioners,433122,2019,2\n" +
		"commissioners,433122,2019-12,3\n"
	eachChunking(func(how string) {
		err := testLedger(t).ReadCSV(strings.NewReader(in), ReadOptions{Name: "f.csv"})
		var pe *ParseError
		if !errors.Is(err, ErrConflict) || !errors.As(err, &pe) || pe.Line != 3 {
			t.Errorf("%s: ReadCSV = %v, want a conflict on line 3", how, err)
		}
	})
}

// TestCorrectionInAFileNeedsAReason checks that a line that revises a
// figure without saying why is refused on that line, as Add refuses it.
func TestCorrectionInAFileNeedsAReason(t *testing.T) {
	in := "indicator,region,period,value,reported,revises,reason\n" +
		"commissioners,433122,2019,5,,,\n" +
		"commissioners,433122,2019,6,2020-03-01,5,\n"
	eachChunking(func(how string) {
		l := testLedger(t)
		err := l.ReadCSV(strings.NewReader(in), ReadOptions{Name: "f.csv"})
		var pe *ParseError
		if !errors.Is(err, ErrMissing) || !errors.As(err, &pe) || pe.Line != 3 || !strings.Contains(err.Error(), "reason") {
			t.Errorf("%s: ReadCSV = %v, want a missing reason on line 3", how, err)
		}
		if l.Len() != 0 {
			t.Errorf("%s: %d records kept from a refused file", how, l.Len())
		}
	})
}
