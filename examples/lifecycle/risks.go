package main

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing/risk"
)

// lossTrials and lossSeed fix the loss simulation of the register.
const (
	lossTrials = 100_000
	lossSeed   = 2027
)

// Risks is chapter 5: the register at its mid-year review.
type Risks struct {
	Report   risk.Report          `json:"report"`
	Findings []risk.Finding       `json:"policy_findings"`
	HeatMap  risk.HeatMap         `json:"heat_map"`
	Losses   risk.PortfolioResult `json:"losses"`
	register risk.Register
}

// assessRisks rates the register on the classic 5×5 matrix at the review
// day, checks the treatment policies, places the risks on the heat map by
// their ratings at that day (their latest assessment, as the report rates
// them) and simulates a year of losses of the quantified risks (Handbook
// §5).
func assessRisks(d *documents) (Risks, error) {
	m := risk.Classic5x5()
	r := Risks{register: d.Risks}
	var err error
	if r.Report, err = risk.Assess(d.Risks, m, d.Story.RiskReviewDay); err != nil {
		return r, d.in("risks", err)
	}
	policy, err := risk.NewPolicy(risk.DefaultPolicyRules())
	if err != nil {
		return r, err
	}
	if r.Findings, err = policy.Check(d.Risks, m, d.Story.RiskReviewDay); err != nil {
		return r, d.in("risks", err)
	}
	if r.HeatMap, err = m.HeatMapAt(d.Risks, d.Story.RiskReviewDay); err != nil {
		return r, d.in("risks", err)
	}
	var items []risk.PortfolioItem
	for _, k := range d.Risks.Risks {
		if k.Loss != nil {
			items = append(items, risk.PortfolioItem{ID: k.ID, Scenario: *k.Loss})
		}
	}
	if len(items) > 0 {
		if r.Losses, err = risk.SimulatePortfolio(items, risk.SimOptions{Trials: lossTrials, Seed: lossSeed, Workers: 1}); err != nil {
			return r, d.in("risks", err)
		}
	}
	return r, nil
}

// levelLabel shows a matrix level by its label.
func (r Risks) levelLabel(id risk.Level) string {
	for _, l := range r.HeatMap.Levels {
		if l.ID == id && l.Label != "" {
			return l.Label
		}
	}
	return humanize(string(id))
}

// grid lays a heat map grid out as a table: likelihood from the top,
// impact to the right, each cell the risks in it and their level; empty
// cells stay empty.
func (r Risks) grid(cells [][]risk.HeatCell) string {
	h := r.HeatMap
	header := []string{"Likelihood \\ Impact"}
	for _, a := range h.Impact.Levels {
		header = append(header, a.Label)
	}
	t := newTable(header)
	for i := len(cells) - 1; i >= 0; i-- {
		row := []string{h.Likelihood.Levels[i].Label}
		for _, c := range cells[i] {
			cell := ""
			if c.Count > 0 {
				cell = strings.Join(c.IDs, ", ") + " (" + r.levelLabel(c.Level) + ")"
			}
			row = append(row, cell)
		}
		add(&t, row...)
	}
	return t.Text()
}

func (r Risks) text(pg *page) {
	pg.heading("§5 Risks: the register at its mid-year review")
	o := r.Report.Overall
	pg.para("Review of %s: overall risk %s (%s on NIST SP 800-30's scale), from %s; %d reviews or drills due; %d policy findings.",
		day(r.Report.AsOf), r.levelLabel(o.Level), humanize(string(o.NIST)), strings.Join(o.RiskIDs, ", "), len(r.Report.Due), len(r.Findings))
	t := newTable([]string{"Risk", "Owner", "Before controls", "After controls", "Treatment"})
	for i, k := range r.Report.Risks {
		reg := r.register.Risks[i]
		add(&t, k.ID+" "+reg.Title, reg.Owner, r.levelLabel(k.Inherent.Level), r.levelLabel(k.Residual.Evaluation.Level), reg.Treatment.Label())
	}
	pg.table("Register (Handbook §5.1–5.2)", t)
	pg.para("\nHeat map before controls\n%s\nHeat map after controls\n%s", r.grid(r.HeatMap.Inherent), r.grid(r.HeatMap.Residual))
	if len(r.Findings) > 0 {
		t = newTable([]string{"Risk", "Severity", "Finding"})
		for _, f := range r.Findings {
			add(&t, f.RiskID, string(f.Severity), f.Description)
		}
		pg.table("Treatment policy findings (Handbook §5.3)", t)
	}
	tot := r.Losses.Total
	if tot.Trials == 0 {
		return
	}
	pg.para("\nExpected annual loss of the quantified risks %s; in 1 year of 10 it exceeds %s, in 1 of 100 %s (%s simulated years).",
		money(tot.Mean), money(tot.P90), money(tot.P99), grouped(tot.Trials))
	t = newTable([]string{"Chance in a year", "Annual loss above"}, 0, 1)
	for _, e := range tot.Exceedance {
		add(&t, fmt.Sprintf("%g %%", 100*e.Probability), money(e.Loss))
	}
	pg.table("Loss exceedance", t)
}
