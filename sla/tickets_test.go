package sla_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// weekdayCalendar is ServiceNow's "8-5 weekdays" schedule.
const weekdayCalendar = `{"time_zone":"America/Los_Angeles","shifts":[
	{"day":"monday","start":"08:00","end":"17:00"},{"day":"tuesday","start":"08:00","end":"17:00"},
	{"day":"wednesday","start":"08:00","end":"17:00"},{"day":"thursday","start":"08:00","end":"17:00"},
	{"day":"friday","start":"08:00","end":"17:00"}],"holidays":[{"date":"2014-12-25","name":"Christmas Day"}]}`

func ev(kind sla.EventKind, t time.Time) sla.TicketEvent { return sla.TicketEvent{Kind: kind, At: t} }

func TestTicketClocksInBusinessTime(t *testing.T) {
	a := mustParse(t, `{"id":"desk","time_zone":"America/Los_Angeles","calendar":`+weekdayCalendar+`,"credits":{},"levels":[
		{"id":"response","metric":"response_time","expected":"90","targets":{"P1":"30m","P2":"2h"}},
		{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h","P2":"16h"}},
		{"id":"rate","metric":"resolution_rate","expected":"90","targets":{"P1":"8h","P2":"16h"}}]}`)
	loc := a.Location()
	d := func(day, h, m int) time.Time { return time.Date(2014, 12, day, h, m, 0, 0, loc) }
	tickets := []sla.Ticket{
		// ServiceNow community example: opened Friday 12 December 20:49, the
		// clock stands until Monday 8:00; by Monday 9:44 1h44m have elapsed.
		{ID: "SN", Priority: "P1", Events: []sla.TicketEvent{
			ev(sla.EventKindOpened, d(12, 20, 49)), ev(sla.EventKindAssigned, d(15, 8, 20)), ev(sla.EventKindResolved, d(15, 9, 44))}},
		// Pending over the night and a weekend: 16:00-16:30 Friday, then
		// pending until Monday 10:00, resolved Monday 11:00 → 1h30m.
		{ID: "PAUSE", Priority: "P1", Events: []sla.TicketEvent{
			ev(sla.EventKindOpened, d(5, 16, 0)), ev(sla.EventKindPending, d(5, 16, 30)), ev(sla.EventKindAssigned, d(6, 9, 0)),
			ev(sla.EventKindResumed, d(8, 10, 0)), ev(sla.EventKindResolved, d(8, 11, 0))}},
		// Resolved, reopened, resolved again; Christmas is a holiday:
		// Wed 24th 16:00-17:00 (1h), resolved; reopened Fri 26th 8:00,
		// resolved Mon 29th 16:00 → 1h + 9h + 8h = 18h > 16h.
		{ID: "REOPEN", Priority: "P2", Events: []sla.TicketEvent{
			ev(sla.EventKindOpened, d(24, 16, 0)), ev(sla.EventKindAssigned, d(24, 16, 10)), ev(sla.EventKindResolved, d(24, 17, 0)),
			ev(sla.EventKindReopened, d(26, 8, 0)), ev(sla.EventKindResolved, d(29, 16, 0))}},
		// Still open at the end of December, opened Wed 31st 8:00: 9h of
		// business time by the period end > 8h, a miss for the rate.
		{ID: "LATE", Priority: "P1", Events: []sla.TicketEvent{ev(sla.EventKindOpened, d(31, 8, 0))}},
		// Opened Wed 31st 16:00: only 1h by the period end, not yet due.
		{ID: "NOTDUE", Priority: "P1", Events: []sla.TicketEvent{ev(sla.EventKindOpened, d(31, 16, 0))}},
		// A priority with no target is not measured.
		{ID: "P4", Priority: "P4", Events: []sla.TicketEvent{ev(sla.EventKindOpened, d(1, 9, 0))}},
	}
	r, err := a.Report(sla.Input{Fees: usd("100"), Tickets: tickets}, mustPeriod(t, a, d(15, 0, 0)), nil)
	require.NoError(t, err)
	resp, res, rate := r.Levels[0], r.Levels[1], r.Levels[2]
	// Responses: SN 20m ≤ 30m; PAUSE assigned while pending after 30m ≤ 30m; REOPEN 10m.
	// LATE and NOTDUE were never answered: their 30m response targets ran
	// out on 31 December at 8:30 and 16:30, two December misses.
	assert.Equal(t, 5, resp.Population)
	assert.Equal(t, 3, resp.Good, resp.Reason())
	assert.Contains(t, resp.Reason(), "3 of 5 tickets within target, 2 still unanswered past the deadline")
	// Resolutions in December: SN 1h44m ≤ 8h, PAUSE 1h30m ≤ 8h, REOPEN 18h > 16h,
	// and LATE, still open past its deadline (31 December 16:00); NOTDUE
	// breaches only in January.
	assert.Equal(t, 4, res.Population)
	assert.Equal(t, 2, res.Good)
	testkit.AssertDecimal(t, "50", res.Actual.Shopspring())
	assert.Equal(t, "50", res.Exact())
	assert.Equal(t, sla.StatusMissed, res.Status)
	assert.Contains(t, res.Reason(), "2 of 4 tickets within target, 1 still open past the deadline")
	// Rate: opened in December and resolved (3, 2 good) plus LATE; NOTDUE left out.
	assert.Equal(t, 4, rate.Population)
	assert.Equal(t, 2, rate.Good)
}

