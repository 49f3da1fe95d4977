package sla

import (
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// MetricKind says what a service level measures. Handbook §3.1 lists
// availability, incident response time and problem resolution rate.
type MetricKind string

// Metric kinds.
const (
	// MetricKindAvailability is uptime in percent of the denominator, from
	// outage intervals or, with an error-rate mode, from request counts.
	// Higher is better.
	MetricKindAvailability MetricKind = "availability"
	// MetricKindResponseTime is the percent of tickets first responded to
	// (assigned, or resolved without an assignment) within their
	// priority's target business time. A response within target counts as
	// met in the period of the response. A late one counts once, as a miss,
	// in the period in which the response clock passes the target —
	// whether the ticket is answered late in that period or still
	// unanswered at its end — as a late resolution does. Higher is better.
	MetricKindResponseTime MetricKind = "response_time"
	// MetricKindResolutionTime is the percent of tickets resolved within
	// their priority's target business time. A ticket resolved within
	// target counts as met in the period of its final resolution. A late
	// ticket counts once, as a miss, in the period in which its clock
	// passes the target — whether it is resolved late in that period or
	// still open at the period's end — and not again when it is resolved
	// later: ServiceNow's task SLA breaches at its breach time whether or
	// not the task is still open, and it keeps a provider from holding
	// late tickets open across month ends. Contracts that count resolved
	// incidents only would instead place a late ticket in its resolution
	// period. Higher is better.
	MetricKindResolutionTime MetricKind = "resolution_time"
	// MetricKindResolutionRate is the percent of tickets opened in the
	// period that were resolved within their priority's target; a ticket
	// still open after its deadline counts as a miss, one not yet due at
	// the end of the period is left out. Higher is better.
	MetricKindResolutionRate MetricKind = "resolution_rate"
	// MetricKindPercentileLatency is the nearest-rank percentile of the
	// latency samples of the period, in milliseconds. Lower is better.
	MetricKindPercentileLatency MetricKind = "percentile_latency"
	// MetricKindCustom is the decimal a kernel rule computes from the
	// period's figures; its polarity is the level's.
	MetricKindCustom MetricKind = "custom"
)

var metricKinds = []MetricKind{MetricKindAvailability, MetricKindResponseTime, MetricKindResolutionTime,
	MetricKindResolutionRate, MetricKindPercentileLatency, MetricKindCustom}

// String returns the kind's name.
func (k MetricKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k MetricKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "metric", metricKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *MetricKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "metric", metricKinds)
}

// percent reports whether the metric is a percentage (0–100).
func (k MetricKind) percent() bool {
	return k != MetricKindPercentileLatency && k != MetricKindCustom
}

// tickets reports whether the metric is measured from tickets.
func (k MetricKind) tickets() bool {
	return k == MetricKindResponseTime || k == MetricKindResolutionTime || k == MetricKindResolutionRate
}

// PeriodKind is the reporting period (Handbook §4.3: monthly, quarterly).
// Every period runs from local midnight to local midnight in the
// agreement's zone, so a period holding a daylight-saving change is an
// hour shorter or longer than its days × 24 hours.
type PeriodKind string

// Period kinds.
const (
	// PeriodKindMonth is a calendar month in the agreement's time zone,
	// labelled "2024-01".
	PeriodKindMonth PeriodKind = "month"
	// PeriodKindQuarter is a calendar quarter (Jan–Mar, ...) in the zone,
	// labelled "2024-Q1".
	PeriodKindQuarter PeriodKind = "quarter"
	// PeriodKindYear is a calendar year in the zone, labelled "2024".
	PeriodKindYear PeriodKind = "year"
	// PeriodKindWeek is an ISO 8601 week, Monday to Sunday in the zone,
	// labelled "2024-W01" (the ISO week-numbering year and week).
	PeriodKindWeek PeriodKind = "week"
	// PeriodKindDays is a run of AgreementSpec.PeriodDays local days from
	// AgreementSpec.PeriodStart (and every such run before and after it),
	// labelled by its first and last day, "2024-01-01..2024-01-28".
	PeriodKindDays PeriodKind = "days"
)

