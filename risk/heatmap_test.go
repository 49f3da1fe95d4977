package risk

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeatMapCounts(t *testing.T) {
	reg := loadRegister(t)
	m := Classic5x5()
	h, err := m.HeatMap(reg.Risks)
	require.NoError(t, err)
	cell := func(grid [][]HeatCell, l, i string) HeatCell {
		return grid[m.rows[l]][m.cols[i]]
	}
	total := func(grid [][]HeatCell) int {
		n := 0
		for _, row := range grid {
			for _, c := range row {
				n += c.Count
			}
		}
		return n
	}
	assert.Equal(t, 5, total(h.Inherent), "the closed risk is left out")
	assert.Equal(t, 5, total(h.Residual))
	assert.Equal(t, []string{"R1"}, cell(h.Inherent, "likely", "catastrophic").IDs)
	assert.Equal(t, "extreme", string(cell(h.Inherent, "likely", "catastrophic").Level))
	assert.Equal(t, []string{"R3"}, cell(h.Inherent, "unlikely", "major").IDs)
	// R1's controls move it to unlikely × major, beside R3.
	assert.Equal(t, HeatCell{Level: "high", Count: 2, IDs: []string{"R1", "R3"}}, cell(h.Residual, "unlikely", "major"))
	assert.Zero(t, cell(h.Residual, "likely", "catastrophic").Count)
	assert.Equal(t, "low", string(h.Inherent[0][0].Level))
}

func TestHeatMapBadRating(t *testing.T) {
	reg := loadRegister(t)
	reg.Risks[4].Inherent.Impact = "huge"
	_, err := Classic5x5().HeatMap(reg.Risks)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Contains(t, fieldPaths(err), "/4/inherent/impact")
}

func TestHeatMapText(t *testing.T) {
	h, err := Classic5x5().HeatMap(loadRegister(t).Risks)
	require.NoError(t, err)
	text := h.Text()
	lines := strings.Split(text, "\n")
	assert.Equal(t, "Classic 5×5 likelihood × consequence matrix", lines[0])
	assert.Contains(t, text, "Inherent risk")
	assert.Contains(t, text, "Residual risk")
	// The top row is the highest likelihood.
	var first string
	for _, l := range lines {
		if strings.HasPrefix(l, "Almost certain") {
			first = l
			break
		}
	}
	assert.Contains(t, first, "1 Extreme") // R5 at almost certain × major
	assert.Contains(t, text, "Unlikely × Major: R1, R3")
}

func TestHeatMapSVG(t *testing.T) {
	reg := loadRegister(t)
	reg.Risks[0].Title = "<script>"
	reg.Risks[0].ID = "R&1"
	h, err := NISTRiskMatrix().HeatMap([]Risk{{ID: "a<b", Status: StatusOpen, Inherent: Rating{"high", "very_high"}}})
	require.NoError(t, err)
	svg := h.SVG()
	// Well-formed XML with escaped IDs.
	dec := xml.NewDecoder(strings.NewReader(svg))
	rects := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			require.ErrorContains(t, err, "EOF")
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			rects++
		}
	}
	assert.Equal(t, 2*25+5, rects, "two 5×5 grids and a five-level legend")
	assert.Contains(t, svg, "a&lt;b")
	assert.Contains(t, svg, `fill="#d7191c"`)
	assert.True(t, strings.HasPrefix(svg, `<svg xmlns="http://www.w3.org/2000/svg"`))
}

// bigRegister builds n risks spread over the 5×5 matrix, a third with controls.
func bigRegister(n int) []Risk {
	m := Classic5x5()
	spec := m.Spec()
	risks := make([]Risk, n)
	for i := range risks {
		risks[i] = Risk{
			ID: fmt.Sprintf("R%05d", i), Title: "risk", Category: CategorySupplier, Status: StatusOpen,
			Identified: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
			Inherent:   Rating{spec.Likelihood.Levels[i%5].ID, spec.Impact.Levels[(i/5)%5].ID},
		}
		if i%3 == 0 {
			risks[i].Controls = []Control{{ID: "c", Effectiveness: 0.5}, {ID: "d", Effectiveness: 0.2, Target: ControlTargetImpact}}
		}
	}
	return risks
}

func TestHeatMap10kTotals(t *testing.T) {
	h, err := Classic5x5().HeatMap(bigRegister(10_000))
	require.NoError(t, err)
	for _, grid := range [][][]HeatCell{h.Inherent, h.Residual} {
		n := 0
		for _, row := range grid {
			for _, c := range row {
				n += c.Count
				assert.Len(t, c.IDs, c.Count)
			}
		}
		assert.Equal(t, 10_000, n)
	}
	assert.Equal(t, 400, h.Inherent[0][0].Count)
}

