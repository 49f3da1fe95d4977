package risk

import (
	"errors"
	"math"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// Level is a risk level of a matrix, by its ID ("high", "amber"): the
// matrix's own scale, from LevelDef. Matrix.NISTLevel places it on NIST
// SP 800-30's five levels (outsourcing.RiskLevel).
type Level string

// AxisLevel is one step of a likelihood or impact scale.
type AxisLevel struct {
	// ID names the step in ratings ("very_low", "3"); unique on its axis.
	ID string `json:"id"`
	// Label is the display name ("Very Low").
	Label string `json:"label,omitempty"`
	// Value is the step's number: the operand of the score formula and of
	// residual calculation (NIST's representative value 0..10, a 1..5 rank,
	// a probability). Values must increase along the axis.
	Value float64 `json:"value"`
	// Min and Max, when both are set, are the range of assessed values
	// (semi-quantitative) that fall on this step: Min ≤ x < Max, and
	// x ≤ Max on the top step. Ranges must be all set or all unset on an
	// axis, contiguous and increasing.
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
}

// Axis is a likelihood or impact scale, its levels in ascending order.
type Axis struct {
	// Name is the axis title ("Likelihood", "Impact").
	Name string `json:"name"`
	// Levels run from the lowest to the highest; at least two.
	Levels []AxisLevel `json:"levels"`
}

// LevelDef is one risk level a matrix assigns to cells.
type LevelDef struct {
	// ID names the level ("high"); unique in the matrix.
	ID Level `json:"id"`
	// Label is the display name ("High").
	Label string `json:"label,omitempty"`
	// Color is a CSS colour for the heat map ("#d7191c"); a default
	// green-to-red ramp is used when empty.
	Color string `json:"color,omitempty"`
	// MinScore is the band's inclusive lower bound when the matrix uses a
	// Formula or a ScoreExpression: a cell gets the highest level whose
	// MinScore ≤ score. Unused with a lookup table.
	MinScore *float64 `json:"min_score,omitempty"`
	// NISTLevel is the level on NIST SP 800-30 Rev. 1's five-level scale,
	// for Matrix.NISTLevel and the register's overall risk (OverallLevel).
	// Set it on every level or on none; it may not decrease from a level to
	// a more severe one. Empty on every level maps level r of k to NIST
	// level ⌈5r/k⌉.
	NISTLevel outsourcing.RiskLevel `json:"nist_level,omitempty"`
}

// MatrixSpec configures an N×M risk matrix: N likelihood levels (rows), M
// impact levels (columns), and one of a lookup Table, a built-in score
// Formula or a ScoreExpression, the last two with level bands (Handbook
// §5.2). Compile it with NewMatrix.
type MatrixSpec struct {
	// ID names the matrix ("nist-800-30-i2").
	ID string `json:"id"`
	// Name is a display title.
	Name string `json:"name,omitempty"`
	// Source cites where the matrix comes from.
	Source string `json:"source,omitempty"`
	// Likelihood is the row axis.
	Likelihood Axis `json:"likelihood"`
	// Impact is the column axis.
	Impact Axis `json:"impact"`
	// Levels are the risk levels, from the least to the most severe.
	Levels []LevelDef `json:"levels"`
	// Table[i][j] is the level ID for likelihood level i and impact level
	// j, both counted from the lowest (row 0 = lowest likelihood), so the
	// JSON lists published tables bottom row first. Exactly one of Table,
	// Formula and ScoreExpression is set.
	Table [][]Level `json:"table,omitempty"`
	// Formula scores a cell from its axis values with a built-in formula;
	// Levels' MinScore bands classify the score.
	Formula Formula `json:"formula,omitempty"`
	// ScoreExpression scores a cell with an expression in the kernel's
	// rule language over ScoreEnv, such as `likelihood + 2 * impact`,
	// compiled once by NewMatrix; Levels' MinScore bands classify the
	// score. At most DefaultMaxSourceLength (4096) bytes.
	ScoreExpression string `json:"score_expression,omitempty"`
	// Appetite is the highest level accepted without further treatment;
	// empty means the lowest level.
	Appetite Level `json:"appetite,omitempty"`
	// Tolerance is the highest level that may be accepted with approval;
	// empty means the same as Appetite. It may not be below Appetite.
	Tolerance Level `json:"tolerance,omitempty"`
}

// Matrix is a compiled MatrixSpec: every cell's level is resolved once.
// It is immutable and safe for concurrent use.
type Matrix struct {
	spec      MatrixSpec
	rows      map[string]int          // likelihood level id → index
	cols      map[string]int          // impact level id → index
	levels    map[Level]int           // risk level id → index
	nist      []outsourcing.RiskLevel // NIST level per risk level
	cell      []int                   // level index per cell, row-major
	score     []float64               // score per cell (0 with a table)
	scoreFn   scorer                  // the formula or expression, nil with a table
	appetite  int
	tolerance int
}

// Evaluation is a cell of the matrix with its risk level.
type Evaluation struct {
	// Likelihood and Impact are the axis level IDs.
	Likelihood string `json:"likelihood"`
	Impact     string `json:"impact"`
	// Row and Col are their 0-based indices, from the lowest.
	Row int `json:"row"`
	Col int `json:"col"`
	// Score is the cell's score by the formula or score expression, or 0
	// when the matrix uses a table.
	Score float64 `json:"score"`
	// Level is the matrix's risk level; Rank is its 1-based position among
	// the matrix levels (1 = least severe); NIST is the level on NIST SP
	// 800-30 Rev. 1's five-level scale (see Matrix.NISTLevel).
	Level Level                 `json:"level"`
	Rank  int                   `json:"rank"`
	NIST  outsourcing.RiskLevel `json:"nist"`
	// Zone places the level against appetite and tolerance.
	Zone Zone `json:"zone"`
}

// NewMatrix validates spec and compiles it. Problems (fewer than two axis
// levels, duplicate or empty IDs, non-increasing values or ranges, a table
// with the wrong shape or a hole, an unknown level ID, NIST levels set on
// some levels only, unknown or decreasing, more or fewer than
// one of table, formula and score expression, bands that leave a cell
// without a level, a score that is not finite, appetite or tolerance
// unknown or inverted) are *outsourcing.FieldError values matching
// outsourcing.ErrInvalidInput, joined in spec order. A score expression
// that does not compile, is not numeric or fails on a cell is a
// *outsourcing.FieldError at "score_expression" whose reason names the
// matrix (and the cell); it wraps the *outsourcing.RuleError (line and
// column) and matches outsourcing.ErrRule instead.
func NewMatrix(spec MatrixSpec) (*Matrix, error) {
	m, err := newMatrix(spec)
	return m, wrap(err)
}

func newMatrix(spec MatrixSpec) (*Matrix, error) {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if spec.ID == "" {
		add(outsourcing.FieldErrorf("/id", "matrix id is required"))
	}
	rows, err := validateAxis("/likelihood", spec.Likelihood)
	add(err)
	cols, err := validateAxis("/impact", spec.Impact)
	add(err)
	levels := map[Level]int{}
	if len(spec.Levels) == 0 {
		add(outsourcing.FieldErrorf("/levels", "at least one risk level is required"))
	}
	for i, l := range spec.Levels {
		if l.ID == "" {
			add(outsourcing.FieldErrorf(jsonptr.Join("levels", i, "id"), "level id is required"))
			continue
		}
		if _, dup := levels[l.ID]; dup {
			add(outsourcing.FieldErrorf(jsonptr.Join("levels", i, "id"), "duplicate level %q", l.ID))
			continue
		}
		levels[l.ID] = i
	}
	nist, nistErrs := mapToNIST(spec.Levels)
	errs = append(errs, nistErrs...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	spec = cloneSpec(spec)
	m := &Matrix{spec: spec, rows: rows, cols: cols, levels: levels, nist: nist}
	n, k := len(spec.Likelihood.Levels), len(spec.Impact.Levels)
	m.cell = make([]int, n*k)
	m.score = make([]float64, n*k)
	switch modes := spec.modes(); {
	case len(modes) > 1:
		add(outsourcing.FieldErrorf(jsonptr.Join(modes[1]), "set one of table, formula and score_expression, not both %s and %s", modes[0], modes[1]))
	case len(modes) == 0:
		add(outsourcing.FieldErrorf("/table", "a lookup table, a formula or a score_expression is required"))
	case modes[0] == "table":
		add(m.fillFromTable())
	default:
		add(m.fillFromScores(modes[0]))
	}
	m.appetite, err = m.threshold("/appetite", spec.Appetite, 0)
	add(err)
	m.tolerance, err = m.threshold("/tolerance", spec.Tolerance, m.appetite)
	add(err)
	if err == nil && m.tolerance < m.appetite {
		add(outsourcing.FieldErrorf("/tolerance", "tolerance %q is below appetite %q", spec.Tolerance, spec.Appetite))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// modes lists the ways of filling the cells that spec sets, in the order
// table, formula, score_expression.
func (s MatrixSpec) modes() []string {
	var out []string
	if len(s.Table) > 0 {
		out = append(out, "table")
	}
	if s.Formula != "" {
		out = append(out, "formula")
	}
	if s.ScoreExpression != "" {
		out = append(out, "score_expression")
	}
	return out
}

// validateAxis checks an axis and returns its id → index map.
func validateAxis(path string, a Axis) (map[string]int, error) {
	var errs []error
	if len(a.Levels) < 2 {
		return nil, outsourcing.FieldErrorf(jsonptr.Append(path, "levels"), "an axis needs at least two levels, got %d", len(a.Levels))
	}
	ids := make(map[string]int, len(a.Levels))
	ranged := a.Levels[0].Min != nil && a.Levels[0].Max != nil
	for i, l := range a.Levels {
		p := jsonptr.Append(path, "levels", i)
		switch _, dup := ids[l.ID]; {
		case l.ID == "":
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(p, "id"), "level id is required"))
		case dup:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(p, "id"), "duplicate level %q", l.ID))
		default:
			ids[l.ID] = i
		}
		if math.IsNaN(l.Value) || math.IsInf(l.Value, 0) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(p, "value"), "value must be finite"))
		} else if i > 0 && l.Value <= a.Levels[i-1].Value {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(p, "value"), "values must increase along the axis (%g after %g)",
				l.Value, a.Levels[i-1].Value))
		}
		if (l.Min != nil && l.Max != nil) != ranged || (l.Min == nil) != (l.Max == nil) {
			errs = append(errs, outsourcing.FieldErrorf(p, "min and max must be set on every level of the axis or on none"))
			continue
		}
		if !ranged {
			continue
		}
		if !(*l.Min < *l.Max) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(p, "max"), "range [%g, %g) is empty", *l.Min, *l.Max))
		}
		if i > 0 && a.Levels[i-1].Max != nil && *a.Levels[i-1].Max != *l.Min {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(p, "min"), "range starts at %g, previous level ends at %g: ranges must be contiguous",
				*l.Min, *a.Levels[i-1].Max))
		}
	}
	return ids, errors.Join(errs...)
}