var periodKinds = []PeriodKind{PeriodKindMonth, PeriodKindQuarter, PeriodKindYear, PeriodKindWeek, PeriodKindDays}

// String returns the kind's name.
func (k PeriodKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k PeriodKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "period", periodKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *PeriodKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "period", periodKinds)
}

// LevelClass says whether a level carries credits.
type LevelClass string

// Level classes.
const (
	// LevelClassCritical is a critical service level: missing it earns the
	// customer a credit under the level's credit model.
	LevelClassCritical LevelClass = "critical"
	// LevelClassKey is a key measurement: measured and reported, no credit.
	LevelClassKey LevelClass = "key"
)

var levelClasses = []LevelClass{LevelClassCritical, LevelClassKey}

// String returns the class's name.
func (c LevelClass) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler.
func (c LevelClass) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "class", levelClasses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown classes.
func (c *LevelClass) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(c, b, "class", levelClasses)
}

// Denominator is what availability is a share of.
type Denominator string

// Denominators.
const (
	// DenominatorPeriod is the whole period (AWS, Azure, Google style).
	DenominatorPeriod Denominator = "period"
	// DenominatorDeployed is the time the service was deployed in the
	// period (Input.Deployments); outages outside it do not count. In
	// error-rate mode it is the intervals lying wholly inside a
	// deployment, and only their samples count.
	DenominatorDeployed Denominator = "deployed"
	// DenominatorPeriodMinusMaintenance is the period less its maintenance
	// windows; in error-rate mode, less the intervals wholly inside them.
	DenominatorPeriodMinusMaintenance Denominator = "period_minus_maintenance"
)

var denominators = []Denominator{DenominatorPeriod, DenominatorDeployed, DenominatorPeriodMinusMaintenance}

// String returns the denominator's name.
func (d Denominator) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Denominator) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(d, "denominator", denominators)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown values.
func (d *Denominator) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(d, b, "denominator", denominators)
}

// EventKind is a ticket state change (Handbook §4.2 incident management).
type EventKind string

// Ticket event kinds.
const (
	// EventKindOpened starts the clocks; it must come first, once.
	EventKindOpened EventKind = "opened"
	// EventKindAssigned is the first response; it stops the response clock.
	EventKindAssigned EventKind = "assigned"
	// EventKindPending pauses the clocks while the customer is awaited.
	EventKindPending EventKind = "pending"
	// EventKindResumed restarts the clocks after EventKindPending.
	EventKindResumed EventKind = "resumed"
	// EventKindResolved stops the resolution clock.
	EventKindResolved EventKind = "resolved"
	// EventKindReopened restarts the resolution clock after a resolution.
	EventKindReopened EventKind = "reopened"
)

var eventKinds = []EventKind{EventKindOpened, EventKindAssigned, EventKindPending, EventKindResumed,
	EventKindResolved, EventKindReopened}

// String returns the kind's name.
func (k EventKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k EventKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "event", eventKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *EventKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "event", eventKinds)
}

// Status is a level's attainment in a period.
type Status string

// Statuses.
const (
	// StatusMet: the actual value reaches the expected level.
	StatusMet Status = "met"
	// StatusMinimum: the actual value misses the expected level but reaches
	// the minimum.
	StatusMinimum Status = "minimum"
	// StatusMissed: the actual value misses the minimum level.
	StatusMissed Status = "missed"
	// StatusNoData: nothing to measure in the period (no tickets, no
	// deployed time); treated as met, never credited.
	StatusNoData Status = "no_data"
)

var statuses = []Status{StatusMet, StatusMinimum, StatusMissed, StatusNoData}

// String returns the status's name.
func (s Status) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(s, "status", statuses) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *Status) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "status", statuses)
}

