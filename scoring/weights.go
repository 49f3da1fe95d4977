package scoring

import (
	"errors"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// WeightMethod names how a set of criterion weights was obtained.
type WeightMethod string

// Weighting methods.
const (
	// WeightMethodDirect is weights given by the decision maker, normalised to sum 1.
	WeightMethodDirect WeightMethod = "direct"
	// WeightMethodEqual gives every criterion 1/n.
	WeightMethodEqual WeightMethod = "equal"
	// WeightMethodROC is the rank-order centroid of Barron & Barrett (1996):
	// the criterion ranked k of n gets (1/n)·Σ_{i=k..n} 1/i.
	WeightMethodROC WeightMethod = "roc"
	// WeightMethodEntropy is Shannon's entropy weighting (Zeleny 1982;
	// Hwang & Yoon 1981): pᵢⱼ = xᵢⱼ/Σᵢxᵢⱼ, Eⱼ = −Σᵢ pᵢⱼ ln pᵢⱼ / ln m
	// (0·ln 0 = 0), wⱼ = (1 − Eⱼ)/Σ(1 − Eₖ). Computed on the raw values,
	// whatever the criterion type.
	WeightMethodEntropy WeightMethod = "entropy"
	// WeightMethodStdDev weights each criterion by the population standard
	// deviation of its min-max normalised values: wⱼ = σⱼ/Σσₖ (Diakoulaki
	// et al. 1995's "SD" method; Jahan & Edwards 2013).
	WeightMethodStdDev WeightMethod = "std_dev"
	// WeightMethodStdDevRaw weights each criterion by the population
	// standard deviation of its raw values, σⱼ/Σσₖ, whatever the units (as
	// some tools do); prefer std_dev when the criteria have different units.
	WeightMethodStdDevRaw WeightMethod = "std_dev_raw"
	// WeightMethodCRITIC is Diakoulaki, Mavrotas & Papayannakis (1995):
	// on the min-max normalised matrix (cost criteria reversed),
	// Cⱼ = σⱼ·Σₖ(1 − rⱼₖ) with rⱼₖ Pearson's correlation, wⱼ = Cⱼ/ΣC.
	WeightMethodCRITIC WeightMethod = "critic"
	// WeightMethodMEREC is Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis
	// & Antucheviciene (2021), Determination of objective weights using a
	// new method based on the removal effects of criteria (MEREC),
	// Symmetry 13(4), 525: with nᵢⱼ = minₖxₖⱼ/xᵢⱼ (benefit) or
	// xᵢⱼ/maxₖxₖⱼ (cost), Sᵢ = ln(1 + (1/n)Σⱼ|ln nᵢⱼ|), S′ᵢⱼ the same
	// without criterion j, Eⱼ = Σᵢ|S′ᵢⱼ − Sᵢ| and wⱼ = Eⱼ/ΣE. Values must
	// be positive.
	WeightMethodMEREC WeightMethod = "merec"
	// WeightMethodAHP is the priority vector of an AHP pairwise comparison
	// matrix of the criteria (see AHP).
	WeightMethodAHP WeightMethod = "ahp"
)

var weightMethods = []WeightMethod{WeightMethodDirect, WeightMethodEqual, WeightMethodROC, WeightMethodEntropy, WeightMethodStdDev, WeightMethodStdDevRaw, WeightMethodCRITIC, WeightMethodMEREC, WeightMethodAHP}

// String returns the method name.
func (w WeightMethod) String() string { return string(w) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown methods.
func (w WeightMethod) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(w, "weight method", weightMethods)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown methods.
func (w *WeightMethod) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(w, b, "weight method", weightMethods)
}

// Weights is a normalised weight vector with the method that produced it,
// for the audit trail of a result.
type Weights struct {
	// Method is how the weights were obtained.
	Method WeightMethod `json:"method"`
	// Criteria are the criterion ids, in the order of Values.
	Criteria []string `json:"criteria"`
	// Values are the weights, each in [0, 1], summing to 1.
	Values []float64 `json:"values"`
	// InputSum is the sum of the weights as given, before normalisation
	// (direct weights only; 1 otherwise).
	InputSum float64 `json:"input_sum"`
}

// normalizeWeights validates w for n criteria (length, finite,
// non-negative, positive sum) and returns w/Σw and Σw; errors point at
// base ("/weights") and its elements.
func normalizeWeights(w []float64, ids []string, base string) ([]float64, float64, error) {
	if len(w) != len(ids) {
		return nil, 0, outsourcing.FieldErrorf(base, "%d weights for %d criteria", len(w), len(ids))
	}
	var errs []error
	sum := 0.0
	for j, v := range w {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(base, j), "weight of criterion %q is not finite", ids[j]))
		case v < 0:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(base, j), "weight of criterion %q is negative (%g)", ids[j], v))
		default:
			sum += v
		}
	}
	if len(errs) > 0 {
		return nil, 0, errors.Join(errs...)
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return nil, 0, outsourcing.FieldErrorf(base, "weights sum to %g; need a positive, finite sum", sum)
	}
	out := make([]float64, len(w))
	for j, v := range w {
		out[j] = v / sum
	}
	return out, sum, nil
}

