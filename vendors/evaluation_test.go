package vendors

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smallTemplate is a three-dimension template: quality (two criteria),
// security with a gate, price.
func smallTemplate(t testing.TB, priceWeight string) *Template {
	spec, err := ParseTemplate(fmt.Appendf(nil, `{"id": "small", "scale": {"min": "0", "max": "10"}, "total": "100", "dimensions": [
	  {"id": "quality", "weight": "%s", "criteria": [{"id": "a", "weight": "%s"}, {"id": "b", "weight": "%s"}]},
	  {"id": "security", "weight": "20", "gate": "5"},
	  {"id": "price", "weight": "%s", "price": {"formula": "proportional"}}]}`,
		dec(80-atoi(priceWeight)), dec(40-atoi(priceWeight)/2), dec(40-atoi(priceWeight)/2), priceWeight))
	require.NoError(t, err)
	tpl, err := CompileTemplate(spec)
	require.NoError(t, err)
	return tpl
}

func atoi(s string) int {
	var n int
	_, _ = fmt.Sscan(s, &n)
	return n
}

func dec(n int) string { return fmt.Sprint(n) }

// evaluation returns an evaluation spec: vendors a, b, c scored by three
// evaluators, c failing the security gate.
func evaluation() EvaluationSpec {
	spec := EvaluationSpec{ID: "e", Vendors: []string{"a", "b", "c"}, Evaluators: []Evaluator{{ID: "x"}, {ID: "y"}, {ID: "z"}}}
	scores := map[string][3]string{"a": {"8", "7", "8"}, "b": {"6", "6", "7"}, "c": {"9", "9", "3"}}
	for _, v := range spec.Vendors {
		for _, c := range []string{"quality/a", "quality/b", "security"} {
			for e, ev := range spec.Evaluators {
				s := scores[v][e]
				if c == "security" && v == "c" {
					s = "2"
				}
				spec.Scores = append(spec.Scores, ScoreEntry{Evaluator: ev.ID, Vendor: v, Criterion: c, Score: outsourcing.MustDecimal(s)})
			}
		}
	}
	spec.Bids = []BidEntry{{"a", outsourcing.MustMoney("120000", "EUR")}, {"b", outsourcing.MustMoney("100000", "EUR")}, {"c", outsourcing.MustMoney("80000", "EUR")}}
	return spec
}

func TestEvaluate(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	require.Len(t, ev.Ranking, 2)
	assert.Equal(t, "a", ev.Winner())
	require.Len(t, ev.Gated, 1)
	assert.Equal(t, "c", ev.Gated[0].Vendor)
	// z's 3 for c on quality is 6 points (60 % of the range) from the others' 9.
	require.Len(t, ev.Outliers, 2)
	assert.Equal(t, Outlier{Evaluator: "z", Vendor: "c", Criterion: "quality/a", Score: outsourcing.MustDecimal("3"), PanelMedian: 9, Deviation: 0.6}, ev.Outliers[0])
	assert.Len(t, ev.Sensitivity, 3)
	assert.Nil(t, ev.Vendors[2].Price, "a gated vendor's bid takes no part in price scoring")
	assert.Equal(t, "8.3333333333", ev.Vendors[0].Price.Score.String())

	spec := evaluation()
	spec.ExcludeOutliers = true
	ev2, err := Evaluate(smallTemplate(t, "20"), spec)
	require.NoError(t, err)
	assert.InDelta(t, 9, ev2.Vendors[2].Criteria[0].Score, 1e-12)
}

