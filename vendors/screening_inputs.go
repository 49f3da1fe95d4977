package vendors

import (
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// RuleInput is one field of ScreeningEnv that a knock-out rule read, with
// its value for the vendor as text: numbers in plain notation without
// trailing zeros, true or false, lists comma-separated, "none" for an
// empty list or text, "unknown" for the figures of missing financials.
type RuleInput struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// String renders the input as "name = value".
func (in RuleInput) String() string { return in.Name + " = " + in.Value }

// input renders the field named name (its expr name); false when
// ScreeningEnv has no such field. It reads the fields directly, without
// reflection, because Screen calls it for every failed rule.
func (env *ScreeningEnv) input(name string) (RuleInput, bool) {
	var v string
	switch name {
	case "id":
		v = orNone(env.ID)
	case "country":
		v = orNone(env.Country)
	case "years_in_business":
		v = strconv.Itoa(env.YearsInBusiness)
	case "sources":
		v = list(env.Sources)
	case "certifications":
		v = list(env.Certifications)
	case "industries":
		v = list(env.Industries)
	case "references":
		v = strconv.Itoa(env.References)
	case "case_studies":
		v = strconv.Itoa(env.CaseStudies)
	case "headcount":
		v = strconv.Itoa(env.Headcount)
	case "delivery_models":
		v = list(env.DeliveryModels)
	case "delivery_countries":
		v = list(env.DeliveryCountries)
	case "has_financials":
		v = strconv.FormatBool(env.HasFinancials)
	case "revenue":
		v = env.financial(env.Revenue)
	case "net_margin":
		v = env.financial(env.NetMargin)
	case "current_ratio":
		v = env.financial(env.CurrentRatio)
	case "debt_ratio":
		v = env.financial(env.DebtRatio)
	case "credit_rating":
		v = orNone(env.CreditRating)
	case "investment_grade":
		v = strconv.FormatBool(env.InvestmentGrade)
	case "open_litigation":
		v = strconv.Itoa(env.OpenLitigation)
	case "litigation_exposure":
		v = number(env.LitigationExposure)
	case "attestations":
		v = list(env.Attestations)
	default:
		return RuleInput{}, false
	}
	return RuleInput{Name: name, Value: v}, true
}

// financial renders a figure of the financials, "unknown" without them.
func (env *ScreeningEnv) financial(d outsourcing.Decimal) string {
	if !env.HasFinancials {
		return "unknown"
	}
	return number(d)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func list(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, ", ")
}

// number writes d in plain notation without trailing fractional zeros.
func number(d outsourcing.Decimal) string { return d.Trim().String() }
