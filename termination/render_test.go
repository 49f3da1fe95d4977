package termination_test

import (
	"testing"

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
