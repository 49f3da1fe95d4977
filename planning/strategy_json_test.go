package planning

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullBudgetJSON fills every field of the budget document.
const fullBudgetJSON = `{
  "total": {"amount": "500000.00", "currency": "EUR"},
  "tolerance": "10",
  "phases": [
    {"id": "selection", "name": "Vendor selection", "planned": {"amount": "50000.00", "currency": "EUR"}, "actual": {"amount": "61000.00", "currency": "EUR"}},
    {"id": "transition", "name": "Transition", "planned": {"amount": "300000.00", "currency": "EUR"}, "actual": {"amount": "290000.00", "currency": "EUR"}},
    {"id": "steady", "name": "First year of operation", "planned": {"amount": "100000.00", "currency": "EUR"}, "actual": {"amount": "0.00", "currency": "EUR"}}
  ]
}`

func TestStrategyParseBudget(t *testing.T) {
	b, err := ParseBudget([]byte(fullBudgetJSON))
	require.NoError(t, err)
	r, err := b.Variance()
	require.NoError(t, err)
	// 61000 against 50000 is +22 %, beyond the 10 % tolerance.
	assert.Equal(t, BudgetStatusOver, r.Phases[0].Status)
	assertDecimal(t, "22", r.Phases[0].VariancePercent)
	assert.Equal(t, BudgetStatusOnPlan, r.Phases[1].Status)
	assertDecimal(t, dec("149000"), r.Remaining.Amount())

	out, err := json.Marshal(b)
	require.NoError(t, err)
	require.NoError(t, BudgetSchema().Validate(out), string(out))
	back, err := ParseBudget(out)
	require.NoError(t, err)
	assert.Equal(t, b, back)

	const phase = `{"id": "p", "planned": {"amount": "10", "currency": "EUR"}, "actual": {"amount": "5", "currency": "EUR"}}`
	cases := []struct {
		name, doc, path string
		is              error
	}{
		{"no phases", `{"total": {"amount": "10", "currency": "EUR"}, "phases": []}`, "/phases", outsourcing.ErrInvalidInput},
		{"negative tolerance", `{"total": {"amount": "10", "currency": "EUR"}, "tolerance": "-1", "phases": [` + phase + `]}`, "/tolerance", outsourcing.ErrInvalidInput},
		{"amount as a number", `{"total": {"amount": 10, "currency": "EUR"}, "phases": [` + phase + `]}`, "/total/amount", outsourcing.ErrInvalidInput},
		{"missing actual", `{"total": {"amount": "10", "currency": "EUR"}, "phases": [{"id": "p", "planned": {"amount": "10", "currency": "EUR"}}]}`, "/phases/0", outsourcing.ErrInvalidInput},
		{"currency mismatch", `{"total": {"amount": "10", "currency": "USD"}, "phases": [` + phase + `]}`, "/phases/0/planned", outsourcing.ErrCurrencyMismatch},
		{"plans above the total", `{"total": {"amount": "9", "currency": "EUR"}, "phases": [` + phase + `]}`, "/phases", outsourcing.ErrInvalidInput},
		{"duplicate phase", `{"total": {"amount": "90", "currency": "EUR"}, "phases": [` + phase + `,` + phase + `]}`, "/phases/1/id", outsourcing.ErrInvalidInput},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseBudget([]byte(c.doc))
			require.ErrorIs(t, err, c.is)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path, err.Error())
			assertPkgPrefixOnce(t, err)
		})
	}
}