// CreditKind names a credit model.
type CreditKind string

// Credit kinds.
const (
	// CreditKindNone: the level carries no credit.
	CreditKindNone CreditKind = "none"
	// CreditKindTiers: a credit percent of the fees looked up from the
	// actual value in a tier table (cloud style).
	CreditKindTiers CreditKind = "tiers"
	// CreditKindAllocation: allocation % × the at-risk amount when the
	// minimum level is missed (outsourcing style).
	CreditKindAllocation CreditKind = "allocation"
	// CreditKindRule: the amount a kernel rule computes.
	CreditKindRule CreditKind = "rule"
)

var creditKinds = []CreditKind{CreditKindNone, CreditKindTiers, CreditKindAllocation, CreditKindRule}

// String returns the kind's name.
func (k CreditKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler.
func (k CreditKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "credit kind", creditKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *CreditKind) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(k, b, "credit kind", creditKinds)
}

// Polarity says which values of a service level are better: higher ones
// (availability, rates) or lower ones (latency, backlog). It orders
// measured values only; it is not an objective to maximise or minimise.
type Polarity string

// Polarities.
const (
	// PolarityHigher: a higher value is better (availability, rates).
	PolarityHigher Polarity = "higher"
	// PolarityLower: a lower value is better (latency, backlog).
	PolarityLower Polarity = "lower"
)

var polarities = []Polarity{PolarityHigher, PolarityLower}

// String returns the polarity's name.
func (p Polarity) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Polarity) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(p, "polarity", polarities)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown values.
func (p *Polarity) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(p, b, "polarity", polarities)
}

// Duration is a time.Duration written on the wire as Go duration text
// ("4h", "15m", "1h30m").
type Duration time.Duration

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText parses Go duration text. Where a duration must be
// positive (targets, intervals), CompileAgreement checks it.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return outsourcing.FieldErrorf("", "%q is not a duration such as \"4h30m\"", string(b))
	}
	*d = Duration(v)
	return nil
}

// Recurrence says how often a RecurringWindow repeats.
type Recurrence string

// Recurrences.
const (
	// RecurrenceWeekly repeats every week on the window's day.
	RecurrenceWeekly Recurrence = "weekly"
	// RecurrenceMonthly repeats once a month, on the window's day in the
	// window's week of the month ("first sunday").
	RecurrenceMonthly Recurrence = "monthly"
)

var recurrences = []Recurrence{RecurrenceWeekly, RecurrenceMonthly}

// String returns the recurrence's name.
func (r Recurrence) String() string { return string(r) }

// MarshalText implements encoding.TextMarshaler.
func (r Recurrence) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(r, "recurrence", recurrences)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown values.
func (r *Recurrence) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(r, b, "recurrence", recurrences)
}

// WeekOfMonth picks which occurrence of a weekday in a month a monthly
// window falls on: the first is on day 1–7, the second on 8–14, the third
// on 15–21, the fourth on 22–28 and the last in the month's final seven
// days.
type WeekOfMonth string

// Weeks of the month.
const (
	// WeekOfMonthFirst is the first such weekday of the month.
	WeekOfMonthFirst WeekOfMonth = "first"
	// WeekOfMonthSecond is the second.
	WeekOfMonthSecond WeekOfMonth = "second"
	// WeekOfMonthThird is the third.
	WeekOfMonthThird WeekOfMonth = "third"
	// WeekOfMonthFourth is the fourth.
	WeekOfMonthFourth WeekOfMonth = "fourth"
	// WeekOfMonthLast is the last (the fourth or the fifth).
	WeekOfMonthLast WeekOfMonth = "last"
)

var weeksOfMonth = []WeekOfMonth{WeekOfMonthFirst, WeekOfMonthSecond, WeekOfMonthThird, WeekOfMonthFourth,
	WeekOfMonthLast}

// String returns the week's name.
func (w WeekOfMonth) String() string { return string(w) }

