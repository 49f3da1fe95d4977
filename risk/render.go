package risk

import (
	"fmt"
	"strings"
)

// table renders rows (the first is the header) as aligned text or as a
// GitHub-flavoured Markdown table; numbers are right-aligned in text.
func table(rows [][]string, markdown bool) string {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			widths[j] = max(widths[j], len([]rune(c)))
		}
	}
	var b strings.Builder
	for i, r := range rows {
		if markdown {
			b.WriteString("| " + strings.Join(escapeCells(r), " | ") + " |\n")
			if i == 0 {
				b.WriteString("|" + strings.Repeat(" --- |", len(r)) + "\n")
			}
			continue
		}
		cells := make([]string, len(r))
		for j, c := range r {
			pad := strings.Repeat(" ", widths[j]-len([]rune(c)))
			if j > 0 {
				cells[j] = pad + c
			} else {
				cells[j] = c + pad
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(cells, "  "), " ") + "\n")
	}
	return b.String()
}

func escapeCells(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	return out
}

// rows lays the result out as a two-column table.
func (r Result) rows() [][]string {
	rows := [][]string{{"statistic", "value"},
		{"trials", fmt.Sprint(r.Trials)},
		{"mean", r.Mean.String()}, {"std dev", r.StdDev.String()},
		{"P10", r.P10.String()}, {"P50", r.P50.String()}, {"P90", r.P90.String()},
		{"P95", r.P95.String()}, {"P99", r.P99.String()},
		{fmt.Sprintf("VaR %g%%", r.VaRConfidence*100), r.VaR.String()},
		{"P(any loss)", fmt.Sprintf("%.4f", r.ProbabilityOfLoss)},
	}
	for _, e := range r.Exceedance {
		rows = append(rows, []string{fmt.Sprintf("P(loss > %s)", e.Loss), fmt.Sprintf("%.4f", e.Probability)})
	}
	return rows
}

// Text renders the summary as an aligned two-column text table: trials,
// mean, standard deviation, percentiles, value at risk, the probability
// of any loss and the loss exceedance points.
func (r Result) Text() string { return table(r.rows(), false) }

// Markdown renders the same table as Text in Markdown.
func (r Result) Markdown() string { return table(r.rows(), true) }

// reportRows lays the assessed register out, one risk a row.
func (rep Report) rows() [][]string {
	rows := [][]string{{"risk", "inherent", "residual", "residual score", "zone", "next review"}}
	for _, k := range rep.Risks {
		next := "—"
		if k.Review != nil {
			next = k.Review.Date.Format("2006-01-02") + " " + string(k.Review.Status)
		}
		rows = append(rows, []string{k.ID, string(k.Inherent.Level), string(k.Residual.Evaluation.Level),
			fmt.Sprintf("%.4g", k.Residual.Score), string(k.Residual.Evaluation.Zone), next})
	}
	return rows
}

// Text renders the assessed register as an aligned text table: each risk's
// inherent and residual level, residual score, zone and next review.
func (rep Report) Text() string { return table(rep.rows(), false) }

// Markdown renders the same table as Text in Markdown.
func (rep Report) Markdown() string { return table(rep.rows(), true) }
