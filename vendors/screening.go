package vendors

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/rules"
)

// ScreeningEnv is what a knock-out rule sees of one vendor at the
// screening date (Handbook §2.1 initial screening). Certificates and
// attestations that are not in force at that date are left out, so an
// expired ISO 27001 certificate does not count. Amounts are decimals in
// the pool's currency; ratios are plain decimals and the margin is in
// percent points. Example rules:
//
//	"ISO27001" in certifications
//	years_in_business >= 5 && case_studies >= 2
//	revenue >= 50000000 && current_ratio >= 1.2
//	open_litigation == 0 || litigation_exposure < 1000000
type ScreeningEnv struct {
	ID      string `expr:"id"`
	Country string `expr:"country"`
	// YearsInBusiness counts whole calendar years since Founded (0 when unknown).
	YearsInBusiness int      `expr:"years_in_business"`
	Sources         []string `expr:"sources"`
	// Certifications are the standards of the certificates in force.
	Certifications []string `expr:"certifications"`
	Industries     []string `expr:"industries"`
	// References counts every reference, CaseStudies those published as case studies.
	References  int `expr:"references"`
	CaseStudies int `expr:"case_studies"`
	Headcount   int `expr:"headcount"`
	// DeliveryModels are the distinct delivery models of the locations
	// (onshore, nearshore, offshore), DeliveryCountries their countries.
	DeliveryModels    []string `expr:"delivery_models"`
	DeliveryCountries []string `expr:"delivery_countries"`
	// HasFinancials says whether the next four fields are known.
	HasFinancials bool                `expr:"has_financials"`
	Revenue       outsourcing.Decimal `expr:"revenue"`
	NetMargin     outsourcing.Decimal `expr:"net_margin"`
	CurrentRatio  outsourcing.Decimal `expr:"current_ratio"`
	DebtRatio     outsourcing.Decimal `expr:"debt_ratio"`
	// CreditRating is the rating ("" when none) and InvestmentGrade
	// whether it is investment grade (see CreditRating.InvestmentGrade).
	CreditRating    string `expr:"credit_rating"`
	InvestmentGrade bool   `expr:"investment_grade"`
	// OpenLitigation counts open cases and LitigationExposure sums their exposure.
	OpenLitigation     int                 `expr:"open_litigation"`
	LitigationExposure outsourcing.Decimal `expr:"litigation_exposure"`
	// Attestations are the kinds of the attestations in force.
	Attestations []string `expr:"attestations"`
}

