package risk

import (
	"cmp"
	"errors"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// HeatCell is one cell of a heat map.
type HeatCell struct {
	// Level is the cell's risk level.
	Level Level `json:"level"`
	// Count is the number of risks in the cell; IDs lists them in register order.
	Count int      `json:"count"`
	IDs   []string `json:"ids"`
}

// HeatMap counts risks per matrix cell, for inherent and residual
// ratings. Rows and columns are indexed from the lowest level:
// Inherent[i][j] is likelihood level i, impact level j.
type HeatMap struct {
	// Title is the matrix name.
	Title string `json:"title"`
	// Likelihood and Impact are the axes.
	Likelihood Axis `json:"likelihood"`
	Impact     Axis `json:"impact"`
	// Levels are the matrix's risk levels (for colours and the legend).
	Levels []LevelDef `json:"levels"`
	// Inherent and Residual hold the counts.
	Inherent [][]HeatCell `json:"inherent"`
	Residual [][]HeatCell `json:"residual"`
}

// HeatMap places every risk that is not closed on the matrix, by inherent
// and by residual rating (see Matrix.Residual). A rating off the scale is a
// *outsourcing.FieldError whose path points into risks ("/4/inherent/impact").
func (m *Matrix) HeatMap(risks []Risk) (HeatMap, error) {
	spec := cloneSpec(m.spec)
	h := HeatMap{Title: cmp.Or(spec.Name, spec.ID), Likelihood: spec.Likelihood, Impact: spec.Impact, Levels: spec.Levels}
	h.Inherent, h.Residual = m.emptyGrid(), m.emptyGrid()
	for i, k := range risks {
		if k.Status == StatusClosed {
			continue
		}
		li, okL := m.rows[k.Inherent.Likelihood]
		ii, okI := m.cols[k.Inherent.Impact]
		res, err := m.Residual(k)
		if err != nil || !okL || !okI {
			return HeatMap{}, wrap(errors.Join(k.checkRatings(jsonptr.Join(i), m)...))
		}
		inh := &h.Inherent[li][ii]
		inh.Count++
		inh.IDs = append(inh.IDs, k.ID)
		rc := &h.Residual[res.Evaluation.Row][res.Evaluation.Col]
		rc.Count++
		rc.IDs = append(rc.IDs, k.ID)
	}
	return h, nil
}

func (m *Matrix) emptyGrid() [][]HeatCell {
	n, k := m.Size()
	cells := make([]HeatCell, n*k)
	grid := make([][]HeatCell, n)
	for i := range grid {
		grid[i] = cells[i*k : (i+1)*k : (i+1)*k]
		for j := range grid[i] {
			grid[i][j].Level = m.spec.Levels[m.cell[i*k+j]].ID
		}
	}
	return grid
}
