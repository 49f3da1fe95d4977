package sla_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// poolAgreement has three critical levels with allocations summing to 140%
// of a 10% at-risk amount.
const poolAgreement = `{"id":"ito","time_zone":"UTC","credits":{"at_risk":"10","pool_limit":"150"},"levels":[
	{"id":"incident","service":"incident","metric":"availability","expected":"99.9","minimum":"99.5","credit":{"kind":"allocation","allocation":"40"}},
	{"id":"availability","service":"availability","metric":"availability","expected":"99.9","minimum":"99.5","credit":{"kind":"allocation","allocation":"50"}},
	{"id":"backup","service":"backup","metric":"availability","expected":"99.9","minimum":"99.5","credit":{"kind":"allocation","allocation":"50"}}]}`

// downFor returns an outage of service long enough to miss 99.5% in April 2024.
func downFor(t *testing.T, service string) sla.Outage {
	start := at(t, "2024-04-10T00:00:00Z")
	return sla.Outage{ID: service, Service: service, Start: start, End: start.Add(4 * time.Hour)}
}

func TestOutsourcingPoolAllocationAndCap(t *testing.T) {
	var data struct {
		Source       string `json:"source"`
		Fees         string `json:"fees"`
		AtRiskAmount string `json:"at_risk_amount"`
		Cases        []struct {
			Name     string   `json:"name"`
			Missed   []string `json:"missed"`
			Credits  string   `json:"credits"`
			Uncapped string   `json:"uncapped"`
			Source   string   `json:"source"`
			Levels   map[string]struct {
				CreditBeforeCap string `json:"credit_before_cap"`
				CreditPercent   string `json:"credit_percent"`
				CreditShare     string `json:"credit_share"`
				Credit          string `json:"credit"`
			} `json:"levels"`
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/outsourcing_credits.json", &data)
	a := mustParse(t, poolAgreement)
	for _, c := range data.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			in := sla.Input{Fees: usd(data.Fees)}
			for _, s := range c.Missed {
				in.Outages = append(in.Outages, downFor(t, s))
			}
			r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
			require.NoError(t, err)
			assertMoney(t, data.AtRiskAmount, r.AtRisk)
			assertMoney(t, c.Credits, r.Credits)
			if c.Uncapped != "" {
				assertMoney(t, c.Uncapped, r.Uncapped)
				require.NotNil(t, r.Cap)
				assertMoney(t, data.AtRiskAmount, *r.Cap)
			}
			sum := usd("0")
			for _, l := range r.Levels {
				sum, _ = sum.Add(l.Credit)
				assert.Equal(t, slices.Contains(c.Missed, l.ID), l.Credit.IsPositive(), l.ID)
				want, ok := c.Levels[l.ID]
				if !ok {
					assertMoney(t, "0", l.CreditBeforeCap, l.ID)
					assert.True(t, l.CreditShare.IsZero(), l.ID)
					continue
				}
				assertMoney(t, want.CreditBeforeCap, l.CreditBeforeCap, l.ID)
				testkit.AssertDecimal(t, want.CreditPercent, l.CreditPercent.Points(), l.ID)
				testkit.AssertDecimal(t, want.CreditShare, l.CreditShare, l.ID)
				assertMoney(t, want.Credit, l.Credit, l.ID)
			}
			assert.True(t, sum.Equal(r.Credits), "level credits sum exactly to the total")
		})
	}
}

func TestCapRoundingOnce(t *testing.T) {
	// Three equal credits of 1/3 each: the capped total 10.00 is rounded
	// once and shared 3.34 + 3.33 + 3.33 (largest remainder).
	a := mustParse(t, `{"id":"r","credits":{"cap":"1","rounding":"half_even"},"levels":[
		{"id":"a","service":"a","metric":"availability","expected":"99","credit":{"kind":"tiers","tiers":[{"to":"99","credit":"50"}]}},
		{"id":"b","service":"b","metric":"availability","expected":"99","credit":{"kind":"tiers","tiers":[{"to":"99","credit":"50"}]}},
		{"id":"c","service":"c","metric":"availability","expected":"99","credit":{"kind":"tiers","tiers":[{"to":"99","credit":"50"}]}}]}`)
	in := sla.Input{Fees: usd("1000")}
	for _, s := range []string{"a", "b", "c"} {
		in.Outages = append(in.Outages, downFor(t, s)) // 4h of 720h: 99.44% < 99
	}
	in.Outages[0].End = in.Outages[0].End.Add(10 * time.Hour)
	in.Outages[1].End = in.Outages[1].End.Add(10 * time.Hour)
	in.Outages[2].End = in.Outages[2].End.Add(10 * time.Hour)
	r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
	require.NoError(t, err)
	assertMoney(t, "1500.00", r.Uncapped)
	assertMoney(t, "10.00", r.Credits)
	assertMoney(t, "3.34", r.Levels[0].Credit)
	assertMoney(t, "3.33", r.Levels[1].Credit)
	assertMoney(t, "3.33", r.Levels[2].Credit)
}

