package vendors

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refRat is a decimal as an exact rational, for the reference below.
func refRat(d outsourcing.Decimal) *big.Rat { return d.Shopspring().Rat() }

func refFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}

// refMedian is the median of xs in big.Rat, written out again.
func refMedian(xs []*big.Rat) *big.Rat {
	s := slices.Clone(xs)
	slices.SortFunc(s, (*big.Rat).Cmp)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	}
	m := new(big.Rat).Add(s[len(s)/2-1], s[len(s)/2])
	return m.Quo(m, big.NewRat(2, 1))
}

// refCell is one vendor's criterion as the documented rules define it,
// in big.Rat only: flags, the exact aggregate, and the outliers.
type refCell struct {
	flags    []bool
	score    *big.Rat
	outliers []Outlier
}

// refEvaluation computes, in big.Rat only, what Evaluate decides: every
// outlier flag, every criterion and dimension score, and the gated
// vendors. It shares no code with Evaluate. ties counts the decisions
// taken exactly at a boundary (a score at the outlier threshold, a
// dimension score at its gate).
func refEvaluation(tspec TemplateSpec, spec EvaluationSpec) (cells [][]refCell, dims [][]*big.Rat, gated []GatedVendor, ties int) {
	type crit struct {
		id  string
		dim int
		w   *big.Rat
	}
	var crits []crit
	for d, dim := range tspec.Dimensions {
		if len(dim.Criteria) == 0 {
			crits = append(crits, crit{dim.ID, d, refRat(dim.Weight)})
		}
		for _, c := range dim.Criteria {
			crits = append(crits, crit{dim.ID + "/" + c.ID, d, refRat(c.Weight)})
		}
	}
	th := big.NewRat(3, 10)
	if spec.OutlierThreshold != nil {
		th = refRat(*spec.OutlierThreshold)
	}
	scale := new(big.Rat).Sub(refRat(tspec.Scale.Max), refRat(tspec.Scale.Min))
	for _, v := range spec.Vendors {
		sums := make([]*big.Rat, len(tspec.Dimensions))
		for d := range sums {
			sums[d] = new(big.Rat)
		}
		var row []refCell
		for _, c := range crits {
			var vals, ws []*big.Rat
			var who []ScoreEntry
			for _, e := range spec.Evaluators {
				for _, s := range spec.Scores {
					if s.Vendor == v && s.Criterion == c.id && s.Evaluator == e.ID {
						w := big.NewRat(1, 1)
						if !e.Weight.IsZero() {
							w = refRat(e.Weight)
						}
						vals, ws, who = append(vals, refRat(s.Score)), append(ws, w), append(who, s)
					}
				}
			}
			cell := refCell{flags: make([]bool, len(vals))}
			for i, x := range vals {
				if len(vals) < 3 {
					break
				}
				med := refMedian(slices.Delete(slices.Clone(vals), i, i+1))
				dev := new(big.Rat).Sub(x, med)
				dev.Abs(dev).Quo(dev, scale)
				switch dev.Cmp(th) {
				case 0:
					ties++
				case 1:
					cell.flags[i] = true
					cell.outliers = append(cell.outliers, Outlier{Evaluator: who[i].Evaluator, Vendor: v, Criterion: c.id, Score: who[i].Score, PanelMedian: refFloat(med), Deviation: refFloat(dev)})
				}
			}
			var kept, kw []*big.Rat
			for i := range vals {
				if !spec.ExcludeOutliers || !cell.flags[i] {
					kept, kw = append(kept, vals[i]), append(kw, ws[i])
				}
			}
			if len(kept) == 0 {
				kept, kw = vals, ws
			}
			if spec.Aggregation == AggregationMedian {
				cell.score = refMedian(kept)
			} else {
				num, den := new(big.Rat), new(big.Rat)
				for i := range kept {
					num.Add(num, new(big.Rat).Mul(kept[i], kw[i]))
					den.Add(den, kw[i])
				}
				cell.score = num.Quo(num, den)
			}
			sums[c.dim].Add(sums[c.dim], new(big.Rat).Mul(c.w, cell.score))
			row = append(row, cell)
		}
		failed := false
		for d, dim := range tspec.Dimensions {
			sums[d].Quo(sums[d], refRat(dim.Weight))
			if dim.Gate == nil {
				continue
			}
			c := sums[d].Cmp(refRat(*dim.Gate))
			if c == 0 {
				ties++
			}
			if c < 0 && !failed {
				failed = true
				gated = append(gated, GatedVendor{Vendor: v, Dimension: dim.ID, Score: refFloat(sums[d]), Gate: *dim.Gate})
			}
		}
		cells, dims = append(cells, row), append(dims, sums)
	}
	return cells, dims, gated, ties
}

