package planning

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// PeriodUnit is the length of one period of a TCO model's horizon.
type PeriodUnit string

const (
	// PeriodUnitMonth counts the horizon in months (12 per year).
	PeriodUnitMonth PeriodUnit = "month"
	// PeriodUnitYear counts the horizon in years.
	PeriodUnitYear PeriodUnit = "year"
)

var periodUnits = []PeriodUnit{PeriodUnitMonth, PeriodUnitYear}

// String returns the unit's name.
func (u PeriodUnit) String() string { return string(u) }

// MarshalText implements encoding.TextMarshaler; unknown units are an error.
func (u PeriodUnit) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(u, "period unit", periodUnits)
}

// UnmarshalText accepts "month" or "year".
func (u *PeriodUnit) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(u, b, "period unit", periodUnits)
}

// PerYear returns the number of periods in a year: 12 or 1 (0 if unknown).
func (u PeriodUnit) PerYear() int {
	switch u {
	case PeriodUnitMonth:
		return 12
	case PeriodUnitYear:
		return 1
	}
	return 0
}

// CostCategory classifies a TCO cost line: the direct and indirect costs
// of Handbook §1.2 (fees; management, transition and risk costs).
type CostCategory string

const (
	// CostCategoryVendorFees are the provider's service charges (direct cost).
	CostCategoryVendorFees CostCategory = "vendor_fees"
	// CostCategoryStaff is in-house personnel cost.
	CostCategoryStaff CostCategory = "staff"
	// CostCategoryInfrastructure is hardware, hosting, facilities and networks.
	CostCategoryInfrastructure CostCategory = "infrastructure"
	// CostCategoryLicences is software licences and subscriptions.
	CostCategoryLicences CostCategory = "licences"
	// CostCategoryRetainedOrganisation is the client's governance and
	// vendor-management team, often a percentage of contract value.
	CostCategoryRetainedOrganisation CostCategory = "retained_organisation"
	// CostCategoryTransition is the one-off cost of moving the service.
	CostCategoryTransition CostCategory = "transition"
	// CostCategorySeverance is redundancy cost for staff who leave.
	CostCategorySeverance CostCategory = "severance"
	// CostCategoryKnowledgeTransfer is the cost of handing knowledge over.
	CostCategoryKnowledgeTransfer CostCategory = "knowledge_transfer"
	// CostCategoryRiskContingency is expected loss from risks (probability × impact).
	CostCategoryRiskContingency CostCategory = "risk_contingency"
	// CostCategoryExit is the cost of leaving the arrangement at the end.
	CostCategoryExit CostCategory = "exit"
	// CostCategoryOther is any other cost.
	CostCategoryOther CostCategory = "other"
)

var costCategories = []CostCategory{
	CostCategoryVendorFees, CostCategoryStaff, CostCategoryInfrastructure, CostCategoryLicences,
	CostCategoryRetainedOrganisation, CostCategoryTransition, CostCategorySeverance,
	CostCategoryKnowledgeTransfer, CostCategoryRiskContingency, CostCategoryExit, CostCategoryOther,
}

// CostCategories returns every category in reporting order.
func CostCategories() []CostCategory { return slices.Clone(costCategories) }

// String returns the category's snake_case name.
func (c CostCategory) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; unknown categories are an error.
func (c CostCategory) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "cost category", costCategories)
}

// UnmarshalText accepts the snake_case category names.
func (c *CostCategory) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(c, b, "cost category", costCategories)
}

// CostBasis says how a cost line turns into amounts per period.
type CostBasis string

const (
	// CostBasisRecurring charges Amount in every period from Start to End.
	CostBasisRecurring CostBasis = "recurring"
	// CostBasisOneOff charges Amount once, in period Start (0 = at signing).
	CostBasisOneOff CostBasis = "one_off"
	// CostBasisPercent charges Percent of the lines named in Of, in every
	// period from Start to End (a retained organisation at 8 % of fees).
	CostBasisPercent CostBasis = "percent"
)

var costBases = []CostBasis{CostBasisRecurring, CostBasisOneOff, CostBasisPercent}

// String returns the basis name.
func (b CostBasis) String() string { return string(b) }

// MarshalText implements encoding.TextMarshaler; unknown bases are an error.
func (b CostBasis) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(b, "cost basis", costBases)
}

// UnmarshalText accepts "recurring", "one_off" or "percent".
func (b *CostBasis) UnmarshalText(t []byte) error {
	return outsourcing.UnmarshalEnum(b, t, "cost basis", costBases)
}

// SourcingScope is how much of a service goes to providers (Handbook §1.3).
type SourcingScope string

const (
	// SourcingScopeInHouse keeps the service in the organisation.
	SourcingScopeInHouse SourcingScope = "in_house"
	// SourcingScopeTotal outsources the whole service to one provider.
	SourcingScopeTotal SourcingScope = "total"
	// SourcingScopePartial outsources part of the service.
	SourcingScopePartial SourcingScope = "partial"
	// SourcingScopeSelective outsources chosen functions to several providers.
	SourcingScopeSelective SourcingScope = "selective"
)

var sourcingScopes = []SourcingScope{SourcingScopeInHouse, SourcingScopeTotal, SourcingScopePartial, SourcingScopeSelective}

// String returns the scope name.
func (s SourcingScope) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; unknown scopes are an error.
func (s SourcingScope) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "sourcing scope", sourcingScopes)
}

// UnmarshalText accepts "in_house", "total", "partial" or "selective".
func (s *SourcingScope) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "sourcing scope", sourcingScopes)
}

// SourcingLocation is where an outsourced service is delivered from
// (Handbook §1.3).
type SourcingLocation string

const (
	// SourcingLocationOnshore delivers from the client's own country.
	SourcingLocationOnshore SourcingLocation = "onshore"
	// SourcingLocationNearshore delivers from a nearby country.
	SourcingLocationNearshore SourcingLocation = "nearshore"
	// SourcingLocationOffshore delivers from a distant country.
	SourcingLocationOffshore SourcingLocation = "offshore"
)

var sourcingLocations = []SourcingLocation{SourcingLocationOnshore, SourcingLocationNearshore, SourcingLocationOffshore}

// String returns the location name.
func (l SourcingLocation) String() string { return string(l) }

// MarshalText implements encoding.TextMarshaler; unknown locations are an error.
func (l SourcingLocation) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(l, "sourcing location", sourcingLocations)
}

// UnmarshalText accepts "onshore", "nearshore" or "offshore".
func (l *SourcingLocation) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(l, b, "sourcing location", sourcingLocations)
}
