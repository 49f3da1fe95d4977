package rules_test

import (
	"testing"

	"github.com/expr-lang/expr"
	"github.com/outsourcing-go/outsourcing/rules"
)

// screeningRule is a 5-condition boolean knock-out over a struct environment.
const screeningRule = `years_in_business >= 3 && headcount >= 100 && headcount <= 5000 && certified["ISO27001"] && name != ""`

func BenchmarkRuleSetEval(b *testing.B) {
	rs, err := rules.Compile[*vendorEnv]([]rules.Rule{{ID: "screen", Expression: screeningRule}})
	if err != nil {
		b.Fatal(err)
	}
	env := sampleVendor()
	b.ReportAllocs()
	for b.Loop() {
		ok, err := rs.Bool("screen", &env)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkExprRun(b *testing.B) {
	program, err := expr.Compile(screeningRule, expr.Env(&vendorEnv{}), expr.AsBool())
	if err != nil {
		b.Fatal(err)
	}
	env := sampleVendor()
	b.ReportAllocs()
	for b.Loop() {
		out, err := expr.Run(program, &env)
		if err != nil || !out.(bool) {
			b.Fatal(out, err)
		}
	}
}

const moneyRule = `hours * rate + expenses <= cap && expenses < cap * 0.1`

func BenchmarkDecimalRule(b *testing.B) {
	rs, err := rules.Compile[*vendorEnv]([]rules.Rule{{ID: "money", Expression: moneyRule}})
	if err != nil {
		b.Fatal(err)
	}
	env := sampleVendor()
	b.ReportAllocs()
	for b.Loop() {
		ok, err := rs.Bool("money", &env)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// floatEnv is the same money rule's environment in float64, the baseline
// BenchmarkDecimalRule is compared with.
type floatEnv struct {
	Hours    float64 `expr:"hours"`
	Rate     float64 `expr:"rate"`
	Expenses float64 `expr:"expenses"`
	Cap      float64 `expr:"cap"`
}

func BenchmarkDecimalRuleFloat64(b *testing.B) {
	rs, err := rules.Compile[*floatEnv]([]rules.Rule{{ID: "money", Expression: moneyRule}})
	if err != nil {
		b.Fatal(err)
	}
	env := floatEnv{Hours: 160, Rate: 85.5, Expenses: 900, Cap: 15000}
	b.ReportAllocs()
	for b.Loop() {
		ok, err := rs.Bool("money", &env)
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// BenchmarkBudgetExhausted runs hostile rules that spend the whole
// default budget, the costliest per unit found: nested predicates whose
// bodies are one node, and a predicate copying a list on every
// iteration. Its time and allocations per op are what one evaluation of
// an untrusted rule can cost at DefaultBudget (the figures in
// DefaultBudget's doc).
func BenchmarkBudgetExhausted(b *testing.B) {
	for _, c := range []struct{ name, expr string }{
		{"nested-map", `len(map(1..1000, map(1..1000, map(1..1000, #)))) > 0`},
		{"concat-per-iteration", `len(map(1..1000, concat(certifications, certifications))) > 0`},
	} {
		b.Run(c.name, func(b *testing.B) {
			rs, err := rules.Compile[*vendorEnv]([]rules.Rule{{ID: "hostile", Expression: c.expr}})
			if err != nil {
				b.Fatal(err)
			}
			env := sampleVendor()
			env.Certifications = make([]string, 1000)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rs.Bool("hostile", &env); err == nil {
					b.Fatal("the budget did not stop the rule")
				}
			}
		})
	}
}
