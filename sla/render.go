package sla

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// Markdown renders the report as a Markdown table, one row per level,
// followed by the credit totals and any triggered signals.
func (r Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s — %s\n\n", r.Agreement, r.Period.label)
	b.WriteString("| Level | Metric | Class | Expected | Minimum | Actual | Status | Credit | Trend |\n")
	b.WriteString("|---|---|---|---:|---:|---:|---|---:|---|\n")
	for _, row := range r.rows() {
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
	}
	b.WriteString("\n")
	for _, line := range r.totals() {
		b.WriteString("- " + line + "\n")
	}
	return b.String()
}

// Text renders the report as a plain-text table with aligned columns.
func (r Report) Text() string {
	header := []string{"LEVEL", "METRIC", "CLASS", "EXPECTED", "MINIMUM", "ACTUAL", "STATUS", "CREDIT", "TREND"}
	rows := append([][]string{header}, r.rows()...)
	width := make([]int, len(header))
	for _, row := range rows {
		for i, cell := range row {
			width[i] = max(width[i], len([]rune(cell)))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", r.Agreement, r.Period.label)
	for _, row := range rows {
		for i, cell := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[i]-len([]rune(cell)))
			if i == len(row)-1 {
				b.WriteString(cell)
			} else {
				b.WriteString(cell + pad)
			}
		}
		b.WriteString("\n")
	}
	for _, line := range r.totals() {
		b.WriteString(line + "\n")
	}
	return b.String()
}

func showDecimal(d *outsourcing.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.String()
}

func (r Report) rows() [][]string {
	out := make([][]string, 0, len(r.Levels))
	for _, l := range r.Levels {
		exp, minimum := l.Expected, l.Minimum
		trend := make([]string, len(l.Trend))
		for i, p := range l.Trend {
			trend[i] = showDecimal(p.Actual)
		}
		out = append(out, []string{l.ID, string(l.Metric), string(l.Class), showDecimal(&exp), showDecimal(&minimum),
			showDecimal(l.Actual), string(l.Status), l.Credit.String(), strings.Join(trend, " → ")})
	}
	return out
}

func (r Report) totals() []string {
	lines := []string{fmt.Sprintf("Credits: %s (uncapped %s", r.Credits, r.Uncapped)}
	if r.Cap != nil {
		lines[0] += fmt.Sprintf(", cap %s", *r.Cap)
	}
	lines[0] += ")"
	lines = append(lines, "Earned back: "+r.EarnedBack.String(), "Bonus: "+r.Bonus.String(),
		fmt.Sprintf("Net: %s (rounded %s)", r.Net, r.Rounding))
	for _, s := range r.Signals {
		if s.Triggered {
			lines = append(lines, s.sentence())
		}
	}
	return lines
}
