package planning

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

// linesReference is testdata/tco_lines.json: a yearly model with every
// kind of line and each line's layout and cash flow derived by hand.
type linesReference struct {
	Source string          `json:"source"`
	Model  json.RawMessage `json:"model"`
	Lines  []struct {
		ID          string   `json:"id"`
		Source      string   `json:"source"`
		Start       int      `json:"start"`
		End         int      `json:"end"`
		Base        string   `json:"base"`
		Probability string   `json:"probability"`
		Every       int      `json:"every"`
		Cap         string   `json:"cap"`
		Of          []string `json:"of"`
		Steps       []int    `json:"steps"`
		Factors     []string `json:"factors"`
		Costs       []string `json:"costs"`
		Nominal     string   `json:"nominal"`
		Discounted  string   `json:"discounted"`
	} `json:"lines"`
}

func TestTCOLinesReference(t *testing.T) {
	var ref linesReference
	testkit.LoadJSON(t, "testdata/tco_lines.json", &ref)
	require.NotEmpty(t, ref.Source)
	m, err := ParseTCOModel(ref.Model)
	require.NoError(t, err)
	tc, err := CompileTCO(m)
	require.NoError(t, err)
	got := tc.Lines()
	assert.Equal(t, "lines", got.Model)
	assert.Equal(t, PeriodUnitYear, got.Period)
	assert.Equal(t, 5, got.Horizon)
	require.Len(t, got.Options, 1)
	require.Len(t, got.Options[0].Lines, len(ref.Lines))
	for i, want := range ref.Lines {
		l := got.Options[0].Lines[i]
		require.Equal(t, want.ID, l.ID)
		require.NotEmpty(t, want.Source)
		assert.Equal(t, []int{want.Start, want.End}, []int{l.Start, l.End}, want.ID)
		assertDecimal(t, want.Base, l.Profile.Base, want.ID)
		assertDecimal(t, want.Probability, l.Profile.Probability, want.ID)
		assert.Equal(t, want.Every, l.Profile.Every, want.ID)
		assert.Equal(t, want.Of, l.Profile.Of, want.ID)
		if want.Cap == "" {
			assert.Nil(t, l.Profile.Cap, want.ID)
		} else if assert.NotNil(t, l.Profile.Cap, want.ID) {
			assertDecimal(t, want.Cap, l.Profile.Cap.Points(), want.ID)
		}
		require.Len(t, l.Profile.Factors, len(want.Factors), want.ID)
		require.Len(t, l.Costs, len(want.Costs), want.ID)
		for p := range want.Costs {
			assert.Equal(t, want.Steps[p], l.Profile.Step(p), "%s step of period %d", want.ID, p)
			assertDecimal(t, want.Factors[p], l.Profile.Factors[p], want.ID, " factor ", p)
			assertDecimal(t, want.Costs[p], l.Costs[p].Amount(), want.ID, " cost ", p)
			assert.Equal(t, "EUR", string(l.Costs[p].Currency()))
		}
		assertDecimal(t, want.Nominal, l.Nominal.Amount(), want.ID)
		assertDecimal(t, want.Discounted, l.Discounted.Amount(), want.ID)
		assert.EqualValues(t, 2, l.Discounted.Amount().Places(), want.ID)
	}
}

// TestTCOLinesMakeTheEvaluation checks, on a ten-year monthly model with
// escalations, caps, a probability, percent and one-off lines, that each
// line's Costs are Base × Factors from Start to End and zero elsewhere,
// and that the lines of an option sum to Evaluate's costs and totals.
func TestTCOLinesMakeTheEvaluation(t *testing.T) {
	tc, err := CompileTCO(benchmarkTCOModel())
	require.NoError(t, err)
	res, lines := tc.Evaluate(), tc.Lines()
	require.Len(t, lines.Options, len(res.Options))
	for o, opt := range lines.Options {
		want := res.Options[o]
		require.Equal(t, want.ID, opt.ID)
		for p, total := range want.Costs {
			sum := outsourcing.ZeroMoney("EUR")
			for _, l := range opt.Lines {
				sum, err = sum.Add(l.Costs[p])
				require.NoError(t, err)
			}
			assert.Truef(t, total.Equal(sum), "%s period %d: lines sum to %s, the option costs %s", opt.ID, p, sum, total)
		}
		nominal := outsourcing.ZeroMoney("EUR")
		for _, l := range opt.Lines {
			nominal, err = nominal.Add(l.Nominal)
			require.NoError(t, err)
			for p, c := range l.Costs {
				if p < l.Start || p > l.End {
					assert.Truef(t, c.Amount().IsZero(), "%s/%s period %d outside %d..%d costs %s", opt.ID, l.ID, p, l.Start, l.End, c)
					continue
				}
				assertDecimal(t, l.Profile.Base.Mul(l.Profile.Factors[p]), c.Amount(), opt.ID, "/", l.ID, " period ", p)
			}
		}
		assert.Truef(t, want.Nominal.Equal(nominal), "%s: lines total %s, option %s", opt.ID, nominal, want.Nominal)
	}
}

// TestTCOLinesOf checks that one option's lines are those Lines gives,
// and that an unknown option is reported at "/option".
func TestTCOLinesOf(t *testing.T) {
	tc, err := CompileTCO(benchmarkTCOModel())
	require.NoError(t, err)
	all := tc.Lines()
	for _, want := range all.Options {
		got, err := tc.LinesOf(want.ID)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err = tc.LinesOf("onshore")
	require.ErrorIs(t, err, outsourcing.ErrNotFound)
	assertPkgPrefixOnce(t, err)
	fes := outsourcing.FieldErrors(err)
	require.Len(t, fes, 1)
	assert.Equal(t, "/option", fes[0].Path)
}