func BenchmarkHeatMap10k(b *testing.B) {
	risks := bigRegister(10_000)
	m := Classic5x5()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.HeatMap(risks); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHeatMapBadInherentWithRerating(t *testing.T) {
	_, err := Classic5x5().HeatMap([]Risk{{ID: "x", Inherent: Rating{"often", "minor"}, Residual: &Rating{"rare", "minor"}}})
	assert.Contains(t, fieldPaths(err), "/0/inherent/likelihood")
}

// HeatMapAt places a re-rated risk where its latest assessment put it:
// before the May review at its February rating (almost certain × major),
// after it at likely × moderate with the residual the review recorded,
// as Assess rates it; a closed risk is left out.
func TestHeatMapAtReadsTheAssessmentHistory(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	reg := Register{ID: "reg", Risks: []Risk{{
		ID: "R1", Title: "Key engineers leave", Category: CategorySupplier, Status: StatusOpen,
		Identified: day(2025, 1, 10), Inherent: Rating{Likelihood: "likely", Impact: "moderate"},
		Assessments: []Assessment{
			{Date: day(2025, 2, 3), Inherent: Rating{Likelihood: "almost_certain", Impact: "major"}},
			{Date: day(2025, 5, 2), Inherent: Rating{Likelihood: "likely", Impact: "moderate"},
				Residual: &Rating{Likelihood: "unlikely", Impact: "moderate"}},
		}}, {
		ID: "R2", Title: "Closed", Category: CategorySupplier, Status: StatusClosed,
		Identified: day(2025, 1, 10), Inherent: Rating{Likelihood: "rare", Impact: "minor"}}}}
	m := Classic5x5()
	cell := func(grid [][]HeatCell, likelihood, impact string) HeatCell {
		return grid[m.rows[likelihood]][m.cols[impact]]
	}
	march, err := m.HeatMapAt(reg, day(2025, 3, 1))
	require.NoError(t, err)
	assert.Equal(t, []string{"R1"}, cell(march.Inherent, "almost_certain", "major").IDs)
	june, err := m.HeatMapAt(reg, day(2025, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, []string{"R1"}, cell(june.Inherent, "likely", "moderate").IDs)
	assert.Equal(t, []string{"R1"}, cell(june.Residual, "unlikely", "moderate").IDs)
	total := 0
	for _, row := range june.Inherent {
		for _, c := range row {
			total += c.Count
		}
	}
	assert.Equal(t, 1, total, "the closed risk is left out")
	plain, err := m.HeatMap(reg.Risks)
	require.NoError(t, err)
	assert.Equal(t, []string{"R1"}, cell(plain.Inherent, "likely", "moderate").IDs, "HeatMap reads the risk's own ratings")

	later := reg
	later.Risks = append(slices.Clone(reg.Risks), Risk{ID: "R3", Title: "Recorded in April", Category: CategorySupplier,
		Status: StatusOpen, Identified: day(2025, 4, 1), Inherent: Rating{Likelihood: "rare", Impact: "minor"}})
	march, err = m.HeatMapAt(later, day(2025, 3, 1))
	require.NoError(t, err)
	assert.Empty(t, cell(march.Inherent, "rare", "minor").IDs, "a risk identified after the day was not on the register")
	june, err = m.HeatMapAt(later, day(2025, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, []string{"R3"}, cell(june.Inherent, "rare", "minor").IDs)
}

// A register assessed at a day before a risk was identified leaves that
// risk out of the overall level and of what is due: it was not on the
// register then; the report keeps its row, flagged, so rows stay aligned
// with the register's risks.
func TestAssessBeforeARiskWasIdentified(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	reg := Register{ID: "reg", Risks: []Risk{
		{ID: "R1", Title: "Key engineers leave", Category: CategorySupplier, Status: StatusOpen, Identified: day(2025, 1, 10),
			Inherent: Rating{Likelihood: "unlikely", Impact: "minor"}},
		{ID: "R2", Title: "Data centre flood", Category: CategorySupplier, Status: StatusOpen, Identified: day(2025, 4, 1),
			Inherent: Rating{Likelihood: "likely", Impact: "catastrophic"}},
	}}
	m := Classic5x5()
	march, err := Assess(reg, m, day(2025, 3, 1))
	require.NoError(t, err)
	require.Len(t, march.Risks, 2)
	assert.True(t, march.Risks[1].NotYetIdentified)
	assert.Nil(t, march.Risks[1].Review)
	assert.Equal(t, []string{"R1"}, march.Overall.RiskIDs, "the flood was not on the register in March")
	for _, d := range march.Due {
		assert.NotEqual(t, "R2", d.RiskID)
	}
	june, err := Assess(reg, m, day(2025, 6, 1))
	require.NoError(t, err)
	assert.False(t, june.Risks[1].NotYetIdentified)
	assert.Equal(t, []string{"R2"}, june.Overall.RiskIDs)
}
