package scoring

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
)

// Chart geometry, in SVG user units.
const (
	chartWidth  = 640
	chartLabel  = 160 // left margin for labels
	chartRight  = 80  // right margin for values
	chartRow    = 28  // height of one row
	chartTop    = 16
	chartBottom = 24
)

// ScoreBarsSVG draws a ranking as horizontal bars, best first, each
// labelled with its alternative and score, and returns the SVG document.
// Bars start at zero, so negative scores (PROMETHEE's net flow) extend
// to the left of it. It is a pure function: no I/O.
func ScoreBarsSVG(r []Ranked) []byte {
	lo, hi := 0.0, 0.0
	for _, x := range r {
		lo, hi = math.Min(lo, x.Score), math.Max(hi, x.Score)
	}
	if hi == lo {
		hi = lo + 1
	}
	plot := float64(chartWidth - chartLabel - chartRight)
	xOf := func(v float64) float64 { return chartLabel + plot*(v-lo)/(hi-lo) }
	var b svgBuilder
	b.open(len(r))
	zero := xOf(0)
	for i, x := range r {
		y := float64(chartTop + i*chartRow)
		left, right := math.Min(zero, xOf(x.Score)), math.Max(zero, xOf(x.Score))
		b.text(chartLabel-8, y+chartRow/2+4, "end", fmt.Sprintf("%d. %s", x.Rank, x.Alternative))
		b.rect(left, y+4, right-left, chartRow-8, "#4e79a7")
		b.text(math.Max(right, zero)+6, y+chartRow/2+4, "start", fixed(x.Score, 4))
	}
	b.line(zero, chartTop, zero, float64(chartTop+len(r)*chartRow))
	return b.close()
}

// WeightStabilitySVG draws WeightStability's intervals on a 0–1 weight
// axis, one row per criterion: a light bar for the weights keeping the
// winner, a dark bar inside it for those keeping the whole ranking, and a
// tick at the current weight. It returns the SVG document; no I/O.
func WeightStabilitySVG(iv []WeightInterval) []byte {
	plot := float64(chartWidth - chartLabel - chartRight)
	xOf := func(v float64) float64 { return chartLabel + plot*v }
	var b svgBuilder
	b.open(len(iv))
	for i, x := range iv {
		y := float64(chartTop + i*chartRow)
		b.text(chartLabel-8, y+chartRow/2+4, "end", x.Criterion)
		b.rect(xOf(x.WinnerLow), y+6, xOf(x.WinnerHigh)-xOf(x.WinnerLow), chartRow-12, "#a0cbe8")
		b.rect(xOf(x.RankingLow), y+10, xOf(x.RankingHigh)-xOf(x.RankingLow), chartRow-20, "#4e79a7")
		b.line(xOf(x.Weight), y+2, xOf(x.Weight), y+chartRow-2)
		b.text(xOf(1)+6, y+chartRow/2+4, "start", fixed(x.Weight, 3))
	}
	axis := float64(chartTop + len(iv)*chartRow)
	b.line(xOf(0), axis, xOf(1), axis)
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		b.text(xOf(t), axis+16, "middle", fixed(t, 2))
	}
	return b.close()
}

// svgBuilder writes a small SVG document with escaped text.
type svgBuilder struct{ buf bytes.Buffer }

func (b *svgBuilder) open(rows int) {
	h := chartTop + rows*chartRow + chartBottom
	fmt.Fprintf(&b.buf, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", chartWidth, h, chartWidth, h)
}

func (b *svgBuilder) rect(x, y, w, h float64, fill string) {
	fmt.Fprintf(&b.buf, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", x, y, math.Max(w, 0), h, fill)
}

func (b *svgBuilder) line(x1, y1, x2, y2 float64) {
	fmt.Fprintf(&b.buf, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`+"\n", x1, y1, x2, y2)
}

func (b *svgBuilder) text(x, y float64, anchor, s string) {
	fmt.Fprintf(&b.buf, `<text x="%.1f" y="%.1f" text-anchor="%s">`, x, y, anchor)
	_ = xml.EscapeText(&b.buf, []byte(s)) // writing to a bytes.Buffer cannot fail
	b.buf.WriteString("</text>\n")
}

func (b *svgBuilder) close() []byte {
	b.buf.WriteString("</svg>\n")
	return b.buf.Bytes()
}
