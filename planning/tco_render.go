package planning

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// Table lays the comparison out for people, one option a row: nominal
// cost, present value, and against the baseline the NPV of savings, the
// annual IRR, the payback in periods and the break-even period (the first
// from which cumulative savings stay at or above zero; "never" when they
// end below it), "—" where there is none. Amounts are rounded half away
// from zero to the currency's minor unit for display and grouped
// (6,479,086.80 EUR); the result's own fields keep every digit.
func (r TCOResult) Table() outsourcing.Table {
	period := string(r.Period)
	t := outsourcing.Table{
		Header: []string{"option", "nominal cost", "present value", "NPV of savings", "IRR",
			"payback (" + period + "s)", "break-even (" + period + ")"},
		Numeric: []bool{false, true, true, true, true, true, true},
	}
	shown := func(m outsourcing.Money) string { return m.Round(outsourcing.RoundHalfUp).Grouped() }
	for _, o := range r.Options {
		npv, irr, payback, breakEven := "—", "—", "—", "—"
		if s := o.Savings; s != nil {
			npv = shown(s.NPV)
			if s.IRR != nil {
				irr = s.IRR.Mul(outsourcing.DecimalFromInt(100)).Round(1, outsourcing.RoundHalfUp).String() + " %"
			}
			if s.Payback != nil {
				payback = s.Payback.Round(1, outsourcing.RoundHalfUp).String()
			}
			breakEven = "never"
			if s.BreakEven >= 0 {
				breakEven = strconv.Itoa(s.BreakEven)
			}
		}
		t.Rows = append(t.Rows, []string{o.ID, shown(o.Nominal), shown(o.Discounted), npv, irr, payback, breakEven})
	}
	return t
}

// Table lays the lines out for people as a cash-flow grid: one row per
// line (option, line, category), one column per period 0..Horizon, then
// the nominal total and the present value. Amounts are rounded half away
// from zero to the currency's minor unit for display and grouped
// (42,000.00), the currency named in the header.
func (l TCOLines) Table() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"option", "line", "category"}, Numeric: []bool{false, false, false}}
	for p := 0; p <= l.Horizon; p++ {
		t.Header = append(t.Header, strconv.Itoa(p))
	}
	t.Header = append(t.Header, "nominal ("+string(l.Currency)+")", "present value ("+string(l.Currency)+")")
	for len(t.Numeric) < len(t.Header) {
		t.Numeric = append(t.Numeric, true)
	}
	amount := func(m outsourcing.Money) string {
		return strings.TrimSuffix(m.Round(outsourcing.RoundHalfUp).Grouped(), " "+string(m.Currency()))
	}
	for _, o := range l.Options {
		for _, line := range o.Lines {
			row := []string{o.ID, line.ID, string(line.Category)}
			for _, c := range line.Costs {
				row = append(row, amount(c))
			}
			t.Rows = append(t.Rows, append(row, amount(line.Nominal), amount(line.Discounted)))
		}
	}
	return t
}

// Table lays the tornado out for people, widest swing first: each input's
// NPV of savings at the low and the high end and the swing between them.
func (t Tornado) Table() outsourcing.Table {
	out := outsourcing.Table{
		Header:  []string{"input", "low (−" + t.Change.String() + ")", "high (+" + t.Change.String() + ")", "swing"},
		Numeric: []bool{false, true, true, true},
	}
	for _, b := range t.Bars {
		out.Rows = append(out.Rows, []string{b.Input, b.Low.Grouped(), b.High.Grouped(), b.Swing.Grouped()})
	}
	return out
}

// SVG layout of the tornado chart, in px.
const (
	tornadoWidth, tornadoLabel = 720, 220
	tornadoBar, tornadoTop     = 22, 50
)

// SVG draws the tornado as a standalone SVG 1.1 document: one horizontal
// bar per input from its low-end to its high-end NPV of savings, widest
// first, around a vertical line at the base NPV; bars left of the line are
// red, right of it green. Bar ends are the exact figures rounded for
// drawing only. It is a pure function: no I/O.
func (t Tornado) SVG() []byte {
	lo, hi := t.Base.Amount().Float64(), t.Base.Amount().Float64()
	for _, b := range t.Bars {
		l, h := b.Low.Amount().Float64(), b.High.Amount().Float64()
		lo, hi = math.Min(lo, math.Min(l, h)), math.Max(hi, math.Max(l, h))
	}
	if hi == lo {
		hi = lo + 1
	}
	plot := float64(tornadoWidth - tornadoLabel - 20)
	x := func(v float64) float64 { return float64(tornadoLabel) + plot*(v-lo)/(hi-lo) }
	height := tornadoTop + tornadoBar*len(t.Bars) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		tornadoWidth, height, tornadoWidth, height)
	fmt.Fprintf(&b, `<text x="10" y="22" font-size="16" font-weight="bold">%s</text>`+"\n",
		html.EscapeString(fmt.Sprintf("NPV of savings of %s, each input ±%s (base %s)", t.Option, t.Change, t.Base.Grouped())))
	for i, bar := range t.Bars {
		y := tornadoTop + i*tornadoBar
		l, h := bar.Low.Amount().Float64(), bar.High.Amount().Float64()
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", tornadoLabel-8, y+15, html.EscapeString(bar.Input))
		base := t.Base.Amount().Float64()
		for _, end := range []float64{l, h} {
			from, to := math.Min(base, end), math.Max(base, end)
			colour := "#1a9641"
			if end < base {
				colour = "#d7191c"
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s</title></rect>`+"\n",
				x(from), y+3, x(to)-x(from), tornadoBar-6, colour, html.EscapeString(fmt.Sprintf("%s: %s to %s", bar.Input, bar.Low.Grouped(), bar.High.Grouped())))
		}
	}
	bx := x(t.Base.Amount().Float64())
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#333333"/>`+"\n", bx, bx, tornadoTop-4, tornadoTop+tornadoBar*len(t.Bars)+4)
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-style="italic">NPV of savings (%s)</text>`+"\n",
		float64(tornadoLabel)+plot/2, height-12, html.EscapeString(string(t.Base.Currency())))
	b.WriteString("</svg>\n")
	return []byte(b.String())
}