// panelGen draws random templates and panels whose scores often land
// exactly on a gate or on the outlier threshold.
type panelGen struct{ r *rand.Rand }

// dec returns a random decimal in [lo, hi] with up to places digits
// after the point.
func (g panelGen) dec(lo, hi *big.Rat, places int) *big.Rat {
	if places > 15 { // two places and a tail below 10⁻⁸ that int64 fractions cannot hold
		x := g.dec(lo, new(big.Rat).Sub(hi, big.NewRat(1, 100)), 2)
		tail := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
		return x.Add(x, new(big.Rat).SetFrac(big.NewInt(g.r.Int64N(1e17)), tail))
	}
	unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	steps := new(big.Rat).Quo(new(big.Rat).Sub(hi, lo), unit)
	n := new(big.Int).Quo(steps.Num(), steps.Denom()).Int64()
	x := new(big.Rat).Mul(unit, big.NewRat(g.r.Int64N(n+1), 1))
	return x.Add(x, lo)
}

// decimal writes a terminating rational as a Decimal; ok is false for
// one that does not terminate.
func decimalOf(x *big.Rat) (outsourcing.Decimal, bool) {
	d := new(big.Int).Set(x.Denom())
	for _, p := range []int64{2, 5} {
		for new(big.Int).Mod(d, big.NewInt(p)).Sign() == 0 {
			d.Quo(d, big.NewInt(p))
		}
	}
	if d.Cmp(big.NewInt(1)) != 0 {
		return outsourcing.Decimal{}, false
	}
	return outsourcing.MustDecimal(x.FloatString(40)).Trim(), true
}

func mustDecimalOf(x *big.Rat) outsourcing.Decimal {
	d, _ := decimalOf(x)
	return d
}

func (g panelGen) pick(xs ...string) outsourcing.Decimal {
	return outsourcing.MustDecimal(xs[g.r.IntN(len(xs))])
}

func (g panelGen) template() TemplateSpec {
	lo := g.pick("0", "1", "2.5", "0.5")
	spec := TemplateSpec{Scale: Scale{Min: lo, Max: lo.Add(g.pick("10", "4", "100", "7.5"))}}
	for d := range 1 + g.r.IntN(3) {
		dim := DimensionSpec{ID: fmt.Sprint("d", d)}
		for c := range g.r.IntN(4) {
			dim.Criteria = append(dim.Criteria, CriterionSpec{ID: fmt.Sprint("c", c), Weight: g.pick("1", "2", "2.5", "3", "0.7")})
			dim.Weight = dim.Weight.Add(dim.Criteria[c].Weight)
		}
		if len(dim.Criteria) == 0 {
			dim.Weight = g.pick("1", "5", "1.5")
		}
		if g.r.IntN(5) < 3 {
			gate := mustDecimalOf(g.dec(refRat(spec.Scale.Min), refRat(spec.Scale.Max), g.r.IntN(3)))
			dim.Gate = &gate
		}
		spec.Total = spec.Total.Add(dim.Weight)
		spec.Dimensions = append(spec.Dimensions, dim)
	}
	return spec
}

func (g panelGen) evaluation(tspec TemplateSpec, tpl *Template) EvaluationSpec {
	spec := EvaluationSpec{ExcludeOutliers: g.r.IntN(2) == 0}
	if g.r.IntN(3) == 0 {
		spec.Aggregation = AggregationMedian
	}
	if g.r.IntN(2) == 0 {
		th := g.pick("0.3", "0.25", "0.1", "0.35", "1", "0.125")
		spec.OutlierThreshold = &th
	}
	for e := range 1 + g.r.IntN(6) {
		spec.Evaluators = append(spec.Evaluators, Evaluator{ID: fmt.Sprint("e", e), Weight: g.pick("0", "0", "1", "2", "0.5", "1.3")})
	}
	for v := range 1 + g.r.IntN(3) {
		spec.Vendors = append(spec.Vendors, fmt.Sprint("v", v))
	}
	for _, v := range spec.Vendors {
		for c, id := range tpl.Criteria() {
			for i, x := range g.cell(tspec, spec, tspec.Dimensions[tpl.criteria[c].dimension].Gate) {
				if x != nil {
					spec.Scores = append(spec.Scores, ScoreEntry{Evaluator: spec.Evaluators[i].ID, Vendor: v, Criterion: id, Score: mustDecimalOf(x)})
				}
			}
		}
	}
	return spec
}

