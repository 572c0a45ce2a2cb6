// Check runs the shipped consistency rules over ledger files, or with no
// file over the outcomes the seed documents report, and prints a table of
// the rules with their outcome, the records behind each violation, a count
// and a legend. A rule that could not be checked says which side has no
// data. It exits 1 when a rule of critical severity is violated, and 3 when
// no rule at all could be checked (the files hold none of the figures the
// rules compare), unless -allow-empty is given.
//
//	go run ./examples/check [-lang en]
//	go run ./examples/check -catalogue hunan [-allow-empty] FILE...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/taizhang/taizhang/lang"
	"github.com/taizhang/taizhang/outcome"
	"github.com/taizhang/taizhang/period"
	"github.com/taizhang/taizhang/program/hunan"
	"github.com/taizhang/taizhang/program/national"
	"github.com/taizhang/taizhang/quantity"
	"github.com/taizhang/taizhang/rule"
	"github.com/taizhang/taizhang/xlsx"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type catalogue struct {
	rules    rule.Set
	reported func() *outcome.Ledger
	empty    func() (*outcome.Ledger, error)
}

var catalogues = map[string]catalogue{
	"hunan": {hunan.Rules(), hunan.Reported, func() (*outcome.Ledger, error) {
		return outcome.NewLedger(hunan.Regions(), hunan.Indicators()...)
	}},
	"national": {national.Rules(), func() *outcome.Ledger {
		l := national.Reported()
		if err := l.Add(national.Exits()...); err != nil {
			panic(err) // the built-in list is tested
		}
		return l
	}, func() (*outcome.Ledger, error) {
		return outcome.NewLedger(national.Regions(), national.Indicators()...)
	}},
}

// Exit statuses.
const (
	exitViolated = 1 // a critical rule is violated, or a file cannot be read
	exitUsage    = 2
	exitNothing  = 3 // no rule could be checked
)

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("catalogue", "", "hunan or national: the catalogue whose rules check the files (default: both, on the reported outcomes)")
	tag := fs.String("lang", "zh", "output language: zh or en")
	allowEmpty := fs.Bool("allow-empty", false, "exit 0 even when no rule could be checked")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	l, err := lang.Parse(*tag)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	lb := text[l&1]
	names := []string{"hunan", "national"}
	if *name != "" {
		if _, ok := catalogues[*name]; !ok {
			fmt.Fprintf(stderr, "-catalogue: %q: want hunan or national\n", *name)
			return exitUsage
		}
		names = []string{*name}
	} else if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "-catalogue: say which catalogue the files belong to")
		return exitUsage
	}
	failed := false
	checked := 0
	for _, n := range names {
		c := catalogues[n]
		ledger := c.reported()
		if fs.NArg() > 0 {
			if ledger, err = c.empty(); err != nil {
				fmt.Fprintln(stderr, err)
				return exitViolated
			}
			for _, file := range fs.Args() {
				if err := xlsx.ReadFile(ledger, file, outcome.ReadOptions{AllErrors: true}); err != nil {
					fmt.Fprintln(stderr, err)
					return exitViolated
				}
			}
		}
		outcomes, err := c.rules.Check(ledger)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitViolated
		}
		recorded := map[string]int{} // records of each indicator
		for r := range ledger.All() {
			recorded[r.Indicator]++
		}
		fmt.Fprintf(stdout, "%s\n", c.rules.Name.In(l))
		rows := [][]string{lb.columns[:]}
		var violated []rule.Outcome
		var nHold, nViolated, nUndecided, nSkipped int
		for _, o := range outcomes {
			row := []string{"", o.Rule.ID, o.Rule.Severity.Name().In(l), o.Rule.Name.In(l), ""}
			switch why := unchecked(o, ledger, recorded, l); {
			case why != "":
				row[0], row[4] = "-", why
				nSkipped++
			case o.Undecided:
				row[0], row[4] = "?", figures(o, ledger, l)
				nUndecided++
			case o.Holds:
				row[0], row[4] = "✔", figures(o, ledger, l)
				nHold++
			default:
				row[0], row[4] = "✘", figures(o, ledger, l)
				nViolated++
				violated = append(violated, o)
				if o.Rule.Severity == rule.Critical {
					failed = true
				}
			}
			rows = append(rows, row)
		}
		writeTable(stdout, rows)
		for _, o := range violated {
			printRecords(stdout, o, l)
		}
		if l == lang.English {
			verb := "hold"
			if nHold == 1 {
				verb = "holds"
			}
			fmt.Fprintf(stdout, lb.count+"\n\n", len(outcomes), nHold, verb, nViolated, nUndecided, nSkipped)
		} else {
			fmt.Fprintf(stdout, lb.count+"\n\n", len(outcomes), nHold, nViolated, nUndecided, nSkipped)
		}
		checked += nHold + nViolated + nUndecided
	}
	fmt.Fprintln(stdout, lb.legend)
	if checked == 0 {
		fmt.Fprintln(stdout, lb.nothing)
		if !*allowEmpty {
			fmt.Fprintln(stderr, lb.nothingExit)
			return exitNothing
		}
	}
	if failed {
		return exitViolated
	}
	return 0
}

