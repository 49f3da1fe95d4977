package sla_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOutageSplitAtPeriodBoundaryInZone(t *testing.T) {
	a := mustParse(t, `{"id":"x","time_zone":"Europe/Berlin","credits":{},
		"levels":[{"id":"up","metric":"availability","expected":"99.5"}]}`)
	loc := a.Location()
	in := sla.Input{Fees: usd("100"), Outages: []sla.Outage{
		{ID: "night", Start: time.Date(2024, 1, 31, 22, 0, 0, 0, loc), End: time.Date(2024, 2, 1, 4, 0, 0, 0, loc)},
		{ID: "overlap", Start: time.Date(2024, 1, 31, 23, 0, 0, 0, loc), End: time.Date(2024, 2, 1, 1, 0, 0, 0, loc)},
	}}
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, loc), time.Date(2024, 3, 1, 0, 0, 0, 0, loc))
	require.NoError(t, err)
	require.Len(t, periods, 2)
	reports, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	assert.Equal(t, sla.Duration(2*time.Hour), reports[0].Levels[0].Downtime, "January keeps 22:00-24:00")
	assert.Equal(t, sla.Duration(4*time.Hour), reports[1].Levels[0].Downtime, "February gets 00:00-04:00, overlap merged")
	assert.Equal(t, sla.Duration(29*24*time.Hour), reports[1].Levels[0].Denominator, "2024 is a leap year")
	assert.Equal(t, "2024-02", reports[1].Period.Label())
}

func TestDenominatorsMaintenanceAndMinimumLength(t *testing.T) {
	doc := func(denominator string) string {
		return `{"id":"x","credits":{},"maintenance":[{"id":"m1","start":"2024-04-10T00:00:00Z","end":"2024-04-10T02:00:00Z"}],
		"levels":[{"id":"up","metric":"availability","expected":"99","denominator":"` + denominator + `","min_outage":"5m"}]}`
	}
	start := at(t, "2024-04-01T00:00:00Z")
	in := sla.Input{Fees: usd("100"),
		Outages: []sla.Outage{
			{ID: "in-maintenance", Start: at(t, "2024-04-10T01:00:00Z"), End: at(t, "2024-04-10T03:00:00Z")}, // 1h counts
			{ID: "blip", Start: at(t, "2024-04-12T00:00:00Z"), End: at(t, "2024-04-12T00:04:59Z")},           // too short
			{ID: "before-deploy", Start: at(t, "2024-04-01T00:00:00Z"), End: at(t, "2024-04-01T06:00:00Z")},
		},
		Deployments: []sla.Deployment{{Start: at(t, "2024-04-01T12:00:00Z"), End: at(t, "2024-05-01T00:00:00Z")}},
	}
	tests := []struct {
		denominator string
		down, denom time.Duration
		exact       string
	}{
		{"period", 7 * time.Hour, 720 * time.Hour, "3565/36"},                     // 100 × (720-7)/720
		{"period_minus_maintenance", 7 * time.Hour, 718 * time.Hour, "35550/359"}, // 100 × (718-7)/718
		{"deployed", time.Hour, 708 * time.Hour, "17675/177"},                     // 100 × (708-1)/708
	}
	for _, tt := range tests {
		t.Run(tt.denominator, func(t *testing.T) {
			a := mustParse(t, doc(tt.denominator))
			r, err := a.Report(in, mustPeriod(t, a, start), nil)
			require.NoError(t, err)
			l := r.Levels[0]
			assert.Equal(t, sla.Duration(tt.down), l.Downtime)
			assert.Equal(t, sla.Duration(tt.denom), l.Denominator)
			want, _ := new(bigRat).SetString(tt.exact)
			got, _ := new(bigRat).SetString(l.Exact())
			assert.Zero(t, want.Cmp(got), "exact %s", l.Exact())
		})
	}
}

