package risk

import (
	"fmt"
	"strings"
)

// rows lays the result out as tables: one row per option, then the
// drivers of each compared option.
func (r CaseResult) rows() [][][]string {
	level := fmt.Sprintf("%g%%", r.Confidence*100)
	summary := [][]string{{"option", "point NPV", "mean NPV", "P5", "P50", "P95", "P(NPV < 0)",
		"VaR " + level, "CVaR " + level, "P(cheapest)", "payback P50"}}
	tables := [][][]string{summary}
	for _, o := range r.Options {
		s := o.Savings
		if s == nil {
			summary = append(summary, []string{o.ID + " (baseline)", "—", "—", "—", "—", "—", "—", "—", "—", probability(o.ProbabilityCheapest), "—"})
			continue
		}
		pb := "never"
		if s.Payback.P50 != nil {
			pb = s.Payback.P50.String()
		}
		summary = append(summary, []string{o.ID, s.Point.Grouped(), s.NPV.Mean.Grouped(), s.NPV.P5.Grouped(), s.NPV.P50.Grouped(),
			s.NPV.P95.Grouped(), probability(s.ProbabilityNegative), s.VaR.Grouped(), s.CVaR.Grouped(), probability(o.ProbabilityCheapest), pb})
		drivers := [][]string{{"drivers of " + o.ID, "spearman", "tornado low", "tornado high"}}
		for _, d := range s.Drivers {
			low, high := "—", "—"
			if d.Tornado != nil {
				low, high = d.Tornado.Low.Grouped(), d.Tornado.High.Grouped()
			}
			drivers = append(drivers, []string{d.Input, fmt.Sprintf("%+.3f", d.Spearman), low, high})
		}
		tables = append(tables, drivers)
	}
	tables[0] = summary
	return tables
}

func probability(p float64) string { return fmt.Sprintf("%.4f", p) }

// render joins the tables with blank lines.
func (r CaseResult) render(markdown bool) string {
	var parts []string
	for _, rows := range r.rows() {
		t := table(rows)
		if markdown {
			parts = append(parts, t.Markdown())
		} else {
			parts = append(parts, t.Text())
		}
	}
	return strings.Join(parts, "\n")
}

// Text renders the result as aligned text tables: per option the point
// and simulated NPV of savings (mean, P5, P50, P95), P(NPV < 0), VaR and
// CVaR, the probability of being cheapest and the median payback; then,
// per compared option, its drivers' rank correlations beside the
// tornado's low and high NPV.
func (r CaseResult) Text() string { return r.render(false) }

// Markdown renders the same tables as Text in Markdown.
func (r CaseResult) Markdown() string { return r.render(true) }
