package sla_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
)

// From plain values to a month's SLA report in five lines: Amazon's
// compute SLA (region level, edition of May 5, 2022) credits 10 % of the
// month's fees when availability falls below 99.99 %, and five minutes
// down in April 2024 is 99.988426 %.
func Example_quickPath() {
	spec, _ := sla.ParseAgreement([]byte(`{"id":"ec2","credits":{},"levels":[{"id":"region","metric":"availability","expected":"99.99","credit":{"kind":"tiers","preset":"aws-ec2-region"}}]}`))
	a, _ := sla.CompileAgreement(spec)
	april, _ := a.PeriodOf(time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC))
	r, _ := a.Report(sla.Input{Fees: outsourcing.MustMoney("1000", "USD"), Outages: []sla.Outage{{Start: april.Start().Add(time.Hour), End: april.Start().Add(65 * time.Minute)}}}, april, nil)
	fmt.Print(r.Markdown())
	// Output:
	// ## ec2 — 2024-04
	//
	// | Level | Metric | Class | Expected | Minimum | Actual | Status | Credit | Trend |
	// |---|---|---|---:|---:|---:|---|---:|---|
	// | region | availability | critical | 99.99 | 99.99 | 99.988426 | missed | 100.00 USD | 99.988426 |
	//
	// - Credits: 100.00 USD (uncapped 100.00 USD)
	// - Earned back: 0.00 USD
	// - Bonus: 0.00 USD
	// - Net: 100.00 USD (rounded half_up)
}