func TestErrorRateMode(t *testing.T) {
	var data struct {
		Source      string              `json:"source"`
		Month       string              `json:"month"`
		Interval    string              `json:"interval"`
		UptimeExact string              `json:"uptime_exact"`
		Uptime      string              `json:"uptime"`
		MinRequests int64               `json:"min_requests"`
		Samples     []sla.RequestSample `json:"samples"`
	}
	testkit.LoadJSON(t, "testdata/error_rate.json", &data)
	a := mustParse(t, `{"id":"s3","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99.9",
		"error_rate":{"interval":"`+data.Interval+`","min_requests":20}}]}`)
	r, err := a.Report(sla.Input{Fees: usd("10"), Requests: data.Samples}, mustPeriod(t, a, at(t, data.Month+"-15T00:00:00Z")), nil)
	require.NoError(t, err)
	assert.Equal(t, data.UptimeExact, r.Levels[0].Exact())
	require.NotEmpty(t, data.Source)
	testkit.AssertDecimal(t, data.Uptime, r.Levels[0].Actual.Shopspring())
	assert.Equal(t, sla.StatusMet, r.Levels[0].Status)
}

// TestErrorRateSharedPeriods: samples falling in one interval of the
// grid (two services, or finer than the interval) make one error rate;
// before, each sample's rate was added, so two services each failing
// every request measured −100 % availability.
func TestErrorRateSharedPeriods(t *testing.T) {
	var data struct {
		Month  string `json:"month"`
		Shared struct {
			Source      string              `json:"source"`
			Samples     []sla.RequestSample `json:"samples"`
			UptimeExact string              `json:"uptime_exact"`
			Uptime      string              `json:"uptime"`
		} `json:"shared_periods"`
	}
	testkit.LoadJSON(t, "testdata/error_rate.json", &data)
	require.NotEmpty(t, data.Shared.Source)
	a := mustParse(t, `{"id":"s3","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99.9",
		"error_rate":{"interval":"5m","min_requests":20}}]}`)
	r, err := a.Report(sla.Input{Fees: usd("10"), Requests: data.Shared.Samples}, mustPeriod(t, a, at(t, data.Month+"-15T00:00:00Z")), nil)
	require.NoError(t, err)
	assert.Equal(t, data.Shared.UptimeExact, r.Levels[0].Exact(), r.Levels[0].Reason())
	testkit.AssertDecimal(t, data.Shared.Uptime, r.Levels[0].Actual.Shopspring())
	assert.Equal(t, 2, r.Levels[0].Population, "two five-minute periods sampled")
}

func TestErrorRateModeMaintenance(t *testing.T) {
	var data struct {
		Month       string `json:"month"`
		Maintenance struct {
			Source  string              `json:"source"`
			Window  sla.RecurringWindow `json:"window"`
			Samples []sla.RequestSample `json:"samples"`
			Cases   []struct {
				Denominator string `json:"denominator"`
				NoWindow    bool   `json:"no_window"`
				UptimeExact string `json:"uptime_exact"`
				Note        string `json:"note"`
			} `json:"cases"`
		} `json:"maintenance"`
	}
	testkit.LoadJSON(t, "testdata/error_rate.json", &data)
	require.NotEmpty(t, data.Maintenance.Source)
	window, err := json.Marshal([]sla.RecurringWindow{data.Maintenance.Window})
	require.NoError(t, err)
	for _, c := range data.Maintenance.Cases {
		t.Run(c.Denominator+c.Note, func(t *testing.T) {
			recurring := `"recurring_maintenance":` + string(window) + `,`
			if c.NoWindow {
				recurring = ""
			}
			denominator := ""
			if c.Denominator != "" {
				denominator = `,"denominator":"` + c.Denominator + `"`
			}
			a := mustParse(t, `{"id":"s3","credits":{},`+recurring+`"levels":[{"id":"up","metric":"availability",
				"expected":"99.9","error_rate":{"interval":"5m"}`+denominator+`}]}`)
			r, err := a.Report(sla.Input{Fees: usd("10"), Requests: data.Maintenance.Samples},
				mustPeriod(t, a, at(t, data.Month+"-15T00:00:00Z")), nil)
			require.NoError(t, err)
			assert.Equal(t, c.UptimeExact, r.Levels[0].Exact(), r.Levels[0].Reason())
			if !c.NoWindow {
				assert.Contains(t, r.Levels[0].Reason(), "2 in maintenance not counted")
			}
		})
	}
	a := mustParse(t, `{"id":"s3","credits":{},"maintenance":[{"id":"all","start":"2024-04-01T00:00:00Z","end":"2024-05-01T00:00:00Z"}],
		"levels":[{"id":"up","metric":"availability","expected":"99.9","error_rate":{"interval":"5m"},"denominator":"period_minus_maintenance"}]}`)
	r, err := a.Report(sla.Input{Fees: usd("10"), Requests: data.Maintenance.Samples}, mustPeriod(t, a, at(t, data.Month+"-15T00:00:00Z")), nil)
	require.NoError(t, err)
	assert.Equal(t, sla.StatusNoData, r.Levels[0].Status, "a month wholly in maintenance has nothing to measure")
}

