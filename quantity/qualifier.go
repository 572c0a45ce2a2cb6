package quantity

import (
	"fmt"
	"strings"

	"github.com/taizhang/taizhang/internal/enum"
	"github.com/taizhang/taizhang/internal/errs"
	"github.com/taizhang/taizhang/lang"
)

// Qualifier records how a report bounds a figure, as a set of markers. The
// zero value is an unqualified, exact figure. Markers combine: 达1000多个 is
// [Reached] and [MoreThanDuo].
//
// What each marker means for evaluation is given by [Qualifier.Certainty]
// and, as the values the true figure may take, by [Quantity.Bounds]:
//
//	marker           as printed       certainty     the true value
//	AtLeast          以上, 至少        lower bound   ≥ N
//	MoreThanYu       余               lower bound   > N, < N + a unit of its last non-zero digit
//	MoreThanDuo      多               lower bound   > N, < N + a unit of its last non-zero digit
//	IncompleteStats  据不完全统计      lower bound   ≥ N (the count is incomplete)
//	Nearly           近               upper bound   < N, just short of it
//	LessThan         不到             upper bound   < N
//	Reached          达               exact         = N: the stated value was reached
//	Cumulative       累计             exact         = N: marks a running total
//	Total            共, 共计          exact         = N: marks a sum
//	About            约, 大约, 左右     approximate   near N, on either side
//	MoreThan         超过, 逾          lower bound   > N
//	AtMost           不超过, 以内, 以下  upper bound   ≤ N
//
// 不少于 and 不低于 read as [AtLeast] (≥ N) and are written 以上. 以上, 以下 and
// 以内 include the number itself, 超过 and 不到 exclude it, as Chinese law
// defines these words for all its texts
// (《中华人民共和国民法典》第一千二百五十九条:
// 「民法所称的"以上""以下""以内""届满"，包括本数；所称的"不满""超过""以外"，不包括本数。」;
// 《刑法》第九十九条 likewise) and statistical
// tables use them (「5000人以下」 is a class that holds 5000). 500人以下 is
// therefore at most 500, not fewer than 500; the other reading would be a
// one-line change in this package's table of words (以下 as [LessThan]).
// 达 alone is read as exact: the reports use it to state a reached value, and
// they add 多 or 余 where it is only a lower bound. 近 is read as below N: the
// reports write 近1000 for a figure that falls short of 1000, so 近1000 never
// meets a target of 1000. Markers that pull both ways make a figure
// approximate, bounded on neither side.
type Qualifier uint16

const (
	AtLeast Qualifier = 1 << iota
	MoreThanYu
	MoreThanDuo
	Nearly
	Reached
	LessThan
	Cumulative
	Total
	IncompleteStats
	About    // 约, 大约, 左右: on either side of the figure
	MoreThan // 超过, 逾: more than the figure, which is excluded
	AtMost   // 不超过, 以内, 以下: at most the figure, which is included
	qualifierEnd
)

var qualifierMarks = [...]struct {
	q  Qualifier
	zh string
	en string
}{
	{IncompleteStats, "据不完全统计", "by incomplete statistics"},
	{About, "约", "about"},
	{Cumulative, "累计", "cumulative"},
	{Total, "共", "in total"},
	{Reached, "达", "reached"},
	{Nearly, "近", "nearly"},
	{LessThan, "不到", "less than"},
	{MoreThan, "超过", "over"},
	{AtMost, "不超过", "at most"},
	{MoreThanYu, "余", "more than"},
	{MoreThanDuo, "多", "more than"},
	{AtLeast, "以上", "at least"},
}

// Has reports whether every marker of m is in q.
func (q Qualifier) Has(m Qualifier) bool { return q&m == m }

// IsValid reports whether q holds only defined markers.
func (q Qualifier) IsValid() bool { return q < qualifierEnd }

// Certainty returns what the markers mean for a figure's true value.
func (q Qualifier) Certainty() Certainty { return boundOf(q).certainty() }

// String lists the markers as printed in Chinese, joined by "+", such as
// "达+多"; the zero qualifier is "".
func (q Qualifier) String() string { return q.join(func(i int) string { return qualifierMarks[i].zh }) }

// Name returns the markers in both languages: in Chinese as
// [Qualifier.String] writes them, in English joined by ", " ("reached,
// more than"). The zero qualifier has an empty name.
func (q Qualifier) Name() lang.Name {
	en := q.join(func(i int) string { return qualifierMarks[i].en })
	return lang.Name{Zh: q.String(), En: strings.ReplaceAll(en, "+", ", ")}
}

