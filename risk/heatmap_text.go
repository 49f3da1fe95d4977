package risk

import (
	"cmp"
	"fmt"
	"strings"
)

// Text renders both grids as plain text, highest likelihood at the top,
// impact rising to the right, each cell "count level" (for example
// "2 High"), followed by the IDs in every non-empty cell.
func (h HeatMap) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", h.Title)
	h.writeGrid(&b, "Inherent", h.Inherent)
	h.writeGrid(&b, "Residual", h.Residual)
	return b.String()
}

func (h HeatMap) writeGrid(b *strings.Builder, name string, grid [][]HeatCell) {
	labels := make(map[Level]string, len(h.Levels))
	for _, l := range h.Levels {
		labels[l.ID] = cmp.Or(l.Label, string(l.ID))
	}
	rowHead := fmt.Sprintf("%s \\ %s", h.Likelihood.Name, h.Impact.Name)
	w0 := len(rowHead)
	for _, l := range h.Likelihood.Levels {
		w0 = max(w0, len(axisLabel(l)))
	}
	cell := func(c HeatCell) string { return fmt.Sprintf("%d %s", c.Count, labels[c.Level]) }
	widths := make([]int, len(h.Impact.Levels))
	for j, l := range h.Impact.Levels {
		widths[j] = len(axisLabel(l))
		for i := range grid {
			widths[j] = max(widths[j], len(cell(grid[i][j])))
		}
	}
	line := func(head string, cells func(j int) string) {
		var l strings.Builder
		fmt.Fprintf(&l, "%-*s", w0, head)
		for j := range widths {
			fmt.Fprintf(&l, " | %-*s", widths[j], cells(j))
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "\n%s risk\n", name)
	line(rowHead, func(j int) string { return axisLabel(h.Impact.Levels[j]) })
	for i := len(grid) - 1; i >= 0; i-- {
		line(axisLabel(h.Likelihood.Levels[i]), func(j int) string { return cell(grid[i][j]) })
	}
	for i := len(grid) - 1; i >= 0; i-- {
		for j, c := range grid[i] {
			if c.Count > 0 {
				fmt.Fprintf(b, "  %s × %s: %s\n", axisLabel(h.Likelihood.Levels[i]), axisLabel(h.Impact.Levels[j]), strings.Join(c.IDs, ", "))
			}
		}
	}
}

func axisLabel(l AxisLevel) string { return cmp.Or(l.Label, l.ID) }
