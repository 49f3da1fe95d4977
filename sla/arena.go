package sla

import (
	"github.com/outsourcing-go/outsourcing"
)

// arena holds the storage of one Evaluate call's reports, allocated once
// for all periods and levels instead of value by value: the rounded
// values the reports point to, their error budgets, trends and signals.
// The reports' words are written when read (levelText), not here.
type arena struct {
	decimals []outsourcing.Decimal
	budgets  []ErrorBudget
	trend    []TrendPoint
	lines    [][]TrendPoint // per level, its points so far (see trend)
	signals  []Signal
	labels   []string   // the periods signals counted
	evidence []evidence // per signal of a report, see countBreach
	reads    int        // how many periods the signals read at most
	am       *amounts   // what the input's fees decide
}

// newArena sizes an arena for reporting periods more periods after the
// levels' reports in past (reads periods in all), and starts each level's
// trend line with the last points of its history.
func (a *Agreement) newArena(past [][]*LevelReport, reads, periods int) *arena {
	ar := &arena{lines: make([][]TrendPoint, len(a.levels)), reads: reads}
	points, budgets := 0, 0
	for i, l := range a.levels {
		points += min(len(past[i]), TrendPeriods-1) + periods
		if l.Metric == MetricKindAvailability && l.ErrorRate == nil {
			budgets += periods
		}
	}
	ar.trend = make([]TrendPoint, 0, points)
	for i, h := range past {
		h = h[max(len(h)-(TrendPeriods-1), 0):]
		ar.lines[i] = carve(&ar.trend, len(h)+periods, 0)
		for _, x := range h {
			ar.lines[i] = append(ar.lines[i], x.Trend[len(x.Trend)-1])
		}
	}
	ar.decimals = make([]outsourcing.Decimal, 0, len(a.levels)*periods+budgets) // actual values and budgets' remaining percents
	ar.budgets = make([]ErrorBudget, 0, budgets)
	if len(a.spec.Breaches) > 0 {
		n := a.signalsPerReport()
		ar.signals = make([]Signal, 0, n*periods)
		ar.labels = make([]string, 0, n*reads)
	}
	return ar
}

// decimal stores v and returns a pointer to it.
func (ar *arena) decimal(v outsourcing.Decimal) *outsourcing.Decimal {
	if len(ar.decimals) == cap(ar.decimals) {
		ar.decimals = make([]outsourcing.Decimal, 0, max(2*cap(ar.decimals), 16))
	}
	ar.decimals = append(ar.decimals, v)
	return &ar.decimals[len(ar.decimals)-1]
}

// budget stores b and returns a pointer to it.
func (ar *arena) budget(b ErrorBudget) *ErrorBudget {
	if len(ar.budgets) == cap(ar.budgets) {
		ar.budgets = make([]ErrorBudget, 0, max(2*cap(ar.budgets), 16))
	}
	ar.budgets = append(ar.budgets, b)
	return &ar.budgets[len(ar.budgets)-1]
}

// carve cuts an empty slice with room for n elements from the spare
// capacity of *pool (a new pool of at least least elements when it has
// too little), capped so that appends to it stay inside its room.
func carve[T any](pool *[]T, n, least int) []T {
	if cap(*pool)-len(*pool) < n {
		*pool = make([]T, 0, max(2*cap(*pool), n, least))
	}
	k := len(*pool)
	*pool = (*pool)[:k+n]
	return (*pool)[k : k : k+n]
}