func TestRepeatEarnBackBonusImprovementAndBreach(t *testing.T) {
	a := mustParse(t, `{"id":"ito","credits":{"at_risk":"10","repeat":{"after":2,"multiplier":"2"},
		"earn_back":{"periods":2},"bonus":{"percent":"1","cap":"5"}},
		"breaches":[{"id":"termination","window":4,"threshold":2}],
		"levels":[{"id":"up","metric":"availability","expected":"99","minimum":"98",
			"credit":{"kind":"allocation","allocation":"20"},
			"improvement":{"periods":2,"share":"0.5","cap":"99.5"}}]}`)
	from := at(t, "2024-01-01T00:00:00Z")
	periods, err := a.Periods(from, at(t, "2024-07-01T00:00:00Z"))
	require.NoError(t, err)
	require.Len(t, periods, 6)
	// Downtime per month as a share of the month: Jan 3% (missed), Feb 3%
	// (missed again: ×2), Mar 0 and Apr 0 (met twice: earn back Feb's
	// credit in April; improvement raises 99 halfway to 100 = 99.5, capped).
	down := []float64{0.03, 0.03, 0, 0, 0.001, 0.03}
	var in sla.Input
	in.Fees = usd("10000")
	for i, p := range periods {
		if down[i] == 0 {
			continue
		}
		d := time.Duration(down[i] * float64(p.Duration()))
		in.Outages = append(in.Outages, sla.Outage{ID: fmt.Sprint(i), Start: p.Start(), End: p.Start().Add(d)})
	}
	reports, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	// at risk 1,000; allocation 20% → 200; repeated miss ×2 → 400.
	assertMoney(t, "200.00", reports[0].Credits)
	assertMoney(t, "400.00", reports[1].Credits)
	assert.Contains(t, reports[1].Levels[0].CreditReason(), "×2")
	assert.True(t, reports[1].Signals[0].Triggered, "2 misses in a 4-period window")
	// March: met, above expected: bonus 1% of fees.
	assertMoney(t, "100.00", reports[2].Bonus)
	assert.Equal(t, 1, reports[2].Levels[0].BetterThanExpectedRun)
	// April: second period met after February: February's 400 earned back.
	assertMoney(t, "400.00", reports[3].EarnedBack)
	assertMoney(t, "-500.00", reports[3].Net, "earn-back 400 and bonus 100")
	require.NotNil(t, reports[3].Levels[0].NextExpected)
	testkit.AssertDecimal(t, "99.5", reports[3].Levels[0].NextExpected.Shopspring())
	// May: the raised level is in force: 99.9% beats 99.5%.
	testkit.AssertDecimal(t, "99.5", reports[4].Levels[0].Expected.Shopspring())
	assert.Equal(t, sla.StatusMet, reports[4].Levels[0].Status)
	// June: missed again; the window (Mar–Jun) holds one miss only.
	assert.False(t, reports[5].Signals[0].Triggered)
	assert.Equal(t, 1, reports[5].Signals[0].Counted)
	assert.Len(t, reports[5].Levels[0].Trend, sla.TrendPeriods)

	// Reporting June alone with the earlier reports as history gives the same.
	june, err := a.Report(in, periods[5], reports[:5])
	require.NoError(t, err)
	assert.True(t, june.Net.Equal(reports[5].Net))
}

func TestBurnRates(t *testing.T) {
	a := mustParse(t, `{"id":"slo","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99.9"}]}`)
	asOf := at(t, "2024-04-10T12:00:00Z")
	// 10 minutes down ending now: over 1h the error ratio is 1/6, burn
	// rate (1/6)/0.001 = 166.67 ≥ 14.4; over 5m the ratio is 1 → 1000.
	in := sla.Input{Outages: []sla.Outage{{Start: asOf.Add(-10 * time.Minute), End: asOf}}}
	rates, err := a.BurnRates(in, "up", asOf, nil)
	require.NoError(t, err)
	require.Len(t, rates, 4)
	testkit.AssertDecimal(t, "166.666667", rates[0].LongRate.Shopspring())
	testkit.AssertDecimal(t, "1000", rates[0].ShortRate.Shopspring())
	assert.True(t, rates[0].Firing)
	// 3 days: 10 min of 4,320 → ratio 1/432 → burn 2.3148 ≥ 1; 6h: 10/360 → 27.8.
	assert.True(t, rates[3].Firing)
	// An hour later the 5-minute window is clean: the 1h/5m page stops.
	rates, err = a.BurnRates(in, "up", asOf.Add(time.Hour), nil)
	require.NoError(t, err)
	assert.False(t, rates[0].Firing)
	_, err = a.BurnRates(in, "nope", asOf, nil)
	assert.Error(t, err)
}

// TestReasonsShowAmountsAtTheMinorUnit: 12% of 70,000.00 EUR is computed
// as 8400.0000 EUR; reasons show amounts to pay as 8400.00 EUR.
func TestReasonsShowAmountsAtTheMinorUnit(t *testing.T) {
	a := mustParse(t, `{"id":"ito","credits":{"at_risk":"12"},"levels":[
		{"id":"up","metric":"availability","expected":"99.9","credit":{"kind":"allocation","allocation":"40"}},
		{"id":"tier","metric":"availability","expected":"99.9","credit":{"kind":"tiers","tiers":[{"to":"99.9","credit":"2.5"}]}},
		{"id":"rule","metric":"availability","expected":"99.9","credit":{"kind":"rule","rule":"third"}}],
		"rules":[{"id":"third","expression":"fees / 3"}]}`)
	start := at(t, "2024-04-01T00:00:00Z")
	in := sla.Input{Fees: outsourcing.MustMoney("70000", "EUR"), Outages: []sla.Outage{{Start: start, End: start.Add(24 * time.Hour)}}}
	r, err := a.Report(in, mustPeriod(t, a, start), nil)
	require.NoError(t, err)
	assert.Contains(t, r.Levels[0].CreditReason(), "allocation 40% of at-risk 8400.00 EUR")
	assert.Contains(t, r.Levels[1].CreditReason(), "2.5% of 70000.00 EUR")
	assert.Contains(t, r.Levels[2].CreditReason(), `rule "third" gives 23333.33 EUR`)
	for _, l := range r.Levels {
		assert.NotRegexp(t, `\d\.\d{3,} EUR`, l.CreditReason())
	}
}
