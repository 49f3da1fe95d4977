package contract

import (
	"errors"
	"fmt"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/sla"
)

// LineKind says what an invoice line charges.
type LineKind string

// Line kinds.
const (
	// LineKindFee charges a fee for one of its periods.
	LineKindFee LineKind = "fee"
	// LineKindTime charges units of a rate of the rate card.
	LineKindTime LineKind = "time"
	// LineKindMilestone charges an accepted milestone.
	LineKindMilestone LineKind = "milestone"
	// LineKindCredit deducts a service credit (a negative amount).
	LineKindCredit LineKind = "credit"
)

var lineKinds = []LineKind{LineKindFee, LineKindTime, LineKindMilestone, LineKindCredit}

// String returns the kind's name.
func (k LineKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k LineKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "line kind", lineKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *LineKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "line kind", lineKinds)
}

// Invoice is a provider's invoice under the contract.
type Invoice struct {
	// ID is the invoice number.
	ID string `json:"id"`
	// Date is the invoice date.
	Date Date `json:"date"`
	// Lines are the charges and credits.
	Lines []InvoiceLine `json:"lines"`
}

// InvoiceLine is one line of an invoice.
type InvoiceLine struct {
	// Kind is fee, time, milestone or credit.
	Kind LineKind `json:"kind"`
	// Ref is the id of the fee, rate or milestone; for a credit, what it
	// credits ("ito-sla/2026-03").
	Ref string `json:"ref"`
	// Period is the fee period charged (End inclusive); zero otherwise.
	Period Period `json:"period,omitzero"`
	// Quantity is the number of units of a time line.
	Quantity *outsourcing.Decimal `json:"quantity,omitempty"`
	// UnitPrice is the price per unit of a time line.
	UnitPrice outsourcing.Money `json:"unit_price,omitzero"`
	// Amount is the line's amount; negative for a credit.
	Amount outsourcing.Money `json:"amount"`
	// Description is free text.
	Description string `json:"description,omitempty"`
}

// Total returns the sum of the lines. Errors: lines in several
// currencies (ErrCurrencyMismatch).
func (inv Invoice) Total() (outsourcing.Money, error) {
	var total outsourcing.Money
	for i, l := range inv.Lines {
		sum, err := total.Add(l.Amount)
		if err != nil {
			return outsourcing.Money{}, wrap(outsourcing.AtPath(jsonptr.Join("lines", i, "amount"), err))
		}
		total = sum
	}
	return total, nil
}

// InvoiceCheck is the outcome of checking an invoice against the
// contract (Handbook §3.3: track payments).
type InvoiceCheck struct {
	// Invoice is the invoice's id.
	Invoice string `json:"invoice"`
	// Findings are the discrepancies; Path points into the invoice.
	Findings []Finding `json:"findings"`
	// Invoiced is the invoice's total.
	Invoiced outsourcing.Money `json:"invoiced"`
	// Accepted is the total of the lines without findings.
	Accepted outsourcing.Money `json:"accepted"`
	// OK reports an invoice without findings.
	OK bool `json:"ok"`
}

// Invoice checks, the Check of their findings.
const (
	// CheckUnknownRef: a line names no fee, rate or milestone.
	CheckUnknownRef = "unknown_ref"
	// CheckFeePeriod: a fee line's period is not one of the fee's.
	CheckFeePeriod = "fee_period"
	// CheckAmount: a line's amount differs from the contract's.
	CheckAmount = "amount"
	// CheckRate: a time line's unit price differs from the rate card.
	CheckRate = "rate"
	// CheckUnitCap: a time line's units exceed the rate's cap per invoice.
	CheckUnitCap = "unit_cap"
	// CheckNotAccepted: a milestone is charged before its acceptance.
	CheckNotAccepted = "not_accepted"
	// CheckDuplicate: a fee period or milestone was charged, or an SLA
	// credit deducted, before: on an earlier invoice or an earlier line
	// of the same invoice.
	CheckDuplicate = "duplicate"
	// CheckCeiling: the invoices together exceed the ceiling.
	CheckCeiling = "ceiling"
	// CheckCredit: a credit line is not negative.
	CheckCredit = "credit"
	// CheckNegativeTotal: the credits exceed the charges, so the lines
	// without findings total less than zero; the balance is the
	// provider's to carry to the next invoice or to refund, not an amount
	// to pay.
	CheckNegativeTotal = "negative_total"
)

