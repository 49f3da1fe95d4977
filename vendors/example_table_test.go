package vendors_test

import (
	"fmt"
	"log"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/vendors"
)

// The evaluation matrix: dimension scores per vendor with the weights and
// the bids; initech, gated out on security, has no price score and no bid
// scored.
func ExampleEvaluation_MatrixTable() {
	t, ev := helpdeskEvaluation()
	fmt.Print(ev.MatrixTable(t).Text())
	// Output:
	// dimension             weight        acme      globex  initech
	// --------------------  ------  ----------  ----------  -------
	// Service quality        50.0%         7.5         6.0      9.0
	// Information security   20.0%         7.5         6.5      3.5
	// Price                  30.0%         8.3        10.0        —
	// Bid (EUR)                     120,000.00  100,000.00        —
}

// The ranking in points out of the template's total of 100.
func ExampleEvaluation_RankingTable() {
	_, ev := helpdeskEvaluation()
	fmt.Print(ev.RankingTable().Markdown())
	// Output:
	// | rank | vendor | points |
	// | ---: | --- | ---: |
	// | 1 | acme | 77.50 |
	// | 2 | globex | 73.00 |
}

// The decision's approvals: finance, a required role, has not approved
// yet, so the decision is pending.
func ExampleDecisionRecord_ApprovalsTable() {
	rec := helpdeskDecision()
	fmt.Println(rec.Status)
	fmt.Print(rec.ApprovalsTable().Text())
	// Output:
	// pending
	// role         approver  verdict   date        comment
	// -----------  --------  --------  ----------  -------------
	// procurement  cpo       approved  2025-04-08  bid confirmed
	// finance      —         pending   —
}

// The clarification and negotiation log kept with the winner; the credit
// cap is still under negotiation.
func ExampleDecisionRecord_LogTable() {
	fmt.Print(helpdeskDecision().LogTable().Text())
	// Output:
	// item  kind           vendor  topic             raised      status    resolved    resolution
	// ----  -------------  ------  ----------------  ----------  --------  ----------  ----------
	// C-1   clarification  acme    on-site staffing  2025-04-01  resolved  2025-04-03  4 FTE
	// N-1   negotiation    acme    credit cap        2025-04-02  open      —
}

// helpdeskDecision selects the winner of helpdeskEvaluation with one of
// two required approvals and a log item still open.
func helpdeskDecision() vendors.DecisionRecord {
	_, ev := helpdeskEvaluation()
	day := func(d int) time.Time { return time.Date(2025, 4, d, 10, 0, 0, 0, time.UTC) }
	rec, err := vendors.Decide(ev, vendors.DecisionSpec{
		Selected: ev.Winner(), Rationale: "best quality at a fair price", Decided: day(7),
		RequiredRoles: []string{"procurement", "finance"},
		Approvals:     []vendors.Approval{{Approver: "cpo", Role: "procurement", Verdict: vendors.VerdictApprove, At: day(8), Comment: "bid confirmed"}},
		Log: []vendors.LogItem{
			{ID: "C-1", Vendor: "acme", Kind: vendors.LogClarification, Topic: "on-site staffing", Raised: day(1), Status: vendors.LogResolved, Resolution: "4 FTE", Resolved: day(3)},
			{ID: "N-1", Vendor: "acme", Kind: vendors.LogNegotiation, Topic: "credit cap", Raised: day(2), Status: vendors.LogOpen},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	return rec
}

// helpdeskEvaluation scores acme, globex and initech on a three-dimension
// template whose security gate initech fails.
func helpdeskEvaluation() (*vendors.Template, vendors.Evaluation) {
	spec, err := vendors.ParseTemplate([]byte(`{"scale": {"min": "0", "max": "10"}, "total": "100", "dimensions": [
	  {"id": "quality", "name": "Service quality", "weight": "50"},
	  {"id": "security", "name": "Information security", "weight": "20", "gate": "5"},
	  {"id": "price", "name": "Price", "weight": "30", "price": {"formula": "proportional"}}]}`))
	if err != nil {
		log.Fatal(err)
	}
	t, err := vendors.CompileTemplate(spec)
	if err != nil {
		log.Fatal(err)
	}
	eval := vendors.EvaluationSpec{Vendors: []string{"acme", "globex", "initech"}, Evaluators: []vendors.Evaluator{{ID: "it"}, {ID: "procurement"}}}
	scores := map[string][4]string{"acme": {"8", "7", "8", "7"}, "globex": {"6", "6", "7", "6"}, "initech": {"9", "9", "3", "4"}}
	for _, v := range eval.Vendors {
		for i, c := range []string{"quality", "quality", "security", "security"} {
			eval.Scores = append(eval.Scores, vendors.ScoreEntry{Evaluator: eval.Evaluators[i%2].ID, Vendor: v, Criterion: c, Score: outsourcing.MustDecimal(scores[v][i])})
		}
	}
	for v, amount := range []string{"120000", "100000", "90000"} {
		eval.Bids = append(eval.Bids, vendors.BidEntry{Vendor: eval.Vendors[v], Price: outsourcing.MustMoney(amount, "EUR")})
	}
	ev, err := vendors.Evaluate(t, eval)
	if err != nil {
		log.Fatal(err)
	}
	return t, ev
}
