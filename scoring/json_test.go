package scoring_test

import (
	"encoding/json"
	"slices"
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

// documentTypes are the documents and options callers hand in.
var documentTypes = []any{
	scoring.ModelSpec{}, scoring.RankOptions{}, scoring.SensitivityOptions{}, scoring.MonteCarloOptions{},
	scoring.AHPOptions{}, scoring.Node{}, scoring.Bid{}, scoring.PriceRule{}, scoring.AbnormallyLowRule{},
}

// Every exported field of every result and document type, and of the
// structs they contain, has an explicit snake_case JSON name, every zero
// value marshals, and the lists name or hold every exported struct type.
func TestResultTypesMarshalSnakeCase(t *testing.T) {
	all := slices.Concat(resultTypes, documentTypes)
	testkit.AssertCoversPackage(t, all...)
	testkit.AssertResultTypes(t, all...)
}

// A real result marshals with snake_case keys only, nested ones included.
func TestResultMarshalsSnakeCaseKeys(t *testing.T) {
	doc, err := json.Marshal(evaluateModel(t))
	require.NoError(t, err)
	testkit.AssertSnakeCaseKeys(t, doc, "scoring.Result")
}
