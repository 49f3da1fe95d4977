package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// charts are the report's SVG charts by file name.
func (r *Report) charts() map[string][]byte {
	c := map[string][]byte{
		"tornado.svg":       r.Planning.Tornado.SVG(),
		"business-case.svg": r.Planning.outcome.HistogramSVG(),
		"scores.svg":        r.Selection.scoreBars(),
		"heat-map.svg":      []byte(r.Risks.HeatMap.SVG()),
	}
	if r.Risks.Losses.Total.Trials > 0 {
		c["loss-exceedance.svg"] = r.Risks.Losses.Total.ExceedanceSVG()
	}
	return c
}

// writeCharts writes every chart into dir, creating it if needed.
func writeCharts(dir string, charts map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(charts)) {
		if err := os.WriteFile(filepath.Join(dir, name), charts[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
