package risk

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenderings(t *testing.T) {
	res, err := Summarise([]float64{0, 10, 20, 30, 1000}, "EUR", SummaryOptions{ExceedanceProbabilities: []float64{0.5, 0.1}})
	require.NoError(t, err)
	md := res.Markdown()
	assert.True(t, strings.HasPrefix(md, "| statistic | value |\n| --- | ---: |\n"), md)
	assert.Contains(t, md, "| mean | 212.00 EUR |")
	lines := strings.Split(strings.TrimSpace(res.Text()), "\n")
	for _, l := range lines[1:] {
		assert.Equal(t, len([]rune(lines[0])), len([]rune(l)), "aligned: %q", l)
	}
	svg := res.ExceedanceSVG()
	require.NoError(t, xml.Unmarshal(svg, new(struct{ XMLName xml.Name })), "well-formed XML")
	assert.Equal(t, 2, strings.Count(string(svg), "<circle"))

	rep, err := Assess(loadRegister(t), Classic5x5(), asOf)
	require.NoError(t, err)
	md = rep.Markdown()
	assert.Equal(t, len(rep.Risks)+2, strings.Count(md, "\n"))
	assert.Equal(t, len(rep.Risks)+2, strings.Count(rep.Text(), "\n"), "header, rule and one line a risk")
	assert.Contains(t, rep.Text(), rep.Risks[0].ID)
	assert.Contains(t, md, "| steady from high |", "R1's residual level since its previous assessment")
	assert.Contains(t, md, "| beyond tolerance |", "zones in words")
}
