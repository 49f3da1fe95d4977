package risk

import (
	"math"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPresetNISTLevels checks the presets' explicit mappings onto NIST SP
// 800-30's five levels, as OverallLevel documents them.
func TestPresetNISTLevels(t *testing.T) {
	const vl, l, m, h, vh = outsourcing.RiskLevelVeryLow, outsourcing.RiskLevelLow, outsourcing.RiskLevelModerate,
		outsourcing.RiskLevelHigh, outsourcing.RiskLevelVeryHigh
	nist := map[string]outsourcing.RiskLevel{"very_low": vl, "low": l, "moderate": m, "high": h, "very_high": vh}
	for _, tc := range []struct {
		m    *Matrix
		want map[string]outsourcing.RiskLevel
	}{
		{NISTRiskMatrix(), nist},
		{NISTLikelihoodMatrix(), nist},
		{OWASPMatrix(), map[string]outsourcing.RiskLevel{"note": vl, "low": l, "medium": m, "high": h, "critical": vh}},
		{Classic5x5(), map[string]outsourcing.RiskLevel{"low": l, "moderate": m, "high": h, "extreme": vh}},
	} {
		t.Run(tc.m.ID(), func(t *testing.T) {
			require.Len(t, tc.m.Levels(), len(tc.want))
			for level, want := range tc.want {
				got, err := tc.m.NISTLevel(Level(level))
				require.NoError(t, err)
				assert.Equal(t, want, got, level)
			}
			// The explicit mappings agree with the positional rule.
			for i, def := range tc.m.Levels() {
				assert.Equal(t, nistByPosition(i+1, len(tc.want)), def.NISTLevel, def.ID)
			}
		})
	}
	_, err := Classic5x5().NISTLevel("very_high")
	var fe *outsourcing.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "", fe.Path)
	assert.Contains(t, err.Error(), `"very_high" is not a risk level of matrix "classic-5x5"`)
}

// TestNISTByPosition checks ⌈5r/k⌉ for every scale of 1 to 20 levels:
// never decreasing, the top level very high, five levels 1:1.
func TestNISTByPosition(t *testing.T) {
	for k := 1; k <= 20; k++ {
		prev := 0
		for r := 1; r <= k; r++ {
			got := nistByPosition(r, k)
			want := int(math.Ceil(5 * float64(r) / float64(k)))
			require.Equal(t, want, got.Rank(), "level %d of %d", r, k)
			require.GreaterOrEqual(t, got.Rank(), prev)
			prev = got.Rank()
		}
		assert.Equal(t, outsourcing.RiskLevelVeryHigh, nistByPosition(k, k))
	}
	for r := 1; r <= 5; r++ {
		assert.Equal(t, r, nistByPosition(r, 5).Rank())
	}
	// Three levels: low, high, very high.
	assert.Equal(t, []outsourcing.RiskLevel{"low", "high", "very_high"},
		[]outsourcing.RiskLevel{nistByPosition(1, 3), nistByPosition(2, 3), nistByPosition(3, 3)})
}

