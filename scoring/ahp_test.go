package scoring_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/scoring"
)

type leaderCase struct {
	Source            string               `json:"source"`
	Criteria          []string             `json:"criteria"`
	CriteriaUpper     []float64            `json:"criteria_upper"`
	CriteriaWant      []float64            `json:"criteria_want"`
	CriteriaCR        float64              `json:"criteria_cr"`
	Alternatives      []string             `json:"alternatives"`
	AlternativesUpper map[string][]float64 `json:"alternatives_upper"`
	LocalWant         map[string][]float64 `json:"local_want"`
	GlobalWant        []float64            `json:"global_want"`
}

func loadLeader(t *testing.T) leaderCase {
	var c leaderCase
	testkit.LoadJSON(t, "testdata/ahp.json", &c)
	require.NotEmpty(t, c.Source)
	return c
}

func TestAHPLeaderExampleCriteria(t *testing.T) {
	c := loadLeader(t)
	p, err := scoring.NewPairwiseUpper(len(c.Criteria), c.CriteriaUpper)
	require.NoError(t, err)
	r, err := scoring.AHP(p, scoring.AHPOptions{})
	require.NoError(t, err)
	assertRounded(t, c.CriteriaWant, r.Priorities, 6)
	assert.InDelta(t, c.CriteriaCR, r.CR, 0.00005)
	assert.True(t, r.Consistent)
	assert.Empty(t, r.Inconsistent)
	assert.Equal(t, scoring.RITableSaaty1980, r.RandomIndex)
	assert.InDelta(t, 0.90, r.RI, 1e-12)
	assert.InDelta(t, r.CI, (r.LambdaMax-4)/3, 1e-12)
}

func TestAHPLeaderExampleHierarchy(t *testing.T) {
	c := loadLeader(t)
	crit, err := scoring.NewPairwiseUpper(len(c.Criteria), c.CriteriaUpper)
	require.NoError(t, err)
	root := scoring.Node{Name: "leader", Comparisons: crit}
	for _, name := range c.Criteria {
		p, err := scoring.NewPairwiseUpper(len(c.Alternatives), c.AlternativesUpper[name])
		require.NoError(t, err)
		local, err := scoring.AHP(p, scoring.AHPOptions{})
		require.NoError(t, err)
		t.Run("local_"+name, func(t *testing.T) { assertRounded(t, c.LocalWant[name], local.Priorities, 3) })
		root.Children = append(root.Children, scoring.Node{Name: name, Comparisons: p})
	}
	res, err := scoring.SynthesizeHierarchy(root, len(c.Alternatives), scoring.AHPOptions{})
	require.NoError(t, err)
	assertRounded(t, c.GlobalWant, res.Priorities, 3)
	assert.Len(t, res.Nodes, 5)
	assert.Equal(t, "leader / experience", res.Nodes[1].Path)
	assert.InDelta(t, c.CriteriaWant[0], res.Nodes[1].GlobalWeight, 1e-6)
}

// A consistent matrix (aᵢⱼ = wᵢ/wⱼ) has λmax = n, CR = 0 and returns w
// exactly: the closed form of the eigenvector problem.
func TestAHPConsistentMatrixClosedForm(t *testing.T) {
	w := []float64{0.4, 0.3, 0.2, 0.1}
	rows := make([][]float64, 4)
	for i := range rows {
		rows[i] = make([]float64, 4)
		for j := range rows[i] {
			rows[i][j] = w[i] / w[j]
		}
	}
	p, err := scoring.NewPairwise(rows)
	require.NoError(t, err)
	for _, m := range []scoring.AHPMethod{scoring.AHPMethodEigenvector, scoring.AHPMethodGeometricMean, scoring.AHPMethodApproximate} {
		t.Run(string(m), func(t *testing.T) {
			r, err := scoring.AHP(p, scoring.AHPOptions{Method: m})
			require.NoError(t, err)
			assert.InDeltaSlice(t, w, r.Priorities, 1e-12)
			assert.InDelta(t, 4, r.LambdaMax, 1e-12)
			assert.InDelta(t, 0, r.CR, 1e-12)
		})
	}
}

