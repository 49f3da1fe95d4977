package outsourcing_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/outsourcing-go/outsourcing"
)

// Money keeps every digit until a rule says how to round, and splits an
// amount so that the parts add up to the cent.
func ExampleMoney() {
	fee := outsourcing.MustMoney("1000000.00", "USD")
	atRisk := outsourcing.MustPercent("12").Of(fee) // Handbook §3.1: penalty mechanism
	fmt.Println("at risk:", atRisk.Round(outsourcing.RoundHalfUp))

	parts, _ := outsourcing.MustMoney("100.00", "EUR").Split(3)
	fmt.Println("split:", parts)

	_, err := fee.Add(outsourcing.MustMoney("1", "EUR"))
	fmt.Println(err)
	// Output:
	// at risk: 120000.00 USD
	// split: [33.34 EUR 33.33 EUR 33.33 EUR]
	// currency: USD and EUR
}

// A screening rule set (Handbook §2.1) compiled once and evaluated for a
// vendor, with the audit trail of why it passed or failed.
func ExampleRuleSet() {
	type vendor struct {
		Name     string          `expr:"name"`
		Years    int             `expr:"years_in_business"`
		Certs    map[string]bool `expr:"certified"`
		DayRate  decimal.Decimal `expr:"day_rate"`
		MaxRate  decimal.Decimal `expr:"max_rate"`
		Employed int             `expr:"headcount"`
	}
	rules, err := rules.Compile[*vendor]([]rules.Rule{
		{ID: "experience", Description: "three years in business", Expression: `years_in_business >= 3`},
		{ID: "iso27001", Description: "certified for information security", Expression: `certified["ISO27001"]`},
		{ID: "affordable", Description: "day rate within 10% of the cap", Expression: `day_rate <= max_rate * 1.1`},
	}, rules.RequireBool())
	if err != nil {
		fmt.Println(err)
		return
	}
	v := &vendor{Name: "Acme", Years: 2, Certs: map[string]bool{"ISO27001": true},
		DayRate: decimal.RequireFromString("640"), MaxRate: decimal.RequireFromString("600")}
	failing, _ := rules.Failing(v)
	fmt.Println("knocked out by:", failing)
	why, _ := rules.Explain(v)
	for _, c := range why.Rules[2].Conditions {
		fmt.Println(c.Expression, "=", c.Value, "| left", c.Left, "right", c.Right)
	}
	// Output:
	// knocked out by: [experience]
	// day_rate <= max_rate * 1.1 = true | left 640 right 660
}

// A sourcing decision shipped as an editable table (Handbook §1.3): the
// first row that matches gives the recommendation.
func ExampleDecisionTable() {
	type situation struct {
		Criticality string          `expr:"criticality"`
		Capability  int             `expr:"in_house_capability"`
		Savings     decimal.Decimal `expr:"expected_savings_pct"`
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
	d, _ := table.Decide(situation{Criticality: "commodity", Capability: 1, Savings: decimal.RequireFromString("25")})
	model, _ := d.Output("model")
	fmt.Println(model, d.Rows)
	// Output: total [r3]
}