// Scores may name a sub-criterion by the id the template lists
// ("a"), as well as by "dimension/criterion"; results use the latter.
func TestEvaluateTemplateCriterionIDs(t *testing.T) {
	tpl := smallTemplate(t, "20")
	want, err := Evaluate(tpl, evaluation())
	require.NoError(t, err)
	spec := evaluation()
	for i, s := range spec.Scores {
		if s.Criterion == "quality/a" && i%2 == 0 {
			spec.Scores[i].Criterion = "a"
		}
		if s.Criterion == "quality/b" {
			spec.Scores[i].Criterion = "b"
		}
	}
	got, err := Evaluate(tpl, spec)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, "quality/a", got.Vendors[0].Criteria[0].Criterion)

	spec.Scores[1] = spec.Scores[0]
	spec.Scores[1].Criterion = "quality/a" // the score of Scores[0], written the other way
	_, err = Evaluate(tpl, spec)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/scores/1", []string{"already scored", "/scores/0"}...)

	// A sub-criterion id two dimensions share needs its dimension; one a
	// dimension scored as a whole has names that dimension.
	ts, err := ParseTemplate([]byte(`{"scale": {"min": "0", "max": "10"}, "total": "10", "dimensions": [
	  {"id": "x", "weight": "4", "criteria": [{"id": "a", "weight": "2"}, {"id": "s", "weight": "2"}]},
	  {"id": "y", "weight": "4", "criteria": [{"id": "a", "weight": "1"}, {"id": "c", "weight": "3"}]},
	  {"id": "s", "weight": "2"}]}`))
	require.NoError(t, err)
	shared, err := CompileTemplate(ts)
	require.NoError(t, err)
	for _, c := range []struct{ criterion, words string }{{"a", "write dimension/criterion"}, {"q", "unknown criterion"}} {
		bad := EvaluationSpec{Vendors: []string{"v"}, Evaluators: []Evaluator{{ID: "e"}},
			Scores: []ScoreEntry{{Evaluator: "e", Vendor: "v", Criterion: c.criterion, Score: outsourcing.MustDecimal("5")}}}
		_, err = Evaluate(shared, bad)
		assertProblem(t, err, outsourcing.ErrInvalidInput, "/scores/0/criterion", c.words)
	}
	ok := EvaluationSpec{Vendors: []string{"v"}, Evaluators: []Evaluator{{ID: "e"}}}
	for _, c := range []string{"x/a", "x/s", "y/a", "c", "s"} {
		ok.Scores = append(ok.Scores, ScoreEntry{Evaluator: "e", Vendor: "v", Criterion: c, Score: outsourcing.MustDecimal("5")})
	}
	_, err = Evaluate(shared, ok)
	require.NoError(t, err, "c is unique; s names the dimension scored as a whole")
}

func TestEvaluationPanelAndChart(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	assert.Equal(t, 3, ev.Panel)
	ranked := ev.Ranked()
	require.Len(t, ranked, len(ev.Ranking), "the gated vendor is not drawn")
	for i, r := range ranked {
		assert.Equal(t, ev.Ranking[i].Vendor, r.Alternative)
		assert.Equal(t, ev.Ranking[i].Points, r.Score)
		assert.Equal(t, ev.Ranking[i].Vendor, ev.Vendors[r.Index].Vendor)
	}
	svg := ev.ScoreBarsSVG()
	require.NoError(t, xml.Unmarshal(svg, new(struct{ XMLName xml.Name })), "well-formed XML")
	assert.Contains(t, string(svg), "1. a")
	assert.Contains(t, string(svg), "2. b")
	assert.NotContains(t, string(svg), ". c<")
}

func TestEvaluateMethodsAndAHP(t *testing.T) {
	spec := evaluation()
	spec.Method = "topsis"
	spec.AHP = &AHPSpec{Judgments: []string{"3", "2", "1/2"}}
	ev, err := Evaluate(smallTemplate(t, "20"), spec)
	require.NoError(t, err)
	require.NotNil(t, ev.AHP)
	assert.Equal(t, "topsis", string(ev.Method))
	var sum float64
	for _, w := range ev.Weights {
		sum += w.Weight
	}
	assert.InDelta(t, 1, sum, 1e-9)
}

func TestPriceGuards(t *testing.T) {
	tpl := smallTemplate(t, "60")
	require.Len(t, tpl.Warnings(), 1)
	assert.Equal(t, WarningPriceAloneDecides, tpl.Warnings()[0].Code)
	assert.Equal(t, "/dimensions/2/weight", tpl.Warnings()[0].Path)

	spec := evaluation()
	spec.Bids[1].Price = outsourcing.MustMoney("60000", "EUR") // b, weaker on quality, is now far cheaper
	ev, err := Evaluate(tpl, spec)
	require.NoError(t, err)
	assert.Equal(t, "b", ev.Winner())
	codes := map[WarningCode]bool{}
	for _, w := range ev.Warnings {
		codes[w.Code] = true
	}
	assert.True(t, codes[WarningPriceDecided])
	assert.Empty(t, smallTemplate(t, "20").Warnings())
}