// DirectWeights validates weights given for the criteria of m and
// normalises them to sum 1, reporting the sum as given. Errors match
// outsourcing.ErrInvalidInput: wrong length, NaN/Inf, negative weight,
// zero sum.
func DirectWeights(m *Matrix, w []float64) (_ Weights, err error) {
	defer wrapErr(&err)
	ids := m.criterionIDs()
	v, sum, err := normalizeWeights(w, ids, "/weights")
	if err != nil {
		return Weights{}, err
	}
	return Weights{Method: WeightMethodDirect, Criteria: ids, Values: v, InputSum: sum}, nil
}

// EqualWeights gives each criterion of m the weight 1/n.
func EqualWeights(m *Matrix) Weights {
	n := m.Cols()
	v := make([]float64, n)
	for j := range v {
		v[j] = 1 / float64(n)
	}
	return Weights{Method: WeightMethodEqual, Criteria: m.criterionIDs(), Values: v, InputSum: 1}
}

// ROCWeights computes rank-order centroid weights (Barron & Barrett 1996)
// from the importance rank of each criterion of m (1 = most important),
// given in column order. Tied ranks share the mean of the centroid weights
// of the positions they occupy. Ranks must lie in 1..n.
func ROCWeights(m *Matrix, ranks []int) (_ Weights, err error) {
	defer wrapErr(&err)
	ids := m.criterionIDs()
	n := len(ids)
	if len(ranks) != n {
		return Weights{}, outsourcing.FieldErrorf("/ranks", "%d ranks for %d criteria", len(ranks), n)
	}
	for j, r := range ranks {
		if r < 1 || r > n {
			return Weights{}, outsourcing.FieldErrorf(jsonptr.Join("ranks", j), "rank %d of criterion %q outside 1..%d", r, ids[j], n)
		}
	}
	roc := make([]float64, n) // centroid weight of position k (0-based)
	for k := n - 1; k >= 0; k-- {
		roc[k] = 1 / float64(k+1) / float64(n)
		if k+1 < n {
			roc[k] += roc[k+1]
		}
	}
	// Positions occupied by each rank value: sort criteria by rank, stable.
	order := make([]int, n)
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return ranks[a] - ranks[b] })
	v := make([]float64, n)
	for start := 0; start < n; {
		end := start
		for end < n && ranks[order[end]] == ranks[order[start]] {
			end++
		}
		mean := 0.0
		for k := start; k < end; k++ {
			mean += roc[k]
		}
		mean /= float64(end - start)
		for k := start; k < end; k++ {
			v[order[k]] = mean
		}
		start = end
	}
	return Weights{Method: WeightMethodROC, Criteria: ids, Values: v, InputSum: 1}, nil
}

