package sla

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// Input is what a period's measurement reads: the fees and the events.
// Events may come in any order, except each ticket's own log, which must
// be in time order.
type Input struct {
	// Fees are the period's charges under the agreement: the base of
	// tier credits, the at-risk amount, caps and bonuses.
	Fees outsourcing.Money `json:"fees"`
	// ServiceFees, when a level's service is listed, is the base of that
	// level's tier and rule credits instead of Fees.
	ServiceFees map[string]outsourcing.Money `json:"service_fees,omitempty"`
	// Outages are intervals of unavailability.
	Outages []Outage `json:"outages,omitempty"`
	// Deployments are the intervals a service was deployed (for the
	// "deployed" denominator).
	Deployments []Deployment `json:"deployments,omitempty"`
	// Tickets are incident or request tickets as state-change logs.
	Tickets []Ticket `json:"tickets,omitempty"`
	// Requests are per-interval request counts (error-rate mode).
	Requests []RequestSample `json:"requests,omitempty"`
	// Latencies are latency samples (percentile_latency levels).
	Latencies []LatencySample `json:"latencies,omitempty"`
	// Measures are named values for custom metric rules.
	Measures []Measure `json:"measures,omitempty"`
}

// Outage is an interval [Start, End) during which a service was down.
type Outage struct {
	// ID names the outage in errors and exclusion rules.
	ID string `json:"id,omitempty"`
	// Service is the service that was down.
	Service string `json:"service,omitempty"`
	// Start is the first instant of the outage.
	Start time.Time `json:"start"`
	// End is the instant service returned; after Start.
	End time.Time `json:"end"`
	// Cause is the recorded root cause, for exclusion rules.
	Cause string `json:"cause,omitempty"`
	// Tags are free labels, for exclusion rules.
	Tags []string `json:"tags,omitempty"`
}

// Deployment is an interval during which a service was deployed.
type Deployment struct {
	// Service is the deployed service.
	Service string `json:"service,omitempty"`
	// Start of the deployment.
	Start time.Time `json:"start"`
	// End of the deployment; after Start.
	End time.Time `json:"end"`
}

// Ticket is an incident or service request with its state changes.
type Ticket struct {
	// ID names the ticket in errors and exclusion rules; unique in the
	// Input, so that a ticket sent twice is refused, not measured twice.
	ID string `json:"id"`
	// Service is the service the ticket is about.
	Service string `json:"service,omitempty"`
	// Priority selects the level's target ("P1", "high", ...).
	Priority string `json:"priority"`
	// Cause is the recorded root cause, for exclusion rules.
	Cause string `json:"cause,omitempty"`
	// Tags are free labels, for exclusion rules.
	Tags []string `json:"tags,omitempty"`
	// Events is the state-change log in time order, starting with opened.
	// A ticket whose log ends open is taken to stay as it last was: a
	// running clock keeps running (so the ticket falls due, in business
	// time), a pending one stays paused.
	Events []TicketEvent `json:"events"`
}

// TicketEvent is one state change of a ticket.
type TicketEvent struct {
	// Kind of change.
	Kind EventKind `json:"kind"`
	// At is when it happened.
	At time.Time `json:"at"`
}

// RequestSample counts the requests and failed requests of the interval
// starting at Start (error-rate mode).
type RequestSample struct {
	// Service measured.
	Service string `json:"service,omitempty"`
	// Start of the interval; the interval length is the level's.
	Start time.Time `json:"start"`
	// Requests is the number of valid requests (≥ 0).
	Requests int64 `json:"requests"`
	// Errors is the number of failed requests (0 ≤ Errors ≤ Requests).
	Errors int64 `json:"errors"`
}

// LatencySample is one latency observation.
type LatencySample struct {
	// Service measured.
	Service string `json:"service,omitempty"`
	// At is when the request was served.
	At time.Time `json:"at"`
	// Millis is the latency in milliseconds (≥ 0).
	Millis outsourcing.Decimal `json:"millis"`
}

// Measure is a named value for custom metrics (for example a satisfaction
// score or a count of failed changes).
type Measure struct {
	// Service measured.
	Service string `json:"service,omitempty"`
	// Name of the measure, as rules read it in values["name"].
	Name string `json:"name"`
	// At is when the value was recorded.
	At time.Time `json:"at"`
	// Value recorded.
	Value outsourcing.Decimal `json:"value"`
}
