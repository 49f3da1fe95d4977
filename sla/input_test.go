package sla_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullInput fills every field of the input schema.
const fullInput = `{
  "fees": {"amount": "10000.00", "currency": "EUR"},
  "service_fees": {"erp": {"amount": "4000.00", "currency": "EUR"}},
  "outages": [{"id": "O1", "service": "erp", "start": "2024-04-02T10:00:00Z", "end": "2024-04-02T10:05:00Z",
    "cause": "vendor", "tags": ["network"]}],
  "deployments": [{"service": "erp", "start": "2024-04-01T00:00:00Z", "end": "2024-05-01T00:00:00Z"}],
  "tickets": [{"id": "T1", "service": "erp", "priority": "P1", "cause": "vendor", "tags": ["db"], "events": [
    {"kind": "opened", "at": "2024-04-02T10:00:00Z"}, {"kind": "assigned", "at": "2024-04-02T10:10:00Z"},
    {"kind": "pending", "at": "2024-04-02T11:00:00Z"}, {"kind": "resumed", "at": "2024-04-02T12:00:00Z"},
    {"kind": "resolved", "at": "2024-04-02T13:00:00Z"}, {"kind": "reopened", "at": "2024-04-03T09:00:00Z"}]}],
  "requests": [{"service": "web", "start": "2024-04-02T10:00:00Z", "requests": 100, "errors": 3}],
  "latencies": [{"service": "api", "at": "2024-04-02T10:00:00Z", "millis": "120.5"}],
  "measures": [{"service": "desk", "name": "csat", "at": "2024-04-02T10:00:00Z", "value": "4.5"}]
}`

func TestParseInputRoundTrips(t *testing.T) {
	in, err := sla.ParseInput([]byte(fullInput))
	require.NoError(t, err)
	require.Len(t, in.Tickets[0].Events, 6)
	out, err := json.Marshal(in)
	require.NoError(t, err)
	require.NoError(t, sla.InputSchema().Validate(out), string(out))
	back, err := sla.ParseInput(out)
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(out), string(again))
	assert.Equal(t, "https://outsourcing-go.github.io/schemas/sla/input.schema.json", sla.InputSchema().ID())
}

// TestParseInputErrors checks that every problem is reported at the JSON
// pointer of the value the caller wrote, with the right sentinel, the
// package prefix once, and nothing decoded.
func TestParseInputErrors(t *testing.T) {
	fees := `"fees":{"amount":"100.00","currency":"USD"}`
	ticket := func(events string) string {
		return `{` + fees + `,"tickets":[{"id":"T1","priority":"P1","events":[` + events + `]}]}`
	}
	tests := []struct {
		name, doc, path string
		is              error
	}{
		{"misspelled outages", `{` + fees + `,"outgaes":[]}`, "/outgaes", outsourcing.ErrInvalidInput},
		{"unknown outage field", `{` + fees + `,"outages":[{"start":"2024-04-02T10:00:00Z","end":"2024-04-02T11:00:00Z","reason":"x"}]}`,
			"/outages/0/reason", outsourcing.ErrInvalidInput},
		{"fees missing", `{"outages":[]}`, "", outsourcing.ErrInvalidInput},
		{"negative fees", `{"fees":{"amount":"-1.00","currency":"USD"}}`, "/fees/amount", outsourcing.ErrInvalidInput},
		{"service fees in another currency", `{` + fees + `,"service_fees":{"erp/eu":{"amount":"1.00","currency":"EUR"}}}`,
			"/service_fees/erp~1eu/currency", outsourcing.ErrCurrencyMismatch},
		{"outage ends before it starts", `{` + fees + `,"outages":[{"id":"O1","start":"2024-04-02T10:00:00Z","end":"2024-04-02T09:00:00Z"}]}`,
			"/outages/0/end", outsourcing.ErrInvalidInput},
		{"empty outage", `{` + fees + `,"outages":[{"start":"2024-04-02T10:00:00Z","end":"2024-04-02T10:00:00Z"}]}`,
			"/outages/0/end", outsourcing.ErrInvalidInput},
		{"outage beyond 2200", `{` + fees + `,"outages":[{"start":"2024-04-02T10:00:00Z","end":"2262-04-12T00:00:00Z"}]}`,
			"/outages/0/end", outsourcing.ErrInvalidInput},
		{"deployment ends before it starts", `{` + fees + `,"deployments":[{"start":"2024-04-02T10:00:00Z","end":"2024-04-01T00:00:00Z"}]}`,
			"/deployments/0/end", outsourcing.ErrInvalidInput},
		{"negative requests", `{` + fees + `,"requests":[{"start":"2024-04-02T10:00:00Z","requests":-1,"errors":0}]}`,
			"/requests/0/requests", outsourcing.ErrInvalidInput},
		{"more errors than requests", `{` + fees + `,"requests":[{"start":"2024-04-02T10:00:00Z","requests":5,"errors":6}]}`,
			"/requests/0/errors", outsourcing.ErrInvalidInput},
		{"negative latency", `{` + fees + `,"latencies":[{"at":"2024-04-02T10:00:00Z","millis":"-1"}]}`,
			"/latencies/0/millis", outsourcing.ErrInvalidInput},
		{"ticket log out of order", ticket(`{"kind":"opened","at":"2024-04-02T10:00:00Z"},{"kind":"resolved","at":"2024-04-02T09:00:00Z"}`),
			"/tickets/0/events/1/at", outsourcing.ErrInvalidInput},
		{"ticket without opened", ticket(`{"kind":"resolved","at":"2024-04-02T09:00:00Z"}`),
			"/tickets/0/events/0/kind", outsourcing.ErrInvalidInput},
		{"resumed while running", ticket(`{"kind":"opened","at":"2024-04-02T10:00:00Z"},{"kind":"resumed","at":"2024-04-02T11:00:00Z"}`),
			"/tickets/0/events/1/kind", outsourcing.ErrTransition},
		{"unknown event kind", ticket(`{"kind":"closed","at":"2024-04-02T10:00:00Z"}`), "/tickets/0/events/0/kind", outsourcing.ErrInvalidInput},
		// the same ticket sent twice was measured twice: 2 of 3 within target for 1 of 2
		{"ticket sent twice", `{` + fees + `,"tickets":[` +
			`{"id":"T1","priority":"P1","events":[{"kind":"opened","at":"2024-04-02T10:00:00Z"}]},` +
			`{"id":"T2","priority":"P1","events":[{"kind":"opened","at":"2024-04-02T10:00:00Z"}]},` +
			`{"id":"T1","priority":"P1","events":[{"kind":"opened","at":"2024-04-02T10:00:00Z"}]}]}`,
			"/tickets/2/id", outsourcing.ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := sla.ParseInput([]byte(tt.doc))
			require.Error(t, err)
			assert.Equal(t, sla.Input{}, in, "nothing decoded")
			assert.ErrorIs(t, err, tt.is)
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, tt.path, fe.Path, err.Error())
			assert.True(t, strings.HasPrefix(err.Error(), "sla: "), err.Error())
			assert.Equal(t, 1, strings.Count(err.Error(), "sla: "), err.Error())
		})
	}
}

