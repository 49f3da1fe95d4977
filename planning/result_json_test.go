package planning

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// resultTypes are the exported types the package returns as results.
var resultTypes = []any{
	TCOResult{}, TCOOptionResult{}, CategoryCost{}, Savings{}, Tornado{}, TornadoBar{},
	ObjectiveProgress{}, Measurement{}, CapabilityAssessment{}, AreaScore{}, CapabilityGap{},
	BudgetReport{}, PhaseVariance{}, TimelineStatus{}, MilestoneStatus{}, Recommendation{},
}

// TestResultTypesHaveSnakeCaseTags walks every exported field of the
// result types, and of the struct types they contain, and checks it has
// an explicit snake_case JSON name.
func TestResultTypesHaveSnakeCaseTags(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ.PkgPath() != reflect.TypeFor[TCOResult]().PkgPath() || seen[typ] {
			return
		}
		seen[typ] = true
		for _, f := range reflect.VisibleFields(typ) {
			if !f.IsExported() || f.Anonymous {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			assert.Regexp(t, snakeCase, name, "%s.%s needs a snake_case json tag", typ.Name(), f.Name)
			walk(f.Type)
		}
	}
	for _, v := range resultTypes {
		walk(reflect.TypeOf(v))
	}
}

// TestResultsMarshalSnakeCase marshals real results of every kind and
// checks every object key in the JSON.
func TestResultsMarshalSnakeCase(t *testing.T) {
	tc, err := CompileTCO(switchModel(loadTCOReference(t)))
	require.NoError(t, err)
	tor, err := tc.Tornado("offer", outsourcing.MustPercent("10"))
	require.NoError(t, err)
	progress, err := ObjectiveSet{ID: "s", Objectives: []TrackedObjective{{Objective: responseObjective(),
		Measurements: []Measurement{{At: day("2025-03-01"), Value: outsourcing.MustDecimal("40")}}}}}.Progress(day("2025-04-01"))
	require.NoError(t, err)
	items := DefaultCapabilityChecklist()
	items[0].Score = 1
	capability, err := AssessCapability(items)
	require.NoError(t, err)
	budget, err := Budget{Total: outsourcing.MustMoney("100", "EUR"), Phases: []BudgetPhase{
		{ID: "p", Planned: outsourcing.MustMoney("50", "EUR"), Actual: outsourcing.MustMoney("60", "EUR")}}}.Variance()
	require.NoError(t, err)
	timeline, err := TimelineAt([]Milestone{{ID: "m", Kind: MilestoneContractSigned, Planned: day("2025-01-01")}}, day("2025-02-01"))
	require.NoError(t, err)
	rec, err := DefaultSourcingAdvisor().Recommend(SourcingInputs{Criticality: CriticalityLow, Capability: ReadinessReady,
		ExpectedSavings: outsourcing.MustPercent("30"), Risk: outsourcing.RiskLevelLow})
	require.NoError(t, err)

	for _, v := range []any{tc.Evaluate(), tor, progress, capability, budget, timeline, rec} {
		out, err := json.Marshal(v)
		require.NoError(t, err)
		var doc any
		require.NoError(t, json.Unmarshal(out, &doc))
		assertKeysSnakeCase(t, doc, reflect.TypeOf(v).String())
	}
}

func assertKeysSnakeCase(t *testing.T, doc any, where string) {
	t.Helper()
	switch x := doc.(type) {
	case map[string]any:
		for k, v := range x {
			assert.Regexp(t, snakeCase, k, "key in %s", where)
			assertKeysSnakeCase(t, v, where)
		}
	case []any:
		for _, v := range x {
			assertKeysSnakeCase(t, v, where)
		}
	}
}
