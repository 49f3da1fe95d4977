package contract

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
)

// ContractSpec is an outsourcing contract as written (Handbook §3.1):
// the parties and who may sign for them, the scope, the term, the prices
// and payment terms, the clauses with the obligations they create, the
// liability cap and risk sharing, governance, the SLA schedule, the
// acceptance criteria and the transition plan. ParseContract reads it
// from JSON; CompileContract checks it and builds the immutable
// *Contract.
type ContractSpec struct {
	// ID identifies the contract in records, reviews and invoices.
	ID string `json:"id"`
	// Version numbers the contract's versions from 1; 0 means 1. A change
	// applied with Record.Amend produces the next version.
	Version int `json:"version,omitempty"`
	// Title is a readable name.
	Title string `json:"title"`
	// Currency is the contract's currency: every price line, cap and
	// signing limit is in it. Required; omitted from JSON when empty, so
	// that a spec built in Go without one reaches CompileContract's
	// error at /currency.
	Currency outsourcing.Currency `json:"currency,omitzero"`
	// Parties are the customer (exactly one) and the providers. A
	// provider refers to its vendor by VendorID.
	Parties []Party `json:"parties"`
	// Scope says what the service includes and excludes.
	Scope Scope `json:"scope"`
	// Term is when the contract runs and how it renews.
	Term Term `json:"term"`
	// Pricing holds the fees, the rate card and the milestones.
	Pricing Pricing `json:"pricing"`
	// PaymentTerms says when an invoice is due.
	PaymentTerms PaymentTerms `json:"payment_terms"`
	// Clauses are the contract's clauses, typed by kind.
	Clauses []Clause `json:"clauses"`
	// Liability holds the liability cap and how risks are shared.
	Liability Liability `json:"liability"`
	// Governance holds the meeting cadence and the escalation ladder.
	Governance Governance `json:"governance,omitzero"`
	// SLA is the SLA schedule; nil when the contract has none.
	SLA *SLASchedule `json:"sla,omitempty"`
	// Acceptance lists the acceptance criteria that milestones and the
	// transition are accepted against (Handbook §4.1).
	Acceptance []Criterion `json:"acceptance,omitempty"`
	// Transition is the transition plan; nil when there is none.
	Transition *TransitionPlan `json:"transition,omitempty"`
}

// Party is one side of the contract.
type Party struct {
	// ID names the party in obligations, signatures and RACI entries.
	ID string `json:"id"`
	// Role is customer or provider.
	Role PartyRole `json:"role"`
	// Name is the legal name.
	Name string `json:"name"`
	// VendorID is the provider's id in the vendor pool (optional).
	VendorID string `json:"vendor_id,omitempty"`
	// Signatories are the representatives authorised to sign for the
	// party (Handbook §3.2); at least one.
	Signatories []Signatory `json:"signatories"`
}

// Signatory is a representative authorised to sign for a party.
type Signatory struct {
	// ID names the signatory in signatures; unique within the party.
	ID string `json:"id"`
	// Name of the person.
	Name string `json:"name"`
	// Title is the position ("Chief Financial Officer").
	Title string `json:"title,omitempty"`
	// Roles are the capacities the signatory holds under the contract
	// besides the title ("service owner", "IT security"), as acceptance
	// criteria name them in Criterion.SignOffBy.
	Roles []string `json:"roles,omitempty"`
	// Limit is the highest total contract value the signatory may sign;
	// Money{} (absent) means no limit.
	Limit outsourcing.Money `json:"limit,omitzero"`
	// From and Until bound the authority, both days inclusive; absent
	// means unbounded.
	From  Date `json:"from,omitzero"`
	Until Date `json:"until,omitzero"`
}

// Scope is the subject matter of the contract (Handbook §3.1).
type Scope struct {
	// Summary describes the service in a sentence or two.
	Summary string `json:"summary"`
	// Inclusions are what the service covers.
	Inclusions []ScopeItem `json:"inclusions"`
	// Exclusions are what it explicitly does not cover.
	Exclusions []ScopeItem `json:"exclusions,omitempty"`
}

// ScopeItem is one inclusion or exclusion.
type ScopeItem struct {
	// ID names the item.
	ID string `json:"id"`
	// Description says what it is.
	Description string `json:"description"`
}

// Term is when the contract runs. Start and End are both days of the
// term: End is the last day, inclusive (a term from 2026-01-01 to
// 2028-12-31 runs three whole years).
type Term struct {
	// Start is the first day of the term.
	Start Date `json:"start"`
	// End is the last day of the initial term, inclusive; not before Start.
	End Date `json:"end"`
	// Renewal, when set, renews the contract automatically unless notice
	// is given.
	Renewal *Renewal `json:"renewal,omitempty"`
	// Notice is how long before the end of a term notice of
	// non-renewal must be given ("P3M"); zero means none is needed.
	Notice Span `json:"notice,omitzero"`
	// Alerts are how long before the cancel-by date to warn ("P90D",
	// "P30D").
	Alerts []Span `json:"alerts,omitempty"`
}

