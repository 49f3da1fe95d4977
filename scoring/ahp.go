package scoring

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Pairwise is an immutable, validated AHP pairwise comparison matrix: entry
// (i, j) says how many times element i is preferred to element j. It is
// positive, has ones on the diagonal and is reciprocal (aⱼᵢ = 1/aᵢⱼ).
// It is safe for concurrent use.
type Pairwise struct {
	n int
	a []float64
}

// reciprocalTol is the relative tolerance of the reciprocity check:
// |aᵢⱼ·aⱼᵢ − 1| ≤ 1e-6.
const reciprocalTol = 1e-6

// NewPairwise validates a full n×n comparison matrix. Errors (joined,
// matching outsourcing.ErrInvalidInput) point at the cell "/rows/i/j": a
// non-square matrix, n = 0, a zero, negative, NaN or infinite judgment, a
// diagonal entry other than 1, or a non-reciprocal pair (tolerance 1e-6
// relative; give exact reciprocals such as 1.0/3, or use NewPairwiseUpper).
func NewPairwise(rows [][]float64) (_ *Pairwise, err error) {
	defer wrapErr(&err)
	n := len(rows)
	if n == 0 {
		return nil, outsourcing.FieldErrorf("/rows", "empty comparison matrix")
	}
	var errs []error
	a := make([]float64, 0, n*n)
	for i, row := range rows {
		if len(row) != n {
			return nil, outsourcing.FieldErrorf(jsonptr.Join("rows", i), "row has %d entries, want %d (matrix must be square)", len(row), n)
		}
		a = append(a, row...)
	}
	for i := range n {
		for j := range n {
			v := a[i*n+j]
			path := jsonptr.Join("rows", i, j)
			switch {
			case math.IsNaN(v) || math.IsInf(v, 0) || v <= 0:
				errs = append(errs, outsourcing.FieldErrorf(path, "judgment %g must be positive and finite", v))
			case i == j && v != 1:
				errs = append(errs, outsourcing.FieldErrorf(path, "diagonal entry %g must be 1", v))
			case j > i && !(a[j*n+i] > 0):
				// reported at its own cell
			case j > i && math.Abs(v*a[j*n+i]-1) > reciprocalTol:
				errs = append(errs, outsourcing.FieldErrorf(path, "not reciprocal: a[%d][%d] = %g but a[%d][%d] = %g (want %g)", i, j, v, j, i, a[j*n+i], 1/v))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &Pairwise{n: n, a: a}, nil
}

// NewPairwiseUpper builds an n×n comparison matrix from its upper triangle
// given row by row (a₁₂, a₁₃, …, a₁ₙ, a₂₃, …), n(n−1)/2 positive judgments;
// the diagonal is 1 and the lower triangle exact reciprocals.
func NewPairwiseUpper(n int, upper []float64) (_ *Pairwise, err error) {
	defer wrapErr(&err)
	if n <= 0 {
		return nil, outsourcing.FieldErrorf("/n", "matrix size %d must be positive", n)
	}
	if len(upper) != n*(n-1)/2 {
		return nil, outsourcing.FieldErrorf("/upper", "%d judgments for a %d×%d matrix, want %d", len(upper), n, n, n*(n-1)/2)
	}
	a := make([]float64, n*n)
	var errs []error
	k := 0
	for i := range n {
		a[i*n+i] = 1
		for j := i + 1; j < n; j++ {
			v := upper[k]
			if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("upper", k), "judgment (%d, %d) = %g must be positive and finite", i, j, v))
			}
			a[i*n+j], a[j*n+i] = v, 1/v
			k++
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &Pairwise{n: n, a: a}, nil
}

// Size is the number of compared elements.
func (p *Pairwise) Size() int { return p.n }

// At returns judgment (i, j). It panics when i or j is outside
// [0, Size()), like a slice index, rather than reading a neighbouring row.
func (p *Pairwise) At(i, j int) float64 {
	checkIndex("Pairwise.At", i, j, p.n, p.n)
	return p.a[i*p.n+j]
}

// Rows returns a copy of the matrix as rows.
func (p *Pairwise) Rows() [][]float64 {
	out := make([][]float64, p.n)
	for i := range out {
		out[i] = slices.Clone(p.a[i*p.n : (i+1)*p.n])
	}
	return out
}

// AHPMethod is how priorities are derived from a comparison matrix.
type AHPMethod string

// AHP prioritisation methods.
const (
	// AHPMethodEigenvector (the zero value "" means the same) is Saaty's
	// principal right eigenvector, by power iteration to a tolerance.
	AHPMethodEigenvector AHPMethod = "eigenvector"
	// AHPMethodGeometricMean is the normalised row geometric mean
	// (Crawford & Williams 1985), the logarithmic least-squares solution.
	AHPMethodGeometricMean AHPMethod = "geometric_mean"
	// AHPMethodApproximate is Saaty's approximate method: normalise each
	// column to sum 1, then average each row (the "mean" of pyDecision).
	AHPMethodApproximate AHPMethod = "approximate"
)

var ahpMethods = []AHPMethod{AHPMethodEigenvector, AHPMethodGeometricMean, AHPMethodApproximate}

// String returns the method name.
func (m AHPMethod) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler; the empty value (eigenvector) is allowed.
func (m AHPMethod) MarshalText() ([]byte, error) {
	if m == "" {
		return []byte{}, nil
	}
	return outsourcing.MarshalEnum(m, "ahp method", ahpMethods)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown methods.
func (m *AHPMethod) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = ""
		return nil
	}
	return outsourcing.UnmarshalEnum(m, b, "ahp method", ahpMethods)
}

// AHPScale restricts the judgments accepted.
type AHPScale string

// Judgment scales.
const (
	// AHPScaleAny (the zero value "" means the same) accepts any positive judgment.
	AHPScaleAny AHPScale = "any"
	// AHPScaleSaaty accepts only Saaty's 1–9 scale and reciprocals 1/2 … 1/9.
	AHPScaleSaaty AHPScale = "saaty"
)

var ahpScales = []AHPScale{AHPScaleAny, AHPScaleSaaty}

// String returns the scale name.
func (s AHPScale) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; the empty value (any) is allowed.
func (s AHPScale) MarshalText() ([]byte, error) {
	if s == "" {
		return []byte{}, nil
	}
	return outsourcing.MarshalEnum(s, "ahp scale", ahpScales)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown scales.
func (s *AHPScale) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = ""
		return nil
	}
	return outsourcing.UnmarshalEnum(s, b, "ahp scale", ahpScales)
}

