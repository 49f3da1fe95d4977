package scoring

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// PriceFormula is how a tender's price score is computed (Handbook §2.2
// item 5: price is one weighted dimension, never the only one; EU
// Directive 2014/24 Art. 67). S is the maximum score, P the bid,
// Pmin/Pmax the lowest/highest valid bid.
type PriceFormula string

// Price formulas.
const (
	// PriceFormulaProportional: S·Pmin/P.
	PriceFormulaProportional PriceFormula = "proportional"
	// PriceFormulaLinearDeduction: S·(1 − k·(P − Pmin)/Pmin), floored at 0;
	// k = Deduction (default 1: a bid twice the lowest scores 0).
	PriceFormulaLinearDeduction PriceFormula = "linear_deduction"
	// PriceFormulaInterpolation: S·(Pmax − P)/(Pmax − Pmin); every bid
	// scores S when all are equal.
	PriceFormulaInterpolation PriceFormula = "interpolation"
	// PriceFormulaBounds: S at or below Lower, 0 at or above Upper,
	// S·(Upper − P)/(Upper − Lower) between. Bounds are fixed before the
	// opening, so a new bid never changes another bid's score (no rank reversal).
	PriceFormulaBounds PriceFormula = "bounds"
	// PriceFormulaPower: S·((B − P)/(B − Pmin))^α with B = Upper the base
	// price, α = Exponent in (0, 1] (default 0.5); concave in the discount,
	// so deeper discounts earn less and less (the "non-linear" formula of
	// Italian ANAC guidelines). Bids at or above B score 0.
	PriceFormulaPower PriceFormula = "power"
)

var priceFormulas = []PriceFormula{PriceFormulaProportional, PriceFormulaLinearDeduction, PriceFormulaInterpolation, PriceFormulaBounds, PriceFormulaPower}

// String returns the formula name.
func (f PriceFormula) String() string { return string(f) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown formulas.
func (f PriceFormula) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(f, "price formula", priceFormulas)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown formulas.
func (f *PriceFormula) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(f, b, "price formula", priceFormulas)
}

// Bid is one tenderer's price.
type Bid struct {
	// ID names the tenderer; unique, non-empty.
	ID string `json:"id"`
	// Price is the total price offered; positive.
	Price outsourcing.Money `json:"price"`
}

// AbnormallyLowRule flags bids so far below the others that they must be
// explained before award (EU Directive 2014/24 Art. 69).
type AbnormallyLowRule struct {
	// Below is how far under the mean of the other bids a bid must be to
	// be flagged: flagged when P ≤ mean·(1 − Below). In (0, 100) percent.
	Below outsourcing.Percent `json:"below"`
	// MinBids is the number of bids below which no bid is flagged (the
	// mean of too few bids says little); values under 2 mean 2.
	MinBids int `json:"min_bids,omitempty"`
}

// PriceRule configures price scoring.
type PriceRule struct {
	// Formula is required.
	Formula PriceFormula `json:"formula"`
	// MaxScore is the score of the best price, positive (for example 30 points).
	MaxScore outsourcing.Decimal `json:"max_score"`
	// Deduction is k for linear_deduction; zero means 1.
	Deduction outsourcing.Decimal `json:"deduction,omitzero"`
	// Lower and Upper are the bounds (bounds formula) and Upper the base
	// price (power formula), in the bids' currency.
	Lower outsourcing.Money `json:"lower,omitzero"`
	Upper outsourcing.Money `json:"upper,omitzero"`
	// Exponent is α for the power formula, in (0, 1]; zero means 0.5.
	Exponent outsourcing.Decimal `json:"exponent,omitzero"`
	// AbnormallyLow, when set, flags abnormally low bids.
	AbnormallyLow *AbnormallyLowRule `json:"abnormally_low,omitempty"`
}

// PriceScore is one bid's score.
type PriceScore struct {
	// ID is the bid's id.
	ID string `json:"id"`
	// Price is the bid's price.
	Price outsourcing.Money `json:"price"`
	// Score is in [0, MaxScore], rounded half away from zero to
	// PriceScorePlaces decimal places, without trailing zeros.
	Score outsourcing.Decimal `json:"score"`
	// AbnormallyLow is set when the bid must be explained before award;
	// its score is provisional, and if the bid is rejected the others
	// must be rescored without it (relative formulas depend on Pmin).
	AbnormallyLow bool `json:"abnormally_low,omitempty"`
	// Reason explains the flag: the bid, the mean of the others and the threshold.
	Reason string `json:"reason,omitempty"`
}

