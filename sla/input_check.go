package sla

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Instants must lie in [1900-01-01, 2200-01-01) UTC, so that every instant
// and every difference of two fits in int64 nanoseconds. The bounds are in
// Unix seconds.
const (
	minUnix = -2208988800 // 1900-01-01T00:00:00Z
	maxUnix = 7258118400  // 2200-01-01T00:00:00Z
)

func maxInstant() time.Time { return time.Unix(maxUnix, 0).UTC() }

func inRange(t time.Time) bool { u := t.Unix(); return u >= minUnix && u < maxUnix }

// inputChecker collects the problems of one Input, each a
// *outsourcing.FieldError whose Path is the JSON pointer of the offending
// field in the Input's document ("/outages/3/end").
type inputChecker struct{ errs []error }

func (c *inputChecker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, outsourcing.FieldErrorf(path, format, args...))
}

// instant reports an instant that is not between 1900 and 2200.
func (c *inputChecker) instant(path string, t time.Time) {
	c.fail(path, "instant %s is not between 1900 and 2200", t.Format(time.RFC3339))
}

// interval checks the i-th event of a list ("outages") spanning [start,
// end): both in range, end after start. what names the event in a reason;
// it and the paths are built only for a problem.
func (c *inputChecker) interval(list string, i int, what func() string, start, end time.Time) {
	okStart, okEnd := inRange(start), inRange(end)
	if !okStart {
		c.instant(jsonptr.Join(list, i, "start"), start)
	}
	if !okEnd {
		c.instant(jsonptr.Join(list, i, "end"), end)
	}
	if okStart && okEnd && !end.After(start) {
		c.fail(jsonptr.Join(list, i, "end"), "%s ends at %s, not after its start %s", what(),
			end.Format(time.RFC3339), start.Format(time.RFC3339))
	}
}

// validateInput checks every event of in against the period-independent
// rules: instants between 1900 and 2200, intervals that end after they
// start, counts that are not negative, ticket logs in time order that
// follow the ticket state machine, ticket ids used once, fees in one
// currency. Problems are
// joined in document order; an impossible ticket change matches
// outsourcing.ErrTransition, a service fee in another currency
// outsourcing.ErrCurrencyMismatch.
func validateInput(in Input) error { return checkInput(in, true) }

// checkInput is validateInput; it checks the outages only when outages
// is true (prepare checks them as it reads them, see outageSpans).
func checkInput(in Input, outages bool) error {
	var c inputChecker
	c.fees(in)
	for i := range in.Outages {
		if !outages {
			break
		}
		o := &in.Outages[i]
		c.interval("outages", i, func() string { return fmt.Sprintf("outage %q", o.ID) }, o.Start, o.End)
	}
	for i, d := range in.Deployments {
		c.interval("deployments", i, func() string { return "the deployment" }, d.Start, d.End)
	}
	for i, r := range in.Requests {
		if !inRange(r.Start) {
			c.instant(jsonptr.Join("requests", i, "start"), r.Start)
		}
		switch {
		case r.Requests < 0:
			c.fail(jsonptr.Join("requests", i, "requests"), "%d requests is negative", r.Requests)
		case r.Errors < 0:
			c.fail(jsonptr.Join("requests", i, "errors"), "%d errors is negative", r.Errors)
		case r.Errors > r.Requests:
			c.fail(jsonptr.Join("requests", i, "errors"), "%d errors is more than the %d requests", r.Errors, r.Requests)
		}
	}
	for i, l := range in.Latencies {
		if !inRange(l.At) {
			c.instant(jsonptr.Join("latencies", i, "at"), l.At)
		}
		if l.Millis.IsNegative() {
			c.fail(jsonptr.Join("latencies", i, "millis"), "latency %s ms is negative", l.Millis)
		}
	}
	for i, m := range in.Measures {
		if !inRange(m.At) {
			c.instant(jsonptr.Join("measures", i, "at"), m.At)
		}
		if m.Name == "" {
			c.fail(jsonptr.Join("measures", i, "name"), "a measure needs a name")
		}
	}
	c.ticketIDs(in.Tickets)
	for i, t := range in.Tickets {
		c.ticket(i, t)
	}
	return errors.Join(c.errs...)
}