func TestPercentileLatencyNearestRank(t *testing.T) {
	a := mustParse(t, `{"id":"api","credits":{},"levels":[{"id":"p90","metric":"percentile_latency","percentile":"90",
		"expected":"200","minimum":"300"}]}`)
	var in sla.Input
	in.Fees = usd("10")
	// Wikipedia "Percentile", nearest-rank method: for 15, 20, 35, 40, 50 the
	// 30th percentile is 20, the 40th 20, the 50th 35 and the 100th 50.
	for i, v := range []string{"40", "15", "50", "35", "20"} {
		in.Latencies = append(in.Latencies, sla.LatencySample{At: at(t, "2024-04-01T10:00:00Z").Add(time.Duration(i) * time.Minute),
			Millis: outsourcing.MustDecimal(v)})
	}
	for _, c := range []struct{ p, want string }{{"30", "20"}, {"40", "20"}, {"50", "35"}, {"100", "50"}, {"5", "15"}} {
		a := mustParse(t, `{"id":"api","credits":{},"levels":[{"id":"p","metric":"percentile_latency","percentile":"`+c.p+`",
			"expected":"20","minimum":"40"}]}`)
		r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
		require.NoError(t, err)
		testkit.AssertDecimal(t, c.want, r.Levels[0].Actual.Shopspring(), "p"+c.p)
	}
	r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
	require.NoError(t, err)
	assert.Equal(t, sla.StatusMet, r.Levels[0].Status, "p90 of 5 samples is the 5th: 50 ms ≤ 200")
}

