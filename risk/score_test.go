package risk

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scoredSpec is a 4×3 matrix with uneven, non-integer axis values (so a
// formula that swapped the axes or used ranks for values would show), with
// bands classifying scores from −∞ upwards.
func scoredSpec(expression string) MatrixSpec {
	return MatrixSpec{
		ID: "acme-4x3",
		Likelihood: Axis{Name: "Likelihood", Levels: []AxisLevel{
			{ID: "rare", Value: 0.1}, {ID: "possible", Value: 0.5}, {ID: "likely", Value: 1.5}, {ID: "certain", Value: 4}}},
		Impact: Axis{Name: "Impact", Levels: []AxisLevel{
			{ID: "minor", Value: 1}, {ID: "major", Value: 2.5}, {ID: "severe", Value: 7}}},
		Levels: []LevelDef{
			{ID: "low", MinScore: ptr(-1e9)}, {ID: "medium", MinScore: ptr(2)}, {ID: "high", MinScore: ptr(6)}},
		ScoreExpression: expression,
		Appetite:        "low", Tolerance: "medium",
	}
}

func TestScoreExpressionClosedForms(t *testing.T) {
	cases := map[string]func(l, i float64, lr, ir, nl, ni int) float64{
		"likelihood * impact":     func(l, i float64, _, _, _, _ int) float64 { return l * i },
		"likelihood + 2 * impact": func(l, i float64, _, _, _, _ int) float64 { return l + 2*i },
		"max(likelihood, impact)": func(l, i float64, _, _, _, _ int) float64 { return math.Max(l, i) },
		"likelihood_rank * impact_rank": func(_, _ float64, lr, ir, _, _ int) float64 {
			return float64(lr * ir)
		},
		"likelihood_rank / likelihood_levels + impact_rank / impact_levels": func(_, _ float64, lr, ir, nl, ni int) float64 {
			return float64(lr)/float64(nl) + float64(ir)/float64(ni)
		},
		`Dec("0.5") * likelihood * impact`: func(l, i float64, _, _, _, _ int) float64 { return 0.5 * l * i },
		"likelihood > impact ? likelihood : impact - 1": func(l, i float64, _, _, _, _ int) float64 {
			if l > i {
				return l
			}
			return i - 1
		},
	}
	for expr, closed := range cases {
		t.Run(expr, func(t *testing.T) {
			spec := scoredSpec(expr)
			m, err := NewMatrix(spec)
			require.NoError(t, err)
			nl, ni := m.Size()
			for i, l := range spec.Likelihood.Levels {
				for j, im := range spec.Impact.Levels {
					ev, err := m.Rate(l.ID, im.ID)
					require.NoError(t, err)
					want := closed(l.Value, im.Value, i+1, j+1, nl, ni)
					assert.InDelta(t, want, ev.Score, 1e-12, "%s × %s", l.ID, im.ID)
					level := "low"
					switch {
					case want >= 6:
						level = "high"
					case want >= 2:
						level = "medium"
					}
					assert.Equal(t, level, string(ev.Level), "%s × %s scores %g", l.ID, im.ID, want)
				}
			}
		})
	}
}

// TestScoreExpressionMatchesBuiltInFormulas: the built-in formulas and
// their expressions classify every cell alike.
func TestScoreExpressionMatchesBuiltInFormulas(t *testing.T) {
	for f, expr := range map[Formula]string{
		FormulaProduct: "likelihood * impact",
		FormulaSum:     "likelihood + impact",
		FormulaMax:     "max(likelihood, impact)",
	} {
		t.Run(string(f), func(t *testing.T) {
			spec := scoredSpec("")
			spec.Formula = f
			builtIn, err := NewMatrix(spec)
			require.NoError(t, err)
			spec.Formula, spec.ScoreExpression = "", expr
			scored, err := NewMatrix(spec)
			require.NoError(t, err)
			rows, cols := builtIn.Size()
			for i := range rows {
				for j := range cols {
					assert.Equal(t, builtIn.At(i, j), scored.At(i, j))
				}
			}
		})
	}
}

func TestScoreExpressionErrors(t *testing.T) {
	cases := map[string]struct {
		expr   string
		edit   func(*MatrixSpec)
		is     error
		line   int // of the *outsourcing.RuleError; 0 when there is none
		column int
		reason string
	}{
		"syntax":        {expr: "likelihood *", is: outsourcing.ErrRule, line: 1, column: 12, reason: `matrix "acme-4x3": score rule "score" (1:12): unexpected token EOF`},
		"unknown name":  {expr: "likelihood * severity", is: outsourcing.ErrRule, line: 1, column: 14, reason: "unknown name severity"},
		"boolean":       {expr: "likelihood > impact", is: outsourcing.ErrRule, line: 1, column: 1, reason: "yields bool, want a number"},
		"string":        {expr: `"high"`, is: outsourcing.ErrRule, line: 1, column: 1, reason: "yields string, want a number"},
		"nil":           {expr: "nil", is: outsourcing.ErrRule, reason: `cell (rare, minor): score rule "score": yields <nil>, want a number`},
		"runtime error": {expr: "likelihood_rank % (impact_rank - 1)", is: outsourcing.ErrRule, line: 1, column: 17, reason: "cell (rare, minor): score rule"},
		"over budget":   {expr: "len(map(1..5000, # * likelihood)) * impact", is: outsourcing.ErrLimit, reason: "cell (rare, minor)"},
		"blank":         {expr: "   ", is: outsourcing.ErrInvalidInput, reason: "empty expression"},
		"too long":      {expr: strings.Repeat("1+", 2100) + "1", is: outsourcing.ErrLimit, reason: "more than the 4096 allowed"},
		"not finite":    {expr: "likelihood / (impact_rank - 1)", is: outsourcing.ErrInvalidInput, reason: `matrix "acme-4x3", cell (rare, minor): score +Inf is not a finite number`},
		"NaN":           {expr: "(impact_rank - 1) / (impact_rank - 1)", is: outsourcing.ErrInvalidInput, reason: "score NaN is not a finite number"},
		"and formula": {expr: "likelihood * impact", is: outsourcing.ErrInvalidInput, reason: "not both formula and score_expression",
			edit: func(s *MatrixSpec) { s.Formula = FormulaProduct }},
		"and table": {expr: "likelihood * impact", is: outsourcing.ErrInvalidInput, reason: "not both table and score_expression",
			edit: func(s *MatrixSpec) { s.Table = [][]Level{{"low"}} }},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			spec := scoredSpec(tc.expr)
			if tc.edit != nil {
				tc.edit(&spec)
			}
			_, err := NewMatrix(spec)
			require.ErrorIs(t, err, tc.is)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "/score_expression", fe.Path)
			assert.Contains(t, err.Error(), tc.reason)
			if tc.line > 0 {
				var re *outsourcing.RuleError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, [2]int{tc.line, tc.column}, [2]int{re.Line, re.Column}, re.Error())
			}
			if tc.is == outsourcing.ErrRule || tc.is == outsourcing.ErrLimit {
				assert.Contains(t, err.Error(), `matrix "acme-4x3"`, "the error names the matrix")
			}
		})
	}
}

