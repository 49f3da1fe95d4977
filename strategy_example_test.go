package outsourcing_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

func ExampleTimelineAt() {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	st, _ := outsourcing.TimelineAt([]outsourcing.Milestone{
		{ID: "req", Kind: outsourcing.MilestoneRequirementsConfirmed, Planned: day("2025-02-01"), Actual: day("2025-02-10")},
		{ID: "sel", Kind: outsourcing.MilestoneVendorSelected, Planned: day("2025-05-01")},
		{ID: "sign", Kind: outsourcing.MilestoneContractSigned, Planned: day("2025-07-01"), Forecast: day("2025-07-21")},
	}, day("2025-05-15"))
	for _, m := range st.Milestones {
		fmt.Println(m.ID, m.State, m.SlipDays)
	}
	// Output:
	// req done 9
	// sel overdue 14
	// sign slipping 20
}

func ExampleBudget_Variance() {
	b := outsourcing.Budget{Total: outsourcing.MustMoney("500000", "EUR"), Phases: []outsourcing.BudgetPhase{
		{ID: "selection", Planned: outsourcing.MustMoney("50000", "EUR"), Actual: outsourcing.MustMoney("61000", "EUR")},
		{ID: "transition", Planned: outsourcing.MustMoney("300000", "EUR"), Actual: outsourcing.MustMoney("290000", "EUR")},
	}}
	r, _ := b.Variance()
	for _, p := range r.Phases {
		fmt.Println(p.ID, p.Status, p.Variance, p.VariancePercent)
	}
	fmt.Println("remaining", r.Remaining)
	// Output:
	// selection over 11000.00 EUR 22
	// transition on_plan -10000.00 EUR -3.33
	// remaining 149000.00 EUR
}
