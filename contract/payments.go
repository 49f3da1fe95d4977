package contract

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Period is a range of days. Both ends are days of the period: End is
// the last day, inclusive, so a calendar month is 2026-02-01 to
// 2026-02-28.
type Period struct {
	// Start is the first day.
	Start Date `json:"start"`
	// End is the last day, inclusive.
	End Date `json:"end"`
}

// Days returns the number of days in the period, both ends counted.
func (p Period) Days() int { return p.Start.DaysUntil(p.End) + 1 }

// Contains reports whether d is one of the period's days.
func (p Period) Contains(d Date) bool { return !d.Before(p.Start) && !d.After(p.End) }

// PaymentKind says what a scheduled payment pays for.
type PaymentKind string

// Payment kinds.
const (
	PaymentKindFee       PaymentKind = "fee"
	PaymentKindMilestone PaymentKind = "milestone"
)

var paymentKinds = []PaymentKind{PaymentKindFee, PaymentKindMilestone}

// String returns the kind's name.
func (k PaymentKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k PaymentKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "payment kind", paymentKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *PaymentKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "payment kind", paymentKinds)
}

// Payment is one scheduled payment of the contract.
type Payment struct {
	// Kind is fee or milestone.
	Kind PaymentKind `json:"kind"`
	// Ref is the id of the fee or milestone.
	Ref string `json:"ref"`
	// Period is the fee period paid for (End inclusive); zero for a
	// milestone.
	Period Period `json:"period,omitzero"`
	// Prorated reports a last fee period cut short by the fee's end.
	Prorated bool `json:"prorated,omitempty"`
	// InvoiceDate is when the payment is invoiced: a fee period's first
	// day in advance, the day after its last day in arrears; a
	// milestone's planned date (it is invoiced on acceptance).
	InvoiceDate Date `json:"invoice_date"`
	// DueDate is when payment is due under the payment terms.
	DueDate Date `json:"due_date"`
	// Amount to pay, in the contract's currency.
	Amount outsourcing.Money `json:"amount"`
}

// PaymentSchedule returns every payment of the initial term, ordered by
// invoice date, then kind and id: each fee period from the fee's start
// every Every (counted from that start, so month ends do not drift) to
// the fee's end, and each milestone. A last period cut short by the
// fee's end is prorated by days (amount × days billed / days of the whole
// period, rounded half up to the currency's minor unit).
func (c *Contract) PaymentSchedule() []Payment { return slices.Clone(c.schedule) }

// buildSchedule builds the payment schedule. Errors: more than
// MaxPayments payments (ErrLimit at the fee that passes the limit).
func (c *Contract) buildSchedule() ([]Payment, error) {
	s := &c.spec
	out := make([]Payment, 0, len(s.Pricing.Milestones))
	for i, f := range s.Pricing.Fees {
		pays, ok := c.feePayments(f, MaxPayments-len(out))
		if !ok {
			return nil, &outsourcing.FieldError{Path: jsonptr.Join("pricing", "fees", i, "every"), Err: outsourcing.ErrLimit,
				Reason: fmt.Sprintf("the schedule would hold more than %d payments", MaxPayments)}
		}
		out = append(out, pays...)
	}
	for _, m := range s.Pricing.Milestones {
		out = append(out, Payment{Kind: PaymentKindMilestone, Ref: m.ID, InvoiceDate: m.Due,
			DueDate: s.PaymentTerms.due(m.Due), Amount: m.Amount})
	}
	slices.SortStableFunc(out, func(a, b Payment) int {
		return cmp.Or(a.InvoiceDate.Compare(b.InvoiceDate), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Ref, b.Ref))
	})
	return out, nil
}

// MaxPayments bounds the payments of a contract's schedule (100,000: a
// monthly fee for 8,000 years), so that an untrusted document cannot make
// CompileContract loop for long or hold much memory.
const MaxPayments = 100_000

