package main

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/outsourcing-go/outsourcing/contract"
)

// Change is chapters 3.3 and 6.3: a formal change with its supplementary
// agreement, and a dispute taken up the escalation ladder.
type Change struct {
	Assessment contract.ChangeAssessment `json:"assessment"`
	Route      contract.Route            `json:"route"`
	Supplement *contract.Supplement      `json:"supplement"`
	Dispute    contract.Dispute          `json:"dispute"`
	Escalation contract.EscalationStatus `json:"escalation"`
	ladder     []contract.EscalationStep
	parties    map[string]string // names by id
}

// changeContract assesses the change request against the contract in
// force, routes the proposed version by the approval table at the change's
// risk, records the approvals and the parties' signatures of the
// supplementary agreement (Handbook §3.3, §4.2), then replays the dispute
// on the contract's escalation ladder (§6.3). It returns the amended
// record.
func changeContract(d *documents, rec *contract.Record) (Change, *contract.Record, error) {
	cr := d.Change
	var ch Change
	var err error
	if ch.Assessment, err = rec.Current().AssessChange(cr); err != nil {
		return ch, rec, d.in("change", err)
	}
	if ch.Route, err = contract.DefaultTableRouter().Route(ch.Assessment.Proposed, cr.Risk.Level); err != nil {
		return ch, rec, d.in("change", err)
	}
	// The change board meets two weeks before the change takes effect.
	clk := &clock{t: cr.EffectiveFrom.AddDays(-14).In(time.UTC).Add(8 * time.Hour)}
	flow, err := approveAll(ch.Route, clk)
	if err != nil {
		return ch, rec, err
	}
	sigs, err := signatures(ch.Assessment.Proposed, clk.next())
	if err != nil {
		return ch, rec, d.in("change", err)
	}
	next, err := rec.Amend(cr, flow, contract.Event{Actor: "contract office", At: sigs[0].At, Signatures: sigs})
	if err != nil {
		return ch, rec, d.in("change", err)
	}
	versions := next.Versions()
	ch.Supplement = versions[len(versions)-1].Supplement

	ch.Dispute = d.Dispute
	asOf := d.Dispute.Raised
	if n := len(d.Dispute.Events); n > 0 {
		asOf = d.Dispute.Events[n-1].On
	}
	if ch.Escalation, err = next.Current().Escalation(d.Dispute, asOf); err != nil {
		return ch, next, d.in("dispute", err)
	}
	ch.ladder = next.Current().Spec().Governance.Escalation
	ch.parties = partyNames(next.Current())
	return ch, next, nil
}

func (ch Change) text(pg *page) {
	pg.heading("§3.3 and §6.3 A change and a dispute")
	a, cr := ch.Assessment, ch.Supplement.Change
	pg.para("Change %s, %s, requested by %s. Why: %s", cr.ID, lowerFirst(cr.Title), ch.parties[cr.RequestedBy], cr.Necessity)
	pg.para("Value of the contract up %s, annual fees up %s; %s risk: %s.",
		money(a.ValueDelta), money(a.AnnualFeesDelta), a.Risk, lowerFirst(cr.Risk.Description))
	t := newTable([]string{"Stage", "Step", "Approver", "On"}, 0)
	for _, dc := range ch.Supplement.Approvals {
		for _, s := range ch.Route.Steps {
			if s.ID == dc.Step {
				add(&t, fmt.Sprint(s.Stage), s.Name, humanize(dc.Approver), day(dc.At))
			}
		}
	}
	pg.table(fmt.Sprintf("Approval of the change; supplementary agreement %s signed on %s makes version %d, in force from %s (Handbook §3.3)",
		ch.Supplement.ID, day(ch.Supplement.Signatures[0].At), ch.Supplement.Version, ch.Supplement.EffectiveFrom), t)
	var what []string
	for _, df := range a.Differences {
		what = append(what, fmt.Sprintf("%s %s %s", humanize(df.Area), df.ID, df.Kind))
	}
	pg.para("What changes: %s.", strings.Join(what, "; "))

	e := ch.Escalation
	outcome := "open"
	switch {
	case e.Resolved:
		outcome = "resolved on " + e.ResolvedOn.String()
	case e.Final:
		outcome = "referred to the contract's dispute resolution"
	}
	pg.para("\nDispute %s, raised by %s on %s: %s. Outcome: %s.",
		ch.Dispute.ID, ch.parties[ch.Dispute.RaisedBy], ch.Dispute.Raised, ch.Dispute.Subject, outcome)
	t = newTable([]string{"Level", "Who decides", "From", "Deadline", "How it got there"})
	for _, v := range e.Visits {
		deadline := "none"
		if !v.Deadline.IsZero() {
			deadline = v.Deadline.String()
		}
		add(&t, fmt.Sprintf("%d of %d", v.Level+1, len(ch.ladder)), v.Role, v.From.String(), deadline, v.Reason)
	}
	pg.table("The dispute on the escalation ladder (Handbook §6.3)", t)
	if n := len(ch.Dispute.Events); n > 0 {
		pg.para("Decision: %s", ch.Dispute.Events[n-1].Note)
	}
}

// lowerFirst lower-cases a phrase's first letter to continue a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
