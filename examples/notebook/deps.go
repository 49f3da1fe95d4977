//go:build notebook

// Package notebook pins what the notebooks beside this file import. Each
// notebook's first cell puts this module into GoNB's go.work, so the SDK
// (the local checkout, by the replace directive in go.mod), gonbui and
// gonum/plot resolve to the versions in go.mod and go.sum. The build tag
// keeps this file out of every build; `go mod tidy` still reads it.
package notebook

import (
	_ "github.com/janpfeifer/gonb/gonbui"
	_ "github.com/outsourcing-go/outsourcing"
	_ "github.com/outsourcing-go/outsourcing/risk"
	_ "github.com/outsourcing-go/outsourcing/scoring"
	_ "gonum.org/v1/plot"
	_ "gonum.org/v1/plot/plotter"
	_ "gonum.org/v1/plot/vg"
	_ "gonum.org/v1/plot/vg/draw"
	_ "gonum.org/v1/plot/vg/vgsvg"
)
