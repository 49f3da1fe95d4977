package sla_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
)

// Amazon's compute SLA: 5 minutes down in a 30-day month misses 99.99%
// and earns the 10% tier, although 99.98843% rounds to 99.99%.
func ExampleAgreement_Report() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"ec2","credits":{},
		"levels":[{"id":"region","metric":"availability","expected":"99.99",
			"credit":{"kind":"tiers","preset":"aws-ec2-region"}}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	in := sla.Input{Fees: outsourcing.MustMoney("1000.00", "USD"),
		Outages: []sla.Outage{{Start: start.Add(time.Hour), End: start.Add(time.Hour + 5*time.Minute)}}}
	april, err := a.PeriodOf(start)
	if err != nil {
		panic(err)
	}
	r, err := a.Report(in, april, nil)
	if err != nil {
		panic(err)
	}
	l := r.Levels[0]
	fmt.Println(l.Actual, l.Status, l.Credit)
	fmt.Println(l.CreditReason())
	// Output:
	// 99.988426 missed 100.00 USD
	// tier [99, 99.99): 10% of 1000.00 USD
}

// An outsourcing contract: 12% of $1,000,000 at risk, a level with a 40%
// pool allocation missed.
func ExampleAgreement_Evaluate() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"ito","credits":{"at_risk":"12","pool_limit":"200"},
		"levels":[{"id":"service-desk","metric":"resolution_time","expected":"95","minimum":"90",
			"targets":{"P1":"4h"},"credit":{"kind":"allocation","allocation":"40"}}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	start := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	var in sla.Input
	in.Fees = outsourcing.MustMoney("1000000", "USD")
	for i := range 10 { // ten P1 tickets, two of them late
		opened := start.Add(time.Duration(i) * 24 * time.Hour)
		took := 3 * time.Hour
		if i < 2 {
			took = 5 * time.Hour
		}
		in.Tickets = append(in.Tickets, sla.Ticket{ID: fmt.Sprint("INC", i), Priority: "P1", Events: []sla.TicketEvent{
			{Kind: sla.EventKindOpened, At: opened}, {Kind: sla.EventKindResolved, At: opened.Add(took)}}})
	}
	periods, err := a.Periods(start, start.AddDate(0, 1, 0))
	if err != nil {
		panic(err)
	}
	reports, err := a.Evaluate(in, periods, nil)
	if err != nil {
		panic(err)
	}
	r := reports[0]
	fmt.Println(r.Levels[0].Reason())
	fmt.Println("credit:", r.Credits, "of at-risk", r.AtRisk)
	// Output:
	// 80 misses the minimum 90 (8 of 10 tickets within target)
	// credit: 48000.00 USD of at-risk 120000.00 USD
}

// Burn rates on the SRE workbook's multiwindow alerts.
func ExampleAgreement_BurnRates() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"slo","credits":{},
		"levels":[{"id":"api","metric":"availability","expected":"99.9"}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	now := time.Date(2024, 4, 10, 12, 0, 0, 0, time.UTC)
	in := sla.Input{Outages: []sla.Outage{{Start: now.Add(-3 * time.Minute), End: now}}}
	rates, err := a.BurnRates(in, "api", now, nil)
	if err != nil {
		panic(err)
	}
	for _, r := range rates {
		fmt.Printf("%s %s/%s ×%s: %s / %s firing=%v\n", r.Severity, time.Duration(r.Long), time.Duration(r.Short),
			r.Factor, r.LongRate, r.ShortRate, r.Firing)
	}
	// Output:
	// page 1h0m0s/5m0s ×14.4: 50 / 600 firing=true
	// page 6h0m0s/30m0s ×6: 8.333333 / 100 firing=true
	// ticket 24h0m0s/2h0m0s ×3: 2.083333 / 25 firing=false
	// ticket 72h0m0s/6h0m0s ×1: 0.694444 / 8.333333 firing=false
}

