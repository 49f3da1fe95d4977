package scoring_test

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/scoring"
)

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// resultTypes are the exported types the package returns as results.
var resultTypes = []any{
	scoring.Scores{}, scoring.TOPSISDetail{}, scoring.VIKORDetail{}, scoring.PROMETHEEDetail{},
	scoring.Weights{}, scoring.AHPResult{}, scoring.Judgment{}, scoring.HierarchyResult{}, scoring.NodeReport{},
	scoring.Exclusion{}, scoring.Result{}, scoring.Ranked{}, scoring.WeightInterval{},
	scoring.RankReversal{}, scoring.ReversalReport{}, scoring.MonteCarloResult{}, scoring.PriceScore{},
	scoring.WASPASDetail{},
}

// Every exported field of every result type, and of the structs they
// contain, has an explicit snake_case JSON name.
func TestResultTypesMarshalSnakeCase(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Array || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || ty.PkgPath() != "github.com/outsourcing-go/outsourcing/scoring" {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			assert.Regexp(t, snakeCase, name, "%s.%s", ty.Name(), f.Name)
			walk(f.Type)
		}
	}
	for _, v := range resultTypes {
		walk(reflect.TypeOf(v))
	}
	assert.GreaterOrEqual(t, len(seen), len(resultTypes))
}

// A real result marshals with snake_case keys only, nested ones included.
func TestResultMarshalsSnakeCaseKeys(t *testing.T) {
	doc, err := json.Marshal(evaluateModel(t))
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(doc, &v))
	var keys func(any)
	keys = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				assert.Regexp(t, snakeCase, k)
				keys(y)
			}
		case []any:
			for _, y := range x {
				keys(y)
			}
		}
	}
	keys(v)
}
