package risk

import (
	"cmp"
	"errors"
	"time"

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
// and by residual rating (see Matrix.Residual): the risk's own ratings,
// whatever its assessment history says (HeatMapAt reads the history). A
// rating off the scale is a *outsourcing.FieldError whose path points
// into risks ("/4/inherent/impact").
func (m *Matrix) HeatMap(risks []Risk) (HeatMap, error) {
	h := m.newHeatMap()
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
		h.place(k.ID, li, ii, res.Evaluation)
	}
	return h, nil
}

// HeatMapAt places every risk of the register that is not closed and was
// identified by asOf (a risk recorded later was not on the register that
// day) by its ratings at asOf, as Assess rates them: by its latest
// assessment at or before asOf, else by its own ratings, so a heat map
// drawn after a re-rating shows the risk where the review put it. Errors
// are Assess's.
func (m *Matrix) HeatMapAt(reg Register, asOf time.Time) (HeatMap, error) {
	rep, err := assess(reg, m, asOf)
	if err != nil {
		return HeatMap{}, wrap(err)
	}
	h := m.newHeatMap()
	for i, k := range reg.Risks {
		if k.Status != StatusClosed && !rep.Risks[i].NotYetIdentified {
			r := rep.Risks[i]
			h.place(k.ID, r.Inherent.Row, r.Inherent.Col, r.Residual.Evaluation)
		}
	}
	return h, nil
}

// newHeatMap returns the matrix's empty heat map.
func (m *Matrix) newHeatMap() HeatMap {
	spec := cloneSpec(m.spec)
	h := HeatMap{Title: cmp.Or(spec.Name, spec.ID), Likelihood: spec.Likelihood, Impact: spec.Impact, Levels: spec.Levels}
	h.Inherent, h.Residual = m.emptyGrid(), m.emptyGrid()
	return h
}

// place counts risk id in its inherent cell (row, col) and its residual one.
func (h *HeatMap) place(id string, row, col int, residual Evaluation) {
	inh := &h.Inherent[row][col]
	inh.Count++
	inh.IDs = append(inh.IDs, id)
	res := &h.Residual[residual.Row][residual.Col]
	res.Count++
	res.IDs = append(res.IDs, id)
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
