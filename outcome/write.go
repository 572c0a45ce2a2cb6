package outcome

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"iter"
	"time"
)

// WriteCSV writes records as CSV with the header
// indicator,region,period,value,unit,qualifier,source,section,mark,note,reported,reason,revises:
// values as plain decimals, units as symbols (个, 人次), qualifiers as
// [Qualifier.String] writes them; a correction's day as 2020-03-01 and the
// figure it revises as a plain decimal in the value's unit, or as reports
// write it (120余名) when its unit or qualifier differs. The output is
// deterministic and [Ledger.ReadCSV] reads it back to an equal ledger:
// written from [Ledger.All], with every version of every figure.
func WriteCSV(w io.Writer, records iter.Seq[Record]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(columnNames[:]); err != nil {
		return err
	}
	line := make([]string, numColumns)
	for r := range records {
		line[colIndicator], line[colRegion], line[colPeriod] = r.Indicator, r.Region, r.Period.String()
		line[colValue], line[colUnit], line[colQualifier] = r.Quantity.value.String(), r.Quantity.unit.Symbol(), r.Quantity.qual.String()
		line[colSource], line[colSection], line[colMark], line[colNote] = r.Source.Document, r.Source.Section, r.Source.Mark, r.Note
		line[colReported], line[colReason], line[colRevises] = "", r.Reason, ""
		if !r.Reported.IsZero() {
			line[colReported] = r.Reported.Format(time.DateOnly)
		}
		if q := r.Revises; !q.IsZero() {
			if q.unit == r.Quantity.unit && q.qual == 0 {
				line[colRevises] = q.value.String()
			} else {
				line[colRevises] = q.String()
			}
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSONL writes records as JSON Lines in the shape [jsonlReader]
// documents, keys in that order, one record per line.
func WriteJSONL(w io.Writer, records iter.Seq[Record]) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for r := range records {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}
