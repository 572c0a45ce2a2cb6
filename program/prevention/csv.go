package prevention

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/taizhang/taizhang/outcome"
)

// The columns of a household file, in this order:
//
//	id,village,members,wage,operating,property,transfer,medical,education,disaster,other,unmet
//
// Amounts are yuan per year. unmet lists the needs of 两不愁三保障 not
// secured, separated by ";", by their Chinese or English names (不愁吃 or
// food, 住房安全有保障 or safe housing …); empty when all are met.
var householdColumns = []string{"id", "village", "members", "wage", "operating", "property", "transfer",
	"medical", "education", "disaster", "other", "unmet"}

// errColumns reports a household file whose header is not
// householdColumns.
var errColumns = fmt.Errorf("want the columns %s: %w", strings.Join(householdColumns, ","), outcome.ErrSyntax)

// ReadCSV reads households from a CSV file in one streamed pass: memory
// does not grow with the file. A line that cannot be read yields a
// *HouseholdError naming the household (or the line) and the field, and
// reading goes on; a bad header (an error wrapping [outcome.ErrSyntax]) or
// a read error ends the sequence.
func ReadCSV(r io.Reader, name string) iter.Seq2[Household, error] {
	return func(yield func(Household, error) bool) {
		cr := csv.NewReader(r)
		cr.ReuseRecord = true
		cr.FieldsPerRecord = len(householdColumns)
		head, err := cr.Read()
		if err != nil || strings.Join(head, ",") != strings.Join(householdColumns, ",") {
			yield(Household{}, fmt.Errorf("prevention: %s: %w", name, errColumns))
			return
		}
		for line := 2; ; line++ {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
					if !yield(Household{}, &HouseholdError{fmt.Sprintf("%s:%d", name, line), "line", "", err}) {
						return
					}
					continue
				}
				yield(Household{}, fmt.Errorf("%s:%d: %w", name, line, err))
				return
			}
			h, err := parseHousehold(rec)
			if err != nil {
				if !yield(Household{}, err) {
					return
				}
				continue
			}
			if !yield(h, nil) {
				return
			}
		}
	}
}

func parseHousehold(rec []string) (Household, error) {
	h := Household{ID: rec[0], Village: rec[1]}
	fail := func(field, value string, err error) (Household, error) {
		return Household{}, &HouseholdError{h.ID, field, value, err}
	}
	m, err := strconv.Atoi(strings.TrimSpace(rec[2]))
	if err != nil {
		return fail("members", rec[2], err)
	}
	h.Members = m
	for i := range numIncome {
		if h.Income[i], err = ParseMoney(rec[3+i]); err != nil {
			return fail(fieldName(true, int(i)), rec[3+i], err)
		}
	}
	for i := range numExpense {
		if h.Expenditure[i], err = ParseMoney(rec[7+i]); err != nil {
			return fail(fieldName(false, int(i)), rec[7+i], err)
		}
	}
	for n := range strings.SplitSeq(rec[11], ";") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		need, ok := parseNeed(n)
		if !ok {
			return fail("unmet", n, errors.New("unknown need of 两不愁三保障"))
		}
		h = h.Fails(need)
	}
	return h, check(h)
}

func parseNeed(s string) (Need, bool) {
	for n, names := range needNames {
		if s == names.Zh || s == names.En {
			return Need(n), true
		}
	}
	return 0, false
}

// WriteCSV writes households in the format [ReadCSV] reads.
func WriteCSV(w io.Writer, households iter.Seq[Household]) error {
	cw := csv.NewWriter(w)
	cw.Write(householdColumns)
	rec := make([]string, len(householdColumns))
	for h := range households {
		rec[0], rec[1], rec[2] = h.ID, h.Village, strconv.Itoa(h.Members)
		for i := range numIncome {
			rec[3+i] = h.Income[i].String()
		}
		for i := range numExpense {
			rec[7+i] = h.Expenditure[i].String()
		}
		var unmet []string
		for n := range numNeeds {
			if h.Unmet&(1<<n) != 0 {
				unmet = append(unmet, needNames[n].En)
			}
		}
		rec[11] = strings.Join(unmet, ";")
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
