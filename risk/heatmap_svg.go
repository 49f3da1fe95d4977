package risk

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"strings"
)

// SVG layout, in px.
const (
	svgCell   = 84 // cell side
	svgLeft   = 120
	svgTop    = 56
	svgGap    = 60 // between the two grids
	svgBottom = 70
)

// defaultRamp colours levels without a Color, from the least to the most severe.
var defaultRamp = []string{"#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c"}

// SVG renders the inherent and residual grids side by side as a
// standalone SVG 1.1 document: cells coloured by risk level, the count in
// each cell, the risk IDs in a <title> tooltip, axis labels and a legend.
// Text is XML-escaped.
func (h HeatMap) SVG() string {
	rows, cols := len(h.Likelihood.Levels), len(h.Impact.Levels)
	gridW := cols * svgCell
	width := svgLeft + 2*gridW + svgGap + 20
	height := svgTop + rows*svgCell + svgBottom + 30
	colors := make(map[Level]string, len(h.Levels))
	for i, l := range h.Levels {
		ramp := defaultRamp[min(len(defaultRamp)-1, i*len(defaultRamp)/max(1, len(h.Levels)))]
		colors[l.ID] = cmp.Or(l.Color, ramp)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="16" font-weight="bold">%s</text>`+"\n", 10, esc(h.Title))
	for g, grid := range [][][]HeatCell{h.Inherent, h.Residual} {
		x0 := svgLeft + g*(gridW+svgGap)
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="14" text-anchor="middle">%s</text>`+"\n", x0+gridW/2, svgTop-12, []string{"Inherent", "Residual"}[g])
		for i := range rows {
			y := svgTop + (rows-1-i)*svgCell
			if g == 0 {
				fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", svgLeft-8, y+svgCell/2+4, esc(axisLabel(h.Likelihood.Levels[i])))
			}
			for j := range cols {
				c := grid[i][j]
				x := x0 + j*svgCell
				fmt.Fprintf(&b, `<g><title>%s × %s: %s (%d)%s</title>`, esc(axisLabel(h.Likelihood.Levels[i])), esc(axisLabel(h.Impact.Levels[j])), esc(string(c.Level)), c.Count, esc(idList(c.IDs)))
				fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#ffffff" stroke-width="2"/>`, x, y, svgCell, svgCell, esc(colors[c.Level]))
				if c.Count > 0 {
					fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="20" text-anchor="middle">%d</text>`, x+svgCell/2, y+svgCell/2+7, c.Count)
				}
				b.WriteString("</g>\n")
			}
		}
		for j := range cols {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`+"\n", x0+j*svgCell+svgCell/2, svgTop+rows*svgCell+16, esc(axisLabel(h.Impact.Levels[j])))
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-style="italic">%s</text>`+"\n", x0+gridW/2, svgTop+rows*svgCell+34, esc(h.Impact.Name))
	}
	fmt.Fprintf(&b, `<text x="14" y="%d" font-style="italic" transform="rotate(-90 14 %d)" text-anchor="middle">%s</text>`+"\n", svgTop+rows*svgCell/2, svgTop+rows*svgCell/2, esc(h.Likelihood.Name))
	ly := svgTop + rows*svgCell + svgBottom - 10
	for i, l := range h.Levels {
		x := svgLeft + i*110
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="14" fill="%s" stroke="#555555"/><text x="%d" y="%d">%s</text>`+"\n", x, ly, esc(colors[l.ID]), x+20, ly+12, esc(cmp.Or(l.Label, string(l.ID))))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func idList(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ": " + strings.Join(ids, ", ")
}

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails to write
	return b.String()
}
