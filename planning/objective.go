package planning

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// Direction says which way a metric improves.
type Direction string

const (
	// DirectionIncrease: higher is better (availability, satisfaction).
	DirectionIncrease Direction = "increase"
	// DirectionDecrease: lower is better (cost, response time).
	DirectionDecrease Direction = "decrease"
)

var directions = []Direction{DirectionIncrease, DirectionDecrease}

// String returns the direction name.
func (d Direction) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (d Direction) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(d, "direction", directions)
}

// UnmarshalText accepts "increase" or "decrease".
func (d *Direction) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(d, b, "direction", directions)
}

// Objective is a SMART objective of an outsourcing initiative (Handbook
// §1.1): a specific metric with an owner, measurable from a baseline to a
// target in a known direction, and time-bound by a deadline. "Cut
// first-response time from 45 to 15 minutes by 31 December" is Metric
// "first_response_minutes", Baseline 45, Target 15, DirectionDecrease.
type Objective struct {
	// ID identifies the objective.
	ID string `json:"id"`
	// Title states the objective in words.
	Title string `json:"title,omitempty"`
	// Metric names what is measured (specific, measurable).
	Metric string `json:"metric"`
	// Unit of the metric, for display ("minutes", "%", "EUR").
	Unit string `json:"unit,omitempty"`
	// Baseline is the metric's value at Start.
	Baseline outsourcing.Decimal `json:"baseline"`
	// Target is the value to reach by Deadline; required, and beyond the
	// baseline in Direction.
	Target *outsourcing.Decimal `json:"target"`
	// Direction is which way the metric improves.
	Direction Direction `json:"direction"`
	// Start is when the baseline holds; required, before Deadline.
	Start time.Time `json:"start"`
	// Deadline is when the target must be reached (time-bound); required.
	Deadline time.Time `json:"deadline"`
	// Owner is accountable for the objective; required.
	Owner string `json:"owner"`
}

// Measurement is one observed value of an objective's metric.
type Measurement struct {
	// At is when the value was observed.
	At time.Time `json:"at"`
	// Value is the metric's value.
	Value outsourcing.Decimal `json:"value"`
}

// ObjectiveState summarises an objective at a date.
type ObjectiveState string

const (
	// ObjectiveStateAchieved: the latest measurement meets the target.
	ObjectiveStateAchieved ObjectiveState = "achieved"
	// ObjectiveStateOnTrack: the target is forecast to be met by the deadline.
	ObjectiveStateOnTrack ObjectiveState = "on_track"
	// ObjectiveStateOffTrack: the forecast misses the target.
	ObjectiveStateOffTrack ObjectiveState = "off_track"
	// ObjectiveStateMissed: the deadline has passed without the target.
	ObjectiveStateMissed ObjectiveState = "missed"
	// ObjectiveStateNoData: no measurement yet.
	ObjectiveStateNoData ObjectiveState = "no_data"
)

var objectiveStates = []ObjectiveState{ObjectiveStateAchieved, ObjectiveStateOnTrack, ObjectiveStateOffTrack, ObjectiveStateMissed, ObjectiveStateNoData}

// String returns the state name.
func (s ObjectiveState) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (s ObjectiveState) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "objective state", objectiveStates)
}

// UnmarshalText accepts the state names.
func (s *ObjectiveState) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(s, b, "objective state", objectiveStates)
}

// Validate checks that the objective is SMART enough to track: an ID, a
// metric and an owner (specific), a target beyond the baseline in a known
// direction (measurable), and a start before a deadline (time-bound).
// Problems are *FieldError values (ErrInvalidInput) with JSON pointers
// into the objective ("/target"), joined in field order after the prefix
// "planning: ".
func (o Objective) Validate() error { return wrap(o.validate()) }

func (o Objective) validate() error {
	var errs []error
	bad := func(path, format string, args ...any) {
		errs = append(errs, outsourcing.FieldErrorf(path, format, args...))
	}
	if o.ID == "" {
		bad("/id", "id is required")
	}
	if o.Metric == "" {
		bad("/metric", "metric is required: say what is measured")
	}
	if !slices.Contains(directions, o.Direction) {
		bad("/direction", "unknown direction %q (want increase or decrease)", text.Truncate(string(o.Direction), maxQuoted))
	}
	switch {
	case o.Target == nil:
		bad("/target", "target is required")
	case o.Direction == DirectionIncrease && !o.Target.GreaterThan(o.Baseline),
		o.Direction == DirectionDecrease && !o.Target.LessThan(o.Baseline):
		bad("/target", "target %s does not %s the baseline %s", *o.Target, o.Direction, o.Baseline)
	}
	if o.Start.IsZero() {
		bad("/start", "start (when the baseline holds) is required")
	}
	switch {
	case o.Deadline.IsZero():
		bad("/deadline", "deadline is required")
	case !o.Start.IsZero() && !o.Deadline.After(o.Start):
		bad("/deadline", "deadline %s is not after start %s", o.Deadline.Format(time.DateOnly), o.Start.Format(time.DateOnly))
	}
	if o.Owner == "" {
		bad("/owner", "owner is required")
	}
	return errors.Join(errs...)
}

