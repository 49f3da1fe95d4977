package sla_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
)

// mustCompile parses and compiles an agreement for the examples.
func mustCompile(doc string) *sla.Agreement {
	spec, err := sla.ParseAgreement([]byte(doc))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	return a
}

// Texas DIR's Service Level Credit is A × B × C: the performance
// category's share of the pool, the level's share of the category and
// the at-risk amount. $100,000 invoiced, 10% at risk, 50% × 40% = $2,000.
func ExampleCreditTerms_services() {
	a := mustCompile(`{"id":"dir","credits":{"at_risk":"10","services":[
			{"service":"data-center","allocation":"50"},{"service":"network","allocation":"30"}]},
		"levels":[{"id":"dc-availability","service":"data-center","metric":"availability","expected":"99.9","minimum":"99.5",
			"credit":{"kind":"allocation","allocation":"40"}}]}`)
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	in := sla.Input{Fees: outsourcing.MustMoney("100000", "USD"),
		Outages: []sla.Outage{{Service: "data-center", Start: start, End: start.Add(4 * time.Hour)}}}
	april, _ := a.PeriodOf(start)
	r, err := a.Report(in, april, nil)
	if err != nil {
		panic(err)
	}
	l := r.Levels[0]
	fmt.Println(l.ServiceAllocation, "×", l.CreditPercent, "=", l.Credit)
	fmt.Println(l.CreditReason())
	// Output:
	// 50% × 40% = 2000.00 USD
	// minimum missed: allocation 40% of service "data-center"'s 5000.00 USD, which is 50% of at-risk 10000.00 USD
}

// "Credits at the cap in 2 of any 4 months" (OneNeck's termination
// clause): each report counts the months, with the months as evidence.
func ExampleBreachRule() {
	a := mustCompile(`{"id":"t","credits":{"cap":"20"},
		"breaches":[{"id":"termination","count":"at_cap","threshold":2,"window":4}],
		"levels":[{"id":"up","metric":"availability","expected":"99.9","minimum":"99",
			"credit":{"kind":"tiers","tiers":[{"to":"99","credit":"100"}]}}]}`)
	periods, _ := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	in := sla.Input{Fees: outsourcing.MustMoney("1000", "USD")}
	for _, k := range []int{1, 4} { // February and May down for ten hours
		s := periods[k].Start()
		in.Outages = append(in.Outages, sla.Outage{Start: s, End: s.Add(10 * time.Hour)})
	}
	reports, err := a.Evaluate(in, periods, nil)
	if err != nil {
		panic(err)
	}
	for _, r := range reports {
		s := r.Signals[0]
		fmt.Println(r.Period.Label(), r.AtCap, s.Counted, s.Periods, s.Triggered)
	}
	// Output:
	// 2024-01 false 0 [] false
	// 2024-02 true 1 [2024-02] false
	// 2024-03 false 1 [2024-02] false
	// 2024-04 false 1 [2024-02] false
	// 2024-05 true 2 [2024-02 2024-05] true
}

// The SRE workbook's alerts for a 99.9% SLO over 28 days, counted in
// requests: four minutes at 5% errors burn the budget 50 times too fast.
func ExampleAgreement_RollingBudget() {
	a := mustCompile(`{"id":"slo","credits":{},"levels":[{"id":"api","metric":"availability","expected":"99.9"}]}`)
	asOf := time.Date(2024, 4, 29, 0, 0, 0, 0, time.UTC)
	in := sla.Input{Requests: []sla.RequestSample{
		{Start: asOf.Add(-10 * 24 * time.Hour), Requests: 988000},
		{Start: asOf.Add(-4 * time.Minute), Requests: 12000, Errors: 600}}}
	b, err := a.RollingBudget(in, "api", asOf, sla.BudgetWindow{Length: sla.Duration(28 * 24 * time.Hour),
		Method: sla.BudgetMethodOccurrences})
	if err != nil {
		panic(err)
	}
	fmt.Println(b.Bad, "of", b.Allowed, "errors allowed,", b.RemainingPercent, "% left")
	for _, w := range b.Burn {
		fmt.Println(w.Severity, time.Duration(w.Long), w.Factor, w.LongRate, w.Firing)
	}
	// Output:
	// 600 of 1000 errors allowed, 40 % left
	// page 1h0m0s 13.44 50 true
	// page 6h0m0s 5.6 50 true
	// ticket 72h0m0s 0.933333 50 true
}

// A P1 ticket on ServiceNow's 8-5 weekday schedule, as its task SLA reads
// at 17:00 on the day it was opened at noon.
func ExampleAgreement_TaskSLAs() {
	a := mustCompile(`{"id":"desk","time_zone":"America/Los_Angeles","calendar":{"time_zone":"America/Los_Angeles","shifts":[
			{"day":"monday","start":"08:00","end":"17:00"},{"day":"tuesday","start":"08:00","end":"17:00"},
			{"day":"wednesday","start":"08:00","end":"17:00"},{"day":"thursday","start":"08:00","end":"17:00"},
			{"day":"friday","start":"08:00","end":"17:00"}]},"credits":{},
		"levels":[{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h"}}]}`)
	loc := a.Location()
	in := sla.Input{Tickets: []sla.Ticket{{ID: "INC1", Priority: "P1", Events: []sla.TicketEvent{
		{Kind: sla.EventKindOpened, At: time.Date(2014, 12, 31, 12, 0, 0, 0, loc)}}}}}
	clocks, err := a.TaskSLAs(in, "resolution", time.Date(2014, 12, 31, 17, 0, 0, 0, loc))
	if err != nil {
		panic(err)
	}
	c := clocks[0]
	fmt.Println(c.Stage, time.Duration(c.BusinessElapsed), c.BusinessPercentage, time.Duration(c.BusinessTimeLeft))
	fmt.Println("due", c.Due.In(loc).Format(time.DateTime), "breached", c.Breached)
	// Output:
	// in_progress 5h0m0s 62.5 3h0m0s
	// due 2015-01-01 11:00:00 breached false
}

// Four-week periods from a first Monday, in Berlin: the one holding the
// end of summer time lasts an hour more.
func ExampleAgreementSpec_periodDays() {
	a := mustCompile(`{"id":"p","time_zone":"Europe/Berlin","period":"days","period_days":28,"period_start":"2024-01-01",
		"credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	p, _ := a.PeriodOf(time.Date(2024, 10, 27, 12, 0, 0, 0, time.UTC))
	fmt.Println(p.Label(), p.Duration())
	// Output:
	// 2024-10-07..2024-11-03 673h0m0s
}