// AHPOptions configures AHP. The zero value is Saaty's eigenvector
// method, Saaty's 1980 random index, any positive judgment, tolerance
// 1e-12, at most 10,000 iterations and the 0.10 consistency threshold.
type AHPOptions struct {
	// Method derives the priorities (eigenvector, geometric mean or the
	// approximate method). The consistency ratio always uses the
	// principal eigenvalue λmax.
	Method AHPMethod `json:"method,omitempty"`
	// RandomIndex is the table of random consistency indices.
	RandomIndex RITable `json:"random_index,omitempty"`
	// RandomIndexValues is a caller's own table, RI(3), RI(4), … (finite,
	// positive), used with RandomIndex RITableCustom only.
	RandomIndexValues []float64 `json:"random_index_values,omitempty"`
	// Scale restricts the judgments (any, or Saaty's 1–9).
	Scale AHPScale `json:"scale,omitempty"`
	// Tolerance stops the power iteration when no priority moves by more
	// than it (max-norm); 0 means 1e-12.
	Tolerance float64 `json:"tolerance,omitempty"`
	// MaxIterations bounds the power iteration; 0 means 10,000.
	MaxIterations int `json:"max_iterations,omitempty"`
	// Threshold is the acceptable consistency ratio; 0 means 0.10.
	Threshold float64 `json:"threshold,omitempty"`
}

// Judgment reports one comparison and how far it is from what the
// priorities imply, for revising an inconsistent matrix.
type Judgment struct {
	// Row and Col are the compared elements (Row < Col).
	Row int `json:"row"`
	Col int `json:"col"`
	// Value is the judgment aᵢⱼ given.
	Value float64 `json:"value"`
	// Implied is wᵢ/wⱼ, the judgment consistent with the priorities.
	Implied float64 `json:"implied"`
	// Deviation is |ln(aᵢⱼ·wⱼ/wᵢ)|, 0 for a perfectly consistent judgment.
	Deviation float64 `json:"deviation"`
	// Suggested is the Saaty-scale value (1..9 or 1/2..1/9) nearest to Implied
	// on a log scale.
	Suggested float64 `json:"suggested"`
}

// AHPResult holds the priorities and consistency of one comparison matrix.
type AHPResult struct {
	// Method and RandomIndex say how the result was computed.
	Method      AHPMethod `json:"method"`
	RandomIndex RITable   `json:"random_index"`
	// Priorities sum to 1.
	Priorities []float64 `json:"priorities"`
	// LambdaMax is the principal eigenvalue (≥ n; n when consistent).
	LambdaMax float64 `json:"lambda_max"`
	// CI is the consistency index (λmax − n)/(n − 1), 0 for n ≤ 2.
	CI float64 `json:"ci"`
	// RI is the random index RI(n) of the table used.
	RI float64 `json:"ri"`
	// CR is the consistency ratio CI/RI(n), 0 for n ≤ 2.
	CR float64 `json:"cr"`
	// Consistent is CR ≤ threshold.
	Consistent bool `json:"consistent"`
	// Iterations is the number of power-iteration steps used for λmax.
	Iterations int `json:"iterations"`
	// Inconsistent lists, when CR exceeds the threshold, every judgment
	// above the diagonal ordered by decreasing Deviation (the first is the
	// one to revisit first).
	Inconsistent []Judgment `json:"inconsistent,omitempty"`
}

