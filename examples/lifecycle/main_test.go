package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The main job runs end to end; the checks below follow from the sample
// data by hand, not from the code.
func TestLifecycle(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out))
	report := out.String()
	// Initech has 2 years, 150 people, no ISO 27001/20000 and a BB rating;
	// Umbrella has 3 open lawsuits (at most 2 allowed).
	assert.Contains(t, report, "initech   excluded: experience, capacity, security-certified, itsm-certified, financially-sound")
	assert.Contains(t, report, "umbrella  excluded: litigation")
	// Proportional price points: 10 × 2,190,000 / 2,480,000 = 8.83.
	assert.Contains(t, report, "acme      bid   2480000.00 EUR  price points 8.83")
	// February: 285 minutes down (the 90 inside the maintenance window do
	// not count) of 40,320 − 240 = 40,080 is 99.288922 %; both critical
	// levels are missed, so credits reach the cap, the at-risk amount,
	// 12 % of 112,000.00 = 13,440.00, shared 60:40.
	assert.Contains(t, report, "| erp-availability | availability | critical | 99.9 | 99.5 | 99.288922 | missed | 8064.00 EUR |")
	assert.Contains(t, report, "- Credits: 13440.00 EUR")
	// Savings of 10 % or more on a critical, commodity service: partial.
	assert.Contains(t, report, ": partial, onshore")
	// A critical engagement under 1,000,000 a year falls to the second row.
	assert.Contains(t, report, "critical: row [critical]")
}
