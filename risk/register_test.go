package risk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var asOf = time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)

func loadRegister(t testing.TB) Register {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "register.json"))
	require.NoError(t, err)
	reg, err := ParseRegister(data)
	require.NoError(t, err)
	return reg
}

func TestCombinedEffectivenessReference(t *testing.T) {
	for _, c := range loadQuant(t).Residual {
		t.Run(c.Source, func(t *testing.T) {
			got, err := CombinedEffectiveness(c.Effectiveness...)
			require.NoError(t, err)
			assert.InDelta(t, c.Combined, got, 1e-12)
		})
	}
	_, err := CombinedEffectiveness(0.2, 1.1)
	var fe *outsourcing.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/1", fe.Path)
}

func TestResidual(t *testing.T) {
	m := Classic5x5()
	base := Risk{Inherent: Rating{"likely", "catastrophic"}}
	cases := map[string]struct {
		controls []Control
		rerate   *Rating
		l, i     string
		source   ResidualSource
	}{
		// likely (4) × (1 − 0.7) = 1.2 → unlikely (2), the lowest level ≥ 1.2.
		"two preventive": {controls: []Control{{ID: "a", Effectiveness: 0.5}, {ID: "b", Effectiveness: 0.4}}, l: "unlikely", i: "catastrophic", source: ResidualSourceControls},
		// catastrophic (5) × 0.7 = 3.5 → major (4).
		"corrective": {controls: []Control{{ID: "a", Effectiveness: 0.3, Target: ControlTargetImpact}}, l: "likely", i: "major", source: ResidualSourceControls},
		// catastrophic (5) × (1 − 0.2)(1 − 0.25) = 5 × 0.6 = 3 exactly →
		// moderate (3), though float64 makes it 3.0000000000000004.
		"compound at a level": {controls: []Control{{ID: "a", Effectiveness: 0.2, Target: ControlTargetImpact},
			{ID: "b", Effectiveness: 0.25, Target: ControlTargetImpact}}, l: "likely", i: "moderate", source: ResidualSourceControls},
		// A fully effective control leaves the lowest level, never below.
		"full":        {controls: []Control{{ID: "a", Effectiveness: 1}}, l: "rare", i: "catastrophic", source: ResidualSourceControls},
		"ineffective": {controls: []Control{{ID: "a", Effectiveness: 0}}, l: "likely", i: "catastrophic", source: ResidualSourceControls},
		"none":        {l: "likely", i: "catastrophic", source: ResidualSourceInherent},
		"rerating":    {controls: []Control{{ID: "a", Effectiveness: 1}}, rerate: &Rating{"possible", "minor"}, l: "possible", i: "minor", source: ResidualSourceRerating},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			k := base
			k.Controls, k.Residual = tc.controls, tc.rerate
			res, err := m.Residual(k)
			require.NoError(t, err)
			assert.Equal(t, tc.l, res.Evaluation.Likelihood)
			assert.Equal(t, tc.i, res.Evaluation.Impact)
			assert.Equal(t, tc.source, res.Source)
		})
	}
	_, err := m.Residual(Risk{Inherent: Rating{"likely", "major"}, Controls: []Control{{Effectiveness: -0.1}}})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func TestAssessRegister(t *testing.T) {
	reg := loadRegister(t)
	rep, err := Assess(reg, Classic5x5(), asOf)
	require.NoError(t, err)
	require.Len(t, rep.Risks, 6)
	r1 := rep.Risks[0]
	assert.Equal(t, "extreme", string(r1.Inherent.Level))
	assert.Equal(t, ZoneBeyondTolerance, r1.Inherent.Zone)
	// Rated by its latest assessment, of 2025-04-10: re-rated possible ×
	// major = 12; the one before, of 2025-01-15, left the residual to the
	// controls: likely × (1 − 0.7) → unlikely, catastrophic × (1 − 0.3) →
	// major, 8. Both are high.
	assert.Equal(t, "high", string(r1.Residual.Evaluation.Level))
	assert.Equal(t, ResidualSourceRerating, r1.Residual.Source)
	assert.Equal(t, [2]string{"possible", "major"}, [2]string{r1.Residual.Evaluation.Likelihood, r1.Residual.Evaluation.Impact})
	assert.Equal(t, time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC), r1.LastAssessed)
	require.NotNil(t, r1.Previous)
	assert.Equal(t, time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), r1.Previous.Date)
	assert.Equal(t, ResidualSourceControls, r1.Previous.Residual.Source)
	assert.Equal(t, [2]string{"unlikely", "major"}, [2]string{r1.Previous.Residual.Evaluation.Likelihood, r1.Previous.Residual.Evaluation.Impact})
	assert.InDelta(t, 0.7, r1.Previous.Residual.LikelihoodEffectiveness, 1e-12)
	assert.InDelta(t, 0.3, r1.Previous.Residual.ImpactEffectiveness, 1e-12)
	assert.Equal(t, TrendSteady, r1.Trend)
	assert.Nil(t, rep.Risks[1].Previous, "no history, no trend")
	require.NotNil(t, r1.Drill)
	assert.Equal(t, time.Date(2025, 7, 20, 0, 0, 0, 0, time.UTC), r1.Drill.Date)
	assert.Equal(t, DueStatusCurrent, r1.Drill.Status)
	assert.Nil(t, rep.Risks[5].Review, "closed risks are not reviewed")
	assert.Equal(t, 6, rep.Risks[3].Review.Months, "within appetite: half-yearly")

	type due struct {
		id     string
		kind   DueKind
		date   time.Time
		status DueStatus
		days   int
	}
	want := []due{
		{"R5", DueKindReview, time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC), DueStatusOverdue, 82}, // extreme: monthly
		{"R2", DueKindReview, time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), DueStatusOverdue, 61},  // above appetite: quarterly
		{"R3", DueKindReview, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), DueStatusOverdue, 30},
		{"R1", DueKindReview, time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC), DueStatusDue, 0}, // within 14 days
	}
	var got []due
	for _, d := range rep.Due {
		got = append(got, due{d.RiskID, d.Kind, d.Date, d.Status, d.DaysOverdue})
	}
	assert.Equal(t, want, got)
}

