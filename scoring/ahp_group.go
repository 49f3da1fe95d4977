package scoring

import (
	"cmp"
	"fmt"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// AggregateJudgments combines several judges' comparison matrices of the
// same size into one by the element-wise weighted geometric mean
// (aggregation of individual judgments, AIJ; Aczél & Saaty 1983), which
// keeps the result reciprocal. judgeWeights may be nil (equal weight);
// otherwise it must have one non-negative weight per matrix with a
// positive sum (normalised internally).
func AggregateJudgments(ms []*Pairwise, judgeWeights []float64) (_ *Pairwise, err error) {
	defer wrapErr(&err)
	if len(ms) == 0 {
		return nil, outsourcing.FieldErrorf("/judges", "no comparison matrices")
	}
	jw, err := judgeWeightsFor(len(ms), judgeWeights)
	if err != nil {
		return nil, err
	}
	n := ms[0].n
	for k, p := range ms {
		if p == nil || p.n != n {
			return nil, outsourcing.FieldErrorf(jsonptr.Join("judges", k), "comparison matrix size differs from the first judge's %d", n)
		}
	}
	a := make([]float64, n*n)
	for idx := range a {
		l := 0.0
		for k, p := range ms {
			l += jw[k] * math.Log(p.a[idx])
		}
		a[idx] = math.Exp(l)
	}
	// Restore exact reciprocity and unit diagonal against rounding.
	for i := range n {
		a[i*n+i] = 1
		for j := i + 1; j < n; j++ {
			a[j*n+i] = 1 / a[i*n+j]
		}
	}
	return &Pairwise{n: n, a: a}, nil
}

// GroupMean is how AggregatePriorities combines judges' priority vectors.
type GroupMean string

// Group means.
const (
	// GroupMeanGeometric (the zero value "" means the same) is the weighted
	// geometric mean, renormalised to sum 1 (Forman & Peniwati 1998).
	GroupMeanGeometric GroupMean = "geometric"
	// GroupMeanArithmetic is the weighted arithmetic mean.
	GroupMeanArithmetic GroupMean = "arithmetic"
)

var groupMeans = []GroupMean{GroupMeanGeometric, GroupMeanArithmetic}

// String returns the mean's name.
func (g GroupMean) String() string { return string(g) }

// MarshalText implements encoding.TextMarshaler; the empty value (geometric) is allowed.
func (g GroupMean) MarshalText() ([]byte, error) {
	if g == "" {
		return []byte{}, nil
	}
	return outsourcing.MarshalEnum(g, "group mean", groupMeans)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown means.
func (g *GroupMean) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*g = ""
		return nil
	}
	return outsourcing.UnmarshalEnum(g, b, "group mean", groupMeans)
}

// AggregatePriorities combines judges' priority vectors of equal length
// (aggregation of individual priorities, AIP) by the chosen weighted mean
// and returns a vector summing to 1. Priorities must be positive for the
// geometric mean, non-negative for the arithmetic one.
func AggregatePriorities(priorities [][]float64, judgeWeights []float64, mean GroupMean) (_ []float64, err error) {
	defer wrapErr(&err)
	if err := enumError("/mean", "group mean", cmp.Or(mean, GroupMeanGeometric), groupMeans); err != nil {
		return nil, err
	}
	if len(priorities) == 0 || len(priorities[0]) == 0 {
		return nil, outsourcing.FieldErrorf("/priorities", "no priority vectors")
	}
	jw, err := judgeWeightsFor(len(priorities), judgeWeights)
	if err != nil {
		return nil, err
	}
	n := len(priorities[0])
	out := make([]float64, n)
	for k, p := range priorities {
		if len(p) != n {
			return nil, outsourcing.FieldErrorf(jsonptr.Join("priorities", k), "%d priorities, want %d", len(p), n)
		}
		for i, v := range p {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || (v == 0 && mean != GroupMeanArithmetic) {
				return nil, outsourcing.FieldErrorf(jsonptr.Join("priorities", k, i), "priority %g must be positive and finite", v)
			}
			if mean == GroupMeanArithmetic {
				out[i] += jw[k] * v
			} else {
				out[i] += jw[k] * math.Log(v)
			}
		}
	}
	sum := 0.0
	for i := range out {
		if mean != GroupMeanArithmetic {
			out[i] = math.Exp(out[i])
		}
		sum += out[i]
	}
	if !(sum > 0) {
		return nil, outsourcing.FieldErrorf("/priorities", "aggregated priorities sum to zero")
	}
	for i := range out {
		out[i] /= sum
	}
	return out, nil
}

// judgeWeightsFor validates and normalises judge weights (nil: equal).
func judgeWeightsFor(k int, w []float64) ([]float64, error) {
	if w == nil {
		w = make([]float64, k)
		for i := range w {
			w[i] = 1
		}
	}
	ids := make([]string, k)
	for i := range ids {
		ids[i] = fmt.Sprintf("judge %d", i+1)
	}
	out, _, err := normalizeWeights(w, ids, "/judge_weights")
	return out, err
}
