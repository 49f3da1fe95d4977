package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
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
			r, err := a.Report(in, mustPeriod(t, a, start), nil)
			require.NoError(t, err)
			l := r.Levels[0]
			require.NotNil(t, l.Actual)
			testkit.AssertDecimal(t, c.Uptime, l.Actual.Shopspring())
			assert.Equal(t, sla.Status(c.Status), l.Status, l.Reason())
			assertMoney(t, c.Credit, r.Credits)
			assertMoney(t, c.Credit, l.Credit)
		})
	}
}

// presetData is testdata/presets.json: the published tables and, for the
// presets not covered by aws_credits.json, cases at each exact threshold.
type presetData struct {
	Source  string `json:"source"`
	Month   string `json:"month"`
	Fees    string `json:"fees"`
	Presets []struct {
		Name, URL, Source, Commitment, Mode string
		MaxCredit                           string `json:"max_credit"`
		MinimumPayout                       string `json:"minimum_payout"`
		Tiers                               []struct{ From, To, Credit string }
		Cases                               []struct {
			Down    string `json:"down"`
			Samples []struct {
				Count            int
				Requests, Errors int64
			} `json:"samples"`
			Uptime, Status, Credit, Source string
		}
	} `json:"presets"`
}

func TestPresetsMatchPublishedTables(t *testing.T) {
	var data presetData
	testkit.LoadJSON(t, "testdata/presets.json", &data)
	require.NotEmpty(t, data.Source)
	got := map[string]sla.Preset{}
	for _, p := range sla.Presets() {
		got[p.Name] = p
	}
	require.Len(t, got, len(data.Presets), "every preset has its published table in testdata")
	decimalOf := func(d *outsourcing.Decimal) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	for _, want := range data.Presets {
		t.Run(want.Name, func(t *testing.T) {
			require.NotEmpty(t, want.Source)
			p, ok := got[want.Name]
			require.True(t, ok)
			assert.Equal(t, want.URL, p.URL)
			assert.NotEmpty(t, p.Source)
			assert.NotEmpty(t, p.Version)
			testkit.AssertDecimal(t, want.Commitment, p.Commitment.Shopspring())
			testkit.AssertDecimal(t, want.MaxCredit, p.MaxCredit.Points().Shopspring(), "max credit")
			assert.Equal(t, want.MinimumPayout != "", p.MinimumPayout.IsSet(), "minimum payout")
			if want.MinimumPayout != "" {
				assertMoney(t, want.MinimumPayout, p.MinimumPayout)
			}
			require.Len(t, p.Tiers, len(want.Tiers))
			for i, w := range want.Tiers {
				for _, b := range []struct{ want, got string }{{w.From, decimalOf(p.Tiers[i].From)}, {w.To, decimalOf(p.Tiers[i].To)}} {
					if b.want == "" {
						assert.Empty(t, b.got, "tier %d open bound", i)
						continue
					}
					testkit.AssertDecimal(t, b.want, outsourcing.MustDecimal(b.got).Shopspring(), "tier %d", i)
				}
				testkit.AssertDecimal(t, w.Credit, p.Tiers[i].Credit.Points().Shopspring(), "tier %d credit", i)
			}
		})
	}
}

func TestCloudPresetThresholds(t *testing.T) {
	var data presetData
	testkit.LoadJSON(t, "testdata/presets.json", &data)
	start := at(t, data.Month+"-01T00:00:00Z")
	for _, p := range data.Presets {
		for i, c := range p.Cases {
			t.Run(fmt.Sprintf("%s/%d", p.Name, i), func(t *testing.T) {
				require.NotEmpty(t, c.Source)
				level := fmt.Sprintf(`"id":"up","metric":"availability","expected":%q,"credit":{"kind":"tiers","preset":%q}`,
					p.Commitment, p.Name)
				in := sla.Input{Fees: usd(data.Fees)}
				switch p.Mode {
				case "error_rate":
					level += `,"error_rate":{"interval":"5m"}`
					n := 0
					for _, s := range c.Samples {
						for range s.Count {
							in.Requests = append(in.Requests, sla.RequestSample{Start: start.Add(time.Duration(n) * 5 * time.Minute),
								Requests: s.Requests, Errors: s.Errors})
							n++
						}
					}
				default:
					down, err := time.ParseDuration(c.Down)
					require.NoError(t, err)
					in.Outages = []sla.Outage{{ID: "o1", Start: start.Add(72 * time.Hour), End: start.Add(72*time.Hour + down)}}
				}
				a := mustParse(t, `{"id":"cloud","credits":{},"levels":[{`+level+`}]}`)
				r, err := a.Report(in, mustPeriod(t, a, start), nil)
				require.NoError(t, err)
				l := r.Levels[0]
				require.NotNil(t, l.Actual)
				testkit.AssertDecimal(t, c.Uptime, l.Actual.Shopspring())
				assert.Equal(t, sla.Status(c.Status), l.Status, l.Reason())
				assertMoney(t, c.Credit, r.Credits, l.CreditReason())
			})
		}
	}
}
