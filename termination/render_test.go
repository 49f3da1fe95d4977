package termination_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
)

// TestAssessmentTableEvidenceLines: each piece of evidence after the
// first gets a line of its own; a trigger without evidence shows a dash.
func TestAssessmentTableEvidenceLines(t *testing.T) {
	a := termination.Assessment{Triggers: []termination.Trigger{
		{Rule: "sla", Ground: termination.GroundRepeatedSLAFailure, Evidence: []string{"missed in 3 of 6", "cap in 2027-03"}},
		{Rule: "convenience", Ground: termination.GroundConvenience},
	}}
	var evidence []string
	for _, row := range a.Table().Rows {
		evidence = append(evidence, row[0]+"|"+row[6])
	}
	assert.Equal(t, []string{"sla|missed in 3 of 6", "|cap in 2027-03", "convenience|—"}, evidence)
}

// EarliestPermitted picks, among the triggers with a termination right,
// the one effective soonest, whatever the rule order.
func TestAssessmentEarliestPermitted(t *testing.T) {
	a := termination.Assessment{Triggers: []termination.Trigger{
		{Rule: "notice-only", Ground: termination.GroundConvenience},
		{Rule: "late", Permitted: true, EarliestEffective: contract.MustDate(2027, 10, 6)},
		{Rule: "soon", Permitted: true, EarliestEffective: contract.MustDate(2027, 8, 1)},
		{Rule: "soon-too", Permitted: true, EarliestEffective: contract.MustDate(2027, 8, 1)},
	}}
	tr, ok := a.EarliestPermitted()
	assert.True(t, ok)
	assert.Equal(t, "soon", tr.Rule, "the earliest, the first in rule order among equals")
	_, ok = termination.Assessment{Triggers: a.Triggers[:1]}.EarliestPermitted()
	assert.False(t, ok, "no trigger gives a right")
}
