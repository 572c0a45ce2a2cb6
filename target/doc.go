// Package target defines what a program must achieve and evaluates it
// against an [outcome.Ledger].
//
// A [Target] is built by kind:
//
//	kind              constructor     example from the seeds
//	aggregate ≥ N     [AtLeast]       百千万: 100 platforms
//	aggregate a–b     [Range]         3 000—5 000 星创天地
//	coverage          [Coverage]      every poor county ≥1 featured industry
//	per-unit range    [EachInRange]   3—5 leaders in each poor village
//	reduction         [Reduction]     rural poor 9899万 (2012) → 0 by 2020
//	composite         [AllOf]         百千万 as a whole
//
// A conditional coverage (「有条件的贫困县」) is a coverage whose
// [Population] is narrowed by a predicate ([Population.Where]) or given as a
// list ([Listed]).
//
// [Target.Evaluate] returns a [Result]: the required and achieved
// quantities, progress as an exact decimal, the [Status], the pace against
// linear expected progress, the certainty the qualifiers of the figures
// allow, and for per-unit kinds the units covered and the shortfall: every
// unit that falls short, by code, with what it has and what it lacks.
package target