func TestNISTLevelSpecErrors(t *testing.T) {
	cases := map[string]struct {
		edit   func(*MatrixSpec)
		path   string
		reason string
	}{
		"some only": {func(s *MatrixSpec) { s.Levels[0].NISTLevel = outsourcing.RiskLevelLow }, "/levels/1/nist_level", "on every level or on none"},
		"unknown": {func(s *MatrixSpec) {
			s.Levels[0].NISTLevel, s.Levels[1].NISTLevel = "low", "severe"
		}, "/levels/1/nist_level", `unknown NIST level "severe"`},
		"decreasing": {func(s *MatrixSpec) {
			s.Levels[0].NISTLevel, s.Levels[1].NISTLevel = "high", "moderate"
		}, "/levels/1/nist_level", `moderate is below high, the NIST level of the less severe "low"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			spec := cloneSpec(validSpec())
			tc.edit(&spec)
			_, err := NewMatrix(spec)
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			assert.Equal(t, []string{tc.path}, fieldPaths(err))
			assert.Contains(t, err.Error(), tc.reason)
		})
	}
	spec := validSpec()
	spec.Levels[0].NISTLevel, spec.Levels[1].NISTLevel = "moderate", "moderate" // equal is allowed
	m, err := NewMatrix(spec)
	require.NoError(t, err)
	got, err := m.NISTLevel("high")
	require.NoError(t, err)
	assert.Equal(t, outsourcing.RiskLevelModerate, got)
	_, err = compileDoc([]byte(`{"id":"x","likelihood":{"name":"L","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"impact":{"name":"I","levels":[{"id":"a","value":1},{"id":"b","value":2}]},"levels":[{"id":"lo","nist_level":"extreme"}],"table":[["lo","lo"],["lo","lo"]]}`))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput, "the schema rejects an unknown NIST level")
}

func TestOverallLevel(t *testing.T) {
	day := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	risk := func(id string, status Status, l, i string) Risk {
		return Risk{ID: id, Title: id, Category: CategorySupplier, Status: status, Identified: day, Inherent: Rating{l, i}}
	}
	threeLevels := validSpec() // no nist_level: low, high, very high by position
	threeLevels.Levels = []LevelDef{{ID: "low"}, {ID: "mid"}, {ID: "high"}}
	threeLevels.Table = [][]Level{{"low", "low"}, {"low", "mid"}, {"mid", "high"}}
	custom, err := NewMatrix(threeLevels)
	require.NoError(t, err)
	cases := map[string]struct {
		m       *Matrix
		risks   []Risk
		level   string
		nist    outsourcing.RiskLevel
		riskIDs []string
	}{
		"highest open residual": {Classic5x5(), []Risk{
			risk("A", StatusClosed, "almost_certain", "catastrophic"), // extreme, but closed
			risk("B", StatusOpen, "possible", "major"),                // 12 high
			risk("C", StatusMonitoring, "likely", "moderate"),         // 12 high
			risk("D", StatusOpen, "rare", "minor"),                    // 2 low
		}, "high", outsourcing.RiskLevelHigh, []string{"B", "C"}},
		"residual, not inherent": {Classic5x5(), []Risk{
			func() Risk {
				k := risk("A", StatusInTreatment, "almost_certain", "catastrophic")
				k.Residual = &Rating{"rare", "moderate"} // 3 low
				return k
			}(),
			risk("B", StatusOpen, "unlikely", "moderate"), // 6 moderate
		}, "moderate", outsourcing.RiskLevelModerate, []string{"B"}},
		"extreme": {Classic5x5(), []Risk{risk("A", StatusOpen, "likely", "major")}, "extreme", outsourcing.RiskLevelVeryHigh, []string{"A"}},
		"OWASP critical": {OWASPMatrix(), []Risk{risk("A", StatusOpen, "high", "high"), risk("B", StatusOpen, "low", "low")},
			"critical", outsourcing.RiskLevelVeryHigh, []string{"A"}},
		"OWASP note": {OWASPMatrix(), []Risk{risk("A", StatusOpen, "low", "low")}, "note", outsourcing.RiskLevelVeryLow, []string{"A"}},
		"NIST":       {NISTRiskMatrix(), []Risk{risk("A", StatusOpen, "moderate", "high")}, "moderate", outsourcing.RiskLevelModerate, []string{"A"}},
		"by position": {custom, []Risk{risk("A", StatusOpen, "l2", "i2"), risk("B", StatusOpen, "l1", "i1")},
			"mid", outsourcing.RiskLevelHigh, []string{"A"}}, // ⌈5·2/3⌉ = 4
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			rep, err := Assess(Register{ID: "reg", Risks: tc.risks}, tc.m, asOf)
			require.NoError(t, err)
			assert.Equal(t, Overall{Level: Level(tc.level), Rank: tc.m.Rank(Level(tc.level)), NIST: tc.nist, RiskIDs: tc.riskIDs}, rep.Overall)
			got, err := OverallLevel(rep)
			require.NoError(t, err)
			assert.Equal(t, tc.nist, got)
			// The level feeds the planning package's sourcing recommendation.
			_, err = planning.DefaultSourcingAdvisor().Recommend(planning.SourcingInputs{
				Criticality: planning.CriticalityMedium, Capability: planning.ReadinessReady,
				ExpectedSavings: outsourcing.NewPercent(outsourcing.DecimalOf(decimal.NewFromInt(20))), Risk: got})
			require.NoError(t, err)
		})
	}
}

func TestOverallLevelErrors(t *testing.T) {
	rep, err := Assess(Register{ID: "reg", Risks: []Risk{{ID: "A", Title: "a", Category: CategorySupplier,
		Status: StatusClosed, Identified: asOf, Inherent: Rating{"likely", "major"}}}}, Classic5x5(), asOf)
	require.NoError(t, err)
	assert.Equal(t, Overall{}, rep.Overall)
	for name, tc := range map[string]struct {
		rep  Report
		path string
	}{
		"every risk closed": {rep, "/overall"},
		"empty report":      {Report{}, "/overall"},
		"unknown level":     {Report{Overall: Overall{Level: "x", Rank: 1, NIST: "severe"}}, "/overall/nist"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := OverallLevel(tc.rep)
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			assert.Equal(t, []string{tc.path}, fieldPaths(err))
		})
	}
}
