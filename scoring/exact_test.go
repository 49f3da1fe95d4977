package scoring_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// The reference below evaluates each method's textbook formula in
// 256-bit floating point (math/big): min-max as (x − min)/(max − min),
// TOPSIS with Hwang & Yoon's x/√Σx² and a minimised ideal for cost
// columns, VIKOR's S, R, Q, PROMETHEE II's flows, entropy's −Σp ln p,
// CRITIC's σ·Σ(1 − ρ) and standard deviations, so that a float64 result
// is compared with a value free of rounding error.

const prec = 256

type bf = *big.Float

func num(x float64) bf { return new(big.Float).SetPrec(prec).SetFloat64(x) }
func add(a, b bf) bf   { return new(big.Float).SetPrec(prec).Add(a, b) }
func sub(a, b bf) bf   { return new(big.Float).SetPrec(prec).Sub(a, b) }
func mul(a, b bf) bf   { return new(big.Float).SetPrec(prec).Mul(a, b) }
func quo(a, b bf) bf   { return new(big.Float).SetPrec(prec).Quo(a, b) }
func sqrt(a bf) bf     { return new(big.Float).SetPrec(prec).Sqrt(a) }
func f64(a bf) float64 { v, _ := a.Float64(); return v }
func bmax(a, b bf) bf  { return map[bool]bf{true: a, false: b}[a.Cmp(b) >= 0] }
func isZero(a bf) bool { return a.Sign() == 0 }
func sumOf(xs []bf) bf {
	s := num(0)
	for _, x := range xs {
		s = add(s, x)
	}
	return s
}
func scaled(a bf, k int) bf { return mul(a, num(float64(k))) }

// ln computes the natural logarithm by ln y = 2·atanh((y − 1)/(y + 1)).
func ln(x bf) bf {
	mant := new(big.Float).SetPrec(prec)
	exp := x.MantExp(mant) // x = mant·2^exp, mant in [0.5, 1)
	series := func(y bf) bf {
		z := quo(sub(y, num(1)), add(y, num(1)))
		z2, term, sum := mul(z, z), z, num(0)
		for k := 1; k < 400; k += 2 {
			sum = add(sum, quo(term, num(float64(k))))
			term = mul(term, z2)
		}
		return scaled(sum, 2)
	}
	return add(series(mant), scaled(series(num(2)), exp))
}

type refCase struct {
	types []scoring.CriterionType
	rows  [][]float64
	w     []float64
}

func (c refCase) cols() [][]bf {
	out := make([][]bf, len(c.types))
	for j := range out {
		for _, r := range c.rows {
			out[j] = append(out[j], num(r[j]))
		}
	}
	return out
}

func (c refCase) weights() []bf {
	var ws []bf
	for _, w := range c.w {
		ws = append(ws, num(w))
	}
	s := sumOf(ws)
	for j := range ws {
		ws[j] = quo(ws[j], s)
	}
	return ws
}

// minMax is (x − min)/(max − min), reversed for cost, 1 on a constant column.
func (c refCase) minMax() [][]bf {
	out := c.cols()
	for j, col := range out {
		lo, hi := slices.MinFunc(col, func(a, b bf) int { return a.Cmp(b) }), slices.MaxFunc(col, func(a, b bf) int { return a.Cmp(b) })
		r := sub(hi, lo)
		for i, x := range col {
			switch {
			case isZero(r):
				col[i] = num(1)
			case c.types[j] == scoring.CriterionTypeCost:
				col[i] = quo(sub(hi, x), r)
			default:
				col[i] = quo(sub(x, lo), r)
			}
		}
	}
	return out
}

func refWSMMinMax(c refCase) []float64 {
	r, w := c.minMax(), c.weights()
	out := make([]float64, len(c.rows))
	for i := range out {
		s := num(0)
		for j := range w {
			s = add(s, mul(w[j], r[j][i]))
		}
		out[i] = f64(s)
	}
	return out
}

func refTOPSIS(c refCase, vector bool) []float64 {
	w := c.weights()
	v := c.minMax()
	if vector {
		v = c.cols()
		for _, col := range v {
			var sq []bf
			for _, x := range col {
				sq = append(sq, mul(x, x))
			}
			norm := sqrt(sumOf(sq))
			for i := range col {
				col[i] = quo(col[i], norm)
			}
		}
	}
	pos, neg := make([]bf, len(w)), make([]bf, len(w))
	for j, col := range v {
		for i := range col {
			col[i] = mul(w[j], col[i])
		}
		hi, lo := slices.MaxFunc(col, func(a, b bf) int { return a.Cmp(b) }), slices.MinFunc(col, func(a, b bf) int { return a.Cmp(b) })
		pos[j], neg[j] = hi, lo
		if vector && c.types[j] == scoring.CriterionTypeCost {
			pos[j], neg[j] = lo, hi
		}
	}
	out := make([]float64, len(c.rows))
	for i := range out {
		dp, dn := num(0), num(0)
		for j := range w {
			a, b := sub(v[j][i], pos[j]), sub(v[j][i], neg[j])
			dp, dn = add(dp, mul(a, a)), add(dn, mul(b, b))
		}
		dp, dn = sqrt(dp), sqrt(dn)
		out[i] = f64(quo(dn, add(dp, dn)))
	}
	return out
}

