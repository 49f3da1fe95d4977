package risk

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"

	"github.com/outsourcing-go/outsourcing/planning"
)

// drivers returns the rank correlations of the inputs and risks that can
// change option o's savings, strongest first. ranks caches the ranks of
// the draws (inputs first, then risks) across options.
func (bc *BusinessCase) drivers(s *caseSamples, o int, ranks [][]float64, tornado planning.Tornado) []Driver {
	relevant := func(option int) bool { return option < 0 || option == o || option == bc.baseline }
	rank := func(i int, x []float64) []float64 {
		if ranks[i] == nil {
			ranks[i] = rankOf(x)
		}
		return ranks[i]
	}
	y := rankOf(s.savings[o])
	var out []Driver
	for i, in := range bc.inputs {
		if relevant(in.option) {
			d := Driver{Input: in.id, Spearman: correlation(rank(i, s.draws[i]), y)}
			if j := slices.IndexFunc(tornado.Bars, func(b planning.TornadoBar) bool { return b.Input == in.tornado }); j >= 0 {
				d.Tornado = &tornado.Bars[j]
			}
			out = append(out, d)
		}
	}
	for k, r := range bc.risks {
		if relevant(r.option) {
			out = append(out, Driver{Input: r.id, Spearman: correlation(rank(len(bc.inputs)+k, s.riskLoss[k]), y)})
		}
	}
	slices.SortStableFunc(out, func(a, b Driver) int { return cmp.Compare(math.Abs(b.Spearman), math.Abs(a.Spearman)) })
	return out
}

// rankOf returns the ranks (1..n) of x, ties given their average rank.
func rankOf(x []float64) []float64 {
	type item struct {
		x float64
		i int
	}
	items := make([]item, len(x))
	for i, v := range x {
		items[i] = item{v, i}
	}
	// Equal values share their average rank, so their order does not matter.
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.x, b.x) })
	r := make([]float64, len(x))
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].x == items[i].x {
			j++
		}
		avg := float64(i+j+1) / 2 // ranks i+1..j
		for _, it := range items[i:j] {
			r[it.i] = avg
		}
		i = j
	}
	return r
}

// correlation is Pearson's correlation of x and y (Spearman's of the data
// when they are ranks), 0 when either does not vary.
func correlation(x, y []float64) float64 {
	c := stat.Correlation(x, y, nil)
	if math.IsNaN(c) {
		return 0
	}
	return c
}