func TestScoreExpressionBandHole(t *testing.T) {
	spec := scoredSpec("likelihood * impact")
	spec.Levels[0].MinScore = ptr(0.5) // rare × minor scores 0.1, rare × major 0.25
	_, err := NewMatrix(spec)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, []string{"/levels/0/min_score", "/levels/0/min_score"}, fieldPaths(err))
	assert.Contains(t, err.Error(), "cell (rare, minor) scores 0.1, below every band")
	assert.Contains(t, err.Error(), "cell (rare, major) scores 0.25, below every band")
}

func TestParseMatrixScoreExpression(t *testing.T) {
	m, err := NewMatrix(scoredSpec("likelihood + 2 * impact"))
	require.NoError(t, err)
	doc, err := json.Marshal(m.Spec())
	require.NoError(t, err)
	require.Contains(t, string(doc), `"score_expression":"likelihood + 2 * impact"`)
	back, err := compileDoc(doc)
	require.NoError(t, err)
	assert.Equal(t, m.Spec(), back.Spec())
	rows, cols := m.Size()
	for i := range rows {
		for j := range cols {
			assert.Equal(t, m.At(i, j), back.At(i, j))
		}
	}
	bad := strings.Replace(string(doc), "likelihood + 2 * impact", "likelihood + ", 1)
	_, err = compileDoc([]byte(bad))
	require.ErrorIs(t, err, outsourcing.ErrRule)
	assert.Contains(t, err.Error(), `risk: /score_expression: matrix "acme-4x3": score rule "score" (1:13)`)
	_, err = compileDoc([]byte(strings.Replace(string(doc), `"likelihood + 2 * impact"`, `""`, 1)))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput, "the schema rejects an empty expression")
}

// TestScoreExpressionConcurrentRates rates every cell from many goroutines
// (run with -race): the compiled matrix keeps no evaluation state.
func TestScoreExpressionConcurrentRates(t *testing.T) {
	m, err := NewMatrix(scoredSpec("max(likelihood, impact) * 2"))
	require.NoError(t, err)
	done := make(chan string)
	for range 8 {
		go func() {
			var b strings.Builder
			for _, l := range []string{"rare", "possible", "likely", "certain"} {
				for _, i := range []string{"minor", "major", "severe"} {
					ev, _ := m.Rate(l, i)
					fmt.Fprintf(&b, "%s ", ev.Level)
				}
			}
			done <- b.String()
		}()
	}
	first := <-done
	for range 7 {
		assert.Equal(t, first, <-done)
	}
}

// BenchmarkNewMatrixScoreExpression compiles a 20×20 matrix (the schema's
// largest) scored by an expression: one compilation, 400 evaluations.
func BenchmarkNewMatrixScoreExpression(b *testing.B) {
	axis := func(name string) Axis {
		a := Axis{Name: name}
		for i := range 20 {
			a.Levels = append(a.Levels, AxisLevel{ID: fmt.Sprint(i), Value: float64(i + 1)})
		}
		return a
	}
	spec := MatrixSpec{ID: "20x20", Likelihood: axis("L"), Impact: axis("I"), ScoreExpression: "likelihood + 2 * impact",
		Levels: []LevelDef{{ID: "low", MinScore: ptr(0)}, {ID: "medium", MinScore: ptr(20)}, {ID: "high", MinScore: ptr(40)}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewMatrix(spec); err != nil {
			b.Fatal(err)
		}
	}
}