func TestEvaluateBadInput(t *testing.T) {
	tpl := smallTemplate(t, "20")
	cases := []struct {
		name     string
		edit     func(*EvaluationSpec)
		sentinel error
		path     string
		words    []string
	}{
		{"unknown vendor", func(s *EvaluationSpec) { s.Scores[0].Vendor = "hooli" }, outsourcing.ErrNotFound, "/scores/0/vendor", []string{`"x"`, `"hooli"`}},
		{"unknown evaluator", func(s *EvaluationSpec) { s.Scores[1].Evaluator = "w" }, outsourcing.ErrNotFound, "/scores/1/evaluator", []string{`"a"`, `"w"`}},
		{"unknown criterion", func(s *EvaluationSpec) { s.Scores[2].Criterion = "quality/zz" }, outsourcing.ErrInvalidInput, "/scores/2/criterion", []string{`"a"`, "unknown criterion"}},
		{"price scored", func(s *EvaluationSpec) { s.Scores[2].Criterion = "price" }, outsourcing.ErrInvalidInput, "/scores/2/criterion", []string{"from the bids"}},
		{"out of scale", func(s *EvaluationSpec) { s.Scores[3].Score = outsourcing.MustDecimal("11") }, outsourcing.ErrInvalidInput, "/scores/3/score", []string{`"a"`, "outside the scale"}},
		{"duplicate score", func(s *EvaluationSpec) { s.Scores[1] = s.Scores[0] }, outsourcing.ErrInvalidInput, "/scores/1", []string{"already scored", "/scores/0"}},
		{"duplicate vendor", func(s *EvaluationSpec) { s.Vendors = append(s.Vendors, "a") }, outsourcing.ErrInvalidInput, "/vendors/3", []string{`"a"`}},
		{"missing score", func(s *EvaluationSpec) { s.Scores = s.Scores[3:] }, outsourcing.ErrInvalidInput, "/vendors/0", []string{`"a"`, "quality/a"}},
		{"bid currency", func(s *EvaluationSpec) { s.Bids[2].Price = outsourcing.MustMoney("1", "USD") }, outsourcing.ErrCurrencyMismatch, "/bids/2/price", []string{`"c"`, "USD"}},
		{"missing bid", func(s *EvaluationSpec) { s.Bids = s.Bids[:2] }, outsourcing.ErrInvalidInput, "/bids", []string{`"c"`}},
		{"ahp count", func(s *EvaluationSpec) { s.AHP = &AHPSpec{Judgments: []string{"2"}} }, outsourcing.ErrInvalidInput, "/ahp/judgments", []string{"want 3"}},
		{"ahp judgment", func(s *EvaluationSpec) { s.AHP = &AHPSpec{Judgments: []string{"2", "0", "1"}} }, outsourcing.ErrInvalidInput, "/ahp/judgments/1", []string{`"0"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spec := evaluation()
			c.edit(&spec)
			_, err := Evaluate(tpl, spec)
			assertProblem(t, err, c.sentinel, c.path, c.words...)
		})
	}
}

func TestTemplateBadInput(t *testing.T) {
	base := func() TemplateSpec { return DefaultTemplate().Spec() }
	cases := []struct {
		name  string
		edit  func(*TemplateSpec)
		path  string
		words []string
	}{
		{"total", func(s *TemplateSpec) { s.Dimensions[0].Weight = outsourcing.MustDecimal("16") }, "/dimensions", []string{"sum to 101", "total is 100"}},
		{"criteria sum", func(s *TemplateSpec) { s.Dimensions[1].Criteria[0].Weight = outsourcing.MustDecimal("7") }, "/dimensions/1/criteria", []string{`"technical"`, "sum to 21"}},
		{"duplicate dimension", func(s *TemplateSpec) { s.Dimensions[2].ID = "technical" }, "/dimensions/2/id", []string{`"technical"`}},
		{"gate outside", func(s *TemplateSpec) { g := outsourcing.MustDecimal("12"); s.Dimensions[5].Gate = &g }, "/dimensions/5/gate", []string{`"security"`}},
		{"scale", func(s *TemplateSpec) { s.Scale.Max = s.Scale.Min }, "/scale/max", nil},
		{"negative scale", func(s *TemplateSpec) { s.Scale.Min = outsourcing.MustDecimal("-2") }, "/scale/min", nil},
		{"second price", func(s *TemplateSpec) { s.Dimensions[6].Price = s.Dimensions[4].Price; s.Dimensions[6].Criteria = nil }, "/dimensions/6/price", []string{`"price"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(&s)
			_, err := CompileTemplate(s)
			assertProblem(t, err, outsourcing.ErrInvalidInput, c.path, c.words...)
		})
	}
	// Editing a copy leaves the shared default untouched.
	s := base()
	s.Dimensions[0].Criteria[0].Weight = outsourcing.MustDecimal("99")
	assert.Equal(t, "5", DefaultTemplate().Spec().Dimensions[0].Criteria[0].Weight.String())
}

