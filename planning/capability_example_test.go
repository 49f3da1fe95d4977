package planning_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/planning"
)

// A self-assessment read from JSON: contract administration, a critical
// item, is two levels short of its target, so the organisation is still
// developing although it scores 60 %.
func ExampleParseCapabilityChecklist() {
	checklist, err := planning.ParseCapabilityChecklist([]byte(`{
	  "id": "service-desk-readiness",
	  "items": [
	    {"id": "contract-admin", "area": "contract_management", "weight": "2", "score": 2, "target": 4, "critical": true},
	    {"id": "contract-drafting", "area": "contract_management", "weight": "1.5", "score": 5, "target": 3},
	    {"id": "exit-plan", "area": "exit_management", "weight": "0.5", "score": 1}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := checklist.Assess()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Level, a.Score)
	for _, area := range a.Areas {
		fmt.Println(area.Area, area.Score)
	}
	for _, g := range a.Gaps {
		fmt.Println("gap", g.ItemID, g.Score, "of", g.Target, "critical", g.Critical)
	}

	_, err = planning.ParseCapabilityChecklist([]byte(`{"items": [
	  {"id": "a", "area": "x", "weight": "1", "score": 3}, {"id": "a", "area": "x", "weight": "1", "score": 4}]}`))
	fmt.Println(err)
	// Output:
	// developing 60
	// contract_management 68
	// exit_management 20
	// gap contract-admin 2 of 4 critical true
	// gap exit-plan 1 of 5 critical false
	// planning: /items/1/id: id "a" is empty or duplicate
}