func refVIKOR(c refCase) []float64 {
	w, cols := c.weights(), c.cols()
	m := len(c.rows)
	S, R := make([]bf, m), make([]bf, m)
	for i := range m {
		S[i], R[i] = num(0), num(0)
		for j, col := range cols {
			best, worst := slices.MaxFunc(col, func(a, b bf) int { return a.Cmp(b) }), slices.MinFunc(col, func(a, b bf) int { return a.Cmp(b) })
			if c.types[j] == scoring.CriterionTypeCost {
				best, worst = worst, best
			}
			if best.Cmp(worst) == 0 {
				continue // neutral policy: regret 0
			}
			t := mul(w[j], quo(sub(best, col[i]), sub(best, worst)))
			S[i], R[i] = add(S[i], t), bmax(R[i], t)
		}
	}
	cmpf := func(a, b bf) int { return a.Cmp(b) }
	sMin, sMax, rMin, rMax := slices.MinFunc(S, cmpf), slices.MaxFunc(S, cmpf), slices.MinFunc(R, cmpf), slices.MaxFunc(R, cmpf)
	out := make([]float64, m)
	for i := range m {
		q := num(0)
		if sMax.Cmp(sMin) > 0 {
			q = add(q, mul(num(0.5), quo(sub(S[i], sMin), sub(sMax, sMin))))
		}
		if rMax.Cmp(rMin) > 0 {
			q = add(q, mul(num(0.5), quo(sub(R[i], rMin), sub(rMax, rMin))))
		}
		out[i] = f64(q)
	}
	return out
}

func refPROMETHEE(c refCase) []float64 {
	w, cols := c.weights(), c.cols()
	m := len(c.rows)
	out := make([]float64, m)
	for a := range m {
		phi := num(0)
		for b := range m {
			for j, col := range cols {
				d := sub(col[a], col[b])
				if c.types[j] == scoring.CriterionTypeCost {
					d.Neg(d)
				}
				switch d.Sign() {
				case 1:
					phi = add(phi, w[j])
				case -1:
					phi = sub(phi, w[j])
				}
			}
		}
		out[a] = f64(quo(phi, num(float64(m-1))))
	}
	return out
}

func refEntropy(c refCase) []float64 {
	cols := c.cols()
	lnM := ln(num(float64(len(c.rows))))
	div := make([]bf, len(cols))
	for j, col := range cols {
		s := sumOf(col)
		h := num(0)
		for _, x := range col {
			if p := quo(x, s); p.Sign() > 0 {
				h = sub(h, mul(p, ln(p)))
			}
		}
		div[j] = sub(num(1), quo(h, lnM))
	}
	return normalized(div)
}

func normalized(xs []bf) []float64 {
	s := sumOf(xs)
	out := make([]float64, len(xs))
	for j, x := range xs {
		out[j] = f64(quo(x, s))
	}
	return out
}

// sigmaAndMean are the population standard deviation and mean of a column.
func sigmaAndMean(col []bf) (bf, bf) {
	mean := quo(sumOf(col), num(float64(len(col))))
	ss := num(0)
	for _, x := range col {
		d := sub(x, mean)
		ss = add(ss, mul(d, d))
	}
	return sqrt(quo(ss, num(float64(len(col))))), mean
}

func refStdDev(c refCase) []float64 {
	var sd []bf
	for _, col := range c.minMax() {
		s, _ := sigmaAndMean(col)
		sd = append(sd, s)
	}
	return normalized(sd)
}

// refCRITIC leaves constant criteria out (weight 0, no correlation).
func refCRITIC(c refCase) []float64 {
	r := c.minMax()
	n := len(r)
	sd, mean := make([]bf, n), make([]bf, n)
	for j := range r {
		sd[j], mean[j] = sigmaAndMean(r[j])
	}
	score := make([]bf, n)
	for j := range n {
		score[j] = num(0)
		if isZero(sd[j]) {
			continue
		}
		conflict := num(0)
		for k := range n {
			if k == j || isZero(sd[k]) {
				continue // ρⱼⱼ = 1 adds nothing
			}
			cov := num(0)
			for i := range r[j] {
				cov = add(cov, mul(sub(r[j][i], mean[j]), sub(r[k][i], mean[k])))
			}
			rho := quo(quo(cov, num(float64(len(r[j])))), mul(sd[j], sd[k]))
			conflict = add(conflict, sub(num(1), rho))
		}
		score[j] = mul(sd[j], conflict)
	}
	if isZero(sumOf(score)) {
		return nil
	}
	return normalized(score)
}

