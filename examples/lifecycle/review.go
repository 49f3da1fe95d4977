package main

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/outsourcing-go/outsourcing/termination"
)

// Review is chapters 7.4 and 8: what the engagement achieved and what the
// vendor's final evaluation recommends.
type Review struct {
	termination.PostExitReview
	objectives planning.ObjectiveSet
	vendor     string // the vendor's name
}

// reviewEngagement reviews the engagement after the exit: objectives
// against their targets, service levels over the contract's life, actual
// cost against the business case, and the vendor's final evaluation
// (Handbook §7.4, §8).
func reviewEngagement(d *documents, p Planning, sel Selection, e Exit, reports []sla.Report) (Review, error) {
	rv, err := e.terms.Review(termination.ReviewSpec{
		Contract: d.Contract.ID, AsOf: d.ReviewInput.AsOf, Objectives: d.Objectives, SLAReports: reports,
		BusinessCase: p.TCO, Option: p.Option, ActualCost: d.ReviewInput.ActualCost,
		Vendor: d.Final, Lessons: d.ReviewInput.Lessons,
	})
	if err != nil {
		return Review{}, d.in("review", err)
	}
	return Review{PostExitReview: rv, objectives: d.Objectives, vendor: sel.vendorName(rv.Vendor.Vendor)}, nil
}

func (r Review) text(pg *page) {
	pg.heading("§7.4 and §8 After the exit: review and final vendor evaluation")
	v := r.Vendor
	pg.para("Review of %s: %d of %d objectives attained; service levels met in %s of %d level-months; final recommendation on %s: %s.",
		day(r.AsOf), r.Attained, len(r.Objectives), percent(r.SLA.Percent), r.SLA.Measured, r.vendor, v.Recommendation.Label())

	t := newTable([]string{"Objective", "Target", "Latest", "State"}, 1, 2)
	for i, o := range r.Objectives {
		obj := r.objectives.Objectives[i]
		latest := "none"
		if o.Latest != nil {
			latest = o.Latest.Value.Grouped() + " " + obj.Unit
		}
		add(&t, obj.Title, obj.Target.Grouped()+" "+obj.Unit, latest, humanize(string(o.State)))
	}
	pg.table("Objectives (Handbook §1.1 revisited)", t)

	c := r.Cost
	t = newTable([]string{"Figure", "Value"}, 1)
	add(&t, "Cost in the business case", money(c.Planned))
	add(&t, "Actual cost", money(c.Actual))
	add(&t, "Over plan", fmt.Sprintf("%s (%s)", money(c.Variance), percent(c.VariancePercent)))
	add(&t, "Service levels met, at minimum only, missed", fmt.Sprintf("%d, %d, %d level-months", r.SLA.Met, r.SLA.Minimum, r.SLA.Missed))
	add(&t, "Service credits", money(r.SLA.Credits))
	add(&t, "Vendor score (quarterly reviews, share of the scale)", fmt.Sprintf("%.1f %%", v.Score))
	add(&t, "Review trend", humanize(string(v.Reviews.Direction)))
	add(&t, "Customer satisfaction, mean of 1 to 5", v.Survey.CSATMean.Round(1, outsourcing.RoundHalfUp).String())
	add(&t, "Net promoter score, −100 to 100", v.Survey.NPS.Round(0, outsourcing.RoundHalfUp).String())
	add(&t, "Improvement actions overdue", fmt.Sprint(v.OverdueActions))
	add(&t, "Recommendation", v.Recommendation.Label()+": "+v.RecommendationReason)
	pg.table("Engagement and vendor (Handbook §8)", t)
	if len(v.Lessons) > 0 {
		pg.para("\nLessons learned:\n- %s", strings.Join(v.Lessons, "\n- "))
	}
}