// A register assessed at two dates shows a risk changing between its
// assessments: each date rates the risk by its latest assessment by then.
// Levels are the NHS NPSA (2008) bands of Classic5x5: 1–3 low, 4–6
// moderate, 8–12 high, 15–25 extreme.
func TestAssessHistory(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	k := Risk{ID: "R1", Title: "Key engineers leave the provider", Category: CategorySupplier, Status: StatusOpen, Identified: day(2025, 1, 10),
		Inherent: Rating{"likely", "moderate"},
		Assessments: []Assessment{
			{Date: day(2025, 9, 1), Inherent: Rating{"rare", "minor"}}, // after both dates: ignored
			{Date: day(2025, 5, 2), Inherent: Rating{"likely", "moderate"}, Residual: &Rating{"unlikely", "moderate"}, Note: "shadowing in place"},
			{Date: day(2025, 2, 3), Inherent: Rating{"almost_certain", "major"}},
		}}
	reg := Register{ID: "reg", Risks: []Risk{k}}
	m := Classic5x5()

	march, err := Assess(reg, m, day(2025, 3, 1))
	require.NoError(t, err)
	r := march.Risks[0]
	assert.Equal(t, [2]string{"almost_certain", "major"}, [2]string{r.Inherent.Likelihood, r.Inherent.Impact})
	assert.Equal(t, "extreme", string(r.Residual.Evaluation.Level)) // 5 × 4 = 20, no controls
	assert.Equal(t, day(2025, 2, 3), r.LastAssessed)
	assert.Nil(t, r.Previous, "the first assessment has none before it")
	assert.Empty(t, r.Trend)

	june, err := Assess(reg, m, day(2025, 6, 1))
	require.NoError(t, err)
	r = june.Risks[0]
	assert.Equal(t, "high", string(r.Inherent.Level))                // 4 × 4 = 16
	assert.Equal(t, "moderate", string(r.Residual.Evaluation.Level)) // re-rated 2 × 3 = 6
	assert.Equal(t, day(2025, 5, 2), r.LastAssessed)
	require.NotNil(t, r.Previous)
	assert.Equal(t, day(2025, 2, 3), r.Previous.Date)
	assert.Equal(t, "extreme", string(r.Previous.Residual.Evaluation.Level))
	assert.Equal(t, TrendDown, r.Trend)

	before, err := Assess(reg, m, day(2025, 1, 20))
	require.NoError(t, err)
	r = before.Risks[0]
	assert.Equal(t, "high", string(r.Residual.Evaluation.Level), "before any assessment the risk's own rating")
	assert.Equal(t, day(2025, 1, 10), r.LastAssessed)
}

func TestDrillNeverDone(t *testing.T) {
	reg := loadRegister(t)
	reg.Risks[0].Contingency.LastDrill = nil
	reg.Risks[0].Contingency.DrillMonths = 0 // default: yearly from identification
	rep, err := Assess(reg, Classic5x5(), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	d := rep.Risks[0].Drill
	assert.Equal(t, time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), d.Date)
	assert.Equal(t, DueStatusOverdue, d.Status)
	assert.Equal(t, 17, d.DaysOverdue)
}

