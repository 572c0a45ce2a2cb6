package regiontree

import (
	"slices"
	"testing"

	"github.com/taizhang/taizhang/internal/codeindex"
)

// TestBuild checks the depth-first layout: children sorted by code under
// their parent whatever the input order, descendants contiguous, parents
// and names kept.
func TestBuild(t *testing.T) {
	var b Builder[uint8]
	Add(&b, "433122100201", "下都村", "", 6, "433122100")
	Add(&b, "430000", "湖南省", "Hunan", 2, "")
	Add(&b, "433122", "泸溪县", "", 4, "430000")
	Add(&b, "433122100", "浦市镇", "", 5, "433122")
	Add(&b, "431228", "麻阳县", "", 4, "430000")
	tree, ok := b.Build(func(p Problem) bool { t.Fatalf("problem %+v", p); return true })
	if !ok {
		t.Fatal("Build failed")
	}
	var codes []string
	for i := range int32(tree.Len()) {
		codes = append(codes, tree.Code(i))
	}
	want := []string{"430000", "431228", "433122", "433122100", "433122100201"}
	if !slices.Equal(codes, want) {
		t.Fatalf("order %v, want %v", codes, want)
	}
	if got := []int32{tree.End[0], tree.End[2], tree.Parent[3], tree.Parent[0]}; !slices.Equal(got, []int32{5, 5, 2, -1}) {
		t.Errorf("End[0], End[2], Parent[3], Parent[0] = %v, want [5 5 2 -1]", got)
	}
	if zh, en := tree.Names(0); zh != "湖南省" || en != "Hunan" {
		t.Errorf("names of 430000: %q %q", zh, en)
	}
	if pos, ok := tree.ByNum.Get(codeindex.Key("433122")); !ok || pos != 2 {
		t.Errorf("index of 433122: %d %v", pos, ok)
	}
	if !tree.Ordered || tree.ByLevel[4] != 2 {
		t.Errorf("Ordered %v, counties %d", tree.Ordered, tree.ByLevel[4])
	}
}

// TestBuildProblems checks that every problem is reported with the input
// index it concerns.
func TestBuildProblems(t *testing.T) {
	var b Builder[uint8]
	Add(&b, "430000", "", "", 2, "")
	Add(&b, "430000", "", "", 2, "")       // a duplicate
	Add(&b, "433122", "", "", 4, "440000") // an unknown parent
	Add(&b, "431228", "", "", 2, "430000") // a parent not above it
	var got []Problem
	if _, ok := b.Build(func(p Problem) bool { got = append(got, p); return false }); ok {
		t.Fatal("Build succeeded")
	}
	want := []Problem{{Kind: Duplicate, Region: 1}, {Kind: UnknownParent, Region: 2, Key: codeindex.Key("440000")}, {Kind: ParentLevel, Region: 3, Parent: 0}}
	if !slices.Equal(got, want) {
		t.Errorf("problems %+v, want %+v", got, want)
	}
}
