package rules_test

import (
	"fmt"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// twentyRowTable routes by priority band and penalty; the environment in
// the benchmark matches rows late in the table.
func twentyRowTable(policy rules.HitPolicy, agg rules.Aggregation) rules.TableSpec {
	spec := rules.TableSpec{
		ID: "bench", HitPolicy: policy, Aggregation: agg,
		Inputs: []rules.TableInput{
			{ID: "priority", Expression: "priority"},
			{ID: "penalty", Expression: "penalty"},
			{ID: "region", Expression: "region"},
		},
		Outputs: []rules.TableOutput{{Name: "points", Type: rules.ResultDecimal}},
	}
	for i := range 20 {
		spec.Rules = append(spec.Rules, rules.TableRow{
			When: []string{fmt.Sprintf("[%d..%d]", i%5, i%5+1), fmt.Sprintf(">= %d", i*1000), `"EMEA","APAC"`},
			Then: []any{fmt.Sprintf("%d.5", i)},
		})
	}
	return spec
}

func benchmarkTable(b *testing.B, policy rules.HitPolicy, agg rules.Aggregation) {
	table, err := rules.CompileTable[*escalationEnv](twentyRowTable(policy, agg))
	if err != nil {
		b.Fatal(err)
	}
	env := &escalationEnv{Priority: 4, Penalty: outsourcing.MustDecimal("15500"), Region: "APAC"}
	b.ReportAllocs()
	for b.Loop() {
		d, err := table.Decide(env)
		if err != nil || len(d.Rows) == 0 {
			b.Fatal(d, err)
		}
	}
}

func BenchmarkDecisionTable20Rows(b *testing.B) {
	b.Run("FIRST", func(b *testing.B) { benchmarkTable(b, rules.HitPolicyFirst, "") })
	b.Run("COLLECT", func(b *testing.B) { benchmarkTable(b, rules.HitPolicyCollect, rules.AggregationSum) })
}
