package planning

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func responseObjective() Objective {
	target := outsourcing.MustDecimal("15")
	return Objective{ID: "o1", Title: "Faster first response", Metric: "first_response_minutes", Unit: "min",
		Baseline: outsourcing.MustDecimal("45"), Target: &target, Direction: DirectionDecrease,
		Start: day("2025-01-01"), Deadline: day("2025-12-27"), Owner: "service-manager"}
}

func TestObjectiveValidate(t *testing.T) {
	require.NoError(t, responseObjective().Validate())
	cases := []struct {
		name   string
		change func(o *Objective)
		path   string
	}{
		{"missing target", func(o *Objective) { o.Target = nil }, "/target"},
		{"missing deadline", func(o *Objective) { o.Deadline = time.Time{} }, "/deadline"},
		{"deadline before start", func(o *Objective) { o.Deadline = day("2024-12-31") }, "/deadline"},
		{"missing start", func(o *Objective) { o.Start = time.Time{} }, "/start"},
		{"target in the wrong direction", func(o *Objective) { o.Direction = DirectionIncrease }, "/target"},
		{"unknown direction", func(o *Objective) { o.Direction = "sideways" }, "/direction"},
		{"missing metric", func(o *Objective) { o.Metric = "" }, "/metric"},
		{"missing owner", func(o *Objective) { o.Owner = "" }, "/owner"},
		{"missing id", func(o *Objective) { o.ID = "" }, "/id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := responseObjective()
			c.change(&o)
			err := o.Validate()
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path)
			_, err = o.Progress(nil, day("2025-06-01"))
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		})
	}
}

