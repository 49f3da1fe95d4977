package termination

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing/contract"
)

// ExitPlan is the termination plan of Handbook §7.2 generated from the
// contract's terms for one exit: the termination assistance period, the
// responsibilities of both sides, the handover list with due dates, the
// return or destruction of data with its certificate, the obligations
// that survive with their end dates, and the dated phases.
type ExitPlan struct {
	// Contract is the contract's id.
	Contract string `json:"contract"`
	// Start is the day the exit starts: the termination notice is served.
	Start contract.Date `json:"start"`
	// Effective is the day termination takes effect, the last day of the
	// contract's services.
	Effective contract.Date `json:"effective"`
	// Assistance is the termination assistance period, from Start to
	// Effective plus the terms' assistance span (End inclusive).
	Assistance contract.Period `json:"assistance"`
	// AssistanceClause is the clause of the assistance.
	AssistanceClause string `json:"assistance_clause"`
	// Responsibilities are the duties of both sides, by phase: those the
	// terms list and those the handover list and the data terms imply.
	Responsibilities []Responsibility `json:"responsibilities"`
	// Handover is the handover list with due dates, in list order.
	Handover []PlannedItem `json:"handover"`
	// Data is the return or destruction of the customer's data.
	Data DataPlan `json:"data"`
	// Surviving are the obligations that survive, with their end dates.
	Surviving []SurvivingObligation `json:"surviving"`
	// Phases are the planned phases with their dates.
	Phases []PlannedPhase `json:"phases"`
}

// PlannedItem is a handover item with its due date.
type PlannedItem struct {
	HandoverItem
	// DueDate is Start plus the item's Due span.
	DueDate contract.Date `json:"due_date"`
}

// DataPlan is the disposal of the customer's data.
type DataPlan struct {
	Disposition Disposition `json:"disposition"`
	// By is the day the data must be returned or destroyed: the effective
	// date plus the terms' span.
	By contract.Date `json:"by"`
	// Certificate reports that destruction must be certified in writing.
	Certificate bool   `json:"certificate"`
	Clause      string `json:"clause"`
}

// SurvivingObligation is a surviving obligation with its end date.
type SurvivingObligation struct {
	Survival
	// Ends is the last day it binds: the effective date plus Duration.
	Ends contract.Date `json:"ends"`
}

// PlannedPhase is a phase with its planned first and last day.
type PlannedPhase struct {
	Phase Phase         `json:"phase"`
	From  contract.Date `json:"from"`
	Until contract.Date `json:"until,omitzero"`
}

// ExitPlan generates the exit plan for an exit started on start (the
// termination notice) and taking effect on effective (the last day of
// service). Errors (*outsourcing.FieldError): a missing day (/start,
// /effective), an effective date before start, or either outside the
// contract's term (before its first day); a planned date past
// 9999-12-31, the last day a date can hold (a handover due date at
// /start; the end of assistance, the data's disposal, the end of a
// surviving obligation or of the review at /effective).
func (t *Terms) ExitPlan(start, effective contract.Date) (ExitPlan, error) {
	p, err := t.exitPlan(start, effective)
	return p, wrap(err)
}

