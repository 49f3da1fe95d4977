package sla

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBreachInstant replays the tickets of testdata/ticket_breach.json
// and checks the instant each turns late: not late at it, late one
// nanosecond after it (ServiceNow's task SLA breach time). An index of
// the calendar over the tickets' days, or over only the day a ticket
// opens, replays every ticket to the same clock.
func TestBreachInstant(t *testing.T) {
	var data struct {
		Calendar outsourcing.Calendar `json:"calendar"`
		Target   Duration             `json:"target"`
		Tickets  []struct {
			ID     string      `json:"id"`
			Events [][2]string `json:"events"`
			Breach string      `json:"breach"`
		} `json:"tickets"`
	}
	raw, err := os.ReadFile("testdata/ticket_breach.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &data))
	for _, tk := range data.Tickets {
		ticket := Ticket{ID: tk.ID, Priority: "P1"}
		for _, e := range tk.Events {
			at, err := time.Parse(time.RFC3339, e[1])
			require.NoError(t, err)
			ticket.Events = append(ticket.Events, TicketEvent{Kind: EventKind(e[0]), At: at})
		}
		tc, _ := replay(ticket, data.Calendar, time.Duration(data.Target))
		opened := ticket.Events[0].At
		for _, span := range [][2]time.Time{{opened.AddDate(0, 0, -3), opened.AddDate(0, 0, 20)}, {opened, opened.AddDate(0, 0, 1)}} {
			x, err := data.Calendar.Index(span[0], span[1])
			require.NoError(t, err)
			indexed, _ := replay(ticket, x, time.Duration(data.Target))
			assert.Equal(t, tc, indexed, "%s on an index from %s to %s", tk.ID, span[0], span[1])
		}
		if tk.Breach == "" {
			assert.False(t, tc.breaches, tk.ID)
			continue
		}
		b, err := time.Parse(time.RFC3339, tk.Breach)
		require.NoError(t, err)
		require.True(t, tc.breaches, tk.ID)
		assert.Equal(t, b.UnixNano(), tc.breach, "%s breaches at %s, not %s", tk.ID, b, time.Unix(0, tc.breach))
		assert.False(t, tc.lateBy(b.UnixNano()), "%s not late at %s", tk.ID, b)
		assert.True(t, tc.lateBy(b.UnixNano()+1), "%s late just after %s", tk.ID, b)
	}
}
