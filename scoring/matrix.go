package scoring

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
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
// bounds. Each *FieldError names the cell as "rows[i][j]" with the
// alternative and criterion ids.
func NewMatrix(alternatives []string, criteria []Criterion, rows [][]float64) (*Matrix, error) {
	if len(rows) != len(alternatives) {
		return nil, errorf("rows", "%d rows for %d alternatives", len(rows), len(alternatives))
	}
	data := make([]float64, 0, len(alternatives)*len(criteria))
	var errs []error
	for i, row := range rows {
		if len(row) != len(criteria) {
			errs = append(errs, errorf(fmt.Sprintf("rows[%d]", i), "alternative %q has %d values for %d criteria", alternatives[i], len(row), len(criteria)))
			continue
		}
		data = append(data, row...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewMatrixFlat(alternatives, criteria, data)
}

// NewMatrixFlat is NewMatrix for values already laid out row-major:
// data[i*len(criteria)+j] is alternative i on criterion j. The slice is
// copied. Errors as for NewMatrix, cells named "data[k]".
func NewMatrixFlat(alternatives []string, criteria []Criterion, data []float64) (*Matrix, error) {
	var errs []error
	if len(alternatives) == 0 {
		errs = append(errs, errorf("alternatives", "no alternatives"))
	}
	if len(criteria) == 0 {
		errs = append(errs, errorf("criteria", "no criteria"))
	}
	errs = append(errs, checkIDs("alternatives", alternatives)...)
	ids := make([]string, len(criteria))
	for j, c := range criteria {
		ids[j] = c.ID
		if !slices.Contains(criterionTypes, c.Type) {
			errs = append(errs, errorf(fmt.Sprintf("criteria[%d].type", j), "criterion %q: unknown type %q", c.ID, c.Type))
		}
		if c.Min != nil && c.Max != nil && !(*c.Min <= *c.Max) {
			errs = append(errs, errorf(fmt.Sprintf("criteria[%d]", j), "criterion %q: min %g above max %g", c.ID, *c.Min, *c.Max))
		}
	}
	errs = append(errs, checkIDs("criteria", ids)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	n := len(criteria)
	if len(data) != len(alternatives)*n {
		return nil, errorf("data", "%d values for %d alternatives × %d criteria", len(data), len(alternatives), n)
	}
	for k, v := range data {
		i, j := k/n, k%n
		c := criteria[j]
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			errs = append(errs, errorf(fmt.Sprintf("rows[%d][%d]", i, j), "alternative %q, criterion %q: value is missing or not finite (%v)", alternatives[i], c.ID, v))
		case c.Min != nil && v < *c.Min, c.Max != nil && v > *c.Max:
			errs = append(errs, errorf(fmt.Sprintf("rows[%d][%d]", i, j), "alternative %q, criterion %q: value %g outside the criterion's bounds", alternatives[i], c.ID, v))
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

func clonePtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// checkIDs reports empty and duplicate ids.
func checkIDs(path string, ids []string) []error {
	var errs []error
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		switch {
		case id == "":
			errs = append(errs, errorf(fmt.Sprintf("%s[%d]", path, i), "empty id"))
		case seen[id]:
			errs = append(errs, errorf(fmt.Sprintf("%s[%d]", path, i), "duplicate id %q", id))
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
