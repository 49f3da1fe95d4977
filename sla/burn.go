package sla

import (
	"fmt"
	"math/big"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// BurnWindow is one multiwindow burn-rate alert condition: it fires when
// the burn rate over both the long and the short window reaches Factor.
type BurnWindow struct {
	// Severity is "page" or "ticket".
	Severity string `json:"severity"`
	// Long and Short are the two windows ending at asOf.
	Long  Duration `json:"long"`
	Short Duration `json:"short"`
	// Factor is the burn-rate threshold.
	Factor outsourcing.Decimal `json:"factor"`
	// BudgetConsumed is the share of the SLO window's error budget the
	// long window burns at Factor (WorkbookBurnWindows); zero otherwise.
	BudgetConsumed outsourcing.Percent `json:"budget_consumed,omitzero"`
}

// SREWorkbookWindows are the multiwindow, multi-burn-rate alerts of the
// Google SRE workbook ("Alerting on SLOs", as used by sloth) for a 30-day
// SLO window: page at 14.4× over 1h/5m and 6× over 6h/30m; ticket at 3×
// over 1d/2h and 1× over 3d/6h.
func SREWorkbookWindows() []BurnWindow {
	w := func(sev string, long, short time.Duration, f string) BurnWindow {
		return BurnWindow{Severity: sev, Long: Duration(long), Short: Duration(short), Factor: outsourcing.MustDecimal(f)}
	}
	return []BurnWindow{
		w("page", time.Hour, 5*time.Minute, "14.4"),
		w("page", 6*time.Hour, 30*time.Minute, "6"),
		w("ticket", 24*time.Hour, 2*time.Hour, "3"),
		w("ticket", 72*time.Hour, 6*time.Hour, "1"),
	}
}

// BurnRate is the outcome of one BurnWindow at asOf.
type BurnRate struct {
	BurnWindow
	// LongRate and ShortRate are the burn rates: the share of the window
	// that was downtime divided by the error budget share (1 − expected),
	// rounded to ActualPlaces.
	LongRate  outsourcing.Decimal `json:"long_rate"`
	ShortRate outsourcing.Decimal `json:"short_rate"`
	// Firing is LongRate ≥ Factor and ShortRate ≥ Factor (exact).
	Firing bool `json:"firing"`
}

// BurnRates evaluates windows (SREWorkbookWindows when nil) for the
// availability level id at asOf, from in's outages after the level's
// exclusions, maintenance and minimum length. Errors: an unknown level
// (ErrNotFound), a level that is not outage-based availability or has a
// 100% target (ErrInvalidInput), or invalid input.
func (a *Agreement) BurnRates(in Input, id string, asOf time.Time, windows []BurnWindow) ([]BurnRate, error) {
	if err := a.compiled(); err != nil {
		return nil, wrap(err)
	}
	l, err := a.levelByID(id)
	if err != nil {
		return nil, wrap(err)
	}
	budget := new(big.Rat).Sub(ratHundred, l.expected.rat())
	budget.Quo(budget, ratHundred)
	if l.Metric != MetricKindAvailability || l.ErrorRate != nil || budget.Sign() <= 0 {
		return nil, wrap(outsourcing.FieldErrorf("", "level %q has no outage error budget", id))
	}
	if windows == nil {
		windows = SREWorkbookWindows()
	}
	outages, err := checkEvents(in)
	if err != nil {
		return nil, wrap(err)
	}
	var p prepared
	if err := a.prepareLevel(l, in, outages, false, true, l.cal, &p, nil); err != nil {
		return nil, wrap(fmt.Errorf("level %q: %w", id, err))
	}
	end := asOf.UnixNano()
	rate := func(w Duration) *big.Rat {
		down, _ := clipTotal(p.outages, end-int64(w), end)
		r := big.NewRat(down, int64(w))
		return r.Quo(r, budget)
	}
	out := make([]BurnRate, len(windows))
	for i, w := range windows {
		if w.Long <= 0 || w.Short <= 0 {
			return nil, wrap(outsourcing.FieldErrorf(jsonptr.Join(i), "window %d: the long and short windows must be positive", i))
		}
		long, short, f := rate(w.Long), rate(w.Short), toRat(w.Factor.Shopspring())
		out[i] = BurnRate{BurnWindow: w, LongRate: ratDecimal(long, ActualPlaces), ShortRate: ratDecimal(short, ActualPlaces),
			Firing: long.Cmp(f) >= 0 && short.Cmp(f) >= 0}
	}
	return out, nil
}

// levelByID returns the level id, or an error matching ErrNotFound.
func (a *Agreement) levelByID(id string) (*level, error) {
	for _, l := range a.levels {
		if l.ID == id {
			return l, nil
		}
	}
	return nil, &outsourcing.FieldError{Reason: fmt.Sprintf("no level %q", id), Err: outsourcing.ErrNotFound}
}

// checkEvents checks in's events for the entry points that read no fees
// (burn rates, rolling budgets, task SLAs) and returns its outages as spans.
func checkEvents(in Input) ([]span, error) {
	in.Fees, in.ServiceFees = outsourcing.ZeroMoney("XXX"), nil
	outages, _, ok := outageSpans(nil, in.Outages)
	if err := checkInput(in, !ok); err != nil {
		return nil, err
	}
	return outages, nil
}
