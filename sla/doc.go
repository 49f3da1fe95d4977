// Package sla measures service levels from events, decides attainment and
// computes credits, bonuses and reports for IT outsourcing agreements.
//
// It serves the IT Services Outsourcing Management Handbook: §3.1 (SLAs
// quantified with a metric, target, measurement method, reporting period
// and penalty mechanism), §4.2 (incident management: report, response,
// escalation, resolution), §4.3 (monthly and quarterly SLA attainment and
// performance reports) and §6.4 (incentives for performance beyond
// expectations). Its breach counts feed termination rights (§7.1).
//
// An agreement holds service levels. Each measures availability (from
// outage intervals, or from request error rates), response or resolution
// time of tickets (in business time on an outsourcing.Calendar, the clock
// paused while the customer is awaited), the resolution rate, a latency
// percentile, or a custom metric computed by a kernel rule. A late ticket
// is a miss in the period its clock passes the target, even while still
// open, and only there (as ServiceNow breaches a task SLA at its breach
// time). Each has an expected and a minimum level and is critical
// (credits) or a key measurement (reported only). Figures are exact
// rationals: 5 minutes down in a 30-day month is 99.988425925…%, which
// misses 99.99% and, under Amazon's compute SLA, earns a 10% credit. Values are rounded only for
// display (ActualPlaces); amounts are rounded once, to the currency's minor
// unit, with the agreement's rounding mode.
//
// Maintenance windows are one-off intervals or recurring ones ("sunday
// 01:00–05:00", "first sunday 01:00–05:00") read in the agreement's zone
// and expanded deterministically, daylight-saving changes included
// (Agreement.MaintenanceIn lists them); a recurring window may be bounded
// by validity instants (from, until), so a contract change to it is two
// windows. Overlapping definitions in force together are rejected. Outage time inside maintenance is not downtime, error-rate
// intervals inside it are not counted, and the period_minus_maintenance
// denominator leaves it out.
//
// Credit models: tier tables (presets for published cloud SLAs — Amazon
// EC2 region and instance level, Amazon RDS Multi-AZ and Single-DB, Amazon
// S3 Standard, Azure Virtual Machines across availability zones, each
// citing its source, URL, version, highest credit and minimum payout; lower
// bound inclusive, upper exclusive), outsourcing pool allocations of an at-risk
// amount (the period's credits capped at that amount), nested allocations
// (CreditTerms.Services: the pool shared over services and each service's
// share over its levels, pool × service % × level % as Texas DIR's A × B × C,
// exact by largest remainder), a kernel-rule formula; with a multiplier
// for repeated misses, a cap as a percent of fees, a minimum payout
// (credits not above it are not paid, as Amazon's SLAs pay none of a
// dollar or less), earn-back and a bonus. An allocation credit is earned
// by a missed minimum or, with CreditModel.ExpectedDefault, by missing the
// expected level N times in a row or in a rolling window. Each level
// report shows its credit terms as fields: the credit before the cap, the
// tier and percent applied, the multiplier and its share of the period's
// credits after the cap. Continuous improvement raises a level after
// sustained over-performance, by at most a share of the gap to 100 % and
// never past a ceiling.
//
// Breach rules (§7.1 termination rights) count periods at the credit cap,
// below a minimum or under the expected level, in a rolling window ("2 of
// any 6 months") or in a row; each report carries the count with the
// periods counted as evidence, and Agreement.Signals re-reads stored
// reports. Periods are calendar months, quarters or years, ISO weeks or
// runs of N days, cut at local midnight in the agreement's zone.
//
// Availability levels come with error budgets: the period's
// (ErrorBudget), rolling ones over 7, 28 or 30 days counted in requests
// or time slices (Agreement.RollingBudget) with the SRE workbook's
// multiwindow burn-rate alerts scaled to the window
// (WorkbookBurnWindows), and burn rates over any windows
// (Agreement.BurnRates). Ticket levels show each ticket's clock as a
// ServiceNow task SLA does (Agreement.TaskSLAs): business elapsed time
// and percentage, time left, due and breach instants.
//
// # Usage
//
//	spec, err := sla.ParseAgreement(doc)   // validate and decode
//	a, err := sla.CompileAgreement(spec)   // compile once
//	in, err := sla.ParseInput(events)      // the period's fees and events, checked
//	periods, err := a.Periods(from, to)    // the agreement's periods, cut in its zone
//	reports, err := a.Evaluate(in, periods, nil)
//	for _, r := range reports {
//		fmt.Print(r.Markdown())           // or json.Marshal(r), r.Text()
//	}
//
// A provider's or a large customer's estate — thousands of services,
// one Input each — is reported by Agreement.EvaluateAll, which spreads
// the inputs over worker goroutines and returns the same reports as
// Evaluate per input, whatever the number of workers. Measurement is in
// integers (nanoseconds, counts) and exact int64 fractions, with
// arbitrary precision only for values that need it; ticket clocks read an
// index of the business calendar over the periods evaluated; outages are
// bucket-sorted and united once; credits are shared in int64 minor units.
// The reports of one call share their storage (a level's trend points, a
// breach count's evidence, the cap), and a level report's words —
// LevelReport.Reason, CreditReason and Exact — are written when read, not
// for every report; JSON carries them as before.
//
// To report one period at a time, pass the earlier reports as history to
// Agreement.Report: trends, repeated-miss multipliers, earn-back,
// continuous improvement and breach signals read it. History must be the
// agreement's own reports in time order without repeats; a report of the
// period itself is taken as its earlier run, so reprocessing a month gives
// the same report. Periods come only from PeriodOf and Periods, which
// refuse what cannot be measured exactly (before 1900 or after 2200).
//
// Errors are *outsourcing.FieldError values whose Path is an RFC 6901
// JSON pointer into the caller's document or value ("/outages/3/end",
// "/levels/0/credit/tiers/1/from"), prefixed "sla: " once.
//
// # Concurrency
//
// An *Agreement is immutable once compiled and safe for concurrent use;
// Report, Evaluate, EvaluateAll, Signals, BurnRates, RollingBudget and
// TaskSLAs may run from many goroutines. Inputs are
// read, never modified. Reports are values owned by the caller; the
// slices and pointers they share with other reports of the same call
// (Trend, Signal.Periods, Cap) are for reading.
package sla
