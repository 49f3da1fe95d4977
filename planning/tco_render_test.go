package planning

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

func TestTCORenderings(t *testing.T) {
	tc, err := CompileTCO(switchModel(loadTCOReference(t)))
	require.NoError(t, err)
	res := tc.Evaluate()
	table := res.Table()
	require.Len(t, table.Rows, len(res.Options))
	assert.Equal(t, "—", table.Rows[0][3], "the baseline saves nothing against itself")
	assert.Contains(t, table.Text(), res.Options[1].Discounted.Grouped())
	for i, o := range res.Options {
		assert.Equal(t, o.Nominal.Round(outsourcing.RoundHalfUp).Grouped(), table.Rows[i][1], "nominal shown to the cent")
	}
	assert.Equal(t, "—", table.Rows[0][6], "the baseline has no break-even")
	assert.Regexp(t, `^([0-9]+|never)$`, table.Rows[1][6])

	lines := tc.Lines()
	grid := lines.Table()
	require.Len(t, grid.Rows, 1+len(lines.Options[1].Lines), "one row a line")
	assert.Len(t, grid.Header, 3+lines.Horizon+1+2, "option, line, category, a column a period, nominal, present value")
	assert.Equal(t, []string{"offer", "transition", "transition", "70,000.00"}, grid.Rows[1][:4])
	assert.Equal(t, "nominal (EUR)", grid.Header[len(grid.Header)-2])

	tor, err := tc.Tornado("offer", outsourcing.MustPercent("10"))
	require.NoError(t, err)
	md := tor.Table().Markdown()
	assert.Equal(t, len(tor.Bars)+2, strings.Count(md, "\n"))
	svg := tor.SVG()
	require.NoError(t, xml.Unmarshal(svg, new(struct{ XMLName xml.Name })), "well-formed XML")
	assert.Equal(t, len(tor.Bars), strings.Count(string(svg), "<text x=\"212\""), "one label a bar")
}