// A period report as a Markdown table.
func ExampleReport_Markdown() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"ito","credits":{"at_risk":"10"},"levels":[
		{"id":"erp","metric":"availability","expected":"99.5","minimum":"99","credit":{"kind":"allocation","allocation":"50"}},
		{"id":"p95","metric":"percentile_latency","percentile":"95","expected":"300","class":"key"}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	start := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	in := sla.Input{Fees: outsourcing.MustMoney("50000", "EUR"),
		Outages:   []sla.Outage{{Start: start, End: start.Add(9 * time.Hour)}},
		Latencies: []sla.LatencySample{{At: start, Millis: outsourcing.MustDecimal("120")}}}
	april, err := a.PeriodOf(start)
	if err != nil {
		panic(err)
	}
	r, err := a.Report(in, april, nil)
	if err != nil {
		panic(err)
	}
	fmt.Print(r.Markdown())
	// Output:
	// ## ito — 2024-06
	//
	// | Level | Metric | Class | Expected | Minimum | Actual | Status | Credit | Trend |
	// |---|---|---|---:|---:|---:|---|---:|---|
	// | erp | availability | critical | 99.5 | 99 | 98.75 | missed | 2500.00 EUR | 98.75 |
	// | p95 | percentile_latency | key | 300 | 300 | 120 | met | 0.00 EUR | 120 |
	//
	// - Credits: 2500.00 EUR (uncapped 2500.00 EUR, cap 5000.00 EUR)
	// - Earned back: 0.00 EUR
	// - Bonus: 0.00 EUR
	// - Net: 2500.00 EUR (rounded half_up)
}

// The published tier tables; name one in a level's credit model with
// "credit":{"kind":"tiers","preset":"azure-vm-availability-zones"}.
func ExamplePresets() {
	for _, p := range sla.Presets() {
		fmt.Printf("%s (%s%%):", p.Name, p.Commitment)
		for _, t := range p.Tiers {
			from := "-∞"
			if t.From != nil {
				from = t.From.String()
			}
			fmt.Printf(" [%s, %s) %s;", from, t.To, t.Credit)
		}
		fmt.Println()
	}
	// Output:
	// aws-ec2-instance (99.5%): [99.0, 99.5) 10%; [95.0, 99.0) 30%; [-∞, 95.0) 100%;
	// aws-ec2-region (99.99%): [99.0, 99.99) 10%; [95.0, 99.0) 30%; [-∞, 95.0) 100%;
	// aws-rds-multi-az (99.95%): [99.0, 99.95) 10%; [95.0, 99.0) 25%; [-∞, 95.0) 100%;
	// aws-rds-single-db (99.5%): [99.0, 99.5) 10%; [95.0, 99.0) 25%; [-∞, 95.0) 100%;
	// aws-s3-standard (99.9%): [99.0, 99.9) 10%; [95.0, 99.0) 25%; [-∞, 95.0) 100%;
	// azure-vm-availability-zones (99.99%): [99, 99.99) 10%; [95, 99) 25%; [-∞, 95) 100%;
}

// A weekly maintenance window in local time follows daylight saving: on
// 31 March 2024, when Berlin's clocks skip 02:00–03:00, Sunday 01:00–05:00
// lasts three hours.
func ExampleAgreement_MaintenanceIn() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"ito","time_zone":"Europe/Berlin","credits":{},
		"recurring_maintenance":[{"id":"sunday","day":"sunday","start":"01:00","end":"05:00"},
			{"id":"patch","recurrence":"monthly","week":"first","day":"wednesday","start":"22:00","end":"02:00"}],
		"levels":[{"id":"up","metric":"availability","expected":"99.9","denominator":"period_minus_maintenance"}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	p, err := a.PeriodOf(time.Date(2024, 3, 15, 0, 0, 0, 0, a.Location()))
	if err != nil {
		panic(err)
	}
	for _, w := range a.MaintenanceIn(p.Start(), p.End()) {
		fmt.Println(w.ID, w.Start.Format("Mon 2006-01-02 15:04 MST"), w.End.Sub(w.Start))
	}
	r, err := a.Report(sla.Input{Fees: outsourcing.MustMoney("1", "EUR")}, p, nil)
	if err != nil {
		panic(err)
	}
	fmt.Println("measured:", time.Duration(r.Levels[0].Denominator), "of", p.Duration())
	// Output:
	// sunday Sun 2024-03-03 01:00 CET 4h0m0s
	// patch Wed 2024-03-06 22:00 CET 4h0m0s
	// sunday Sun 2024-03-10 01:00 CET 4h0m0s
	// sunday Sun 2024-03-17 01:00 CET 4h0m0s
	// sunday Sun 2024-03-24 01:00 CET 4h0m0s
	// sunday Sun 2024-03-31 01:00 CET 3h0m0s
	// measured: 720h0m0s of 743h0m0s
}

