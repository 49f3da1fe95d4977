package planning_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/planning"

	"github.com/outsourcing-go/outsourcing"
)

func ExampleCompileTCO() {
	m, err := planning.ParseTCOModel([]byte(`{
	  "id": "desk", "currency": "EUR", "period": "year", "horizon": 5, "discount_rate": "8", "baseline": "in-house",
	  "options": [
	    {"id": "in-house", "scope": "in_house", "lines": [
	      {"id": "staff", "category": "staff", "basis": "recurring", "amount": {"amount": "500000", "currency": "EUR"},
	       "escalation": {"index": ["4"], "cap": "3"}}]},
	    {"id": "vendor", "scope": "total", "location": "nearshore", "lines": [
	      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "380000", "currency": "EUR"}},
	      {"id": "gov", "category": "retained_organisation", "basis": "percent", "percent": "8", "of": ["fees"]},
	      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "250000", "currency": "EUR"}}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	tco, _ := planning.CompileTCO(m)
	r := tco.Evaluate()
	s := r.Options[1].Savings
	fmt.Println("PV in-house:", r.Options[0].Discounted)
	fmt.Println("PV vendor:  ", r.Options[1].Discounted)
	fmt.Println("NPV of savings:", s.NPV, "payback (years):", s.Payback, "IRR:", s.IRR.Round(4, outsourcing.RoundHalfUp))
	tor, _ := tco.Tornado("vendor", outsourcing.MustPercent("10"))
	for _, b := range tor.Bars[:3] {
		fmt.Println(b.Input, b.Low, b.High)
	}
	fees, _ := tco.BreakEven("vendor", "vendor/fees")
	fmt.Println("break-even fees per year:", fees.Round(2, outsourcing.RoundHalfUp))
	// Output:
	// PV in-house: 2110175.44 EUR
	// PV vendor:   1888608.20 EUR
	// NPV of savings: 221567.24 EUR payback (years): 2.4648 IRR: 0.3449
	// in-house/staff 10549.70 EUR 432584.79 EUR
	// vendor/fees 385428.06 EUR 57706.42 EUR
	// vendor/transition 246567.24 EUR 196567.24 EUR
	// break-even fees per year: 431382.36
}

func ExampleTCO_Lines() {
	m, err := planning.ParseTCOModel([]byte(`{
	  "id": "desk", "currency": "EUR", "period": "year", "horizon": 4, "discount_rate": "8", "baseline": "vendor",
	  "options": [
	    {"id": "vendor", "lines": [
	      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "100000", "currency": "EUR"},
	       "escalation": {"index": ["4"], "cap": "3"}},
	      {"id": "gov", "category": "retained_organisation", "basis": "percent", "percent": "8", "of": ["fees"], "start": 2},
	      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "50000", "currency": "EUR"}}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	tco, _ := planning.CompileTCO(m)
	lines := tco.Lines()
	fmt.Print(lines.Table().Text())
	fees := lines.Options[0].Lines[0].Profile
	fmt.Println("fees: base", fees.Base, "factors", fees.Factors)
	// Output:
	// option  line        category                       0           1           2           3           4  nominal (EUR)  present value (EUR)
	// ------  ----------  ---------------------  ---------  ----------  ----------  ----------  ----------  -------------  -------------------
	// vendor  fees        vendor_fees                 0.00  100,000.00  103,000.00  106,090.00  109,272.70     418,362.70           345,434.85
	// vendor  gov         retained_organisation       0.00        0.00    8,240.00    8,487.20    8,741.82      25,469.02            20,227.38
	// vendor  transition  transition             50,000.00        0.00        0.00        0.00        0.00      50,000.00            50,000.00
	// fees: base 100000 factors [1 1 1.03 1.0609 1.092727]
}
