package sla_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
)

// TestReportsIgnoreDecimalGlobals renders an agreement, its input and six
// months of reports that use every decimal field (trailing zeros in the
// document, a latency with a positive exponent, tiers, repeat,
// improvement, bonus, earn-back, budgets, burn rates) as JSON, Markdown
// and text, and checks the bytes do not change when a host sets
// shopspring/decimal's package globals before evaluating. Not parallel:
// it changes them.
func TestReportsIgnoreDecimalGlobals(t *testing.T) {
	a := mustParse(t, `{"id":"ito","time_zone":"UTC",
		"credits":{"at_risk":"10.0","repeat":{"after":2,"multiplier":"2.0"},"earn_back":{"periods":2},"bonus":{"percent":"1.00","cap":"5"}},
		"breaches":[{"id":"termination","window":4,"threshold":2}],
		"levels":[
		{"id":"up","metric":"availability","expected":"99.00","minimum":"98.0",
		 "credit":{"kind":"allocation","allocation":"20"},"improvement":{"periods":2,"share":"0.50","cap":"99.50"}},
		{"id":"region","metric":"availability","expected":"99.990","credit":{"kind":"tiers","tiers":[
		 {"from":"99.0","to":"99.990","credit":"10"},{"to":"99.0","credit":"30"}]}},
		{"id":"p90","metric":"percentile_latency","percentile":"90.0","expected":"200.0","minimum":"300","class":"key"},
		{"id":"csat","metric":"custom","rule":"csat","expected":"4.0","minimum":"3.50","class":"key"}],
		"rules":[{"id":"csat","expression":"counts[\"csat\"] > 0 ? values[\"csat\"] / counts[\"csat\"] : Dec(\"5\")"}]}`)
	from := at(t, "2024-01-01T00:00:00Z")
	periods, err := a.Periods(from, at(t, "2024-07-01T00:00:00Z"))
	require.NoError(t, err)
	in := sla.Input{Fees: usd("10000.00")}
	for i, share := range []float64{0.03, 0.03, 0, 0, 0.001, 0.03} {
		p := periods[i]
		if share > 0 {
			in.Outages = append(in.Outages, sla.Outage{ID: fmt.Sprint(i), Start: p.Start(), End: p.Start().Add(time.Duration(share * float64(p.Duration())))})
		}
		in.Latencies = append(in.Latencies,
			sla.LatencySample{At: p.Start().Add(time.Hour), Millis: outsourcing.MustDecimal("120.50")},
			sla.LatencySample{At: p.Start().Add(2 * time.Hour), Millis: outsourcing.DecimalOf(decimal.New(25, 1))})
		in.Measures = append(in.Measures, sla.Measure{Name: "csat", At: p.Start().Add(time.Hour), Value: outsourcing.MustDecimal("3.60")})
	}
	testkit.AssertGlobalsIgnored(t, func() []byte {
		reports, err := a.Evaluate(in, periods, nil)
		require.NoError(t, err)
		require.NotNil(t, reports[3].Levels[0].NextExpected, "the improvement raised the level")
		require.NotNil(t, reports[0].Levels[0].ErrorBudget)
		rates, err := a.BurnRates(in, "up", periods[5].Start().Add(time.Hour), nil)
		require.NoError(t, err)
		var out []byte
		for _, v := range []any{a.Spec(), in, reports, rates, sla.Presets()} {
			data, err := json.MarshalIndent(v, "", "  ")
			require.NoError(t, err)
			out = append(append(out, data...), '\n')
		}
		for _, r := range reports {
			out = append(out, r.Markdown()+r.Text()...)
			for _, l := range r.Levels {
				out = fmt.Appendf(out, "%v %v %v %v %s; %s\n", l.Expected, l.Minimum, l.Actual, l.NextExpected, l.Reason(), l.CreditReason())
			}
		}
		return fmt.Appendf(out, "%v\n", rates)
	})
}
