package vendors

import (
	"cmp"
	"fmt"
	"slices"
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
	var env ScreeningEnv
	env.fill(p, asOf)
	return env
}

// fill sets env to the environment of profile p at asOf, reusing the
// capacity of env's lists (Screen fills one environment per vendor).
func (env *ScreeningEnv) fill(p Profile, asOf time.Time) {
	*env = ScreeningEnv{
		ID: p.ID, Country: p.Country, Headcount: p.Headcount, References: len(p.References), Industries: p.Industries,
		Sources: env.Sources[:0], Certifications: env.Certifications[:0], DeliveryModels: env.DeliveryModels[:0],
		DeliveryCountries: env.DeliveryCountries[:0], Attestations: env.Attestations[:0],
	}
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
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// Screening is a compiled set of knock-out rules: boolean rules over
// ScreeningEnv that every vendor must pass to reach the short list. It is
// immutable and safe for concurrent use.
type Screening struct {
	set *rules.Set[*ScreeningEnv]
	// rules holds each rule with the fields it reads, by id.
	rules map[string]screeningRule
}

// screeningRule is a compiled rule's header and the ScreeningEnv fields
// it reads (expr names, sorted, each once).
type screeningRule struct {
	rule   rules.Rule
	inputs []string
}

// CompileScreening compiles the knock-out rules of spec (a rule set
// document, see rules.ParseSet). Every rule must be boolean; compile
// errors are *outsourcing.RuleError values (matching ErrRule) naming the
// rule and position.
func CompileScreening(spec rules.SetSpec) (*Screening, error) {
	set, err := rules.Compile[*ScreeningEnv](spec.Rules, rules.RequireBool())
	if err != nil {
		return nil, wrap(err)
	}
	s := &Screening{set: set, rules: map[string]screeningRule{}}
	inputs := set.Inputs()
	for _, r := range set.Rules() {
		var names []string
		for _, path := range inputs[r.ID] {
			name, _, _ := strings.Cut(path, ".")
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		s.rules[r.ID] = screeningRule{rule: r, inputs: names}
	}
	return s, nil
}

// ScreeningResult is the outcome of screening a pool at a date.
type ScreeningResult struct {
	// AsOf is the screening date.
	AsOf time.Time `json:"as_of"`
	// Rules is the number of knock-out rules every vendor was screened
	// against.
	Rules int `json:"rules"`
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
	// they were not in force at the screening date, in profile order
	// (certificates first).
	NotCounted []Lapsed `json:"not_counted,omitempty"`
}

// KnockOut is one failed rule with the values it read.
type KnockOut struct {
	Rule        string               `json:"rule"`
	Description string               `json:"description,omitempty"`
	Severity    outsourcing.Severity `json:"severity,omitempty"`
	Expression  string               `json:"expression"`
	// Inputs are the ScreeningEnv fields the rule reads with the vendor's
	// values, sorted by name.
	Inputs []RuleInput `json:"inputs"`
}

// String renders the knock-out for a report: the description (the rule
// id when there is none) and the values the rule read,
// "revenue of at least 20 million (has_financials = true, revenue = 8000000)".
func (k KnockOut) String() string {
	what := cmp.Or(k.Description, k.Rule)
	if len(k.Inputs) == 0 {
		return what
	}
	read := make([]string, len(k.Inputs))
	for i, in := range k.Inputs {
		read[i] = in.String()
	}
	return what + " (" + strings.Join(read, ", ") + ")"
}

// Lapsed is a certificate or attestation that did not count at the
// screening date: it had expired, or was not yet valid.
type Lapsed struct {
	// Standard names a certificate's standard, Attestation an
	// attestation's kind; exactly one of them is set.
	Standard    string          `json:"standard,omitempty"`
	Attestation AttestationKind `json:"attestation,omitempty"`
	// ValidFrom and ValidUntil bound the validity (ValidUntil excluded);
	// Expired says the screening date was at or after ValidUntil (else it
	// was before ValidFrom).
	ValidFrom  time.Time `json:"valid_from"`
	ValidUntil time.Time `json:"valid_until"`
	Expired    bool      `json:"expired"`
}

// String renders the lapse for a report: "ISO27001 certificate expired
// on 2024-11-14", "security attestation not valid before 2025-06-01".
func (l Lapsed) String() string {
	what := l.Standard + " certificate"
	if l.Attestation != "" {
		what = string(l.Attestation) + " attestation"
	}
	if l.Expired {
		return what + " expired on " + day(l.ValidUntil)
	}
	return what + " not valid before " + day(l.ValidFrom)
}

// Screen evaluates the rules for every vendor of pool at asOf. A rule
// that fails to evaluate is a *FieldError at "/vendors/i" of the pool
// naming the vendor and wrapping the *outsourcing.RuleError. Explanations
// are built for the failed rules only.
func (s *Screening) Screen(pool *Pool, asOf time.Time) (ScreeningResult, error) {
	res := ScreeningResult{AsOf: asOf, Rules: len(s.rules), Vendors: make([]VendorScreening, len(pool.vendors))}
	env := new(ScreeningEnv)
	for i, p := range pool.vendors {
		env.fill(p, asOf)
		failing, err := s.set.Failing(env)
		if err != nil {
			return ScreeningResult{}, wrap(&outsourcing.FieldError{Path: jsonptr.Join("vendors", i), Reason: fmt.Sprintf("vendor %q: %v", p.ID, err), Err: outsourcing.ErrRule, Cause: err})
		}
		vs := VendorScreening{Vendor: p.ID, Passed: len(failing) == 0, NotCounted: lapsed(p, asOf)}
		if vs.Passed {
			res.Passed = append(res.Passed, p.ID)
		} else {
			vs.KnockOuts = make([]KnockOut, len(failing))
			for j, id := range failing {
				vs.KnockOuts[j] = s.rules[id].knockOut(env)
			}
		}
		res.Vendors[i] = vs
	}
	return res, nil
}

// knockOut explains the failure of r for env.
func (r screeningRule) knockOut(env *ScreeningEnv) KnockOut {
	k := KnockOut{Rule: r.rule.ID, Description: r.rule.Description, Severity: r.rule.Severity, Expression: r.rule.Expression, Inputs: make([]RuleInput, 0, len(r.inputs))}
	for _, name := range r.inputs {
		if in, ok := env.input(name); ok {
			k.Inputs = append(k.Inputs, in)
		}
	}
	return k
}

// lapsed lists p's certificates and attestations not in force at asOf.
func lapsed(p Profile, asOf time.Time) []Lapsed {
	var out []Lapsed
	for _, c := range p.Certifications {
		if !c.ValidAt(asOf) {
			out = append(out, Lapsed{Standard: c.Standard, ValidFrom: c.Issued, ValidUntil: c.Expires, Expired: !asOf.Before(c.Expires)})
		}
	}
	for _, a := range p.Attestations {
		if !a.ValidAt(asOf) {
			out = append(out, Lapsed{Attestation: a.Kind, ValidFrom: a.Date, ValidUntil: a.Expires, Expired: !asOf.Before(a.Expires)})
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
