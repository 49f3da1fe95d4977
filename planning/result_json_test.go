package planning

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/require"
)

// documentTypes are the documents callers hand in.
var documentTypes = []any{TCOModel{}, ObjectiveSet{}, CapabilityChecklist{}, SourcingInputs{}, Budget{}, Timeline{}}

// resultTypes are the exported types the package returns as results.
var resultTypes = []any{
	TCOResult{}, TCOOptionResult{}, CategoryCost{}, Savings{}, Tornado{}, TornadoBar{},
	TCOLines{}, OptionLines{}, LineCost{}, LineProfile{},
	ObjectiveProgress{}, Measurement{}, CapabilityAssessment{}, AreaScore{}, CapabilityGap{},
	BudgetReport{}, PhaseVariance{}, TimelineStatus{}, MilestoneStatus{}, Recommendation{},
}

// TestResultTypesHaveSnakeCaseTags checks every exported field of the
// result types (and the structs they contain) for an explicit snake_case
// JSON name, and that each zero value, with Money{} fields, marshals.
func TestResultTypesHaveSnakeCaseTags(t *testing.T) {
	testkit.AssertResultTypes(t, resultTypes...)
}

// TestEveryStructTypeIsChecked: the result types and the documents name
// or hold every exported struct type, whose JSON tags are all checked.
func TestEveryStructTypeIsChecked(t *testing.T) {
	testkit.AssertCoversPackage(t, slices.Concat(resultTypes, documentTypes)...)
	testkit.AssertJSONTags(t, documentTypes...)
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

	for _, v := range []any{tc.Evaluate(), tc.Lines(), tor, progress, capability, budget, timeline, rec} {
		out, err := json.Marshal(v)
		require.NoError(t, err)
		testkit.AssertSnakeCaseKeys(t, out, reflect.TypeOf(v).String())
	}
}
