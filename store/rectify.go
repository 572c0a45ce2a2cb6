package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/taizhang/taizhang/program"
	"github.com/taizhang/taizhang/target"
)

// Item is a rectification item (整改事项): a unit a per-unit target's
// shortfall named, to be put right by a due date.
type Item struct {
	ID        int64
	Program   string // the program's id
	Target    string // the target's id
	Indicator string
	Region    string          // the unit's code
	Kind      target.GapKind  // why it fell short
	Lacks     decimal.Decimal // what it lacked when the item was opened
	Opened    time.Time       // the date of the evaluation that named it
	Due       time.Time
	// Closed is the date of the evaluation at which the unit was no
	// longer short; zero while the item is open.
	Closed time.Time
	Provenance
}

// Rectify opens an item, due on due, for every unit the per-unit results
// of r list as short, except units that have an open item for the same
// target already. It returns the items opened.
func (s *Store) Rectify(ctx context.Context, p Provenance, r program.Report, due time.Time) ([]Item, error) {
	if p.Department == "" {
		return nil, fmt.Errorf("store: rectify without a department: %w", ErrInvalid)
	}
	if p.Reported.IsZero() {
		p.Reported = time.Now()
	}
	var opened []Item
	err := s.inTx(ctx, func(t *tx) error {
		open, err := s.items(ctx, t.conn, r.Program)
		if err != nil {
			return err
		}
		has := map[[2]string]bool{}
		for _, it := range open {
			if it.Closed.IsZero() {
				has[[2]string{it.Target, it.Region}] = true
			}
		}
		for _, res := range r.Results {
			for _, part := range append([]target.Result{res}, res.Parts...) {
				if !part.Listed {
					continue
				}
				for gap := range part.Shortfall.All() {
					if gap.Kind == target.GapAbove || has[[2]string{part.ID, gap.Region.Code}] {
						continue
					}
					kind := gap.Kind.Name().En
					it := Item{Program: r.Program, Target: part.ID, Indicator: part.Indicator, Region: gap.Region.Code,
						Kind: gap.Kind, Lacks: gap.Lacks, Opened: r.AsOf, Due: due, Provenance: p}
					err := t.conn.QueryRowContext(ctx, s.bind(`INSERT INTO followups (program, target, indicator, region, kind, lacks,
							opened, due, department, reporter, reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
						it.Program, it.Target, it.Indicator, it.Region, kind, it.Lacks.String(),
						it.Opened.Format(time.DateOnly), due.Format(time.DateOnly), p.Department, p.Reporter, formatTime(p.Reported)).Scan(&it.ID)
					if err != nil {
						return fmt.Errorf("store: open an item for %s %s: %w", part.ID, gap.Region.Code, err)
					}
					has[[2]string{part.ID, gap.Region.Code}] = true
					opened = append(opened, it)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return opened, nil
}

// Rectification is the follow-up of a program's items as of a date.
type Rectification struct {
	Program string
	AsOf    time.Time
	Open    []Item // open and not yet due
	Overdue []Item // open past their due date
	Closed  []Item
}

// Rectification evaluates p on the ledger as it stands, as of asOf,
// closes the open items whose units its results no longer list as short,
// and returns every item of p: open, overdue and closed. A closure is
// recorded, never undone: a unit short again is a new item.
func (s *Store) Rectification(ctx context.Context, p program.Program, asOf time.Time) (Rectification, error) {
	out := Rectification{Program: p.ID, AsOf: asOf}
	l, err := s.Ledger(ctx, Query{})
	if err != nil {
		return out, err
	}
	report, err := p.Evaluate(l, asOf)
	if err != nil {
		return out, fmt.Errorf("store: rectification of %s: %w", p.ID, err)
	}
	short := map[[2]string]bool{}
	listed := map[string]bool{}
	for _, res := range report.Results {
		for _, part := range append([]target.Result{res}, res.Parts...) {
			if !part.Listed {
				continue
			}
			listed[part.ID] = true
			for gap := range part.Shortfall.All() {
				if gap.Kind != target.GapAbove {
					short[[2]string{part.ID, gap.Region.Code}] = true
				}
			}
		}
	}
	err = s.inTx(ctx, func(t *tx) error {
		items, err := s.items(ctx, t.conn, p.ID)
		if err != nil {
			return err
		}
		for _, it := range items {
			if it.Closed.IsZero() && listed[it.Target] && !short[[2]string{it.Target, it.Region}] && !asOf.Before(it.Opened) {
				_, err := t.exec(ctx, `INSERT INTO followup_closures (item, closed, recorded) VALUES (?, ?, ?)`,
					it.ID, asOf.Format(time.DateOnly), formatTime(time.Now()))
				if err != nil {
					return fmt.Errorf("store: close item %d (%s %s): %w", it.ID, it.Target, it.Region, err)
				}
				it.Closed = asOf
			}
			switch {
			case !it.Closed.IsZero():
				out.Closed = append(out.Closed, it)
			case asOf.After(it.Due):
				out.Overdue = append(out.Overdue, it)
			default:
				out.Open = append(out.Open, it)
			}
		}
		return nil
	})
	return out, err
}

// items returns the items of a program, by id.
func (s *Store) items(ctx context.Context, q queryer, programID string) ([]Item, error) {
	rows, err := q.QueryContext(ctx, s.bind(`SELECT f.id, f.target, f.indicator, f.region, f.kind, f.lacks, f.opened, f.due,
			f.department, f.reporter, f.reported, c.closed
		FROM followups f LEFT JOIN followup_closures c ON c.item = f.id WHERE f.program = ? ORDER BY f.id`), programID)
	if err != nil {
		return nil, fmt.Errorf("store: items of %s: %w", programID, err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		it := Item{Program: programID}
		var kind, lacks, opened, due, reported string
		var closed sql.NullString
		if err := rows.Scan(&it.ID, &it.Target, &it.Indicator, &it.Region, &kind, &lacks, &opened, &due,
			&it.Department, &it.Reporter, &reported, &closed); err != nil {
			return nil, fmt.Errorf("store: items of %s: %w", programID, err)
		}
		bad := func(what, v string) error {
			return fmt.Errorf("store: item %d of %s: %s %q: %w", it.ID, programID, what, v, ErrInvalid)
		}
		if it.Kind = gapKind(kind); it.Kind == 0 {
			return nil, bad("kind", kind)
		}
		if it.Lacks, err = decimal.NewFromString(lacks); err != nil {
			return nil, bad("lacks", lacks)
		}
		if it.Opened, err = time.Parse(time.DateOnly, opened); err != nil {
			return nil, bad("opened", opened)
		}
		if it.Due, err = time.Parse(time.DateOnly, due); err != nil {
			return nil, bad("due", due)
		}
		if it.Reported, err = parseTime(reported); err != nil {
			return nil, bad("reported", reported)
		}
		if closed.Valid {
			if it.Closed, err = time.Parse(time.DateOnly, closed.String); err != nil {
				return nil, bad("closed", closed.String)
			}
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// gapKind reads a gap kind's English name, as Rectify stores it
// (target.GapKind has no text form of its own); 0 when it is none.
func gapKind(name string) target.GapKind {
	for k := target.GapNoRecord; k < target.GapNoRecord+8; k++ {
		if n := k.Name().En; n != "" && n == name {
			return k
		}
	}
	return 0
}
