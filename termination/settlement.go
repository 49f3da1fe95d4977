package termination

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/sla"
)

// SettlementSpec is the input of the final fee settlement (Handbook
// §7.2): the effective date and ground of termination, the SLA reports
// with the periods whose credits are already on invoices, and the
// amounts only the parties know: other prepayments, damages, and
// invoice amounts the customer withheld. ParseSettlement reads it from
// JSON.
type SettlementSpec struct {
	// Contract is the id of the contract.
	Contract string `json:"contract"`
	// Effective is the last day of service; fees run to it inclusive.
	Effective contract.Date `json:"effective"`
	// Ground is the ground of termination (early-termination charges
	// apply on some grounds only).
	Ground Ground `json:"ground"`
	// SLAReports are the SLA reports of the contract's agreement.
	SLAReports []sla.Report `json:"sla_reports,omitempty"`
	// AppliedCredits are the labels ("2027-03") of the reports whose
	// credits were already deducted on invoices.
	AppliedCredits []string `json:"applied_credits,omitempty"`
	// Prepaid are other amounts the customer paid in advance, refunded.
	Prepaid []Prepayment `json:"prepaid,omitempty"`
	// Damages are damages agreed or awarded.
	Damages []Damages `json:"damages,omitempty"`
	// Withheld are invoice amounts the customer withheld and still owes
	// unless disputed.
	Withheld []Withheld `json:"withheld,omitempty"`
}

// Prepayment is an amount paid in advance for what will not be
// delivered.
type Prepayment struct {
	ID          string            `json:"id"`
	Clause      string            `json:"clause"`
	Description string            `json:"description,omitempty"`
	Amount      outsourcing.Money `json:"amount"`
}

// Damages are damages one party pays the other.
type Damages struct {
	ID          string `json:"id"`
	Clause      string `json:"clause"`
	Description string `json:"description,omitempty"`
	// Payer is the id of the party that pays: the customer (a positive
	// line) or any of the providers (a negative line).
	Payer  string            `json:"payer"`
	Amount outsourcing.Money `json:"amount"`
}

// Withheld is an invoice amount the customer withheld. An invoice has
// at most one undisputed and one disputed entry: the part of what was
// withheld that is in dispute and the part that is not.
type Withheld struct {
	// Invoice is the invoice number.
	Invoice string `json:"invoice"`
	Clause  string `json:"clause"`
	// Amount is what was withheld.
	Amount outsourcing.Money `json:"amount"`
	// Disputed reports that the amount is in dispute: it stays out of
	// the net until the dispute is resolved.
	Disputed bool `json:"disputed,omitempty"`
	// Reason says why it was withheld.
	Reason string `json:"reason,omitempty"`
}

// LineKind is what a settlement line settles.
type LineKind string

// Settlement line kinds.
const (
	LineFee              LineKind = "fee"
	LinePrepaidRefund    LineKind = "prepaid_refund"
	LineAssistance       LineKind = "assistance"
	LineEarlyTermination LineKind = "early_termination"
	LineSLACredit        LineKind = "sla_credit"
	LineDamages          LineKind = "damages"
	LineWithheld         LineKind = "withheld"
)

var lineKinds = enum[LineKind]{"line kind", []LineKind{LineFee, LinePrepaidRefund, LineAssistance, LineEarlyTermination,
	LineSLACredit, LineDamages, LineWithheld}}

// String returns the kind's name.
func (k LineKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k LineKind) MarshalText() ([]byte, error) { return lineKinds.marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *LineKind) UnmarshalText(b []byte) error { return lineKinds.unmarshal(k, b) }

