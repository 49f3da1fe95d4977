package planning_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

func ExampleSourcingAdvisor_Recommend() {
	rec, err := outsourcing.DefaultSourcingAdvisor().Recommend(outsourcing.SourcingInputs{
		Criticality:     outsourcing.CriticalityHigh,
		Capability:      outsourcing.ReadinessReady,
		ExpectedSavings: outsourcing.MustPercent("22"),
		Risk:            outsourcing.RiskLevelLow,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Scope, rec.Location, rec.Rows)
	fmt.Println(rec.Rationale)
	// Output:
	// partial nearshore [critical-nearshore]
	// Business-critical commodity service, capable organisation, low risk: best-source part of the service; a nearshore provider keeps time zone and culture close.
}

// Edit the shipped table: demand at least 15 % savings before outsourcing.
func ExampleNewSourcingAdvisor() {
	spec, err := rules.ParseTableSpec(outsourcing.SourcingTableDocument())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, row := range spec.Rules {
		if row.ID == "savings-too-low" {
			spec.Rules[i].When[2] = "< 15"
		}
	}
	advisor, err := outsourcing.NewSourcingAdvisor(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	in := outsourcing.SourcingInputs{Criticality: outsourcing.CriticalityLow, Capability: outsourcing.ReadinessReady,
		ExpectedSavings: outsourcing.MustPercent("12"), Risk: outsourcing.RiskLevelModerate}
	shipped, _ := outsourcing.DefaultSourcingAdvisor().Recommend(in)
	edited, _ := advisor.Recommend(in)
	fmt.Println("shipped:", shipped.Scope, shipped.Location, shipped.Rows)
	fmt.Println("edited: ", edited.Scope, edited.Location, edited.Rows)
	// Output:
	// shipped: total nearshore [commodity-ready]
	// edited:  in_house onshore [savings-too-low]
}

// From the cost comparison and the capability assessment of Handbook §1.2
// to a sourcing model (§1.3).
func Example_sourcingDecision() {
	eur := func(s string) *outsourcing.Money { m := outsourcing.MustMoney(s, "EUR"); return &m }
	tco, err := outsourcing.CompileTCO(outsourcing.TCOModel{
		ID: "service-desk", Currency: "EUR", Period: outsourcing.PeriodUnitMonth, Horizon: 36,
		DiscountRate: outsourcing.MustPercent("8"), Baseline: "in-house",
		Options: []outsourcing.SourcingOption{
			{ID: "in-house", Lines: []outsourcing.CostLine{
				{ID: "staff", Category: outsourcing.CostCategoryStaff, Basis: outsourcing.CostBasisRecurring, Amount: eur("100000")},
			}},
			{ID: "offer", Lines: []outsourcing.CostLine{
				{ID: "fees", Category: outsourcing.CostCategoryVendorFees, Basis: outsourcing.CostBasisRecurring, Amount: eur("70000")},
				{ID: "transition", Category: outsourcing.CostCategoryTransition, Basis: outsourcing.CostBasisOneOff, Amount: eur("150000")},
			}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	savings, err := tco.Evaluate().SavingsPercent("offer")
	if err != nil {
		fmt.Println(err)
		return
	}
	items := outsourcing.DefaultCapabilityChecklist()
	for i := range items {
		items[i].Score = 3
	}
	capability, err := outsourcing.AssessCapability(items)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := outsourcing.DefaultSourcingAdvisor().Recommend(outsourcing.SourcingInputs{
		Criticality: outsourcing.CriticalityLow, Capability: capability.Level,
		ExpectedSavings: savings, Risk: outsourcing.RiskLevelModerate,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("expected savings:", savings)
	fmt.Println("capability:", capability.Level)
	fmt.Println("recommendation:", rec.Scope, rec.Location, rec.Rows)
	// Output:
	// expected savings: 25.32%
	// capability: ready
	// recommendation: total offshore [commodity-offshore]
}