// saatyValues is the 1–9 scale and its reciprocals, ascending.
var saatyValues = func() []float64 {
	v := make([]float64, 0, 17)
	for k := 9; k >= 2; k-- {
		v = append(v, 1/float64(k))
	}
	for k := 1; k <= 9; k++ {
		v = append(v, float64(k))
	}
	return v
}()

// nearestSaaty returns the scale value nearest to x on a log scale.
func nearestSaaty(x float64) float64 {
	best, bestD := 1.0, math.Inf(1)
	for _, v := range saatyValues {
		if d := math.Abs(math.Log(x / v)); d < bestD {
			best, bestD = v, d
		}
	}
	return best
}

func onSaatyScale(x float64) bool {
	for _, v := range saatyValues {
		if math.Abs(x-v) <= reciprocalTol*v {
			return true
		}
	}
	return false
}

// AHP derives priorities from p and measures their consistency (Saaty
// 1977, 1980). λmax is found by power iteration from the uniform vector
// until no component moves by more than the tolerance; failure to
// converge within MaxIterations returns an error matching
// outsourcing.ErrNoConvergence. CI = (λmax − n)/(n − 1) and
// CR = CI/RI(n), both defined as 0 for n ≤ 2; n above the random-index
// table's largest size is an error naming the table. Bad options or
// judgments off the Saaty scale (when required) match ErrInvalidInput.
func AHP(p *Pairwise, opt AHPOptions) (_ AHPResult, err error) {
	defer wrapErr(&err)
	if p == nil {
		return AHPResult{}, outsourcing.FieldErrorf("/pairwise", "nil comparison matrix")
	}
	o, err := opt.withDefaults()
	if err != nil {
		return AHPResult{}, err
	}
	n := p.n
	if o.Scale == AHPScaleSaaty {
		for i := range n {
			for j := i + 1; j < n; j++ {
				if v := p.a[i*n+j]; !onSaatyScale(v) {
					return AHPResult{}, outsourcing.FieldErrorf(jsonptr.Join("pairwise", i, j), "judgment %g is not on Saaty's 1–9 scale", v)
				}
			}
		}
	}
	ri := 0.0
	if n > 2 {
		if ri, err = o.riTable().index(o.RandomIndex, n); err != nil {
			return AHPResult{}, err
		}
	}
	w, lambda, iter, err := principalEigen(p, o.Tolerance, o.MaxIterations)
	if err != nil {
		return AHPResult{}, err
	}
	res := AHPResult{Method: o.Method, RandomIndex: o.RandomIndex, Priorities: w, LambdaMax: lambda, RI: ri, Iterations: iter}
	switch o.Method {
	case AHPMethodGeometricMean:
		res.Priorities = geometricMeanPriorities(p)
	case AHPMethodApproximate:
		res.Priorities = approximatePriorities(p)
	}
	if n > 2 {
		res.CI = (lambda - float64(n)) / float64(n-1)
		res.CR = res.CI / ri
	}
	res.Consistent = res.CR <= o.Threshold
	if !res.Consistent {
		res.Inconsistent = inconsistentJudgments(p, res.Priorities)
	}
	return res, nil
}

