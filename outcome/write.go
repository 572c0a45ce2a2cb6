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
// indicator,region,period,value,unit,qualifier,source,section,mark,note,reported,reason,revises,attrs:
// values as plain decimals, units as symbols (个, 人次), qualifiers as
// [quantity.Qualifier.String] writes them; a correction's day as 2020-03-01 and the
// figure it revises as a plain decimal in the value's unit, or as reports
// write it (120余名) when its unit or qualifier differs; a record's
// attributes ([Record.Attrs]) in the one column attrs, as
// [Attributes.MarshalText] writes them (填报人=张三; 联系电话=0743-1234567).
// The output is deterministic and [Ledger.ReadCSV] reads it back to an
// equal ledger: written from [Ledger.All], with every version of every
// figure and every attribute.
//
// The attributes share one column, rather than a column each, because
// records are written as they come: a column per attribute name would need
// every name before the header, that is a second pass over records or all
// of them in memory, and could not keep the order of two records whose
// attributes come in different orders, or an attribute named like a
// column (备注).
func WriteCSV(w io.Writer, records iter.Seq[Record]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append(columnNames[:], attrsColumn)); err != nil {
		return err
	}
	line := make([]string, numColumns+1)
	var attrs []byte
	for r := range records {
		attrs, _ = r.Attrs.appendText(attrs[:0])
		line[numColumns] = string(attrs)
		line[colIndicator], line[colRegion], line[colPeriod] = r.Indicator, r.Region, r.Period.String()
		line[colValue], line[colUnit], line[colQualifier] = r.Quantity.Value().String(), r.Quantity.Unit().Symbol(), r.Quantity.Qualifier().String()
		line[colSource], line[colSection], line[colMark], line[colNote] = r.Source.Document, r.Source.Section, r.Source.Mark, r.Note
		line[colReported], line[colReason], line[colRevises] = "", r.Reason, ""
		if !r.Reported.IsZero() {
			line[colReported] = r.Reported.Format(time.DateOnly)
		}
		if q := r.Revises; !q.IsZero() {
			if q.Unit() == r.Quantity.Unit() && q.Qualifier() == 0 {
				line[colRevises] = q.Value().String()
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

// WriteJSONL writes records as JSON Lines in the shape [Ledger.ReadJSONL]
// documents, keys in that order, one record per line, and a record's
// attributes last as an object ("attrs":{"填报人":"张三"}).
// [Ledger.ReadJSONL] reads it back to an equal ledger.
func WriteJSONL(w io.Writer, records iter.Seq[Record]) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for r := range records {
		if err := enc.Encode(recordLine{r, r.Attrs}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// recordLine is a line of JSON Lines: a [Record] as it marshals, with its
// attributes, which a Record leaves out.
type recordLine struct {
	Record
	Attrs Attributes `json:"attrs,omitzero"`
}