// PriceScorePlaces is the number of decimal places of a price score.
const PriceScorePlaces = 10

// ScorePrices scores every bid with rule. Bids must share one currency
// (ErrCurrencyMismatch otherwise) and be positive with unique ids; the
// rule's parameters are validated (ErrInvalidInput). Arithmetic is
// decimal; each score is rounded half away from zero to
// PriceScorePlaces places. Abnormally low bids are flagged, not dropped.
func ScorePrices(bids []Bid, rule PriceRule) (_ []PriceScore, err error) {
	defer wrapErr(&err)
	if err := validateBids(bids, rule); err != nil {
		return nil, err
	}
	lo, hi := bids[0].Price.Amount(), bids[0].Price.Amount()
	for _, b := range bids[1:] {
		lo, hi = outsourcing.DecimalOf(decimal.Min(lo.Shopspring(), b.Price.Amount().Shopspring())), outsourcing.DecimalOf(decimal.Max(hi.Shopspring(), b.Price.Amount().Shopspring()))
	}
	out := make([]PriceScore, len(bids))
	for i, b := range bids {
		f, err := rule.fraction(b.Price.Amount().Shopspring(), lo.Shopspring(), hi.Shopspring())
		if err != nil {
			return nil, err
		}
		f = decimal.Max(decimal.Zero, decimal.Min(decimal.NewFromInt(1), f))
		out[i] = PriceScore{ID: b.ID, Price: b.Price, Score: rule.MaxScore.Mul(outsourcing.DecimalOf(f)).Round(PriceScorePlaces, outsourcing.RoundHalfUp).Trim()}
	}
	if a := rule.AbnormallyLow; a != nil && len(bids) >= max(a.MinBids, 2) {
		flagAbnormallyLow(bids, *a, out)
	}
	return out, nil
}

// internal precision of divisions before the final rounding.
const pricePrecision = 24

// fraction returns the share of MaxScore a price earns, before clamping.
func (r PriceRule) fraction(p, lo, hi decimal.Decimal) (decimal.Decimal, error) {
	one := decimal.NewFromInt(1)
	switch r.Formula {
	case PriceFormulaProportional:
		return lo.DivRound(p, pricePrecision), nil
	case PriceFormulaLinearDeduction:
		k := r.Deduction.Shopspring()
		if k.IsZero() {
			k = one
		}
		return one.Sub(k.Mul(p.Sub(lo)).DivRound(lo, pricePrecision)), nil
	case PriceFormulaInterpolation:
		if hi.Equal(lo) {
			return one, nil
		}
		return hi.Sub(p).DivRound(hi.Sub(lo), pricePrecision), nil
	case PriceFormulaBounds:
		l, u := r.Lower.Amount().Shopspring(), r.Upper.Amount().Shopspring()
		return u.Sub(p).DivRound(u.Sub(l), pricePrecision), nil
	default: // power
		base := r.Upper.Amount().Shopspring()
		if p.GreaterThanOrEqual(base) {
			return decimal.Zero, nil
		}
		alpha := r.Exponent.Shopspring()
		if alpha.IsZero() {
			alpha = decimal.NewFromFloat(0.5)
		}
		ratio := base.Sub(p).DivRound(base.Sub(lo), pricePrecision)
		v, err := ratio.PowWithPrecision(alpha, pricePrecision)
		if err != nil {
			return decimal.Zero, outsourcing.FieldErrorf("/exponent", "power price formula: %v", err)
		}
		return v, nil
	}
}

func validateBids(bids []Bid, rule PriceRule) error {
	if err := enumError("/formula", "price formula", rule.Formula, priceFormulas); err != nil {
		return err
	}
	if len(bids) == 0 {
		return outsourcing.FieldErrorf("/bids", "no bids")
	}
	var errs []error
	if !rule.MaxScore.IsPositive() {
		errs = append(errs, outsourcing.FieldErrorf("/max_score", "max score %s must be positive", rule.MaxScore))
	}
	cur := bids[0].Price.Currency()
	seen := map[string]bool{}
	for i, b := range bids {
		id, price := jsonptr.Join("bids", i, "id"), jsonptr.Join("bids", i, "price")
		switch {
		case b.ID == "":
			errs = append(errs, outsourcing.FieldErrorf(id, "empty bid id"))
		case seen[b.ID]:
			errs = append(errs, outsourcing.FieldErrorf(id, "duplicate bid id %q", b.ID))
		}
		seen[b.ID] = true
		if b.Price.Currency() != cur {
			errs = append(errs, &outsourcing.FieldError{Path: price, Reason: fmt.Sprintf("bid %q in %s, first bid in %s", b.ID, b.Price.Currency(), cur), Err: outsourcing.ErrCurrencyMismatch})
		} else if !b.Price.IsPositive() {
			errs = append(errs, outsourcing.FieldErrorf(price, "bid %q price %s must be positive", b.ID, b.Price))
		}
	}
	errs = append(errs, rule.validateParams(cur)...)
	return errors.Join(errs...)
}

