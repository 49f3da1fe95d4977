package risk

import (
	"fmt"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type publishedTable struct {
	Source  string              `json:"source"`
	Columns []string            `json:"columns"`
	Rows    map[string][]string `json:"rows"`
}

func TestNISTTablesEveryCell(t *testing.T) {
	var ref struct {
		TableI2 publishedTable `json:"table_i2"`
		TableG5 publishedTable `json:"table_g5"`
	}
	testkit.LoadJSON(t, "testdata/nist_800_30.json", &ref)
	for name, tc := range map[string]struct {
		m   *Matrix
		tab publishedTable
	}{"I-2": {NISTRiskMatrix(), ref.TableI2}, "G-5": {NISTLikelihoodMatrix(), ref.TableG5}} {
		require.Len(t, tc.tab.Rows, 5, name)
		for row, cells := range tc.tab.Rows {
			for j, want := range cells {
				col := tc.tab.Columns[j]
				t.Run(fmt.Sprintf("%s/%s/%s", name, row, col), func(t *testing.T) {
					// rows are the first axis (likelihood), columns the second.
					ev, err := tc.m.Rate(row, col)
					require.NoError(t, err)
					assert.Equal(t, want, string(ev.Level), tc.tab.Source)
				})
			}
		}
	}
}

func TestNISTSemiQuantitativeScale(t *testing.T) {
	var ref struct {
		SemiQuantitative struct {
			Source string `json:"source"`
			Scale  []struct {
				Level          string  `json:"level"`
				Min            int     `json:"min"`
				Max            int     `json:"max"`
				Representative float64 `json:"representative"`
			} `json:"scale"`
		} `json:"semi_quantitative"`
	}
	testkit.LoadJSON(t, "testdata/nist_800_30.json", &ref)
	axis := NISTScale("Likelihood")
	for _, band := range ref.SemiQuantitative.Scale {
		t.Run(band.Level, func(t *testing.T) {
			for x := band.Min; x <= band.Max; x++ {
				i, err := axis.Classify(float64(x))
				require.NoError(t, err)
				assert.Equal(t, band.Level, axis.Levels[i].ID, "value %d: %s", x, ref.SemiQuantitative.Source)
			}
			i, err := axis.Classify(float64(band.Min))
			require.NoError(t, err)
			assert.InDelta(t, band.Representative, axis.Levels[i].Value, 0)
		})
	}
	// The gaps between the published integer ranges belong to the level
	// below them: [0,5), [5,21), [21,80), [80,96), [96,100].
	for x, want := range map[float64]string{4.5: "very_low", 20.5: "low", 79.5: "moderate", 95.5: "high"} {
		i, err := axis.Classify(x)
		require.NoError(t, err)
		assert.Equal(t, want, axis.Levels[i].ID, "%g", x)
	}
	_, err := axis.Classify(100.5)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = axis.Classify(-1)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func TestNISTRateValues(t *testing.T) {
	// A semi-quantitative likelihood of 85 (High) and impact of 50
	// (Moderate) is Moderate risk in Table I-2.
	ev, err := NISTRiskMatrix().RateValues(85, 50)
	require.NoError(t, err)
	assert.Equal(t, "moderate", string(ev.Level))
	assert.Equal(t, ZoneWithinTolerance, ev.Zone)
}

func TestOWASPSeverityEveryCell(t *testing.T) {
	var ref struct {
		Severity publishedTable `json:"severity"`
		Levels   []struct {
			Level string  `json:"level"`
			Min   float64 `json:"min"`
		} `json:"levels"`
	}
	testkit.LoadJSON(t, "testdata/owasp.json", &ref)
	for impact, cells := range ref.Severity.Rows {
		for j, want := range cells {
			likelihood := ref.Severity.Columns[j]
			t.Run(impact+"-impact/"+likelihood+"-likelihood", func(t *testing.T) {
				// OWASP prints impact as rows: never swap the axes.
				ev, err := OWASPMatrix().Rate(likelihood, impact)
				require.NoError(t, err)
				assert.Equal(t, want, string(ev.Level), ref.Severity.Source)
			})
		}
	}
	axis := OWASPMatrix().Spec().Likelihood
	for _, l := range ref.Levels {
		i, err := axis.Classify(l.Min)
		require.NoError(t, err)
		assert.Equal(t, l.Level, axis.Levels[i].ID)
	}
	for x, want := range map[float64]string{2.999: "low", 5.999: "medium", 9: "high"} {
		i, err := axis.Classify(x)
		require.NoError(t, err)
		assert.Equal(t, want, axis.Levels[i].ID, "%g", x)
	}
}

func TestOWASPWorkedExample(t *testing.T) {
	var ref struct {
		Examples []struct {
			Source            string    `json:"source"`
			Likelihood        []float64 `json:"likelihood_factors"`
			Technical         []float64 `json:"technical_factors"`
			Business          []float64 `json:"business_factors"`
			WantLikelihood    float64   `json:"likelihood"`
			WantTechnical     float64   `json:"technical_impact"`
			WantBusiness      float64   `json:"business_impact"`
			SeverityTechnical string    `json:"severity_technical"`
			SeverityBusiness  string    `json:"severity_business"`
		} `json:"examples"`
	}
	testkit.LoadJSON(t, "testdata/owasp.json", &ref)
	for _, ex := range ref.Examples {
		l, ti, bi := ex.Likelihood, ex.Technical, ex.Business
		f := OWASPFactors{
			SkillLevel: l[0], Motive: l[1], Opportunity: l[2], Size: l[3],
			EaseOfDiscovery: l[4], EaseOfExploit: l[5], Awareness: l[6], IntrusionDetection: l[7],
			LossOfConfidentiality: ti[0], LossOfIntegrity: ti[1], LossOfAvailability: ti[2], LossOfAccountability: ti[3],
		}
		technical, err := OWASPRate(f)
		require.NoError(t, err)
		assert.InDelta(t, ex.WantLikelihood, technical.Likelihood, 1e-12, ex.Source)
		assert.InDelta(t, ex.WantTechnical, technical.TechnicalImpact, 1e-12)
		assert.Equal(t, ex.SeverityTechnical, string(technical.Severity.Level))
		f.Business = &OWASPBusinessFactors{FinancialDamage: bi[0], ReputationDamage: bi[1], NonCompliance: bi[2], PrivacyViolation: bi[3]}
		business, err := OWASPRate(f)
		require.NoError(t, err)
		assert.InDelta(t, ex.WantBusiness, business.BusinessImpact, 1e-12)
		assert.InDelta(t, ex.WantBusiness, business.Impact, 1e-12)
		assert.Equal(t, ex.SeverityBusiness, string(business.Severity.Level))
		// One call gives both severities and every score's level: the
		// worked example's likelihood 4.375 MEDIUM, technical 7.25 HIGH,
		// business 2.25 LOW.
		assert.Equal(t, ex.SeverityTechnical, string(business.TechnicalSeverity.Level))
		require.NotNil(t, business.BusinessSeverity)
		assert.Equal(t, ex.SeverityBusiness, string(business.BusinessSeverity.Level))
		assert.Equal(t, [3]string{"medium", "high", "low"}, [3]string{business.LikelihoodLevel, business.TechnicalImpactLevel, business.BusinessImpactLevel})
	}
	_, err := OWASPRate(OWASPFactors{SkillLevel: 10, Motive: -1})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Contains(t, err.Error(), "skill_level")
	assert.Contains(t, err.Error(), "motive")
}

func TestClassic5x5EveryCell(t *testing.T) {
	var ref struct {
		Source      string   `json:"source"`
		Likelihood  []string `json:"likelihood"`
		Consequence []string `json:"consequence"`
		Bands       []struct {
			Level string  `json:"level"`
			Min   float64 `json:"min"`
			Max   float64 `json:"max"`
		} `json:"bands"`
	}
	testkit.LoadJSON(t, "testdata/classic_5x5.json", &ref)
	// The preset's built-in product and the same score written as rule
	// expressions, on the axis values and on the ranks, must all give the
	// published table.
	matrices := map[string]*Matrix{"preset": Classic5x5()}
	for _, expr := range []string{"likelihood * impact", "likelihood_rank * impact_rank"} {
		spec := classic5x5Spec()
		spec.Formula, spec.ScoreExpression = "", expr
		m, err := NewMatrix(spec)
		require.NoError(t, err)
		matrices[expr] = m
	}
	for name, m := range matrices {
		for i, l := range ref.Likelihood {
			for j, c := range ref.Consequence {
				t.Run(name+"/"+l+"/"+c, func(t *testing.T) {
					ev, err := m.Rate(l, c)
					require.NoError(t, err)
					score := float64((i + 1) * (j + 1))
					assert.InDelta(t, score, ev.Score, 0)
					want := ""
					for _, b := range ref.Bands {
						if score >= b.Min && score <= b.Max {
							want = b.Level
						}
					}
					assert.Equal(t, want, string(ev.Level), ref.Source)
				})
			}
		}
	}
}

func TestMatrixRateOutsideScale(t *testing.T) {
	_, err := Classic5x5().Rate("certain", "minor")
	var fe *outsourcing.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/likelihood", fe.Path)
	_, err = Classic5x5().Rate("rare", "huge")
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/impact", fe.Path)
	_, err = Classic5x5().RateValues(1, 1)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func TestMatrixZones(t *testing.T) {
	m := Classic5x5()
	for _, tc := range []struct {
		l, i string
		want Zone
	}{
		{"rare", "minor", ZoneWithinAppetite},
		{"possible", "minor", ZoneWithinTolerance},
		{"likely", "major", ZoneBeyondTolerance},
	} {
		ev, err := m.Rate(tc.l, tc.i)
		require.NoError(t, err)
		assert.Equal(t, tc.want, ev.Zone, "%s/%s", tc.l, tc.i)
	}
}

func validSpec() MatrixSpec {
	return MatrixSpec{
		ID: "3x3",
		Likelihood: Axis{Name: "L", Levels: []AxisLevel{
			{ID: "l1", Value: 1}, {ID: "l2", Value: 2}, {ID: "l3", Value: 3}}},
		Impact: Axis{Name: "I", Levels: []AxisLevel{
			{ID: "i1", Value: 1}, {ID: "i2", Value: 2}}},
		Levels: []LevelDef{{ID: "low"}, {ID: "high"}},
		Table:  [][]Level{{"low", "low"}, {"low", "high"}, {"high", "high"}},
	}
}

func TestNewMatrixErrors(t *testing.T) {
	cases := map[string]struct {
		edit func(*MatrixSpec)
		path string
	}{
		"hole":             {func(s *MatrixSpec) { s.Table[1][1] = "" }, "/table/1/1"},
		"unknown level":    {func(s *MatrixSpec) { s.Table[0][0] = "severe" }, "/table/0/0"},
		"short row":        {func(s *MatrixSpec) { s.Table[2] = s.Table[2][:1] }, "/table/2"},
		"missing row":      {func(s *MatrixSpec) { s.Table = s.Table[:2] }, "/table"},
		"no table":         {func(s *MatrixSpec) { s.Table = nil }, "/table"},
		"both":             {func(s *MatrixSpec) { s.Formula = FormulaProduct }, "/formula"},
		"one level axis":   {func(s *MatrixSpec) { s.Impact.Levels = s.Impact.Levels[:1] }, "/impact/levels"},
		"duplicate axis":   {func(s *MatrixSpec) { s.Likelihood.Levels[1].ID = "l1" }, "/likelihood/levels/1/id"},
		"decreasing value": {func(s *MatrixSpec) { s.Likelihood.Levels[2].Value = 0 }, "/likelihood/levels/2/value"},
		"no id":            {func(s *MatrixSpec) { s.ID = "" }, "/id"},
		"duplicate level":  {func(s *MatrixSpec) { s.Levels[1].ID = "low" }, "/levels/1/id"},
		"bad appetite":     {func(s *MatrixSpec) { s.Appetite = "none" }, "/appetite"},
		"inverted":         {func(s *MatrixSpec) { s.Appetite, s.Tolerance = "high", "low" }, "/tolerance"},
		"partial ranges":   {func(s *MatrixSpec) { s.Impact.Levels[0].Min, s.Impact.Levels[0].Max = ptr(0), ptr(1) }, "/impact/levels/1"},
		"gap in ranges": {func(s *MatrixSpec) {
			s.Impact.Levels[0].Min, s.Impact.Levels[0].Max = ptr(0), ptr(1)
			s.Impact.Levels[1].Min, s.Impact.Levels[1].Max = ptr(2), ptr(3)
		}, "/impact/levels/1/min"},
		"band hole": {func(s *MatrixSpec) {
			s.Table, s.Formula = nil, FormulaProduct
			s.Levels[0].MinScore, s.Levels[1].MinScore = ptr(2), ptr(4)
		}, "/levels/0/min_score"},
		"band missing": {func(s *MatrixSpec) {
			s.Table, s.Formula = nil, FormulaSum
			s.Levels[0].MinScore = ptr(0)
		}, "/levels/1/min_score"},
		"bad formula": {func(s *MatrixSpec) {
			s.Table, s.Formula = nil, "ratio"
			s.Levels[0].MinScore, s.Levels[1].MinScore = ptr(0), ptr(4)
		}, "/formula"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			spec := cloneSpec(validSpec())
			tc.edit(&spec)
			_, err := NewMatrix(spec)
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			assert.Contains(t, fieldPaths(err), tc.path, err.Error())
		})
	}
	_, err := NewMatrix(validSpec())
	require.NoError(t, err)
}

// fieldPaths lists the paths of every *FieldError joined in err.
func fieldPaths(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case *outsourcing.FieldError:
			out = append(out, x.Path)
		case interface{ Unwrap() []error }:
			for _, y := range x.Unwrap() {
				walk(y)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

func TestMatrixIsImmutable(t *testing.T) {
	spec := validSpec()
	m, err := NewMatrix(spec)
	require.NoError(t, err)
	spec.Table[0][0] = "high"
	got := m.Spec()
	got.Table[0][1] = "high"
	ev, err := m.Rate("l1", "i1")
	require.NoError(t, err)
	assert.Equal(t, "low", string(ev.Level))
	assert.Equal(t, Level("low"), m.Spec().Table[0][1])
}
