package outcome

import (
	"fmt"

	"github.com/taizhang/taizhang/internal/codeindex"
	"github.com/taizhang/taizhang/internal/regiontree"
)

// NewRegionSet checks regions and builds their hierarchy. Every parent must be
// in the set and of a higher level than its children. Problems are reported
// together, joined, up to the first 20.
func NewRegionSet(regions []Region) (*RegionSet, error) {
	var b regionBuilder
	b.Grow(len(regions), 0)
	for i, r := range regions {
		if err := addRegion(&b, r.Code, r.Name.Zh, r.Name.En, r.Level, r.Parent); err != nil {
			if b.report(fmt.Errorf("outcome: region %d (%s): %w", i, r.Code, err)) {
				break
			}
			continue
		}
		if !r.Attrs.IsZero() {
			b.setAttrs(b.Len()-1, []byte(r.Attrs.s))
		}
	}
	return b.build()
}

// regionBuilder gathers regions for a set, checking each as it comes, and
// builds the set, reporting what keeps a region from its place: a
// duplicate code, a parent not in the set or not above it.
type regionBuilder struct {
	regiontree.Builder[Level]
	// file and lines say where the regions were given, for errors: the
	// line of each in a file; nil lines for regions given as values.
	file  string
	lines []int32
	errs  errorList
	// The attributes of the regions by input index, interned: attrs[i]
	// indexes attrVals, 0 for none. Empty until a region has some.
	attrs    []uint32
	attrVals []string
	attrIdx  map[string]uint32
}

// setAttrs gives the i-th region the encoded attributes a.
func (b *regionBuilder) setAttrs(i int, a []byte) {
	if b.attrIdx == nil {
		b.attrIdx, b.attrVals = map[string]uint32{"": 0}, []string{""}
	}
	id, ok := b.attrIdx[string(a)]
	if !ok {
		id = uint32(len(b.attrVals))
		b.attrVals = append(b.attrVals, string(a))
		b.attrIdx[string(a)] = id
	}
	for len(b.attrs) <= i {
		b.attrs = append(b.attrs, 0)
	}
	b.attrs[i] = id
}

// appendAttrs appends the attributes of o's regions, which follow b's
// first n regions.
func (b *regionBuilder) appendAttrs(o *regionBuilder, n int) {
	for j, id := range o.attrs {
		if id != 0 {
			b.setAttrs(n+j, []byte(o.attrVals[id]))
		}
	}
}

// report keeps err; it returns true when as many errors are kept as are
// reported, and building stops.
func (b *regionBuilder) report(err error) bool {
	b.errs.add(err)
	return len(b.errs.first) >= maxErrors
}

// addRegion checks one region and appends it.
func addRegion[T string | []byte](b *regionBuilder, code, zh, en T, level Level, parent T) error {
	if err := checkRegion(code, level, parent); err != nil {
		return err
	}
	regiontree.Add(&b.Builder, code, zh, en, level, parent)
	return nil
}

// fail returns the error of a field of the i-th region: in a file, a
// *ParseError naming its line and column.
func (b *regionBuilder) fail(i int, field, value string, err error) error {
	if b.lines != nil {
		return &ParseError{File: b.file, Line: int(b.lines[i]), Column: field, Value: value, Err: err}
	}
	return fmt.Errorf("outcome: region %d (%s): %s %q: %w", i, b.Code(i), field, value, err)
}

// where says where the i-th region was given.
func (b *regionBuilder) where(i int) string {
	if b.lines != nil {
		return fmt.Sprintf("on line %d", b.lines[i])
	}
	return fmt.Sprintf("region %d", i)
}

// build resolves parents and lays the regions out depth-first.
func (b *regionBuilder) build() (*RegionSet, error) {
	if err := b.errs.join(); err != nil {
		return nil, err
	}
	t, ok := b.Build(func(p regiontree.Problem) bool {
		i := p.Region
		switch p.Kind {
		case regiontree.TooLarge:
			b.errs.add(fmt.Errorf("outcome: region set: codes and names take more than 4 GiB"))
		case regiontree.TooMany:
			b.errs.add(fmt.Errorf("outcome: region set: %d regions, more than the %d a set holds", i, codeindex.MaxPositions))
		case regiontree.Duplicate:
			return b.report(b.fail(i, "code", string(b.Code(i)), fmt.Errorf("%w (first %s)", errDuplicateRegion, b.where(p.Parent))))
		case regiontree.UnknownParent:
			b.report(b.fail(i, "parent", codeindex.String(p.Key), ErrUnknownRegion))
		case regiontree.ParentLevel:
			b.report(b.fail(i, "parent", string(b.Code(p.Parent)), fmt.Errorf("%w: a %s under a %s", errRegionLevel, b.LevelOf(i).code(), b.LevelOf(p.Parent).code())))
		}
		return false // every parent problem is reported, as far as the list goes
	})
	if !ok {
		return nil, b.errs.join()
	}
	return &RegionSet{t: *t, attrs: b.attrs, attrVals: b.attrVals}, nil
}