// CheckInvoice checks inv against the contract and the invoices before
// it: fee lines against the payment schedule (a period of the fee, its
// scheduled amount, not charged before), time lines against the rate
// card (unit price, amount = quantity × price rounded half up to the
// minor unit, units within the rate's cap per invoice), milestone lines
// against accepted milestones (accepted on or before the invoice date,
// the milestone's amount, charged once), credit lines (negative,
// deducted once), a total below zero (credits over charges) and the
// ceiling over all invoices. "Once" counts the
// earlier invoices and the earlier lines of inv itself: a fee period
// charged twice on one invoice is a duplicate as much as one charged
// again next month. Discrepancies are findings; errors are
// reserved for unusable lines (pointers into inv, or /prior/j/... into
// the earlier invoices): an amount in another currency
// (ErrCurrencyMismatch at /lines/i/amount), a time line without a
// quantity, a line of unknown kind.
func (c *Contract) CheckInvoice(inv Invoice, prior []Invoice, accepted []Acceptance) (InvoiceCheck, error) {
	errs := c.lineProblems("", inv.Lines)
	for j, p := range prior {
		errs = append(errs, c.lineProblems(jsonptr.Join("prior", j), p.Lines)...)
	}
	if len(errs) > 0 {
		return InvoiceCheck{}, wrap(joinProblems(errs))
	}
	cur := c.spec.Currency
	out := InvoiceCheck{Invoice: inv.ID}
	charged := chargedBefore(prior)
	units := map[string]outsourcing.Decimal{}
	var invoiced, clean, all []outsourcing.Money
	for i, l := range inv.Lines {
		path := jsonptr.Join("lines", i)
		var fs []Finding
		switch l.Kind {
		case LineKindFee:
			fs = c.checkFee(path, l, charged)
		case LineKindTime:
			fs = c.checkTime(path, l, units)
		case LineKindMilestone:
			fs = c.checkMilestone(path, inv.Date, l, charged, accepted)
		case LineKindCredit:
			fs = checkCredit(path, l, charged)
		}
		if charged[chargeKey(l)] == "" {
			charged[chargeKey(l)] = fmt.Sprintf("this invoice at %s", path)
		}
		out.Findings = append(out.Findings, fs...)
		invoiced = append(invoiced, l.Amount)
		if len(fs) == 0 {
			clean = append(clean, l.Amount)
		}
	}
	for _, p := range prior {
		for _, l := range p.Lines {
			all = append(all, l.Amount)
		}
	}
	var err1, err2, err3 error
	out.Invoiced, err1 = outsourcing.Sum(cur, invoiced...)
	out.Accepted, err2 = outsourcing.Sum(cur, clean...)
	total, err3 := outsourcing.Sum(cur, append(all, invoiced...)...)
	if err := errors.Join(err1, err2, err3); err != nil {
		return InvoiceCheck{}, wrap(err)
	}
	if out.Accepted.IsNegative() {
		out.Findings = append(out.Findings, Finding{Check: CheckNegativeTotal, Severity: outsourcing.SeverityMedium, Path: "/lines",
			Message: fmt.Sprintf("the credits exceed the charges: the lines without findings total %s", out.Accepted.Grouped())})
	}
	if ceiling := c.spec.Pricing.Ceiling; ceiling.IsSet() && total.Amount().GreaterThan(ceiling.Amount()) {
		out.Findings = append(out.Findings, Finding{Check: CheckCeiling, Severity: outsourcing.SeverityCritical, Path: "",
			Message: fmt.Sprintf("invoices total %s, over the contract's ceiling of %s", total, ceiling)})
	}
	out.OK = len(out.Findings) == 0
	return out, nil
}