func TestTicketAcrossDSTChange(t *testing.T) {
	// 24×7 calendar in Europe/Berlin: a ticket opened Saturday 30 March 2024
	// 23:00 and resolved Sunday 03:30 spans 4h30m of wall clock but, with
	// 02:00-03:00 skipped, 3h30m of real time.
	a := mustParse(t, `{"id":"x","time_zone":"Europe/Berlin","calendar":{"time_zone":"Europe/Berlin"},"credits":{},
		"levels":[{"id":"res","metric":"resolution_time","expected":"100","targets":{"P1":"3h30m"}},{"id":"tight","metric":"resolution_time","expected":"100","targets":{"P1":"3h29m"}}]}`)
	loc := a.Location()
	tk := sla.Ticket{ID: "DST", Priority: "P1", Events: []sla.TicketEvent{
		ev(sla.EventKindOpened, time.Date(2024, 3, 30, 23, 0, 0, 0, loc)),
		ev(sla.EventKindResolved, time.Date(2024, 3, 31, 3, 30, 0, 0, loc))}}
	r, err := a.Report(sla.Input{Fees: usd("1"), Tickets: []sla.Ticket{tk}}, mustPeriod(t, a, time.Date(2024, 3, 31, 12, 0, 0, 0, loc)), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, r.Levels[0].Good, "3h30m of real time is within 3h30m")
	assert.Equal(t, 0, r.Levels[1].Good, "but not within 3h29m")
	assert.Equal(t, sla.Duration(743*time.Hour), sla.Duration(r.Period.Duration()), "March 2024 in Berlin lasts 31 days less an hour")
}