// EntropyWeights computes Shannon entropy weights from the raw values of
// m (see WeightMethodEntropy). Values must be non-negative; a column
// summing to zero carries no information (weight 0). It needs at least
// two alternatives, and an error is returned when no criterion
// discriminates (every column constant).
//
// The divergence 1 − Eⱼ is not formed by subtracting Eⱼ from 1, which
// loses every digit on a nearly constant column. With x̄ the column mean
// and δᵢ = (xᵢ − x̄)/x̄ (so Σδᵢ = 0), ln m − Hⱼ = (1/m)·Σᵢ g(δᵢ) where
// g(δ) = (1 + δ)·ln(1 + δ) − δ ≥ 0, evaluated by its series
// Σₖ₌₂ (−δ)ᵏ/(k(k − 1)) for |δ| < ½; and 1 − Eⱼ = (ln m − Hⱼ)/ln m.
func EntropyWeights(m *Matrix) (_ Weights, err error) {
	defer wrapErr(&err)
	rows, n := m.Rows(), m.Cols()
	if rows < 2 {
		return Weights{}, outsourcing.FieldErrorf("/alternatives", "entropy weights need at least two alternatives")
	}
	s := m.stats(false)
	for j, c := range m.criteria {
		switch {
		case s.min[j] < 0:
			return Weights{}, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: entropy weights need non-negative values (minimum %g)",
				c.ID, s.min[j])
		case !isFinite(s.sum[j]):
			return Weights{}, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: the column sum overflows float64", c.ID)
		}
	}
	d := make([]float64, n)
	lnM := math.Log(float64(rows))
	for j := range n {
		if s.sum[j] == 0 {
			continue // all zero: no information
		}
		mean := s.sum[j] / float64(rows)
		for i := range rows {
			d[j] += divergence((m.data[i*n+j] - mean) / mean)
		}
		d[j] /= float64(rows) * lnM
	}
	return fromScores(m, WeightMethodEntropy, d)
}

// divergence returns g(δ) = (1 + δ)·ln(1 + δ) − δ for δ ≥ −1 without
// cancellation near 0: g(δ) = Σₖ₌₂ (−δ)ᵏ/(k(k − 1)) for |δ| < ½.
func divergence(delta float64) float64 {
	switch {
	case delta == -1:
		return 1 // 0·ln 0 = 0
	case math.Abs(delta) >= 0.5:
		return (1+delta)*math.Log1p(delta) - delta
	}
	sum, pow := 0.0, -delta
	for k := 2.0; k <= 64; k++ { // |δ| < ½: the 64th term is below 1e-22
		pow *= -delta
		term := pow / (k * (k - 1))
		sum += term
		if math.Abs(term) <= 1e-17*sum {
			break
		}
	}
	return sum
}

// StdDevWeights computes standard-deviation weights (see
// WeightMethodStdDev). A constant criterion gets weight 0; an error is
// returned when every criterion is constant.
func StdDevWeights(m *Matrix) (_ Weights, err error) {
	defer wrapErr(&err)
	_, sd, err := minMaxColumns(m)
	if err != nil {
		return Weights{}, err
	}
	return fromScores(m, WeightMethodStdDev, sd)
}

// StdDevRawWeights computes standard-deviation weights on the raw values
// (see WeightMethodStdDevRaw). A constant criterion gets weight 0; an
// error is returned when every criterion is constant or a deviation
// overflows float64.
func StdDevRawWeights(m *Matrix) (_ Weights, err error) {
	defer wrapErr(&err)
	if m.Rows() < 2 {
		return Weights{}, outsourcing.FieldErrorf("/alternatives", "objective weights need at least two alternatives")
	}
	sd := columnSD(m.data, m.Rows(), m.Cols())
	for j, v := range sd {
		if !isFinite(v) {
			return Weights{}, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: the standard deviation overflows float64", m.criteria[j].ID)
		}
	}
	return fromScores(m, WeightMethodStdDevRaw, sd)
}

