package scoring

import (
	"math/rand/v2"

	"github.com/outsourcing-go/outsourcing"
)

// MonteCarloOptions configures a weight-perturbation simulation.
type MonteCarloOptions struct {
	// Iterations is the number of draws, 1 to 1,000,000.
	Iterations int `json:"iterations"`
	// Spread is the relative perturbation: each weight is multiplied by
	// 1 + Spread·U with U uniform on [−1, 1], then all are renormalised.
	// In (0, 1].
	Spread float64 `json:"spread"`
	// Seed makes the simulation reproducible (PCG seeded with Seed and a
	// fixed stream constant).
	Seed uint64 `json:"seed"`
}

// MonteCarloResult summarises the simulated rankings.
type MonteCarloResult struct {
	// Iterations, Spread and Seed are the options used.
	Iterations int     `json:"iterations"`
	Spread     float64 `json:"spread"`
	Seed       uint64  `json:"seed"`
	// Alternatives are the ids, in the order of the slices below.
	Alternatives []string `json:"alternatives"`
	// FirstProbability is the share of draws in which each alternative
	// ranks first (ties broken by row order).
	FirstProbability []float64 `json:"first_probability"`
	// MeanRank is each alternative's average position (1 = best).
	MeanRank []float64 `json:"mean_rank"`
	// RankProbability[i][r] is the share of draws in which alternative i
	// takes position r+1 (the rank acceptability of SMAA).
	RankProbability [][]float64 `json:"rank_probability"`
}

// maxMonteCarloIterations bounds the work of one simulation.
const maxMonteCarloIterations = 1_000_000

// MonteCarlo perturbs the weights w at random (seeded, deterministic)
// and rescores m with cfg each time, giving each alternative's
// probability of ranking first, mean rank and rank distribution. It does
// not use a global random source and is safe for concurrent use.
func MonteCarlo(m *Matrix, w []float64, cfg Config, opt MonteCarloOptions) (_ MonteCarloResult, err error) {
	defer wrapErr(&err)
	if opt.Iterations < 1 || opt.Iterations > maxMonteCarloIterations {
		return MonteCarloResult{}, outsourcing.FieldErrorf("/iterations", "iterations %d must lie in 1..%d", opt.Iterations, maxMonteCarloIterations)
	}
	if !(opt.Spread > 0 && opt.Spread <= 1) {
		return MonteCarloResult{}, outsourcing.FieldErrorf("/spread", "spread %g must lie in (0, 1]", opt.Spread)
	}
	base, err := Score(m, w, cfg)
	if err != nil {
		return MonteCarloResult{}, err
	}
	rows := m.Rows()
	res := MonteCarloResult{Iterations: opt.Iterations, Spread: opt.Spread, Seed: opt.Seed, Alternatives: base.Alternatives,
		FirstProbability: make([]float64, rows), MeanRank: make([]float64, rows), RankProbability: make([][]float64, rows)}
	for i := range res.RankProbability {
		res.RankProbability[i] = make([]float64, rows)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	draw := make([]float64, len(base.Weights))
	for range opt.Iterations {
		for j, v := range base.Weights {
			draw[j] = v * (1 + opt.Spread*(2*rng.Float64()-1))
		}
		s, err := Score(m, draw, cfg)
		if err != nil {
			return MonteCarloResult{}, err
		}
		for pos, i := range sortedOrder(s) {
			res.RankProbability[i][pos]++
			res.MeanRank[i] += float64(pos + 1)
		}
	}
	inv := 1 / float64(opt.Iterations)
	for i := range rows {
		res.MeanRank[i] *= inv
		for r := range res.RankProbability[i] {
			res.RankProbability[i][r] *= inv
		}
		res.FirstProbability[i] = res.RankProbability[i][0]
	}

	return res, nil
}
