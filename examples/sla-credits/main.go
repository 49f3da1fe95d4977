// Command sla-credits computes a year of monthly service-level reports for
// a realistic infrastructure outsourcing agreement: ERP and network
// availability with maintenance windows, incident resolution in business
// hours with the clock paused while the customer is awaited, a key
// satisfaction measurement, 12% of the monthly charges at risk nested over
// three services (ERP, network, service desk) and each service's share
// over its levels, a cap of 3% of the charges, a repeated-miss multiplier,
// earn-back, a bonus, and two termination rights: credits at the cap in 2
// of any 6 months, and a minimum missed in 3 of any 12 (Handbook §3.1,
// §4.3, §6.4, §7.1).
//
// The events are generated from a fixed seed, so every run prints the same
// tables.
package main

import (
	"fmt"
	"log"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/shopspring/decimal"
)

const agreement = `{
  "id": "ito-2024", "name": "Infrastructure and service desk outsourcing", "time_zone": "Europe/Berlin",
  "calendar": {"time_zone": "Europe/Berlin", "shifts": [
    {"day": "monday", "start": "08:00", "end": "18:00"}, {"day": "tuesday", "start": "08:00", "end": "18:00"},
    {"day": "wednesday", "start": "08:00", "end": "18:00"}, {"day": "thursday", "start": "08:00", "end": "18:00"},
    {"day": "friday", "start": "08:00", "end": "18:00"}],
    "holidays": [{"date": "2024-01-01"}, {"date": "2024-03-29"}, {"date": "2024-04-01"}, {"date": "2024-05-01"},
      {"date": "2024-05-09"}, {"date": "2024-05-20"}, {"date": "2024-10-03"}, {"date": "2024-12-25"}, {"date": "2024-12-26"}]},
  "maintenance": [
    {"id": "q1", "start": "2024-02-04T01:00:00+01:00", "end": "2024-02-04T05:00:00+01:00"},
    {"id": "q2", "start": "2024-05-05T01:00:00+02:00", "end": "2024-05-05T05:00:00+02:00"},
    {"id": "q3", "start": "2024-08-04T01:00:00+02:00", "end": "2024-08-04T05:00:00+02:00"},
    {"id": "q4", "start": "2024-11-03T01:00:00+01:00", "end": "2024-11-03T05:00:00+01:00"}],
  "credits": {"at_risk": "12", "cap": "3", "repeat": {"after": 2, "multiplier": "1.5"},
    "services": [{"service": "erp", "allocation": "40"}, {"service": "network", "allocation": "30"},
      {"service": "service-desk", "allocation": "30"}],
    "earn_back": {"periods": 3}, "bonus": {"percent": "0.5", "cap": "1"}, "rounding": "half_even"},
  "breaches": [
    {"id": "cap-termination", "count": "at_cap", "threshold": 2, "window": 6},
    {"id": "minimum-termination", "threshold": 3, "window": 12}],
  "levels": [
    {"id": "erp-availability", "service": "erp", "metric": "availability", "expected": "99.9", "minimum": "99.5",
     "denominator": "period_minus_maintenance", "min_outage": "2m", "exclusions": ["customer-caused"],
     "credit": {"kind": "allocation", "allocation": "100"}},
    {"id": "network-availability", "service": "network", "metric": "availability", "expected": "99.95", "minimum": "99.8",
     "min_outage": "1m", "credit": {"kind": "allocation", "allocation": "100"},
     "improvement": {"periods": 3, "share": "0.5", "cap": "99.99"}},
    {"id": "p1-resolution", "service": "service-desk", "metric": "resolution_time", "expected": "95", "minimum": "90",
     "targets": {"P1": "4h"}, "exclusions": ["customer-caused"], "credit": {"kind": "allocation", "allocation": "60"}},
    {"id": "p2-resolution", "service": "service-desk", "metric": "resolution_time", "expected": "90", "minimum": "85",
     "targets": {"P2": "16h"}, "credit": {"kind": "allocation", "allocation": "40"}},
    {"id": "response", "metric": "response_time", "class": "key", "expected": "95", "targets": {"P1": "15m", "P2": "1h"}},
    {"id": "satisfaction", "metric": "custom", "class": "key", "rule": "mean-csat", "expected": "4.2", "minimum": "3.8"}
  ],
  "rules": [
    {"id": "customer-caused", "description": "caused by the customer (Handbook §3.1 responsibility split)",
     "expression": "cause == \"customer\""},
    {"id": "mean-csat", "description": "mean survey score, 1 to 5",
     "expression": "counts[\"csat\"] > 0 ? values[\"csat\"] / counts[\"csat\"] : Dec(\"5\")"}
  ]
}`

