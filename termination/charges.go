package termination

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/finance"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// ChargeMethod is how an early-termination charge is set.
type ChargeMethod string

// Early-termination charge methods.
const (
	// ChargeDecliningSchedule: a fixed amount per contract year, the same
	// or less each year.
	ChargeDecliningSchedule ChargeMethod = "declining_schedule"
	// ChargePercentOfRemaining: a percentage of the committed charges
	// remaining after the effective date.
	ChargePercentOfRemaining ChargeMethod = "percent_of_remaining"
	// ChargeUnrecoveredInvestment: the provider's investment not yet
	// recovered, from its amortisation schedule.
	ChargeUnrecoveredInvestment ChargeMethod = "unrecovered_investment"
)

var chargeMethods = enum[ChargeMethod]{"charge method", []ChargeMethod{ChargeDecliningSchedule, ChargePercentOfRemaining, ChargeUnrecoveredInvestment}}

// String returns the method's name.
func (m ChargeMethod) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler.
func (m ChargeMethod) MarshalText() ([]byte, error) { return chargeMethods.marshal(m) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown methods.
func (m *ChargeMethod) UnmarshalText(b []byte) error { return chargeMethods.unmarshal(m, b) }

// EarlyTermination is the charge the customer pays when it ends the
// contract before its term on the grounds listed.
type EarlyTermination struct {
	// Clause is the id of the clause.
	Clause string `json:"clause"`
	// Grounds are the grounds the charge applies to; none means
	// convenience only.
	Grounds []Ground `json:"grounds,omitempty"`
	// Method says how the charge is set.
	Method ChargeMethod `json:"method"`
	// Schedule is the declining schedule: one amount per contract year,
	// years 1, 2, 3… without gaps, never rising. After its last year the
	// charge is nil.
	Schedule []ChargeYear `json:"schedule,omitempty"`
	// Percent is the share of the remaining committed charges.
	Percent outsourcing.Percent `json:"percent,omitzero"`
	// Investment is the investment recovered over the term.
	Investment *Investment `json:"investment,omitempty"`
}

// ChargeYear is the early-termination charge for termination taking
// effect in a contract year (year 1 starts on the term's first day).
type ChargeYear struct {
	Year   int               `json:"year"`
	Amount outsourcing.Money `json:"amount"`
}

// Investment is an up-front investment of the provider recovered through
// the charges as an annuity: Amount at AnnualRate (divided by 12 per
// month) over Months monthly payments, the first one month after Start.
type Investment struct {
	Amount     outsourcing.Money   `json:"amount"`
	AnnualRate outsourcing.Percent `json:"annual_rate"`
	Months     int                 `json:"months"`
	Start      contract.Date       `json:"start"`
}

// Amortisation is an investment's amortisation schedule.
type Amortisation struct {
	// Payment is the monthly payment, -PMT(rate/12, months, amount)
	// rounded half up to the currency's minor unit.
	Payment outsourcing.Money `json:"payment"`
	// Rows are the months in order.
	Rows []AmortisationRow `json:"rows"`
}

// AmortisationRow is one month of an amortisation schedule. Balance is
// the present value of the payments still to come, PV(rate/12,
// months − k, −payment) rounded to the minor unit, so the balances agree
// with the spreadsheet functions; Principal is the fall of the balance
// and Interest the rest of the payment. The principals sum exactly to
// the investment.
type AmortisationRow struct {
	Month     int               `json:"month"`
	Date      contract.Date     `json:"date"`
	Payment   outsourcing.Money `json:"payment"`
	Interest  outsourcing.Money `json:"interest"`
	Principal outsourcing.Money `json:"principal"`
	Balance   outsourcing.Money `json:"balance"`
}

// MaxAmortisationMonths bounds an amortisation schedule (100 years).
const MaxAmortisationMonths = 1200

// MaxAnnualRate bounds the annual rate of an amortised investment, in
// percentage points. The balances raise 1 + rate/12 to the power of up
// to MaxAmortisationMonths exactly before rounding, so an absurd rate
// (10¹² %) would carry tens of thousands of digits through every row.
const MaxAnnualRate = 100

// Amortise builds the amortisation schedule of inv with finance.PMT and
// finance.PV. Errors (*outsourcing.FieldError): no amount or a negative
// one (/amount), a rate outside 0 to MaxAnnualRate % (/annual_rate),
// months outside 1 to MaxAmortisationMonths (/months), no start (/start).
func Amortise(inv Investment) (Amortisation, error) {
	a, err := amortise(inv)
	return a, wrap(err)
}

func amortise(inv Investment) (Amortisation, error) {
	var errs problems
	if !inv.Amount.IsSet() || inv.Amount.IsNegative() {
		errs.failf("/amount", "the investment needs a positive amount")
	}
	if r := inv.AnnualRate.Points(); r.IsNegative() || r.GreaterThan(outsourcing.DecimalFromInt(MaxAnnualRate)) {
		errs.failf("/annual_rate", "the rate %s%% is outside 0 to %d%%", r, MaxAnnualRate)
	}
	if inv.Months < 1 || inv.Months > MaxAmortisationMonths {
		errs.failf("/months", "%d months is outside 1 to %d", inv.Months, MaxAmortisationMonths)
	}
	if inv.Start.IsZero() {
		errs.failf("/start", "the investment needs the day recovery starts")
	}
	if err := errs.err(); err != nil {
		return Amortisation{}, err
	}
	cur := inv.Amount.Currency()
	rate, _ := inv.AnnualRate.Fraction().Quo(outsourcing.DecimalFromInt(12), finance.ResultPlaces, outsourcing.RoundHalfUp)
	pmt, err := finance.PMT(rate, outsourcing.DecimalFromInt(int64(inv.Months)), inv.Amount.Amount(), outsourcing.Decimal{}, finance.PaymentTimingEnd)
	if err != nil {
		return Amortisation{}, err
	}
	payment := money(pmt.Neg(), cur).Round(outsourcing.RoundHalfUp)
	out := Amortisation{Payment: payment, Rows: make([]AmortisationRow, 0, inv.Months)}
	prev := inv.Amount
	for k := 1; k <= inv.Months; k++ {
		balance := outsourcing.ZeroMoney(cur)
		if k < inv.Months {
			pv, err := finance.PV(rate, outsourcing.DecimalFromInt(int64(inv.Months-k)), pmt, outsourcing.Decimal{}, finance.PaymentTimingEnd)
			if err != nil {
				return Amortisation{}, err
			}
			balance = money(pv, cur).Round(outsourcing.RoundHalfUp)
		}
		principal, _ := prev.Sub(balance) // one currency
		interest, _ := payment.Sub(principal)
		out.Rows = append(out.Rows, AmortisationRow{Month: k, Date: inv.Start.AddMonths(k), Payment: payment,
			Interest: interest, Principal: principal, Balance: balance})
		prev = balance
	}
	return out, nil
}

// BalanceAt returns the balance after the payments dated on or before d:
// the investment itself before the first payment.
func (a Amortisation) BalanceAt(d contract.Date) outsourcing.Money {
	if len(a.Rows) == 0 {
		return outsourcing.Money{}
	}
	first := a.Rows[0]
	balance, _ := first.Balance.Add(first.Principal) // the investment
	for _, r := range a.Rows {
		if r.Date.After(d) {
			break
		}
		balance = r.Balance
	}
	return balance
}

// money builds an amount in c from a decimal computed in c.
func money(d outsourcing.Decimal, c outsourcing.Currency) outsourcing.Money {
	m, _ := outsourcing.NewMoney(d, c) // c is a checked currency
	return m
}

// appliesTo reports whether the charge applies on ground g.
func (e *EarlyTermination) appliesTo(g Ground) bool {
	if len(e.Grounds) == 0 {
		return g == GroundConvenience
	}
	for _, x := range e.Grounds {
		if x == g {
			return true
		}
	}
	return false
}

// contractYear returns the contract year d falls in: 1 from the term's
// first day, counted in whole years from it.
func contractYear(start, d contract.Date) int {
	y := 1
	for !start.AddYears(y).After(d) {
		y++
	}
	return y
}

// earlyTermination checks the charge terms.
func (k *termsChecker) earlyTermination(e *EarlyTermination) {
	k.clause("/early_termination/clause", e.Clause)
	for i, g := range e.Grounds {
		if !grounds.valid(g) {
			k.errs.failf(jsonptr.Join("early_termination", "grounds", i), "unknown ground %q", string(g))
		}
	}
	switch e.Method {
	case ChargeDecliningSchedule:
		if len(e.Schedule) == 0 {
			k.errs.failf("/early_termination/schedule", "a declining schedule needs at least one contract year")
		}
		for i, y := range e.Schedule {
			at := jsonptr.Join("early_termination", "schedule", i)
			if y.Year != i+1 {
				k.errs.failf(jsonptr.Append(at, "year"), "contract year %d follows year %d: the schedule has a gap or is out of order", y.Year, i)
			}
			k.money(jsonptr.Append(at, "amount"), y.Amount)
			if i > 0 && y.Amount.Currency() == e.Schedule[i-1].Amount.Currency() {
				if c, _ := y.Amount.Cmp(e.Schedule[i-1].Amount); c > 0 {
					k.errs.failf(jsonptr.Append(at, "amount"), "the charge rises from %s to %s: a declining schedule never rises", e.Schedule[i-1].Amount, y.Amount)
				}
			}
		}
	case ChargePercentOfRemaining:
		if p := e.Percent.Points(); !p.IsPositive() || p.GreaterThan(outsourcing.DecimalFromInt(100)) {
			k.errs.failf("/early_termination/percent", "the percentage %s is outside (0, 100]", p)
		}
	case ChargeUnrecoveredInvestment:
		if e.Investment == nil {
			k.errs.failf("/early_termination/investment", "the unrecovered-investment method needs the investment")
			return
		}
		k.money("/early_termination/investment/amount", e.Investment.Amount)
		a, err := amortise(*e.Investment)
		if err != nil {
			k.errs.add(outsourcing.AtPath("/early_termination/investment", err))
		}
		k.t.amortisation = a
	default:
		k.errs.failf("/early_termination/method", "unknown charge method %q", string(e.Method))
	}
}