func TestRegisterValidate(t *testing.T) {
	m := Classic5x5()
	cases := map[string]struct {
		edit func(*Register)
		path string
	}{
		"likelihood off scale": {func(r *Register) { r.Risks[0].Inherent.Likelihood = "certain" }, "/risks/0/inherent/likelihood"},
		"impact off scale":     {func(r *Register) { r.Risks[1].Inherent.Impact = "" }, "/risks/1/inherent/impact"},
		"residual off scale":   {func(r *Register) { r.Risks[1].Residual = &Rating{"rare", "huge"} }, "/risks/1/residual/impact"},
		"effectiveness":        {func(r *Register) { r.Risks[0].Controls[1].Effectiveness = 1.5 }, "/risks/0/controls/1/effectiveness"},
		"control target":       {func(r *Register) { r.Risks[0].Controls[1].Target = "both" }, "/risks/0/controls/1/target"},
		"duplicate id":         {func(r *Register) { r.Risks[2].ID = "R1" }, "/risks/2/id"},
		"category":             {func(r *Register) { r.Risks[2].Category = "weather" }, "/risks/2/category"},
		"status":               {func(r *Register) { r.Risks[2].Status = "" }, "/risks/2/status"},
		"treatment":            {func(r *Register) { r.Risks[2].Treatment = "ignore" }, "/risks/2/treatment"},
		"identified":           {func(r *Register) { r.Risks[3].Identified = time.Time{} }, "/risks/3/identified"},
		"title":                {func(r *Register) { r.Risks[3].Title = "" }, "/risks/3/title"},
		"interval level":       {func(r *Register) { r.Review.Intervals[0].Level = "severe" }, "/review/intervals/0/level"},
		"interval months":      {func(r *Register) { r.Review.Intervals[0].Months = 0 }, "/review/intervals/0/months"},
		"drill":                {func(r *Register) { r.Risks[0].Contingency.DrillMonths = 500 }, "/risks/0/contingency/drill_months"},
		"history":              {func(r *Register) { r.Risks[0].Assessments[1].Residual.Impact = "x" }, "/risks/0/assessments/1/residual/impact"},
		"loss":                 {func(r *Register) { r.Risks[1].Loss.Frequency.PERT.Mode = 9 }, "/risks/1/loss/frequency/pert/mode"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			reg := loadRegister(t)
			tc.edit(&reg)
			err := reg.Validate(m)
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			assert.Contains(t, fieldPaths(err), tc.path, err.Error())
			_, err = Assess(reg, m, asOf)
			assert.Error(t, err)
		})
	}
	require.NoError(t, loadRegister(t).Validate(m))
}

func TestParseRegisterRoundTrip(t *testing.T) {
	reg := loadRegister(t)
	// Fill every optional field so the schema sees all of them.
	k := &reg.Risks[0]
	k.Description = "full"
	k.Approver = "CRO"
	k.Residual = &Rating{"possible", "major"}
	k.Loss.Magnitude = Magnitude{Distribution: MagnitudePERT, Min: money("1"), Mode: money("2"), Max: money("3"), Low: money("1"), High: money("3"), Shape: 5}
	k.Loss.Frequency = Frequency{Rate: 0.2, PERT: &PERT{Min: 0.1, Mode: 0.2, Max: 0.5, Shape: 3}}
	doc, err := json.Marshal(reg)
	require.NoError(t, err)
	require.NoError(t, RegisterSchema().Validate(doc))
	back, err := ParseRegister(doc)
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(doc), string(again))
}

func TestParseRegisterErrors(t *testing.T) {
	cases := map[string]string{
		"not json":         `{`,
		"unknown field":    `{"id":"r","risks":[],"extra":1}`,
		"bad category":     `{"id":"r","risks":[{"id":"a","title":"t","category":"weather","status":"open","identified":"2025-01-01T00:00:00Z","inherent":{"likelihood":"x","impact":"y"}}]}`,
		"effectiveness":    `{"id":"r","risks":[{"id":"a","title":"t","category":"supplier","status":"open","identified":"2025-01-01T00:00:00Z","inherent":{"likelihood":"x","impact":"y"},"controls":[{"id":"c","effectiveness":2}]}]}`,
		"bad date":         `{"id":"r","risks":[{"id":"a","title":"t","category":"supplier","status":"open","identified":"yesterday","inherent":{"likelihood":"x","impact":"y"}}]}`,
		"money as number":  `{"id":"r","risks":[{"id":"a","title":"t","category":"supplier","status":"open","identified":"2025-01-01T00:00:00Z","inherent":{"likelihood":"x","impact":"y"},"loss":{"frequency":{"rate":1},"magnitude":{"distribution":"uniform","min":5,"max":6}}}]}`,
		"negative rate":    `{"id":"r","risks":[{"id":"a","title":"t","category":"supplier","status":"open","identified":"2025-01-01T00:00:00Z","inherent":{"likelihood":"x","impact":"y"},"loss":{"frequency":{"rate":-1},"magnitude":{"distribution":"uniform"}}}]}`,
		"missing identity": `{"risks":[]}`,
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseRegister([]byte(doc))
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		})
	}
}