// A ticket still open past its deadline at the month's end is a miss in
// that month, and is not counted again when it is resolved in the next.
func ExampleAgreement_Evaluate_lateOpenTicket() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"desk","credits":{},
		"levels":[{"id":"p1","metric":"resolution_time","expected":"90","targets":{"P1":"4h"}}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	in := sla.Input{Fees: outsourcing.MustMoney("1", "EUR"), Tickets: []sla.Ticket{
		{ID: "INC1", Priority: "P1", Events: []sla.TicketEvent{
			{Kind: sla.EventKindOpened, At: at("2024-05-31T18:00:00Z")}, // due 22:00
			{Kind: sla.EventKindResolved, At: at("2024-06-01T09:00:00Z")}}},
		{ID: "INC2", Priority: "P1", Events: []sla.TicketEvent{
			{Kind: sla.EventKindOpened, At: at("2024-06-03T08:00:00Z")},
			{Kind: sla.EventKindResolved, At: at("2024-06-03T10:00:00Z")}}},
	}}
	periods, err := a.Periods(at("2024-05-01T00:00:00Z"), at("2024-07-01T00:00:00Z"))
	if err != nil {
		panic(err)
	}
	reports, err := a.Evaluate(in, periods, nil)
	if err != nil {
		panic(err)
	}
	for _, r := range reports {
		fmt.Println(r.Period.Label(), r.Levels[0].Reason())
	}
	// Output:
	// 2024-05 0 misses the minimum 90 (0 of 1 tickets within target, 1 still open past the deadline)
	// 2024-06 100 is at least the expected 90 (1 of 1 tickets within target)
}

// An estate of three services, one Input each, reported at once over the
// first quarter on worker goroutines; the Texas DIR pool allocation of a
// 10% at-risk amount, with a 150% pool limit, split over two levels of
// the service. Results come back in input order whatever the workers.
func ExampleAgreement_EvaluateAll() {
	spec, err := sla.ParseAgreement([]byte(`{"id":"estate","credits":{"at_risk":"10","pool_limit":"150"},
		"levels":[
			{"id":"up","metric":"availability","expected":"99.9","minimum":"99.5","credit":{"kind":"allocation","allocation":"60"}},
			{"id":"up-strict","metric":"availability","expected":"99.99","minimum":"99.95","credit":{"kind":"allocation","allocation":"40"}}]}`))
	if err != nil {
		panic(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		panic(err)
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	periods, err := a.Periods(start, start.AddDate(0, 3, 0))
	if err != nil {
		panic(err)
	}
	var inputs []sla.Input
	for _, hours := range []time.Duration{0, 2, 8} { // down on 10 February
		in := sla.Input{Fees: outsourcing.MustMoney("100000.00", "USD")}
		if down := start.AddDate(0, 1, 9); hours > 0 {
			in.Outages = []sla.Outage{{Start: down, End: down.Add(hours * time.Hour)}}
		}
		inputs = append(inputs, in)
	}
	all, err := a.EvaluateAll(inputs, periods, 0)
	if err != nil {
		panic(err)
	}
	for i, reports := range all {
		feb := reports[1]
		fmt.Printf("service %d: %s credits %s", i, feb.Period.Label(), feb.Credits)
		for _, l := range feb.Levels {
			if l.Credit.IsPositive() {
				fmt.Printf(", %s %s (%s%% of the credits)", l.ID, l.Credit, l.CreditShare)
			}
		}
		fmt.Println()
	}
	// Output:
	// service 0: 2024-02 credits 0.00 USD
	// service 1: 2024-02 credits 4000.00 USD, up-strict 4000.00 USD (100% of the credits)
	// service 2: 2024-02 credits 10000.00 USD, up 6000.00 USD (60% of the credits), up-strict 4000.00 USD (40% of the credits)
}
