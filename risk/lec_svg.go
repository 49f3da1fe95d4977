package risk

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// SVG chart layout, in px.
const (
	lecWidth, lecHeight = 640, 400
	lecLeft, lecRight   = 90, 20
	lecTop, lecBottom   = 40, 60
)

// ExceedanceSVG renders the loss exceedance curve of r as a standalone SVG
// 1.1 document: annual loss on the horizontal axis, the probability that
// it is exceeded on a logarithmic vertical axis, one marker per point of
// r.Exceedance (points with probability 0 are left out). It is a pure
// function of r: no I/O.
func (r Result) ExceedanceSVG() []byte {
	type pt struct{ loss, p float64 }
	var pts []pt
	for _, e := range r.Exceedance {
		if e.Probability > 0 {
			pts = append(pts, pt{e.Loss.Amount().Float64(), e.Probability})
		}
	}
	slices.SortFunc(pts, func(a, b pt) int {
		if a.loss != b.loss {
			return cmp.Compare(a.loss, b.loss)
		}
		return cmp.Compare(b.p, a.p)
	})
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", lecWidth, lecHeight, lecWidth, lecHeight)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" font-weight="bold">Loss exceedance curve (%s)</text>`+"\n", lecLeft, esc(string(r.Mean.Currency())))
	plotW, plotH := float64(lecWidth-lecLeft-lecRight), float64(lecHeight-lecTop-lecBottom)
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%g" height="%g" fill="none" stroke="#555555"/>`+"\n", lecLeft, lecTop, plotW, plotH)
	if len(pts) > 0 {
		maxLoss := max(pts[len(pts)-1].loss, 1)
		minP := math.Pow(10, math.Floor(math.Log10(pts[len(pts)-1].p)))
		for _, q := range pts {
			minP = min(minP, math.Pow(10, math.Floor(math.Log10(q.p))))
		}
		x := func(l float64) float64 { return float64(lecLeft) + plotW*l/maxLoss }
		y := func(p float64) float64 {
			return float64(lecTop) + plotH*math.Log10(p)/math.Log10(minP)
		}
		for p := 1.0; p >= minP*0.999; p /= 10 {
			fmt.Fprintf(&b, `<line x1="%d" x2="%g" y1="%.1f" y2="%.1f" stroke="#dddddd"/><text x="%d" y="%.1f" text-anchor="end">%g</text>`+"\n", lecLeft, float64(lecLeft)+plotW, y(p), y(p), lecLeft-6, y(p)+4, p)
		}
		for i := 0; i <= 4; i++ {
			l := maxLoss * float64(i) / 4
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle">%s</text>`+"\n", x(l), float64(lecTop)+plotH+18, esc(compact(l)))
		}
		var path strings.Builder
		for i, q := range pts {
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&path, "%s%.1f %.1f ", cmd, x(q.loss), y(q.p))
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="#d7191c" stroke-width="2"/>`+"\n", strings.TrimSpace(path.String()))
		for _, q := range pts {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#d7191c"><title>P(loss &gt; %s) = %g</title></circle>`+"\n", x(q.loss), y(q.p), esc(compact(q.loss)), q.p)
		}
	}
	fmt.Fprintf(&b, `<text x="%g" y="%d" text-anchor="middle" font-style="italic">annual loss</text>`+"\n", float64(lecLeft)+plotW/2, lecHeight-12)
	fmt.Fprintf(&b, `<text x="16" y="%g" font-style="italic" transform="rotate(-90 16 %g)" text-anchor="middle">probability of exceeding</text>`+"\n", float64(lecTop)+plotH/2, float64(lecTop)+plotH/2)
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// compact writes an amount for an axis label: 250k, 1.5M.
func compact(x float64) string {
	switch a := math.Abs(x); {
	case a >= 1e9:
		return fmt.Sprintf("%.3gG", x/1e9)
	case a >= 1e6:
		return fmt.Sprintf("%.3gM", x/1e6)
	case a >= 1e3:
		return fmt.Sprintf("%.3gk", x/1e3)
	}
	return fmt.Sprintf("%.3g", x)
}