func TestAHPSmallMatricesHaveZeroCR(t *testing.T) {
	for n, upper := range map[int][]float64{1: {}, 2: {5}} {
		p, err := scoring.NewPairwiseUpper(n, upper)
		require.NoError(t, err)
		r, err := scoring.AHP(p, scoring.AHPOptions{})
		require.NoError(t, err)
		assert.Zero(t, r.CR)
		assert.Zero(t, r.CI)
		assert.True(t, r.Consistent)
	}
}

// The random-index tables as published (see RITable): CR = CI/RI(n) per table.
func TestAHPRandomIndexTables(t *testing.T) {
	c := loadLeader(t)
	p, err := scoring.NewPairwiseUpper(4, c.CriteriaUpper)
	require.NoError(t, err)
	for table, ri := range map[scoring.RITable]float64{
		scoring.RITableSaaty1980:        0.90,
		scoring.RITableTummalaLing1998:  0.8921,
		scoring.RITableAlonsoLamata2006: 0.8816,
	} {
		r, err := scoring.AHP(p, scoring.AHPOptions{RandomIndex: table})
		require.NoError(t, err)
		assert.InDelta(t, ri, r.RI, 1e-12, table)
		assert.InDelta(t, r.CI/ri, r.CR, 1e-12, table)
	}
	assert.Equal(t, 10, scoring.RITableSaaty1980.MaxSize())
	assert.Equal(t, 100, scoring.RITableDoneganDodd1991.MaxSize())
	assert.Equal(t, 15, scoring.RITablePyDecision.MaxSize())
}

// Tables beyond n = 10: Donegan & Dodd's listed sizes, interpolated
// between them as AHPy does; pyDecision's n = 12 entry; a caller's table.
func TestAHPRandomIndexTablesLargeAndCustom(t *testing.T) {
	ones := func(n int) *scoring.Pairwise {
		p, err := scoring.NewPairwiseUpper(n, slices.Repeat([]float64{1}, n*(n-1)/2))
		require.NoError(t, err)
		return p
	}
	for _, tc := range []struct {
		table scoring.RITable
		n     int
		ri    float64
	}{
		{scoring.RITableDoneganDodd1991, 20, 1.5371},
		{scoring.RITableDoneganDodd1991, 21, 1.5371 + (1.5619-1.5371)/5},
		{scoring.RITableDoneganDodd1991, 100, 1.6339},
		{scoring.RITablePyDecision, 12, 1.48},
		{scoring.RITableSaaty2005, 15, 1.59},
	} {
		r, err := scoring.AHP(ones(tc.n), scoring.AHPOptions{RandomIndex: tc.table})
		require.NoError(t, err)
		assert.InDelta(t, tc.ri, r.RI, 1e-12, "%s n=%d", tc.table, tc.n)
	}
	r, err := scoring.AHP(ones(4), scoring.AHPOptions{RandomIndex: scoring.RITableCustom, RandomIndexValues: []float64{0.5, 0.8}})
	require.NoError(t, err)
	assert.InDelta(t, 0.8, r.RI, 1e-12)
	_, err = scoring.AHP(ones(5), scoring.AHPOptions{RandomIndex: scoring.RITableCustom, RandomIndexValues: []float64{0.5, 0.8}})
	assertPaths(t, err, "/pairwise")
	_, err = scoring.AHP(ones(4), scoring.AHPOptions{RandomIndexValues: []float64{0.5}})
	assertPaths(t, err, "/random_index_values")
}

func TestAHPInconsistentJudgmentsReport(t *testing.T) {
	// A prefers B (3), B prefers C (3), but C strongly preferred to A (1/5 → a13 = 1/5).
	p, err := scoring.NewPairwiseUpper(3, []float64{3, 1.0 / 5, 3})
	require.NoError(t, err)
	r, err := scoring.AHP(p, scoring.AHPOptions{})
	require.NoError(t, err)
	assert.False(t, r.Consistent)
	assert.Greater(t, r.CR, 0.10)
	require.Len(t, r.Inconsistent, 3)
	for k := 1; k < len(r.Inconsistent); k++ {
		assert.GreaterOrEqual(t, r.Inconsistent[k-1].Deviation, r.Inconsistent[k].Deviation)
	}
	top := r.Inconsistent[0]
	assert.InDelta(t, math.Abs(math.Log(top.Value/top.Implied)), top.Deviation, 1e-12)
	assert.Contains(t, []float64{1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9}, top.Suggested)
}

