package regiontree

import (
	"fmt"
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

// TestBuildInCodeOrder checks that a tree built from regions given in
// code order, which Build takes without sorting checks, is the tree it
// builds when it checks: added one by one or in parts, in code order, out
// of it, and in code order with a child whose parent's code is greater.
func TestBuildInCodeOrder(t *testing.T) {
	type region struct {
		code, parent string
		level        uint8
	}
	var sorted []region
	for _, p := range []string{"130000", "140000"} {
		sorted = append(sorted, region{p, "", 2})
		for c := 1; c <= 3; c++ {
			county := fmt.Sprintf("%s%02d", p[:4], c)
			sorted = append(sorted, region{county, p, 4})
			for v := 1; v <= 4; v++ {
				sorted = append(sorted, region{fmt.Sprintf("%s001%03d", county, 200+v), county, 6})
			}
		}
	}
	swapped := slices.Clone(sorted)
	swapped[1], swapped[2] = swapped[2], swapped[1]
	misplaced := append(slices.Clone(sorted[:1]), region{"120101", "140000", 4})
	misplaced = append(misplaced, sorted[1:]...)
	for _, tc := range []struct {
		name    string
		regions []region
	}{{"in code order", sorted}, {"two swapped", swapped}, {"a county under a later province", misplaced}} {
		for _, parts := range []int{1, 3} {
			build := func(check bool) *Tree[uint8] {
				var b Builder[uint8]
				per := (len(tc.regions) + parts - 1) / parts
				for lo := 0; lo < len(tc.regions); lo += per {
					var part Builder[uint8]
					for _, r := range tc.regions[lo:min(lo+per, len(tc.regions))] {
						Add(&part, r.code, "", "", r.level, r.parent)
					}
					b.Append(&part)
				}
				if check {
					b.unordered = true // every list checked, every code compared
				}
				tree, ok := b.Build(func(p Problem) bool { t.Fatalf("%s: problem %+v", tc.name, p); return true })
				if !ok {
					t.Fatalf("%s: Build failed", tc.name)
				}
				return tree
			}
			got, want := build(false), build(true)
			if !slices.Equal(got.Src, want.Src) || !slices.Equal(got.End, want.End) || !slices.Equal(got.Parent, want.Parent) || got.Ordered != want.Ordered {
				t.Errorf("%s, %d parts: Src %v End %v Parent %v Ordered %v, want Src %v End %v Parent %v Ordered %v", tc.name, parts,
					got.Src, got.End, got.Parent, got.Ordered, want.Src, want.End, want.Parent, want.Ordered)
			}
		}
	}
}
