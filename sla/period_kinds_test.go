package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPeriodKindsCutLocalDays(t *testing.T) {
	var data struct {
		Source   string `json:"source"`
		TimeZone string `json:"time_zone"`
		Cases    []struct {
			Period, First, At, Label, Start, End string
			Days, Hours                          int
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/period_kinds.json", &data)
	require.NotEmpty(t, data.Source)
	for _, c := range data.Cases {
		t.Run(c.Label, func(t *testing.T) {
			extra := ""
			if c.Days > 0 {
				extra = fmt.Sprintf(`,"period_days":%d,"period_start":%q`, c.Days, c.First)
			}
			a := mustParse(t, fmt.Sprintf(`{"id":"p","time_zone":%q,"period":%q%s,"credits":{},
				"levels":[{"id":"up","metric":"availability","expected":"99"}]}`, data.TimeZone, c.Period, extra))
			p := mustPeriod(t, a, at(t, c.At))
			assert.Equal(t, c.Label, p.Label())
			assert.True(t, p.Start().Equal(at(t, c.Start)), "start %s", p.Start())
			assert.True(t, p.End().Equal(at(t, c.End)), "end %s", p.End())
			assert.Equal(t, time.Duration(c.Hours)*time.Hour, p.Duration())
			// The periods around it follow on without gaps.
			periods, err := a.Periods(p.Start().Add(-time.Nanosecond), p.End().Add(time.Nanosecond))
			require.NoError(t, err)
			require.Len(t, periods, 3)
			assert.True(t, periods[0].End().Equal(p.Start()) && periods[2].Start().Equal(p.End()))
		})
	}
}

func TestPeriodKindWithoutLengthIsRefused(t *testing.T) {
	for _, c := range []struct{ period, path string }{
		{`"period":"days","period_start":"2024-01-01"`, "/period"},
		{`"period":"days","period_days":14`, "/period"},
		{`"period":"month","period_days":14`, "/period_days"},
		{`"period":"week","period_start":"2024-01-01"`, "/period_start"},
		{`"period":"days","period_days":14,"period_start":"2024-02-30"`, "/period_start"},
	} {
		_, err := parseAgreement([]byte(`{"id":"p",` + c.period + `,"credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`))
		require.Error(t, err, c.period)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		fe := outsourcing.FieldErrors(err)
		require.Len(t, fe, 1, c.period)
		assert.Equal(t, c.path, fe[0].Path, c.period)
	}
}