// fees checks that the fees are given, not negative, and that every
// service's fees are in the same currency.
func (c *inputChecker) fees(in Input) {
	if !in.Fees.IsSet() {
		c.fail("/fees", "the period's fees are required")
		return
	}
	if in.Fees.IsNegative() {
		c.fail("/fees/amount", "fees %s are negative", in.Fees)
	}
	for _, svc := range sortedKeys(in.ServiceFees) {
		f := in.ServiceFees[svc]
		switch {
		case f.Currency() != in.Fees.Currency():
			c.errs = append(c.errs, &outsourcing.FieldError{Path: jsonptr.Join("service_fees", svc, "currency"),
				Reason: fmt.Sprintf("service %q is charged in %s, the fees in %s", svc, f.Currency(), in.Fees.Currency()),
				Err:    outsourcing.ErrCurrencyMismatch})
		case f.IsNegative():
			c.fail(jsonptr.Join("service_fees", svc, "amount"), "fees %s are negative", f)
		}
	}
}

// ticketIDs reports a ticket whose id an earlier ticket has: a ticket
// sent twice would be measured twice ("2 of 3 within target" for 1 of 2).
// It sorts ticket indices by id (4 bytes a ticket, where a map would cost
// ten times that on every input) and reports in document order.
func (c *inputChecker) ticketIDs(tickets []Ticket) {
	if len(tickets) < 2 {
		return
	}
	order := make([]int32, len(tickets))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return strings.Compare(tickets[x].ID, tickets[y].ID) })
	var again [][2]int32 // a later ticket and the first with its id
	for k := 1; k < len(order); k++ {
		if first := k - 1; tickets[order[k]].ID == tickets[order[first]].ID {
			for first > 0 && tickets[order[first-1]].ID == tickets[order[k]].ID {
				first--
			}
			again = append(again, [2]int32{order[k], order[first]})
		}
	}
	slices.SortFunc(again, func(x, y [2]int32) int { return int(x[0] - y[0]) })
	for _, d := range again {
		c.fail(jsonptr.Join("tickets", int(d[0]), "id"), "ticket %q is ticket %d again", tickets[d[0]].ID, d[1])
	}
}

// ticket checks a ticket's log: it starts with opened, its events are in
// time order, and every change is allowed in the state it meets. It
// reports the first problem of the log.
func (c *inputChecker) ticket(i int, t Ticket) {
	if len(t.Events) == 0 || t.Events[0].Kind != EventKindOpened {
		c.fail(jsonptr.Join("tickets", i, "events", 0, "kind"), "ticket %q: a ticket log must start with opened", t.ID)
		return
	}
	s := stateNew
	for j, e := range t.Events {
		if !inRange(e.At) {
			c.instant(jsonptr.Join("tickets", i, "events", j, "at"), e.At)
			return
		}
		if j > 0 && e.At.Before(t.Events[j-1].At) {
			c.fail(jsonptr.Join("tickets", i, "events", j, "at"), "ticket %q: %s at %s is before the previous event at %s (events out of order)",
				t.ID, e.Kind, e.At.Format(time.RFC3339), t.Events[j-1].At.Format(time.RFC3339))
			return
		}
		ns, ok := next(s, e.Kind)
		if !ok {
			c.errs = append(c.errs, &outsourcing.FieldError{Path: jsonptr.Join("tickets", i, "events", j, "kind"),
				Reason: fmt.Sprintf("ticket %q: %s is not allowed after %s", t.ID, e.Kind, t.Events[max(j-1, 0)].Kind),
				Err:    outsourcing.ErrTransition})
			return
		}
		s = ns
	}
}

// outageSpans appends the outages to out as spans of Unix nanoseconds, in
// input order, with the order of their starts, and reports whether every
// outage lies between 1900 and 2200 and ends after it starts
// (validateInput says what is wrong when one does not).
func outageSpans(out []span, outages []Outage) ([]span, order, bool) {
	ord := order{sorted: true}
	for i := range outages {
		o := &outages[i]
		s, e := o.Start.Unix(), o.End.Unix()
		if s < minUnix || s >= maxUnix || e < minUnix || e >= maxUnix {
			return nil, order{}, false
		}
		x := span{s*1e9 + int64(o.Start.Nanosecond()), e*1e9 + int64(o.End.Nanosecond())}
		if x.e <= x.s {
			return nil, order{}, false
		}
		ord.add(x.s, i == 0)
		out = append(out, x)
	}
	return out, ord, true
}