// Line is one line of the settlement ledger.
type Line struct {
	Kind LineKind `json:"kind"`
	// Ref names what it settles: a fee, a period, an id.
	Ref string `json:"ref"`
	// Clause is the id of the contract clause it comes from.
	Clause      string `json:"clause"`
	Description string `json:"description"`
	// Amount is in the contract's currency at its minor unit: positive
	// when the customer pays the provider, negative when the provider
	// pays or refunds the customer.
	Amount outsourcing.Money `json:"amount"`
	// Basis says how the amount was found.
	Basis string `json:"basis,omitempty"`
	// Disputed lines stay out of Net.
	Disputed bool `json:"disputed,omitempty"`
}

// Ledger is the final settlement: lines that sum exactly.
type Ledger struct {
	Contract  string        `json:"contract"`
	Effective contract.Date `json:"effective"`
	Ground    Ground        `json:"ground"`
	DayCount  DayCount      `json:"day_count"`
	Lines     []Line        `json:"lines"`
	// Net is the exact sum of the undisputed lines: positive, the
	// customer pays the provider; negative, the provider pays.
	Net outsourcing.Money `json:"net"`
	// Disputed is the sum of the disputed lines.
	Disputed outsourcing.Money `json:"disputed"`
	// Payer is the id of the party that pays Net; "" when Net is zero.
	Payer string `json:"payer,omitempty"`
}

// Settle computes the final settlement of the contract under the terms
// (every amount at the currency's minor unit, half up, rounded once per
// line; splits by largest remainder, so the lines sum exactly):
//   - each fee's billing period holding the effective date, in the
//     contract term holding it: the initial term's payment schedule, or a
//     renewal term billed on the same terms (see below): a fee billed in
//     arrears is owed for the days served, its pro-rata share (see
//     DayCount.Share); a fee billed in advance was paid, and its unserved
//     part is refunded;
//   - the assistance charge, allocated to the calendar months of the
//     assistance period after the effective date by their days;
//   - the early-termination charge when it applies on the ground;
//   - the SLA credits of reports not yet applied on invoices;
//   - other prepayments refunded, damages, and withheld amounts (disputed
//     ones outside Net).
//
// A renewal term (contract.Contract.Renewal, counting no notice of
// non-renewal) renews every fee that runs to the initial term's last
// day: the same amount and billing, periods counted from the renewal
// term's first day every Every, the last one cut at the term's last day
// and prorated by days as the contract prorates a fee cut short; the
// committed fees of percent_of_remaining are those of that term.
//
// Errors (*outsourcing.FieldError at the pointer in spec): another
// contract's id; an effective date missing, before the contract started
// or after its last term (renewals included); an unknown ground, clause
// or party (ErrNotFound); an amount in another currency
// (ErrCurrencyMismatch); an applied credit naming no report; an
// assistance period running past 9999-12-31 (/effective); an SLA
// report of another agreement (ErrNotFound) or not following the one
// before (/sla_reports/i/period: a period given twice would be credited
// twice); a prepayment or damages id given twice, an invoice withheld
// twice with the same dispute status.
func (t *Terms) Settle(spec SettlementSpec) (Ledger, error) {
	if err := t.checkSettlement(spec); err != nil {
		return Ledger{}, wrap(err)
	}
	s := &settler{t: t, spec: spec, cur: t.contract.Currency(), termFees: t.termFees(spec.Effective),
		led: Ledger{Contract: spec.Contract, Effective: spec.Effective, Ground: spec.Ground, DayCount: t.spec.DayCount}}
	s.fees()
	if err := s.assistance(); err != nil {
		return Ledger{}, wrap(err)
	}
	s.earlyTermination()
	s.credits()
	s.others()
	return s.total()
}

type settler struct {
	t        *Terms
	spec     SettlementSpec
	cur      outsourcing.Currency
	termFees []termFee
	led      Ledger
}

func (s *settler) add(l Line) {
	if !l.Amount.Amount().IsZero() {
		s.led.Lines = append(s.led.Lines, l)
	}
}