func TestRulesCustomMetricExclusionAndCreditFormula(t *testing.T) {
	a := mustParse(t, `{"id":"x","credits":{"at_risk":"10"},"levels":[
		{"id":"up","metric":"availability","expected":"99.9","exclusions":["customer"],
		 "credit":{"kind":"rule","rule":"linear"}},
		{"id":"csat","metric":"custom","rule":"csat","expected":"4","minimum":"3.5","class":"key"}],
		"rules":[
		{"id":"customer","expression":"cause == \"customer\" || \"planned\" in tags"},
		{"id":"csat","expression":"counts[\"csat\"] > 0 ? values[\"csat\"] / counts[\"csat\"] : Dec(\"5\")"},
		{"id":"linear","expression":"status == \"met\" ? Dec(\"0\") : (expected - actual) * fees / 10"}]}`)
	in := sla.Input{Fees: usd("1000"),
		Outages: []sla.Outage{
			{ID: "theirs", Cause: "customer", Start: at(t, "2024-04-02T00:00:00Z"), End: at(t, "2024-04-03T00:00:00Z")},
			{ID: "planned", Tags: []string{"planned"}, Start: at(t, "2024-04-04T00:00:00Z"), End: at(t, "2024-04-05T00:00:00Z")},
			{ID: "ours", Cause: "vendor", Start: at(t, "2024-04-06T00:00:00Z"), End: at(t, "2024-04-06T07:12:00Z")},
		},
		Measures: []sla.Measure{
			{Name: "csat", At: at(t, "2024-04-06T00:00:00Z"), Value: outsourcing.MustDecimal("4")},
			{Name: "csat", At: at(t, "2024-04-07T00:00:00Z"), Value: outsourcing.MustDecimal("3")},
		}}
	r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
	require.NoError(t, err)
	up := r.Levels[0]
	assert.Equal(t, sla.Duration(432*time.Minute), up.Downtime, "only the vendor's outage counts")
	testkit.AssertDecimal(t, "99", up.Actual.Shopspring())
	// (99.9 − 99) × 1000 / 10 = 90, under the 10 % at-risk cap of 100.
	assertMoney(t, "90.00", r.Credits)
	csat := r.Levels[1]
	testkit.AssertDecimal(t, "3.5", csat.Actual.Shopspring())
	assert.Equal(t, sla.StatusMinimum, csat.Status)
	assertMoney(t, "0", csat.Credit)
}

func TestReportJSONAndTables(t *testing.T) {
	a := mustParse(t, `{"id":"aws","levels":[{"id":"uptime","metric":"availability","expected":"99.99",
		"credit":{"kind":"tiers","preset":"aws-ec2-region"}}],"credits":{"rounding":"half_even"}}`)
	start := at(t, "2024-04-01T00:00:00Z")
	in := sla.Input{Fees: usd("1000"), Outages: []sla.Outage{{Start: start, End: start.Add(5 * time.Minute)}}}
	r, err := a.Report(in, mustPeriod(t, a, start), nil)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back sla.Report
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Credits.Equal(r.Credits))
	assert.Equal(t, r.Levels[0].Exact(), back.Levels[0].Exact())
	md := r.Markdown()
	assert.Contains(t, md, "| uptime | availability | critical | 99.99 | 99.99 | 99.988426 | missed | 100.00 USD |")
	assert.Contains(t, md, "Net: 100.00 USD (rounded half_even)")
	assert.Contains(t, r.Text(), "uptime  availability  critical")
}

// TestErrorRateDeployedDenominator: Amazon S3's SLA averages the error
// rates of the five-minute periods of the month; with the deployed
// denominator (Azure's "maximum available minutes" count only while the
// service is deployed) only the periods inside a deployment are averaged.
// Deployed for the second half of April 2024, 15 days = 4,320 periods: one
// period at 10% errors gives 100 × (1 − 0.1/4,320) = 43199/432 %, and a
// 100%-error period before the deployment is not counted.
func TestErrorRateDeployedDenominator(t *testing.T) {
	a := mustParse(t, `{"id":"s3","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99.9",
		"error_rate":{"interval":"5m"},"denominator":"deployed"}]}`)
	in := sla.Input{Fees: usd("10"),
		Deployments: []sla.Deployment{{Start: at(t, "2024-04-16T00:00:00Z"), End: at(t, "2024-05-01T00:00:00Z")}},
		Requests: []sla.RequestSample{
			{Start: at(t, "2024-04-02T00:00:00Z"), Requests: 100, Errors: 100},
			{Start: at(t, "2024-04-20T00:00:00Z"), Requests: 100, Errors: 10}}}
	r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
	require.NoError(t, err)
	assert.Equal(t, "43199/432", r.Levels[0].Exact(), r.Levels[0].Reason())
	assert.Equal(t, sla.Duration(15*24*time.Hour), r.Levels[0].Denominator)
	in.Deployments = nil
	r, err = a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
	require.NoError(t, err)
	assert.Equal(t, sla.StatusNoData, r.Levels[0].Status, "never deployed: nothing to measure")
}
