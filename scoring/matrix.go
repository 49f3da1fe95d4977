package scoring

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// CriterionType says in which direction a criterion is better.
type CriterionType string

// Criterion types.
const (
	// CriterionTypeBenefit is a criterion where more is better (quality, uptime).
	CriterionTypeBenefit CriterionType = "benefit"
	// CriterionTypeCost is a criterion where less is better (price, response time).
	CriterionTypeCost CriterionType = "cost"
)

var criterionTypes = []CriterionType{CriterionTypeBenefit, CriterionTypeCost}

// String returns the type name.
func (t CriterionType) String() string { return string(t) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown types.
func (t CriterionType) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(t, "criterion type", criterionTypes)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown types.
func (t *CriterionType) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(t, b, "criterion type", criterionTypes)
}

// Criterion describes one column of a decision matrix (Handbook §2.2: one
// evaluation dimension or sub-criterion).
type Criterion struct {
	// ID names the criterion; unique within a matrix, non-empty.
	ID string `json:"id"`
	// Type is benefit (more is better) or cost (less is better).
	Type CriterionType `json:"type"`
	// Unit documents the measurement unit ("EUR", "hours", "points"); informational.
	Unit string `json:"unit,omitempty"`
	// Min and Max, when set, are inclusive bounds every value must lie in
	// (for example 0 and 10 for a 0–10 rating); they only validate input.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
}

// Matrix is an immutable decision matrix: alternatives (rows) evaluated on
// criteria (columns), stored as one flat row-major []float64. It is safe
// for concurrent use.
type Matrix struct {
	alternatives []string
	criteria     []Criterion
	data         []float64
}

// NewMatrix validates and copies a decision matrix given as rows.
// It returns errors (joined, in row then column order) matching
// outsourcing.ErrInvalidInput for: no alternatives or criteria, an empty or
// duplicate id, an unknown criterion type, a row of the wrong length, a
// NaN or ±Inf value (a missing value), or a value outside a criterion's
// bounds. Each *FieldError points at the argument it is about:
// "/alternatives/1", "/criteria/0/type", "/rows/2" or the cell "/rows/2/1",
// and its reason names the alternative and criterion ids.
func NewMatrix(alternatives []string, criteria []Criterion, rows [][]float64) (*Matrix, error) {
	if len(rows) != len(alternatives) {
		return nil, wrap(outsourcing.FieldErrorf("/rows", "%d rows for %d alternatives", len(rows), len(alternatives)))
	}
	data := make([]float64, 0, len(alternatives)*len(criteria))
	var errs []error
	for i, row := range rows {
		if len(row) != len(criteria) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("rows", i), "alternative %q has %d values for %d criteria",
				alternatives[i], len(row), len(criteria)))
			continue
		}
		data = append(data, row...)
	}
	if len(errs) > 0 {
		return nil, wrap(errors.Join(errs...))
	}
	m, err := newMatrix(alternatives, criteria, data, func(i, j int) string { return jsonptr.Join("rows", i, j) })
	return m, wrap(err)
}

// NewMatrixValues builds a matrix from plain values for a quick
// calculation: rows[i][j] is alternative i on criterion j, and types[j]
// says whether criterion j is a benefit or a cost. Alternatives are named
// A1, A2, … and criteria C1, C2, … in the order given. Errors as for
// NewMatrix, with the criteria pointed at as "/types/j".
func NewMatrixValues(rows [][]float64, types []CriterionType) (*Matrix, error) {
	alts := make([]string, len(rows))
	for i := range alts {
		alts[i] = "A" + strconv.Itoa(i+1)
	}
	crit := make([]Criterion, len(types))
	for j, t := range types {
		crit[j] = Criterion{ID: "C" + strconv.Itoa(j+1), Type: t}
	}
	m, err := NewMatrix(alts, crit, rows)
	return m, wrap(mapPaths(err, func(p string) string {
		if rest, ok := strings.CutPrefix(p, "/criteria"); ok {
			return "/types" + strings.TrimSuffix(rest, "/type")
		}
		return p
	}))
}

// NewMatrixFlat is NewMatrix for values already laid out row-major:
// data[i*len(criteria)+j] is alternative i on criterion j. The slice is
// copied. Errors as for NewMatrix, cells pointed at as "/data/k".
func NewMatrixFlat(alternatives []string, criteria []Criterion, data []float64) (*Matrix, error) {
	n := len(criteria)
	m, err := newMatrix(alternatives, criteria, data, func(i, j int) string { return jsonptr.Join("data", i*n+j) })
	return m, wrap(err)
}