func TestEvaluationRoundTrip(t *testing.T) {
	spec := evaluation()
	spec.Method, spec.Aggregation, spec.ExcludeOutliers = "topsis", AggregationMedian, true
	th := outsourcing.MustDecimal("0.25")
	spec.OutlierThreshold = &th
	spec.AHP = &AHPSpec{Judgments: []string{"3", "2", "1/2"}}
	spec.Scores[0].Evidence = "site visit"
	spec.Evaluators[0].Name, spec.Evaluators[0].Role, spec.Evaluators[0].Weight = "Ana", "it", outsourcing.MustDecimal("2")
	doc, err := json.Marshal(spec)
	require.NoError(t, err)
	back, err := ParseEvaluation(doc)
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(doc), string(again))
	assert.Equal(t, spec.Scores, back.Scores)
}

// A panel split with no majority (0, 10, 10 on 0–10) flags every score
// (leave-one-out medians 10, 5, 5: deviations 1, 0.5, 0.5 of the range,
// over 0.3), so excluding outliers would leave nothing to aggregate: the
// cell keeps all its scores, still flagged, instead of panicking.
func TestEvaluateExcludeOutliersEveryScoreFlagged(t *testing.T) {
	for agg, want := range map[Aggregation]float64{AggregationMean: 20.0 / 3, AggregationMedian: 10} {
		spec := evaluation()
		for i := range spec.Scores {
			if s := &spec.Scores[i]; s.Vendor == "a" && s.Criterion == "quality/a" {
				s.Score = outsourcing.MustDecimal(map[string]string{"x": "0", "y": "10", "z": "10"}[s.Evaluator])
			}
		}
		spec.ExcludeOutliers, spec.Aggregation = true, agg
		ev, err := Evaluate(smallTemplate(t, "20"), spec)
		require.NoError(t, err, agg)
		cell := ev.Vendors[0].Criteria[0]
		assert.InDelta(t, want, cell.Score, 1e-12, agg)
		for _, s := range cell.Scores {
			assert.True(t, s.Outlier, "%s: %s flagged", agg, s.Evaluator)
		}
	}
}

// Boundaries decide exactly, not in float64: a security mean of
// (3.8 + 5.1 + 6.1)/3 = 5 meets the gate of 5 (in float64 it is
// 4.999999999999999), and 5.3 against the others' 8.3 is 3 points, 0.3
// of the 0–10 range, at the outlier threshold and so not flagged (in
// float64 8.3 − 5.3 = 3.0000000000000009). Worked by hand from the
// documented rules: gate passed at or above, flagged over the threshold.
func TestEvaluateBoundariesExact(t *testing.T) {
	spec := evaluation()
	for i := range spec.Scores {
		s := &spec.Scores[i]
		switch {
		case s.Vendor == "a" && s.Criterion == "security":
			s.Score = outsourcing.MustDecimal(map[string]string{"x": "3.8", "y": "5.1", "z": "6.1"}[s.Evaluator])
		case s.Vendor == "b" && s.Criterion == "quality/a":
			s.Score = outsourcing.MustDecimal(map[string]string{"x": "5.3", "y": "8.3", "z": "8.3"}[s.Evaluator])
		}
	}
	ev, err := Evaluate(smallTemplate(t, "20"), spec)
	require.NoError(t, err)
	for _, g := range ev.Gated {
		assert.NotEqual(t, "a", g.Vendor, "a's security score is exactly the gate")
	}
	assert.Equal(t, 5.0, ev.Vendors[0].Dimensions[1].Score)
	for _, o := range ev.Outliers {
		assert.NotEqual(t, "b", o.Vendor, "b's 5.3 is exactly at the threshold: %+v", o)
	}
}
