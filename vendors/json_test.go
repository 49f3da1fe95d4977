package vendors

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var snakeKey = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestResultJSONKeys walks every exported result and document type of the
// package, recursively through fields of this package's types, and checks
// that each exported field has an explicit snake_case json name.
func TestResultJSONKeys(t *testing.T) {
	roots := []any{
		PoolSpec{}, PipelineSnapshot{}, ScreeningResult{}, TemplateSpec{}, EvaluationSpec{}, Evaluation{},
		DecisionSpec{}, DecisionRecord{}, QuestionnaireSpec{}, Answers{}, QuestionnaireResult{},
		Stakeholder{}, ZoneThresholds{}, Criticality{}, TieringInput{}, TierResult{},
		Review{}, ReviewOptions{}, ReviewSummary{}, SurveyResponse{}, SurveySummary{},
		ImprovementPlan{}, PlanStatus{}, Recognition{}, FinalInput{}, FinalEvaluation{}, Warning{},
	}
	seen := map[reflect.Type]bool{}
	checked := 0
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || !strings.HasSuffix(ty.PkgPath(), "/vendors") {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			assert.Truef(t, snakeKey.MatchString(name), "%s.%s: json name %q", ty.Name(), f.Name, name)
			checked++
			walk(f.Type)
		}
	}
	for _, r := range roots {
		walk(reflect.TypeOf(r))
	}
	assert.Greater(t, checked, 150)
}
