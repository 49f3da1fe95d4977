package scoring

import (
	"cmp"
	"fmt"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Normalization turns criterion values into comparable, dimensionless
// numbers where more is always better. For a column x with minimum
// x⁻ and maximum x⁺:
//
//	name     benefit                 cost
//	min_max  (x − x⁻)/(x⁺ − x⁻)      (x⁺ − x)/(x⁺ − x⁻)
//	max      x/x⁺                    1 − x/x⁺
//	sum      x/Σx                    (1/x)/Σ(1/x)
//	vector   x/√Σx²                  1 − x/√Σx²
//	linear   x/x⁺                    x⁻/x
//
// min_max needs a non-zero range (see ConstantPolicy); max, sum and
// linear need non-negative values and a positive denominator, linear and
// sum on a cost criterion need every value positive; vector needs a
// non-zero column. The cost variants of max and vector are a shift by a
// constant, so distance-based methods (TOPSIS) rank exactly as with Hwang
// and Yoon's x/√Σx² and a minimised ideal.
type Normalization string

// Normalizations.
const (
	// NormalizationMinMax is linear scaling to [0, 1] by the column range.
	NormalizationMinMax Normalization = "min_max"
	// NormalizationMax divides by the column maximum (cost: 1 − x/max).
	NormalizationMax Normalization = "max"
	// NormalizationSum divides by the column sum (cost: reciprocals over their sum).
	NormalizationSum Normalization = "sum"
	// NormalizationVector divides by the column's Euclidean norm (cost: 1 − x/‖x‖).
	NormalizationVector Normalization = "vector"
	// NormalizationLinear is x/max for benefit and min/x for cost (Hwang & Yoon's linear scale).
	NormalizationLinear Normalization = "linear"
)

var normalizations = []Normalization{NormalizationMinMax, NormalizationMax, NormalizationSum, NormalizationVector, NormalizationLinear}

// String returns the normalisation name.
func (n Normalization) String() string { return string(n) }

// MarshalText implements encoding.TextMarshaler; the empty value (method default) is allowed.
func (n Normalization) MarshalText() ([]byte, error) {
	if n == "" {
		return []byte{}, nil
	}
	return outsourcing.MarshalEnum(n, "normalization", normalizations)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown names.
func (n *Normalization) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = ""
		return nil
	}
	return outsourcing.UnmarshalEnum(n, b, "normalization", normalizations)
}

// ConstantPolicy says what min-max normalisation and VIKOR do with a
// criterion on which every alternative has the same value (zero range).
type ConstantPolicy string

// Constant-criterion policies.
const (
	// ConstantPolicyReject (the zero value "" means the same) returns an
	// error naming the criterion.
	ConstantPolicyReject ConstantPolicy = "reject"
	// ConstantPolicyNeutral treats the criterion as fully satisfied by every
	// alternative: normalised value 1, VIKOR regret 0. It then cannot change
	// any ranking.
	ConstantPolicyNeutral ConstantPolicy = "neutral"
)

var constantPolicies = []ConstantPolicy{ConstantPolicyReject, ConstantPolicyNeutral}

// checkPolicy reports an unknown constant policy at "/constant".
func checkPolicy(p ConstantPolicy) error {
	return enumError("/constant", "constant policy", cmp.Or(p, ConstantPolicyReject), constantPolicies)
}

// String returns the policy name.
func (p ConstantPolicy) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler; the empty value (reject) is allowed.
func (p ConstantPolicy) MarshalText() ([]byte, error) {
	if p == "" {
		return []byte{}, nil
	}
	return outsourcing.MarshalEnum(p, "constant policy", constantPolicies)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown names.
func (p *ConstantPolicy) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = ""
		return nil
	}
	return outsourcing.UnmarshalEnum(p, b, "constant policy", constantPolicies)
}

// colStats holds one pass of per-column statistics.
type colStats struct {
	min, max, sum, sumSq, sumInv []float64
	hasNonPositive               []bool
}

// stats computes column statistics in one row-major pass; reciprocal sums
// only when inv is true.
func (m *Matrix) stats(inv bool) colStats {
	n := len(m.criteria)
	buf := make([]float64, 5*n)
	s := colStats{min: buf[:n], max: buf[n : 2*n], sum: buf[2*n : 3*n], sumSq: buf[3*n : 4*n], sumInv: buf[4*n:], hasNonPositive: make([]bool, n)}
	copy(s.min, m.data[:n])
	copy(s.max, m.data[:n])
	for i := 0; i < len(m.data); i += n {
		row := m.data[i : i+n : i+n]
		for j, x := range row {
			if x < s.min[j] {
				s.min[j] = x
			}
			if x > s.max[j] {
				s.max[j] = x
			}
			s.sum[j] += x
			s.sumSq[j] += x * x
		}
	}
	for j := range n {
		s.hasNonPositive[j] = s.min[j] <= 0
	}
	if inv {
		for i := 0; i < len(m.data); i += n {
			row := m.data[i : i+n : i+n]
			for j, x := range row {
				if x > 0 {
					s.sumInv[j] += 1 / x
				}
			}
		}
	}
	return s
}

