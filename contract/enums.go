package contract

import "github.com/outsourcing-go/outsourcing"

// PartyRole is a party's side of the contract.
type PartyRole string

// Party roles.
const (
	PartyRoleCustomer PartyRole = "customer"
	PartyRoleProvider PartyRole = "provider"
)

var partyRoles = []PartyRole{PartyRoleCustomer, PartyRoleProvider}

// String returns the role's name.
func (r PartyRole) String() string { return string(r) }

// MarshalText implements encoding.TextMarshaler.
func (r PartyRole) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(r, "party role", partyRoles)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown roles.
func (r *PartyRole) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(r, b, "party role", partyRoles)
}

// ClauseKind types a clause by the handbook's core clauses (§3.1), or
// custom for any other.
type ClauseKind string

// Clause kinds: the thirteen core kinds of Handbook §3.1, then custom.
const (
	ClauseKindScope             ClauseKind = "scope"
	ClauseKindTerm              ClauseKind = "term"
	ClauseKindServiceStandards  ClauseKind = "service_standards"
	ClauseKindPricePayment      ClauseKind = "price_payment"
	ClauseKindRightsObligations ClauseKind = "rights_obligations"
	ClauseKindIP                ClauseKind = "intellectual_property"
	ClauseKindConfidentiality   ClauseKind = "confidentiality"
	ClauseKindSLA               ClauseKind = "sla"
	ClauseKindAcceptance        ClauseKind = "acceptance"
	ClauseKindLiability         ClauseKind = "liability"
	ClauseKindForceMajeure      ClauseKind = "force_majeure"
	ClauseKindChangeTermination ClauseKind = "change_termination"
	ClauseKindDisputeResolution ClauseKind = "dispute_resolution"
	ClauseKindCustom            ClauseKind = "custom"
)

var clauseKinds = []ClauseKind{ClauseKindScope, ClauseKindTerm, ClauseKindServiceStandards, ClauseKindPricePayment,
	ClauseKindRightsObligations, ClauseKindIP, ClauseKindConfidentiality, ClauseKindSLA, ClauseKindAcceptance,
	ClauseKindLiability, ClauseKindForceMajeure, ClauseKindChangeTermination, ClauseKindDisputeResolution, ClauseKindCustom}

// CoreClauseKinds returns the thirteen core clause kinds of Handbook
// §3.1, in the handbook's order (every kind but custom).
func CoreClauseKinds() []ClauseKind { return clauseKinds[: len(clauseKinds)-1 : len(clauseKinds)-1] }

// String returns the kind's name.
func (k ClauseKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ClauseKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "clause kind", clauseKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *ClauseKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "clause kind", clauseKinds)
}

// Billing says when a periodic fee is invoiced.
type Billing string

// Billing timings.
const (
	// BillingAdvance invoices a period on its first day.
	BillingAdvance Billing = "advance"
	// BillingArrears invoices a period on the day after its last day.
	BillingArrears Billing = "arrears"
)

var billings = []Billing{BillingAdvance, BillingArrears}

// String returns the timing's name.
func (b Billing) String() string { return string(b) }

// MarshalText implements encoding.TextMarshaler.
func (b Billing) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(b, "billing", billings)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown timings.
func (b *Billing) UnmarshalText(t []byte) error {
	return outsourcing.UnmarshalEnum(b, t, "billing", billings)
}

// RateUnit is what a rate counts.
type RateUnit string

// Rate units.
const (
	RateUnitHour RateUnit = "hour"
	RateUnitDay  RateUnit = "day"
	RateUnitItem RateUnit = "item"
)

var rateUnits = []RateUnit{RateUnitHour, RateUnitDay, RateUnitItem}

// String returns the unit's name.
func (u RateUnit) String() string { return string(u) }

// MarshalText implements encoding.TextMarshaler.
func (u RateUnit) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(u, "rate unit", rateUnits)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown units.
func (u *RateUnit) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(u, b, "rate unit", rateUnits)
}

// PaymentBasis is what payment days count from.
type PaymentBasis string

// Payment bases.
const (
	// PaymentBasisInvoiceDate: due Days after the invoice date ("net 30").
	PaymentBasisInvoiceDate PaymentBasis = "invoice_date"
	// PaymentBasisEndOfMonth: due Days after the last day of the invoice
	// date's month ("30 days end of month").
	PaymentBasisEndOfMonth PaymentBasis = "end_of_month"
)

var paymentBases = []PaymentBasis{PaymentBasisInvoiceDate, PaymentBasisEndOfMonth}

// String returns the basis's name.
func (b PaymentBasis) String() string { return string(b) }

// MarshalText implements encoding.TextMarshaler.
func (b PaymentBasis) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(b, "payment basis", paymentBases)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown bases.
func (b *PaymentBasis) UnmarshalText(t []byte) error {
	return outsourcing.UnmarshalEnum(b, t, "payment basis", paymentBases)
}

// Bearer says who bears a risk.
type Bearer string

// Risk bearers.
const (
	BearerCustomer Bearer = "customer"
	BearerProvider Bearer = "provider"
	BearerShared   Bearer = "shared"
)

var bearers = []Bearer{BearerCustomer, BearerProvider, BearerShared}

// String returns the bearer's name.
func (b Bearer) String() string { return string(b) }

// MarshalText implements encoding.TextMarshaler.
func (b Bearer) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(b, "bearer", bearers) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown bearers.
func (b *Bearer) UnmarshalText(t []byte) error {
	return outsourcing.UnmarshalEnum(b, t, "bearer", bearers)
}