// feePeriods returns the fee's billing periods, the last one cut at the
// fee's end, at most max of them (then ok is false).
func (c *Contract) feePeriods(f Fee, max int) (periods []Period, last Date, ok bool) {
	first := cmp.Or(f.From, c.spec.Term.Start)
	last = cmp.Or(f.Until, c.spec.Term.End)
	for k := 0; ; k++ {
		if k == max {
			return nil, last, false
		}
		start := f.Every.Times(k).AddTo(first)
		if start.After(last) {
			return periods, last, true
		}
		periods = append(periods, Period{Start: start, End: f.Every.Times(k + 1).AddTo(first).AddDays(-1)})
	}
}

func (c *Contract) feePayments(f Fee, max int) ([]Payment, bool) {
	periods, last, ok := c.feePeriods(f, max)
	if !ok {
		return nil, false
	}
	out := make([]Payment, 0, len(periods))
	for _, p := range periods {
		pay := Payment{Kind: PaymentKindFee, Ref: f.ID, Period: p, Amount: f.Amount}
		if p.End.After(last) {
			billed := Period{Start: p.Start, End: last}
			pay.Amount = exactShare(f.Amount, billed.Days(), p.Days())
			pay.Period, pay.Prorated = billed, true
		}
		pay.InvoiceDate = pay.Period.Start
		if f.Billing == BillingArrears {
			pay.InvoiceDate = pay.Period.End.AddDays(1)
		}
		pay.DueDate = c.spec.PaymentTerms.due(pay.InvoiceDate)
		out = append(out, pay)
	}
	return out, true
}

// exactShare returns amount × num / den rounded half up to the
// currency's minor unit, the division done once on the product.
func exactShare(amount outsourcing.Money, num, den int) outsourcing.Money {
	product := amount.Amount().Mul(outsourcing.DecimalFromInt(int64(num)))
	q, _ := product.Quo(outsourcing.DecimalFromInt(int64(den)), amount.Currency().MinorUnits(), outsourcing.RoundHalfUp) // den > 0
	m, _ := outsourcing.NewMoney(q, amount.Currency())                                                                   // the amount's own currency
	return m
}

// due returns the due date of an invoice dated d.
func (t PaymentTerms) due(d Date) Date {
	if t.Basis == PaymentBasisEndOfMonth {
		return d.EndOfMonth(0).AddDays(t.Days)
	}
	return d.AddDays(t.Days)
}

// figures computes the payment schedule, the annual fees, the total value
// and the liability cap of a contract that passed its checks (so every
// amount is in the contract's currency).
func (k *checker) figures() {
	c := k.c
	cur := c.spec.Currency
	var err error
	if c.schedule, err = c.buildSchedule(); err != nil {
		k.errs.add(err)
		return
	}
	amounts := make([]outsourcing.Money, len(c.schedule))
	for i, p := range c.schedule {
		amounts[i] = p.Amount
	}
	total, err := outsourcing.Sum(cur, amounts...)
	k.errs.add(err)
	annual := make([]outsourcing.Money, len(c.spec.Pricing.Fees))
	for i, f := range c.spec.Pricing.Fees {
		if f.Every.months > 0 {
			annual[i] = exactShare(f.Amount, 12, f.Every.months)
		} else {
			annual[i] = exactShare(f.Amount, 365, f.Every.days)
		}
	}
	c.annual, err = outsourcing.Sum(cur, annual...)
	k.errs.add(err)
	c.total = total
	capSpec := c.spec.Liability.Cap
	c.cap = capSpec.Amount
	if capSpec.MultipleOfAnnualFees != nil {
		byFees := c.annual.Mul(*capSpec.MultipleOfAnnualFees).Round(outsourcing.RoundHalfUp)
		if c.cap.IsZero() || byFees.Amount().GreaterThan(c.cap.Amount()) {
			c.cap = byFees
		}
	}
}