// served returns the part of a fee period's amount earned by the
// effective date (inclusive), under the terms' day count.
func (s *settler) served(p contract.Payment) (outsourcing.Money, ProRata) {
	r, _ := s.t.spec.DayCount.ProRata(p.Period, s.spec.Effective) // a checked convention; the period holds the day
	return r.Of(p.Amount), r
}

// fees settles the fee periods around the effective date.
func (s *settler) fees() {
	eff := s.spec.Effective
	for _, tf := range s.termFees {
		p := tf.current
		if p.Ref == "" {
			continue // the fee has no period around the day
		}
		earned, r := s.served(p)
		basis := fmt.Sprintf("%s × %d/%d days (%s, %s to %s)", p.Amount, r.Served.Days, r.Whole.Days, s.t.spec.DayCount, p.Period.Start, eff)
		switch {
		case p.InvoiceDate.After(eff): // in arrears, not yet invoiced
			s.add(Line{Kind: LineFee, Ref: p.Ref, Clause: s.t.spec.FeeClause, Amount: earned, Basis: basis,
				Description: fmt.Sprintf("fee %s for %s to %s", p.Ref, p.Period.Start, minDate(p.Period.End, eff))})
		case p.Period.End.After(eff): // in advance, paid for days not served
			refund, _ := p.Amount.Round(outsourcing.RoundHalfUp).Sub(earned) // as invoiced, at the minor unit
			s.add(Line{Kind: LinePrepaidRefund, Ref: p.Ref, Clause: s.t.spec.FeeClause, Amount: refund.Neg(), Basis: basis,
				Description: fmt.Sprintf("fee %s paid in advance for %s to %s, not served after %s", p.Ref, p.Period.Start, p.Period.End, eff)})
		}
	}
}

// remaining returns the committed fees after the effective date: the
// unserved part of the current periods and every later period.
func (s *settler) remaining() outsourcing.Money {
	total := outsourcing.ZeroMoney(s.cur)
	for _, tf := range s.termFees {
		total, _ = total.Add(tf.later) // the contract's currency
		if p := tf.current; p.Ref != "" && p.Period.End.After(s.spec.Effective) {
			earned, _ := s.served(p)
			rest, _ := p.Amount.Sub(earned)
			total, _ = total.Add(rest)
		}
	}
	return total
}

// assistance allocates the assistance charge to the calendar months of
// the assistance period after the effective date, by days.
func (s *settler) assistance() error {
	a := s.t.spec.Assistance
	if a.Charge.IsZero() {
		return nil
	}
	charge := a.Charge.Round(outsourcing.RoundHalfUp)
	from, to := s.spec.Effective.AddDays(1), a.After.AddTo(s.spec.Effective)
	if to.After(lastDay()) {
		return outsourcing.FieldErrorf("/effective", "termination assistance would run to %s, after %s, the last day a date can hold", to, lastDay())
	}
	if to.Before(from) {
		s.add(Line{Kind: LineAssistance, Ref: "assistance", Clause: a.Clause, Amount: charge, Description: "termination assistance"})
		return nil
	}
	var months []contract.Period
	var ratios []outsourcing.Decimal
	for d := from; !d.After(to); d = d.EndOfMonth(0).AddDays(1) {
		m := contract.Period{Start: d, End: minDate(d.EndOfMonth(0), to)}
		months = append(months, m)
		ratios = append(ratios, outsourcing.DecimalFromInt(int64(m.Days())))
	}
	parts, err := charge.Allocate(ratios...)
	if err != nil {
		return outsourcing.FieldErrorf("/assistance/charge", "cannot allocate the assistance charge: %v", err)
	}
	total := contract.Period{Start: from, End: to}.Days()
	for i, m := range months {
		s.add(Line{Kind: LineAssistance, Ref: fmt.Sprintf("%04d-%02d", m.Start.Year(), int(m.Start.Month())), Clause: a.Clause, Amount: parts[i],
			Description: fmt.Sprintf("termination assistance %s to %s", m.Start, m.End),
			Basis:       fmt.Sprintf("%s × %d/%d days, largest remainder", charge, m.Days(), total)})
	}
	return nil
}