// fullTimelineJSON fills every field of the timeline document (Handbook
// §1.3 milestones).
const fullTimelineJSON = `{
  "id": "service-desk-plan",
  "name": "Service desk outsourcing plan",
  "milestones": [
    {"id": "req", "kind": "requirements_confirmed", "name": "Requirements confirmed", "planned": "2025-02-01T00:00:00Z", "actual": "2025-02-10T00:00:00Z"},
    {"id": "sel", "kind": "vendor_selected", "name": "Vendor selected", "planned": "2025-05-01T00:00:00Z"},
    {"id": "sign", "kind": "contract_signed", "name": "Contract signed", "planned": "2025-07-01T00:00:00Z", "forecast": "2025-07-21T00:00:00Z"},
    {"id": "trans", "kind": "transition_complete", "planned": "2025-10-01T00:00:00Z"},
    {"id": "steady", "kind": "steady_state", "planned": "2026-01-01T00:00:00Z", "forecast": "2025-12-15T00:00:00Z"},
    {"id": "review", "kind": "other", "name": "First annual review", "planned": "2027-01-01T00:00:00Z"}
  ]
}`

func TestStrategyParseTimeline(t *testing.T) {
	tl, err := ParseTimeline([]byte(fullTimelineJSON))
	require.NoError(t, err)
	assert.Equal(t, "service-desk-plan", tl.ID)
	st, err := tl.At(day("2025-05-15"))
	require.NoError(t, err)
	// Calendar days: Feb 1 → Feb 10 is 9, May 1 → May 15 is 14, Jul 1 → Jul 21 is 20.
	assert.Equal(t, []int{9, 14, 20, 0, 0, 0}, []int{st.Milestones[0].SlipDays, st.Milestones[1].SlipDays,
		st.Milestones[2].SlipDays, st.Milestones[3].SlipDays, st.Milestones[4].SlipDays, st.Milestones[5].SlipDays})
	assert.Equal(t, 20, st.MaxSlipDays)
	// An actual date after the report date is an error of the report, not of the document.
	_, err = tl.At(day("2025-02-05"))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)

	out, err := json.Marshal(tl)
	require.NoError(t, err)
	require.NoError(t, TimelineSchema().Validate(out), string(out))
	back, err := ParseTimeline(out)
	require.NoError(t, err)
	assert.Equal(t, tl, back)

	cases := []struct{ name, doc, path string }{
		{"no milestones", `{"milestones": []}`, "/milestones"},
		{"unknown kind", `{"milestones": [{"id": "a", "kind": "party", "planned": "2025-01-01T00:00:00Z"}]}`, "/milestones/0/kind"},
		{"date only", `{"milestones": [{"id": "a", "kind": "other", "planned": "2025-01-01"}]}`, "/milestones/0/planned"},
		{"missing planned", `{"milestones": [{"id": "a", "kind": "other"}]}`, "/milestones/0"},
		{"out of order", `{"milestones": [{"id": "a", "kind": "other", "planned": "2025-02-01T00:00:00Z"}, {"id": "b", "kind": "other", "planned": "2025-01-01T00:00:00Z"}]}`, "/milestones/1/planned"},
		{"duplicate id", `{"milestones": [{"id": "a", "kind": "other", "planned": "2025-01-01T00:00:00Z"}, {"id": "a", "kind": "other", "planned": "2025-01-01T00:00:00Z"}]}`, "/milestones/1/id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTimeline([]byte(c.doc))
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path, err.Error())
			assertPkgPrefixOnce(t, err)
		})
	}
}

func FuzzParseBudget(f *testing.F) {
	f.Add([]byte(fullBudgetJSON))
	f.Add([]byte(`{"total": {"amount": "0", "currency": "JPY"}, "phases": [{"id": "p", "planned": {"amount": "0", "currency": "JPY"}, "actual": {"amount": "99999999999999999999", "currency": "JPY"}}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		b, err := ParseBudget(doc)
		if err != nil {
			return
		}
		_, err = b.Variance()
		require.NoError(t, err, "a parsed budget must give a report")
	})
}

func FuzzParseTimeline(f *testing.F) {
	f.Add([]byte(fullTimelineJSON))
	f.Add([]byte(`{"milestones": [{"id": "a", "kind": "other", "planned": "0001-01-01T00:00:00Z", "actual": "9999-12-31T23:59:59Z"}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		tl, err := ParseTimeline(doc)
		if err != nil {
			return
		}
		_, err = tl.At(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err, "a parsed timeline must give a status")
	})
}