// lineProblems checks that lines are usable: a known kind, amounts in the
// contract's currency, a quantity on time lines. base is the pointer of
// the invoice holding them.
func (c *Contract) lineProblems(base string, lines []InvoiceLine) problems {
	var errs problems
	for i, l := range lines {
		path := jsonptr.Append(base, "lines", i)
		switch {
		case !slices.Contains(lineKinds, l.Kind):
			errs.failf(jsonptr.Append(path, "kind"), "unknown line kind %q", l.Kind)
		case l.Amount.Currency() != c.spec.Currency:
			errs.add(mismatch(jsonptr.Append(path, "amount"), l.Amount.Currency(), c.spec.Currency))
		case l.UnitPrice.IsSet() && l.UnitPrice.Currency() != c.spec.Currency:
			errs.add(mismatch(jsonptr.Append(path, "unit_price"), l.UnitPrice.Currency(), c.spec.Currency))
		case l.Kind == LineKindTime && (l.Quantity == nil || l.Quantity.IsNegative()):
			errs.failf(jsonptr.Append(path, "quantity"), "a time line needs a quantity of at least 0")
		}
	}
	return errs
}

// chargedBefore indexes the fee periods, milestones and credits of
// earlier invoices as "fee/id/start", "milestone/id/" and "credit/ref/",
// each naming where it was charged ("invoice INV-1").
func chargedBefore(prior []Invoice) map[string]string {
	out := map[string]string{}
	for _, p := range prior {
		for _, l := range p.Lines {
			out[chargeKey(l)] = "invoice " + p.ID
		}
	}
	return out
}

func chargeKey(l InvoiceLine) string {
	return string(l.Kind) + "/" + l.Ref + "/" + l.Period.Start.String()
}

func (c *Contract) checkFee(path string, l InvoiceLine, charged map[string]string) []Finding {
	i := slices.IndexFunc(c.schedule, func(p Payment) bool {
		return p.Kind == PaymentKindFee && p.Ref == l.Ref && p.Period == l.Period
	})
	switch {
	case !slices.ContainsFunc(c.spec.Pricing.Fees, func(f Fee) bool { return f.ID == l.Ref }):
		return unknownRef(path, "fee", l.Ref)
	case i < 0:
		return []Finding{{Check: CheckFeePeriod, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "period"),
			Message: fmt.Sprintf("%s to %s is not a period of fee %q", l.Period.Start, l.Period.End, l.Ref)}}
	case charged[chargeKey(l)] != "":
		return duplicate(path, fmt.Sprintf("fee %q for %s to %s", l.Ref, l.Period.Start, l.Period.End), charged[chargeKey(l)])
	}
	return amountFinding(path, l.Amount, c.schedule[i].Amount)
}

func (c *Contract) checkTime(path string, l InvoiceLine, units map[string]outsourcing.Decimal) []Finding {
	i := slices.IndexFunc(c.spec.Pricing.RateCard, func(r Rate) bool { return r.ID == l.Ref })
	if i < 0 {
		return unknownRef(path, "rate", l.Ref)
	}
	r := c.spec.Pricing.RateCard[i]
	var out []Finding
	if !l.UnitPrice.Equal(r.Price) {
		out = append(out, Finding{Check: CheckRate, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "unit_price"),
			Message: fmt.Sprintf("unit price %s differs from the rate card's %s per %s", l.UnitPrice, r.Price, r.Unit)})
	}
	units[r.ID] = units[r.ID].Add(*l.Quantity)
	if r.MaxUnits != nil && units[r.ID].GreaterThan(*r.MaxUnits) {
		out = append(out, Finding{Check: CheckUnitCap, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "quantity"),
			Message: fmt.Sprintf("%s %ss of %q on this invoice exceed the cap of %s", units[r.ID], r.Unit, r.ID, *r.MaxUnits)})
	}
	return append(out, amountFinding(path, l.Amount, r.Price.Mul(*l.Quantity).Round(outsourcing.RoundHalfUp))...)
}

