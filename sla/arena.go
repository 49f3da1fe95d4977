package sla

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
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
	labels   []string         // the periods signals counted
	evidence []evidence       // per signal of a report, see countBreach
	reads    int              // how many periods the signals read at most
	credits  [][]cachedCredit // per level, per tier
	last     rounded          // the last total shareCredits rounded, when held
	shared   sharing          // the last credits shareUnits shared
	ints     []int64          // weights and parts, see weights and parts
	rems     []uint64         // remainders, see parts
	order    []int
}

// cachedCredit is a credit amount and its reason, see
// Agreement.cachedCredit.
type cachedCredit struct {
	done   bool
	amount decimal.Decimal
	why    string
	times  *decimal.Decimal // amount × the repeat multiplier, once computed
}

// repeated returns the amount times the repeat multiplier m, computed once.
func (c *cachedCredit) repeated(m outsourcing.Decimal) decimal.Decimal {
	if c.times == nil {
		v := c.amount.Mul(m.Shopspring())
		c.times = &v
	}
	return *c.times
}

// rounded remembers the last total rounded by shareCredits: most periods
// with a credit owe the same one. The total is n·10^exp when fixed, total
// otherwise.
type rounded struct {
	held, fixed       bool
	n                 int64
	exp               int32
	total             decimal.Decimal
	uncapped, credits outsourcing.Money
}

// same reports whether r and o hold the same total.
func (r *rounded) same(o rounded) bool {
	if r.fixed && o.fixed {
		return r.n == o.n && r.exp == o.exp
	}
	return r.sum().Equal(o.sum())
}

// positive reports whether the total is above zero.
func (r *rounded) positive() bool {
	if r.fixed {
		return r.n > 0
	}
	return r.total.IsPositive()
}

// sum is the total as a decimal.
func (r *rounded) sum() decimal.Decimal {
	if r.fixed {
		return decimal.New(r.n, r.exp)
	}
	return r.total
}

// weights returns scratch room for n fixed-point weights.
func (ar *arena) weights(n int) []int64 {
	if cap(ar.ints) < 2*n {
		ar.ints = make([]int64, 2*n)
	}
	return ar.ints[:n]
}

// parts returns scratch room for n allocated parts, their remainders and
// their order.
func (ar *arena) parts(n int) ([]int64, []uint64, []int) {
	if cap(ar.rems) < n {
		ar.rems, ar.order = make([]uint64, n), make([]int, n)
	}
	return ar.ints[n : 2*n], ar.rems[:n], ar.order[:n]
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
