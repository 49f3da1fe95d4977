package vendors

import (
	"errors"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// SurveyResponse is one answer to a customer-satisfaction survey about a
// vendor (Handbook §4.3): a satisfaction rating from 1 (very dissatisfied)
// to 5 (very satisfied) and the likelihood to recommend from 0 to 10, each
// optional.
type SurveyResponse struct {
	Respondent string `json:"respondent,omitempty"`
	CSAT       *int   `json:"csat,omitempty"`
	NPS        *int   `json:"nps,omitempty"`
	Comment    string `json:"comment,omitempty"`
}

// SurveySpec is one survey about a vendor (schema/survey.schema.json):
//
//	{"vendor": "acme", "responses": [{"respondent": "ops", "csat": 4, "nps": 9}]}
//
// Aggregate it with SummarizeSurvey(spec.Vendor, spec.Responses).
type SurveySpec struct {
	Vendor    string           `json:"vendor"`
	Responses []SurveyResponse `json:"responses"`
}

// ParseSurvey validates doc against SurveySchema and decodes it (unknown
// fields rejected). Problems are *outsourcing.FieldError values at JSON
// pointers into doc ("/responses/3/nps").
func ParseSurvey(doc []byte) (SurveySpec, error) { return parse[SurveySpec](surveySchema, doc) }

// SurveySummary aggregates a vendor's survey. Percentages are exact
// decimals rounded half up to 2 places.
type SurveySummary struct {
	Vendor string `json:"vendor"`
	// Responses counts every response; CSATResponses and NPSResponses
	// those that answered each question.
	Responses     int `json:"responses"`
	CSATResponses int `json:"csat_responses"`
	NPSResponses  int `json:"nps_responses"`
	// CSATMean is the mean satisfaction rating (1 to 5); CSATPercent the
	// share of satisfied responses (4 or 5) in percent.
	CSATMean    outsourcing.Decimal `json:"csat_mean"`
	CSATPercent outsourcing.Decimal `json:"csat_percent"`
	// Promoters answered 9 or 10, Passives 7 or 8, Detractors 0 to 6; NPS
	// is the percentage of promoters minus the percentage of detractors,
	// from −100 to 100.
	Promoters  int                 `json:"promoters"`
	Passives   int                 `json:"passives"`
	Detractors int                 `json:"detractors"`
	NPS        outsourcing.Decimal `json:"nps"`
}

// SummarizeSurvey aggregates the responses about vendor. A rating out of
// range is a *FieldError at "/responses/i/csat" or "/responses/i/nps"
// (the pointers of a SurveySpec document).
// With no answer to a question its figures are zero and its count says so.
func SummarizeSurvey(vendor string, responses []SurveyResponse) (SurveySummary, error) {
	s := SurveySummary{Vendor: vendor, Responses: len(responses)}
	var errs []error
	var csatSum, satisfied int64
	for i, r := range responses {
		if c := r.CSAT; c != nil {
			if *c < 1 || *c > 5 {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("responses", i, "csat"), "vendor %q: satisfaction %d is not in 1 to 5", vendor, *c))
			}
			s.CSATResponses++
			csatSum += int64(*c)
			if *c >= 4 {
				satisfied++
			}
		}
		if n := r.NPS; n != nil {
			switch {
			case *n < 0 || *n > 10:
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("responses", i, "nps"), "vendor %q: recommendation %d is not in 0 to 10", vendor, *n))
			case *n >= 9:
				s.Promoters++
			case *n >= 7:
				s.Passives++
			default:
				s.Detractors++
			}
			s.NPSResponses++
		}
	}
	if err := errors.Join(errs...); err != nil {
		return SurveySummary{}, wrap(err)
	}
	s.CSATMean = ratio(csatSum, int64(s.CSATResponses), 1)
	s.CSATPercent = ratio(satisfied, int64(s.CSATResponses), 100)
	s.NPS = ratio(int64(s.Promoters-s.Detractors), int64(s.NPSResponses), 100)
	return s, nil
}

// ratio is num/den × scale rounded half up to 2 places, 0 when den is 0.
func ratio(num, den, scale int64) outsourcing.Decimal {
	if den == 0 {
		return outsourcing.Decimal{}
	}
	q, err := outsourcing.DecimalFromInt(num*scale).Quo(outsourcing.DecimalFromInt(den), 2, outsourcing.RoundHalfUp)
	if err != nil { // unreachable: den is not zero
		return outsourcing.Decimal{}
	}
	return q
}
