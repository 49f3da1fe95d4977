package contract_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// document is one kind of document callers send: a fully filled value,
// and its parser returning the value as any.
type document struct {
	name   string
	filled any
	parse  func([]byte) (any, error)
}

func asAny[T any](parse func([]byte) (T, error)) func([]byte) (any, error) {
	return func(doc []byte) (any, error) { return parse(doc) }
}

// documents returns every document kind other than the contract, each
// with every field set.
func documents() []document {
	eur := func(s string) outsourcing.Money { return outsourcing.MustMoney(s, "EUR") }
	qty := outsourcing.MustDecimal("12.5")
	minimum := outsourcing.MustDecimal("92")
	day := contract.MustDate(2026, 3, 31)
	at := time.Date(2026, 4, 2, 9, 30, 0, 0, time.UTC)
	return []document{
		{"invoice", contract.Invoice{ID: "INV-4", Date: day, Lines: []contract.InvoiceLine{
			{Kind: contract.LineKindFee, Ref: "base", Period: contract.Period{Start: contract.MustDate(2026, 3, 1), End: day},
				Amount: eur("40000.00"), Description: "March"},
			{Kind: contract.LineKindTime, Ref: "engineer", Quantity: &qty, UnitPrice: eur("120.00"), Amount: eur("1500.00")},
			{Kind: contract.LineKindCredit, Ref: "ito-sla/2026-03", Amount: eur("-800.00")},
		}}, asAny(contract.ParseInvoice)},
		{"dispute", contract.Dispute{ID: "D-1", Subject: "Invoice INV-4", RaisedBy: "acme", Raised: day, Events: []contract.DisputeEvent{
			{Kind: contract.DisputeEscalate, Actor: "service manager", On: day.AddDays(2), Note: "no answer"},
			{Kind: contract.DisputeResolve, Actor: "steering committee", On: day.AddDays(9)},
			{Kind: contract.DisputeAppeal, Actor: "acme", On: day.AddDays(12), Note: "new facts"},
		}}, asAny(contract.ParseDispute)},
		{"change request", contract.ChangeRequest{ID: "CR-7", Title: "Weekend cover", RequestedBy: "acme", Necessity: "Weekend sales",
			Impact:        contract.Impact{Description: "On call at weekends", Services: []string{"desk"}, Schedule: "from July"},
			Risk:          contract.ChangeRisk{Level: outsourcing.RiskLevelLow, Description: "Staffing", Mitigation: "Two engineers"},
			EffectiveFrom: contract.MustDate(2026, 7, 1),
			Amendment: contract.Amendment{
				Clauses:       []contract.Clause{{ID: "15", Kind: contract.ClauseKindCustom, Title: "Weekend cover", Text: "Saturdays too.", Obligations: []contract.Obligation{{ID: "rota", Description: "Publish the rota", Party: "nordops", Due: day, Every: contract.Months(1), Until: day.AddYears(1), Lead: contract.Days(5)}}}},
				RemoveClauses: []string{"14"},
				Fees:          []contract.Fee{{ID: "weekend", Description: "Weekend cover", Amount: eur("3500.00"), Every: contract.Months(1), Billing: contract.BillingArrears, From: contract.MustDate(2026, 7, 1), Until: contract.MustDate(2028, 12, 31)}},
				RemoveFees:    []string{"licences"},
				RateCard:      []contract.Rate{{ID: "oncall", Role: "On-call engineer", Unit: contract.RateUnitHour, Price: eur("150.00"), MaxUnits: &qty}},
				Milestones:    []contract.Milestone{{ID: "rota-live", Description: "Rota live", Amount: eur("5000.00"), Due: day.AddDays(100), Criteria: []string{"runbooks"}}},
				SLATargets:    []contract.SLATarget{{Level: "p1-resolution", Expected: outsourcing.MustDecimal("97"), Minimum: &minimum}},
				TermEnd:       contract.MustDate(2029, 6, 30),
				Ceiling:       eur("2100000.00"),
			}}, asAny(contract.ParseChangeRequest)},
		{"acceptance request", contract.AcceptanceRequest{Subject: "transition-done",
			Results:    []contract.CriterionResult{{Criterion: "kt-complete", Passed: true, Evidence: "KT log"}, {Criterion: "runbooks", Passed: false}},
			SignOff:    contract.Signature{Party: "acme", Signatory: "ceo", At: at},
			CoSignOffs: []contract.Signature{{Party: "acme", Signatory: "cio", At: at.Add(time.Hour)}}}, asAny(contract.ParseAcceptanceRequest)},
		{"completions", []contract.Completion{{Item: "kt-1", On: day}, {Item: "hw", On: day.AddDays(1)}}, asAny(contract.ParseCompletions)},
		{"fulfilments", []contract.Fulfilment{{Obligation: "monthly-report", Due: day, On: day.AddDays(-1)}}, asAny(contract.ParseFulfilments)},
	}
}

