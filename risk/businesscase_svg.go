package risk

import (
	"fmt"
	"strings"
)

// HistogramSVG renders the histogram of the option's simulated NPV of
// savings as a standalone SVG 1.1 document, in the layout of
// Result.ExceedanceSVG: NPV of savings on the horizontal axis, trials per
// bin on the vertical one, a dashed line at zero savings when it lies in
// the range, and P(NPV < 0) in the title. For the baseline, which has no
// savings, the plot is empty. It is a pure function of o: no I/O.
func (o OptionOutcome) HistogramSVG() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", lecWidth, lecHeight, lecWidth, lecHeight)
	title := "NPV of savings: " + o.ID + " (" + string(o.PointCost.Currency()) + ")"
	if o.Savings != nil {
		title += fmt.Sprintf(", P(NPV < 0) = %.4f", o.Savings.ProbabilityNegative)
	} else {
		title = o.ID + " is the baseline: no savings"
	}
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", lecLeft, esc(title))
	plotW, plotH := float64(lecWidth-lecLeft-lecRight), float64(lecHeight-lecTop-lecBottom)
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%g" height="%g" fill="none" stroke="#555555"/>`+"\n", lecLeft, lecTop, plotW, plotH)
	if o.Savings != nil {
		histogramBars(&b, o.Savings.Histogram, plotW, plotH)
	}
	fmt.Fprintf(&b, `<text x="%g" y="%d" text-anchor="middle" font-style="italic">NPV of savings against the baseline</text>`+"\n", float64(lecLeft)+plotW/2, lecHeight-12)
	fmt.Fprintf(&b, `<text x="16" y="%g" font-style="italic" transform="rotate(-90 16 %g)" text-anchor="middle">trials</text>`+"\n", float64(lecTop)+plotH/2, float64(lecTop)+plotH/2)
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// histogramBars draws the bins, the axis labels and the zero line.
func histogramBars(b *strings.Builder, bins []HistogramBin, plotW, plotH float64) {
	lo, hi := bins[0].From.Amount().Float64(), bins[len(bins)-1].To.Amount().Float64()
	if !(hi > lo) { // all trials alike: one bar around the value
		lo, hi = lo-1, hi+1
	}
	top := 1
	for _, bin := range bins {
		top = max(top, bin.Count)
	}
	x := func(v float64) float64 { return float64(lecLeft) + plotW*(v-lo)/(hi-lo) }
	y := func(n int) float64 { return float64(lecTop) + plotH*(1-float64(n)/float64(top)) }
	for _, bin := range bins {
		from, to := bin.From.Amount().Float64(), bin.To.Amount().Float64()
		if !(to > from) {
			from, to = lo, hi
		}
		fill := "#2c7bb6"
		if to <= 0 {
			fill = "#d7191c"
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s to %s: %d</title></rect>`+"\n",
			x(from), y(bin.Count), x(to)-x(from), float64(lecTop)+plotH-y(bin.Count), fill, esc(bin.From.String()), esc(bin.To.String()), bin.Count)
	}
	for i := 0; i <= 4; i++ {
		v := lo + (hi-lo)*float64(i)/4
		fmt.Fprintf(b, `<text x="%.1f" y="%g" text-anchor="middle">%s</text>`+"\n", x(v), float64(lecTop)+plotH+18, esc(compact(v)))
	}
	for i := 0; i <= 4; i++ {
		n := top * i / 4
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end">%d</text>`+"\n", lecLeft-6, y(n)+4, n)
	}
	if lo < 0 && hi > 0 {
		fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%g" stroke="#333333" stroke-dasharray="4 3"/>`+"\n", x(0), x(0), lecTop, float64(lecTop)+plotH)
	}
}
