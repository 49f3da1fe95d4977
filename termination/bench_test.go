package termination_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/require"
)

// BenchmarkSettle settles a 5-year contract billed monthly (60 fee
// lines in its schedule) for convenience, with 24 SLA reports carrying
// credits (12 already applied) and the unrecovered investment of a
// 60-month amortisation schedule as the early-termination charge.
func BenchmarkSettle(b *testing.B) {
	cspec, err := contract.ParseContract(load("contract.json"))
	require.NoError(b, err)
	cspec.Term.End = contract.MustDate(2030, 12, 31)
	cspec.Pricing.Fees = cspec.Pricing.Fees[:1] // base: 40,000.00 a month
	c, err := contract.CompileContract(cspec)
	require.NoError(b, err)
	require.Len(b, c.PaymentSchedule(), 60)
	tspec, err := termination.ParseTerms(load("terms.json"))
	require.NoError(b, err)
	tspec.EarlyTermination = &termination.EarlyTermination{Clause: "12.4", Method: termination.ChargeUnrecoveredInvestment,
		Investment: &termination.Investment{Amount: outsourcing.MustMoney("1200000.00", "EUR"), AnnualRate: outsourcing.MustPercent("6"),
			Months: 60, Start: contract.MustDate(2026, 1, 1)}}
	terms, err := termination.CompileTerms(tspec, c)
	require.NoError(b, err)

	doc := `{"contract": "ITO-2026-001", "effective": "2028-06-15", "ground": "convenience", "sla_reports": [`
	var applied []string
	for i := range 24 {
		start := contract.MustDate(2026, 1, 1).AddMonths(i)
		label := fmt.Sprintf("%04d-%02d", start.Year(), int(start.Month()))
		if i > 0 {
			doc += ","
		}
		doc += fmt.Sprintf(`{"agreement": "ito-sla", "period": {"label": %[1]q, "start": "%[2]sT00:00:00Z", "end": "%[3]sT00:00:00Z"},
			"levels": [{"id": "dc", "metric": "availability", "class": "critical", "polarity": "higher", "expected": "99.9",
			  "minimum": "99.5", "actual": "99", "exact": "99", "status": "missed", "reason": "99 misses the minimum 99.5",
			  "credit": %[4]s, "earned_back": %[5]s, "missed_expected_run": 1, "missed_minimum_run": 1,
			  "better_than_expected_run": 0, "trend": [{"period": %[1]q, "actual": "99", "status": "missed"}]}],
			"fees": {"amount": "40000.00", "currency": "EUR"}, "at_risk": %[4]s, "uncapped": %[4]s, "credits": %[4]s,
			"earned_back": %[5]s, "bonus": %[5]s, "net": %[4]s, "rounding": "half_up"}`,
			label, start, start.AddMonths(1), `{"amount": "1200.00", "currency": "EUR"}`, `{"amount": "0.00", "currency": "EUR"}`)
		if i%2 == 0 {
			applied = append(applied, fmt.Sprintf("%q", label))
		}
	}
	doc += fmt.Sprintf(`], "applied_credits": [%s]}`, strings.Join(applied, ", "))
	in, err := termination.ParseSettlement([]byte(doc))
	require.NoError(b, err)
	l, err := terms.Settle(in)
	require.NoError(b, err)
	require.NotEmpty(b, l.Lines)

	b.ReportAllocs()
	for b.Loop() {
		if _, err := terms.Settle(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTriggers1k evaluates the default triggers on 1,000 contexts:
// the sample context on 1,000 days from its own, with the vendor's
// status and a strategic change varied.
func BenchmarkTriggers1k(b *testing.B) {
	terms := sampleTerms(b)
	base, err := termination.ParseContext(load("context.json"))
	require.NoError(b, err)
	triggers := termination.DefaultTriggers()
	contexts := make([]termination.ContextSpec, 1000)
	for i := range contexts {
		ctx := base
		ctx.AsOf = base.AsOf.AddDays(i - 500)
		ctx.Vendor.Insolvent, ctx.StrategicChange = i%7 == 0, i%5 == 0
		contexts[i] = ctx
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, ctx := range contexts {
			if _, err := triggers.Evaluate(terms, ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
}
