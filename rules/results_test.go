package rules_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/rules"
)

// Every result type has snake_case JSON names and its zero value marshals.
func TestResultTypes(t *testing.T) {
	testkit.AssertCoversPackage(t, rules.Result{}, rules.Explanation{}, rules.Trace{}, rules.ConditionTrace{},
		rules.Decision{}, rules.SetSpec{}, rules.TableSpec{}, rules.Rule{})
	testkit.AssertResultTypes(t, rules.Result{}, rules.Explanation{}, rules.Trace{}, rules.ConditionTrace{},
		rules.Decision{}, rules.SetSpec{}, rules.TableSpec{}, rules.Rule{})
}
