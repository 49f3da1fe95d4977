package sla

import (
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// WorkbookBurnWindows returns the multiwindow, multi-burn-rate alerts the
// Google SRE workbook recommends ("Alerting on SLOs", Table 5-8: page
// when 2 % of the budget burns in 1 hour or 5 % in 6 hours, ticket when
// 10 % burns in 3 days; each short window 1/12 of its long one) for an
// SLO window of slo: the windows and the shares of the budget stay, and
// each burn rate is share × slo / long window, as the workbook derives
// 14.4 = 2 % × 30 days / 1 hour. For 30 days it gives the table's 14.4, 6
// and 1; for 28 days 13.44, 5.6 and 0.933333; for 7 days 3.36, 1.4 and
// 0.233333 (factors rounded to ActualPlaces for display; RollingBudget
// compares with the exact ones).
func WorkbookBurnWindows(slo time.Duration) []BurnWindow {
	row := func(sev string, long, short time.Duration, consumed int64) BurnWindow {
		b := BurnWindow{Severity: sev, Long: Duration(long), Short: Duration(short),
			BudgetConsumed: outsourcing.NewPercent(outsourcing.DecimalFromInt(consumed))}
		b.Factor = ratDecimal(b.workbookFactor(Duration(slo)), ActualPlaces)
		return b
	}
	return []BurnWindow{
		row("page", time.Hour, 5*time.Minute, 2),
		row("page", 6*time.Hour, 30*time.Minute, 5),
		row("ticket", 72*time.Hour, 6*time.Hour, 10),
	}
}

// workbookFactor is the burn rate at which the long window burns
// BudgetConsumed of the budget of an SLO window slo: consumed × slo / long.
func (b BurnWindow) workbookFactor(slo Duration) *big.Rat {
	f := toRat(b.BudgetConsumed.Points().Shopspring())
	return f.Mul(f, big.NewRat(int64(slo), 100*int64(b.Long)))
}

// BudgetWindow is the rolling window an error budget is kept over (the
// SLO window, commonly 7, 28 or 30 days) and how it counts.
type BudgetWindow struct {
	// Length of the window ending at the instant asked for; at least the
	// 3 days of the workbook's longest alert window, whole minutes.
	Length Duration `json:"length"`
	// Method says what the budget counts.
	Method BudgetMethod `json:"method"`
	// Slice is the length of a time slice (time_slices only): it divides
	// Length and every alert window (5m or 1m do).
	Slice Duration `json:"slice,omitempty"`
}

// RollingBudget is a level's error budget over a rolling window: the bad
// events or slices the objective allows, (100 − objective) % of all of
// them, against the bad ones counted, and the workbook's burn-rate alerts
// for the window.
type RollingBudget struct {
	// Level is the level's id; Objective its expected level in percent.
	Level     string              `json:"level"`
	Objective outsourcing.Decimal `json:"objective"`
	// Window is the window and method asked for; From and To its bounds.
	Window BudgetWindow `json:"window"`
	From   time.Time    `json:"from"`
	To     time.Time    `json:"to"`
	// Total counts the events (requests) or slices of the window; Bad
	// those that failed.
	Total int64 `json:"total"`
	Bad   int64 `json:"bad"`
	// Allowed is the budget, (100 − objective) / 100 × Total, exact.
	Allowed outsourcing.Decimal `json:"allowed"`
	// Remaining is Allowed − Bad; negative once the budget is spent.
	Remaining outsourcing.Decimal `json:"remaining"`
	// RemainingPercent is Remaining / Allowed × 100, rounded to
	// ActualPlaces; absent when nothing is allowed.
	RemainingPercent *outsourcing.Decimal `json:"remaining_percent,omitempty"`
	// Attainment is (Total − Bad) / Total × 100, rounded to ActualPlaces;
	// absent when nothing was counted.
	Attainment *outsourcing.Decimal `json:"attainment,omitempty"`
	// Burn are the WorkbookBurnWindows for Length, evaluated at To.
	Burn []BurnRate `json:"burn"`
}

// RollingBudget keeps the error budget of the availability level id over
// the window w ending at asOf, from in: with occurrences, the requests
// and errors of the level's service whose samples start in the window;
// with time slices, the slices (aligned to end at asOf) that hold any
// of the level's downtime, after its exclusions, maintenance and minimum
// outage length. Burn rates are the bad share of each alert window over
// the budget share, 1 − objective; an alert fires when both of its
// windows reach the exact factor.
//
// Errors: an unknown level (ErrNotFound); a level that is not
// availability or expects 100 % (ErrInvalidInput, path ""); a window
// that is not positive whole minutes or is shorter than the alert
// windows it reads ("/length"), an unknown method ("/method"), a slice
// missing, given to occurrences or not dividing the windows ("/slice");
// invalid input.
func (a *Agreement) RollingBudget(in Input, id string, asOf time.Time, w BudgetWindow) (RollingBudget, error) {
	if err := a.compiled(); err != nil {
		return RollingBudget{}, wrap(err)
	}
	l, budget, err := a.budgetLevel(id)
	if err != nil {
		return RollingBudget{}, wrap(err)
	}
	burns := WorkbookBurnWindows(time.Duration(w.Length))
	if err := checkBudgetWindow(w, burns); err != nil {
		return RollingBudget{}, wrap(err)
	}
	outages, err := checkEvents(in)
	if err != nil {
		return RollingBudget{}, wrap(err)
	}
	end := asOf.UnixNano()
	// count returns the total and bad events or slices of [end−length, end).
	var count func(length int64) (total, bad int64)
	if w.Method == BudgetMethodOccurrences {
		count = func(length int64) (total, bad int64) {
			for _, r := range in.Requests {
				if s := r.Start.UnixNano(); serves(l, r.Service) && s >= end-length && s < end {
					total, bad = total+r.Requests, bad+r.Errors
				}
			}
			return total, bad
		}
	} else {
		var p prepared
		if err := a.prepareLevel(l, in, outages, false, true, l.cal, &p, nil); err != nil {
			return RollingBudget{}, wrap(fmt.Errorf("level %q: %w", id, err))
		}
		count = func(length int64) (int64, int64) {
			return length / int64(w.Slice), badSlices(p.outages, end-length, end, int64(w.Slice))
		}
	}
	total, bad := count(int64(w.Length))
	rb := RollingBudget{Level: l.ID, Objective: l.Expected, Window: w, From: asOf.Add(-time.Duration(w.Length)), To: asOf,
		Total: total, Bad: bad}
	allowed := budget.Mul(decimal.NewFromInt(total))
	rb.Allowed = outsourcing.DecimalOf(allowed).Trim()
	rb.Remaining = outsourcing.DecimalOf(allowed.Sub(decimal.NewFromInt(bad))).Trim()
	if allowed.IsPositive() {
		left := toRat(rb.Remaining.Shopspring())
		v := ratDecimal(left.Quo(left.Mul(left, ratHundred), toRat(allowed)), ActualPlaces)
		rb.RemainingPercent = &v
	}
	if total > 0 {
		v := ratDecimal(big.NewRat(100*(total-bad), total), ActualPlaces)
		rb.Attainment = &v
	}
	share := toRat(budget)
	rate := func(d Duration) *big.Rat {
		t, b := count(int64(d))
		if t == 0 {
			return new(big.Rat)
		}
		r := big.NewRat(b, t)
		return r.Quo(r, share)
	}
	for _, bw := range burns {
		long, short := rate(bw.Long), rate(bw.Short)
		f := bw.workbookFactor(w.Length)
		rb.Burn = append(rb.Burn, BurnRate{BurnWindow: bw, LongRate: ratDecimal(long, ActualPlaces),
			ShortRate: ratDecimal(short, ActualPlaces), Firing: long.Cmp(f) >= 0 && short.Cmp(f) >= 0})
	}
	return rb, nil
}

// budgetLevel finds the availability level id and its budget share,
// (100 − expected) / 100.
func (a *Agreement) budgetLevel(id string) (*level, decimal.Decimal, error) {
	l, err := a.levelByID(id)
	if err != nil {
		return nil, decimal.Zero, err
	}
	budget := hundred.Sub(l.Expected.Shopspring()).Shift(-2)
	if l.Metric != MetricKindAvailability || !budget.IsPositive() {
		return nil, decimal.Zero, outsourcing.FieldErrorf("", "level %q has no error budget", id)
	}
	return l, budget, nil
}

// checkBudgetWindow checks w against the alert windows it reads.
func checkBudgetWindow(w BudgetWindow, burns []BurnWindow) error {
	longest := burns[len(burns)-1].Long
	switch {
	case w.Length <= 0 || w.Length%Duration(time.Minute) != 0:
		return outsourcing.FieldErrorf("/length", "the window %s is not a positive whole number of minutes", time.Duration(w.Length))
	case w.Length < longest:
		return outsourcing.FieldErrorf("/length", "the window %s is shorter than the %s alert window it reads",
			time.Duration(w.Length), time.Duration(longest))
	case !slices.Contains(budgetMethods, w.Method):
		return outsourcing.FieldErrorf("/method", "unknown budget method %q", w.Method)
	case w.Method == BudgetMethodOccurrences && w.Slice != 0:
		return outsourcing.FieldErrorf("/slice", "occurrences are not counted in slices")
	case w.Method == BudgetMethodTimeSlices && w.Slice <= 0:
		return outsourcing.FieldErrorf("/slice", "time slices need a positive slice length")
	}
	if w.Method == BudgetMethodTimeSlices {
		for _, d := range append([]Duration{w.Length}, burnLengths(burns)...) {
			if d%w.Slice != 0 {
				return outsourcing.FieldErrorf("/slice", "the slice %s does not divide the %s window", time.Duration(w.Slice), time.Duration(d))
			}
		}
	}
	return nil
}

// burnLengths lists the long and short windows of burns.
func burnLengths(burns []BurnWindow) []Duration {
	out := make([]Duration, 0, 2*len(burns))
	for _, b := range burns {
		out = append(out, b.Long, b.Short)
	}
	return out
}

// badSlices counts the slices [from + k·step, from + (k+1)·step) of
// [from, end) that sorted, merged spans meet.
func badSlices(spans []span, from, end, step int64) int64 {
	var n int64
	last := int64(-1) // the last slice counted
	for _, x := range within(spans, from, end) {
		lo := (max(x.s, from) - from) / step
		hi := (min(x.e, end) - from + step - 1) / step // one past the last slice met
		lo = max(lo, last+1)
		if hi > lo {
			n += hi - lo
			last = hi - 1
		}
	}
	return n
}
