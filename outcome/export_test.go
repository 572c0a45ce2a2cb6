package outcome

// MomentKey is momentKey, for the tests of package outcome_test.
var MomentKey = momentKey
