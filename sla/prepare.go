package sla

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// prepared holds one level's events, filtered and ordered once for every
// period.
type prepared struct {
	outages   []span // counted downtime pieces, sorted and merged
	deployed  []span
	maint     []span // one-off maintenance windows of the level, merged
	samples   []sample
	latencies []LatencySample // sorted by At
	tickets   []ticketClock
	measures  []Measure // sorted by At
	own       []span    // room for outages when the level copies them
	next      int       // where the outages of the period measured last began, see clipNext
}

type sample struct {
	start            int64
	requests, errors int64
}

// events is an Input validated and prepared for every level.
type events struct {
	in      Input
	outages []span // in.Outages in Unix nanoseconds, in input order
	level   []prepared
}

// scratch is the memory one goroutine reuses from one input to the next:
// the events prepared for the levels, which no report keeps. EvaluateAll
// gives each worker one; Evaluate and Report use a new one.
type scratch struct {
	ev      events
	sorting spanSorter // room to sort outages
	am      *amounts   // the amounts of the last input's fees
}

// prepare filters and orders the input for every level of a into sc,
// replaying tickets on clocks (Agreement.clocks).
func (a *Agreement) prepare(in Input, clocks []clock, sc *scratch) (*events, error) {
	outages, ord, ok := outageSpans(sc.ev.outages[:0], in.Outages)
	if err := checkInput(in, !ok); err != nil {
		return nil, err
	}
	ev := &sc.ev
	ev.in, ev.outages = in, outages
	if len(ev.level) != len(a.levels) {
		ev.level = make([]prepared, len(a.levels))
	}
	// When every level counts every outage, the outages are sorted and
	// merged once for all of them, and the last level to read them takes
	// them over.
	last, every := -1, true
	for i, l := range a.levels {
		if l.readsOutages() {
			last, every = i, every && l.Service == "" && len(l.Exclusions) == 0
		}
	}
	if every {
		outages = mergeInOrder(outages, ord, &sc.sorting)
	}
	for i, l := range a.levels {
		if err := a.prepareLevel(l, in, outages, every, i == last, clocks[i], &ev.level[i], &sc.sorting); err != nil {
			return nil, fmt.Errorf("level %q: %w", l.ID, err)
		}
	}
	return ev, nil
}

func serves(l *level, service string) bool { return l.Service == "" || l.Service == service }

// excluded evaluates the level's exclusion rules for one event.
func (a *Agreement) excluded(l *level, env EventEnv) (bool, error) {
	for _, id := range l.Exclusions {
		hit, err := a.exclude.Bool(id, env)
		if err != nil || hit {
			return hit, err
		}
	}
	return false, nil
}

// readsOutages reports whether the level is measured from outages.
func (l *level) readsOutages() bool {
	return (l.Metric == MetricKindAvailability && l.ErrorRate == nil) || l.Metric == MetricKindCustom
}

// prepareLevel prepares the input for level l into p, reusing p's room;
// outages are in.Outages as spans in input order, or sorted and merged
// when every level counts them all (merged), which the level may reorder
// when own is true; tickets are replayed on cal; sorting is room to sort.
func (a *Agreement) prepareLevel(l *level, in Input, outages []span, merged, own bool, cal clock, p *prepared, sorting *spanSorter) error {
	p.maint = p.maint[:0]
	for _, w := range a.maint {
		if w.Service == "" || l.Service == "" || w.Service == l.Service {
			p.maint = append(p.maint, span{w.Start.UnixNano(), w.End.UnixNano()})
		}
	}
	p.maint = mergeSpans(p.maint, sorting)
	p.deployed = p.deployed[:0]
	for _, d := range in.Deployments {
		if serves(l, d.Service) {
			p.deployed = append(p.deployed, span{d.Start.UnixNano(), d.End.UnixNano()})
		}
	}
	p.deployed = mergeSpans(p.deployed, sorting)
	p.outages, p.samples, p.latencies, p.tickets, p.measures = nil, p.samples[:0], p.latencies[:0], p.tickets[:0], p.measures[:0]
	p.next = 0
	switch {
	case l.Metric == MetricKindAvailability && l.ErrorRate != nil:
		p.samples = prepareSamples(p.samples, l, in.Requests)
	case l.readsOutages():
		if err := a.prepareOutages(l, in.Outages, outages, merged, own, p, sorting); err != nil {
			return err
		}
	case l.Metric == MetricKindPercentileLatency:
		for _, s := range in.Latencies {
			if serves(l, s.Service) {
				p.latencies = append(p.latencies, s)
			}
		}
		slices.SortStableFunc(p.latencies, func(x, y LatencySample) int { return x.At.Compare(y.At) })
	case l.Metric.tickets():
		tickets, err := a.prepareTickets(p.tickets, l, in.Tickets, cal)
		if err != nil {
			return err
		}
		p.tickets = tickets
	}
	if l.Metric == MetricKindCustom {
		for _, m := range in.Measures {
			if serves(l, m.Service) {
				p.measures = append(p.measures, m)
			}
		}
		slices.SortStableFunc(p.measures, func(x, y Measure) int { return x.At.Compare(y.At) })
	}
	return nil
}

