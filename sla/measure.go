package sla

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// measurement is one level's figure for one period, exact.
type measurement struct {
	has         bool // false: nothing to measure
	actual      frac
	population  int // tickets, samples or intervals measured
	good        int // of which within target
	downtime    time.Duration
	denominator time.Duration
	outages     int
	// detail says how the figure is told in words: from the counts for
	// outage availability and tickets, in note for the other metrics and
	// for a period with nothing to measure.
	detail    detailKind
	note      string
	open      int // tickets still open past the deadline
	unanswerd int // tickets still unanswered past the deadline
}

var ratHundred = big.NewRat(100, 1)

// measure computes level l over period p.
func (a *Agreement) measure(l *level, p *prepared, per Period) (measurement, error) {
	s, e := per.start.UnixNano(), per.end.UnixNano()
	switch {
	case l.Metric == MetricKindAvailability && l.ErrorRate != nil:
		return measureErrorRate(l, p, s, e, a.maintenanceIn(p, l, s, e)), nil
	case l.Metric == MetricKindAvailability:
		var maint []span
		if l.Denominator == DenominatorPeriodMinusMaintenance {
			maint = a.maintenanceIn(p, l, s, e)
		}
		return measureAvailability(l, p, s, e, maint), nil
	case l.Metric == MetricKindPercentileLatency:
		return measureLatency(l, p, per), nil
	case l.Metric == MetricKindCustom:
		return a.measureCustom(l, p, per)
	}
	return measureTickets(l, p, per), nil
}

// measureAvailability measures outage-based availability over [s, e);
// maint is the maintenance of the period, for the
// period_minus_maintenance denominator.
func measureAvailability(l *level, p *prepared, s, e int64, maint []span) measurement {
	var downtime, denom int64
	var pieces int
	switch l.Denominator {
	case DenominatorDeployed:
		dep := clipSpans(p.deployed, s, e)
		down := intersectSpans(clipSpans(p.outages, s, e), dep)
		for _, x := range down {
			downtime += x.e - x.s
		}
		pieces = len(down)
		denom, _ = clipTotal(dep, s, e)
	case DenominatorPeriodMinusMaintenance:
		m, _ := clipTotal(maint, s, e)
		denom = e - s - m
		downtime, pieces = clipNext(p.outages, s, e, &p.next)
	default:
		denom = e - s
		downtime, pieces = clipNext(p.outages, s, e, &p.next)
	}
	m := measurement{downtime: time.Duration(downtime), denominator: time.Duration(denom), outages: pieces, detail: detailNote}
	if denom <= 0 {
		m.note = "no measurable time in the period"
		return m
	}
	m.has, m.actual, m.detail = true, percentOf(denom-downtime, denom), detailOutages
	return m
}

// measureErrorRate measures availability from request samples over
// [s, e): 100 × (1 − Σ rate / intervals), the intervals being the period's
// length over the level's interval. A sample whose interval lies wholly
// inside maintenance (maint) is not counted; with the
// period_minus_maintenance denominator the period's intervals (on the grid
// that starts at s) lying wholly inside maintenance leave the count too.
// With the deployed denominator only the intervals lying wholly inside a
// deployment count, and so do only their samples. The samples of one
// interval of the grid make one rate (slotRate).
func measureErrorRate(l *level, p *prepared, s, e int64, maint []span) measurement {
	interval := int64(l.ErrorRate.Interval)
	deployed := l.Denominator == DenominatorDeployed
	lo := sort.Search(len(p.samples), func(i int) bool { return p.samples[i].start >= s })
	hi := lo + sort.Search(len(p.samples)-lo, func(i int) bool { return p.samples[lo+i].start >= e })
	sum := new(big.Rat)
	n, skipped := 0, 0
	for i := lo; i < hi; {
		// the samples of one interval of the grid, added up
		slot := s + (p.samples[i].start-s)/interval*interval
		j := i + 1
		for j < hi && p.samples[j].start < slot+interval {
			j++
		}
		group := p.samples[i:j]
		i = j
		if deployed && !covers(p.deployed, slot, slot+interval) {
			continue
		}
		if covers(maint, slot, slot+interval) {
			skipped++
			continue
		}
		n++
		if rate := slotRate(group, l.ErrorRate.MinRequests); rate != nil {
			sum.Add(sum, rate)
		}
	}
	length := e - s
	switch l.Denominator {
	case DenominatorPeriodMinusMaintenance:
		length -= interval * gridSlotsInside(maint, s, e, interval)
	case DenominatorDeployed:
		length = interval * gridSlotsInside(p.deployed, s, e, interval)
	}
	m := measurement{population: n, denominator: time.Duration(length), detail: detailNote}
	if length <= 0 {
		m.note = "no measurable intervals in the period"
		return m
	}
	intervals := big.NewRat(length, interval)
	// availability = 100 × (1 − Σrate / intervals)
	mean := new(big.Rat).Quo(sum, intervals)
	actual := new(big.Rat).Sub(big.NewRat(1, 1), mean)
	m.has, m.actual = true, frac{r: actual.Mul(actual, ratHundred)}
	m.note = fmt.Sprintf("mean error rate %s%% over %s intervals (%d sampled",
		new(big.Rat).Mul(mean, ratHundred).FloatString(6), intervals.FloatString(2), n)
	if skipped > 0 {
		m.note += fmt.Sprintf(", %d in maintenance not counted", skipped)
	}
	m.note += ")"
	return m
}

