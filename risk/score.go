package risk

import (
	"errors"
	"fmt"
	"math"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// ScoreEnv is what a score expression (MatrixSpec.ScoreExpression) sees
// about one cell of a matrix. Names in the expression are the snake_case
// tags below, for example `likelihood * impact` (the classic L×I),
// `likelihood + 2 * impact` (impact weighted double), `max(likelihood,
// impact)` (the worst of the two) or `likelihood_rank * impact_rank`
// (positions rather than values). The expression is written in the
// kernel's rule language (rules.Rule, expr) and must yield a number.
type ScoreEnv struct {
	// Likelihood and Impact are the Values of the cell's axis levels
	// (AxisLevel.Value).
	Likelihood float64 `expr:"likelihood"`
	Impact     float64 `expr:"impact"`
	// LikelihoodRank and ImpactRank are the levels' positions on their
	// axes counted from 1 (the lowest).
	LikelihoodRank int `expr:"likelihood_rank"`
	ImpactRank     int `expr:"impact_rank"`
	// LikelihoodLevels and ImpactLevels are the number of levels on each
	// axis, to normalise ranks (`likelihood_rank / likelihood_levels`).
	LikelihoodLevels int `expr:"likelihood_levels"`
	ImpactLevels     int `expr:"impact_levels"`
}

// scoreRuleID names the score expression in *outsourcing.RuleError values.
const scoreRuleID = "score"

// ScoreBudget is the work-and-memory budget of one cell's score
// expression (see rules.WithBudget), so that scoring a 20×20 matrix
// stays fast however the expression is written; arithmetic costs nothing,
// list builtins one unit per element. Over budget is a score error
// matching outsourcing.ErrLimit.
const ScoreBudget = 10_000

// scorer scores one cell.
type scorer func(ScoreEnv) (float64, error)

// scorer returns the scoring function of the built-in formula or of the
// score expression; mode is "formula" or "score_expression". The
// expression is compiled once here, for every cell.
func (m *Matrix) scorer(mode string) (scorer, error) {
	if mode == "score_expression" {
		return compileScore(m.spec.ID, m.spec.ScoreExpression)
	}
	if err := enumError("/formula", "formula", string(m.spec.Formula), formulas); err != nil {
		return nil, err
	}
	f := m.spec.Formula
	return func(e ScoreEnv) (float64, error) { return f.apply(e.Likelihood, e.Impact), nil }, nil
}

// compileScore compiles a score expression over ScoreEnv (see
// compileNumeric); errors are score errors (see scoreError).
func compileScore(matrixID, expression string) (scorer, error) {
	f, err := compileNumeric[ScoreEnv](scoreRuleID, expression)
	if err != nil {
		return nil, scoreError(matrixID, "", err)
	}
	return scorer(f), nil
}

// scorerOf evaluates a compiled numeric expression over an environment E.
type scorerOf[E any] func(E) (float64, error)

// compileNumeric compiles one expression over E with the kernel's rule
// engine (default size limits, ScoreBudget per evaluation). A syntax or
// type error, or an expression that is not numeric, is a
// *outsourcing.RuleError with the rule id id.
func compileNumeric[E any](id, expression string) (scorerOf[E], error) {
	rs, err := rules.Compile[E]([]rules.Rule{{ID: id, Expression: expression}},
		rules.WithBudget(ScoreBudget))
	if err != nil {
		return nil, err
	}
	switch kind, _ := rs.Kind(id); kind {
	case rules.ResultNumber, rules.ResultDecimal, rules.ResultAny:
	default:
		return nil, &outsourcing.RuleError{Rule: id, Line: 1, Column: 1, Reason: fmt.Sprintf("expression yields %s, want a number", kind)}
	}
	return func(env E) (float64, error) {
		v, err := rs.Value(id, env)
		if err != nil {
			return 0, err
		}
		switch x := v.(type) {
		case float64:
			return x, nil
		case int:
			return float64(x), nil
		case outsourcing.Decimal:
			return x.Float64(), nil
		}
		return 0, &outsourcing.RuleError{Rule: id, Reason: fmt.Sprintf("yields %T, want a number", v)}
	}, nil
}

// scoreError reports a score expression that does not compile or fails
// on a cell: a *outsourcing.FieldError at "/score_expression" whose reason
// names the matrix (and the cell, when given), wrapping the
// *outsourcing.RuleError so that it matches outsourcing.ErrRule and
// errors.As finds the line and column.
func scoreError(matrixID, cell string, err error) *outsourcing.FieldError {
	where := fmt.Sprintf("matrix %q", text.Truncate(matrixID, 40))
	if cell != "" {
		where += ", cell " + cell
	}
	return &outsourcing.FieldError{Path: "/score_expression", Reason: where + ": score " + err.Error(), Err: err}
}

// fillFromScores scores every cell with the formula or score expression
// (mode) and gives it the highest level whose band starts at or below the
// score. A cell below every band is a hole; a cell whose score is not a
// finite number, or whose expression fails, is an error at mode naming
// the matrix (the first such cell only: the rest usually fail alike).
func (m *Matrix) fillFromScores(mode string) error {
	errs := m.checkBands()
	score, err := m.scorer(mode)
	if err != nil {
		errs = append(errs, err)
	}
	m.scoreFn = score
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	rows, cols := m.Size()
	for i, l := range m.spec.Likelihood.Levels {
		for j, im := range m.spec.Impact.Levels {
			cell := fmt.Sprintf("(%s, %s)", text.Truncate(l.ID, 40), text.Truncate(im.ID, 40))
			s, err := score(ScoreEnv{Likelihood: l.Value, Impact: im.Value, LikelihoodRank: i + 1, ImpactRank: j + 1,
				LikelihoodLevels: rows, ImpactLevels: cols})
			if err != nil {
				return scoreError(m.spec.ID, cell, err)
			}
			if math.IsNaN(s) || math.IsInf(s, 0) {
				return outsourcing.FieldErrorf(jsonptr.Join(mode), "matrix %q, cell %s: score %g is not a finite number", text.Truncate(m.spec.ID, 40), cell, s)
			}
			level := -1
			for b, def := range m.spec.Levels {
				if s >= *def.MinScore {
					level = b
				}
			}
			if level < 0 {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("levels", 0, "min_score"), "hole in the matrix: cell %s scores %g, below every band",
					cell, s))
				continue
			}
			m.cell[i*cols+j], m.score[i*cols+j] = level, s
		}
	}
	return errors.Join(errs...)
}

// checkBands checks that every level has a finite MinScore and that the
// bands increase.
func (m *Matrix) checkBands() []error {
	var errs []error
	for i, l := range m.spec.Levels {
		p := jsonptr.Join("levels", i, "min_score")
		switch {
		case l.MinScore == nil:
			errs = append(errs, outsourcing.FieldErrorf(p, "a scored matrix needs a min_score on every level"))
		case math.IsNaN(*l.MinScore) || math.IsInf(*l.MinScore, 0):
			errs = append(errs, outsourcing.FieldErrorf(p, "min_score must be finite"))
		case i > 0 && m.spec.Levels[i-1].MinScore != nil && *l.MinScore <= *m.spec.Levels[i-1].MinScore:
			errs = append(errs, outsourcing.FieldErrorf(p, "bands must increase (%g after %g)", *l.MinScore, *m.spec.Levels[i-1].MinScore))
		}
	}
	return errs
}
