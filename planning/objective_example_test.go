package planning_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing/planning"

	"github.com/outsourcing-go/outsourcing"
)

func ExampleObjective_Progress() {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	target := outsourcing.MustDecimal("15")
	o := planning.Objective{ID: "faster-response", Metric: "first_response_minutes", Unit: "min",
		Baseline: outsourcing.MustDecimal("45"), Target: &target, Direction: planning.DirectionDecrease,
		Start: day("2025-01-01"), Deadline: day("2025-12-27"), Owner: "service-manager"}
	p, _ := o.Progress([]planning.Measurement{
		{At: day("2025-03-02"), Value: outsourcing.MustDecimal("40")},
		{At: day("2025-05-01"), Value: outsourcing.MustDecimal("35")},
	}, day("2025-05-01"))
	fmt.Println(p.State, p.Attainment, p.Forecast)
	o.Target = nil
	fmt.Println(o.Validate())
	// Output:
	// on_track 0.3333 15
	// planning: /target: target is required
}

func ExampleAssessCapability() {
	items := planning.DefaultCapabilityChecklist()
	for i := range items {
		items[i].Score = 3
	}
	items[1].Score = 1 // contract management is weak
	a, _ := planning.AssessCapability(items)
	fmt.Println(a.Level, a.Score, a.Gaps[0].ItemID)
	// Output: developing 90.48 contract-management
}

func ExampleParseObjectiveSet() {
	set, err := planning.ParseObjectiveSet([]byte(`{
	  "id": "service-desk-2025",
	  "objectives": [{
	    "id": "faster-response", "metric": "first_response_minutes", "unit": "min",
	    "baseline": "45", "target": "15", "direction": "decrease",
	    "start": "2025-01-01T00:00:00Z", "deadline": "2025-12-27T00:00:00Z", "owner": "service-manager",
	    "measurements": [{"at": "2025-03-02T00:00:00Z", "value": "40"}, {"at": "2025-05-01T00:00:00Z", "value": "35"}]
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	progress, err := set.Progress(time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range progress {
		fmt.Println(p.ID, p.State, p.Attainment, p.Forecast)
	}
	_, err = planning.ParseObjectiveSet([]byte(`{"id": "x", "objectives": [{"id": "a", "metric": "m", "baseline": "1", "target": "2",
	  "direction": "increase", "start": "2025-01-01T00:00:00Z", "deadline": "2025-01-01T00:00:00Z", "owner": "o"}]}`))
	fmt.Println(err)
	// Output:
	// faster-response on_track 0.3333 15
	// planning: /objectives/0/deadline: deadline 2025-01-01 is not after start 2025-01-01
}
