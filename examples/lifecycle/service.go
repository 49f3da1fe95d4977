package main

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/sla"
)

// serviceMonths is how long service levels are measured: the first year.
const serviceMonths = 12

// Service is chapter 4: transition accepted, a year of service levels,
// credits on the invoices.
type Service struct {
	Transition contract.TransitionProgress `json:"transition"`
	Acceptance contract.Acceptance         `json:"acceptance"`
	Reports    []sla.Report                `json:"sla_reports"`
	Invoices   []invoiceResult             `json:"invoices"`
	Credits    outsourcing.Money           `json:"credits"`
	Applied    outsourcing.Money           `json:"credits_applied"`
	// AppliedLabels are the periods whose credits are on an invoice.
	AppliedLabels []string `json:"applied_periods"`
}

// invoiceResult is one invoice with its credits and its check.
type invoiceResult struct {
	Invoice contract.Invoice      `json:"invoice"`
	Credit  outsourcing.Money     `json:"credit"`
	Total   outsourcing.Money     `json:"total"`
	Check   contract.InvoiceCheck `json:"check"`
	Period  string                `json:"period"`
	Payment contract.PaymentKind  `json:"payment"`
	From    contract.Date         `json:"from"`
}

// operate accepts the transition (Handbook §4.1), measures the service
// levels of the first year of service from the events (§4.3), and applies
// each month's credit to the next month's invoice, checking every invoice
// against the contract (§3.3).
func operate(d *documents, rec *contract.Record) (Service, error) {
	var s Service
	accepted := d.Acceptance.SignOff.At
	c := rec.InForce(contract.DateOf(accepted))
	var err error
	if s.Acceptance, err = c.Accept(d.Acceptance); err != nil {
		return s, d.in("acceptance", err)
	}
	if s.Transition, err = c.TransitionProgress(s.Acceptance.On, d.Transition); err != nil {
		return s, d.in("transition", err)
	}
	fees := feePayments(rec.Current())
	if len(fees) == 0 {
		return s, d.in("contract", fmt.Errorf("/pricing/fees: the contract has no periodic fee to measure service against"))
	}
	a := c.Agreement()
	if a == nil {
		return s, d.in("contract", fmt.Errorf("/sla: the contract has no SLA schedule"))
	}
	start := fees[0].Period.Start
	periods, err := a.Periods(start.In(a.Location()), start.AddMonths(serviceMonths).In(a.Location()))
	if err != nil {
		return s, err
	}
	if s.Reports, err = a.Evaluate(d.Events, periods, nil); err != nil {
		return s, d.in("events", err)
	}
	currency := c.Currency()
	s.Credits, s.Applied = outsourcing.ZeroMoney(currency), outsourcing.ZeroMoney(currency)
	for _, r := range s.Reports {
		if s.Credits, err = s.Credits.Add(r.Net); err != nil {
			return s, d.in("events", err)
		}
	}
	return s, s.invoice(d, rec, fees)
}

// feePayments are the contract's scheduled fee payments, in order.
func feePayments(c *contract.Contract) []contract.Payment {
	var out []contract.Payment
	for _, p := range c.PaymentSchedule() {
		if p.Kind == contract.PaymentKindFee {
			out = append(out, p)
		}
	}
	return out
}

// invoice raises the provider's invoices of the measured year as the
// payment schedule has them: the accepted transition milestone, then
// each month's fee less the previous month's net credit.
func (s *Service) invoice(d *documents, rec *contract.Record, fees []contract.Payment) error {
	var prior []contract.Invoice
	var schedule []contract.Payment
	for _, p := range rec.Current().PaymentSchedule() {
		if p.Kind == contract.PaymentKindMilestone && p.Ref == s.Acceptance.Subject {
			p.InvoiceDate = s.Acceptance.On
			schedule = append(schedule, p)
		}
	}
	schedule = append(schedule, fees[:min(len(fees), serviceMonths)]...)
	for i, p := range schedule {
		c := rec.InForce(p.InvoiceDate)
		inv := contract.Invoice{ID: fmt.Sprintf("INV-%03d", i+1), Date: p.InvoiceDate,
			Lines: []contract.InvoiceLine{{Kind: contract.LineKind(p.Kind), Ref: p.Ref, Period: p.Period, Amount: p.Amount, Description: description(c, p)}}}
		res := invoiceResult{Period: monthOf(p.Period.Start), Payment: p.Kind, From: p.InvoiceDate, Credit: outsourcing.ZeroMoney(c.Currency())}
		if prev := s.reportBefore(p.InvoiceDate); prev != nil {
			withCredit, err := c.ApplyCredits(inv, []sla.Report{*prev})
			if err != nil {
				return d.in("events", err)
			}
			if len(withCredit.Lines) > len(inv.Lines) {
				res.Credit = withCredit.Lines[len(withCredit.Lines)-1].Amount
				s.AppliedLabels = append(s.AppliedLabels, prev.Period.Label())
				var err error
				if s.Applied, err = s.Applied.Add(prev.Net); err != nil {
					return err
				}
			}
			inv = withCredit
		}
		check, err := c.CheckInvoice(inv, prior, []contract.Acceptance{s.Acceptance})
		if err != nil {
			return d.in("contract", err)
		}
		if res.Total, err = inv.Total(); err != nil {
			return err
		}
		res.Invoice, res.Check = inv, check
		s.Invoices = append(s.Invoices, res)
		prior = append(prior, inv)
	}
	return nil
}

