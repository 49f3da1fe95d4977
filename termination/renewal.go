package termination

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
)

// termFee is one fee in the contract term holding the effective date:
// the billing period holding that day, and the fees of the term's later
// periods.
type termFee struct {
	current contract.Payment
	later   outsourcing.Money
}

// termFees returns the fees of the contract term that holds eff, a day
// the term holds (checkSettlement). In the initial term they are the
// contract's payment schedule. A renewal term (contract.Contract.Renewal)
// renews every fee that runs to the initial term's last day on the same
// terms: the same amount and billing, periods counted from the renewal
// term's first day every Every (so month ends do not drift), the last
// one cut at the term's last day and prorated by days, amount × days
// billed / days of the whole period, rounded half up to the minor unit,
// as the contract prorates a fee cut short. Periods are found by
// arithmetic, so a renewal term of any length costs the same.
func (t *Terms) termFees(eff contract.Date) []termFee {
	r := t.contract.Renewal(eff, contract.Date{})
	if r.TermNumber == 0 {
		return t.initialFees(eff)
	}
	out := make([]termFee, 0, len(t.renewing))
	for _, f := range t.renewing {
		j := periodIndex(r.Term.Start, f.Every, eff)
		last := periodIndex(r.Term.Start, f.Every, r.Term.End)
		tf := termFee{current: renewalPayment(f, r.Term, j), later: outsourcing.ZeroMoney(f.Amount.Currency())}
		if last > j {
			whole := f.Amount.Mul(outsourcing.DecimalFromInt(int64(last - j - 1)))
			tf.later, _ = whole.Add(renewalPayment(f, r.Term, last).Amount) // one currency
		}
		out = append(out, tf)
	}
	return out
}

// initialFees reads the fees around eff from the payment schedule.
func (t *Terms) initialFees(eff contract.Date) []termFee {
	byRef := map[string]int{}
	var out []termFee
	for _, p := range t.contract.PaymentSchedule() {
		if p.Kind != contract.PaymentKindFee || p.Period.End.Before(eff) {
			continue
		}
		i, ok := byRef[p.Ref]
		if !ok {
			i = len(out)
			byRef[p.Ref] = i
			out = append(out, termFee{later: outsourcing.ZeroMoney(p.Amount.Currency())})
		}
		if p.Period.Contains(eff) {
			out[i].current = p
		} else {
			out[i].later, _ = out[i].later.Add(p.Amount) // one currency
		}
	}
	return out
}

// renewalPayment returns period j of fee f in the renewal term.
func renewalPayment(f contract.Fee, term contract.Period, j int) contract.Payment {
	p := contract.Payment{Kind: contract.PaymentKindFee, Ref: f.ID, Amount: f.Amount,
		Period: contract.Period{Start: f.Every.Times(j).AddTo(term.Start), End: f.Every.Times(j + 1).AddTo(term.Start).AddDays(-1)}}
	if p.Period.End.After(term.End) {
		billed := contract.Period{Start: p.Period.Start, End: term.End}
		p.Amount = share(f.Amount, int64(billed.Days()), int64(p.Period.Days()))
		p.Period, p.Prorated = billed, true
	}
	p.InvoiceDate = p.Period.Start
	if f.Billing == contract.BillingArrears {
		p.InvoiceDate = p.Period.End.AddDays(1)
	}
	return p
}

// periodIndex returns the largest j ≥ 0 with anchor + every × j not
// after d (d not before anchor; every longer than zero): an estimate
// from the mean length of twelve periods, then a few steps.
func periodIndex(anchor contract.Date, every contract.Span, d contract.Date) int {
	twelve := anchor.DaysUntil(every.Times(12).AddTo(anchor))
	j := max(0, 12*anchor.DaysUntil(d)/twelve)
	for j > 0 && every.Times(j).AddTo(anchor).After(d) {
		j--
	}
	for !every.Times(j + 1).AddTo(anchor).After(d) {
		j++
	}
	return j
}

// share returns m × num / den rounded half up to the currency's minor
// unit, the division done once on the product (den > 0).
func share(m outsourcing.Money, num, den int64) outsourcing.Money {
	q, _ := m.Amount().Mul(outsourcing.DecimalFromInt(num)).Quo(outsourcing.DecimalFromInt(den), m.Currency().MinorUnits(), outsourcing.RoundHalfUp)
	return money(q, m.Currency())
}
