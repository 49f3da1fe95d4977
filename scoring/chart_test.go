package scoring_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing/scoring"
)

// svgElements parses an SVG document and counts its elements by name.
func svgElements(t *testing.T, doc []byte) map[string]int {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	count := map[string]int{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return count
		}
		require.NoError(t, err, "%s", doc)
		if se, ok := tok.(xml.StartElement); ok {
			count[se.Name.Local]++
		}
	}
}

func TestScoreBarsSVG(t *testing.T) {
	r := []scoring.Ranked{{Alternative: "A<&>", Score: 0.7, Rank: 1}, {Alternative: "B", Score: -0.2, Rank: 2}}
	doc := scoring.ScoreBarsSVG(r)
	n := svgElements(t, doc)
	assert.Equal(t, 1, n["svg"])
	assert.Equal(t, 2, n["rect"])
	assert.Equal(t, 4, n["text"])
	assert.Contains(t, string(doc), "A&lt;&amp;&gt;")
	assert.Contains(t, string(doc), "-0.2000")
	assert.Equal(t, 0, strings.Count(string(scoring.ScoreBarsSVG(nil)), "<rect"))
}

func TestWeightStabilitySVG(t *testing.T) {
	iv := []scoring.WeightInterval{{Criterion: "price", Weight: 0.3, WinnerLow: 0.1, WinnerHigh: 0.6, RankingLow: 0.2, RankingHigh: 0.4}}
	doc := scoring.WeightStabilitySVG(iv)
	n := svgElements(t, doc)
	assert.Equal(t, 2, n["rect"])
	assert.Equal(t, 2, n["line"]) // the current weight and the axis
	assert.Contains(t, string(doc), ">price<")
	// The winner bar spans 0.1..0.6 of the 400-unit axis starting at 160.
	assert.Contains(t, string(doc), `x="200.0"`)
	assert.Contains(t, string(doc), `width="200.0"`)
}