func (o AHPOptions) withDefaults() (AHPOptions, error) {
	o.Method = cmp.Or(o.Method, AHPMethodEigenvector)
	o.Scale = cmp.Or(o.Scale, AHPScaleAny)
	o.RandomIndex = cmp.Or(o.RandomIndex, RITableSaaty1980)
	errMethod := enumError("/method", "ahp method", o.Method, ahpMethods)
	errScale := enumError("/scale", "ahp scale", o.Scale, ahpScales)
	errTable := enumError("/random_index", "random index table", o.RandomIndex, riTableNames)
	if err := cmp.Or(errMethod, errScale, errTable); err != nil {
		return o, err
	}
	if (o.RandomIndex == RITableCustom) != (o.RandomIndexValues != nil) {
		return o, outsourcing.FieldErrorf("/random_index_values", "random_index_values go with random_index %q, and only with it", RITableCustom)
	}
	for k, v := range o.RandomIndexValues {
		if !(v > 0) || !isFinite(v) {
			return o, outsourcing.FieldErrorf(jsonptr.Join("random_index_values", k), "RI(%d) = %g must be positive and finite", k+3, v)
		}
	}
	switch {
	case math.IsNaN(o.Tolerance) || o.Tolerance < 0 || math.IsInf(o.Tolerance, 0):
		return o, outsourcing.FieldErrorf("/tolerance", "tolerance %g must be finite and non-negative", o.Tolerance)
	case o.Tolerance == 0:
		o.Tolerance = 1e-12
	}
	switch {
	case o.MaxIterations < 0:
		return o, outsourcing.FieldErrorf("/max_iterations", "max iterations %d must not be negative", o.MaxIterations)
	case o.MaxIterations == 0:
		o.MaxIterations = 10000
	}
	switch {
	case math.IsNaN(o.Threshold) || o.Threshold < 0 || math.IsInf(o.Threshold, 0):
		return o, outsourcing.FieldErrorf("/threshold", "threshold %g must be finite and non-negative", o.Threshold)
	case o.Threshold == 0:
		o.Threshold = 0.10
	}
	return o, nil
}

// riTable returns the random-index table in effect.
func (o AHPOptions) riTable() riTable {
	if o.RandomIndex == RITableCustom {
		return riTable{values: o.RandomIndexValues}
	}
	return riTables[o.RandomIndex]
}

// principalEigen runs the power iteration w ← Aw/Σ(Aw) from the uniform
// vector. Since Σw = 1, λmax = Σ(Aw) at convergence.
func principalEigen(p *Pairwise, tol float64, maxIter int) ([]float64, float64, int, error) {
	n := p.n
	buf := make([]float64, 2*n)
	w, next := buf[:n:n], buf[n:]
	for i := range w {
		w[i] = 1 / float64(n)
	}
	for it := 1; it <= maxIter; it++ {
		lambda := 0.0
		for i := range n {
			row := p.a[i*n : (i+1)*n]
			s := 0.0
			for j, v := range row {
				s += v * w[j]
			}
			next[i] = s
			lambda += s
		}
		delta := 0.0
		for i := range next {
			next[i] /= lambda
			delta = math.Max(delta, math.Abs(next[i]-w[i]))
		}
		w, next = next, w
		if delta <= tol {
			return slices.Clone(w), lambda, it, nil
		}
	}
	return nil, 0, maxIter, &outsourcing.FieldError{Path: "/pairwise", Reason: fmt.Sprintf("principal eigenvector did not reach tolerance %g in %d iterations", tol, maxIter), Err: outsourcing.ErrNoConvergence}
}

// geometricMeanPriorities returns the normalised row geometric means.
func geometricMeanPriorities(p *Pairwise) []float64 {
	n := p.n
	w := make([]float64, n)
	sum := 0.0
	for i := range n {
		l := 0.0
		for _, v := range p.a[i*n : (i+1)*n] {
			l += math.Log(v)
		}
		w[i] = math.Exp(l / float64(n))
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return w
}

// approximatePriorities normalises each column to sum 1 and averages the rows.
func approximatePriorities(p *Pairwise) []float64 {
	n := p.n
	colSum := make([]float64, n)
	for k, v := range p.a {
		colSum[k%n] += v
	}
	w := make([]float64, n)
	for k, v := range p.a {
		w[k/n] += v / colSum[k%n] / float64(n)
	}
	return w
}

// inconsistentJudgments ranks the upper-triangle judgments by |ln εᵢⱼ|.
func inconsistentJudgments(p *Pairwise, w []float64) []Judgment {
	n := p.n
	out := make([]Judgment, 0, n*(n-1)/2)
	for i := range n {
		for j := i + 1; j < n; j++ {
			implied := w[i] / w[j]
			v := p.a[i*n+j]
			out = append(out, Judgment{Row: i, Col: j, Value: v, Implied: implied, Deviation: math.Abs(math.Log(v / implied)), Suggested: nearestSaaty(implied)})
		}
	}
	slices.SortStableFunc(out, func(a, b Judgment) int { return cmp.Compare(b.Deviation, a.Deviation) })
	return out
}

// MarshalJSON writes the matrix as its rows.
func (p *Pairwise) MarshalJSON() ([]byte, error) { return json.Marshal(p.Rows()) }

// UnmarshalJSON reads rows and validates them as NewPairwise does.
func (p *Pairwise) UnmarshalJSON(b []byte) error {
	var rows [][]float64
	if err := json.Unmarshal(b, &rows); err != nil {
		return wrap(outsourcing.FieldErrorf("", "comparison matrix: %v", err))
	}
	q, err := NewPairwise(rows)
	if err != nil {
		return err
	}
	*p = *q
	return nil
}