// Renewal is automatic renewal: each renewal term follows the previous
// one; renewal terms are counted from the end of the initial term, so a
// term ending on a month's last day renews to month ends.
type Renewal struct {
	// Term is the length of each renewal term ("P1Y").
	Term Span `json:"term"`
	// Max is the most renewals; 0 means no limit other than the
	// calendar's: no renewal term ends after 9999-12-31, the last day a
	// date is written in.
	Max int `json:"max,omitempty"`
}

// Pricing holds every price line. All amounts are in the contract's
// currency and not negative.
type Pricing struct {
	// Fees are fixed periodic fees.
	Fees []Fee `json:"fees,omitempty"`
	// RateCard holds time-and-materials rates.
	RateCard []Rate `json:"rate_card,omitempty"`
	// Milestones are fixed payments due on acceptance of a deliverable.
	Milestones []Milestone `json:"milestones,omitempty"`
	// Ceiling is the not-to-exceed total of all invoices; Money{} means
	// none.
	Ceiling outsourcing.Money `json:"ceiling,omitzero"`
}

// Fee is a fixed periodic fee, billed for each period of length Every
// counted from From (the term's start when absent). A last period cut
// short by Until (the term's end when absent) is prorated by days.
type Fee struct {
	// ID names the fee on invoices.
	ID string `json:"id"`
	// Description says what it pays for.
	Description string `json:"description,omitempty"`
	// Amount is the fee for one whole period.
	Amount outsourcing.Money `json:"amount"`
	// Every is the billing period ("P1M", "P3M", "P1Y").
	Every Span `json:"every"`
	// Billing says whether the fee is invoiced at the start of its period
	// (in advance, the default) or after its last day (in arrears).
	Billing Billing `json:"billing,omitempty"`
	// From is the first day the fee runs; absent means the term's start.
	From Date `json:"from,omitzero"`
	// Until is the last day the fee runs, inclusive; absent means the
	// end of the initial term.
	Until Date `json:"until,omitzero"`
}

// Rate is a time-and-materials rate of the rate card.
type Rate struct {
	// ID names the rate on invoices.
	ID string `json:"id"`
	// Role is who the rate is for ("senior engineer").
	Role string `json:"role"`
	// Unit is what is counted: hour, day or item.
	Unit RateUnit `json:"unit"`
	// Price is the price of one unit.
	Price outsourcing.Money `json:"price"`
	// MaxUnits caps the units billable on one invoice; absent means no cap.
	MaxUnits *outsourcing.Decimal `json:"max_units,omitempty"`
}

// Milestone is a fixed payment due once its deliverable is accepted.
type Milestone struct {
	// ID names the milestone on invoices.
	ID string `json:"id"`
	// Description says what is delivered.
	Description string `json:"description"`
	// Amount is paid on acceptance.
	Amount outsourcing.Money `json:"amount"`
	// Due is the planned date of delivery.
	Due Date `json:"due"`
	// Criteria are ids of the contract's acceptance criteria the
	// deliverable is accepted against.
	Criteria []string `json:"criteria,omitempty"`
}

// PaymentTerms say when an invoice is due: Days after the invoice date
// ("net 30"), or after the end of the invoice's month ("30 days end of
// month").
type PaymentTerms struct {
	// Days is the number of days allowed for payment.
	Days int `json:"days"`
	// Basis is what the days count from; "" means the invoice date.
	Basis PaymentBasis `json:"basis,omitempty"`
}

// Clause is one clause of the contract.
type Clause struct {
	// ID names the clause ("7.2"); unique in the contract.
	ID string `json:"id"`
	// Kind is one of the handbook's core kinds, or custom.
	Kind ClauseKind `json:"kind"`
	// Title is the clause heading.
	Title string `json:"title"`
	// Text is the clause as written.
	Text string `json:"text,omitempty"`
	// Obligations are the duties the clause creates.
	Obligations []Obligation `json:"obligations,omitempty"`
}