// fillFromTable resolves every cell from the lookup table.
func (m *Matrix) fillFromTable() error {
	var errs []error
	n, k := len(m.spec.Likelihood.Levels), len(m.spec.Impact.Levels)
	if len(m.spec.Table) != n {
		return outsourcing.FieldErrorf("/table", "table has %d rows, the likelihood axis %d levels", len(m.spec.Table), n)
	}
	for i, row := range m.spec.Table {
		if len(row) != k {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("table", i), "row has %d cells, the impact axis %d levels", len(row), k))
			continue
		}
		for j, id := range row {
			idx, ok := m.levels[id]
			if !ok {
				p := jsonptr.Join("table", i, j)
				if id == "" {
					errs = append(errs, outsourcing.FieldErrorf(p, "hole in the matrix: no level"))
				} else {
					errs = append(errs, outsourcing.FieldErrorf(p, "unknown level %q", text.Truncate(string(id), 40)))
				}
				continue
			}
			m.cell[i*k+j] = idx
		}
	}
	return errors.Join(errs...)
}

// threshold resolves an appetite or tolerance level id; "" gives def.
func (m *Matrix) threshold(path string, id Level, def int) (int, error) {
	if id == "" {
		return def, nil
	}
	idx, ok := m.levels[id]
	if !ok {
		return 0, outsourcing.FieldErrorf(path, "unknown level %q", text.Truncate(string(id), 40))
	}
	return idx, nil
}

