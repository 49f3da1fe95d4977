package vendors

import (
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// Profile is what the buyer knows of one vendor in the pool (Handbook
// §2.1): legal identity, where the vendor came from, certifications,
// experience, references, size, delivery locations, financial condition,
// credit rating, litigation and security attestations. Dates are RFC 3339
// instants; amounts are in the pool's currency.
type Profile struct {
	// ID names the vendor in every result and error; unique in a pool.
	ID string `json:"id"`
	// Name is the trading name; LegalName and RegistrationNumber the legal
	// identity (company register entry or LEI); Country the ISO 3166-1
	// alpha-2 code of the registered office.
	Name               string `json:"name"`
	LegalName          string `json:"legal_name,omitempty"`
	RegistrationNumber string `json:"registration_number,omitempty"`
	Country            string `json:"country,omitempty"`
	// Founded is the year the company was founded (years in business are
	// counted from it at the screening date).
	Founded int `json:"founded,omitempty"`
	// Sources say how the vendor entered the pool.
	Sources []Source `json:"sources,omitempty"`
	// Certifications with issuer and validity.
	Certifications []Certification `json:"certifications,omitempty"`
	// Industries the vendor has served.
	Industries []string `json:"industries,omitempty"`
	// References are past clients, some of them published case studies.
	References []Reference `json:"references,omitempty"`
	// Headcount is the number of employees.
	Headcount int `json:"headcount,omitempty"`
	// Locations are the delivery centres.
	Locations []Location `json:"locations,omitempty"`
	// Financials are the latest audited figures, if known.
	Financials *Financials `json:"financials,omitempty"`
	// CreditRating is the latest issuer rating, if any.
	CreditRating *CreditRating `json:"credit_rating,omitempty"`
	// Litigation lists known legal cases.
	Litigation []Litigation `json:"litigation,omitempty"`
	// Attestations are security, continuity and privacy attestations
	// (penetration tests, disaster-recovery tests...).
	Attestations []Attestation `json:"attestations,omitempty"`
}

// Source is how a vendor entered the pool (Handbook §2.1).
type Source string

// Sources.
const (
	SourceMarketResearch Source = "market_research"
	SourceIndustryReport Source = "industry_report"
	SourceReferral       Source = "referral"
	SourcePublicTender   Source = "public_tender"
	SourceSelfNomination Source = "self_nomination"
)

var sources = []Source{SourceMarketResearch, SourceIndustryReport, SourceReferral, SourcePublicTender, SourceSelfNomination}

// String returns the source's name.
func (s Source) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown sources.
func (s Source) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(s, "source", sources) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown sources.
func (s *Source) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "source", sources)
}

// Certification is a certificate held by the vendor ("ISO27001",
// "ISO9001", "ISO20000-1", "SOC2-Type2"...). It counts only between Issued
// and Expires.
type Certification struct {
	// Standard names the standard, as the screening rules spell it.
	Standard string `json:"standard"`
	// Issuer is the certification body; Number the certificate number.
	Issuer string `json:"issuer,omitempty"`
	Number string `json:"number,omitempty"`
	// Issued and Expires bound the validity: valid at t when
	// Issued <= t < Expires.
	Issued  time.Time `json:"issued"`
	Expires time.Time `json:"expires"`
}

// ValidAt reports whether the certificate is in force at t.
func (c Certification) ValidAt(t time.Time) bool {
	return !c.Issued.After(t) && t.Before(c.Expires)
}

// Reference is a past client engagement.
type Reference struct {
	Client      string `json:"client"`
	Industry    string `json:"industry,omitempty"`
	Year        int    `json:"year,omitempty"`
	Description string `json:"description,omitempty"`
	// CaseStudy is true when the engagement is a published case study.
	CaseStudy bool `json:"case_study,omitempty"`
}

// DeliveryModel is where a delivery centre sits relative to the buyer
// (Handbook §1.3).
type DeliveryModel string

// Delivery models.
const (
	DeliveryOnshore   DeliveryModel = "onshore"
	DeliveryNearshore DeliveryModel = "nearshore"
	DeliveryOffshore  DeliveryModel = "offshore"
)