// TestReportChecksGoInput checks that an Input built in Go is checked as
// ParseInput checks a document, with the same pointers.
func TestReportChecksGoInput(t *testing.T) {
	a := mustParse(t, `{"id":"x","credits":{},"levels":[{"id":"up","metric":"availability","expected":"99"}]}`)
	p := mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z"))
	in := sla.Input{Fees: usd("1"), Outages: []sla.Outage{
		{ID: "ok", Start: at(t, "2024-04-02T08:00:00Z"), End: at(t, "2024-04-02T09:00:00Z")},
		{ID: "o7", Start: at(t, "2024-04-02T10:00:00Z"), End: at(t, "2024-04-02T09:00:00Z")}}}
	_, err := a.Report(in, p, nil)
	var fe *outsourcing.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "/outages/1/end", fe.Path)
	assert.Contains(t, fe.Reason, `outage "o7" ends at 2024-04-02T09:00:00Z`)
	assert.Equal(t, 1, strings.Count(err.Error(), "sla: "), err.Error())
	_, err = a.Report(sla.Input{}, p, nil)
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, "/fees", fe.Path)
}

func FuzzParseInput(f *testing.F) {
	f.Add([]byte(fullInput))
	f.Add([]byte(`{"fees":{"amount":"1","currency":"USD"},"outgaes":[]}`))
	f.Add([]byte(`{"fees":{"amount":"1","currency":"USD"},"requests":[{"start":"2024-04-02T10:00:00Z","requests":5,"errors":6}]}`))
	f.Add([]byte(`{"fees":{"amount":"1","currency":"USD"},"tickets":[{"id":"T","priority":"P1","events":[{"kind":"opened","at":"1899-12-31T23:59:59Z"}]}]}`))
	a, err := parseAgreement([]byte(`{"id":"x","credits":{"at_risk":"10"},"levels":[
		{"id":"up","metric":"availability","expected":"99.9","credit":{"kind":"allocation","allocation":"50"}},
		{"id":"res","metric":"resolution_time","expected":"90","targets":{"P1":"4h"}}]}`))
	require.NoError(f, err)
	f.Add([]byte(`A`)) // malformed JSON: a *SyntaxError, not a FieldError
	f.Fuzz(func(t *testing.T, doc []byte) {
		in, err := sla.ParseInput(doc)
		if err != nil {
			require.Equal(t, sla.Input{}, in)
			var syn *outsourcing.SyntaxError
			if errors.As(err, &syn) {
				require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
				return
			}
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			require.True(t, fe.Path == "" || strings.HasPrefix(fe.Path, "/"), "pointer %q", fe.Path)
			require.True(t, errors.Is(err, outsourcing.ErrInvalidInput) || errors.Is(err, outsourcing.ErrCurrencyMismatch) ||
				errors.Is(err, outsourcing.ErrTransition), "%v", err)
			return
		}
		// A valid input always evaluates: every event is representable.
		p := mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z"))
		_, err = a.Report(in, p, nil)
		require.NoError(t, err)
	})
}

// Every repeat of a ticket id is reported, in document order, naming the
// first ticket with that id.
func TestParseInputRepeatedTicketIDs(t *testing.T) {
	tk := func(id string) string {
		return `{"id":"` + id + `","priority":"P1","events":[{"kind":"opened","at":"2024-04-02T10:00:00Z"}]}`
	}
	doc := `{"fees":{"amount":"100.00","currency":"USD"},"tickets":[` + tk("B") + `,` + tk("A") + `,` + tk("B") + `,` + tk("A") + `,` + tk("B") + `]}`
	_, err := sla.ParseInput([]byte(doc))
	var got []string
	for _, fe := range outsourcing.FieldErrors(err) {
		got = append(got, fe.Path+": "+fe.Reason)
	}
	assert.Equal(t, []string{`/tickets/2/id: ticket "B" is ticket 0 again`, `/tickets/3/id: ticket "A" is ticket 1 again`,
		`/tickets/4/id: ticket "B" is ticket 0 again`}, got)
}