func TestObjectiveProgress(t *testing.T) {
	o := responseObjective() // 45 → 15 over 360 days
	// Measurements exactly on the line 45 − t/12 (t in days) forecast
	// 45 − 360/12 = 15 at the deadline: on track.
	onLine := []Measurement{{At: day("2025-03-02"), Value: outsourcing.MustDecimal("40")}, {At: day("2025-05-01"), Value: outsourcing.MustDecimal("35")},
		{At: day("2025-12-31"), Value: outsourcing.MustDecimal("1")}} // after asOf: ignored
	p, err := o.Progress(onLine, day("2025-05-01"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateOnTrack, p.State)
	require.NotNil(t, p.Forecast)
	assertDecimal(t, "15", p.Forecast)
	assertDecimal(t, "0.3333", p.Attainment)
	assertDecimal(t, "0.3333", p.Expected) // 120 of 360 days
	require.NotNil(t, p.Latest)
	assertDecimal(t, "35", p.Latest.Value)

	// Slower improvement: 45 → 43 → 41 forecasts 33 at the deadline.
	slow := []Measurement{{At: day("2025-05-01"), Value: outsourcing.MustDecimal("41")}, {At: day("2025-03-02"), Value: outsourcing.MustDecimal("43")}}
	p, err = o.Progress(slow, day("2025-05-01"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateOffTrack, p.State)
	assertDecimal(t, "33", p.Forecast)

	// One measurement: no forecast, compare attainment with the time elapsed.
	p, err = o.Progress(slow[1:], day("2025-03-02"))
	require.NoError(t, err)
	assert.Nil(t, p.Forecast)
	// 2 of 30 minutes (0.0667) after 60 of 360 days (0.1667): behind.
	assert.Equal(t, ObjectiveStateOffTrack, p.State)
	assertDecimal(t, "0.0667", p.Attainment)
	assertDecimal(t, "0.1667", p.Expected)

	p, err = o.Progress([]Measurement{{At: day("2025-10-01"), Value: outsourcing.MustDecimal("14")}}, day("2025-10-02"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateAchieved, p.State)
	assert.True(t, p.Attainment.GreaterThan(outsourcing.DecimalFromInt(1)))

	p, err = o.Progress(slow, day("2026-01-10"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateMissed, p.State)
	assertDecimal(t, "1", p.Expected)

	p, err = o.Progress(nil, day("2025-02-01"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateNoData, p.State)
	assert.Equal(t, "o1: first_response_minutes decrease from 45 to 15 min by 2025-12-27 (owner service-manager)", o.String())
}

func TestCapabilityAssessment(t *testing.T) {
	items := DefaultCapabilityChecklist()
	require.Len(t, items, 7)
	for i := range items {
		items[i].Score = 3
	}
	a, err := AssessCapability(items)
	require.NoError(t, err)
	assert.Equal(t, ReadinessReady, a.Level)
	assertDecimal(t, "100", a.Score)
	assert.Empty(t, a.Gaps)

	// Contract management (critical) at 1 of 3: 19/21 = 90.48 % but not ready.
	items[1].Score = 1
	a, err = AssessCapability(items)
	require.NoError(t, err)
	assertDecimal(t, "90.48", a.Score)
	assert.Equal(t, ReadinessDeveloping, a.Level)
	require.Len(t, a.Gaps, 1)
	assert.Equal(t, "contract-management", a.Gaps[0].ItemID)
	assertDecimal(t, "9.52", a.Gaps[0].Weighted)

	// Weighted: 2·(2/5) + 1·(5/5) = 1.8 of 3 = 60 %, developing; gaps by size.
	w := []CapabilityItem{
		{ID: "a", Area: "x", Weight: outsourcing.MustDecimal("2"), Score: 2},
		{ID: "b", Area: "y", Weight: outsourcing.MustDecimal("1"), Score: 5},
		{ID: "c", Area: "y", Weight: outsourcing.MustDecimal("1"), Score: 0, Target: 0},
	}
	a, err = AssessCapability(w[:2])
	require.NoError(t, err)
	assertDecimal(t, "60", a.Score)
	assert.Equal(t, ReadinessDeveloping, a.Level)
	a, err = AssessCapability(w)
	require.NoError(t, err)
	assertDecimal(t, "45", a.Score) // 9 of 20
	assert.Equal(t, ReadinessNotReady, a.Level)
	assert.Equal(t, []AreaScore{{Area: "x", Score: a.Areas[0].Score}, {Area: "y", Score: a.Areas[1].Score}}, a.Areas)
	assertDecimal(t, "40", a.Areas[0].Score)
	assertDecimal(t, "50", a.Areas[1].Score)
	assert.Equal(t, []string{"a", "c"}, []string{a.Gaps[0].ItemID, a.Gaps[1].ItemID}) // 30 % then 25 %

	_, err = AssessCapability(nil)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = AssessCapability([]CapabilityItem{{ID: "a", Weight: outsourcing.MustDecimal("0"), Score: 6, Target: -1}, {ID: "a", Weight: outsourcing.MustDecimal("1")}})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), "/items/0/weight")
	assert.Contains(t, err.Error(), "/items/0/score")
	assert.Contains(t, err.Error(), "/items/0/target")
	assert.Contains(t, err.Error(), "/items/1/id")
}

func TestPlanningEnumsText(t *testing.T) {
	check := func(m interface{ MarshalText() ([]byte, error) }, u interface{ UnmarshalText([]byte) error }) {
		b, err := m.MarshalText()
		require.NoError(t, err)
		require.NoError(t, u.UnmarshalText(b))
		assert.ErrorIs(t, u.UnmarshalText([]byte("bogus")), outsourcing.ErrInvalidInput)
	}
	var d Direction
	check(DirectionDecrease, &d)
	var s ObjectiveState
	check(ObjectiveStateOnTrack, &s)
	var r ReadinessLevel
	check(ReadinessReady, &r)
	var pu PeriodUnit
	check(PeriodUnitMonth, &pu)
	var c CostCategory
	check(CostCategoryExit, &c)
	var cb CostBasis
	check(CostBasisPercent, &cb)
	var sc SourcingScope
	check(SourcingScopeSelective, &sc)
	var sl SourcingLocation
	check(SourcingLocationOffshore, &sl)
	_, err := Direction("x").MarshalText()
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, 12, PeriodUnitMonth.PerYear())
	assert.Equal(t, "offshore", SourcingLocationOffshore.String())
}

// The readiness thresholds (50 %, 75 %) are decided on the exact weighted
// score, not on the score rounded to 2 places: by the documented formula
// Σ weight·min(score, target) / Σ weight·target, 0.74996·5 / (1·5) is
// 74.996 %, shown as 75.00 but below 75 (and 0.49996·5 / 5 below 50).
func TestCapabilityLevelOnExactScore(t *testing.T) {
	for _, c := range []struct {
		weight string
		shown  string
		level  ReadinessLevel
	}{
		{"0.74996", "75", ReadinessDeveloping},
		{"0.75", "75", ReadinessReady},
		{"0.49996", "50", ReadinessNotReady},
		{"0.5", "50", ReadinessDeveloping},
	} {
		rest := outsourcing.MustDecimal("1").Sub(outsourcing.MustDecimal(c.weight))
		a, err := AssessCapability([]CapabilityItem{
			{ID: "met", Area: "x", Weight: outsourcing.MustDecimal(c.weight), Score: 5},
			{ID: "absent", Area: "x", Weight: rest, Score: 0},
		})
		require.NoError(t, err)
		assertDecimal(t, c.shown, a.Score)
		assert.Equal(t, c.level, a.Level, "weight %s", c.weight)
	}
}

// Attainment is (latest − baseline)/(target − baseline) rounded once to 4
// places: 1/20000.0001 = 0.0000499999997… is 0.0000, not the 0.0001 a
// first rounding to 8 places (0.00005000) would give.
func TestObjectiveAttainmentRoundsOnce(t *testing.T) {
	target := outsourcing.MustDecimal("20000.0001")
	o := Objective{ID: "o", Metric: "m", Baseline: outsourcing.MustDecimal("0"), Target: &target, Direction: DirectionIncrease,
		Start: day("2025-01-01"), Deadline: day("2025-12-31"), Owner: "x"}
	p, err := o.Progress([]Measurement{{At: day("2025-02-01"), Value: outsourcing.MustDecimal("1")}}, day("2025-02-01"))
	require.NoError(t, err)
	assertDecimal(t, "0", p.Attainment)
}

// "Cut cost from 200,000 to 150,000 by 31 December": a value before the
// baseline date is not progress, and a value reached after the deadline
// leaves the objective missed (the deadline passed without the target).
func TestObjectiveMeasurementsOutsideTheWindow(t *testing.T) {
	target := outsourcing.MustDecimal("150000")
	o := Objective{ID: "cost", Metric: "annual_cost", Baseline: outsourcing.MustDecimal("200000"), Target: &target,
		Direction: DirectionDecrease, Start: day("2025-01-01"), Deadline: day("2025-12-31"), Owner: "cfo"}

	early := []Measurement{{At: day("2024-12-01"), Value: outsourcing.MustDecimal("140000")}}
	p, err := o.Progress(early, day("2025-03-01"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateNoData, p.State)
	assert.Nil(t, p.Latest)

	late := []Measurement{{At: day("2025-06-30"), Value: outsourcing.MustDecimal("180000")},
		{At: day("2026-02-01"), Value: outsourcing.MustDecimal("150000")}}
	p, err = o.Progress(late, day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateMissed, p.State)
	require.NotNil(t, p.Latest)
	assertDecimal(t, "180000", p.Latest.Value)
	assertDecimal(t, "0.4", p.Attainment) // 20,000 of 50,000

	onTime := append(late, Measurement{At: day("2025-12-31"), Value: outsourcing.MustDecimal("149000")})
	p, err = o.Progress(onTime, day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, ObjectiveStateAchieved, p.State)
	assertDecimal(t, "1.02", p.Attainment)
}

// Two measurements at the same instant with different values would make
// the latest depend on the order they were sent in: refused; the same
// value sent twice is accepted.
func TestObjectiveConflictingMeasurements(t *testing.T) {
	o := responseObjective()
	at := o.Start.Add(24 * time.Hour)
	twice := []Measurement{{At: at, Value: outsourcing.MustDecimal("40")}, {At: at, Value: outsourcing.MustDecimal("40")}}
	_, err := o.Progress(twice, o.Deadline)
	require.NoError(t, err)
	conflict := []Measurement{{At: at, Value: outsourcing.MustDecimal("40")}, {At: at, Value: outsourcing.MustDecimal("42")}}
	_, err = o.Progress(conflict, o.Deadline)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, "/measurements/1/at", outsourcing.FieldErrors(err)[0].Path)
	_, err = ObjectiveSet{ID: "s", Objectives: []TrackedObjective{{Objective: o, Measurements: conflict}}}.Progress(o.Deadline)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, "/objectives/0/measurements/1/at", outsourcing.FieldErrors(err)[0].Path)
}