// NewScreeningEnv builds the environment of profile p at asOf.
func NewScreeningEnv(p Profile, asOf time.Time) ScreeningEnv {
	env := ScreeningEnv{ID: p.ID, Country: p.Country, Headcount: p.Headcount, References: len(p.References), Industries: p.Industries}
	if p.Founded > 0 && asOf.Year() > p.Founded {
		env.YearsInBusiness = asOf.Year() - p.Founded
	}
	for _, s := range p.Sources {
		env.Sources = append(env.Sources, string(s))
	}
	for _, c := range p.Certifications {
		if c.ValidAt(asOf) {
			env.Certifications = append(env.Certifications, c.Standard)
		}
	}
	for _, r := range p.References {
		if r.CaseStudy {
			env.CaseStudies++
		}
	}
	for _, l := range p.Locations {
		env.DeliveryModels = appendNew(env.DeliveryModels, string(l.Delivery))
		env.DeliveryCountries = appendNew(env.DeliveryCountries, l.Country)
	}
	if f := p.Financials; f != nil {
		env.HasFinancials = true
		env.Revenue, env.NetMargin, env.CurrentRatio, env.DebtRatio = f.Revenue.Amount(), f.NetMargin.Points(), f.CurrentRatio, f.DebtRatio
	}
	if c := p.CreditRating; c != nil {
		env.CreditRating, env.InvestmentGrade = c.Rating, c.InvestmentGrade()
	}
	for _, l := range p.Litigation {
		if l.Status == LitigationOpen {
			env.OpenLitigation++
			if !l.Exposure.IsZero() {
				env.LitigationExposure = env.LitigationExposure.Add(l.Exposure.Amount())
			}
		}
	}
	for _, a := range p.Attestations {
		if a.ValidAt(asOf) {
			env.Attestations = appendNew(env.Attestations, string(a.Kind))
		}
	}
	return env
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Screening is a compiled set of knock-out rules: boolean rules over
// ScreeningEnv that every vendor must pass to reach the short list. It is
// immutable and safe for concurrent use.
type Screening struct {
	set    *rules.Set[ScreeningEnv]
	rules  map[string]rules.Rule
	inputs map[string][]string
}

// CompileScreening compiles the knock-out rules of spec (a rule set
// document, see rules.ParseSet). Every rule must be boolean; compile
// errors are *outsourcing.RuleError values (matching ErrRule) naming the
// rule and position.
func CompileScreening(spec rules.SetSpec) (*Screening, error) {
	set, err := rules.Compile[ScreeningEnv](spec.Rules, rules.RequireBool())
	if err != nil {
		return nil, wrap(err)
	}
	s := &Screening{set: set, rules: map[string]rules.Rule{}, inputs: set.Inputs()}
	for _, r := range set.Rules() {
		s.rules[r.ID] = r
	}
	return s, nil
}

// ScreeningResult is the outcome of screening a pool at a date.
type ScreeningResult struct {
	// AsOf is the screening date.
	AsOf time.Time `json:"as_of"`
	// Passed lists the vendors that passed every rule, in pool order.
	Passed []string `json:"passed"`
	// Vendors holds one explanation per vendor, in pool order.
	Vendors []VendorScreening `json:"vendors"`
}

// VendorScreening explains one vendor's screening.
type VendorScreening struct {
	Vendor string `json:"vendor"`
	Passed bool   `json:"passed"`
	// KnockOuts are the rules the vendor failed, in rule order.
	KnockOuts []KnockOut `json:"knock_outs,omitempty"`
	// NotCounted lists the certificates and attestations left out because
	// they were not in force at the screening date.
	NotCounted []string `json:"not_counted,omitempty"`
}

// KnockOut is one failed rule with the values it read.
type KnockOut struct {
	Rule        string               `json:"rule"`
	Description string               `json:"description,omitempty"`
	Severity    outsourcing.Severity `json:"severity,omitempty"`
	Expression  string               `json:"expression"`
	// Values maps each environment field the rule reads to its value for the vendor.
	Values map[string]any `json:"values"`
}

// Screen evaluates the rules for every vendor of pool at asOf. A rule
// that fails to evaluate is a *FieldError at "/vendors/i" of the pool
// naming the vendor and wrapping the *outsourcing.RuleError.
func (s *Screening) Screen(pool *Pool, asOf time.Time) (ScreeningResult, error) {
	res := ScreeningResult{AsOf: asOf, Vendors: make([]VendorScreening, 0, pool.Len())}
	for i, p := range pool.vendors {
		env := NewScreeningEnv(p, asOf)
		failing, err := s.set.Failing(env)
		if err != nil {
			return ScreeningResult{}, wrap(&outsourcing.FieldError{Path: jsonptr.Join("vendors", i), Reason: fmt.Sprintf("vendor %q: %v", p.ID, err), Err: outsourcing.ErrRule, Cause: err})
		}
		vs := VendorScreening{Vendor: p.ID, Passed: len(failing) == 0, NotCounted: notCounted(p, asOf)}
		for _, id := range failing {
			vs.KnockOuts = append(vs.KnockOuts, s.knockOut(id, env))
		}
		if vs.Passed {
			res.Passed = append(res.Passed, p.ID)
		}
		res.Vendors = append(res.Vendors, vs)
	}
	return res, nil
}

// knockOut describes failed rule id for env.
func (s *Screening) knockOut(id string, env ScreeningEnv) KnockOut {
	r := s.rules[id]
	k := KnockOut{Rule: id, Description: r.Description, Severity: r.Severity, Expression: r.Expression, Values: map[string]any{}}
	v := reflect.ValueOf(env)
	for _, path := range s.inputs[id] {
		name, _, _ := strings.Cut(path, ".")
		if i, ok := envFields[name]; ok {
			k.Values[name] = v.Field(i).Interface()
		}
	}
	return k
}

// envFields maps ScreeningEnv's expr names to field indices.
var envFields = func() map[string]int {
	t := reflect.TypeFor[ScreeningEnv]()
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		m[t.Field(i).Tag.Get("expr")] = i
	}
	return m
}()

// notCounted lists p's certificates and attestations not in force at asOf.
func notCounted(p Profile, asOf time.Time) []string {
	var out []string
	for _, c := range p.Certifications {
		if !c.ValidAt(asOf) {
			out = append(out, fmt.Sprintf("%s certificate valid %s to %s", c.Standard, day(c.Issued), day(c.Expires)))
		}
	}
	for _, a := range p.Attestations {
		if !a.ValidAt(asOf) {
			out = append(out, fmt.Sprintf("%s attestation valid %s to %s", a.Kind, day(a.Date), day(a.Expires)))
		}
	}
	return out
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// Moves turns the result into pipeline moves at instant at by actor by:
// vendors that passed go to the short list, the others are rejected with
// the failed rules as the reason.
func (r ScreeningResult) Moves(at time.Time, by string) []Move {
	moves := make([]Move, len(r.Vendors))
	for i, v := range r.Vendors {
		m := Move{Vendor: v.Vendor, To: StageShortList, At: at, By: by, Reason: "passed every knock-out rule at " + day(r.AsOf)}
		if !v.Passed {
			why := make([]string, len(v.KnockOuts))
			for j, k := range v.KnockOuts {
				why[j] = k.Rule
				if k.Description != "" {
					why[j] = k.Description
				}
			}
			m.To, m.Reason = StageRejected, "knocked out at "+day(r.AsOf)+": "+strings.Join(why, "; ")
		}
		moves[i] = m
	}
	return moves
}
