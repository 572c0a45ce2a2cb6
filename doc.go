// Package taizhang is a statistical ledger (台账) for China's science and
// technology poverty-alleviation programs: typed program definitions and
// their targets, the outcomes recorded against them by region and period
// with their source, and the evaluation of completion, status and shortfall
// as of any date.
//
// This package holds only this overview; the code is in its subpackages.
//
// # Packages
//
//	outcome   what was observed: quantities, units, qualifiers, regions,
//	          periods, indicators, records and the Ledger
//	target    what must be achieved: target kinds, populations, evaluation,
//	          results with progress, status, pace, certainty and shortfall
//	program   named sets of targets with their source, and reports as text
//	          (Chinese or English) and JSON
//
// Each package imports only those above it in this list.
//
// # How data flows
//
// A program's indicators (outcome.Indicator) define what is measured.
// Outcomes enter an outcome.Ledger as records (outcome.Record), each with its
// region, period, quantity and citation; the ledger refuses bad and
// conflicting records.
// Each target (target.Target) is evaluated against the ledger as of a date:
//
//	regions  := outcome.NewRegionSet(...)          // divisions and hierarchy
//	ledger   := outcome.NewLedger(regions, p.Indicators...)
//	ledger.Add(records...)                         // all or nothing
//	report   := p.Evaluate(ledger, asOf)           // one result per target
//	report.WriteText(os.Stdout, outcome.English)
//
// # Figures as reports write them
//
// outcome.ParseQuantity reads 26.8亿多元, 5000余名, 近1000名, 3 000—5 000个,
// 8.5万人次 and 一万名. The qualifiers are kept: a target met only by a
// 余 or 多 figure is met with a lower bound, one reached only by a 近 figure
// is met approximately and never reported as certain.
//
// # Stocks and flows
//
// An indicator is a stock (a level at a moment, latest value wins) or a flow
// (an amount in a period, values add up). Summing a stock over years is the
// commonest error of statistical ledgers; taizhang makes it impossible by
// declaring the aggregation on the indicator.
//
// # Scale
//
// Records are kept in columns of fixed-size numbers, not as a decimal per
// record. A million records are added in about 0.2 s and take about 35 MB;
// a million-line CSV file loads in about a quarter of a second; a coverage
// target over 128,000 villages evaluates in about 15 ms. Figures
// for disjoint regions can be evaluated separately: a region's figure is its
// own record or the sum of its children's, so province ledgers can be built
// and queried independently and their totals added.
package taizhang
