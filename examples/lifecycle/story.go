package main

import (
	"time"

	"github.com/outsourcing-go/outsourcing/planning"
)

// The days of the engagement that no input document carries. Every other
// date comes from the documents: the decision, the contract's term, the
// acceptance, the change, the dispute, the termination context, the
// settlement and the review.
var (
	// planningDay is when the sourcing decision is taken (§1).
	planningDay = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	// screeningDay is when the long list is screened (§2.1): certificates
	// expired by then do not count.
	screeningDay = time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	// evaluationDay is when the panel's scores are in (§2.2).
	evaluationDay = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	// contractDay is when the contract office registers the draft (§3.2);
	// review, approvals and signature follow within days.
	contractDay = time.Date(2026, 9, 7, 8, 0, 0, 0, time.UTC)
	// riskReviewDay is the mid-year review of the risk register (§5.3).
	riskReviewDay = time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)
)

// serviceCriticality is the business's judgement of the service: the
// plants stop without their data centre, but running one does not set
// Acme apart from its competitors, a critical commodity (Handbook §1.3).
const serviceCriticality = planning.CriticalityHigh
