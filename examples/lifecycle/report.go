package main

import (
	"github.com/outsourcing-go/outsourcing/contract"
)

// Report is the whole engagement, one field per chapter; it marshals as
// the -json document.
type Report struct {
	Summary     Summary     `json:"summary"`
	Planning    Planning    `json:"planning"`
	Selection   Selection   `json:"selection"`
	Contracting Contracting `json:"contracting"`
	Service     Service     `json:"service"`
	Risks       Risks       `json:"risks"`
	Change      Change      `json:"change_and_escalation"`
	Exit        Exit        `json:"exit"`
	Review      Review      `json:"post_exit_review"`
}

// build runs the engagement on the documents, chapter after chapter, and
// returns the report; nothing is printed. The change is applied before
// the service is measured, since the contract in force on each invoice
// day depends on it.
func build(d *documents) (*Report, error) {
	r := &Report{}
	var err error
	if r.Planning, err = plan(d); err != nil {
		return nil, err
	}
	if r.Selection, err = selectVendor(d); err != nil {
		return nil, err
	}
	if r.Contracting, err = contractFor(d, r.Planning.Risk); err != nil {
		return nil, err
	}
	var rec *contract.Record
	if r.Change, rec, err = changeContract(d, r.Contracting.record); err != nil {
		return nil, err
	}
	if r.Service, err = operate(d, rec); err != nil {
		return nil, err
	}
	if r.Risks, err = assessRisks(d); err != nil {
		return nil, err
	}
	if r.Exit, err = terminate(d, rec.Current(), r.Service.Reports, r.Service.AppliedLabels); err != nil {
		return nil, err
	}
	if r.Review, err = reviewEngagement(d, r.Planning, r.Selection, r.Exit, r.Service.Reports); err != nil {
		return nil, err
	}
	r.Summary = summarise(r)
	return r, nil
}

// Text renders the report for people: the executive summary, then one
// section per chapter in the handbook's order.
func (r *Report) Text() string {
	var pg page
	r.Summary.text(&pg)
	r.Planning.text(&pg)
	r.Selection.text(&pg)
	r.Contracting.text(&pg)
	r.Service.text(&pg)
	r.Risks.text(&pg)
	r.Change.text(&pg)
	r.Exit.text(&pg)
	r.Review.text(&pg)
	return pg.String()
}
