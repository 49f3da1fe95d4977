package contract

import (
	"cmp"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// ReviewEnv is what review rules and approval routing rules read about a
// contract. Amounts are outsourcing.Decimal in the contract's currency
// (Currency), so `total_value > 1000000` compares exactly; an amount the
// contract does not state is 0.
type ReviewEnv struct {
	ID       string `expr:"id"`
	Title    string `expr:"title"`
	Version  int    `expr:"version"`
	Currency string `expr:"currency"`
	// TotalValue is Contract.TotalValue; AnnualFees, LiabilityCap and
	// Ceiling likewise.
	TotalValue   outsourcing.Decimal `expr:"total_value"`
	AnnualFees   outsourcing.Decimal `expr:"annual_fees"`
	LiabilityCap outsourcing.Decimal `expr:"liability_cap"`
	Ceiling      outsourcing.Decimal `expr:"ceiling"`
	// PaymentDays is the payment terms' days; EndOfMonth their basis.
	PaymentDays int  `expr:"payment_days"`
	EndOfMonth  bool `expr:"end_of_month"`
	// TermMonths is the initial term in whole months.
	TermMonths int `expr:"term_months"`
	// AutoRenewal reports automatic renewal; NoticeDays the days of notice
	// before the initial term's end.
	AutoRenewal bool `expr:"auto_renewal"`
	NoticeDays  int  `expr:"notice_days"`
	// ClauseKinds lists the kinds of the clauses, one per clause.
	ClauseKinds []string `expr:"clause_kinds"`
	// Clauses counts the clauses; Obligations their obligations.
	Clauses     int `expr:"clauses"`
	Obligations int `expr:"obligations"`
	// Providers lists the providers' vendor ids (or party ids).
	Providers []string `expr:"providers"`
	// SLALevels counts the SLA schedule's service levels.
	SLALevels int `expr:"sla_levels"`
	// Milestones counts the pricing milestones; RateCard the rates.
	Milestones int `expr:"milestones"`
	RateCard   int `expr:"rate_card"`
	// HasTransition reports a transition plan; EscalationSteps counts the
	// escalation ladder.
	HasTransition   bool `expr:"has_transition"`
	EscalationSteps int  `expr:"escalation_steps"`
}

// ClauseEnv is what clause rules read: one clause, and its contract.
type ClauseEnv struct {
	ID    string `expr:"id"`
	Kind  string `expr:"kind"`
	Title string `expr:"title"`
	Text  string `expr:"text"`
	// Words counts the words of Text.
	Words int `expr:"words"`
	// Obligations counts the clause's obligations.
	Obligations int `expr:"obligations"`
	// Contract is the contract the clause belongs to.
	Contract *ReviewEnv `expr:"contract"`
}

// Env returns the contract as review and routing rules read it.
func (c *Contract) Env() *ReviewEnv {
	s := &c.spec
	e := &ReviewEnv{ID: s.ID, Title: s.Title, Version: s.Version, Currency: string(s.Currency),
		TotalValue: c.total.Amount(), AnnualFees: c.annual.Amount(), LiabilityCap: c.cap.Amount(),
		Ceiling: s.Pricing.Ceiling.Amount(), PaymentDays: s.PaymentTerms.Days,
		EndOfMonth:  s.PaymentTerms.Basis == PaymentBasisEndOfMonth,
		TermMonths:  monthsBetween(s.Term.Start, s.Term.End.AddDays(1)),
		AutoRenewal: s.Term.Renewal != nil,
		NoticeDays:  s.Term.Notice.SubtractFrom(s.Term.End).DaysUntil(s.Term.End),
		Clauses:     len(s.Clauses), Milestones: len(s.Pricing.Milestones), RateCard: len(s.Pricing.RateCard),
		HasTransition: s.Transition != nil, EscalationSteps: len(s.Governance.Escalation)}
	for _, cl := range s.Clauses {
		e.ClauseKinds = append(e.ClauseKinds, string(cl.Kind))
		e.Obligations += len(cl.Obligations)
	}
	for _, p := range s.Parties {
		if p.Role == PartyRoleProvider {
			e.Providers = append(e.Providers, cmp.Or(p.VendorID, p.ID))
		}
	}
	if s.SLA != nil {
		e.SLALevels = len(s.SLA.Agreement.Levels)
	}
	return e
}

func (c *Contract) clauseEnv(i int, contract *ReviewEnv) *ClauseEnv {
	cl := c.spec.Clauses[i]
	return &ClauseEnv{ID: cl.ID, Kind: string(cl.Kind), Title: cl.Title, Text: cl.Text,
		Words: len(strings.Fields(cl.Text)), Obligations: len(cl.Obligations), Contract: contract}
}

// monthsBetween counts the whole months from a to b: a's day-of-month
// reached again (clamped to month ends) counts as a month.
func monthsBetween(a, b Date) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
	if a.AddMonths(n).After(b) {
		n--
	}
	return n
}