// randomCase draws values far from zero (an offset up to 1e9 plus a few
// small steps, so ties are common) and sometimes one constant column.
func randomCase(rng *rand.Rand) refCase {
	rows, cols := 3+rng.IntN(5), 2+rng.IntN(4)
	c := refCase{types: make([]scoring.CriterionType, cols), rows: make([][]float64, rows), w: make([]float64, cols)}
	offset, step := make([]float64, cols), make([]float64, cols)
	constant := -1
	if rng.IntN(3) == 0 {
		constant = rng.IntN(cols)
	}
	for j := range cols {
		c.types[j] = []scoring.CriterionType{"benefit", "cost"}[rng.IntN(2)]
		offset[j] = math.Pow(10, float64(rng.IntN(10)))
		step[j] = math.Pow(2, float64(rng.IntN(8)-4))
		c.w[j] = 0.05 + rng.Float64()
	}
	for i := range rows {
		c.rows[i] = make([]float64, cols)
		for j := range cols {
			c.rows[i][j] = offset[j]
			if j != constant {
				c.rows[i][j] += step[j] * float64(rng.IntN(4))
			}
		}
	}
	return c
}

// varying counts the columns that are not constant.
func (c refCase) varying() int {
	n := 0
	for j := range c.types {
		for _, r := range c.rows {
			if r[j] != c.rows[0][j] {
				n++
				break
			}
		}
	}
	return n
}

func TestPropertyMethodsMatchHighPrecisionReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 2024))
	neutral := scoring.ConstantPolicyNeutral
	checked := 0
	for range 300 {
		c := randomCase(rng)
		if c.varying() == 0 {
			continue
		}
		m := newMatrix(t, c.types, c.rows)
		score := func(cfg scoring.Config) []float64 {
			s, err := scoring.Score(m, c.w, cfg)
			require.NoError(t, err, "%+v %v", cfg, c.rows)
			return s.Values
		}
		assert.InDeltaSlice(t, refWSMMinMax(c), score(scoring.Config{Method: scoring.MethodWSM, Normalization: scoring.NormalizationMinMax, Constant: neutral}), 1e-12, "wsm %v", c.rows)
		assert.InDeltaSlice(t, refVIKOR(c), score(scoring.Config{Method: scoring.MethodVIKOR, Constant: neutral}), 1e-9, "vikor %v", c.rows)
		assert.InDeltaSlice(t, refPROMETHEE(c), score(scoring.Config{Method: scoring.MethodPROMETHEEII}), 1e-12, "promethee %v", c.rows)
		if hasDistinctRows(c) {
			assert.InDeltaSlice(t, refTOPSIS(c, true), score(scoring.Config{Method: scoring.MethodTOPSIS}), 1e-9, "topsis vector %v", c.rows)
			assert.InDeltaSlice(t, refTOPSIS(c, false), score(scoring.Config{Method: scoring.MethodTOPSIS, Normalization: scoring.NormalizationMinMax, Constant: neutral}), 1e-9, "topsis min-max %v", c.rows)
		}
		e, err := scoring.EntropyWeights(m)
		require.NoError(t, err)
		assert.InDeltaSlice(t, refEntropy(c), e.Values, 1e-9, "entropy %v", c.rows)
		sd, err := scoring.StdDevWeights(m)
		require.NoError(t, err)
		assert.InDeltaSlice(t, refStdDev(c), sd.Values, 1e-12, "std dev %v", c.rows)
		cr, err := scoring.CRITICWeights(m)
		if want := refCRITIC(c); want == nil {
			// One varying criterion, or all perfectly correlated: 0/0.
			assert.Error(t, err)
		} else {
			require.NoError(t, err, "critic %v %v %v", c.rows, c.types, want)
			assert.InDeltaSlice(t, want, cr.Values, 1e-9, "critic %v", c.rows)
		}
		checked++
	}
	assert.Greater(t, checked, 200)
}

// hasDistinctRows reports whether two rows differ, so that no alternative
// is both ideal and anti-ideal (where TOPSIS's closeness is undefined).
func hasDistinctRows(c refCase) bool {
	for _, r := range c.rows {
		for _, q := range c.rows {
			if !slices.Equal(r, q) {
				return true
			}
		}
	}
	return false
}
