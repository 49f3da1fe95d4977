package sla_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpectedDefaultEarnsTheAllocation(t *testing.T) {
	var data struct {
		Source string `json:"source"`
		Fees   string `json:"fees"`
		Cases  []struct {
			Name, Source    string
			ExpectedDefault json.RawMessage `json:"expected_default"`
			Months, Credits []string
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/expected_default.json", &data)
	require.NotEmpty(t, data.Source)
	for _, c := range data.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			a := mustParse(t, `{"id":"esl","time_zone":"UTC","credits":{"at_risk":"10"},"levels":[{"id":"up","metric":"availability",
				"expected":"99.9","minimum":"99","credit":{"kind":"allocation","allocation":"20","expected_default":`+string(c.ExpectedDefault)+`}}]}`)
			from := at(t, "2024-01-01T00:00:00Z")
			periods, err := a.Periods(from, from.AddDate(0, len(c.Months), 0))
			require.NoError(t, err)
			in := sla.Input{Fees: usd(data.Fees)}
			for i, m := range c.Months {
				if m == "minimum" {
					s := periods[i].Start().Add(time.Hour)
					in.Outages = append(in.Outages, sla.Outage{Start: s, End: s.Add(time.Hour)})
				}
			}
			reports, err := a.Evaluate(in, periods, nil)
			require.NoError(t, err)
			for i, r := range reports {
				assert.Equal(t, sla.Status(c.Months[i]), r.Levels[0].Status, r.Period.Label())
				assertMoney(t, c.Credits[i], r.Credits, r.Period.Label())
				if r.Credits.IsPositive() {
					assert.Contains(t, r.Levels[0].CreditReason(), "expected level missed in")
				}
			}
		})
	}
}
