package termination_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleReview parses the sample review input.
func sampleReview(t testing.TB) termination.ReviewSpec {
	t.Helper()
	in, err := termination.ParseReview(load("review.json"))
	require.NoError(t, err)
	return in
}

// TestReviewFigures checks the review of the sample engagement against
// the figures worked by hand in testdata/review_expected.json.
func TestReviewFigures(t *testing.T) {
	doc, err := os.ReadFile("testdata/review_expected.json")
	require.NoError(t, err)
	var want struct {
		Source string `json:"source"`
		SLA    struct {
			Periods, Measured, Met, Minimum, Missed int
			Percent, Credits                        string
		}
		Cost struct {
			Planned, Actual, Variance string
			VariancePercent           string `json:"variance_percent"`
			PlannedSavings            string `json:"planned_savings"`
			ActualSavings             string `json:"actual_savings"`
		}
		Objectives []struct{ ID, State, Attainment string }
		Attained   int
		Score      float64 `json:"vendor_score"`
	}
	require.NoError(t, json.Unmarshal(doc, &want))
	require.NotEmpty(t, want.Source)
	r, err := sampleTerms(t).Review(sampleReview(t))
	require.NoError(t, err)

	s := r.SLA
	assert.Equal(t, []int{want.SLA.Periods, want.SLA.Measured, want.SLA.Met, want.SLA.Minimum, want.SLA.Missed},
		[]int{s.Periods, s.Measured, s.Met, s.Minimum, s.Missed})
	assert.Equal(t, want.SLA.Percent, s.Percent.Points().String())
	assert.Equal(t, want.SLA.Credits, s.Credits.Amount().String())

	c := r.Cost
	assert.Equal(t, []string{want.Cost.Planned, want.Cost.Actual, want.Cost.Variance, want.Cost.VariancePercent, want.Cost.PlannedSavings, want.Cost.ActualSavings},
		[]string{c.Planned.Amount().String(), c.Actual.Amount().String(), c.Variance.Amount().String(), c.VariancePercent.Points().String(),
			c.PlannedSavings.Amount().String(), c.ActualSavings.Amount().String()})

	require.Len(t, r.Objectives, len(want.Objectives))
	for i, o := range want.Objectives {
		assert.Equal(t, o.ID, r.Objectives[i].ID)
		assert.Equal(t, o.State, string(r.Objectives[i].State), o.ID)
		assert.Equal(t, o.Attainment, r.Objectives[i].Attainment.String(), o.ID)
	}
	assert.Equal(t, want.Attained, r.Attained)

	assert.InDelta(t, want.Score, r.Vendor.Score, 1e-9)
	require.NotNil(t, r.Vendor.SLAAttainment)
	assert.Equal(t, "50.00", r.Vendor.SLAAttainment.Points().String(), "the review's attainment goes into the final evaluation")
	assert.Equal(t, "2028-04-06T12:00:00+02:00", r.Vendor.AsOf.Format("2006-01-02T15:04:05Z07:00"))
	assert.Equal(t, []string{"tie the at-risk amount to the critical levels only", "agree the exit plan's review period in the contract",
		"measure every objective before the exit"}, r.Vendor.Lessons)
}

func TestReviewBadInput(t *testing.T) {
	terms := sampleTerms(t)
	usd := outsourcing.MustMoney("1953000.00", "USD")
	cases := []struct {
		name     string
		edit     func(*termination.ReviewSpec)
		path     string
		sentinel error
	}{
		{"another contract", func(s *termination.ReviewSpec) { s.Contract = "ITO-2030-009" }, "/contract", outsourcing.ErrInvalidInput},
		{"actual cost in another currency", func(s *termination.ReviewSpec) { s.ActualCost = usd }, "/actual_cost", outsourcing.ErrCurrencyMismatch},
		{"no actual cost", func(s *termination.ReviewSpec) { s.ActualCost = outsourcing.Money{} }, "/actual_cost", outsourcing.ErrInvalidInput},
		{"business case in another currency", func(s *termination.ReviewSpec) { s.BusinessCase.Options[1].Nominal = usd }, "/business_case/options/1/nominal", outsourcing.ErrCurrencyMismatch},
		{"recognitions in another currency", func(s *termination.ReviewSpec) { s.Vendor.Currency = "USD" }, "/vendor/currency", outsourcing.ErrCurrencyMismatch},
		{"credits in another currency", func(s *termination.ReviewSpec) { s.SLAReports[2].Credits = outsourcing.MustMoney("5880.00", "USD") }, "/sla_reports/2/credits", outsourcing.ErrCurrencyMismatch},
		{"reports of another contract's agreement", func(s *termination.ReviewSpec) { s.SLAReports[0].Agreement = "desk-sla" }, "/sla_reports/0/agreement", outsourcing.ErrNotFound},
		{"a report given twice, counted twice", func(s *termination.ReviewSpec) { s.SLAReports = append(s.SLAReports, s.SLAReports[0]) }, "/sla_reports/6/period", outsourcing.ErrInvalidInput},
		{"an option not in the business case", func(s *termination.ReviewSpec) { s.Option = "globex" }, "/option", outsourcing.ErrNotFound},
		{"an objective without measurements", func(s *termination.ReviewSpec) { s.Objectives.Objectives[1].Measurements = nil }, "/objectives/objectives/1/measurements", outsourcing.ErrInvalidInput},
		{"an objective that does not validate", func(s *termination.ReviewSpec) { s.Objectives.Objectives[0].Owner = "" }, "/objectives/objectives/0/owner", outsourcing.ErrInvalidInput},
		{"a vendor review of another vendor", func(s *termination.ReviewSpec) { s.Vendor.Reviews[1].Vendor = "globex" }, "/vendor/reviews/1/vendor", outsourcing.ErrInvalidInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := sampleReview(t)
			c.edit(&in)
			_, err := terms.Review(in)
			assertField(t, err, c.path, c.sentinel)
		})
	}
	in := sampleReview(t)
	for i := range in.Objectives.Objectives {
		in.Objectives.Objectives[i].Measurements = nil
	}
	_, err := terms.Review(in)
	assert.Len(t, outsourcing.FieldErrors(err), 2, "an objective set without measurements: one problem per objective")
}

// TestReviewDocument round-trips the fully filled sample review through
// its schema, and refuses what the review fills in itself.
func TestReviewDocument(t *testing.T) {
	in := sampleReview(t)
	doc, err := json.Marshal(in)
	require.NoError(t, err)
	again, err := termination.ParseReview(doc)
	require.NoError(t, err)
	redoc, err := json.Marshal(again)
	require.NoError(t, err)
	assert.JSONEq(t, string(doc), string(redoc))

	var m map[string]any
	require.NoError(t, json.Unmarshal(load("review.json"), &m))
	m["vendor"].(map[string]any)["sla_attainment"] = "50"
	bad, err := json.Marshal(m)
	require.NoError(t, err)
	_, err = termination.ParseReview(bad)
	assertField(t, err, "/vendor/sla_attainment", outsourcing.ErrInvalidInput)

	in.Vendor.AsOf = in.AsOf.AddDate(0, 0, -1)
	_, err = sampleTerms(t).Review(in)
	assertField(t, err, "/vendor/as_of", outsourcing.ErrInvalidInput)
	in.Vendor.AsOf = in.AsOf.UTC()
	_, err = sampleTerms(t).Review(in)
	assert.NoError(t, err, "the same instant in another zone")
}