func (t *Terms) exitPlan(start, effective contract.Date) (ExitPlan, error) {
	termStart := t.contract.Term().Start
	var errs problems
	switch {
	case start.IsZero():
		errs.failf("/start", "the exit needs the day it starts")
	case start.Before(termStart):
		errs.failf("/start", "the exit starts on %s, before the contract starts on %s", start, termStart)
	}
	switch {
	case effective.IsZero():
		errs.failf("/effective", "the exit needs the day termination takes effect")
	case effective.Before(start):
		errs.failf("/effective", "termination takes effect on %s, before the exit starts on %s", effective, start)
	}
	if err := errs.err(); err != nil {
		return ExitPlan{}, err
	}
	s := &t.spec
	p := ExitPlan{Contract: s.Contract, Start: start, Effective: effective, AssistanceClause: s.Assistance.Clause,
		Assistance: contract.Period{Start: start, End: s.Assistance.After.AddTo(effective)}}
	provider, customer := t.providerID, t.customerID
	p.Responsibilities = slices.Clone(s.Responsibilities)
	p.Responsibilities = append(p.Responsibilities,
		Responsibility{Party: provider, Duty: "continue the services to the effective date and give termination assistance to " + p.Assistance.End.String(), Phase: PhaseAssistance, Clause: s.Assistance.Clause})
	for _, h := range s.Handover {
		due := h.Due.AddTo(start)
		p.Handover = append(p.Handover, PlannedItem{HandoverItem: h, DueDate: due})
		p.Responsibilities = append(p.Responsibilities,
			Responsibility{Party: h.From, Duty: fmt.Sprintf("hand over %s (%s) by %s", h.Name, h.ID, due), Phase: PhaseAssistance, Clause: h.Clause})
		if h.To != Successor {
			p.Responsibilities = append(p.Responsibilities,
				Responsibility{Party: h.To, Duty: fmt.Sprintf("accept or reject %s (%s) on delivery", h.Name, h.ID), Phase: PhaseAssistance, Clause: h.Clause})
		}
	}
	d := s.Data
	p.Data = DataPlan{Disposition: d.Disposition, By: d.Within.AddTo(effective), Certificate: d.Certificate, Clause: d.Clause}
	duty := fmt.Sprintf("%s the customer's data by %s", dispositionVerb[d.Disposition], p.Data.By)
	if d.Certificate {
		duty += " and certify its destruction in writing"
	}
	p.Responsibilities = append(p.Responsibilities,
		Responsibility{Party: provider, Duty: duty, Phase: PhaseDataDisposition, Clause: d.Clause},
		Responsibility{Party: customer, Duty: "review the exit and archive the final vendor evaluation by " + p.reviewBy(s).String(), Phase: PhaseReview, Clause: s.Assistance.Clause})
	slices.SortStableFunc(p.Responsibilities, func(a, b Responsibility) int {
		return cmp.Compare(slices.Index(phases.values, a.Phase), slices.Index(phases.values, b.Phase))
	})
	for _, sv := range s.Survival {
		p.Surviving = append(p.Surviving, SurvivingObligation{Survival: sv, Ends: sv.Duration.AddTo(effective)})
	}
	handoverEnd, dataBy := p.handoverEnd(), p.dataBy()
	p.Phases = []PlannedPhase{
		{PhaseNotice, start, start},
		{PhaseAssistance, start, handoverEnd},
		{PhaseDataDisposition, handoverEnd, dataBy},
		{PhaseReview, dataBy, p.reviewBy(s)},
	}
	if err := p.checkDates(); err != nil {
		return ExitPlan{}, err
	}
	return p, nil
}

// checkDates refuses a plan with a date past lastDay, which no document
// could hold: each at the argument it was counted from.
func (p ExitPlan) checkDates() error {
	var errs problems
	late := func(path, what string, d contract.Date) {
		if d.After(lastDay()) {
			errs.failf(path, "%s would fall on %s, after %s, the last day a date can hold", what, d, lastDay())
		}
	}
	for _, h := range p.Handover {
		late("/start", fmt.Sprintf("handover item %s", h.ID), h.DueDate)
	}
	late("/effective", "the end of termination assistance", p.Assistance.End)
	late("/effective", "the data's "+string(p.Data.Disposition), p.Data.By)
	for _, sv := range p.Surviving {
		late("/effective", fmt.Sprintf("the end of the %s obligation of clause %s", sv.Kind, sv.Clause), sv.Ends)
	}
	late("/effective", "the end of the post-exit review", p.Phases[len(p.Phases)-1].Until)
	return errs.err()
}

// lastDay returns 9999-12-31, the last day a date can hold (dates in
// documents run from 0001 to 9999).
func lastDay() contract.Date { return contract.MustDate(9999, time.December, 31) }

// handoverEnd is the planned end of the assistance phase: the end of
// the assistance period or the last handover item's due date.
func (p ExitPlan) handoverEnd() contract.Date {
	end := p.Assistance.End
	for _, h := range p.Handover {
		end = maxDate(end, h.DueDate)
	}
	return end
}

// dataBy is the planned end of data disposition, not before the
// handover ends.
func (p ExitPlan) dataBy() contract.Date { return maxDate(p.Data.By, p.handoverEnd()) }

// reviewBy is the planned end of the review: the terms' review period
// (DefaultReviewPeriod when none) after data disposition.
func (p ExitPlan) reviewBy(s *TermsSpec) contract.Date {
	period := s.ReviewPeriod
	if period.IsZero() {
		period = DefaultReviewPeriod()
	}
	return period.AddTo(p.dataBy())
}

var dispositionVerb = map[Disposition]string{DispositionReturn: "return", DispositionDestroy: "destroy",
	DispositionReturnThenDestroy: "return, then destroy"}

func maxDate(a, b contract.Date) contract.Date {
	if b.After(a) {
		return b
	}
	return a
}

// partyOf returns the id of the contract's first party in role.
func partyOf(c *contract.Contract, role contract.PartyRole) string {
	for _, p := range c.Spec().Parties {
		if p.Role == role {
			return p.ID
		}
	}
	return ""
}