// TestDocumentsRoundTrip: every document kind, fully filled, marshals
// to JSON that its schema accepts and that parses back to the same value.
func TestDocumentsRoundTrip(t *testing.T) {
	for _, d := range documents() {
		t.Run(d.name, func(t *testing.T) {
			doc, err := json.Marshal(d.filled)
			require.NoError(t, err)
			got, err := d.parse(doc)
			require.NoError(t, err, string(doc))
			assert.Equal(t, d.filled, got)
		})
	}
}

// TestDocumentsBadInput: each parser reports an unknown property at the
// property, a value of the wrong kind and a missing field at their JSON
// pointers (a missing field at the object that lacks it), and malformed JSON as a SyntaxError.
func TestDocumentsBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parse func([]byte) (any, error)
		doc   string
		paths []string
	}{
		{"invoice", asAny(contract.ParseInvoice), `{"id":"I","date":"2026-02-30","lines":[{"kind":"bonus","ref":"x","amount":{"amount":"1","currency":"EUR"},"qty":"1"}]}`,
			[]string{"/date", "/lines/0/kind", "/lines/0/qty"}},
		{"dispute", asAny(contract.ParseDispute), `{"id":"D","subject":"s","raised_by":"acme","raised":"2026-01-01","events":[{"kind":"escalate","on":"2026-01-02"}]}`,
			[]string{"/events/0"}},
		{"change request", asAny(contract.ParseChangeRequest), `{"id":"CR","title":"t","requested_by":"acme","necessity":"n","impact":{"description":"d"},"risk":{"level":"huge","description":"d"},"effective_from":"2026-07-01","amendment":{"fees":[{"id":"f","amount":{"amount":"1","currency":"EUR"},"every":"P1X"}]}}`,
			[]string{"/risk/level", "/amendment/fees/0/every"}},
		{"acceptance request", asAny(contract.ParseAcceptanceRequest), `{"subject":"m","results":[{"criterion":"c","passed":"yes"}],"sign_off":{"party":"acme","signatory":"ceo","at":"yesterday"},"co_sign_offs":[{"party":"acme","at":"2026-04-02T09:30:00Z"}]}`,
			[]string{"/results/0/passed", "/sign_off/at", "/co_sign_offs/0"}},
		{"completions", asAny(contract.ParseCompletions), `[{"item":"a","on":"2026-01-01"},{"item":"b"}]`, []string{"/1"}},
		{"fulfilments", asAny(contract.ParseFulfilments), `[{"obligation":"o","due":"2026-01-31","on":"2026-01-30","late":true}]`, []string{"/0/late"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.parse([]byte(tc.doc))
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			for _, p := range tc.paths {
				requirePath(t, err, p)
			}
			_, err = tc.parse([]byte(tc.doc[:len(tc.doc)/2]))
			var syn *outsourcing.SyntaxError
			assert.ErrorAs(t, err, &syn)
		})
	}
}
