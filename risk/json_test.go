package risk

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
// shared tests (snake_case json tags on every field; the zero value
// marshals, Money{} included, except for documentTypes), and reads the package source so that a new
// type cannot be left out of resultTypes. Environments of rule expressions
// (expr tags) are not marshalled and are left out.
func TestResultTypes(t *testing.T) {
	var listed []string
	for _, z := range slices.Concat(resultTypes, documentTypes) {
		listed = append(listed, reflect.TypeOf(z).Name())
	}
	slices.Sort(listed)
	assert.Equal(t, exportedStructs(t), listed, "resultTypes and documentTypes list every exported struct type")
	testkit.AssertResultTypes(t, resultTypes...)
	testkit.AssertJSONTags(t, documentTypes...)
}

// exportedStructs returns the names of the package's exported struct
// types, sorted, without rule environments.
func exportedStructs(t *testing.T) []string {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok && !isRuleEnv(st) {
				names = append(names, ts.Name.Name)
			}
			return true
		})
	}
	slices.Sort(names)
	return names
}

// isRuleEnv reports whether a struct is a rule environment (expr tags).
func isRuleEnv(st *ast.StructType) bool {
	return slices.ContainsFunc(st.Fields.List, func(f *ast.Field) bool {
		if f.Tag == nil {
			return false
		}
		_, ok := reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Lookup("expr")
		return ok
	})
}