func (r PriceRule) validateParams(cur outsourcing.Currency) []error {
	var errs []error
	sameCur := func(field string, m outsourcing.Money) {
		if m.Currency() != cur {
			errs = append(errs, &outsourcing.FieldError{Path: jsonptr.Join(field), Reason: fmt.Sprintf("%s in %s, bids in %s", field, m.Currency(), cur), Err: outsourcing.ErrCurrencyMismatch})
		}
	}
	switch r.Formula {
	case PriceFormulaLinearDeduction:
		if r.Deduction.IsNegative() {
			errs = append(errs, outsourcing.FieldErrorf("/deduction", "deduction %s must not be negative", r.Deduction))
		}
	case PriceFormulaBounds:
		sameCur("lower", r.Lower)
		sameCur("upper", r.Upper)
		if len(errs) == 0 && !r.Upper.Amount().GreaterThan(r.Lower.Amount()) {
			errs = append(errs, outsourcing.FieldErrorf("/upper", "upper bound %s must exceed lower bound %s", r.Upper, r.Lower))
		}
	case PriceFormulaPower:
		sameCur("upper", r.Upper)
		if len(errs) == 0 && !r.Upper.IsPositive() {
			errs = append(errs, outsourcing.FieldErrorf("/upper", "base price %s must be positive", r.Upper))
		}
		if r.Exponent.IsNegative() || r.Exponent.GreaterThan(outsourcing.DecimalOf(decimal.NewFromInt(1))) {
			errs = append(errs, outsourcing.FieldErrorf("/exponent", "exponent %s must lie in (0, 1]", r.Exponent))
		}
	}
	if a := r.AbnormallyLow; a != nil {
		if !a.Below.Points().Shopspring().IsPositive() || a.Below.Points().Shopspring().GreaterThanOrEqual(decimal.NewFromInt(100)) {
			errs = append(errs, outsourcing.FieldErrorf("/abnormally_low/below", "threshold %s must lie in (0, 100) percent", a.Below))
		}
		if a.MinBids < 0 {
			errs = append(errs, outsourcing.FieldErrorf("/abnormally_low/min_bids", "minimum bid count %d must not be negative", a.MinBids))
		}
	}
	return errs
}

// flagAbnormallyLow marks bids at or below (1 − Below) × the mean of the
// other bids. The test is exact, P·(n − 1) ≤ (Σ others)·(1 − Below),
// so a bid exactly at the limit is flagged even when the mean is a
// repeating decimal (100/3 × 0.75 = 25); the mean and limit are divided
// only for the reason.
func flagAbnormallyLow(bids []Bid, a AbnormallyLowRule, out []PriceScore) {
	total := decimal.Zero
	for _, b := range bids {
		total = total.Add(b.Price.Amount().Shopspring())
	}
	others := decimal.NewFromInt(int64(len(bids) - 1))
	keep := decimal.NewFromInt(1).Sub(a.Below.Fraction().Shopspring())
	places := int32(bids[0].Price.Currency().MinorUnits()) // the bids share one currency
	for i, b := range bids {
		p, rest := b.Price.Amount().Shopspring(), total.Sub(b.Price.Amount().Shopspring())
		if p.Mul(others).LessThanOrEqual(rest.Mul(keep)) {
			mean := rest.DivRound(others, pricePrecision)
			limit := mean.Mul(keep)
			out[i].AbnormallyLow = true
			out[i].Reason = fmt.Sprintf("bid %s is at or below %s, %s%% under the mean %s of the other %d bids",
				b.Price, outsourcing.DecimalOf(limit.Round(places)).Trim(), outsourcing.DecimalOf(a.Below.Points().Shopspring()).Trim(), outsourcing.DecimalOf(mean.Round(places)).Trim(), len(bids)-1)
		}
	}
}
