package planning_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing/planning"

	"github.com/outsourcing-go/outsourcing"
)

func ExampleTimelineAt() {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	st, _ := planning.TimelineAt([]planning.Milestone{
		{ID: "req", Kind: planning.MilestoneRequirementsConfirmed, Planned: day("2025-02-01"), Actual: day("2025-02-10")},
		{ID: "sel", Kind: planning.MilestoneVendorSelected, Planned: day("2025-05-01")},
		{ID: "sign", Kind: planning.MilestoneContractSigned, Planned: day("2025-07-01"), Forecast: day("2025-07-21")},
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
	b := planning.Budget{Total: outsourcing.MustMoney("500000", "EUR"), Phases: []planning.BudgetPhase{
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

func ExampleParseTimeline() {
	tl, err := planning.ParseTimeline([]byte(`{"id": "plan", "milestones": [
	  {"id": "req", "kind": "requirements_confirmed", "planned": "2025-02-01T00:00:00Z", "actual": "2025-02-10T00:00:00Z"},
	  {"id": "sign", "kind": "contract_signed", "planned": "2025-07-01T00:00:00Z", "forecast": "2025-07-21T00:00:00Z"}
	]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := tl.At(time.Date(2025, 5, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("max slip:", st.MaxSlipDays, "days")
	// Output: max slip: 20 days
}

func ExampleParseBudget() {
	b, err := planning.ParseBudget([]byte(`{"total": {"amount": "500000", "currency": "EUR"}, "phases": [
	  {"id": "selection", "planned": {"amount": "50000", "currency": "EUR"}, "actual": {"amount": "61000", "currency": "EUR"}}
	]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := b.Variance()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Phases[0].Status, r.Phases[0].VariancePercent, "remaining", r.Remaining)
	// Output: over 22 remaining 439000.00 EUR
}
