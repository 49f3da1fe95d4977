package vendors

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// responses expands a count per rating ("9": 3) into responses.
func responses(t *testing.T, counts map[string]int, nps bool) []SurveyResponse {
	var out []SurveyResponse
	for k, n := range counts {
		v, err := strconv.Atoi(k)
		require.NoError(t, err)
		for range n {
			x := v
			if nps {
				out = append(out, SurveyResponse{NPS: &x})
			} else {
				out = append(out, SurveyResponse{CSAT: &x})
			}
		}
	}
	return out
}

func TestSurveyReference(t *testing.T) {
	var ref struct {
		NPS []struct {
			Name                            string
			Counts                          map[string]int
			Promoters, Passives, Detractors int
			NPS                             string
		}
		CSAT []struct {
			Name        string
			Counts      map[string]int
			CSATPercent string `json:"csat_percent"`
			CSATMean    string `json:"csat_mean"`
		}
	}
	testkit.LoadJSON(t, "testdata/survey.json", &ref)
	for _, c := range ref.NPS {
		s, err := SummarizeSurvey("v", responses(t, c.Counts, true))
		require.NoError(t, err, c.Name)
		assert.Equal(t, []int{c.Promoters, c.Passives, c.Detractors}, []int{s.Promoters, s.Passives, s.Detractors}, c.Name)
		testkit.AssertDecimal(t, c.NPS, s.NPS, c.Name)
		assert.Equal(t, c.Promoters+c.Passives+c.Detractors, s.NPSResponses)
	}
	for _, c := range ref.CSAT {
		s, err := SummarizeSurvey("v", responses(t, c.Counts, false))
		require.NoError(t, err, c.Name)
		testkit.AssertDecimal(t, c.CSATPercent, s.CSATPercent, c.Name)
		testkit.AssertDecimal(t, c.CSATMean, s.CSATMean, c.Name)
		assert.Zero(t, s.NPSResponses)
	}
}

func TestAssessmentReference(t *testing.T) {
	var ref struct {
		Questionnaire json.RawMessage
		Answers       json.RawMessage
		WantScore     float64  `json:"want_score,string"`
		WantMissing   []string `json:"want_missing"`
	}
	testkit.LoadJSON(t, "testdata/assessment.json", &ref)
	spec, err := ParseQuestionnaire(ref.Questionnaire)
	require.NoError(t, err)
	q, err := CompileQuestionnaire(spec)
	require.NoError(t, err)
	answers, err := ParseAnswers(ref.Answers)
	require.NoError(t, err)
	res, err := q.Score(answers)
	require.NoError(t, err)
	assert.InDelta(t, ref.WantScore, res.Categories[0].Score, 1e-12)
	assert.Equal(t, ref.WantMissing, res.Missing)
	assert.False(t, res.Complete)
	assert.Equal(t, 5, res.Answered)
}

func TestSlopeReference(t *testing.T) {
	var ref struct {
		X, Y             []float64
		Slope, Tolerance float64
	}
	testkit.LoadJSON(t, "testdata/slope.json", &ref)
	assert.InDelta(t, ref.Slope, slope(ref.X, ref.Y), ref.Tolerance)
}

func TestCriticalityReference(t *testing.T) {
	var ref struct {
		Thresholds ZoneThresholds
		Cases      []struct {
			Stakeholder           Stakeholder
			Exposure, Reliability int
			Threat                string
			Zone                  Zone
		}
	}
	testkit.LoadJSON(t, "testdata/ebios.json", &ref)
	ecosystem := EcosystemSpec{Thresholds: &ref.Thresholds}
	for _, c := range ref.Cases {
		ecosystem.Stakeholders = append(ecosystem.Stakeholders, c.Stakeholder)
	}
	doc, err := json.Marshal(ecosystem)
	require.NoError(t, err)
	spec, err := ParseEcosystem(doc)
	require.NoError(t, err)
	mapped, err := AssessEcosystem(spec)
	require.NoError(t, err)
	for i, c := range ref.Cases {
		got, err := AssessCriticality(c.Stakeholder, ref.Thresholds)
		require.NoError(t, err)
		assert.Equal(t, got, mapped[i], "the ecosystem map assesses each stakeholder alike")
		assert.Equal(t, c.Exposure, got.Exposure, c.Stakeholder.Vendor)
		assert.Equal(t, c.Reliability, got.Reliability, c.Stakeholder.Vendor)
		assert.Equal(t, c.Threat, got.Threat.String(), c.Stakeholder.Vendor)
		assert.Equal(t, c.Zone, got.Zone, c.Stakeholder.Vendor)
	}
}

func TestInvestmentGradeReference(t *testing.T) {
	var ref struct {
		Cases []struct {
			Agency          CreditAgency
			Rating          string
			InvestmentGrade bool `json:"investment_grade"`
		}
	}
	testkit.LoadJSON(t, "testdata/credit.json", &ref)
	for _, c := range ref.Cases {
		assert.Equal(t, c.InvestmentGrade, CreditRating{Agency: c.Agency, Rating: c.Rating}.InvestmentGrade(), c.Rating)
	}
}