func TestAHPGroup(t *testing.T) {
	a, err := scoring.NewPairwiseUpper(3, []float64{2, 4, 2})
	require.NoError(t, err)
	b, err := scoring.NewPairwiseUpper(3, []float64{8, 4, 0.5})
	require.NoError(t, err)
	g, err := scoring.AggregateJudgments([]*scoring.Pairwise{a, b}, nil)
	require.NoError(t, err)
	// Element-wise geometric mean: √(2·8) = 4, √(4·4) = 4, √(2·0.5) = 1.
	assert.InDelta(t, 4, g.At(0, 1), 1e-12)
	assert.InDelta(t, 4, g.At(0, 2), 1e-12)
	assert.InDelta(t, 1, g.At(1, 2), 1e-12)
	assert.InDelta(t, 0.25, g.At(1, 0), 1e-12)

	geo, err := scoring.AggregatePriorities([][]float64{{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}}, nil, "")
	require.NoError(t, err)
	// √(0.5·0.2) = √0.1 for the first and last, 0.3 for the middle, renormalised.
	s := 2*math.Sqrt(0.1) + 0.3
	assert.InDeltaSlice(t, []float64{math.Sqrt(0.1) / s, 0.3 / s, math.Sqrt(0.1) / s}, geo, 1e-12)
	ari, err := scoring.AggregatePriorities([][]float64{{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}}, []float64{3, 1}, scoring.GroupMeanArithmetic)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.425, 0.3, 0.275}, ari, 1e-12)
}

func TestAHPBadInput(t *testing.T) {
	tests := []struct {
		name string
		make func() error
		want error
	}{
		{"non-reciprocal", func() error {
			_, err := scoring.NewPairwise([][]float64{{1, 3}, {0.5, 1}})
			return err
		}, outsourcing.ErrInvalidInput},
		{"zero judgment", func() error {
			_, err := scoring.NewPairwiseUpper(3, []float64{0, 1, 1})
			return err
		}, outsourcing.ErrInvalidInput},
		{"negative judgment", func() error {
			_, err := scoring.NewPairwise([][]float64{{1, -2}, {-0.5, 1}})
			return err
		}, outsourcing.ErrInvalidInput},
		{"not square", func() error {
			_, err := scoring.NewPairwise([][]float64{{1, 2}})
			return err
		}, outsourcing.ErrInvalidInput},
		{"empty", func() error {
			_, err := scoring.NewPairwise(nil)
			return err
		}, outsourcing.ErrInvalidInput},
		{"n above RI table", func() error {
			p, err := scoring.NewPairwiseUpper(11, make55Ones())
			require.NoError(t, err)
			_, err = scoring.AHP(p, scoring.AHPOptions{})
			return err
		}, outsourcing.ErrInvalidInput},
		{"off Saaty scale", func() error {
			p, err := scoring.NewPairwiseUpper(3, []float64{2.5, 1, 1})
			require.NoError(t, err)
			_, err = scoring.AHP(p, scoring.AHPOptions{Scale: scoring.AHPScaleSaaty})
			return err
		}, outsourcing.ErrInvalidInput},
		{"no convergence", func() error {
			p, err := scoring.NewPairwiseUpper(3, []float64{3, 1.0 / 5, 3})
			require.NoError(t, err)
			_, err = scoring.AHP(p, scoring.AHPOptions{MaxIterations: 1, Tolerance: 1e-15})
			return err
		}, outsourcing.ErrNoConvergence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.make()
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.want), "%v", err)
			assert.Contains(t, err.Error(), "scoring")
		})
	}
}

func make55Ones() []float64 {
	v := make([]float64, 55)
	for i := range v {
		v[i] = 1
	}
	return v
}