// newMatrix validates and copies a flat matrix; cell gives the pointer of
// cell (i, j) in the caller's argument.
func newMatrix(alternatives []string, criteria []Criterion, data []float64, cell func(i, j int) string) (*Matrix, error) {
	var errs []error
	if len(alternatives) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/alternatives", "no alternatives"))
	}
	if len(criteria) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/criteria", "no criteria"))
	}
	errs = append(errs, checkIDs("alternatives", "", alternatives)...)
	ids := make([]string, len(criteria))
	for j, c := range criteria {
		ids[j] = c.ID
		if !slices.Contains(criterionTypes, c.Type) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("criteria", j, "type"), "criterion %q: unknown type %q",
				c.ID, text.Truncate(string(c.Type), 40)))
		}
		switch {
		case c.Min != nil && !isFinite(*c.Min):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("criteria", j, "min"), "criterion %q: min %g is not finite", c.ID, *c.Min))
		case c.Max != nil && !isFinite(*c.Max):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("criteria", j, "max"), "criterion %q: max %g is not finite", c.ID, *c.Max))
		case c.Min != nil && c.Max != nil && !(*c.Min <= *c.Max):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("criteria", j, "max"), "criterion %q: max %g below min %g", c.ID, *c.Max, *c.Min))
		}
	}
	errs = append(errs, checkIDs("criteria", "id", ids)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	n := len(criteria)
	if len(data) != len(alternatives)*n {
		return nil, outsourcing.FieldErrorf("/data", "%d values for %d alternatives × %d criteria", len(data), len(alternatives), n)
	}
	for k, v := range data {
		i, j := k/n, k%n
		c := criteria[j]
		switch {
		case !isFinite(v):
			errs = append(errs, outsourcing.FieldErrorf(cell(i, j), "alternative %q, criterion %q: value is missing or not finite (%v)", alternatives[i], c.ID, v))
		case c.Min != nil && v < *c.Min, c.Max != nil && v > *c.Max:
			errs = append(errs, outsourcing.FieldErrorf(cell(i, j), "alternative %q, criterion %q: value %g outside the criterion's bounds",
				alternatives[i], c.ID, v))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	m := &Matrix{alternatives: slices.Clone(alternatives), criteria: slices.Clone(criteria), data: slices.Clone(data)}
	for j := range m.criteria {
		m.criteria[j].Min = clonePtr(m.criteria[j].Min)
		m.criteria[j].Max = clonePtr(m.criteria[j].Max)
	}
	return m, nil
}

// isFinite reports whether v is neither NaN nor ±Inf.
func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func clonePtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// checkIDs reports empty and duplicate ids of the argument name, at
// "/name/i" followed by field when it is not empty.
func checkIDs(name, field string, ids []string) []error {
	var errs []error
	seen := make(map[string]bool, len(ids))
	at := func(i int) string {
		if field == "" {
			return jsonptr.Join(name, i)
		}
		return jsonptr.Join(name, i, field)
	}
	for i, id := range ids {
		switch {
		case id == "":
			errs = append(errs, outsourcing.FieldErrorf(at(i), "empty id"))
		case seen[id]:
			errs = append(errs, outsourcing.FieldErrorf(at(i), "duplicate id %q", text.Truncate(id, 40)))
		}
		seen[id] = true
	}
	return errs
}

// Alternatives returns a copy of the alternative ids, in row order.
func (m *Matrix) Alternatives() []string { return slices.Clone(m.alternatives) }

// Criteria returns a copy of the criteria, in column order.
func (m *Matrix) Criteria() []Criterion { return slices.Clone(m.criteria) }

// Rows is the number of alternatives.
func (m *Matrix) Rows() int { return len(m.alternatives) }

// Cols is the number of criteria.
func (m *Matrix) Cols() int { return len(m.criteria) }

// At returns the value of alternative i on criterion j. It panics when
// i is outside [0, Rows()) or j outside [0, Cols()), like a slice index,
// rather than reading a neighbouring row.
func (m *Matrix) At(i, j int) float64 {
	checkIndex("Matrix.At", i, j, len(m.alternatives), len(m.criteria))
	return m.data[i*len(m.criteria)+j]
}

// criterionIDs returns the criterion ids in column order.
func (m *Matrix) criterionIDs() []string {
	ids := make([]string, len(m.criteria))
	for j, c := range m.criteria {
		ids[j] = c.ID
	}
	return ids
}

// without returns the matrix with alternative k removed (k < 0: none) and,
// when extra is not nil, one more alternative named extraID appended.
func (m *Matrix) without(k int, extraID string, extra []float64) *Matrix {
	n := len(m.criteria)
	out := &Matrix{criteria: m.criteria}
	for i, a := range m.alternatives {
		if i == k {
			continue
		}
		out.alternatives = append(out.alternatives, a)
		out.data = append(out.data, m.data[i*n:(i+1)*n]...)
	}
	if extra != nil {
		out.alternatives = append(out.alternatives, extraID)
		out.data = append(out.data, extra...)
	}
	return out
}