// earlyTermination adds the early-termination charge when it applies.
func (s *settler) earlyTermination() {
	e := s.t.spec.EarlyTermination
	if e == nil || !e.appliesTo(s.spec.Ground) {
		return
	}
	eff := s.spec.Effective
	line := Line{Kind: LineEarlyTermination, Ref: string(e.Method), Clause: e.Clause}
	switch e.Method {
	case ChargeDecliningSchedule:
		y := contractYear(s.t.contract.Term().Start, eff)
		if y > len(e.Schedule) {
			return
		}
		line.Amount = e.Schedule[y-1].Amount.Round(outsourcing.RoundHalfUp)
		line.Description = fmt.Sprintf("early-termination charge for contract year %d", y)
		line.Basis = fmt.Sprintf("declining schedule, year %d of %d", y, len(e.Schedule))
	case ChargePercentOfRemaining:
		rest := s.remaining()
		line.Amount = e.Percent.Of(rest).Round(outsourcing.RoundHalfUp)
		line.Description = "early-termination charge on the remaining committed fees"
		line.Basis = fmt.Sprintf("%s%% of %s committed after %s", e.Percent.Points(), rest, eff)
	case ChargeUnrecoveredInvestment:
		a := s.t.amortisation
		line.Amount = a.BalanceAt(eff)
		line.Description = "investment not yet recovered"
		line.Basis = fmt.Sprintf("balance of the amortisation of %s at %s%% a year over %d months, payment %s", e.Investment.Amount, e.Investment.AnnualRate.Points(), e.Investment.Months, a.Payment)
	}
	s.add(line)
}

// credits adds the SLA credits of reports not yet applied on invoices,
// rounded half up to the minor unit like every line (a report handed in
// as a document may carry more places).
func (s *settler) credits() {
	applied := make(map[string]bool, len(s.spec.AppliedCredits))
	for _, label := range s.spec.AppliedCredits {
		applied[label] = true
	}
	for _, r := range s.spec.SLAReports {
		label := r.Period.Label()
		if applied[label] || !r.Credits.IsPositive() {
			continue
		}
		s.add(Line{Kind: LineSLACredit, Ref: label, Clause: s.t.spec.CreditClause, Amount: r.Credits.Round(outsourcing.RoundHalfUp).Neg(),
			Description: fmt.Sprintf("SLA credits of %s not yet applied", label)})
	}
}

// others adds the prepayments, damages and withheld amounts.
func (s *settler) others() {
	for _, p := range s.spec.Prepaid {
		s.add(Line{Kind: LinePrepaidRefund, Ref: p.ID, Clause: p.Clause, Amount: p.Amount.Round(outsourcing.RoundHalfUp).Neg(), Description: p.Description})
	}
	for _, d := range s.spec.Damages {
		amount := d.Amount.Round(outsourcing.RoundHalfUp)
		if p, _ := s.t.contract.Party(d.Payer); p.Role == contract.PartyRoleProvider { // a checked party
			amount = amount.Neg() // any provider, not only the first, pays the customer
		}
		s.add(Line{Kind: LineDamages, Ref: d.ID, Clause: d.Clause, Amount: amount, Description: d.Description, Basis: "paid by " + d.Payer})
	}
	for _, w := range s.spec.Withheld {
		s.add(Line{Kind: LineWithheld, Ref: w.Invoice, Clause: w.Clause, Amount: w.Amount.Round(outsourcing.RoundHalfUp),
			Description: "withheld from invoice " + w.Invoice, Basis: w.Reason, Disputed: w.Disputed})
	}
}