// text holds the words of the output in each language.
var text = [...]struct {
	columns                             [5]string
	count, legend, nothing, nothingExit string
	noData, noRecords, left, right      string
	asOf                                string
}{lang.Chinese: {
	columns: [5]string{"结果", "规则", "级别", "内容", "数值"},
	count:   "共 %d 条规则: 成立 %d, 违反 %d, 待定 %d, 未检查 %d",
	legend: "说明: ✔ 成立; ✘ 违反, 其下列出两边所依据的记录; ? 待定, 数值的限定词(余、近、不到)使之可成立也可违反; " +
		"- 未检查, 数值栏写明哪一边无数据。" +
		"严重级别的规则违反时退出码为 1, 警告级别只作提示。",
	nothing:     "没有一条规则得到检查: 文件中没有规则所比较的数据。",
	nothingExit: "check: 没有一条规则得到检查(加 -allow-empty 则照常退出)",
	noData:      "%s无数据: %s", noRecords: "无可比较的记录(每个指标不足两条): %s", asOf: "截至 %s",
	left: "左边", right: "右边",
}, lang.English: {
	columns: [5]string{"result", "rule", "severity", "what it says", "figures"},
	count:   "%d rules: %d %s, %d violated, %d undecided, %d not checked",
	legend: "legend: ✔ holds; ✘ violated, with the records behind both sides listed below the table; " +
		"? undecided: the figures' qualifiers (余, 近, 不到) let it hold or fail; " +
		"- not checked, the figures column says which side has no data. " +
		"A violated critical rule makes the exit status 1; a warning does not.",
	nothing:     "No rule could be checked: the files hold none of the figures the rules compare.",
	nothingExit: "check: no rule could be checked (-allow-empty exits 0 all the same)",
	noData:      "no data for the %s side: %s", noRecords: "nothing to compare (no indicator has two records): %s", asOf: "as of %s",
	left: "left", right: "right",
},
}

// unchecked says why a rule was not checked, or returns "" when it was: a
// comparison skipped for a side without data names the side and its terms
// without a record; an agreement rule none of whose indicators has two
// records found nothing to compare.
func unchecked(o rule.Outcome, l *outcome.Ledger, recorded map[string]int, in lang.Lang) string {
	lb := text[in&1]
	if len(o.Rule.Agree) > 0 {
		var codes []string
		for _, a := range o.Rule.Agree {
			if recorded[a.Indicator] > 1 {
				return ""
			}
			codes = append(codes, a.Indicator)
		}
		if len(codes) > 3 {
			codes = append(codes[:3], "…")
		}
		return fmt.Sprintf(lb.noRecords, strings.Join(codes, ", "))
	}
	if !o.Skipped {
		return ""
	}
	var parts []string
	for _, side := range []struct {
		name string
		e    rule.Expr
	}{{lb.left, o.Rule.Left}, {lb.right, o.Rule.Right}} {
		var missing []string
		for _, t := range side.e.Terms {
			if sum, err := l.Total(t.Indicator, t.Region, t.Period); err != nil || !sum.Has() {
				missing = append(missing, fmt.Sprintf("%s %s %s", t.Indicator, t.Region, periodText(t.Period, in)))
			}
		}
		if len(missing) > 0 {
			parts = append(parts, fmt.Sprintf(lb.noData, side.name, strings.Join(missing, ", ")))
		}
	}
	return strings.Join(parts, "; ")
}

