package vendors

import (
	"cmp"
	"slices"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// exactTies re-ranks a weighted-sum ranking (scoring's wsm with its
// default linear normalisation, x / the column's maximum) on exact
// numbers, so that vendors whose exact weighted sums are equal tie, as
// scoring.Rank's competition policy numbers ties (1, 2, 2, 4), and two
// vendors whose float64 sums differ only by rounding are not ranked
// apart. The weighted sum compared is Σ weight × x / max over the
// dimensions, with the template's exact weights and dimension scores
// (the price dimension's rounded price score); every maximum is
// positive, since scoring refuses a column whose maximum is not. Vendors
// tied exactly keep the evaluation's order (the short list's).
// order holds scoring.Rank's result for the vendors at indices ranked;
// exact the dimension scores of every vendor, D per vendor.
func (p *panel) exactTies(ev *Evaluation, order []scoring.Ranked, ranked []int, exact []num) {
	D := len(p.t.spec.Dimensions)
	x := func(i, d int) num {
		v := ranked[i]
		if d == p.t.price {
			return numOf(ev.Vendors[v].Price.Score)
		}
		return exact[v*D+d]
	}
	top := make([]num, D)
	for i := range ranked {
		for d := range D {
			if x(i, d).cmp(top[d]) > 0 {
				top[d] = x(i, d)
			}
		}
	}
	sums := make([]num, len(ranked))
	for i := range ranked {
		for d := range D {
			sums[i] = sums[i].add(p.t.weight[d].mul(x(i, d)).quo(top[d]))
		}
	}
	slices.SortFunc(order, func(a, b scoring.Ranked) int {
		return cmp.Or(sums[b.Index].cmp(sums[a.Index]), cmp.Compare(a.Index, b.Index))
	})
	for i := range order {
		order[i].Rank = i + 1
		if i > 0 && sums[order[i].Index].cmp(sums[order[i-1].Index]) == 0 {
			order[i].Rank = order[i-1].Rank
		}
	}
}
