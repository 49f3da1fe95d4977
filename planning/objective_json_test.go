package planning

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullObjectivesJSON fills every field of the objectives document. The
// first objective's measurements lie on the line 45 − t/12 (t in days),
// which reaches the target 15 at the deadline 360 days after the start.
const fullObjectivesJSON = `{
  "id": "service-desk-2025",
  "name": "Service desk outsourcing objectives",
  "objectives": [
    {"id": "faster-response", "title": "Faster first response", "metric": "first_response_minutes", "unit": "min",
     "baseline": "45", "target": "15", "direction": "decrease",
     "start": "2025-01-01T00:00:00Z", "deadline": "2025-12-27T00:00:00Z", "owner": "service-manager",
     "measurements": [{"at": "2025-05-01T00:00:00Z", "value": "35"}, {"at": "2025-03-02T00:00:00Z", "value": "40"}]},
    {"id": "cost", "title": "Cut operating cost", "metric": "annual_cost_eur", "unit": "EUR",
     "baseline": "1200000", "target": "960000", "direction": "decrease",
     "start": "2025-01-01T00:00:00Z", "deadline": "2026-12-31T00:00:00Z", "owner": "cfo"},
    {"id": "availability", "metric": "availability_percent", "baseline": "99.5", "target": "99.9", "direction": "increase",
     "start": "2025-01-01T00:00:00Z", "deadline": "2025-06-30T00:00:00Z", "owner": "it-operations",
     "measurements": [{"at": "2025-04-30T00:00:00Z", "value": "99.92"}]}
  ]
}`

func TestObjectiveSetParse(t *testing.T) {
	s, err := ParseObjectiveSet([]byte(fullObjectivesJSON))
	require.NoError(t, err)
	require.Len(t, s.Objectives, 3)
	assert.Equal(t, DirectionDecrease, s.Objectives[0].Direction)
	assertDecimal(t, "15", s.Objectives[0].Target)
	assert.True(t, s.Objectives[0].Deadline.Equal(day("2025-12-27")))

	ps, err := s.Progress(day("2025-05-01"))
	require.NoError(t, err)
	require.Len(t, ps, 3)
	assert.Equal(t, "faster-response", ps[0].ID)
	assert.Equal(t, ObjectiveStateOnTrack, ps[0].State)
	require.NotNil(t, ps[0].Forecast)
	assertDecimal(t, "15", ps[0].Forecast)
	assert.Equal(t, ObjectiveStateNoData, ps[1].State)
	assert.Equal(t, ObjectiveStateAchieved, ps[2].State)
	assertDecimal(t, "1.05", ps[2].Attainment) // (99.92 − 99.5)/(99.9 − 99.5)

	// Round trip: marshal, validate against the schema, parse again.
	out, err := json.Marshal(s)
	require.NoError(t, err)
	require.NoError(t, ObjectivesSchema().Validate(out), string(out))
	back, err := ParseObjectiveSet(out)
	require.NoError(t, err)
	assert.Equal(t, s, back)
}

func TestObjectiveSetBadInput(t *testing.T) {
	const head = `{"id": "x", "objectives": [`
	obj := func(id, extra string) string {
		return `{"id": "` + id + `", "metric": "m", "baseline": "1", "target": "2", "direction": "increase",
		"start": "2025-01-01T00:00:00Z", "deadline": "2025-02-01T00:00:00Z", "owner": "o"` + extra + `}`
	}
	cases := []struct {
		name, doc, path string
	}{
		{"no objectives", `{"id": "x", "objectives": []}`, "/objectives"},
		{"unknown field", head + obj("a", `, "weight": "1"`) + `]}`, "/objectives/0/weight"},
		{"missing target", `{"id": "x", "objectives": [{"id": "a", "metric": "m", "baseline": "1", "direction": "increase",
			"start": "2025-01-01T00:00:00Z", "deadline": "2025-02-01T00:00:00Z", "owner": "o"}]}`, "/objectives/0"},
		{"date without time", head + obj("a", `, "measurements": [{"at": "2025-01-05", "value": "1"}]`) + `]}`, "/objectives/0/measurements/0/at"},
		{"number for a decimal", head + obj("a", `, "measurements": [{"at": "2025-01-05T00:00:00Z", "value": 1.5}]`) + `]}`, "/objectives/0/measurements/0/value"},
		{"unknown direction", `{"id": "x", "objectives": [{"id": "a", "metric": "m", "baseline": "1", "target": "2", "direction": "up",
			"start": "2025-01-01T00:00:00Z", "deadline": "2025-02-01T00:00:00Z", "owner": "o"}]}`, "/objectives/0/direction"},
		{"duplicate id", head + obj("a", "") + `,` + obj("a", "") + `]}`, "/objectives/1/id"},
		{"target behind baseline", `{"id": "x", "objectives": [{"id": "a", "metric": "m", "baseline": "3", "target": "2", "direction": "increase",
			"start": "2025-01-01T00:00:00Z", "deadline": "2025-02-01T00:00:00Z", "owner": "o"}]}`, "/objectives/0/target"},
		{"deadline before start", `{"id": "x", "objectives": [{"id": "a", "metric": "m", "baseline": "1", "target": "2", "direction": "increase",
			"start": "2025-03-01T00:00:00Z", "deadline": "2025-02-01T00:00:00Z", "owner": "o"}]}`, "/objectives/0/deadline"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseObjectiveSet([]byte(c.doc))
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path, err.Error())
			assertPkgPrefixOnce(t, err)
		})
	}

	// Validate in Go reports every problem with its path.
	s := ObjectiveSet{Objectives: []TrackedObjective{{Objective: responseObjective(), Measurements: []Measurement{{Value: outsourcing.MustDecimal("1")}}}}}
	s.Objectives[0].Owner = ""
	err := s.Validate()
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	for _, p := range []string{"/id: ", "/objectives/0/owner: ", "/objectives/0/measurements/0/at: "} {
		assert.Contains(t, err.Error(), p)
	}
	_, err = s.Progress(time.Time{})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func FuzzParseObjectiveSet(f *testing.F) {
	f.Add([]byte(fullObjectivesJSON))
	f.Add([]byte(`{"id": "x", "objectives": [{"id": "a", "metric": "m", "baseline": "1", "target": "2", "direction": "increase",
		"start": "0001-01-01T00:00:01Z", "deadline": "9999-12-31T23:59:59Z", "owner": "o",
		"measurements": [{"at": "0001-01-01T00:00:00Z", "value": "-99999999999999999999.5"}, {"at": "9999-12-31T23:59:59Z", "value": "3"}]}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		s, err := ParseObjectiveSet(doc)
		if err != nil {
			return
		}
		for _, asOf := range []time.Time{{}, day("2025-06-01"), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
			_, err := s.Progress(asOf)
			require.NoError(t, err, "a parsed objective set must evaluate")
		}
	})
}
