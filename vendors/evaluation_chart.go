package vendors

import (
	"slices"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// Ranked returns the ranking as package scoring lists one: each ranked
// vendor's id, its index in Vendors, its Points (out of the template's
// total) as the score, and its rank, best first. Gated vendors are not
// ranked. The slice is the caller's.
func (e Evaluation) Ranked() []scoring.Ranked {
	out := make([]scoring.Ranked, len(e.Ranking))
	for i, r := range e.Ranking {
		idx := slices.IndexFunc(e.Vendors, func(v VendorEvaluation) bool { return v.Vendor == r.Vendor })
		out[i] = scoring.Ranked{Alternative: r.Vendor, Index: idx, Score: r.Points, Rank: r.Rank}
	}
	return out
}

// ScoreBarsSVG draws the ranking as horizontal bars, best first, each
// labelled "rank. vendor id" with its Points out of the template's total
// (scoring.ScoreBarsSVG of Ranked), and returns the SVG document; no I/O.
// To label bars with vendor names, rename Ranked's alternatives and call
// scoring.ScoreBarsSVG.
func (e Evaluation) ScoreBarsSVG() []byte { return scoring.ScoreBarsSVG(e.Ranked()) }