var deliveryModels = []DeliveryModel{DeliveryOnshore, DeliveryNearshore, DeliveryOffshore}

// String returns the model's name.
func (d DeliveryModel) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown models.
func (d DeliveryModel) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(d, "delivery model", deliveryModels)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown models.
func (d *DeliveryModel) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(d, text, "delivery model", deliveryModels)
}

// Location is a delivery centre.
type Location struct {
	Country   string        `json:"country"`
	City      string        `json:"city,omitempty"`
	Delivery  DeliveryModel `json:"delivery"`
	Headcount int           `json:"headcount,omitempty"`
}

// Financials are one year's audited figures. Revenue is in the pool's
// currency; NetMargin is net income over revenue in percent; CurrentRatio
// is current assets over current liabilities; DebtRatio is total
// liabilities over total assets (0.45 is 45 %).
type Financials struct {
	Year         int                 `json:"year"`
	Revenue      outsourcing.Money   `json:"revenue"`
	NetMargin    outsourcing.Percent `json:"net_margin"`
	CurrentRatio outsourcing.Decimal `json:"current_ratio"`
	DebtRatio    outsourcing.Decimal `json:"debt_ratio"`
}

// Litigation is a legal case involving the vendor. Exposure, when known,
// is the amount at stake in the pool's currency.
type Litigation struct {
	Case        string            `json:"case"`
	Status      LitigationStatus  `json:"status"`
	Exposure    outsourcing.Money `json:"exposure,omitzero"`
	Description string            `json:"description,omitempty"`
}

// LitigationStatus says whether a case is still pending.
type LitigationStatus string

// Litigation statuses.
const (
	LitigationOpen   LitigationStatus = "open"
	LitigationClosed LitigationStatus = "closed"
)

var litigationStatuses = []LitigationStatus{LitigationOpen, LitigationClosed}

// String returns the status name.
func (s LitigationStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown statuses.
func (s LitigationStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "litigation status", litigationStatuses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *LitigationStatus) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "litigation status", litigationStatuses)
}

// AttestationKind is what an attestation vouches for.
type AttestationKind string

// Attestation kinds.
const (
	// AttestationSecurity: a penetration test or security audit report.
	AttestationSecurity AttestationKind = "security"
	// AttestationDisasterRecovery: a passed disaster-recovery test.
	AttestationDisasterRecovery AttestationKind = "disaster_recovery"
	// AttestationBusinessContinuity: a business-continuity exercise.
	AttestationBusinessContinuity AttestationKind = "business_continuity"
	// AttestationPrivacy: a data-protection audit.
	AttestationPrivacy AttestationKind = "privacy"
)

var attestationKinds = []AttestationKind{AttestationSecurity, AttestationDisasterRecovery, AttestationBusinessContinuity, AttestationPrivacy}

// String returns the kind's name.
func (k AttestationKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k AttestationKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "attestation kind", attestationKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *AttestationKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "attestation kind", attestationKinds)
}

// Attestation is a dated security, continuity or privacy attestation,
// valid at t when Date <= t < Expires.
type Attestation struct {
	Kind    AttestationKind `json:"kind"`
	Name    string          `json:"name,omitempty"`
	Issuer  string          `json:"issuer,omitempty"`
	Date    time.Time       `json:"date"`
	Expires time.Time       `json:"expires"`
}

// ValidAt reports whether the attestation is in force at t.
func (a Attestation) ValidAt(t time.Time) bool {
	return !a.Date.After(t) && t.Before(a.Expires)
}

// clone copies every slice and pointer of p, so a Pool keeps its own.
func (p Profile) clone() Profile {
	p.Sources = slices.Clone(p.Sources)
	p.Certifications = slices.Clone(p.Certifications)
	p.Industries = slices.Clone(p.Industries)
	p.References = slices.Clone(p.References)
	p.Locations = slices.Clone(p.Locations)
	p.Litigation = slices.Clone(p.Litigation)
	p.Attestations = slices.Clone(p.Attestations)
	if p.Financials != nil {
		f := *p.Financials
		p.Financials = &f
	}
	if p.CreditRating != nil {
		c := *p.CreditRating
		p.CreditRating = &c
	}
	return p
}