// transform maps a raw value x of column j to a + b·(x − c), or to
// a + b/x when recip is set. All normalisations are of this form; taking
// the difference x − c first keeps values far from zero exact (min-max is
// (x − min)/(max − min), never −min/r + x/r). mirror marks the cost
// variants that are 1 − (the benefit form), max and vector, whose
// standard presentation is the benefit form with a minimised ideal.
type transform struct {
	a, b, c float64
	recip   bool
	mirror  bool
}

func (t transform) apply(x float64) float64 {
	if t.recip {
		return t.a + t.b/x
	}
	return t.a + t.b*(x-t.c)
}

// best and worst return the raw values of a column, between its minimum
// and maximum, whose transformed values are the largest and smallest.
func (t transform) best(lo, hi float64) float64 {
	if t.recip == (t.b > 0) {
		return lo
	}
	return hi
}

func (t transform) worst(lo, hi float64) float64 {
	if t.best(lo, hi) == lo {
		return hi
	}
	return lo
}

// transforms derives each column's normalisation from the column statistics.
func (m *Matrix) transforms(norm Normalization, policy ConstantPolicy) ([]transform, colStats, error) {
	if err := enumError("/normalization", "normalization", norm, normalizations); err != nil {
		return nil, colStats{}, err
	}
	if err := checkPolicy(policy); err != nil {
		return nil, colStats{}, err
	}
	s := m.stats(norm == NormalizationSum)
	ts := make([]transform, len(m.criteria))
	for j, c := range m.criteria {
		t, err := columnTransform(norm, policy, c.Type == CriterionTypeCost, s.min[j], s.max[j], s.sum[j], s.sumSq[j], s.sumInv[j])
		if err != nil {
			return nil, s, outsourcing.FieldErrorf(jsonptr.Join("criteria", j), "criterion %q: %s", c.ID, err.Error())
		}
		ts[j] = t
	}
	return ts, s, nil
}

type reasonError string

// Error implements error.
func (e reasonError) Error() string { return string(e) }

func columnTransform(norm Normalization, policy ConstantPolicy, cost bool, lo, hi, sum, sumSq, sumInv float64) (transform, error) {
	switch norm {
	case NormalizationMinMax:
		r := hi - lo
		switch {
		case r == 0 && policy == ConstantPolicyNeutral:
			return transform{a: 1}, nil
		case r == 0:
			return transform{}, reasonError(fmt.Sprintf("zero range (every value is %g): min-max normalisation is undefined", lo))
		case math.IsInf(r, 0):
			return transform{}, reasonError(fmt.Sprintf("the range %g to %g overflows float64", lo, hi))
		case cost:
			return transform{b: -1 / r, c: hi}, nil // (max − x)/(max − min)
		default:
			return transform{b: 1 / r, c: lo}, nil // (x − min)/(max − min)
		}
	case NormalizationVector:
		norm := math.Sqrt(sumSq)
		if norm == 0 || math.IsInf(norm, 0) {
			return transform{}, reasonError("vector normalisation needs a non-zero, finite column norm")
		}
		if cost {
			return transform{a: 1, b: -1 / norm, mirror: true}, nil
		}
		return transform{b: 1 / norm}, nil
	}
	if lo < 0 {
		return transform{}, reasonError(fmt.Sprintf("%s normalisation needs non-negative values (minimum %g)", norm, lo))
	}
	switch norm {
	case NormalizationMax:
		if hi <= 0 {
			return transform{}, reasonError("max normalisation needs a positive maximum")
		}
		if cost {
			return transform{a: 1, b: -1 / hi, mirror: true}, nil
		}
		return transform{b: 1 / hi}, nil
	case NormalizationSum:
		if cost {
			if lo <= 0 {
				return transform{}, reasonError("sum normalisation of a cost criterion needs positive values")
			}
			return transform{b: 1 / sumInv, recip: true}, nil
		}
		if sum <= 0 || math.IsInf(sum, 0) {
			return transform{}, reasonError("sum normalisation needs a positive, finite column sum")
		}
		return transform{b: 1 / sum}, nil
	default: // linear
		if cost {
			if lo <= 0 {
				return transform{}, reasonError("linear normalisation of a cost criterion (min/x) needs positive values")
			}
			return transform{b: lo, recip: true}, nil
		}
		if hi <= 0 {
			return transform{}, reasonError("linear normalisation needs a positive maximum")
		}
		return transform{b: 1 / hi}, nil
	}
}

// Normalize returns the normalised matrix, row-major (value of alternative
// i on criterion j at [i*Cols()+j]), with every criterion turned into
// more-is-better. Errors (matching outsourcing.ErrInvalidInput) name the
// criterion whose column the normalisation cannot handle.
func Normalize(m *Matrix, norm Normalization, policy ConstantPolicy) ([]float64, error) {
	out, err := normalize(m, norm, policy)
	return out, wrap(err)
}

func normalize(m *Matrix, norm Normalization, policy ConstantPolicy) ([]float64, error) {
	ts, _, err := m.transforms(norm, policy)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(m.data))
	n := len(ts)
	for k, x := range m.data {
		out[k] = ts[k%n].apply(x)
	}
	return out, nil
}

// standard returns the normalised value of x in the standard convention:
// the benefit form x/k for the mirrored cost variants of max and vector,
// the normalised value otherwise.
func (t transform) standard(x float64) float64 {
	if t.mirror {
		return t.a - t.apply(x)
	}
	return t.apply(x)
}