// ObjectiveProgress is an objective's status at a date.
type ObjectiveProgress struct {
	// ID is the objective's ID.
	ID string `json:"id"`
	// State summarises the status.
	State ObjectiveState `json:"state"`
	// Latest is the last measurement from Start to the earlier of asOf
	// and Deadline (nil if none).
	Latest *Measurement `json:"latest"`
	// Attainment is (latest − baseline)/(target − baseline): 0 at the
	// baseline, 1 at the target, above 1 beyond it, negative when worse
	// than the baseline; rounded half away from zero to 4 places.
	Attainment outsourcing.Decimal `json:"attainment"`
	// Expected is the share of the way a straight line from baseline at
	// Start to target at Deadline has covered at asOf, in [0, 1], 4 places.
	Expected outsourcing.Decimal `json:"expected"`
	// Forecast is the metric's value at Deadline extrapolated by a
	// least-squares line through the measurements up to asOf (at least
	// two at distinct times, with the baseline at Start as a point);
	// nil when there is too little data. Rounded to 6 places.
	Forecast *outsourcing.Decimal `json:"forecast"`
}

// Progress evaluates the objective at asOf from measurements (any order).
// Only measurements from Start to the earlier of asOf and Deadline count:
// the baseline is the value at Start, and the objective is judged at its
// deadline, so a value reached after the deadline leaves it missed. With a forecast, the objective is on
// track when the forecast meets the target; without one, when attainment
// is at least the expected share.
//
// Errors: those of Validate, and two measurements at the same instant
// with different values (at /measurements/j/at), since which one is the
// latest would depend on their order.
func (o Objective) Progress(measurements []Measurement, asOf time.Time) (ObjectiveProgress, error) {
	if err := o.validate(); err != nil {
		return ObjectiveProgress{}, wrap(err)
	}
	if err := conflictingMeasurements(measurements); err != nil {
		return ObjectiveProgress{}, wrap(err)
	}
	return o.progress(measurements, asOf), nil
}

// progress evaluates a valid objective.
func (o Objective) progress(measurements []Measurement, asOf time.Time) ObjectiveProgress {
	var seen []Measurement
	for _, m := range measurements {
		if !m.At.Before(o.Start) && !m.At.After(asOf) && !m.At.After(o.Deadline) {
			seen = append(seen, m)
		}
	}
	slices.SortStableFunc(seen, func(a, b Measurement) int { return a.At.Compare(b.At) })
	p := ObjectiveProgress{ID: o.ID, Expected: o.expected(asOf), State: ObjectiveStateNoData}
	if len(seen) == 0 {
		if asOf.After(o.Deadline) {
			p.State = ObjectiveStateMissed
		}
		return p
	}
	latest := seen[len(seen)-1]
	p.Latest = &latest
	// One rounding, to 4 places: rounding first to 8 and then to 4 would
	// turn 0.0000499999997 into 0.0001.
	// The divisor is not zero: validate refuses a target equal to the
	// baseline.
	if attainment, err := latest.Value.Sub(o.Baseline).Quo(o.Target.Sub(o.Baseline), 4, outsourcing.RoundHalfUp); err == nil {
		p.Attainment = attainment.Trim()
	}
	p.Forecast = o.forecast(seen)
	switch {
	case o.meets(latest.Value):
		p.State = ObjectiveStateAchieved
	case asOf.After(o.Deadline):
		p.State = ObjectiveStateMissed
	case p.Forecast != nil && o.meets(*p.Forecast), p.Forecast == nil && p.Attainment.GreaterThanOrEqual(p.Expected):
		p.State = ObjectiveStateOnTrack
	default:
		p.State = ObjectiveStateOffTrack
	}
	return p
}

// meets reports whether v reaches the target in the objective's direction.
func (o Objective) meets(v outsourcing.Decimal) bool {
	if o.Direction == DirectionIncrease {
		return v.GreaterThanOrEqual(*o.Target)
	}
	return v.LessThanOrEqual(*o.Target)
}

func (o Objective) expected(asOf time.Time) outsourcing.Decimal {
	total := o.Deadline.Sub(o.Start)
	done := min(max(asOf.Sub(o.Start), 0), total)
	return outsourcing.DecimalOf(decimal.NewFromInt(int64(done)).DivRound(decimal.NewFromInt(int64(total)), 4)).Trim()
}

// forecast fits value = a + b·t (t in days from Start) through the
// baseline at Start and the measurements, and evaluates it at Deadline.
func (o Objective) forecast(ms []Measurement) *outsourcing.Decimal {
	xs := []float64{0}
	ys := []float64{o.Baseline.Float64()}
	for _, m := range ms {
		xs = append(xs, m.At.Sub(o.Start).Hours()/24)
		ys = append(ys, m.Value.Float64())
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	n := float64(len(xs))
	mx, my = mx/n, my/n
	var sxx, sxy float64
	for i := range xs {
		sxx += (xs[i] - mx) * (xs[i] - mx)
		sxy += (xs[i] - mx) * (ys[i] - my)
	}
	if len(ms) < 2 || sxx == 0 {
		return nil
	}
	b := sxy / sxx
	v := my + b*(o.Deadline.Sub(o.Start).Hours()/24-mx)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	f := outsourcing.DecimalOf(decimal.NewFromFloat(v).Round(6)).Trim()
	return &f
}

// String describes the objective in one line.
func (o Objective) String() string {
	target := "?"
	if o.Target != nil {
		target = o.Target.String()
	}
	unit := ""
	if o.Unit != "" {
		unit = " " + o.Unit
	}
	return fmt.Sprintf("%s: %s %s from %s to %s%s by %s (owner %s)", o.ID, o.Metric, o.Direction,
		o.Baseline, target, unit, o.Deadline.Format(time.DateOnly), o.Owner)
}