// periodText writes a term's period as a ledger file does, or, for the
// figures as of a date (a stock's latest figure, a flow's sum since the
// start of records), "as of" the date.
func periodText(p period.Period, in lang.Lang) string {
	if p.Equal(period.Through(p.End())) {
		return fmt.Sprintf(text[in&1].asOf, p.End().Format(time.DateOnly))
	}
	return p.String()
}

// figures writes the values a checked rule compared, as reports write
// figures (10.5亿元, 12.8万个), or the count of disagreements an agreement
// rule found.
func figures(o rule.Outcome, l *outcome.Ledger, in lang.Lang) string {
	if len(o.Rule.Agree) > 0 {
		return countOf(len(o.Discrepancies), in)
	}
	op := o.Rule.Op.String()
	if o.Violated() {
		op = negated[o.Rule.Op] // 175家 > 149家: the figures as they stand, not as the rule wants them
	}
	return fmt.Sprintf("%s %s %s", figure(o.Left, o.Rule.Left, o.Rule.Right, l, in), op, figure(o.Right, o.Rule.Right, o.Rule.Left, l, in))
}

// negated is the relation that holds between two figures when a rule
// comparing them with the operator fails.
var negated = map[rule.Operator]string{
	rule.Equal: "≠", rule.NotEqual: "=", rule.Less: "≥", rule.LessOrEqual: ">", rule.Greater: "≤", rule.GreaterOrEqual: "<",
}

// figure writes one side's value as its one record states it (近50个), or
// with the qualifier that states its bounds (不到60家, 50余家), in the unit of its indicators, or of the other
// side's when it is a constant (12.8万个).
func figure(s rule.Side, e, other rule.Expr, l *outcome.Ledger, in lang.Lang) string {
	var unit quantity.Unit
	for _, ex := range []rule.Expr{e, other} {
		if len(ex.Terms) > 0 {
			if ind, ok := l.Indicator(ex.Terms[0].Indicator); ok {
				unit = ind.Unit
				break
			}
		}
	}
	if len(s.Records) == 1 && e.Const.IsZero() {
		return s.Records[0].Quantity.In(in) // as recorded: 近50个
	}
	return quantity.New(s.Value, unit, s.Bounds.Qualifier(s.Value)).In(in)
}

// printRecords lists, below the table, what a violated rule rests on: the
// disagreements of an agreement rule, or the records of each side.
func printRecords(w io.Writer, o rule.Outcome, in lang.Lang) {
	lb := text[in&1]
	fmt.Fprintf(w, "  %s %s\n", o.Rule.ID, plain.Replace(o.Rule.Name.In(in)))
	for _, d := range o.Discrepancies {
		fmt.Fprintf(w, "      %s\n", d.In(in))
	}
	for _, side := range []struct {
		label string
		s     rule.Side
	}{{lb.left, o.Left}, {lb.right, o.Right}} {
		for _, r := range side.s.Records {
			src := ""
			if !r.Source.IsZero() {
				src = " (" + r.Source.In(in) + ")"
			}
			fmt.Fprintf(w, "      %s: %s %s %s %s%s\n", side.label, r.Indicator, r.Region, r.Period, r.Quantity.In(in), src)
		}
	}
}

// countOf counts the disagreements an agreement rule found.
func countOf(n int, in lang.Lang) string {
	if in == lang.Chinese {
		return fmt.Sprintf("%d 处不一致", n)
	}
	if n == 1 {
		return "1 disagreement"
	}
	return fmt.Sprintf("%d disagreements", n)
}

// plain writes the characters of ambiguous East Asian Width that the rules
// use (≤, —, …) as plain ones, which every terminal draws one column wide,
// so that the table aligns whatever width a terminal gives them.
var plain = strings.NewReplacer("≤", "<=", "≥", ">=", "≠", "!=", "—", "-", "–", "-", "…", "...", "×", "x", "“", `"`, "”", `"`)

// width measures text by East Asian Width: a Chinese character takes two
// columns.
var width = &runewidth.Condition{StrictEmojiNeutral: true}

// writeTable writes rows as columns two spaces apart, each padded to its
// widest cell by the width a terminal gives the text.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			r[i] = plain.Replace(c)
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width.StringWidth(r[i]))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString("  " + c + strings.Repeat(" ", widths[i]-width.StringWidth(c)))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
