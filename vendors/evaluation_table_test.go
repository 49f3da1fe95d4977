package vendors

import (
	"strconv"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The matrix shows every dimension score and bid of the evaluation, "—"
// for the gated vendor's price score and bid.
func TestEvaluationMatrixTable(t *testing.T) {
	tpl := smallTemplate(t, "20")
	spec := evaluation()
	spec.Bids[1].Price = outsourcing.MustMoney("100000.005", "EUR") // shown at the cent
	ev, err := Evaluate(tpl, spec)
	require.NoError(t, err)
	require.Equal(t, "c", ev.Gated[0].Vendor)
	tab := ev.MatrixTable(tpl)

	assert.Equal(t, []string{"dimension", "weight", "a", "b", "c"}, tab.Header)
	assert.Equal(t, []bool{false, true, true, true, true}, tab.Numeric)
	require.Len(t, tab.Rows, len(ev.Weights)+1, "a row per dimension, then the bids")
	for d, w := range ev.Weights {
		row := tab.Rows[d]
		require.Len(t, row, len(tab.Header))
		assert.Equal(t, w.Dimension, row[0], "the template names no dimension: the id")
		assert.InDelta(t, 100*w.Weight, cellNumber(t, strings.TrimSuffix(row[1], "%")), 0.05, row[1])
		for v, ve := range ev.Vendors {
			cell := row[2+v]
			if ve.Vendor == "c" && w.Dimension == "price" {
				assert.Equal(t, "—", cell, "a gated vendor's bid is not scored")
				continue
			}
			assert.InDelta(t, ve.Dimensions[d].Score, cellNumber(t, cell), 0.05, "%s on %s: %s", ve.Vendor, w.Dimension, cell)
		}
	}
	assert.Equal(t, []string{"Bid (EUR)", "", "120,000.00", "100,000.01", "—"}, tab.Rows[len(ev.Weights)])
	for v, ve := range ev.Vendors[:2] {
		shown := outsourcing.MustMoney(strings.ReplaceAll(tab.Rows[len(ev.Weights)][2+v], ",", ""), "EUR")
		diff, err := shown.Sub(ve.Price.Price)
		require.NoError(t, err)
		assert.True(t, diff.Amount().Abs().LessThanOrEqual(outsourcing.MustDecimal("0.005")), "%s: %s shown for %s", ve.Vendor, shown, ve.Price.Price)
	}
	assert.Equal(t, "2.0", tab.Rows[1][4], "the gated vendor's other scores are shown")
}

// Dimension names come from the template; without a price dimension there
// is no bid row.
func TestEvaluationMatrixTableNamesWithoutPrice(t *testing.T) {
	ts, err := ParseTemplate([]byte(`{"scale": {"min": "0", "max": "10"}, "total": "100", "dimensions": [
	  {"id": "quality", "name": "Service quality", "weight": "80", "criteria": [{"id": "a", "weight": "40"}, {"id": "b", "weight": "40"}]},
	  {"id": "security", "weight": "20", "gate": "5"}]}`))
	require.NoError(t, err)
	tpl, err := CompileTemplate(ts)
	require.NoError(t, err)
	spec := evaluation()
	spec.Bids = nil
	ev, err := Evaluate(tpl, spec)
	require.NoError(t, err)
	tab := ev.MatrixTable(tpl)
	require.Len(t, tab.Rows, 2, "no bid row")
	assert.Equal(t, "Service quality", tab.Rows[0][0])
	assert.Equal(t, "security", tab.Rows[1][0], "a dimension without a name shows its id")
	assert.NotContains(t, tab.Text(), "—", "every vendor has every score")
}

// The ranking lists the ranked vendors with their points at two decimals.
func TestEvaluationRankingTable(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	tab := ev.RankingTable()
	assert.Equal(t, []string{"rank", "vendor", "points"}, tab.Header)
	require.Len(t, tab.Rows, len(ev.Ranking), "the gated vendor is not ranked")
	for i, r := range ev.Ranking {
		row := tab.Rows[i]
		assert.Equal(t, strconv.Itoa(r.Rank), row[0])
		assert.Equal(t, r.Vendor, row[1])
		assert.Regexp(t, `^\d+\.\d\d$`, row[2])
		assert.InDelta(t, r.Points, cellNumber(t, row[2]), 0.005, row[2])
	}
	assert.NotContains(t, tab.Text(), " c ")
}

// cellNumber reads a table cell as a number.
func cellNumber(t *testing.T, cell string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(cell, 64)
	require.NoError(t, err, cell)
	return f
}
