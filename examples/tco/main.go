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
	fmt.Printf("%-10s %18s %18s %18s %10s %8s %8s\n", "option", "nominal", "present value", "NPV of savings", "IRR", "payback", "break-even")
	for _, o := range r.Options {
		fmt.Printf("%-10s %18s %18s", o.ID, o.Nominal.Round(outsourcing.RoundHalfUp), o.Discounted)
		if s := o.Savings; s != nil {
			fmt.Printf(" %18s %10s %8s %8d", s.NPV, pct(s.IRR), months(s.Payback), s.BreakEven)
		}
		fmt.Println()
	}
	for _, id := range []string{"nearshore", "offshore"} {
		tor, err := tco.Tornado(id, outsourcing.MustPercent("10"))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("\nTornado for %s (each input ±%s, NPV of savings %s):\n", id, tor.Change, tor.Base)
		widest := tor.Bars[0].Swing.Amount()
		for _, b := range tor.Bars[:6] {
			bar := 0
			if widest.IsPositive() {
				q, _ := b.Swing.Amount().Mul(outsourcing.DecimalFromInt(30)).Quo(widest, 0, outsourcing.RoundHalfUp)
				n, _ := q.Int64()
				bar = int(n)
			}
			fmt.Printf("  %-30s %16s .. %-16s %s\n", b.Input, b.Low, b.High, strings.Repeat("#", bar))
		}
		fees, err := tco.BreakEven(id, id+"/fees")
		if err != nil {
			log.Fatal(err)
		}
		rate, err := tco.BreakEven(id, planning.InputDiscountRate)
		if err == nil {
			fmt.Printf("  break-even monthly fee: %s EUR; break-even discount rate: %s %%\n", fees.Round(2, outsourcing.RoundHalfUp), rate.Round(2, outsourcing.RoundHalfUp))
		} else {
			fmt.Printf("  break-even monthly fee: %s EUR\n", fees.Round(2, outsourcing.RoundHalfUp))
		}
	}
}

// pct formats an annual IRR as a percentage, or "n/a".
func pct(r *outsourcing.Decimal) string {
	if r == nil {
		return "n/a"
	}
	return r.Mul(outsourcing.DecimalFromInt(100)).Round(1, outsourcing.RoundHalfUp).String() + " %"
}

// months formats a payback period, or "never".
func months(p *outsourcing.Decimal) string {
	if p == nil {
		return "never"
	}
	return p.Round(1, outsourcing.RoundHalfUp).String()
}