// Spec returns a copy of the matrix's specification.
func (m *Matrix) Spec() MatrixSpec { return cloneSpec(m.spec) }

// ID returns the matrix ID.
func (m *Matrix) ID() string { return m.spec.ID }

// Size returns the number of likelihood levels (rows) and impact levels (columns).
func (m *Matrix) Size() (rows, cols int) {
	return len(m.spec.Likelihood.Levels), len(m.spec.Impact.Levels)
}

// Levels returns the risk levels from the least to the most severe.
func (m *Matrix) Levels() []LevelDef { return cloneSpec(m.spec).Levels }

// Rank returns the 1-based rank of a risk level (1 = least severe), or 0
// when the matrix has no such level.
func (m *Matrix) Rank(level Level) int {
	if i, ok := m.levels[level]; ok {
		return i + 1
	}
	return 0
}

// Rate returns the evaluation of a likelihood and an impact level ID. An
// ID that is not on its axis is a *outsourcing.FieldError (path
// "/likelihood" or "/impact", as in a Rating) matching
// outsourcing.ErrInvalidInput.
func (m *Matrix) Rate(likelihood, impact string) (Evaluation, error) {
	ev, err := m.rate("", Rating{Likelihood: likelihood, Impact: impact})
	return ev, wrap(err)
}