// cell draws one criterion's scores, one per evaluator (nil: none):
// random, a weighted mean or median exactly at the gate, or a score
// exactly at (or a hair beyond) the outlier threshold from the others'
// median.
func (g panelGen) cell(tspec TemplateSpec, spec EvaluationSpec, gate *outsourcing.Decimal) []*big.Rat {
	lo, hi := refRat(tspec.Scale.Min), refRat(tspec.Scale.Max)
	places := g.r.IntN(3) + 1
	if g.r.IntN(20) == 0 {
		places = 25 // beyond int64 fractions
	}
	xs := make([]*big.Rat, len(spec.Evaluators))
	for i := range xs {
		xs[i] = g.dec(lo, hi, places)
	}
	inScale := func(x *big.Rat) bool { return x.Cmp(lo) >= 0 && x.Cmp(hi) <= 0 }
	switch mode := g.r.IntN(4); {
	case mode == 1 && gate != nil: // the (weighted) mean at the gate: solve for the last score
		w := make([]*big.Rat, len(xs))
		rest := new(big.Rat).SetInt64(0)
		for i, e := range spec.Evaluators {
			w[i] = big.NewRat(1, 1)
			if !e.Weight.IsZero() {
				w[i] = refRat(e.Weight)
			}
			rest.Add(rest, new(big.Rat).Mul(w[i], new(big.Rat).Sub(refRat(*gate), xs[i])))
		}
		last := len(xs) - 1
		x := new(big.Rat).Add(xs[last], new(big.Rat).Quo(rest, w[last]))
		if _, ok := decimalOf(x); ok && inScale(x) && spec.Aggregation != AggregationMedian {
			xs[last] = x
		} else {
			for i := range xs[:len(xs)/2+1] {
				xs[i] = refRat(*gate) // a majority at the gate: median at it, mean at it when all are
			}
		}
	case mode == 2 && len(xs) >= 3: // one score at the threshold from the others' median
		th := big.NewRat(3, 10)
		if spec.OutlierThreshold != nil {
			th = refRat(*spec.OutlierThreshold)
		}
		i := g.r.IntN(len(xs))
		med := refMedian(slices.Delete(slices.Clone(xs), i, i+1))
		off := new(big.Rat).Mul(th, new(big.Rat).Sub(hi, lo))
		if g.r.IntN(4) == 0 { // a hair over or under
			off.Add(off, big.NewRat(int64(g.r.IntN(3)-1), 1_000_000_000))
		}
		for _, x := range []*big.Rat{new(big.Rat).Add(med, off), new(big.Rat).Sub(med, off)} {
			if _, ok := decimalOf(x); ok && inScale(x) {
				xs[i] = x
				break
			}
		}
	case mode == 3: // some evaluators do not score
		for i := range xs[1:] {
			if g.r.IntN(3) == 0 {
				xs[i+1] = nil
			}
		}
	}
	return xs
}

// Evaluate decides every outlier and gate exactly as a pure big.Rat
// reference does, and shows every criterion, dimension, median and
// deviation as the float64 nearest to the exact value, on random panels
// built to land on the boundaries (means exactly at a gate, scores
// exactly the threshold from the others' median) and on random ones,
// including decimals too long for int64 fractions.
func TestEvaluateMatchesExactReference(t *testing.T) {
	g := panelGen{rand.New(rand.NewPCG(2026, 12))}
	ties := 0
	for n := range 3000 {
		tspec := g.template()
		tpl, err := CompileTemplate(tspec)
		require.NoError(t, err, n)
		spec := g.evaluation(tspec, tpl)
		ev, err := Evaluate(tpl, spec)
		require.NoError(t, err, n)
		cells, dims, gated, tie := refEvaluation(tspec, spec)
		ties += tie
		var outliers []Outlier
		for v := range spec.Vendors {
			for c, cell := range cells[v] {
				got := ev.Vendors[v].Criteria[c]
				require.Equal(t, refFloat(cell.score), got.Score, "case %d vendor %d criterion %s", n, v, got.Criterion)
				for i, s := range got.Scores {
					require.Equal(t, cell.flags[i], s.Outlier, "case %d vendor %d criterion %s evaluator %s", n, v, got.Criterion, s.Evaluator)
				}
				outliers = append(outliers, cell.outliers...)
			}
			for d := range tspec.Dimensions {
				require.Equal(t, refFloat(dims[v][d]), ev.Vendors[v].Dimensions[d].Score, "case %d vendor %d dimension %d", n, v, d)
			}
		}
		require.Equal(t, outliers, ev.Outliers, "case %d", n)
		require.Equal(t, gated, ev.Gated, "case %d", n)
	}
	t.Logf("%d decisions exactly at a boundary", ties)
	assert.Greater(t, ties, 1000, "decisions exactly at a boundary")
}