// reportBefore is the report of the period that ended on the invoice's
// day: its credit goes on that invoice.
func (s *Service) reportBefore(invoiced contract.Date) *sla.Report {
	for i := range s.Reports {
		if contract.DateOf(s.Reports[i].Period.End()) == invoiced {
			return &s.Reports[i]
		}
	}
	return nil
}

// description words an invoice line.
func description(c *contract.Contract, p contract.Payment) string {
	for _, f := range c.Spec().Pricing.Fees {
		if f.ID == p.Ref {
			return f.Description
		}
	}
	for _, m := range c.Spec().Pricing.Milestones {
		if m.ID == p.Ref {
			return m.Description
		}
	}
	return p.Ref
}

// status words a level's attainment.
func status(l sla.LevelReport) string {
	switch l.Status {
	case sla.StatusMet:
		return "met"
	case sla.StatusMinimum:
		return "below target"
	case sla.StatusMissed:
		return "BELOW MINIMUM"
	}
	return "no data"
}

// signals words a report's termination signal: the level missed most
// often in the rolling window, when it reached the threshold.
func signals(r sla.Report) string {
	var top *sla.Signal
	for i, sg := range r.Signals {
		if sg.Triggered && (top == nil || sg.Counted > top.Counted) {
			top = &r.Signals[i]
		}
	}
	if top == nil {
		return ""
	}
	return fmt.Sprintf("%d of the last %d months below minimum: termination right", top.Counted, top.Read)
}

// atCap reports whether a period's credits reached the cap.
func atCap(r sla.Report) bool { return r.AtCap }

func (s Service) text(pg *page) {
	pg.heading("§4 Service: transition and the first year of service levels")
	verdict := "accepted"
	if !s.Acceptance.Accepted {
		verdict = "NOT accepted"
	}
	pg.para("Transition %s on %s: %d of %d acceptance criteria met, %d of %d transition items done, %s.", verdict, s.Acceptance.On,
		len(s.Acceptance.Passed), len(s.Acceptance.Passed)+len(s.Acceptance.Failed)+len(s.Acceptance.Missing),
		s.Transition.Done, s.Transition.Total, onTrack(s.Transition))
	if len(s.Reports) == 0 {
		return
	}
	header := []string{"Month"}
	var targets []string
	for _, l := range s.Reports[0].Levels {
		header = append(header, l.Name)
		targets = append(targets, fmt.Sprintf("%s %s (minimum %s)", lowerFirst(l.Name), points(l.Expected, 2), points(l.Minimum, 2)))
	}
	header = append(header, "Service credit", "Termination signal")
	t := newTable(header, len(header)-2)
	missed := 0
	for _, r := range s.Reports {
		row := []string{r.Period.Label()}
		for _, l := range r.Levels {
			v := "no data"
			if l.Actual != nil {
				v = points(*l.Actual, 2)
			}
			if l.Status == sla.StatusMissed {
				missed++
			}
			row = append(row, v+" "+status(l))
		}
		credit := ""
		if r.Net.IsPositive() {
			credit = money(r.Net)
		}
		if atCap(r) {
			credit += " (cap)"
		}
		add(&t, append(row, credit, signals(r))...)
	}
	pg.table(fmt.Sprintf("Service levels, %s to %s (Handbook §4.3). Targets: %s. %d level-months below minimum, credits %s",
		s.Reports[0].Period.Label(), s.Reports[len(s.Reports)-1].Period.Label(), strings.Join(targets, "; "), missed, money(s.Credits)), t)

	t = newTable([]string{"Invoice", "Date", "For", "Charge", "Service credit", "Total", "Check"}, 3, 4, 5)
	for _, inv := range s.Invoices {
		charge := inv.Invoice.Lines[0].Amount
		credit := ""
		if inv.Credit.IsNegative() {
			credit = money(inv.Credit)
		}
		check := "agrees with the contract"
		if !inv.Check.OK {
			check = fmt.Sprintf("%d discrepancies", len(inv.Check.Findings))
		}
		add(&t, inv.Invoice.ID, inv.Invoice.Date.String(), inv.Invoice.Lines[0].Description+" "+inv.Period, money(charge), credit, money(inv.Total), check)
	}
	unapplied, _ := s.Credits.Sub(s.Applied)
	pg.table(fmt.Sprintf("Invoices with the previous month's credit deducted (Handbook §3.3): %s deducted, %s not yet invoiced",
		money(s.Applied), money(unapplied)), t)
}

// onTrack words the transition's schedule.
func onTrack(p contract.TransitionProgress) string {
	if p.OnTrack {
		return "none overdue"
	}
	return fmt.Sprintf("%d overdue", len(p.Overdue))
}

// monthOf shows a day's month, "2027-01"; "" for no day.
func monthOf(d contract.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d-%02d", d.Year(), d.Month())
}