func (q Qualifier) join(name func(int) string) string {
	var parts []string
	for i, m := range qualifierMarks {
		if q&m.q != 0 {
			parts = append(parts, name(i))
		}
	}
	if rest := q &^ (qualifierEnd - 1); rest != 0 {
		parts = append(parts, fmt.Sprintf("Qualifier(%#x)", uint16(rest)))
	}
	return strings.Join(parts, "+")
}

// ParseQualifier reads markers as [Qualifier.String] writes them ("达+多"),
// or a single marker as printed (以上, 至少, 不少于, 不低于, 余, 多, 超过, 逾, 近,
// 达, 不到, 不超过, 以内, 以下, 累计, 共, 共计, 据不完全统计, 约, 大约, 左右), or
// a marker's English name ("more than"). The empty string is the exact
// qualifier.
func ParseQualifier(s string) (Qualifier, error) { return parseQualifier(s, true) }

// parseQualifier reads markers; with synonyms, also the words
// qualifierWords lists. JSON reads only what [Qualifier.String] writes.
func parseQualifier(s string, synonyms bool) (Qualifier, error) {
	var q Qualifier
	if s == "" {
		return 0, nil
	}
	for part := range strings.SplitSeq(s, "+") {
		m, ok := qualifierByMark(strings.TrimSpace(part), synonyms)
		if !ok {
			return 0, fmt.Errorf("quantity: qualifier %q: %w", part, errs.UnknownQualifier)
		}
		q |= m
	}
	return q, nil
}

// qualifierWords are the words read as a marker that [Qualifier.String]
// writes otherwise: synonyms, and words written after the figure.
var qualifierWords = map[string]Qualifier{
	"至少": AtLeast, "不少于": AtLeast, "不低于": AtLeast,
	"共计": Total, "大约": About, "左右": About, "逾": MoreThan,
	"以内": AtMost, "以下": AtMost, // 以下 includes the number; [LessThan] is the other reading
}

func qualifierByMark(s string, synonyms bool) (Qualifier, bool) {
	if q, ok := qualifierWords[s]; ok && synonyms {
		return q, true
	}
	for _, m := range qualifierMarks {
		if m.zh == s || m.en == s {
			return m.q, true
		}
	}
	return 0, false
}

// Certainty says how far a figure, or a verdict drawn from figures, can be
// trusted. The zero value is [Exact]: a figure with no qualifier is taken as
// printed.
type Certainty uint8

const (
	Exact       Certainty = iota // every figure used is exact
	LowerBound                   // the true value is at least the one used (余, 多, 以上, 超过)
	UpperBound                   // the true value is at most the one used (不到, 近, 不超过)
	Approximate                  // the true value is near the one used, on either side, or bounds pull both ways
)

var certaintyNames = [...]lang.Name{
	Exact:       {Zh: "确数", En: "exact"},
	LowerBound:  {Zh: "下限", En: "lower bound"},
	UpperBound:  {Zh: "上限", En: "upper bound"},
	Approximate: {Zh: "约数", En: "approximate"},
}

// Join returns the certainty of a figure built from figures of certainty c
// and d: a lower and an upper bound together are only approximate.
func (c Certainty) Join(d Certainty) Certainty {
	switch {
	case c == d || d == Exact:
		return c
	case c == Exact:
		return d
	}
	return Approximate
}

// Name returns the bilingual name of c.
func (c Certainty) Name() lang.Name {
	if int(c) < len(certaintyNames) {
		return certaintyNames[c]
	}
	return lang.Name{}
}

// String returns the Chinese name of c (确数, 下限, 上限, 约数).
func (c Certainty) String() string { return enum.Label(c.Name(), lang.Chinese, "Certainty", int(c)) }

// code returns the English name ("lower bound"), the stable code that
// [Certainty.MarshalText] writes.
func (c Certainty) code() string { return enum.Label(c.Name(), lang.English, "Certainty", int(c)) }

// parseCertainty reads a certainty's English code ("lower bound") or Chinese
// name (下限).
func parseCertainty(s string) (Certainty, error) {
	for c, n := range certaintyNames {
		if n.En == s || n.Zh == s {
			return Certainty(c), nil
		}
	}
	return 0, fmt.Errorf("quantity: certainty %q: %w", s, ErrSyntax)
}
