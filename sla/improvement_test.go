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

func TestImprovementLimitedByTheGapTo100(t *testing.T) {
	var data struct {
		Source string `json:"source"`
		Cases  []struct {
			Name, Expected, Cap string
			GapShare            string `json:"gap_share"`
			Months              []struct{ Month, Down, Actual, Next, Source string }
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/improvement.json", &data)
	require.NotEmpty(t, data.Source)
	for _, c := range data.Cases {
		t.Run(c.Name, func(t *testing.T) {
			a := mustParse(t, fmt.Sprintf(`{"id":"ci","time_zone":"UTC","credits":{},"levels":[{"id":"up","metric":"availability",
				"expected":%q,"improvement":{"periods":1,"share":"1","cap":%q,"gap_share":%q}}]}`, c.Expected, c.Cap, c.GapShare))
			var history []sla.Report
			for _, m := range c.Months {
				require.NotEmpty(t, m.Source)
				p := mustPeriod(t, a, at(t, m.Month+"-01T00:00:00Z"))
				down, err := time.ParseDuration(m.Down)
				require.NoError(t, err)
				in := sla.Input{Fees: usd("1000"), Outages: []sla.Outage{{Start: p.Start(), End: p.Start().Add(down)}}}
				r, err := a.Report(in, p, history)
				require.NoError(t, err)
				l := r.Levels[0]
				testkit.AssertDecimal(t, m.Actual, l.Actual.Shopspring(), m.Month)
				require.NotNil(t, l.NextExpected, m.Month)
				testkit.AssertDecimal(t, m.Next, l.NextExpected.Shopspring(), m.Month)
				history = append(history, r)
			}
		})
	}
	_, err := parseAgreement([]byte(`{"id":"ci","credits":{},"levels":[{"id":"x","metric":"custom","rule":"r","expected":"3",
		"improvement":{"periods":1,"share":"1","cap":"5","gap_share":"0.1"}}],"rules":[{"id":"r","expression":"Dec(\"4\")"}]}`))
	require.Error(t, err)
	assert.Equal(t, "/levels/0/improvement/gap_share", outsourcing.FieldErrors(err)[0].Path)
}
