package scoring_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// resultTypes are the exported types the package returns as results.
var resultTypes = []any{
	scoring.Scores{}, scoring.TOPSISDetail{}, scoring.VIKORDetail{}, scoring.PROMETHEEDetail{},
	scoring.Weights{}, scoring.AHPResult{}, scoring.Judgment{}, scoring.HierarchyResult{}, scoring.NodeReport{},
	scoring.Exclusion{}, scoring.Result{}, scoring.Ranked{}, scoring.WeightInterval{},
	scoring.RankReversal{}, scoring.ReversalReport{}, scoring.MonteCarloResult{}, scoring.PriceScore{},
	scoring.WASPASDetail{},
}

// Every exported field of every result type, and of the structs they
// contain, has an explicit snake_case JSON name, and every zero value
// marshals.
func TestResultTypesMarshalSnakeCase(t *testing.T) {
	testkit.AssertResultTypes(t, resultTypes...)
}

// A real result marshals with snake_case keys only, nested ones included.
func TestResultMarshalsSnakeCaseKeys(t *testing.T) {
	doc, err := json.Marshal(evaluateModel(t))
	require.NoError(t, err)
	testkit.AssertSnakeCaseKeys(t, doc, "scoring.Result")
}