// MERECWeights computes MEREC weights (see WeightMethodMEREC). Every
// value must be positive; an error is returned when no criterion's
// removal changes the performance of any alternative (every column
// constant).
func MERECWeights(m *Matrix) (_ Weights, err error) {
	defer wrapErr(&err)
	rows, n := m.Rows(), m.Cols()
	s := m.stats(false)
	for j, c := range m.criteria {
		if s.min[j] <= 0 {
			return Weights{}, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: MEREC needs positive values (minimum %g)", c.ID, s.min[j])
		}
	}
	e := make([]float64, n)
	l := make([]float64, n) // |ln nᵢⱼ| of one row
	for i := range rows {
		total := 0.0
		for j, x := range m.data[i*n : (i+1)*n] {
			r := s.min[j] / x
			if m.criteria[j].Type == CriterionTypeCost {
				r = x / s.max[j]
			}
			l[j] = math.Abs(math.Log(r))
			total += l[j]
		}
		si := math.Log1p(total / float64(n))
		for j := range n {
			e[j] += math.Abs(math.Log1p((total-l[j])/float64(n)) - si)
		}
	}
	return fromScores(m, WeightMethodMEREC, e)
}

// CRITICWeights computes CRITIC weights (see WeightMethodCRITIC). A
// constant criterion has σ = 0 and no correlation: it gets weight 0 and
// is left out of the other criteria's conflict sums, so that they get
// exactly the weights they would have without it. An error is returned
// when every criterion is constant.
func CRITICWeights(m *Matrix) (_ Weights, err error) {
	defer wrapErr(&err)
	r, sd, err := minMaxColumns(m)
	if err != nil {
		return Weights{}, err
	}
	rows, n := m.Rows(), m.Cols()
	mean := make([]float64, n)
	for i := range rows {
		for j := range n {
			mean[j] += r[i*n+j]
		}
	}
	for j := range mean {
		mean[j] /= float64(rows)
	}
	c := make([]float64, n)
	for j := range n {
		if sd[j] == 0 {
			continue
		}
		conflict := 0.0
		for k := range n {
			rho := 0.0
			switch {
			case k == j:
				rho = 1
			case sd[k] == 0:
				continue // a constant criterion is left out, as if absent
			default:
				cov := 0.0
				for i := range rows {
					cov += (r[i*n+j] - mean[j]) * (r[i*n+k] - mean[k])
				}
				rho = cov / float64(rows) / (sd[j] * sd[k])
			}
			conflict += 1 - rho
		}
		c[j] = sd[j] * conflict
	}
	return fromScores(m, WeightMethodCRITIC, c)
}

// minMaxColumns returns the min-max normalised matrix (cost reversed,
// constant columns all 1) and each column's population standard deviation.
func minMaxColumns(m *Matrix) ([]float64, []float64, error) {
	if m.Rows() < 2 {
		return nil, nil, outsourcing.FieldErrorf("/alternatives", "objective weights need at least two alternatives")
	}
	r, err := normalize(m, NormalizationMinMax, ConstantPolicyNeutral)
	if err != nil {
		return nil, nil, err
	}
	return r, columnSD(r, m.Rows(), m.Cols()), nil
}

// columnSD returns the population standard deviation of each column of a
// row-major rows × n matrix, from the deviations to the column mean.
func columnSD(data []float64, rows, n int) []float64 {
	sd := make([]float64, n)
	for j := range n {
		mean := 0.0
		for i := range rows {
			mean += data[i*n+j]
		}
		mean /= float64(rows)
		ss := 0.0
		for i := range rows {
			d := data[i*n+j] - mean
			ss += d * d
		}
		sd[j] = math.Sqrt(ss / float64(rows))
	}
	return sd
}

// fromScores normalises non-negative importance scores into Weights.
func fromScores(m *Matrix, method WeightMethod, scores []float64) (Weights, error) {
	sum := 0.0
	for _, v := range scores {
		sum += v
	}
	if !(sum > 0) {
		return Weights{}, outsourcing.FieldErrorf("/criteria", "%s weights are undefined: no criterion discriminates between the alternatives", method)
	}
	v := make([]float64, len(scores))
	for j, s := range scores {
		v[j] = s / sum
	}
	return Weights{Method: method, Criteria: m.criterionIDs(), Values: v, InputSum: 1}, nil
}
