package sla_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTaskSLAsReadLikeServiceNow(t *testing.T) {
	var data struct {
		Source  string `json:"source"`
		Tickets []struct {
			ID     string      `json:"id"`
			Events [][2]string `json:"events"`
		} `json:"tickets"`
		Cases []struct {
			Level, Ticket, Stage, Stop, Elapsed, Percentage, Left, Due, Source string
			AsOf                                                               string `json:"as_of"`
			BreachedAt                                                         string `json:"breached_at"`
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/task_sla.json", &data)
	require.NotEmpty(t, data.Source)
	a := mustParse(t, `{"id":"desk","time_zone":"America/Los_Angeles","calendar":`+weekdayCalendar+`,"credits":{},"levels":[
		{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h"}},
		{"id":"response","metric":"response_time","expected":"90","targets":{"P1":"30m"}}]}`)
	in := sla.Input{}
	for _, tk := range data.Tickets {
		var events []sla.TicketEvent
		for _, e := range tk.Events {
			events = append(events, ev(sla.EventKind(e[0]), at(t, e[1])))
		}
		in.Tickets = append(in.Tickets, sla.Ticket{ID: tk.ID, Priority: "P1", Events: events})
	}
	instant := func(s string) string {
		if s == "" {
			return ""
		}
		return at(t, s).UTC().String()
	}
	shown := func(p interface{ String() string }, ok bool) string {
		if !ok {
			return ""
		}
		return p.String()
	}
	for _, c := range data.Cases {
		t.Run(c.Ticket+"@"+c.AsOf, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			clocks, err := a.TaskSLAs(in, c.Level, at(t, c.AsOf))
			require.NoError(t, err)
			var got *sla.TaskSLA
			for i := range clocks {
				if clocks[i].Ticket == c.Ticket {
					got = &clocks[i]
				}
			}
			require.NotNil(t, got)
			assert.Equal(t, sla.TaskStage(c.Stage), got.Stage)
			assert.Equal(t, instant(c.Stop), shown(got.Stop, got.Stop != nil), "stop")
			assert.Equal(t, mustDuration(t, c.Elapsed), got.BusinessElapsed, "elapsed")
			testkit.AssertDecimal(t, c.Percentage, got.BusinessPercentage.Shopspring(), "percentage")
			assert.Equal(t, mustDuration(t, c.Left), got.BusinessTimeLeft, "time left")
			assert.Equal(t, instant(c.Due), shown(got.Due, got.Due != nil), "due")
			assert.Equal(t, c.BreachedAt != "", got.Breached)
			assert.Equal(t, instant(c.BreachedAt), shown(got.BreachedAt, got.BreachedAt != nil), "breached at")
		})
	}
	// Tickets not yet opened are not there; other levels are refused.
	clocks, err := a.TaskSLAs(in, "resolution", at(t, "2014-12-30T07:00:00-08:00"))
	require.NoError(t, err)
	assert.Empty(t, clocks)
	_, err = a.TaskSLAs(in, "nope", at(t, "2015-01-01T00:00:00Z"))
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
}

// A clock that has run for years still reads BusinessElapsed / Target ×
// 100 (the documented formula): 1,247 days on a 24×7 clock against 8 hours
// is 374,100 %, not an int64 overflow's negative number.
func TestTaskSLAPercentageOfALongOpenTicket(t *testing.T) {
	a := mustParse(t, `{"id":"desk","time_zone":"UTC","credits":{},"levels":[
		{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h"}}]}`)
	in := sla.Input{Tickets: []sla.Ticket{{ID: "T", Priority: "P1",
		Events: []sla.TicketEvent{ev(sla.EventKindOpened, at(t, "2021-01-01T00:00:00Z"))}}}}
	clocks, err := a.TaskSLAs(in, "resolution", at(t, "2024-06-01T00:00:00Z"))
	require.NoError(t, err)
	require.Len(t, clocks, 1)
	assert.Equal(t, mustDuration(t, "29928h"), clocks[0].BusinessElapsed)
	testkit.AssertDecimal(t, "374100", clocks[0].BusinessPercentage.Shopspring())
}
