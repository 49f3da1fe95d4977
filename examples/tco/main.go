// Command tco compares keeping a 40-seat IT service desk in house with two
// outsourcing offers (nearshore and offshore) over five years of months,
// then prints the savings against the in-house baseline and a tornado of
// the inputs that move the NPV of savings most (Handbook §1.2).
package main

import (
	"fmt"
	"log"
	"strings"

	"github.com/outsourcing-go/outsourcing/planning"

	"github.com/outsourcing-go/outsourcing"
)

// model is a realistic service desk: 40 agents and 5 team leads in house
// (salaries rising with a wage index capped at 3.5 %), tooling and
// facilities; two offers priced per month with transition, severance,
// knowledge transfer, a retained organisation of 8 % of fees, a risk
// contingency for service failures and an exit cost at the end.
const model = `{
  "id": "service-desk-2026", "name": "Service desk: in-house vs outsourcing",
  "currency": "EUR", "period": "month", "horizon": 60, "discount_rate": "8", "baseline": "in-house",
  "options": [
    {"id": "in-house", "name": "Keep in house", "scope": "in_house", "lines": [
      {"id": "agents", "category": "staff", "basis": "recurring", "amount": {"amount": "196000.00", "currency": "EUR"},
       "escalation": {"index": ["4.2", "3.1"], "cap": "3.5"}},
      {"id": "leads", "category": "staff", "basis": "recurring", "amount": {"amount": "34000.00", "currency": "EUR"},
       "escalation": {"index": ["4.2", "3.1"], "cap": "3.5"}},
      {"id": "itsm-tool", "category": "licences", "basis": "recurring", "amount": {"amount": "9500.00", "currency": "EUR"},
       "escalation": {"index": ["6"], "cap": "5"}},
      {"id": "telephony", "category": "infrastructure", "basis": "recurring", "amount": {"amount": "6200.00", "currency": "EUR"}},
      {"id": "facilities", "category": "infrastructure", "basis": "recurring", "amount": {"amount": "14000.00", "currency": "EUR"},
       "escalation": {"index": ["2.5"]}},
      {"id": "attrition-risk", "category": "risk_contingency", "basis": "recurring", "probability": "4",
       "amount": {"amount": "120000.00", "currency": "EUR"}}
    ]},
    {"id": "nearshore", "name": "Offer A: nearshore", "scope": "total", "location": "nearshore", "lines": [
      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "168000.00", "currency": "EUR"},
       "start": 4, "escalation": {"index": ["3.0"], "cap": "2.5"}},
      {"id": "dual-running", "category": "staff", "basis": "recurring", "amount": {"amount": "230000.00", "currency": "EUR"}, "end": 3},
      {"id": "governance", "category": "retained_organisation", "basis": "percent", "percent": "8", "of": ["fees"], "start": 4},
      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "350000.00", "currency": "EUR"}},
      {"id": "severance", "category": "severance", "basis": "one_off", "amount": {"amount": "620000.00", "currency": "EUR"}, "start": 4},
      {"id": "knowledge-transfer", "category": "knowledge_transfer", "basis": "one_off", "amount": {"amount": "90000.00", "currency": "EUR"}, "start": 2},
      {"id": "service-risk", "category": "risk_contingency", "basis": "recurring", "probability": "5",
       "amount": {"amount": "150000.00", "currency": "EUR"}, "start": 4},
      {"id": "exit", "category": "exit", "basis": "one_off", "amount": {"amount": "250000.00", "currency": "EUR"}, "start": 60}
    ]},
    {"id": "offshore", "name": "Offer B: offshore", "scope": "total", "location": "offshore", "lines": [
      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "139000.00", "currency": "EUR"},
       "start": 5, "escalation": {"index": ["4.5"], "cap": "4"}},
      {"id": "dual-running", "category": "staff", "basis": "recurring", "amount": {"amount": "230000.00", "currency": "EUR"}, "end": 4},
      {"id": "governance", "category": "retained_organisation", "basis": "percent", "percent": "11", "of": ["fees"], "start": 5},
      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "480000.00", "currency": "EUR"}},
      {"id": "severance", "category": "severance", "basis": "one_off", "amount": {"amount": "620000.00", "currency": "EUR"}, "start": 5},
      {"id": "knowledge-transfer", "category": "knowledge_transfer", "basis": "one_off", "amount": {"amount": "160000.00", "currency": "EUR"}, "start": 2},
      {"id": "service-risk", "category": "risk_contingency", "basis": "recurring", "probability": "9",
       "amount": {"amount": "150000.00", "currency": "EUR"}, "start": 5},
      {"id": "exit", "category": "exit", "basis": "one_off", "amount": {"amount": "300000.00", "currency": "EUR"}, "start": 60}
    ]}
  ]
}`

func main() {
	m, err := planning.ParseTCOModel([]byte(model))
	if err != nil {
		log.Fatal(err)
	}
	tco, err := planning.CompileTCO(m)
	if err != nil {
		log.Fatal(err)
	}
	r := tco.Evaluate()
	fmt.Printf("%s: %d %ss at %s discount rate\n\n", m.Name, r.Horizon, r.Period, m.DiscountRate)
	fmt.Print(r.Table().Text())
	for _, id := range []string{"nearshore", "offshore"} {
		tor, err := tco.Tornado(id, outsourcing.MustPercent("10"))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("\nTornado for %s (each input ±%s, NPV of savings %s):\n", id, tor.Change, tor.Base.Grouped())
		fmt.Print(widest(tor, 6).Text())
		fees, err := tco.BreakEven(id, id+"/fees")
		if err != nil {
			log.Fatal(err)
		}
		fee := fees.Round(2, outsourcing.RoundHalfUp).Grouped() + " " + string(m.Currency)
		rate, err := tco.BreakEven(id, planning.InputDiscountRate)
		if err == nil {
			fmt.Printf("break-even monthly fee: %s; break-even discount rate: %s %%\n", fee, rate.Round(2, outsourcing.RoundHalfUp))
		} else {
			fmt.Printf("break-even monthly fee: %s\n", fee)
		}
	}
}

// widest is the tornado's own table cut to its n widest inputs, with a
// bar of up to 30 "#" drawing each swing against the widest.
func widest(tor planning.Tornado, n int) outsourcing.Table {
	tor.Bars = tor.Bars[:min(n, len(tor.Bars))]
	t := tor.Table()
	t.Header = append(t.Header, "")
	t.Numeric = append(t.Numeric, false)
	most := tor.Bars[0].Swing.Amount()
	for i, b := range tor.Bars {
		bar := 0
		if most.IsPositive() {
			q, _ := b.Swing.Amount().Mul(outsourcing.DecimalFromInt(30)).Quo(most, 0, outsourcing.RoundHalfUp)
			w, _ := q.Int64()
			bar = int(w)
		}
		t.Rows[i] = append(t.Rows[i], strings.Repeat("#", bar))
	}
	return t
}
