package risk

import (
	"errors"
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

// OWASPScore is the outcome of OWASPRate.
type OWASPScore struct {
	// Likelihood is the mean of the eight likelihood factors, 0..9.
	Likelihood float64 `json:"likelihood"`
	// TechnicalImpact and BusinessImpact are the means of their four
	// factors; BusinessImpact is 0 when no business factors were given.
	TechnicalImpact float64 `json:"technical_impact"`
	BusinessImpact  float64 `json:"business_impact"`
	// Impact is the impact used: business when known, else technical.
	Impact float64 `json:"impact"`
	// Severity is the cell of OWASPMatrix.
	Severity Evaluation `json:"severity"`
}

// OWASPRate averages the factors and looks up the overall severity in
// OWASPMatrix. A factor outside 0..9 (or NaN) is a *outsourcing.FieldError
// naming it; all such problems are joined.
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
				errs = append(errs, errorf("/"+x.name, "factor %g is outside 0..9", x.v))
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
	ev, err := owaspSeverity.RateValues(s.Likelihood, s.Impact)
	if err != nil {
		return OWASPScore{}, err
	}
	s.Severity = ev
	return s, nil
}
