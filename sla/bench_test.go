package sla_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/require"
)

const benchAgreement = `{"id":"bench","time_zone":"Europe/Berlin",
	"calendar":{"time_zone":"Europe/Berlin","shifts":[
		{"day":"monday","start":"08:00","end":"18:00"},{"day":"tuesday","start":"08:00","end":"18:00"},
		{"day":"wednesday","start":"08:00","end":"18:00"},{"day":"thursday","start":"08:00","end":"18:00"},
		{"day":"friday","start":"08:00","end":"18:00"}]},
	"credits":{"at_risk":"12","repeat":{"after":2,"multiplier":"1.5"},"earn_back":{"periods":3}},
	"breaches":[{"id":"termination","window":12,"threshold":3}],
	"levels":[
		{"id":"up","metric":"availability","expected":"99.9","minimum":"99.5","min_outage":"1m",
		 "credit":{"kind":"allocation","allocation":"60"}},
		{"id":"region","metric":"availability","expected":"99.99","credit":{"kind":"tiers","preset":"aws-ec2-region"}},
		{"id":"res","metric":"resolution_time","expected":"95","minimum":"90","targets":{"P1":"4h","P2":"8h","P3":"24h"},
		 "credit":{"kind":"allocation","allocation":"40"}}]}`

// benchInput makes a year of events for one service: 70% outages, 30%
// tickets (each ticket is one event with a log of 3 to 5 state changes).
func benchInput(seed uint64, n int) sla.Input {
	r := rand.New(rand.NewPCG(seed, 42))
	year := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int64(366 * 24 * time.Hour)
	in := sla.Input{Fees: usd("250000")}
	for i := range n {
		start := year.Add(time.Duration(r.Int64N(span)))
		if i%10 < 7 {
			in.Outages = append(in.Outages, sla.Outage{ID: fmt.Sprint(i), Start: start,
				End: start.Add(time.Duration(r.Int64N(int64(20 * time.Minute))))})
			continue
		}
		step := func() time.Duration { return time.Duration(r.Int64N(int64(6 * time.Hour))) }
		t1 := start.Add(step())
		t2 := t1.Add(step())
		events := []sla.TicketEvent{{Kind: sla.EventKindOpened, At: start}, {Kind: sla.EventKindAssigned, At: t1}}
		if i%3 == 0 {
			resumed := t2.Add(step())
			events = append(events, sla.TicketEvent{Kind: sla.EventKindPending, At: t2},
				sla.TicketEvent{Kind: sla.EventKindResumed, At: resumed})
			t2 = resumed
		}
		events = append(events, sla.TicketEvent{Kind: sla.EventKindResolved, At: t2.Add(step())})
		in.Tickets = append(in.Tickets, sla.Ticket{ID: fmt.Sprint(i), Priority: fmt.Sprintf("P%d", 1+i%3), Events: events})
	}
	return in
}

// BenchmarkMeasureYear measures and credits 1,000 services for twelve
// months, each with a year of events (70% outages, 30% tickets). Twenty
// distinct inputs are cycled to keep memory small; each service is
// prepared and measured in full, the services spread over GOMAXPROCS
// workers by EvaluateAll (run with -cpu 1 for one core). Sub-benchmarks vary the events per
// service to show that cost grows linearly.
func BenchmarkMeasureYear(b *testing.B) {
	a := mustParse(b, benchAgreement)
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, a.Location()), time.Date(2025, 1, 1, 0, 0, 0, 0, a.Location()))
	require.NoError(b, err)
	const services = 1000
	for _, n := range []int{250, 1000} {
		b.Run(fmt.Sprintf("events_per_service=%d", n), func(b *testing.B) {
			distinct := make([]sla.Input, 20)
			for i := range distinct {
				distinct[i] = benchInput(uint64(i), n)
			}
			inputs := make([]sla.Input, services)
			for s := range inputs {
				inputs[s] = distinct[s%len(distinct)]
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.EvaluateAll(inputs, periods, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(services*n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// millionInput draws one service's year for BenchmarkAvailabilityMillion:
// 1,000 outages, start uniform over 2024, duration uniform in [0, 20 min)
// in integer nanoseconds (a zero draw, which an outage cannot be, is
// drawn again).
func millionInput(r *rand.Rand) sla.Input {
	year := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int64(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Sub(year))
	in := sla.Input{Fees: usd("10000.00"), Outages: make([]sla.Outage, 1000)}
	for i := range in.Outages {
		start := year.Add(time.Duration(r.Int64N(span)))
		d := int64(0)
		for d == 0 {
			d = r.Int64N(int64(20 * time.Minute))
		}
		in.Outages[i] = sla.Outage{Start: start, End: start.Add(time.Duration(d))}
	}
	return in
}

// BenchmarkAvailabilityMillion is the work of the vectorised NumPy baseline
// in testdata/availability_million.py: 1,000 services × 1,000 outages over
// 2024; per service and calendar month (UTC, 24×7, no maintenance) the
// downtime is the union of the outages clipped to the month, and the
// availability is held against the aws-ec2-region preset with a monthly fee
// of 10,000.00 USD. The result is every service-month's exact availability
// and credit. EvaluateAll spreads the services over GOMAXPROCS workers
// (run with -cpu 1 for one core).
func BenchmarkAvailabilityMillion(b *testing.B) {
	a := mustParse(b, `{"id":"million","time_zone":"UTC","credits":{},"levels":[
		{"id":"region","metric":"availability","expected":"99.99","credit":{"kind":"tiers","preset":"aws-ec2-region"}}]}`)
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(b, err)
	r := rand.New(rand.NewPCG(42, 42))
	inputs := make([]sla.Input, 1000)
	for i := range inputs {
		inputs[i] = millionInput(r)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := a.EvaluateAll(inputs, periods, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(1000*1000)*float64(b.N)/b.Elapsed().Seconds(), "outages/s")
}
