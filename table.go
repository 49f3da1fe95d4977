package outsourcing

import (
	"strings"
	"unicode/utf8"
)

// Table is a result laid out for people: a header and rows of cells,
// rendered as aligned text or as a Markdown table (for a notebook cell
// or a report). Numeric columns are right-aligned. Every package renders
// its results through it, so reports share one table style.
type Table struct {
	// Header names the columns.
	Header []string `json:"header"`
	// Rows hold the cells, one slice per row, as many cells as Header.
	Rows [][]string `json:"rows"`
	// Numeric marks the right-aligned columns.
	Numeric []bool `json:"numeric"`
}

// oneLine is a cell as Text shows it: line breaks and tabs become spaces,
// so every row stays one line and the columns stay aligned.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// markdownCell is a cell as Markdown shows it: "|" escaped, line breaks
// written <br>, since a raw line break would end the table row.
var markdownCell = strings.NewReplacer("|", `\|`, "\r\n", "<br>", "\n", "<br>", "\r", "<br>")

// widths returns each column's width in runes.
func (t Table) widths() []int {
	w := make([]int, len(t.Header))
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		for j, c := range row {
			if j < len(w) {
				w[j] = max(w[j], utf8.RuneCountInString(oneLine.Replace(c)))
			}
		}
	}
	return w
}

// pad aligns a cell in a column of width w.
func (t Table) pad(j int, c string, w int) string {
	fill := strings.Repeat(" ", w-utf8.RuneCountInString(c))
	if j < len(t.Numeric) && t.Numeric[j] {
		return fill + c
	}
	return c + fill
}

// Text renders the table as aligned plain text: columns separated by two
// spaces, a dashed rule under the header, no trailing spaces, one line per
// row (line breaks and tabs in a cell print as spaces). Widths count
// runes, so characters that take two columns (CJK) are not aligned.
func (t Table) Text() string {
	w := t.widths()
	var b strings.Builder
	line := func(cells []string) {
		parts := make([]string, len(w))
		for j := range w {
			c := ""
			if j < len(cells) {
				c = oneLine.Replace(cells[j])
			}
			parts[j] = t.pad(j, c, w[j])
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " "))
		b.WriteByte('\n')
	}
	line(t.Header)
	rule := make([]string, len(w))
	for j := range w {
		rule[j] = strings.Repeat("-", w[j])
	}
	line(rule)
	for _, row := range t.Rows {
		line(row)
	}
	return b.String()
}

// Markdown renders the table as a GitHub-flavoured Markdown table, numeric
// columns right-aligned; "|" in a cell is escaped and a line break is
// written <br>, so a cell never breaks its row.
func (t Table) Markdown() string {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for j := range t.Header {
			c := ""
			if j < len(cells) {
				c = markdownCell.Replace(cells[j])
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteByte('\n')
	}
	line(t.Header)
	b.WriteString("|")
	for j := range t.Header {
		if j < len(t.Numeric) && t.Numeric[j] {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteByte('\n')
	for _, row := range t.Rows {
		line(row)
	}
	return b.String()
}
