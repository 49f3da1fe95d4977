package termination

import (
	"github.com/outsourcing-go/outsourcing"
)

// Table lays out the triggers that fired, one a row: rule, ground,
// clause, notice, cure end, earliest effective date and the first piece
// of evidence; each further piece of evidence gets a line of its own
// below, so the table stays as wide as its longest piece.
func (a Assessment) Table() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"trigger", "ground", "clause", "notice", "cure ends", "earliest effective", "evidence"},
		Numeric: make([]bool, 7)}
	for _, tr := range a.Triggers {
		notice := "—"
		if !tr.Notice.IsZero() {
			notice = tr.Notice.String()
		}
		first := "—"
		if len(tr.Evidence) > 0 {
			first = tr.Evidence[0]
		}
		t.Rows = append(t.Rows, []string{tr.Rule, string(tr.Ground), tr.Clause, notice, dash(tr.CureEnds.String()),
			dash(tr.EarliestEffective.String()), first})
		for _, e := range tr.Evidence[min(1, len(tr.Evidence)):] {
			t.Rows = append(t.Rows, []string{"", "", "", "", "", "", e}) // one line per piece of evidence
		}
	}
	return t
}

// Table lays out the exit plan's dated work, one row per phase,
// handover item, data step and surviving obligation.
func (p ExitPlan) Table() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"what", "item", "party", "due", "clause"}, Numeric: make([]bool, 5)}
	for _, ph := range p.Phases {
		t.Rows = append(t.Rows, []string{"phase", string(ph.Phase), "", ph.From.String() + " to " + dash(ph.Until.String()), ""})
	}
	for _, h := range p.Handover {
		t.Rows = append(t.Rows, []string{"handover " + string(h.Kind), h.Name, h.From + " → " + h.To, h.DueDate.String(), h.Clause})
	}
	t.Rows = append(t.Rows, []string{"data", dispositionVerb[p.Data.Disposition], "", p.Data.By.String(), p.Data.Clause})
	for _, s := range p.Surviving {
		t.Rows = append(t.Rows, []string{"survives", string(s.Kind), dash(s.Party), "until " + s.Ends.String(), s.Clause})
	}
	return t
}

// Table lays out the ledger, one line a row, then the net and the
// disputed total; amounts are grouped (60,000.00 EUR).
func (l Ledger) Table() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"kind", "ref", "clause", "description", "amount"},
		Numeric: []bool{false, false, false, false, true}}
	for _, ln := range l.Lines {
		desc := ln.Description
		if ln.Disputed {
			desc += " (disputed)"
		}
		t.Rows = append(t.Rows, []string{string(ln.Kind), ln.Ref, ln.Clause, desc, ln.Amount.Grouped()})
	}
	t.Rows = append(t.Rows, []string{"net", "", "", "payable by " + dash(l.Payer), l.Net.Grouped()},
		[]string{"disputed", "", "", "outside the net", l.Disputed.Grouped()})
	return t
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