// prepareOutages sets p.outages to the level's outages that no exclusion
// rule removes, merged, less maintenance (one-off windows and the
// recurring occurrences that meet an outage) and less the pieces shorter
// than the minimum countable length. all holds the outages as spans, in
// input order or merged; the level may reorder it when own is true, and
// copies it into p.own otherwise.
func (a *Agreement) prepareOutages(l *level, outages []Outage, all []span, merged, own bool, p *prepared, sorting *spanSorter) error {
	var spans []span
	switch {
	case l.Service == "" && len(l.Exclusions) == 0 && own:
		spans = all // every outage counts: no need to read them again
	case l.Service == "" && len(l.Exclusions) == 0:
		p.own = append(p.own[:0], all...)
		spans = p.own
	default:
		var err error
		if p.own, err = a.levelOutages(p.own[:0], l, outages, all); err != nil {
			return err
		}
		spans, merged = p.own, false
	}
	if !merged {
		spans = mergeSpans(spans, sorting)
	}
	spans = subtractSpans(spans, a.outageMaintenance(l, spans, p.maint))
	if l.MinOutage > 0 {
		spans = slices.DeleteFunc(spans, func(x span) bool { return x.e-x.s < int64(l.MinOutage) })
	}
	p.outages = spans
	return nil
}

// levelOutages appends to spans the outages of l's service that no
// exclusion rule removes.
func (a *Agreement) levelOutages(spans []span, l *level, outages []Outage, all []span) ([]span, error) {
	for i := range outages {
		o := &outages[i]
		if !serves(l, o.Service) {
			continue
		}
		if len(l.Exclusions) > 0 {
			mins := minutes(o.End.Sub(o.Start).Nanoseconds())
			hit, err := a.excluded(l, EventEnv{Kind: "outage", ID: o.ID, Service: o.Service, Cause: o.Cause,
				Tags: o.Tags, Minutes: outsourcing.DecimalOf(mins)})
			if err != nil {
				return nil, fmt.Errorf("outage %q: %w", o.ID, err)
			}
			if hit {
				continue
			}
		}
		spans = append(spans, all[i])
	}
	return spans, nil
}

// prepareSamples appends the level's request samples to out, in time order.
func prepareSamples(out []sample, l *level, reqs []RequestSample) []sample {
	for _, r := range reqs {
		if !serves(l, r.Service) {
			continue
		}
		out = append(out, sample{start: r.Start.UnixNano(), requests: r.Requests, errors: r.Errors})
	}
	slices.SortStableFunc(out, func(x, y sample) int { return cmp.Compare(x.start, y.start) })
	return out
}

// outageMaintenance returns the one-off windows maint plus the occurrences
// of the level's recurring windows that meet the merged outages, merged.
func (a *Agreement) outageMaintenance(l *level, outages, maint []span) []span {
	if len(a.recur) == 0 || len(outages) == 0 {
		return maint
	}
	out := slices.Clone(maint)
	for _, r := range a.recur {
		if !scopesMeet(r.Service, l.Service) {
			continue
		}
		for _, o := range outages {
			r.each(a.loc, time.Unix(0, o.s), time.Unix(0, o.e), func(s, e time.Time) bool {
				out = append(out, span{s.UnixNano(), e.UnixNano()})
				return true
			})
		}
	}
	return mergeSpans(out, nil)
}