func TestParseMatrix(t *testing.T) {
	for _, m := range []*Matrix{NISTRiskMatrix(), NISTLikelihoodMatrix(), OWASPMatrix(), Classic5x5()} {
		t.Run(m.ID(), func(t *testing.T) {
			doc, err := json.Marshal(m.Spec())
			require.NoError(t, err)
			back, err := compileDoc(doc)
			require.NoError(t, err)
			assert.Equal(t, m.Spec(), back.Spec())
			rows, cols := m.Size()
			for i := range rows {
				for j := range cols {
					assert.Equal(t, m.At(i, j), back.At(i, j))
				}
			}
		})
	}
	_, err := compileDoc([]byte(`{"id":"x","likelihood":{"name":"L","levels":[{"id":"a","value":1}]},"impact":{"name":"I","levels":[]},"levels":[]}`))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = compileDoc([]byte(`{"id":"x","likelihood":{"name":"L","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"impact":{"name":"I","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"levels":[{"id":"lo"}],"table":[["lo","lo"],["lo",""]]}`))
	assert.Contains(t, fieldPaths(err), "/table/1/1")
}

func FuzzParseRegister(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "register.json"))
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"id":"r","risks":[]}`))
	f.Add([]byte(`{"id":"r","risks":[{"id":"a","title":"t","category":"custom:x","status":"open","identified":"2025-01-01T00:00:00Z","inherent":{"likelihood":"rare","impact":"minor"},"loss":{"frequency":{"pert":{"min":1,"mode":0,"max":2}},"magnitude":{"distribution":"lognormal","low":{"amount":"5","currency":"EUR"},"high":{"amount":"1","currency":"EUR"}}}}]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		reg, err := ParseRegister(doc)
		if err != nil {
			return
		}
		// Whatever parses can be assessed, policed and mapped without panicking.
		_, _ = Assess(reg, Classic5x5(), asOf)
		_, _ = Classic5x5().HeatMap(reg.Risks)
		for _, k := range reg.Risks {
			if k.Loss != nil {
				_, _ = k.Loss.ALE()
			}
		}
	})
}

func FuzzParseMatrix(f *testing.F) {
	for _, m := range []*Matrix{NISTRiskMatrix(), Classic5x5()} {
		doc, err := json.Marshal(m.Spec())
		require.NoError(f, err)
		f.Add(doc)
	}
	f.Add([]byte(`{"id":"x","likelihood":{"name":"L","levels":[{"id":"a","value":1,"min":0,"max":1},{"id":"b","value":2,"min":1,"max":2}]},"impact":{"name":"I","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"levels":[{"id":"lo","min_score":0},{"id":"hi","min_score":3}],"formula":"sum"}`))
	f.Add([]byte(`{"id":"x","likelihood":{"name":"L","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"impact":{"name":"I","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"levels":[{"id":"lo","min_score":0},{"id":"hi","min_score":3}],"score_expression":"likelihood + 2 * impact / impact_levels"}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		m, err := compileDoc(doc)
		if err != nil {
			return
		}
		rows, cols := m.Size()
		for i := range rows {
			for j := range cols {
				ev := m.At(i, j)
				require.NotZero(t, m.Rank(ev.Level))
			}
		}
		_, _ = m.RateValues(1, 1)
	})
}

// Calendar months end where Excel's EDATE ends them: a risk identified on
// 31 January 2024 with a monthly review is due on 29 February (EDATE
// (2024-01-31, 1)) and overdue on 1 March, and its drill, quarterly, on
// 30 April (EDATE(2024-01-31, 3)), not on 2 March and 1 May as
// time.AddDate would carry the missing days into the next month.
func TestReviewMonthsEndAtMonthEnd(t *testing.T) {
	reg := loadRegister(t)
	k := &reg.Risks[0]
	k.Identified, k.Assessments = time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), nil
	k.Contingency.LastDrill, k.Contingency.DrillMonths, k.Contingency.DrillDays = nil, 3, 0
	reg.Risks = reg.Risks[:1]
	reg.Review.Intervals = nil
	rep, err := Assess(reg, Classic5x5(), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	rr := rep.Risks[0]
	assert.Equal(t, time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC), rr.Drill.Date)

	reg.Review.Intervals = []ReviewInterval{{Level: rr.Residual.Evaluation.Level, Months: 1}}
	rep, err = Assess(reg, Classic5x5(), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), rep.Risks[0].Review.Date)
	assert.Equal(t, DueStatusOverdue, rep.Risks[0].Review.Status)
	assert.Equal(t, 1, rep.Risks[0].Review.DaysOverdue)
}