func main() {
	spec, err := sla.ParseAgreement([]byte(agreement))
	if err != nil {
		log.Fatal(err)
	}
	a, err := sla.CompileAgreement(spec)
	if err != nil {
		log.Fatal(err)
	}
	loc := a.Location()
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, loc), time.Date(2025, 1, 1, 0, 0, 0, 0, loc))
	if err != nil {
		log.Fatal(err)
	}
	reports, err := a.Evaluate(events(loc), periods, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Monthly credits (12% at risk, capped at 3% of the charges)")
	fmt.Println(months(reports).Text())
	worst := reports[0]
	for _, r := range reports {
		if r.Uncapped.Amount().GreaterThan(worst.Uncapped.Amount()) {
			worst = r
		}
	}
	fmt.Printf("%s: the pool nested over services, then levels (at risk %s)\n", worst.Period.Label(), worst.AtRisk.Grouped())
	fmt.Println(levels(worst).Text())
	fmt.Println("Termination rights")
	for _, line := range terminations(reports) {
		fmt.Println(line)
	}
	total := outsourcing.ZeroMoney("EUR")
	for _, r := range reports {
		if total, err = total.Add(r.Net); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("\nNet credits for 2024:", total.Grouped())
}

// months lays out the year, a row a month.
func months(reports []sla.Report) outsourcing.Table {
	t := outsourcing.Table{Header: []string{"Month", "Missed minimum", "Uncapped", "Credits", "At cap", "Earned back", "Bonus", "Net"},
		Numeric: []bool{false, false, true, true, false, true, true, true}}
	for _, r := range reports {
		var missed []string
		for _, l := range r.Levels {
			if l.Class == sla.LevelClassCritical && l.Status == sla.StatusMissed {
				missed = append(missed, l.ID)
			}
		}
		atCap := ""
		if r.AtCap {
			atCap = "yes"
		}
		t.Rows = append(t.Rows, []string{r.Period.Label(), strings.Join(missed, ", "), r.Uncapped.Grouped(), r.Credits.Grouped(),
			atCap, r.EarnedBack.Grouped(), r.Bonus.Grouped(), r.Net.Grouped()})
	}
	return t
}

// levels shows a month's critical levels with their nested shares.
func levels(r sla.Report) outsourcing.Table {
	t := outsourcing.Table{Header: []string{"Level", "Service", "Service share", "Level share", "Status", "Before cap", "Credit"},
		Numeric: []bool{false, false, true, true, false, true, true}}
	for _, l := range r.Levels {
		if l.Class != sla.LevelClassCritical {
			continue
		}
		t.Rows = append(t.Rows, []string{l.ID, l.Service, share(l.ServiceAllocation), share(l.CreditPercent),
			string(l.Status), l.CreditBeforeCap.Grouped(), l.Credit.Grouped()})
	}
	return t
}

// share shows a percent that applied, blank when none did.
func share(p outsourcing.Percent) string {
	if p.IsZero() {
		return ""
	}
	return p.String()
}

// terminations says when each termination right first arose, with the
// months that gave rise to it.
func terminations(reports []sla.Report) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range reports {
		for _, s := range r.Signals {
			key := s.Rule + "/" + s.Level
			if !s.Triggered || seen[key] {
				continue
			}
			seen[key] = true
			what := "credits at the cap"
			if s.Level != "" {
				what = s.Level + " missed its minimum"
			}
			out = append(out, fmt.Sprintf("- %s, %s: %s in %d of the last %d months (%s)", r.Period.Label(), s.Rule, what,
				s.Counted, s.Read, strings.Join(s.Periods, ", ")))
		}
	}
	if len(out) == 0 {
		out = append(out, "- none arose")
	}
	return out
}

// events generates a year of outages, tickets and survey scores.
func events(loc *time.Location) sla.Input {
	r := rand.New(rand.NewPCG(2024, 7))
	in := sla.Input{Fees: outsourcing.MustMoney("400000.00", "EUR")}
	year := time.Date(2024, 1, 1, 0, 0, 0, 0, loc)
	at := func() time.Time { return year.Add(time.Duration(r.Int64N(int64(365 * 24 * time.Hour)))) }
	for i := range 60 {
		service := []string{"erp", "network"}[i%2]
		start := at()
		length := time.Duration(1+r.IntN(40)) * time.Minute
		if i%17 == 0 {
			length = time.Duration(2+r.IntN(5)) * time.Hour // a bad month
		}
		cause := "vendor"
		if i%9 == 0 {
			cause = "customer"
		}
		in.Outages = append(in.Outages, sla.Outage{ID: fmt.Sprint("OUT-", i), Service: service, Cause: cause,
			Start: start, End: start.Add(length)})
	}
	for i := range 600 {
		priority := "P2"
		if i%5 == 0 {
			priority = "P1"
		}
		opened := at()
		step := func(max time.Duration) time.Duration { return time.Duration(r.Int64N(int64(max))) }
		assigned := opened.Add(step(40 * time.Minute))
		events := []sla.TicketEvent{{Kind: sla.EventKindOpened, At: opened}, {Kind: sla.EventKindAssigned, At: assigned}}
		last := assigned
		if i%4 == 0 { // waiting for the customer over a night or a weekend
			pending := last.Add(step(time.Hour))
			last = pending.Add(step(60 * time.Hour))
			events = append(events, sla.TicketEvent{Kind: sla.EventKindPending, At: pending},
				sla.TicketEvent{Kind: sla.EventKindResumed, At: last})
		}
		work := step(5 * time.Hour)
		if priority == "P2" {
			work = step(30 * time.Hour)
		}
		events = append(events, sla.TicketEvent{Kind: sla.EventKindResolved, At: last.Add(work)})
		in.Tickets = append(in.Tickets, sla.Ticket{ID: fmt.Sprint("INC-", i), Service: "service-desk", Priority: priority, Events: events})
	}
	for range 240 {
		score := decimal.NewFromInt(int64(3 + r.IntN(3)))
		in.Measures = append(in.Measures, sla.Measure{Name: "csat", At: at(), Value: outsourcing.DecimalOf(score)})
	}
	return in
}
