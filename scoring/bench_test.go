package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/outsourcing-go/outsourcing/scoring"
)

func benchMatrix(b *testing.B, rows, cols int) (*scoring.Matrix, []float64) {
	rng := rand.New(rand.NewPCG(7, 8))
	alts := make([]string, rows)
	for i := range alts {
		alts[i] = fmt.Sprintf("a%d", i)
	}
	crits := make([]scoring.Criterion, cols)
	w := make([]float64, cols)
	for j := range crits {
		crits[j] = scoring.Criterion{ID: fmt.Sprintf("c%d", j), Type: scoring.CriterionTypeBenefit}
		if j%4 == 3 {
			crits[j].Type = scoring.CriterionTypeCost
		}
		w[j] = rng.Float64()
	}
	data := make([]float64, rows*cols)
	for k := range data {
		data[k] = 1 + 99*rng.Float64()
	}
	m, err := scoring.NewMatrixFlat(alts, crits, data)
	if err != nil {
		b.Fatal(err)
	}
	return m, w
}

func BenchmarkTOPSIS100kx20(b *testing.B) {
	m, w := benchMatrix(b, 100_000, 20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.TOPSIS(m, w, scoring.NormalizationVector, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWSM100kx20(b *testing.B) {
	m, w := benchMatrix(b, 100_000, 20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.WSM(m, w, scoring.NormalizationMinMax, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAHP9(b *testing.B) {
	upper := make([]float64, 0, 36)
	for i := range 9 {
		for j := i + 1; j < 9; j++ {
			upper = append(upper, float64(1+(i*7+j*3)%9))
		}
	}
	p, err := scoring.NewPairwiseUpper(9, upper)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.AHP(p, scoring.AHPOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
