// Package target defines what a program must achieve and evaluates it
// against an [outcome.Ledger].
//
// A [Target] is built by kind:
//
//	kind              constructor     example from the catalogues
//	aggregate ≥ N     [AtLeast]       百千万: 100 platforms
//	aggregate a–b     [Range]         3 000—5 000 星创天地
//	coverage          [Coverage]      every poor county ≥1 featured industry
//	per-unit range    [EachInRange]   3—5 leaders in each poor village
//	reduction         [Reduction]     rural poor 9899万 (2012) → 0 by 2020
//	composite         [AllOf]         百千万 as a whole
//	each year ≥ N     [EachYear]      每年组织5000余名科技特派员
//	observed          [Observe]       the outcomes of historical programs
//
// [Target.In] narrows any target to a region: its aggregate is taken
// there, and its population keeps the units within it.
//
// A conditional coverage (「有条件的贫困县」) is a coverage whose
// [Population] is narrowed by a predicate ([Population.Where]) or given as a
// list ([Listed]).
//
// [Target.Evaluate] returns a [Result]: the required and achieved
// quantities, progress as an exact decimal, the [Status], the pace against
// linear expected progress, the date of the figures and whether they are
// stale, the bounds and certainty the qualifiers of the figures allow, and
// for per-unit kinds the units covered and the shortfall: every unit not
// covered, by code, with why ([GapKind]: no record, below, above, or
// undecided), what it has and what it lacks.
//
// # How a verdict is reached
//
// A verdict follows from the bounds the qualifiers put on a figure: met when
// every value they allow meets the target, not met when none does, and
// otherwise [Undecided]; 近1000 and 不到1000 never meet "at least 1000". On
// or after its deadline a target is met or [Missed] on a figure that reaches
// the deadline, and has [NoFigureAtDeadline] on older ones; before its start
// it is [NotStarted]. A result notes the records its figure rests on that
// the ledger's rules settled: a 全年合计 that holds its quarters, a province's
// older total passed over for its counties' newer records, records that
// disagree. SEMANTICS.md at the top of the module states every rule with a
// worked example.
package target
