package risk

import (
	"slices"
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

// documentTypes are documents whose zero value is not a valid document
// (a required currency or category), so it does not marshal.
var documentTypes = []any{BusinessCaseSpec{}, Risk{}}

// resultTypes are the zero values of every other exported struct type of
// the package that is written as JSON: results, documents and options.
var resultTypes = []any{
	Analytic{}, Assessment{}, Axis{}, AxisLevel{}, Binomial{}, BusinessCase{},
	CaseOptions{}, CaseResult{}, CaseRisk{}, Combination{}, Combiner{}, ContingencyPlan{}, Control{}, Driver{},
	DueItem{}, Estimate{}, Evaluation{}, ExceedancePoint{}, Finding{}, Frequency{}, HeatCell{}, HeatMap{},
	HistogramBin{}, LevelDef{}, LognormalDistribution{}, Magnitude{}, Matrix{}, MatrixSpec{}, MoneySummary{},
	OWASPBusinessFactors{}, OWASPFactors{}, OWASPScore{}, OptionOutcome{}, Overall{}, PERT{},
	PERTDistribution{}, PaybackSummary{}, Policy{}, PortfolioItem{}, PortfolioResult{}, PriorRating{},
	Rating{}, Register{}, Report{}, Residual{}, Result{}, ReviewInterval{}, ReviewPolicy{},
	RiskReport{}, RiskResult{}, SavingsOutcome{}, Scenario{}, Schedule{}, SimOptions{}, SummaryOptions{},
	UncertainInput{},
}

// TestResultTypes checks every exported struct type with the module's
// shared tests: snake_case json tags on every field, and zero values that
// marshal (Money{} included) except for documentTypes; the lists must
// name every exported struct type of the package.
func TestResultTypes(t *testing.T) {
	testkit.AssertCoversPackage(t, slices.Concat(resultTypes, documentTypes)...)
	testkit.AssertResultTypes(t, resultTypes...)
	testkit.AssertJSONTags(t, documentTypes...)
}
