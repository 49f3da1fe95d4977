package risk_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/risk"
)

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	return raw
}

// TestBusinessCaseSpecRoundTrip marshals a spec that sets every field and
// reads it back through the schema unchanged.
func TestBusinessCaseSpecRoundTrip(t *testing.T) {
	dec := func(s string) *outsourcing.Decimal { d := outsourcing.MustDecimal(s); return &d }
	spec := risk.BusinessCaseSpec{ID: "c", Name: "Case", Model: "m", Currency: "EUR",
		Inputs: []risk.UncertainInput{
			{ID: "a", Parameter: risk.InputParameterDuration, Option: "o", Line: "l", Moves: []string{"f"},
				Estimate: risk.Estimate{Distribution: risk.EstimateKindPERT, Min: dec("1"), Mode: dec("2"), Max: dec("3"), Shape: 6}},
			{ID: "b", Parameter: risk.InputParameterAmount, Option: "o", Line: "l",
				Estimate: risk.Estimate{Distribution: risk.EstimateKindLognormal, Low: dec("10.5"), High: dec("20")}},
			{ID: "c", Parameter: risk.InputParameterDiscountRate,
				Estimate: risk.Estimate{Distribution: risk.EstimateKindDiscrete, Values: outsourcing.MustDecimals("5", "7"), Weights: outsourcing.MustDecimals("1", "3")}},
		},
		Risks: []risk.CaseRisk{{ID: "r", Option: "o", Kind: risk.CaseRiskKindExit,
			Scenario: risk.Scenario{Frequency: risk.BernoulliFrequency(0.1), Magnitude: risk.LognormalMagnitude(1000, 5000, "EUR")}}},
	}
	raw := mustJSON(t, spec)
	got, err := risk.ParseBusinessCase(raw)
	require.NoError(t, err)
	assert.JSONEq(t, string(raw), string(mustJSON(t, got)))
}

// TestBusinessCaseRendering checks the tables and the histogram SVG: the
// figures appear, the SVG is well-formed XML and the same bytes twice.
func TestBusinessCaseRendering(t *testing.T) {
	m, spec := loadCase(t)
	res, err := compileCase(t, m, spec).Simulate(risk.CaseOptions{Trials: 2000, Seed: 5, Bins: 12})
	require.NoError(t, err)
	text, md := res.Text(), res.Markdown()
	for _, o := range res.Options[1:] {
		assert.Contains(t, text, o.Savings.Point.Grouped())
		assert.Contains(t, md, "| "+o.ID+" | "+o.Savings.Point.Grouped()+" |")
		assert.Contains(t, text, "drivers of "+o.ID)
		assert.Len(t, o.Savings.Histogram, 12)
		total := 0
		for _, b := range o.Savings.Histogram {
			total += b.Count
		}
		assert.Equal(t, 2000, total)
	}
	assert.Contains(t, text, "in-house (baseline)")
	assert.Contains(t, text, "VaR 95%")
	for _, o := range res.Options {
		svg := o.HistogramSVG()
		assert.Equal(t, svg, o.HistogramSVG())
		assert.True(t, strings.HasPrefix(string(svg), "<svg "))
		dec := xml.NewDecoder(bytes.NewReader(svg))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, o.ID)
		}
	}
	assert.Contains(t, string(res.Options[2].HistogramSVG()), "stroke-dasharray", "zero savings lies in the offshore range")
}