// rate evaluates r, reporting levels off the scales under path.
func (m *Matrix) rate(path string, r Rating) (Evaluation, error) {
	i, j, err := m.locate(path, r)
	if err != nil {
		return Evaluation{}, err
	}
	return m.At(i, j), nil
}

// locate returns the row and column of r, or a *outsourcing.FieldError
// under path ("/likelihood", "/impact" below it) for each level that is not
// on its axis.
func (m *Matrix) locate(path string, r Rating) (i, j int, err error) {
	i, okL := m.rows[r.Likelihood]
	j, okI := m.cols[r.Impact]
	var errs []error
	if !okL {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "likelihood"), "%q is not a level of the likelihood scale",
			text.Truncate(r.Likelihood, 40)))
	}
	if !okI {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "impact"), "%q is not a level of the impact scale", text.Truncate(r.Impact, 40)))
	}
	return i, j, errors.Join(errs...)
}

// RateValues classifies two assessed values on the axes' ranges (see
// Axis.Classify) and rates the cell they fall in. A value outside its
// axis is a *outsourcing.FieldError at "/likelihood" or "/impact".
func (m *Matrix) RateValues(likelihood, impact float64) (Evaluation, error) {
	ev, err := m.rateValues(likelihood, impact)
	return ev, wrap(err)
}

func (m *Matrix) rateValues(likelihood, impact float64) (Evaluation, error) {
	i, errL := classify("/likelihood", m.spec.Likelihood, likelihood)
	j, errI := classify("/impact", m.spec.Impact, impact)
	if err := errors.Join(errL, errI); err != nil {
		return Evaluation{}, err
	}
	return m.At(i, j), nil
}

