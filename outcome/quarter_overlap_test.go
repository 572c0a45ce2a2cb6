package outcome_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
)

// TestQuartersAndTheirYear checks quarters as a period kind against the rule
// that no day is counted twice (SEMANTICS.md): the coarsest record counts,
// by length first, so a year's 合计 holds its four quarters however they are
// written, and the quarters fill only a window the 合计 does not lie in.
func TestQuartersAndTheirYear(t *testing.T) {
	const total = "176场"
	tests := []struct {
		name     string
		quarters []string
		window   string
		withYear bool
		want     int64
	}{
		{"four quarters as 2019Q1", []string{"2019Q1", "2019Q2", "2019Q3", "2019Q4"}, "2019", true, 176},
		{"four quarters as 2019年第一季度", []string{"2019年第一季度", "2019年第二季度", "2019年第三季度", "2019年第四季度"}, "2019", true, 176},
		{"four quarters without a 合计", []string{"2019Q1", "2019Q2", "2019Q3", "2019Q4"}, "2019", false, 42 + 51 + 38 + 45},
		{"two halves and their 合计", []string{"2019年上半年", "2019年下半年"}, "2019", true, 176},
		{"a quarter's window holds the quarter alone", []string{"2019Q1", "2019Q2", "2019Q3", "2019Q4"}, "2019Q2", true, 51},
		{"the first half's window holds two quarters", []string{"2019Q1", "2019Q2", "2019Q3", "2019Q4"}, "2019H1", true, 42 + 51},
	}
	figures := []string{"42场", "51场", "38场", "45场"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var records []outcome.Record
			for i, p := range tt.quarters {
				f := figures[i]
				if len(tt.quarters) == 2 { // two halves, the sums of their quarters
					f = []string{"93场", "83场"}[i]
				}
				records = append(records, ovRec("training", ovCounty, p, f))
			}
			if tt.withYear {
				records = append(records, ovRec("training", ovCounty, "2019", total))
			}
			l := ovLedger(t, records...)
			sum, err := l.Total("training", ovCounty, period.MustParse(tt.window))
			if err != nil {
				t.Fatal(err)
			}
			if got := sum.Value; got.IntPart() != tt.want || !got.IsInteger() {
				t.Errorf("Total over %s = %v, want %d", tt.window, got, tt.want)
			}
		})
	}
}

// TestReadCSVOfficePeriods reads a ledger file whose periods are written as
// offices write them: every line reads, through the fast path or the
// general one, and the 合计 holds its quarters.
func TestReadCSVOfficePeriods(t *testing.T) {
	file := "indicator,region,period,value\n" +
		"training,433122,2019年第一季度,42\n" +
		"training,433122,2019Q2,51\n" +
		"training,433122,2019.07.01-2019.09.30,38\n" +
		"training,433122,2019年10—12月,45\n" +
		"training,433122,2019年,176\n" +
		"training,433130,2019/03,7\n" +
		"training,433130,2019.04,8\n" +
		"training,433130,2019年5月,9场\n" +
		"training,433130,２０１９年上半年,30\n"
	l := ovLedger(t)
	if err := l.ReadCSV(strings.NewReader(file), outcome.ReadOptions{Name: "office.csv"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		region, window string
		want           int64
	}{{ovCounty, "2019", 176}, {ovCounty, "2019Q3", 38}, {ovCounty2, "2019", 30}, {ovCounty2, "2019-03", 7}, {ovCounty2, "2019Q2", 17}} {
		sum, err := l.Total("training", tt.region, period.MustParse(tt.window))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Value.IntPart() != tt.want {
			t.Errorf("Total(%s, %s) = %v, want %d", tt.region, tt.window, sum.Value, tt.want)
		}
	}
	err := l.ReadCSV(strings.NewReader("indicator,region,period,value\ntraining,433122,2019年第五季度,1\n"), outcome.ReadOptions{Name: "bad.csv"})
	if !errors.Is(err, outcome.ErrSyntax) || !strings.Contains(err.Error(), "2019年第一季度") {
		t.Errorf("a fifth quarter: error = %v, want ErrSyntax listing the forms", err)
	}
}
