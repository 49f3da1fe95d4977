package main

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing/scoring"
	"github.com/outsourcing-go/outsourcing/vendors"
)

// Selection is chapter 2: which vendor?
type Selection struct {
	Screening  vendors.ScreeningResult `json:"screening"`
	Evaluation vendors.Evaluation      `json:"evaluation"`
	Decision   vendors.DecisionRecord  `json:"decision"`
	History    []vendors.Move          `json:"history"`
	pool       *vendors.Pool
	template   *vendors.Template
}

// selectVendor screens the pool at the screening day, scores the short
// list on the template with the weight sensitivity and records the
// committee's decision (Handbook §2), moving every vendor through the
// selection pipeline.
func selectVendor(d *documents) (Selection, error) {
	var s Selection
	var err error
	if s.pool, err = vendors.CompilePool(d.Vendors); err != nil {
		return s, d.in("vendors", err)
	}
	screening, err := vendors.CompileScreening(d.Screening)
	if err != nil {
		return s, d.in("screening", err)
	}
	if s.Screening, err = screening.Screen(s.pool, d.Story.ScreeningDay); err != nil {
		return s, d.in("screening", err)
	}
	pipeline, err := vendors.NewPipeline(s.pool).Apply(s.Screening.Moves(d.Story.ScreeningDay, "screening committee")...)
	if err != nil {
		return s, d.in("vendors", err)
	}
	if s.template, err = vendors.CompileTemplate(d.Template); err != nil {
		return s, d.in("template", err)
	}
	if s.Evaluation, err = vendors.Evaluate(s.template, d.Evaluation); err != nil {
		return s, d.in("evaluation", err)
	}
	if pipeline, err = pipeline.Apply(s.Evaluation.Moves(d.Story.EvaluationDay, "evaluation panel")...); err != nil {
		return s, d.in("evaluation", err)
	}
	if s.Decision, err = vendors.Decide(s.Evaluation, d.Decision); err != nil {
		return s, d.in("decision", err)
	}
	if pipeline, err = pipeline.Apply(s.Decision.Moves(d.Decision.Decided, "selection committee")...); err != nil {
		return s, d.in("decision", err)
	}
	s.History = pipeline.History()
	return s, nil
}

// vendorName is the vendor's trading name.
func (s Selection) vendorName(id string) string {
	if p, ok := s.pool.Profile(id); ok {
		return p.Name
	}
	return id
}

// winner is the ranked vendor the committee selected.
func (s Selection) winner() vendors.RankedVendor {
	for _, r := range s.Evaluation.Ranking {
		if r.Vendor == s.Decision.Selected {
			return r
		}
	}
	return vendors.RankedVendor{Vendor: s.Decision.Selected}
}

// bid returns the vendor's bid, if it has one.
func (s Selection) bid(id string) string {
	for _, v := range s.Evaluation.Vendors {
		if v.Vendor == id && v.Price != nil {
			return money(v.Price.Price)
		}
	}
	return "none"
}

func (s Selection) text(pg *page) {
	pg.heading("§2 Selection: which vendor?")
	w := s.winner()
	pg.para("Decision on %s by the %s: %s, ranked %d of %d with %.1f points of 100, bid %s; status %s.",
		day(s.Decision.Decided), s.Decision.DecidedBy, s.vendorName(w.Vendor), w.Rank, len(s.Evaluation.Ranking),
		w.Points, s.bid(w.Vendor), s.Decision.Status)

	t := newTable([]string{"Vendor", "Result", "Why"})
	for _, v := range s.Screening.Vendors {
		if v.Passed {
			add(&t, s.vendorName(v.Vendor), "short-listed", "")
			continue
		}
		var why []string
		for _, k := range v.KnockOuts {
			why = append(why, "fails: "+k.Description)
		}
		for _, l := range v.NotCounted {
			why = append(why, l.String())
		}
		add(&t, s.vendorName(v.Vendor), "rejected", strings.Join(why, "; "))
	}
	pg.table(fmt.Sprintf("Screening of %d vendors on %s against %d knock-out criteria (Handbook §2.1)",
		s.pool.Len(), day(s.Screening.AsOf), s.Screening.Rules), t)

	header := []string{"Dimension", "Weight"}
	numeric := []int{1}
	for i, v := range s.Evaluation.Vendors {
		header = append(header, s.vendorName(v.Vendor))
		numeric = append(numeric, i+2)
	}
	t = newTable(header, numeric...)
	spec := s.template.Spec()
	for j, dim := range spec.Dimensions {
		row := []string{dim.Name, share(s.Evaluation.Weights[j].Weight)}
		for _, v := range s.Evaluation.Vendors {
			row = append(row, fmt.Sprintf("%.1f", v.Dimensions[j].Score))
		}
		add(&t, row...)
	}
	row := []string{"Bid", ""}
	for _, v := range s.Evaluation.Vendors {
		row = append(row, s.bid(v.Vendor))
	}
	add(&t, row...)
	row = []string{"Weighted score, points of 100", ""}
	for _, v := range s.Evaluation.Vendors {
		row = append(row, fmt.Sprintf("%.1f", v.Points))
	}
	add(&t, row...)
	pg.table(fmt.Sprintf("Scores of the %d-member panel, %s to %s a dimension; price scored from the bids (Handbook §2.2)",
		s.Evaluation.Panel, spec.Scale.Min, spec.Scale.Max), t)

	t = newTable([]string{"Dimension", "Weight", "Winner unchanged for weights", "Whole ranking unchanged for weights"}, 1)
	names := map[string]string{}
	for _, dim := range spec.Dimensions {
		names[dim.ID] = dim.Name
	}
	for _, iv := range s.Evaluation.Sensitivity {
		add(&t, names[iv.Criterion], share(iv.Weight), weightRange(iv.WinnerLow, iv.WinnerHigh), weightRange(iv.RankingLow, iv.RankingHigh))
	}
	pg.table("Sensitivity: one weight moved, the others rescaled (Handbook §2.3)", t)

	t = newTable([]string{"Role", "Approver", "Verdict", "On"})
	for _, a := range s.Decision.Approvals {
		add(&t, a.Role, a.Approver, a.Verdict.Label(), day(a.At))
	}
	pg.table("Decision record "+s.Decision.ID.String()+": "+s.Decision.Rationale, t)
}

// weightRange shows a weight interval in percent.
func weightRange(low, high float64) string {
	if low <= 0 && high >= 1 {
		return "any"
	}
	return fmt.Sprintf("%.1f %% to %.1f %%", 100*low, 100*high)
}

// scoreBars is the evaluation's score-bar chart with the vendors' names.
func (s Selection) scoreBars() []byte {
	ranked := s.Evaluation.Ranked()
	for i := range ranked {
		ranked[i].Alternative = s.vendorName(ranked[i].Alternative)
	}
	return scoring.ScoreBarsSVG(ranked)
}
