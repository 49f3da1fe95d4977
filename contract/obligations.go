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
	for _, ref := range c.obligations {
		cl := &c.spec.Clauses[ref.clause]
		o := &cl.Obligations[ref.index]
		occurrences(o.Due, o.Every, p.Start, minDate(c.obligationUntil(*o), p.End), func(k int, d Date) bool {
			out = append(out, c.due(cl, o, k, d, p.End, Date{}))
			return true
		})
	}
	slices.SortStableFunc(out, func(a, b ObligationDue) int { return a.Due.Compare(b.Due) })
	return out
}

func (c *Contract) due(cl *Clause, o *Obligation, k int, d, asOf, done Date) ObligationDue {
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
	w := c.window(asOf)
	if err := w.record(c, done); err != nil {
		return ObligationReport{}, wrap(err)
	}
	out := ObligationReport{AsOf: asOf, Open: make([]ObligationDue, 0, w.open(asOf))}
	for pos, ref := range c.obligations {
		cl := &c.spec.Clauses[ref.clause]
		o := &cl.Obligations[ref.index]
		met := w.met[w.start[pos]:w.start[pos+1]]
		for k, on := range met {
			d := nth(o.Due, o.Every, k)
			od := c.due(cl, o, k, d, asOf, on)
			switch {
			case k == w.reported[pos]:
				out.Open = append(out.Open, od) // the next one to come
			case od.Status == ItemStatusDone, od.Status == ItemStatusDoneLate:
				out.Met++
			case od.Status == ItemStatusOverdue:
				out.Overdue++
				out.Open = append(out.Open, od)
			default:
				out.Due++
				out.Open = append(out.Open, od)
			}
		}
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

// window holds, for a report at one day, the occurrences each obligation
// reports, in one array: obligation pos has occurrences 0 to
// start[pos+1] − start[pos] − 1 there, the days they were met in met
// (zero when not). reported[pos] counts those due by the day (within
// their lead time); one more, the next to come, follows when the
// obligation has one. Fulfilments of later occurrences only need to be
// checked for repeats: later holds them.
type window struct {
	start    []int
	reported []int
	met      []Date
	later    map[[2]int]bool
}

// window lays out the occurrences reported at asOf, each obligation's
// counted by arithmetic from its anchor.
func (c *Contract) window(asOf Date) window {
	w := window{start: make([]int, len(c.obligations)+1), reported: make([]int, len(c.obligations))}
	for pos, ref := range c.obligations {
		o := &c.spec.Clauses[ref.clause].Obligations[ref.index]
		until := c.obligationUntil(*o)
		n, last := 0, minDate(until, o.Lead.AddTo(asOf))
		switch {
		case o.Every.IsZero() && !o.Due.After(last):
			n = 1
		case !o.Every.IsZero():
			n = firstOnOrAfter(o.Due, o.Every, last.AddDays(1))
		}
		w.reported[pos] = n
		if !nth(o.Due, o.Every, n).After(until) && (n == 0 || !o.Every.IsZero()) {
			n++ // the next one to come
		}
		w.start[pos+1] = w.start[pos] + n
	}
	w.met = make([]Date, w.start[len(c.obligations)])
	return w
}

// open counts the occurrences a report at asOf lists as open: those
// due by then and not met by then, and each obligation's next one.
func (w *window) open(asOf Date) int {
	n := 0
	for pos, reported := range w.reported {
		met := w.met[w.start[pos]:w.start[pos+1]]
		n += len(met) - reported // the next one, if any
		for _, on := range met[:reported] {
			if !metBy(on, asOf) {
				n++
			}
		}
	}
	return n
}

// record enters the fulfilments, checking each names an occurrence of an
// obligation once.
func (w *window) record(c *Contract, done []Fulfilment) error {
	var errs problems
	for i, f := range done {
		pos, ok := c.obligationByID[f.Obligation]
		if !ok {
			errs.add(notFoundf(jsonptr.Join(i, "obligation"), "no obligation %q", f.Obligation))
			continue
		}
		ref := c.obligations[pos]
		k, ok := c.occurrence(&c.spec.Clauses[ref.clause].Obligations[ref.index], f.Due)
		switch {
		case !ok:
			errs.failf(jsonptr.Join(i, "due"), "%s is not a due date of obligation %q", f.Due, f.Obligation)
		case f.On.IsZero():
			errs.failf(jsonptr.Join(i, "on"), "a fulfilment needs the day it was met")
		case w.start[pos]+k < w.start[pos+1]:
			slot := &w.met[w.start[pos]+k]
			if !slot.IsZero() {
				errs.failf(jsonptr.Join(i, "due"), "obligation %q due %s is fulfilled twice", f.Obligation, f.Due)
			}
			*slot = f.On
		default:
			if w.later == nil {
				w.later = map[[2]int]bool{}
			}
			if w.later[[2]int{pos, k}] {
				errs.failf(jsonptr.Join(i, "due"), "obligation %q due %s is fulfilled twice", f.Obligation, f.Due)
			}
			w.later[[2]int{pos, k}] = true
		}
	}
	return joinProblems(errs)
}

// occurrence returns the number of o's occurrence due on d, and whether d
// is one of o's due dates.
func (c *Contract) occurrence(o *Obligation, d Date) (int, bool) {
	if d.Before(o.Due) || d.After(c.obligationUntil(*o)) {
		return 0, false
	}
	if o.Every.IsZero() {
		return 0, d == o.Due
	}
	k := firstOnOrAfter(o.Due, o.Every, d)
	return k, nth(o.Due, o.Every, k) == d
}