// RateRanks rates a cell by the 1-based ranks of its likelihood and
// impact levels, counted from the lowest: the classic 5×5 rated from the
// numbers 1–5 directly (Classic5x5().RateRanks(4, 3) is likely ×
// moderate). A rank outside 1..levels is a *outsourcing.FieldError at
// "/likelihood" or "/impact" matching outsourcing.ErrInvalidInput.
func (m *Matrix) RateRanks(likelihood, impact int) (Evaluation, error) {
	rows, cols := m.Size()
	var errs []error
	if likelihood < 1 || likelihood > rows {
		errs = append(errs, outsourcing.FieldErrorf("/likelihood", "rank %d is outside 1..%d", likelihood, rows))
	}
	if impact < 1 || impact > cols {
		errs = append(errs, outsourcing.FieldErrorf("/impact", "rank %d is outside 1..%d", impact, cols))
	}
	if len(errs) > 0 {
		return Evaluation{}, wrap(errors.Join(errs...))
	}
	return m.At(likelihood-1, impact-1), nil
}

// At returns the evaluation of the cell at row i (likelihood) and column j
// (impact), both 0-based from the lowest. It panics when the indices are
// outside Size, like a slice index; use Rate for untrusted input.
func (m *Matrix) At(i, j int) Evaluation {
	k := len(m.spec.Impact.Levels)
	level := m.cell[i*k+j]
	return Evaluation{
		Likelihood: m.spec.Likelihood.Levels[i].ID,
		Impact:     m.spec.Impact.Levels[j].ID,
		Row:        i,
		Col:        j,
		Score:      m.score[i*k+j],
		Level:      m.spec.Levels[level].ID,
		Rank:       level + 1,
		NIST:       m.nist[level],
		Zone:       m.zone(level),
	}
}

func (m *Matrix) zone(level int) Zone {
	switch {
	case level <= m.appetite:
		return ZoneWithinAppetite
	case level <= m.tolerance:
		return ZoneWithinTolerance
	default:
		return ZoneBeyondTolerance
	}
}

// Classify returns the index of the level whose range holds x: Min ≤ x <
// Max, or x ≤ Max on the top level. An axis without ranges, a NaN, or a
// value outside every range is a *outsourcing.FieldError (path "", the
// value itself).
func (a Axis) Classify(x float64) (int, error) {
	i, err := classify("", a, x)
	return i, wrap(err)
}

func classify(path string, a Axis, x float64) (int, error) {
	if len(a.Levels) == 0 || a.Levels[0].Min == nil {
		return 0, outsourcing.FieldErrorf(path, "the %s axis has no value ranges", a.Name)
	}
	last := len(a.Levels) - 1
	for i, l := range a.Levels {
		if l.Min == nil || l.Max == nil {
			break
		}
		if x >= *l.Min && (x < *l.Max || (i == last && x <= *l.Max)) {
			return i, nil
		}
	}
	return 0, outsourcing.FieldErrorf(path, "%g is outside the %s scale [%g, %g]", x, a.Name, *a.Levels[0].Min, derefOr(a.Levels[last].Max, math.NaN()))
}

func derefOr(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

// cloneSpec deep-copies a spec so callers cannot change a compiled matrix.
func cloneSpec(s MatrixSpec) MatrixSpec {
	c := s
	c.Likelihood.Levels = cloneAxisLevels(s.Likelihood.Levels)
	c.Impact.Levels = cloneAxisLevels(s.Impact.Levels)
	c.Levels = make([]LevelDef, len(s.Levels))
	for i, l := range s.Levels {
		l.MinScore = clonePtr(l.MinScore)
		c.Levels[i] = l
	}
	if s.Table != nil {
		c.Table = make([][]Level, len(s.Table))
		for i, row := range s.Table {
			c.Table[i] = append([]Level(nil), row...)
		}
	}
	return c
}

func cloneAxisLevels(in []AxisLevel) []AxisLevel {
	out := make([]AxisLevel, len(in))
	for i, l := range in {
		l.Min, l.Max = clonePtr(l.Min), clonePtr(l.Max)
		out[i] = l
	}
	return out
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
