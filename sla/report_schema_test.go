package sla_test

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaReports returns reports of every shape the package writes: all
// metric kinds and period kinds, credits by tiers, allocation and rule,
// caps, repeated-miss multipliers, nested allocations, the minimum payout,
// breach signals, zero credits, and Money{} amounts, which marshal as null.
func schemaReports(t *testing.T) map[string][]sla.Report {
	t.Helper()
	out := map[string][]sla.Report{}
	evaluate := func(name, agreement string, in sla.Input, months ...string) {
		a := mustParse(t, agreement)
		var periods []sla.Period
		for _, m := range months {
			periods = append(periods, mustPeriod(t, a, at(t, m)))
		}
		r, err := a.Evaluate(in, periods, nil)
		require.NoError(t, err, name)
		out[name] = r
	}

	full, err := sla.ParseInput([]byte(fullInput))
	require.NoError(t, err)
	evaluate("full", fullAgreement, full, "2024-04-01T00:00:00Z", "2024-05-01T00:00:00Z")

	nested := sla.Input{Fees: outsourcing.MustMoney("50000.00", "USD"), Outages: []sla.Outage{
		{Service: "dc", Start: at(t, "2024-01-03T10:00:00Z"), End: at(t, "2024-01-04T10:00:00Z")}}}
	evaluate("nested", fullNestedAgreement, nested, "2024-01-01T06:00:00Z", "2024-01-29T06:00:00Z")

	// Two months in a row below the tier: the second credit is multiplied;
	// after them three better months raise the expected level.
	repeat := `{"id": "repeat", "credits": {"repeat": {"after": 2, "multiplier": "1.5"}},
	  "levels": [{"id": "vm", "metric": "availability", "expected": "99.5",
	    "improvement": {"periods": 1, "share": "1", "cap": "99.95"},
	    "credit": {"kind": "tiers", "tiers": [{"to": "99.5", "credit": "10"}]}}]}`
	down := sla.Input{Fees: usd("1000.00"), Outages: []sla.Outage{
		{Start: at(t, "2024-01-10T00:00:00Z"), End: at(t, "2024-01-10T12:00:00Z")},
		{Start: at(t, "2024-02-10T00:00:00Z"), End: at(t, "2024-02-10T12:00:00Z")}}}
	evaluate("repeat", repeat, down, "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")

	// Response times, answered within target and late, by week, quarter and year.
	tickets := sla.Input{Fees: usd("1000.00"), Tickets: []sla.Ticket{
		{ID: "T1", Priority: "P1", Events: []sla.TicketEvent{{Kind: sla.EventKindOpened, At: at(t, "2024-04-02T10:00:00Z")},
			{Kind: sla.EventKindAssigned, At: at(t, "2024-04-02T10:20:00Z")}}},
		{ID: "T2", Priority: "P1", Events: []sla.TicketEvent{{Kind: sla.EventKindOpened, At: at(t, "2024-04-02T11:00:00Z")},
			{Kind: sla.EventKindAssigned, At: at(t, "2024-04-02T14:00:00Z")}}}}}
	for _, kind := range []string{"week", "quarter", "year"} {
		evaluate("response-"+kind, `{"id": "desk", "period": "`+kind+`", "credits": {}, "levels": [{"id": "p1-response",
		  "metric": "response_time", "expected": "90", "minimum": "50", "targets": {"P1": "1h"}}]}`,
			tickets, "2024-04-02T00:00:00Z")
	}

	_, _, breaches := breachReports(t)
	out["breaches"] = breaches

	var payout struct {
		MinimumPayout string `json:"minimum_payout"`
	}
	testkit.LoadJSON(t, "testdata/minimum_payout.json", &payout)
	evaluate("minimum-payout", `{"id": "aws", "credits": {"minimum_payout": {"amount": "`+payout.MinimumPayout+`", "currency": "USD"}},
	  "levels": [{"id": "vm", "metric": "availability", "expected": "99.5", "credit": {"kind": "tiers", "preset": "aws-ec2-instance"}}]}`,
		sla.Input{Fees: usd("9.99"), Outages: []sla.Outage{{Start: at(t, "2024-04-01T00:00:00Z"), End: at(t, "2024-04-01T07:12:00Z")}}},
		"2024-04-01T00:00:00Z")
	require.True(t, out["minimum-payout"][0].BelowMinimum)

	noData := out["full"][1]
	noData.Fees, noData.AtRisk, noData.Uncapped, noData.Credits = outsourcing.Money{}, outsourcing.Money{}, outsourcing.Money{}, outsourcing.Money{}
	noData.EarnedBack, noData.Bonus, noData.Net = outsourcing.Money{}, outsourcing.Money{}, outsourcing.Money{}
	noData.Levels = slices.Clone(noData.Levels)
	noData.Levels[0].Credit, noData.Levels[0].EarnedBack = outsourcing.Money{}, outsourcing.Money{}
	out["money-null"] = []sla.Report{noData}
	return out
}

// The report schema admits every report the package writes, and reading
// one through it gives the report back.
func TestReportsMatchTheirSchema(t *testing.T) {
	for name, reports := range schemaReports(t) {
		for i, r := range reports {
			doc, err := json.Marshal(r)
			require.NoError(t, err)
			require.NoError(t, sla.ReportSchema().Validate(doc), "%s %d: %s", name, i, doc)
			var back sla.Report
			require.NoError(t, sla.ReportSchema().Decode(doc, &back), "%s %d", name, i)
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(doc), string(again), "%s %d", name, i)
		}
	}
	assert.Equal(t, "https://outsourcing-go.github.io/schemas/sla/report.schema.json", sla.ReportSchema().ID())
}

// Every property the report schema names is one the reports above write,
// so the schema holds nothing the Go type has dropped.
func TestReportSchemaNamesOnlyWrittenProperties(t *testing.T) {
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(sla.ReportSchema().Source(), &schema))
	want := map[string][]string{"report": slices.Sorted(maps.Keys(schema.Properties))}
	for def, s := range schema.Defs {
		if s.Properties != nil {
			want[def] = slices.Sorted(maps.Keys(s.Properties))
		}
	}

	seen := map[string]map[string]bool{}
	note := func(def string, v any) {
		if seen[def] == nil {
			seen[def] = map[string]bool{}
		}
		for k := range v.(map[string]any) {
			seen[def][k] = true
		}
	}
	each := func(def string, v any) {
		for _, x := range v.([]any) {
			note(def, x)
		}
	}
	for _, reports := range schemaReports(t) {
		for _, r := range reports {
			var doc map[string]any
			b, err := json.Marshal(r)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &doc))
			note("report", doc)
			note("period", doc["period"])
			if s, ok := doc["signals"]; ok {
				each("signal", s)
			}
			for _, l := range doc["levels"].([]any) {
				note("level", l)
				each("trend_point", l.(map[string]any)["trend"])
				if b, ok := l.(map[string]any)["error_budget"]; ok {
					note("error_budget", b)
				}
			}
		}
	}
	got := map[string][]string{}
	for def, keys := range seen {
		got[def] = slices.Sorted(maps.Keys(keys))
	}
	assert.Equal(t, want, got)
}