// Obligation is a duty a clause puts on a party: once, on Due, or
// recurring every Every from Due (the anchor) until Until.
type Obligation struct {
	// ID names the obligation; unique in the contract.
	ID string `json:"id"`
	// Description says what must be done.
	Description string `json:"description"`
	// Party is the id of the party that owes it.
	Party string `json:"party"`
	// Due is the (first) due date; a recurring obligation without Until
	// is first due within the initial term (CompileContract refuses one
	// that would never fall due).
	Due Date `json:"due"`
	// Every, when set, repeats the obligation: occurrence k is due on
	// Due + k × Every, counted from Due so that month ends do not drift.
	Every Span `json:"every,omitzero"`
	// Until is the last day an occurrence may fall on, inclusive; absent
	// means the end of the initial term.
	Until Date `json:"until,omitzero"`
	// Lead is how long before each due date the obligation counts as due;
	// zero means on the due date only.
	Lead Span `json:"lead,omitzero"`
}

// Liability holds the liability cap and the split of risks (Handbook
// §3.1: liability for breach, risk sharing and responsibility split).
type Liability struct {
	// Cap is the provider's aggregate liability cap.
	Cap LiabilityCap `json:"cap"`
	// Exclusions are what the cap does not limit ("wilful misconduct").
	Exclusions []string `json:"exclusions,omitempty"`
	// RiskSharing says who bears which risk.
	RiskSharing []RiskShare `json:"risk_sharing,omitempty"`
}

// LiabilityCap is an amount, a multiple of the annual fees, or both (the
// larger applies, as "the greater of EUR 1 million and 1.5 times the
// annual fees" reads).
type LiabilityCap struct {
	// Amount is a fixed cap; Money{} means none.
	Amount outsourcing.Money `json:"amount,omitzero"`
	// MultipleOfAnnualFees is a cap as a multiple of Contract.AnnualFees.
	MultipleOfAnnualFees *outsourcing.Decimal `json:"multiple_of_annual_fees,omitempty"`
}

// RiskShare says who bears one risk.
type RiskShare struct {
	// Risk names the risk ("data loss at the provider's site").
	Risk string `json:"risk"`
	// Bearer is customer, provider or shared.
	Bearer Bearer `json:"bearer"`
	// ProviderShare is the provider's share in percent when shared.
	ProviderShare outsourcing.Percent `json:"provider_share,omitzero"`
}

// Governance is how the parties meet and escalate (Handbook §4.2, §6.2,
// §6.3).
type Governance struct {
	// Meetings are the recurring governance meetings.
	Meetings []Meeting `json:"meetings,omitempty"`
	// Escalation is the ladder of §6.3, lowest level first.
	Escalation []EscalationStep `json:"escalation,omitempty"`
}

// Meeting is a recurring governance meeting (operations, service review,
// executive review).
type Meeting struct {
	// ID names the meeting.
	ID string `json:"id"`
	// Name is a readable title.
	Name string `json:"name"`
	// Every is the cadence ("P1W", "P1M", "P3M").
	Every Span `json:"every"`
	// First is the first meeting; absent means the term's start.
	First Date `json:"first,omitzero"`
	// Attendees are roles or party ids.
	Attendees []string `json:"attendees,omitempty"`
}

// EscalationStep is one rung of the escalation ladder: who handles a
// dispute at this level and how long they have before it moves up.
type EscalationStep struct {
	// Role is who decides at this level ("service managers").
	Role string `json:"role"`
	// TimeLimit is how long the level has to resolve ("P5D").
	TimeLimit Span `json:"time_limit"`
}

// SLASchedule is the SLA schedule: an sla agreement document and, for
// each service level, how it is measured (Handbook §3.1: each metric
// with a target, a measurement method, a reporting period and a penalty).
// sla.Level has no field for the measurement method, so the schedule
// carries one Measurement per level: CompileContract requires exactly
// one entry for every level of the agreement, each naming a level that
// exists.
type SLASchedule struct {
	// Agreement is the service-level agreement, as sla.ParseAgreement
	// decodes it.
	Agreement sla.AgreementSpec `json:"agreement"`
	// Measurement says how each level is measured: one entry per level
	// of the agreement.
	Measurement []Measurement `json:"measurement"`
}

// Measurement states how one service level is measured.
type Measurement struct {
	// Level is the id of the agreement's level.
	Level string `json:"level"`
	// Method describes the measurement method ("synthetic probe every
	// minute from two sites"); required.
	Method string `json:"method"`
	// Source names the tool or data source.
	Source string `json:"source,omitempty"`
}

// Criterion is an acceptance criterion.
type Criterion struct {
	// ID names the criterion.
	ID string `json:"id"`
	// Description says what must hold.
	Description string `json:"description"`
	// SignOffBy names the customer roles that must each sign off an
	// acceptance against the criterion ("service owner", "IT security"):
	// all of them, in the request's sign-offs (Contract.Accept). A
	// signatory holds a role that is their Title or one of their Roles,
	// compared without regard to case; one signatory may hold several.
	// Empty means any customer signatory signs it off.
	SignOffBy []string `json:"sign_off_by,omitempty"`
}
