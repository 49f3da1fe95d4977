package contract

import (
	"cmp"
	"slices"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Fulfilment records that one occurrence of an obligation was met.
type Fulfilment struct {
	// Obligation is the obligation's id.
	Obligation string `json:"obligation"`
	// Due is the due date of the occurrence met.
	Due Date `json:"due"`
	// On is the day it was met.
	On Date `json:"on"`
}

// ObligationDue is one occurrence of an obligation.
type ObligationDue struct {
	// Obligation, Clause, Party and Description identify it.
	Obligation  string `json:"obligation"`
	Clause      string `json:"clause"`
	Party       string `json:"party"`
	Description string `json:"description"`
	// Occurrence numbers the occurrences from 0.
	Occurrence int `json:"occurrence"`
	// Due is the due date.
	Due Date `json:"due"`
	// Status at the day asked about.
	Status ItemStatus `json:"status"`
	// Done is the day it was met; zero when open.
	Done Date `json:"done,omitzero"`
}

// ObligationReport is the state of the contract's obligations at a day.
type ObligationReport struct {
	// AsOf is the day.
	AsOf Date `json:"as_of"`
	// Open lists, per obligation in contract order, the occurrences not
	// met by AsOf that are overdue or due (within their lead time), then
	// the next occurrence still to come (status open).
	Open []ObligationDue `json:"open"`
	// Overdue, Due and Met count occurrences due by AsOf (and due within
	// their lead time) by status.
	Overdue int `json:"overdue"`
	Due     int `json:"due"`
	Met     int `json:"met"`
}

// occurrences calls fn with each date anchor + every × k (k from 0)
// that is not after until, counted from the anchor so that month ends do
// not drift; a zero every gives the anchor alone. It stops when fn
// returns false.
func occurrences(anchor Date, every Span, until Date, fn func(k int, d Date) bool) {
	for k := 0; ; k++ {
		d := every.Times(k).AddTo(anchor)
		if d.After(until) || !fn(k, d) || every.IsZero() {
			return
		}
	}
}

// obligationUntil is the last day an obligation's occurrences may fall on.
func (c *Contract) obligationUntil(o Obligation) Date {
	if o.Every.IsZero() {
		return o.Due
	}
	return cmp.Or(o.Until, c.spec.Term.End)
}

// ObligationSchedule returns every occurrence of every obligation due
// within p (both ends inclusive), ordered by due date, then clause order;
// statuses are as of p.End with nothing met.
func (c *Contract) ObligationSchedule(p Period) []ObligationDue {
	var out []ObligationDue
	for _, cl := range c.spec.Clauses {
		for _, o := range cl.Obligations {
			occurrences(o.Due, o.Every, minDate(c.obligationUntil(o), p.End), func(k int, d Date) bool {
				if !d.Before(p.Start) {
					out = append(out, c.due(cl, o, k, d, p.End, Date{}))
				}
				return true
			})
		}
	}
	slices.SortStableFunc(out, func(a, b ObligationDue) int { return a.Due.Compare(b.Due) })
	return out
}

func (c *Contract) due(cl Clause, o Obligation, k int, d, asOf, done Date) ObligationDue {
	st := statusAt(asOf, d, o.Lead.SubtractFrom(d), done)
	od := ObligationDue{Obligation: o.ID, Clause: cl.ID, Party: o.Party, Description: o.Description, Occurrence: k, Due: d, Status: st}
	if st == ItemStatusDone || st == ItemStatusDoneLate {
		od.Done = done
	}
	return od
}

// Obligations reports the obligations at asOf (Handbook §3.3: track
// fulfilment): every occurrence due by asOf, or within its lead time
// after it, is met (a fulfilment for its due date dated on or before
// asOf), due or overdue; the next occurrence to come is listed too.
// Errors (a *outsourcing.FieldError at /i/... of done): a fulfilment of
// an obligation that does not exist (ErrNotFound) or for a day that is
// not one of its due dates, or given twice.
func (c *Contract) Obligations(asOf Date, done []Fulfilment) (ObligationReport, error) {
	met, err := c.fulfilments(done)
	if err != nil {
		return ObligationReport{}, wrap(err)
	}
	out := ObligationReport{AsOf: asOf}
	for pos, ref := range c.obligations {
		cl := c.spec.Clauses[ref.clause]
		o := cl.Obligations[ref.index]
		horizon := o.Lead.AddTo(asOf)
		occurrences(o.Due, o.Every, c.obligationUntil(o), func(k int, d Date) bool {
			var on Date
			if k < len(met[pos]) {
				on = met[pos][k]
			}
			od := c.due(cl, o, k, d, asOf, on)
			if d.After(horizon) {
				out.Open = append(out.Open, od) // the next one to come
				return false
			}
			switch od.Status {
			case ItemStatusDone, ItemStatusDoneLate:
				out.Met++
			case ItemStatusOverdue:
				out.Overdue++
				out.Open = append(out.Open, od)
			default:
				out.Due++
				out.Open = append(out.Open, od)
			}
			return true
		})
	}
	return out, nil
}

// obligationRef locates an obligation: clause index, index within it.
type obligationRef struct{ clause, index int }

// indexObligations lists the obligations in contract order, by id.
func (c *Contract) indexObligations() {
	c.obligationByID = map[string]int{}
	for i, cl := range c.spec.Clauses {
		for j, o := range cl.Obligations {
			c.obligationByID[o.ID] = len(c.obligations)
			c.obligations = append(c.obligations, obligationRef{i, j})
		}
	}
}

// fulfilments indexes fulfilments by obligation (in contract order) and
// occurrence, checking each names an occurrence once.
func (c *Contract) fulfilments(done []Fulfilment) ([][]Date, error) {
	out := make([][]Date, len(c.obligations))
	var errs problems
	for i, f := range done {
		pos, ok := c.obligationByID[f.Obligation]
		if !ok {
			errs.add(notFoundf(jsonptr.Join(i, "obligation"), "no obligation %q", f.Obligation))
			continue
		}
		ref := c.obligations[pos]
		k, ok := c.occurrence(c.spec.Clauses[ref.clause].Obligations[ref.index], f.Due)
		switch {
		case !ok:
			errs.failf(jsonptr.Join(i, "due"), "%s is not a due date of obligation %q", f.Due, f.Obligation)
		case f.On.IsZero():
			errs.failf(jsonptr.Join(i, "on"), "a fulfilment needs the day it was met")
		case k < len(out[pos]) && !out[pos][k].IsZero():
			errs.failf(jsonptr.Join(i, "due"), "obligation %q due %s is fulfilled twice", f.Obligation, f.Due)
		default:
			if k >= len(out[pos]) {
				out[pos] = append(out[pos], make([]Date, k+1-len(out[pos]))...)
			}
			out[pos][k] = f.On
		}
	}
	return out, joinProblems(errs)
}

// occurrence returns the number of o's occurrence due on d, and whether d
// is one of o's due dates.
func (c *Contract) occurrence(o Obligation, d Date) (int, bool) {
	if d.Before(o.Due) || d.After(c.obligationUntil(o)) {
		return 0, false
	}
	if o.Every.IsZero() {
		return 0, d == o.Due
	}
	k := 0 // a span of months and days is walked from the anchor
	switch {
	case o.Every.days == 0:
		k = max(monthsBetween(o.Due, d)/o.Every.months-1, 0)
	case o.Every.months == 0:
		k = o.Due.DaysUntil(d) / o.Every.days
	}
	for ; ; k++ { // the occurrence on or after d is at most one past the estimate
		x := o.Every.Times(k).AddTo(o.Due)
		if !x.Before(d) {
			return k, x == d
		}
	}
}
