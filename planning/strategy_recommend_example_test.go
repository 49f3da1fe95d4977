package planning_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/planning"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

func ExampleSourcingAdvisor_Recommend() {
	rec, err := planning.DefaultSourcingAdvisor().Recommend(planning.SourcingInputs{
		Criticality:     planning.CriticalityHigh,
		Capability:      planning.ReadinessReady,
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
	spec, err := rules.ParseTableSpec(planning.SourcingTableDocument())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, row := range spec.Rules {
		if row.ID == "savings-too-low" {
			spec.Rules[i].When[2] = "< 15"
		}
	}
	advisor, err := planning.NewSourcingAdvisor(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	in := planning.SourcingInputs{Criticality: planning.CriticalityLow, Capability: planning.ReadinessReady,
		ExpectedSavings: outsourcing.MustPercent("12"), Risk: outsourcing.RiskLevelModerate}
	shipped, _ := planning.DefaultSourcingAdvisor().Recommend(in)
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
	tco, err := planning.CompileTCO(planning.TCOModel{
		ID: "service-desk", Currency: "EUR", Period: planning.PeriodUnitMonth, Horizon: 36,
		DiscountRate: outsourcing.MustPercent("8"), Baseline: "in-house",
		Options: []planning.SourcingOption{
			{ID: "in-house", Lines: []planning.CostLine{
				{ID: "staff", Category: planning.CostCategoryStaff, Basis: planning.CostBasisRecurring, Amount: eur("100000")},
			}},
			{ID: "offer", Lines: []planning.CostLine{
				{ID: "fees", Category: planning.CostCategoryVendorFees, Basis: planning.CostBasisRecurring, Amount: eur("70000")},
				{ID: "transition", Category: planning.CostCategoryTransition, Basis: planning.CostBasisOneOff, Amount: eur("150000")},
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
	items := planning.DefaultCapabilityChecklist()
	for i := range items {
		items[i].Score = 3
	}
	capability, err := planning.AssessCapability(items)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := planning.DefaultSourcingAdvisor().Recommend(planning.SourcingInputs{
		Criticality: planning.CriticalityLow, Capability: capability.Level,
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
