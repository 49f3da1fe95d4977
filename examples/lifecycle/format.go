package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// page is the text report being written: headings, sentences and tables
// in one style (outsourcing.Table's aligned text).
type page struct{ strings.Builder }

// heading starts a chapter.
func (p *page) heading(title string) {
	fmt.Fprintf(p, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
}

// para writes a sentence or two.
func (p *page) para(format string, args ...any) {
	fmt.Fprintf(p, format+"\n", args...)
}

// table writes a captioned table.
func (p *page) table(caption string, t outsourcing.Table) {
	fmt.Fprintf(p, "\n%s\n%s", caption, t.Text())
}

// newTable starts a table; numeric marks the right-aligned columns by
// index.
func newTable(header []string, numeric ...int) outsourcing.Table {
	t := outsourcing.Table{Header: header, Numeric: make([]bool, len(header))}
	for _, j := range numeric {
		t.Numeric[j] = true
	}
	return t
}

// add appends a row.
func add(t *outsourcing.Table, cells ...string) { t.Rows = append(t.Rows, cells) }

// money shows an amount grouped with its currency: 6,479,086.80 EUR.
func money(m outsourcing.Money) string { return m.Grouped() }

// percent shows percentage points with the unit: 17.48 %.
func percent(p outsourcing.Percent) string { return p.Points().Grouped() + " %" }

// points shows a decimal already in percent, rounded half up to places.
func points(d outsourcing.Decimal, places int32) string {
	return d.Round(places, outsourcing.RoundHalfUp).String() + " %"
}

// share shows a fraction in [0, 1] as a percentage with one decimal.
func share(f float64) string { return fmt.Sprintf("%.1f %%", 100*f) }

// months shows a number of monthly periods, or "never".
func months(d *outsourcing.Decimal) string {
	if d == nil {
		return "never"
	}
	return d.Round(1, outsourcing.RoundHalfUp).String() + " months"
}

// day shows an instant as its calendar day.
func day(t time.Time) string { return t.Format(time.DateOnly) }

// humanize turns an identifier into words: "service_quality" is
// "service quality".
func humanize(id string) string { return strings.NewReplacer("_", " ", "-", " ").Replace(id) }
