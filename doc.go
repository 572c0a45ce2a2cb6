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
//	lang                the two languages, and Name, a label in both
//	period              when a figure holds: years, quarters, months, spans,
//	                    running totals, as offices write them
//	quantity            figures as reports write them: values, units,
//	                    qualifiers (余, 近, 约 …) and the bounds they set
//	outcome             what was observed: regions, indicators, records and
//	                    the Ledger
//	target              what must be achieved: target kinds, populations,
//	                    evaluation, results with progress, status, pace,
//	                    bounds and shortfall
//	program             named sets of targets with their source, and reports
//	                    as text (Chinese or English), Markdown, CSV, JSON, SVG
//	                    and one self-contained HTML page
//	rule                consistency rules over a ledger
//	trend               a program evaluated at a series of dates
//	xlsx                ledgers and reports as Excel workbooks
//	program/national    the national catalogue, the 832 poor counties
//	program/hunan       the Hunan catalogue, Hunan's divisions
//	program/prevention  screening households for poverty risk
//	store               a ledger several departments write in a database,
//	                    with provenance and history (store/sqlite, the
//	                    default, and store/postgres hold the drivers)
//
// Each package imports only those above it in this list: rule only
// outcome, the catalogues rule as well. Beneath outcome, its engine (the
// column store, the region tree, the CSV scanner) lives in internal
// packages. ARCHITECTURE.md draws the layers, and a test keeps them true.
//
// Every label's String is its Chinese name, as ledgers write it; Name()
// gives both languages (Name().In(lang.English)), and files (JSON, CSV)
// use stable English codes.
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
//	report.WriteText(os.Stdout, lang.English)
//
// # Figures as reports write them
//
// quantity.Parse reads 26.8亿多元, 5000余名, 近1000名, 3 000—5 000个,
// 8.5万人次 and 一万名. The qualifiers are kept, and they decide: a figure's
// qualifiers bound its true value (1000余 is more than 1000, 近1000 and
// 不到1000 less than 1000), and a target is met only when every value the
// bounds allow meets it, not met when none does, and otherwise undecided.
// SEMANTICS.md at the top of the module states every rule by which a
// verdict is reached, each with a worked example that semantics_test.go
// runs.
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
// Records are kept in columns of small numbers: a region position, a period
// as an index into the few distinct periods of its indicator, a value in
// four bytes while it fits; ten bytes a record where a record would
// otherwise take a hundred. A region set keeps its codes and names in one
// string and its hierarchy in arrays, so a national set of a million
// villages costs the garbage collector nothing. outcome.ReadRegionSet and
// Ledger.ReadCSV cut files into chunks parsed on up to four CPUs and add them in
// file order; a program evaluates its targets side by side (those that
// call a caller's population condition one at a time, unless
// Program.EvaluateConcurrently is asked for), and a
// shortfall is kept as positions, made into target.Gap values when asked.
// The national benchmark (832 counties, 128,000 villages, a million
// records, four targets) runs end to end from CSV in about a tenth of a
// second on two cores, and at ten times that scale in under a second.
//
// # A ledger larger than one machine: province shards
//
// A region's figure is its own record or else the sum of its children's, so
// the figure of a set of regions is the sum of the figures of its parts when
// no region is in two parts. A ledger too large for one machine is therefore
// split by province (or any set of whole subtrees):
//
//  1. Each shard holds the regions of its provinces, with their counties and
//     villages, and the records of those regions only: its own region file
//     and ledger files, read with outcome.ReadRegionSet and Ledger.ReadCSV.
//  2. Each machine evaluates the program over its shard as of the same date:
//     program.Program.Evaluate gives one report per shard.
//  3. The reports (or target.Result values, which encode to JSON) are brought
//     together and program.Program.Merge (or target.Target.Merge) joins
//     them: aggregates add their figures and records and join their
//     certainties; per-unit targets add units and units covered and keep the
//     shortfall by code; status, progress and pace are judged as for the
//     whole. A shard without data for an indicator still counts its units.
//
// The merged report equals the report of the whole ledger; the tests of
// target and program check that on random ledgers and shards. A target
// confined to a region (Target.In) is evaluated on the shard that holds it.
package taizhang