func (c *Contract) checkMilestone(path string, day Date, l InvoiceLine, charged map[string]string, accepted []Acceptance) []Finding {
	i := slices.IndexFunc(c.spec.Pricing.Milestones, func(m Milestone) bool { return m.ID == l.Ref })
	switch {
	case i < 0:
		return unknownRef(path, "milestone", l.Ref)
	case !slices.ContainsFunc(accepted, func(a Acceptance) bool { return a.Subject == l.Ref && a.Accepted && !a.On.After(day) }):
		return []Finding{{Check: CheckNotAccepted, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "ref"),
			Message: fmt.Sprintf("milestone %q is not accepted by the invoice date %s", l.Ref, day)}}
	case charged[chargeKey(l)] != "":
		return duplicate(path, fmt.Sprintf("milestone %q", l.Ref), charged[chargeKey(l)])
	}
	return amountFinding(path, l.Amount, c.spec.Pricing.Milestones[i].Amount)
}

func checkCredit(path string, l InvoiceLine, charged map[string]string) []Finding {
	if !l.Amount.IsNegative() {
		return []Finding{{Check: CheckCredit, Severity: outsourcing.SeverityMedium, Path: jsonptr.Append(path, "amount"),
			Message: fmt.Sprintf("a credit of %s is not negative", l.Amount)}}
	}
	if where := charged[chargeKey(l)]; where != "" {
		return duplicate(path, fmt.Sprintf("credit %q", l.Ref), where)
	}
	return nil
}

func unknownRef(path, what, ref string) []Finding {
	return []Finding{{Check: CheckUnknownRef, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "ref"),
		Message: fmt.Sprintf("the contract has no %s %q", what, ref)}}
}

// duplicate is the finding of a charge already made where says
// ("invoice INV-1", "this invoice at /lines/0").
func duplicate(path, what, where string) []Finding {
	return []Finding{{Check: CheckDuplicate, Severity: outsourcing.SeverityHigh, Path: path,
		Message: fmt.Sprintf("%s was charged on %s", what, where)}}
}

func amountFinding(path string, got, want outsourcing.Money) []Finding {
	if got.Equal(want) {
		return nil
	}
	return []Finding{{Check: CheckAmount, Severity: outsourcing.SeverityHigh, Path: jsonptr.Append(path, "amount"),
		Message: fmt.Sprintf("%s charged, the contract says %s", got, want)}}
}

// ApplyCredits returns inv with a credit line for each SLA report whose
// net credit (sla.Report.Net: credits less earn-back and bonus) is
// positive: the provider owes it, so it is deducted as a negative
// amount, referenced "agreement/period". inv is not changed. A credit
// already on the invoice (a line of kind credit with the same reference
// and amount, from an earlier call or an earlier report of the list) is
// not added again, so applying the same reports twice gives the same
// invoice. Errors: a report in another currency than the contract's
// (ErrCurrencyMismatch at /reports/i/net); a report whose credit the
// invoice already holds at another amount (ErrInvalidInput at
// /reports/i/net: a reprocessed period must replace its line, not add
// to it).
func (c *Contract) ApplyCredits(inv Invoice, reports []sla.Report) (Invoice, error) {
	out := inv
	out.Lines = slices.Clone(inv.Lines)
	var errs problems
	for i, r := range reports {
		if !r.Net.IsPositive() {
			continue
		}
		if r.Net.Currency() != c.spec.Currency {
			errs.add(mismatch(jsonptr.Join("reports", i, "net"), r.Net.Currency(), c.spec.Currency))
			continue
		}
		line := InvoiceLine{Kind: LineKindCredit, Ref: r.Agreement + "/" + r.Period.Label(), Amount: r.Net.Neg(),
			Description: fmt.Sprintf("service credit for %s", r.Period.Label())}
		j := slices.IndexFunc(out.Lines, func(l InvoiceLine) bool { return l.Kind == LineKindCredit && l.Ref == line.Ref })
		switch {
		case j < 0:
			out.Lines = append(out.Lines, line)
		case !out.Lines[j].Amount.Equal(line.Amount):
			errs.failf(jsonptr.Join("reports", i, "net"), "the invoice already credits %q with %s at /lines/%d, not %s",
				line.Ref, out.Lines[j].Amount, j, line.Amount)
		}
	}
	if len(errs) > 0 {
		return inv, wrap(joinProblems(errs))
	}
	return out, nil
}
