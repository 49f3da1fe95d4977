package outsourcing_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
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
	spec, err := outsourcing.ParseTableSpec(outsourcing.SourcingTableDocument())
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