// total sums the lines exactly.
func (s *settler) total() (Ledger, error) {
	net, disputed := outsourcing.ZeroMoney(s.cur), outsourcing.ZeroMoney(s.cur)
	for _, l := range s.led.Lines {
		var err error
		if l.Disputed {
			disputed, err = disputed.Add(l.Amount)
		} else {
			net, err = net.Add(l.Amount)
		}
		if err != nil {
			return Ledger{}, wrap(err)
		}
	}
	s.led.Net, s.led.Disputed = net, disputed
	switch {
	case net.IsPositive():
		s.led.Payer = s.t.customerID
	case net.IsNegative():
		s.led.Payer = s.t.providerID
	}
	return s.led, nil
}

// checkSettlement checks a settlement input against the terms.
func (t *Terms) checkSettlement(spec SettlementSpec) error {
	var errs problems
	c := t.contract
	if spec.Contract != c.ID() {
		errs.failf("/contract", "the settlement is of contract %q, not %q", spec.Contract, c.ID())
	}
	term := c.Term()
	switch r := c.Renewal(spec.Effective, contract.Date{}); {
	case spec.Effective.IsZero():
		errs.failf("/effective", "the settlement needs the effective date")
	case spec.Effective.Before(term.Start):
		errs.failf("/effective", "the effective date %s is before the contract started on %s", spec.Effective, term.Start)
	case r.Phase == contract.RenewalPhaseEnded:
		errs.failf("/effective", "the effective date %s is after the contract's last term ended on %s", spec.Effective, r.Term.End)
	}
	if !grounds.valid(spec.Ground) {
		errs.failf("/ground", "unknown ground %q", string(spec.Ground))
	}
	k := termsChecker{t: t}
	errs.add(t.checkReports(spec.SLAReports))
	for i, r := range spec.SLAReports {
		k.money(jsonptr.Join("sla_reports", i, "credits"), r.Credits)
	}
	reported := make(map[string]bool, len(spec.SLAReports))
	for _, r := range spec.SLAReports {
		reported[r.Period.Label()] = true
	}
	for i, label := range spec.AppliedCredits {
		if !reported[label] {
			errs.add(outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Join("applied_credits", i), "no SLA report of %q", label))
		}
	}
	prepaid, damages, withheld := map[string]int{}, map[string]int{}, map[string]int{}
	for i, p := range spec.Prepaid {
		errs.once(prepaid, p.ID, i, jsonptr.Join("prepaid", i, "id"), fmt.Sprintf("prepayment %q", p.ID))
		k.clause(jsonptr.Join("prepaid", i, "clause"), p.Clause)
		k.amount(jsonptr.Join("prepaid", i, "amount"), p.Amount)
	}
	for i, d := range spec.Damages {
		errs.once(damages, d.ID, i, jsonptr.Join("damages", i, "id"), fmt.Sprintf("damages %q", d.ID))
		k.clause(jsonptr.Join("damages", i, "clause"), d.Clause)
		k.party(jsonptr.Join("damages", i, "payer"), d.Payer)
		k.amount(jsonptr.Join("damages", i, "amount"), d.Amount)
	}
	for i, w := range spec.Withheld {
		status := "undisputed"
		if w.Disputed {
			status = "disputed"
		}
		errs.once(withheld, status+" "+w.Invoice, i, jsonptr.Join("withheld", i, "invoice"), fmt.Sprintf("the %s amount withheld from invoice %q", status, w.Invoice))
		k.clause(jsonptr.Join("withheld", i, "clause"), w.Clause)
		k.amount(jsonptr.Join("withheld", i, "amount"), w.Amount)
	}
	errs = append(errs, k.errs...)
	return errs.err()
}

// amount checks a required amount: set, not negative, in the contract's
// currency.
func (k *termsChecker) amount(path string, m outsourcing.Money) {
	if m.IsZero() {
		k.errs.failf(path, "an amount is required")
		return
	}
	k.money(path, m)
}

func minDate(a, b contract.Date) contract.Date {
	if b.Before(a) {
		return b
	}
	return a
}
