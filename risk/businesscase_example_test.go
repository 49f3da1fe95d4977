package risk_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
)

// How likely is the vendor option to pay off over five years, and what
// does it lose in the worst 5 % of futures? The TCO model gives the exact
// point estimate; the business case makes the vendor's fees, the
// transition, the in-house staff escalation and the discount rate
// uncertain and adds the vendor's failure and an early exit.
func ExampleCompileBusinessCase() {
	model, err := planning.ParseTCOModel([]byte(`{
	  "id": "desk", "currency": "EUR", "period": "year", "horizon": 5, "discount_rate": "8", "baseline": "in-house",
	  "options": [
	    {"id": "in-house", "lines": [
	      {"id": "staff", "category": "staff", "basis": "recurring", "amount": {"amount": "500000", "currency": "EUR"},
	       "escalation": {"index": ["4"], "cap": "3"}}]},
	    {"id": "vendor", "lines": [
	      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "380000", "currency": "EUR"}},
	      {"id": "gov", "category": "retained_organisation", "basis": "percent", "percent": "8", "of": ["fees"]},
	      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "250000", "currency": "EUR"}}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	tco, _ := planning.CompileTCO(model)
	spec, err := risk.ParseBusinessCase([]byte(`{
	  "id": "desk-case", "model": "desk", "currency": "EUR",
	  "inputs": [
	    {"id": "fees", "parameter": "amount", "option": "vendor", "line": "fees",
	     "estimate": {"distribution": "pert", "min": "350000", "mode": "380000", "max": "450000"}},
	    {"id": "transition", "parameter": "amount", "option": "vendor", "line": "transition",
	     "estimate": {"distribution": "lognormal", "low": "200000", "high": "400000"}},
	    {"id": "wage-rise", "parameter": "escalation", "option": "in-house", "line": "staff",
	     "estimate": {"distribution": "uniform", "min": "1", "max": "3"}},
	    {"id": "rate", "parameter": "discount_rate",
	     "estimate": {"distribution": "discrete", "values": ["6", "8", "10"], "weights": ["1", "2", "1"]}}],
	  "risks": [
	    {"id": "vendor-failure", "option": "vendor", "kind": "loss", "scenario": {
	      "frequency": {"rate": 0.1}, "magnitude": {"distribution": "lognormal",
	        "low": {"amount": "20000", "currency": "EUR"}, "high": {"amount": "300000", "currency": "EUR"}}}},
	    {"id": "early-exit", "option": "vendor", "kind": "exit", "scenario": {
	      "frequency": {"binomial": {"trials": 1, "probability": 0.03}}, "magnitude": {"distribution": "pert",
	        "min": {"amount": "100000", "currency": "EUR"}, "mode": {"amount": "200000", "currency": "EUR"}, "max": {"amount": "500000", "currency": "EUR"}}}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	bc, err := risk.CompileBusinessCase(tco, spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := bc.Simulate(risk.CaseOptions{Trials: 10_000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	v := res.Options[1]
	fmt.Println("point NPV of savings:", v.Savings.Point)
	fmt.Println("mean:", v.Savings.NPV.Mean, "P5:", v.Savings.NPV.P5, "P95:", v.Savings.NPV.P95)
	fmt.Printf("P(savings < 0): %.3f, P(vendor cheapest): %.3f\n", v.Savings.ProbabilityNegative, v.ProbabilityCheapest)
	fmt.Println("VaR 95%:", v.Savings.VaR, "CVaR 95%:", v.Savings.CVaR)
	fmt.Printf("payback: P50 %s years, within the horizon in %.1f%% of futures\n", v.Savings.Payback.P50, 100*v.Savings.Payback.Probability)
	for _, d := range v.Savings.Drivers {
		fmt.Printf("driver %-15s %+.2f\n", d.Input, d.Spearman)
	}
	// res.Text() and res.Markdown() render the tables, v.HistogramSVG() the chart.

	// Output:
	// point NPV of savings: 221567.24 EUR
	// mean: 44257.74 EUR P5: -232767.55 EUR P95: 253874.49 EUR
	// P(savings < 0): 0.334, P(vendor cheapest): 0.666
	// VaR 95%: -232767.55 EUR CVaR 95%: -337299.07 EUR
	// payback: P50 3.42 years, within the horizon in 82.1% of futures
	// driver fees            -0.57
	// driver transition      -0.42
	// driver vendor-failure  -0.42
	// driver early-exit      -0.41
	// driver wage-rise       +0.16
	// driver rate            -0.11
}
