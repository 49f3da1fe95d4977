package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAWSComputeCredits(t *testing.T) {
	var data struct {
		Source string `json:"source"`
		Month  string `json:"month"`
		Fees   string `json:"fees"`
		Cases  []struct {
			Preset, Down, Uptime, Status, Credit, Source string
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/aws_credits.json", &data)
	require.NotEmpty(t, data.Source)
	for _, c := range data.Cases {
		t.Run(c.Preset+"/"+c.Down, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			expected := map[string]string{"aws-ec2-region": "99.99", "aws-ec2-instance": "99.5"}[c.Preset]
			a := mustParse(t, fmt.Sprintf(`{"id":"aws","levels":[{"id":"uptime","metric":"availability",
				"expected":%q,"credit":{"kind":"tiers","preset":%q}}],"credits":{}}`, expected, c.Preset))
			down, err := time.ParseDuration(c.Down)
			require.NoError(t, err)
			start := at(t, data.Month+"-01T00:00:00Z")
			in := sla.Input{Fees: usd(data.Fees)}
			if down > 0 {
				in.Outages = []sla.Outage{{ID: "o1", Start: start.Add(72 * time.Hour), End: start.Add(72*time.Hour + down)}}
			}
			r, err := a.Report(in, a.PeriodOf(start), nil)
			require.NoError(t, err)
			l := r.Levels[0]
			require.NotNil(t, l.Actual)
			testkit.AssertDecimal(t, c.Uptime, l.Actual.Decimal)
			assert.Equal(t, sla.Status(c.Status), l.Status, l.Reason)
			assertMoney(t, c.Credit, r.Credits)
			assertMoney(t, c.Credit, l.Credit)
		})
	}
}
