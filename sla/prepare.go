package sla

import (
	"cmp"
	"fmt"
	"math/big"
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
}

type sample struct {
	start int64
	rate  *big.Rat // nil when the interval has too few requests or no errors
}

// events is an Input validated and prepared for every level.
type events struct {
	in      Input
	outages []span // in.Outages in Unix nanoseconds, in input order
	level   []prepared
}

// prepare filters and orders the input for every level of a; clocks
// are the levels' ticket clocks (Agreement.clocks).
func (a *Agreement) prepare(in Input, clocks []clock) (*events, error) {
	outages, ok := outageSpans(in.Outages)
	if err := checkInput(in, !ok); err != nil {
		return nil, err
	}
	ev := &events{in: in, outages: outages, level: make([]prepared, len(a.levels))}
	// When every level counts every outage, the outages are sorted once
	// for all of them, and the last level to read them takes them over.
	last, every := -1, true
	for i, l := range a.levels {
		if l.readsOutages() {
			last, every = i, every && l.Service == "" && len(l.Exclusions) == 0
		}
	}
	if every {
		sortSpans(outages)
	}
	for i, l := range a.levels {
		p, err := a.prepareLevel(l, in, outages, i == last, clocks[i])
		if err != nil {
			return nil, fmt.Errorf("level %q: %w", l.ID, err)
		}
		ev.level[i] = p
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

// prepareLevel prepares the input for level l; outages are in.Outages as
// spans, which the level may sort in place when own is true; tickets are
// replayed on cal.
func (a *Agreement) prepareLevel(l *level, in Input, outages []span, own bool, cal clock) (prepared, error) {
	var p prepared
	for _, w := range a.maint {
		if w.Service == "" || l.Service == "" || w.Service == l.Service {
			p.maint = append(p.maint, span{w.Start.UnixNano(), w.End.UnixNano()})
		}
	}
	p.maint = mergeSpans(p.maint)
	for _, d := range in.Deployments {
		if serves(l, d.Service) {
			p.deployed = append(p.deployed, span{d.Start.UnixNano(), d.End.UnixNano()})
		}
	}
	p.deployed = mergeSpans(p.deployed)
	switch {
	case l.Metric == MetricKindAvailability && l.ErrorRate != nil:
		p.samples = prepareSamples(l, in.Requests)
	case l.readsOutages():
		out, err := a.prepareOutages(l, in.Outages, outages, own, &p)
		if err != nil {
			return p, err
		}
		p.outages = out
	case l.Metric == MetricKindPercentileLatency:
		for _, s := range in.Latencies {
			if serves(l, s.Service) {
				p.latencies = append(p.latencies, s)
			}
		}
		slices.SortStableFunc(p.latencies, func(x, y LatencySample) int { return x.At.Compare(y.At) })
	case l.Metric.tickets():
		tickets, err := a.prepareTickets(l, in.Tickets, cal)
		if err != nil {
			return p, err
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
	return p, nil
}

// prepareOutages keeps the level's outages that no exclusion rule removes,
// merges overlaps, removes maintenance (one-off windows and the recurring
// occurrences that meet an outage) and drops pieces shorter than the
// minimum countable length. all holds the outages as spans; the level
// may reorder it when own is true.
func (a *Agreement) prepareOutages(l *level, outages []Outage, all []span, own bool, p *prepared) ([]span, error) {
	var spans []span
	switch {
	case l.Service == "" && len(l.Exclusions) == 0 && own:
		spans = all // every outage counts: no need to read them again
	case l.Service == "" && len(l.Exclusions) == 0:
		spans = slices.Clone(all)
	default:
		var err error
		if spans, err = a.levelOutages(l, outages, all); err != nil {
			return nil, err
		}
	}
	spans = mergeSpans(spans)
	spans = subtractSpans(spans, a.outageMaintenance(l, spans, p.maint))
	if l.MinOutage > 0 {
		spans = slices.DeleteFunc(spans, func(x span) bool { return x.e-x.s < int64(l.MinOutage) })
	}
	return spans, nil
}

// levelOutages returns the outages of l's service that no exclusion rule
// removes, as spans.
func (a *Agreement) levelOutages(l *level, outages []Outage, all []span) ([]span, error) {
	spans := make([]span, 0, len(outages))
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

func prepareSamples(l *level, reqs []RequestSample) []sample {
	var out []sample
	for _, r := range reqs {
		if !serves(l, r.Service) {
			continue
		}
		s := sample{start: r.Start.UnixNano()}
		if r.Requests > 0 && r.Requests >= l.ErrorRate.MinRequests && r.Errors > 0 {
			s.rate = big.NewRat(r.Errors, r.Requests)
		}
		out = append(out, s)
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
	return mergeSpans(out)
}