func TestLateOpenTicketsCountWhereTheyBreach(t *testing.T) {
	var data struct {
		Source  string `json:"source"`
		Tickets []struct {
			ID     string      `json:"id"`
			Events [][2]string `json:"events"`
			Breach string      `json:"breach"`
			Note   string      `json:"note"`
		} `json:"tickets"`
		Periods []struct {
			Label          string `json:"label"`
			ResolutionTime struct {
				Population, Good, Open int
			} `json:"resolution_time"`
			ResolutionRate struct {
				Population, Good int
			} `json:"resolution_rate"`
		} `json:"periods"`
	}
	testkit.LoadJSON(t, "testdata/ticket_breach.json", &data)
	require.NotEmpty(t, data.Source)
	a := mustParse(t, `{"id":"desk","time_zone":"America/Los_Angeles","calendar":`+weekdayCalendar+`,"credits":{},"levels":[
		{"id":"resolution","metric":"resolution_time","expected":"90","targets":{"P1":"8h"}},
		{"id":"rate","metric":"resolution_rate","expected":"90","targets":{"P1":"8h"}}]}`)
	in := sla.Input{Fees: usd("1")}
	for _, tk := range data.Tickets {
		require.NotEmpty(t, tk.Note)
		var events []sla.TicketEvent
		for _, e := range tk.Events {
			events = append(events, ev(sla.EventKind(e[0]), at(t, e[1])))
		}
		in.Tickets = append(in.Tickets, sla.Ticket{ID: tk.ID, Priority: "P1", Events: events})
	}
	periods, err := a.Periods(at(t, "2014-12-01T08:00:00Z"), at(t, "2015-02-01T08:00:00Z"))
	require.NoError(t, err)
	reports, err := a.Evaluate(in, periods, nil)
	require.NoError(t, err)
	require.Len(t, reports, len(data.Periods))
	for i, want := range data.Periods {
		res, rate := reports[i].Levels[0], reports[i].Levels[1]
		assert.Equal(t, want.Label, reports[i].Period.Label())
		assert.Equal(t, want.ResolutionTime.Population, res.Population, "%s resolution_time: %s", want.Label, res.Reason())
		assert.Equal(t, want.ResolutionTime.Good, res.Good, want.Label)
		if want.ResolutionTime.Open > 0 {
			assert.Contains(t, res.Reason(), fmt.Sprintf("%d still open past the deadline", want.ResolutionTime.Open))
		} else {
			assert.NotContains(t, res.Reason(), "still open")
		}
		assert.Equal(t, want.ResolutionRate.Population, rate.Population, "%s resolution_rate: %s", want.Label, rate.Reason())
		assert.Equal(t, want.ResolutionRate.Good, rate.Good, want.Label)
	}
}

// TestUnansweredTicketsMissWhereTheResponseTargetPasses: on ServiceNow's
// 8-5 weekday schedule a P1 opened on Wednesday 31 December 2014 at 16:45
// has 15 minutes of its 30-minute response target left at the close; the
// target passes on Thursday 1 January at 8:15. Unanswered, it is a January
// miss and not a December one; answered late on 2 January it is the same
// single January miss, never counted again.
func TestUnansweredTicketsMissWhereTheResponseTargetPasses(t *testing.T) {
	a := mustParse(t, `{"id":"desk","time_zone":"America/Los_Angeles","calendar":`+weekdayCalendar+`,"credits":{},"levels":[
		{"id":"response","metric":"response_time","expected":"90","targets":{"P1":"30m"}}]}`)
	loc := a.Location()
	opened := ev(sla.EventKindOpened, time.Date(2014, 12, 31, 16, 45, 0, 0, loc))
	periods, err := a.Periods(time.Date(2014, 12, 1, 0, 0, 0, 0, loc), time.Date(2015, 2, 1, 0, 0, 0, 0, loc))
	require.NoError(t, err)
	for name, events := range map[string][]sla.TicketEvent{
		"unanswered":    {opened},
		"answered late": {opened, ev(sla.EventKindAssigned, time.Date(2015, 1, 2, 9, 0, 0, 0, loc))},
	} {
		in := sla.Input{Fees: usd("1"), Tickets: []sla.Ticket{{ID: "T", Priority: "P1", Events: events}}}
		reports, err := a.Evaluate(in, periods, nil)
		require.NoError(t, err)
		dec, jan := reports[0].Levels[0], reports[1].Levels[0]
		assert.Equal(t, sla.StatusNoData, dec.Status, "%s: %s", name, dec.Reason())
		assert.Equal(t, 1, jan.Population, name)
		assert.Equal(t, 0, jan.Good, name)
		assert.Equal(t, name == "unanswered", strings.Contains(jan.Reason(), "1 still unanswered"), "%s: %s", name, jan.Reason())
	}
}
