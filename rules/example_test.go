package rules_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// Knock-out criteria of an initial screening (Handbook §2.1), compiled
// once and evaluated per vendor; Explain shows the values compared.
func ExampleCompile() {
	type vendor struct {
		Name    string              `expr:"name"`
		Years   int                 `expr:"years_in_business"`
		Certs   map[string]bool     `expr:"certified"`
		DayRate outsourcing.Decimal `expr:"day_rate"`
		MaxRate outsourcing.Decimal `expr:"max_rate"`
	}
	set, err := rules.Compile[*vendor]([]rules.Rule{
		{ID: "experience", Description: "three years in business", Expression: `years_in_business >= 3`},
		{ID: "iso27001", Description: "certified for information security", Expression: `certified["ISO27001"]`},
		{ID: "affordable", Description: "day rate within 10% of the cap", Expression: `day_rate <= max_rate * 1.1`},
	}, rules.RequireBool())
	if err != nil {
		fmt.Println(err)
		return
	}
	v := &vendor{Name: "Acme", Years: 2, Certs: map[string]bool{"ISO27001": true},
		DayRate: outsourcing.MustDecimal("640"), MaxRate: outsourcing.MustDecimal("600")}
	failing, err := set.Failing(v)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("knocked out by:", failing)
	why, err := set.Explain(v)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range why.Rules[2].Conditions {
		fmt.Println(c.Expression, "=", c.Value, "| left", c.Left, "right", c.Right)
	}
	// Output:
	// knocked out by: [experience]
	// day_rate <= max_rate * 1.1 = true | left 640 right 660.0
}

// A sourcing recommendation shipped as an editable table (Handbook §1.3):
// the first row that matches gives the model.
func ExampleCompileTable() {
	type situation struct {
		Criticality string              `expr:"criticality"`
		Capability  int                 `expr:"in_house_capability"`
		Savings     outsourcing.Decimal `expr:"expected_savings_pct"`
	}
	table, err := rules.CompileTable[situation](rules.TableSpec{
		ID: "sourcing", HitPolicy: rules.HitPolicyFirst,
		Inputs: []rules.TableInput{
			{ID: "criticality", Expression: "criticality"},
			{ID: "capability", Expression: "in_house_capability"},
			{ID: "savings", Expression: "expected_savings_pct"},
		},
		Outputs: []rules.TableOutput{{Name: "model", Type: rules.ResultString}},
		Rules: []rules.TableRow{
			{When: []string{`"core"`, ">= 3", "-"}, Then: []any{"in-house"}},
			{When: []string{`"core"`, "-", "-"}, Then: []any{"selective"}},
			{When: []string{"-", "-", ">= 20"}, Then: []any{"total"}},
			{When: []string{"-", "-", "-"}, Then: []any{"partial"}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := table.Decide(situation{Criticality: "commodity", Capability: 1, Savings: outsourcing.MustDecimal("25")})
	if err != nil {
		fmt.Println(err)
		return
	}
	model, _ := d.Output("model")
	fmt.Println(model, d.Rows)
	// Output: total [r3]
}
