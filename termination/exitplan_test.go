package termination_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReviewPhaseEnds checks that the review phase ends the terms'
// review period after data disposition, three months when they state
// none. The sample exit starts on 2027-07-06 and takes effect on
// 2027-10-06; assistance runs three months more, to 2028-01-06, which
// is also when data disposition is due (the data's 30 days end earlier).
func TestReviewPhaseEnds(t *testing.T) {
	terms := sampleTerms(t)
	start, effective := contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6)
	plan, err := terms.ExitPlan(start, effective)
	require.NoError(t, err)
	review := plan.Phases[len(plan.Phases)-1]
	assert.Equal(t, termination.PhaseReview, review.Phase)
	assert.Equal(t, "2028-01-06", review.From.String())
	assert.Equal(t, "2028-04-06", review.Until.String(), "DefaultReviewPeriod is P3M")

	spec := terms.Spec()
	spec.ReviewPeriod = contract.Weeks(6)
	six, err := termination.CompileTerms(spec, terms.Contract())
	require.NoError(t, err)
	plan, err = six.ExitPlan(start, effective)
	require.NoError(t, err)
	assert.Equal(t, "2028-02-17", plan.Phases[len(plan.Phases)-1].Until.String())

	events := []termination.PhaseEvent{
		{Kind: termination.PhaseEventServeNotice, On: start},
		{Kind: termination.PhaseEventStartAssistance, On: start},
		{Kind: termination.PhaseEventAcceptHandover, On: contract.MustDate(2027, 12, 20)},
		{Kind: termination.PhaseEventCertifyData, On: contract.MustDate(2028, 1, 6)},
	}
	p, err := plan.Progress(contract.MustDate(2028, 2, 17), events)
	require.NoError(t, err)
	assert.False(t, p.Behind, "on the review's last day")
	p, err = plan.Progress(contract.MustDate(2028, 2, 18), events)
	require.NoError(t, err)
	assert.True(t, p.Behind, "the review is overdue")
}

// Dates run from 0001 to 9999. An exit taking effect in 9999 would have
// its five-year confidentiality end in 10004, a date no document can
// hold (it marshalled as "10004-06-01", which ParseDate refuses): the
// plan is refused at the argument the date is counted from.
func TestExitPlanDatesStayInTheCalendar(t *testing.T) {
	terms := sampleTerms(t)
	_, err := terms.ExitPlan(contract.MustDate(9999, 1, 1), contract.MustDate(9999, 6, 1))
	assertField(t, err, "/effective", outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), "confidentiality obligation of clause 7 would fall on 10004-06-01")
	plan, err := terms.ExitPlan(contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6))
	require.NoError(t, err)
	assert.Equal(t, "2032-10-06", plan.Surviving[0].Ends.String())
}

// A trigger's notice requirements are dates too: a convenience notice
// of six months assessed in October 9999 would take effect in April
// 10000, which no document can hold, so the assessment is refused at
// its day. Within the calendar months clamp as Excel's EDATE does:
// EDATE(2027-08-31, 6) is 2028-02-29.
func TestTriggerDatesStayInTheCalendar(t *testing.T) {
	terms := sampleTerms(t)
	ctx := termination.ContextSpec{Contract: terms.Contract().ID(), AsOf: contract.MustDate(9999, 10, 1), StrategicChange: true}
	_, err := termination.DefaultTriggers().Evaluate(terms, ctx)
	assertField(t, err, "/as_of", outsourcing.ErrInvalidInput)

	ctx.AsOf, ctx.StrategicChange = contract.MustDate(2027, 9, 1), false
	ctx.Notices = []termination.Notice{{ID: "N1", Kind: termination.NoticeConvenience, Party: "acme", Served: contract.MustDate(2027, 8, 31)}}
	a, err := termination.DefaultTriggers().Evaluate(terms, ctx)
	require.NoError(t, err)
	require.NotEmpty(t, a.Triggers)
	for _, tr := range a.Triggers {
		if tr.Ground == termination.GroundConvenience {
			assert.Equal(t, "2028-02-29", tr.EarliestEffective.String())
		}
	}
}
