package risk

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

// table lays rows (the first is the header) out as an outsourcing.Table
// whose numeric columns, by index, are right-aligned; with none given,
// every column after the first is.
func table(rows [][]string, numericCols ...int) outsourcing.Table {
	numeric := make([]bool, len(rows[0]))
	for j := 1; j < len(numeric) && len(numericCols) == 0; j++ {
		numeric[j] = true
	}
	for _, j := range numericCols {
		numeric[j] = true
	}
	return outsourcing.Table{Header: rows[0], Rows: rows[1:], Numeric: numeric}
}

// rows lays the result out as a two-column table.
func (r Result) rows() [][]string {
	rows := [][]string{{"statistic", "value"},
		{"trials", fmt.Sprint(r.Trials)},
		{"mean", r.Mean.Grouped()}, {"std dev", r.StdDev.Grouped()},
		{"P10", r.P10.Grouped()}, {"P50", r.P50.Grouped()}, {"P90", r.P90.Grouped()},
		{"P95", r.P95.Grouped()}, {"P99", r.P99.Grouped()},
		{fmt.Sprintf("VaR %g%%", r.VaRConfidence*100), r.VaR.Grouped()},
		{"P(any loss)", fmt.Sprintf("%.4f", r.ProbabilityOfLoss)},
	}
	for _, e := range r.Exceedance {
		rows = append(rows, []string{fmt.Sprintf("P(loss > %s)", e.Loss.Grouped()), fmt.Sprintf("%.4f", e.Probability)})
	}
	return rows
}

// Text renders the summary as an aligned two-column text table: trials,
// mean, standard deviation, percentiles, value at risk, the probability
// of any loss and the loss exceedance points, amounts with thousands
// grouped (1,312,871.42 EUR).
func (r Result) Text() string { return table(r.rows()).Text() }

// Markdown renders the same table as Text in Markdown.
func (r Result) Markdown() string { return table(r.rows()).Markdown() }

// reportScoreColumn is the register table's one numeric column.
const reportScoreColumn = 3

// reportRows lays the assessed register out, one risk a row.
func (rep Report) rows() [][]string {
	rows := [][]string{{"risk", "inherent", "residual", "residual score", "zone", "trend", "next review"}}
	for _, k := range rep.Risks {
		next, trend := "—", "—"
		if k.Review != nil {
			next = k.Review.Date.Format("2006-01-02") + " " + string(k.Review.Status)
		}
		if k.Previous != nil {
			trend = fmt.Sprintf("%s from %s", k.Trend, k.Previous.Residual.Evaluation.Level)
		}
		rows = append(rows, []string{k.ID, string(k.Inherent.Level), string(k.Residual.Evaluation.Level),
			fmt.Sprintf("%.4g", k.Residual.Score), k.Residual.Evaluation.Zone.Label(), trend, next})
	}
	return rows
}

// Text renders the assessed register as an aligned text table: each risk's
// inherent and residual level, residual score, zone, trend since the
// previous assessment ("down from extreme") and next review.
func (rep Report) Text() string { return table(rep.rows(), reportScoreColumn).Text() }

// Markdown renders the same table as Text in Markdown.
func (rep Report) Markdown() string { return table(rep.rows(), reportScoreColumn).Markdown() }