// slotRate returns the error rate of one interval from its samples:
// their errors over their requests, nil when they have fewer than
// minRequests requests or no errors. The counts are added exactly; a
// lone sample needs no sum.
func slotRate(group []sample, minRequests int64) *big.Rat {
	if len(group) == 1 {
		x := group[0]
		if x.requests == 0 || x.requests < minRequests || x.errors == 0 {
			return nil
		}
		return big.NewRat(x.errors, x.requests)
	}
	requests, errors := new(big.Int), new(big.Int)
	for _, x := range group {
		requests.Add(requests, big.NewInt(x.requests))
		errors.Add(errors, big.NewInt(x.errors))
	}
	if requests.Sign() == 0 || requests.Cmp(big.NewInt(minRequests)) < 0 || errors.Sign() == 0 {
		return nil
	}
	return new(big.Rat).SetFrac(errors, requests)
}

// gridSlotsInside counts the slots [s+k·step, s+(k+1)·step) of [s, e) that
// lie wholly inside the sorted, merged spans.
func gridSlotsInside(spans []span, s, e, step int64) int64 {
	var n int64
	for _, x := range within(spans, s, e) {
		first := (max(x.s, s) - s + step - 1) / step // ceil
		last := (min(x.e, e) - s) / step             // floor
		n += max(last-first, 0)
	}
	return n
}

func measureLatency(l *level, p *prepared, per Period) measurement {
	lo := sort.Search(len(p.latencies), func(i int) bool { return !p.latencies[i].At.Before(per.start) })
	hi := sort.Search(len(p.latencies), func(i int) bool { return !p.latencies[i].At.Before(per.end) })
	if lo >= hi {
		return measurement{note: "no latency samples in the period", detail: detailNote}
	}
	values := make([]decimal.Decimal, 0, hi-lo)
	for _, x := range p.latencies[lo:hi] {
		values = append(values, x.Millis.Shopspring())
	}
	slices.SortFunc(values, func(a, b decimal.Decimal) int { return a.Cmp(b) })
	// Nearest rank: the smallest value with at least p% of samples at or below it.
	rank := toRat(l.Percentile.Shopspring())
	rank.Mul(rank, big.NewRat(int64(len(values)), 100))
	k := new(big.Int).Quo(rank.Num(), rank.Denom()) // floor
	if new(big.Rat).SetInt(k).Cmp(rank) < 0 {
		k.Add(k, big.NewInt(1))
	}
	idx := max(int(k.Int64())-1, 0)
	v := values[idx]
	return measurement{has: true, actual: fracOfDecimal(v), population: len(values), detail: detailNote,
		note: fmt.Sprintf("p%s of %d samples is %s ms (nearest rank %d)",
			l.Percentile.String(), len(values), outsourcing.DecimalOf(v).String(), idx+1)}
}

func measureTickets(l *level, p *prepared, per Period) measurement {
	s, e := per.start.UnixNano(), per.end.UnixNano()
	m := measurement{detail: detailNote}
	for _, t := range p.tickets {
		switch l.Metric {
		case MetricKindResponseTime:
			if countByBreach(&m, t.respondedLate(), t.breach, t.responded, s, e) {
				m.unanswerd++
			}
		case MetricKindResolutionTime:
			if countByBreach(&m, t.breaches, t.breach, t.resolved, s, e) {
				m.open++
			}
		case MetricKindResolutionRate:
			if t.opened < s || t.opened >= e {
				continue
			}
			switch {
			case t.resolved != 0:
				m.population++
				if t.used <= t.target {
					m.good++
				}
			case t.lateBy(e):
				m.population++ // still open and already late
			}
		}
	}
	if m.population == 0 {
		m.note = "no tickets in the period"
		return m
	}
	m.has, m.actual, m.detail = true, percentOf(int64(m.good), int64(m.population)), detailTickets
	return m
}

// countByBreach counts one ticket clock (response or resolution) in the
// period [s, e): a late clock is a miss once, in the period it passes the
// target at breach (done late there, or still not done at the period's
// end, which it reports); one done within target is met in the period it
// was done (done is 0 while not done).
func countByBreach(m *measurement, late bool, breach, done, s, e int64) (notDone bool) {
	switch {
	case late:
		if breach >= s && breach < e {
			m.population++
			return done == 0 || done >= e
		}
	case done != 0 && done >= s && done < e:
		m.population++
		m.good++
	}
	return false
}

func (a *Agreement) measureCustom(l *level, p *prepared, per Period) (measurement, error) {
	s, e := per.start.UnixNano(), per.end.UnixNano()
	downtime, pieces := clipTotal(p.outages, s, e)
	env := MetricEnv{Values: map[string]outsourcing.Decimal{}, Counts: map[string]int{},
		PeriodMinutes:   outsourcing.DecimalOf(minutes(e - s)),
		DowntimeMinutes: outsourcing.DecimalOf(minutes(downtime)), Outages: pieces}
	lo := sort.Search(len(p.measures), func(i int) bool { return !p.measures[i].At.Before(per.start) })
	for _, m := range p.measures[lo:] {
		if !m.At.Before(per.end) {
			break
		}
		env.Values[m.Name] = env.Values[m.Name].Add(outsourcing.DecimalOf(m.Value.Shopspring()))
		env.Counts[m.Name]++
	}
	v, err := a.metric.Decimal(l.Rule, env)
	if err != nil {
		return measurement{}, err
	}
	return measurement{has: true, actual: fracOfDecimal(v.Shopspring()), downtime: time.Duration(downtime), outages: pieces, detail: detailNote,
		note: fmt.Sprintf("rule %q gives %s", l.Rule, outsourcing.DecimalOf(v.Shopspring()).String())}, nil
}

// minutes converts nanoseconds to exact decimal minutes.
func minutes(ns int64) decimal.Decimal {
	return decimal.NewFromInt(ns).DivRound(decimal.NewFromInt(int64(time.Minute)), 9)
}
