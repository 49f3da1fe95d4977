package risk

import (
	"errors"

	"github.com/outsourcing-go/outsourcing"
)

// OWASPFactors are the factor ratings of the OWASP Risk Rating
// Methodology, each 0..9. Likelihood is the mean of the four threat agent
// and four vulnerability factors; impact is the mean of the four business
// factors when Business is set, else of the four technical factors
// (OWASP: use business impact when it is known).
type OWASPFactors struct {
	// Threat agent: skill level, motive, opportunity, size.
	SkillLevel  float64 `json:"skill_level"`
	Motive      float64 `json:"motive"`
	Opportunity float64 `json:"opportunity"`
	Size        float64 `json:"size"`
	// Vulnerability: ease of discovery, ease of exploit, awareness, intrusion detection.
	EaseOfDiscovery    float64 `json:"ease_of_discovery"`
	EaseOfExploit      float64 `json:"ease_of_exploit"`
	Awareness          float64 `json:"awareness"`
	IntrusionDetection float64 `json:"intrusion_detection"`
	// Technical impact: loss of confidentiality, integrity, availability, accountability.
	LossOfConfidentiality float64 `json:"loss_of_confidentiality"`
	LossOfIntegrity       float64 `json:"loss_of_integrity"`
	LossOfAvailability    float64 `json:"loss_of_availability"`
	LossOfAccountability  float64 `json:"loss_of_accountability"`
	// Business impact, when known.
	Business *OWASPBusinessFactors `json:"business,omitempty"`
}

// OWASPBusinessFactors are OWASP's four business impact factors, each 0..9.
type OWASPBusinessFactors struct {
	FinancialDamage  float64 `json:"financial_damage"`
	ReputationDamage float64 `json:"reputation_damage"`
	NonCompliance    float64 `json:"non_compliance"`
	PrivacyViolation float64 `json:"privacy_violation"`
}

// OWASPScore is the outcome of OWASPRate: the numeric scores and their
// levels, and the overall severity by technical and by business impact.
type OWASPScore struct {
	// Likelihood is the mean of the eight likelihood factors, 0..9, and
	// LikelihoodLevel its level ("low" [0,3), "medium" [3,6), "high" [6,9]).
	Likelihood      float64 `json:"likelihood"`
	LikelihoodLevel string  `json:"likelihood_level"`
	// TechnicalImpact and BusinessImpact are the means of their four
	// factors, with their levels; the business ones are 0 and "" when no
	// business factors were given.
	TechnicalImpact      float64 `json:"technical_impact"`
	TechnicalImpactLevel string  `json:"technical_impact_level"`
	BusinessImpact       float64 `json:"business_impact"`
	BusinessImpactLevel  string  `json:"business_impact_level,omitempty"`
	// Impact is the impact used: business when known, else technical.
	Impact float64 `json:"impact"`
	// TechnicalSeverity is the cell of OWASPMatrix for the likelihood and
	// the technical impact; BusinessSeverity the one for the business
	// impact, nil without business factors.
	TechnicalSeverity Evaluation  `json:"technical_severity"`
	BusinessSeverity  *Evaluation `json:"business_severity,omitempty"`
	// Severity is the overall severity: BusinessSeverity when business
	// factors were given (OWASP: use business impact when it is known),
	// else TechnicalSeverity.
	Severity Evaluation `json:"severity"`
}

// OWASPRate averages the factors into the likelihood, technical and
// business impact scores, classifies each, and looks up the severity in
// OWASPMatrix for both impacts, in one call. A factor outside 0..9 (or
// NaN) is a *outsourcing.FieldError at its JSON name
// ("/business/financial_damage"); all such problems are joined.
func OWASPRate(f OWASPFactors) (OWASPScore, error) {
	type named struct {
		name string
		v    float64
	}
	likelihood := []named{
		{"skill_level", f.SkillLevel}, {"motive", f.Motive}, {"opportunity", f.Opportunity}, {"size", f.Size},
		{"ease_of_discovery", f.EaseOfDiscovery}, {"ease_of_exploit", f.EaseOfExploit},
		{"awareness", f.Awareness}, {"intrusion_detection", f.IntrusionDetection},
	}
	technical := []named{
		{"loss_of_confidentiality", f.LossOfConfidentiality}, {"loss_of_integrity", f.LossOfIntegrity},
		{"loss_of_availability", f.LossOfAvailability}, {"loss_of_accountability", f.LossOfAccountability},
	}
	var business []named
	if b := f.Business; b != nil {
		business = []named{
			{"business/financial_damage", b.FinancialDamage}, {"business/reputation_damage", b.ReputationDamage},
			{"business/non_compliance", b.NonCompliance}, {"business/privacy_violation", b.PrivacyViolation},
		}
	}
	var errs []error
	mean := func(fs []named) float64 {
		sum := 0.0
		for _, x := range fs {
			if !(x.v >= 0 && x.v <= 9) {
				errs = append(errs, outsourcing.FieldErrorf("/"+x.name, "factor %g is outside 0..9", x.v))
			}
			sum += x.v
		}
		return sum / float64(len(fs))
	}
	s := OWASPScore{Likelihood: mean(likelihood), TechnicalImpact: mean(technical)}
	s.Impact = s.TechnicalImpact
	if business != nil {
		s.BusinessImpact = mean(business)
		s.Impact = s.BusinessImpact
	}
	if len(errs) > 0 {
		return OWASPScore{}, wrap(errors.Join(errs...))
	}
	// The factors are in 0..9, so every score is on the axes: no errors.
	s.TechnicalSeverity, _ = owaspSeverity.rateValues(s.Likelihood, s.TechnicalImpact)
	s.LikelihoodLevel, s.TechnicalImpactLevel = s.TechnicalSeverity.Likelihood, s.TechnicalSeverity.Impact
	s.Severity = s.TechnicalSeverity
	if business != nil {
		ev, _ := owaspSeverity.rateValues(s.Likelihood, s.BusinessImpact)
		s.BusinessSeverity, s.BusinessImpactLevel, s.Severity = &ev, ev.Impact, ev
	}
	return s, nil
}