// MarshalText implements encoding.TextMarshaler.
func (w WeekOfMonth) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(w, "week of month", weeksOfMonth)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown values.
func (w *WeekOfMonth) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(w, b, "week of month", weeksOfMonth)
}

// Weekday is a day of the week on the wire: "sunday" … "saturday".
type Weekday string

// Weekdays, in time.Weekday order.
const (
	WeekdaySunday    Weekday = "sunday"
	WeekdayMonday    Weekday = "monday"
	WeekdayTuesday   Weekday = "tuesday"
	WeekdayWednesday Weekday = "wednesday"
	WeekdayThursday  Weekday = "thursday"
	WeekdayFriday    Weekday = "friday"
	WeekdaySaturday  Weekday = "saturday"
)

var weekdays = []Weekday{WeekdaySunday, WeekdayMonday, WeekdayTuesday, WeekdayWednesday, WeekdayThursday,
	WeekdayFriday, WeekdaySaturday}

// String returns the day's name.
func (d Weekday) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Weekday) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(d, "weekday", weekdays)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown days.
func (d *Weekday) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(d, b, "weekday", weekdays)
}

// Weekday returns the time.Weekday, and false for an unknown day.
func (d Weekday) Weekday() (time.Weekday, bool) {
	i := slices.Index(weekdays, d)
	return time.Weekday(i), i >= 0
}

// BreachCount is what a breach rule counts in a period.
type BreachCount string

// Breach counts.
const (
	// BreachCountMissedMinimum counts periods in which a level missed its
	// minimum (status missed).
	BreachCountMissedMinimum BreachCount = "missed_minimum"
	// BreachCountMissedExpected counts periods in which a level missed its
	// expected level (status minimum or missed).
	BreachCountMissedExpected BreachCount = "missed_expected"
	// BreachCountAtCap counts periods whose credits reached the cap on
	// credits (Report.AtCap), for the agreement as a whole.
	BreachCountAtCap BreachCount = "at_cap"
)

var breachCounts = []BreachCount{BreachCountMissedMinimum, BreachCountMissedExpected, BreachCountAtCap}

// String returns the count's name.
func (c BreachCount) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler.
func (c BreachCount) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "breach count", breachCounts)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown counts.
func (c *BreachCount) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(c, b, "breach count", breachCounts)
}

// BudgetMethod says what an error budget counts (RollingBudget).
type BudgetMethod string

// Budget methods.
const (
	// BudgetMethodOccurrences counts events: the requests and failed
	// requests of Input.Requests (good = requests − errors, bad = errors).
	BudgetMethodOccurrences BudgetMethod = "occurrences"
	// BudgetMethodTimeSlices counts slices of time of equal length: a
	// slice holding any counted downtime of the level is bad.
	BudgetMethodTimeSlices BudgetMethod = "time_slices"
)

var budgetMethods = []BudgetMethod{BudgetMethodOccurrences, BudgetMethodTimeSlices}

// String returns the method's name.
func (m BudgetMethod) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler.
func (m BudgetMethod) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(m, "budget method", budgetMethods)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown methods.
func (m *BudgetMethod) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(m, b, "budget method", budgetMethods)
}

// TaskStage is where a ticket's clock stands (TaskSLA), as ServiceNow
// names a task SLA's stage.
type TaskStage string

// Task stages.
const (
	// TaskStageInProgress: the clock runs.
	TaskStageInProgress TaskStage = "in_progress"
	// TaskStagePaused: the clock is paused while the customer is awaited.
	TaskStagePaused TaskStage = "paused"
	// TaskStageCompleted: the clock stopped (responded, or resolved).
	TaskStageCompleted TaskStage = "completed"
)

var taskStages = []TaskStage{TaskStageInProgress, TaskStagePaused, TaskStageCompleted}

// String returns the stage's name.
func (s TaskStage) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler.
func (s TaskStage) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "stage", taskStages)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown stages.
func (s *TaskStage) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "stage", taskStages)
}
