package outcome

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestCSVGrammarErrors checks that what the CSV grammar refuses reaches a
// caller of each reader as a *ParseError with the file and line, wrapping
// ErrSyntax and the encoding/csv error, or ErrEncoding.
func TestCSVGrammarErrors(t *testing.T) {
	const header = "indicator,region,period,value\n"
	tests := []struct {
		name, in string
		want     error
		line     int
	}{
		{"text after the closing quote", header + `training,433122,2019,"1"2` + "\n", csv.ErrQuote, 2},
		{"a quote inside an unquoted field", header + "training,433122,2019,1\ntraining,43\"3122,2019,1\n", csv.ErrBareQuote, 3},
		{"a quoted field that does not end", header + "training,433122,2019,\"1\n", csv.ErrQuote, 2},
		{"not UTF-8", header + "training,433122,2019,1\xff\n", ErrEncoding, 2},
		{"a quote in the header", `indic"ator,region` + "\n", csv.ErrBareQuote, 1},
	}
	for _, tt := range tests {
		check := func(how string, err error) {
			t.Helper()
			var pe *ParseError
			if !errors.Is(err, tt.want) || !errors.As(err, &pe) || pe.Line != tt.line || pe.File != "f.csv" ||
				tt.want != ErrEncoding && !errors.Is(err, ErrSyntax) {
				t.Errorf("%s: %s: error %v, want %v in f.csv on line %d", tt.name, how, err, tt.want, tt.line)
			}
		}
		eachChunking(func(how string) {
			check("ReadCSV "+how, testLedger(t).ReadCSV(strings.NewReader(tt.in), ReadOptions{Name: "f.csv"}))
		})
		var last error
		for _, err := range newCSVReader(strings.NewReader(tt.in), "f.csv").Records() {
			if err != nil {
				last = err
			}
		}
		check("csvReader", last)
	}
}

// TestReadCSVStopsAtStrayQuote checks that a stray quote in a long file
// stops the chunked reader on its line, whatever the chunking.
func TestReadCSVStopsAtStrayQuote(t *testing.T) {
	var b strings.Builder
	b.WriteString("indicator,region,period,value,note\n")
	for i := range 400 {
		note := fmt.Sprintf("note %d", i)
		if i%50 == 7 {
			note = `"a, ""quoted"" note"`
		}
		fmt.Fprintf(&b, "training,433122,%d,%d,%s\n", 1600+i, i, note)
	}
	stray := strings.Replace(b.String(), "note 3\n", "no\"te 3\n", 1)
	eachChunking(func(how string) {
		err := testLedger(t).ReadCSV(strings.NewReader(stray), ReadOptions{AllErrors: true})
		var pe *ParseError
		if !errors.Is(err, csv.ErrBareQuote) || !errors.As(err, &pe) || pe.Line != 5 {
			t.Errorf("%s: ReadCSV error = %.200v, want a bare quote on line 5", how, err)
		}
	})
}

// TestReadCSVStrayQuoteInRepeatedText checks the one-pass reader, which
// takes a line whose source and note repeat the line before's: a note x"
// that repeats the quoted "x""" before it is a stray quote all the same.
func TestReadCSVStrayQuoteInRepeatedText(t *testing.T) {
	in := "indicator,region,period,value,note\n" +
		"training,433122,2018,1,\"x\"\"\"\n" +
		"training,433122,2019,1,x\"\n"
	eachChunking(func(how string) {
		err := testLedger(t).ReadCSV(strings.NewReader(in), ReadOptions{})
		var pe *ParseError
		if !errors.Is(err, csv.ErrBareQuote) || !errors.As(err, &pe) || pe.Line != 3 {
			t.Errorf("%s: ReadCSV error = %v, want a bare quote on line 3", how, err)
		}
	})
}
