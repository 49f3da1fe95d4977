package risk

import (
	"math"
)

// uniform returns a uniform float64 in [0, 1) from one draw of src.
func uniform(src *pcg) float64 { return unitFloat(src.Uint64()) }

// unitFloat maps a draw to [0, 1) by its low 53 bits, as rand.Rand.Float64 does.
func unitFloat(bits uint64) float64 { return float64(bits<<11>>11) / (1 << 53) }

// zigguratLayers is the number of layers of the normal ziggurat; their
// common area zigV and the start of the tail zigR are Marsaglia and
// Tsang's values for 256 layers.
const (
	zigguratLayers = 256
	zigR           = 3.6541528853610088
	zigV           = 4.92867323399e-3
)

// zigX[i] is the right edge of layer i (zigX[0] = V/φ(R) the width of the
// base layer's rectangle of equal area, zigX[1] = R, decreasing to
// zigX[256] = 0) and zigF[i] = exp(−zigX[i]²/2), the unnormalised density
// there (Doornik, "An Improved Ziggurat Method to Generate Normal Random
// Samples", 2005).
var zigX, zigF = zigguratTables()

func zigguratTables() (x, f [zigguratLayers + 1]float64) {
	x[0] = zigV / math.Exp(-zigR*zigR/2)
	x[1] = zigR
	for i := 1; i < zigguratLayers-1; i++ {
		x[i+1] = math.Sqrt(-2 * math.Log(zigV/x[i]+math.Exp(-x[i]*x[i]/2)))
	}
	for i := range f {
		f[i] = math.Exp(-x[i] * x[i] / 2)
	}
	return x, f
}

// normal returns one standard normal draw (see normals).
func normal(src *pcg) float64 {
	var x [1]float64
	normals(src, x[:])
	return x[0]
}

// normals fills out with standard normal draws by the ziggurat method
// (Marsaglia and Tsang, "The Ziggurat Method for Generating Random
// Variables", Journal of Statistical Software 5(8), 2000) with 256 layers
// in float64 and Doornik's independent bits: one draw of src gives the
// layer (its low 8 bits) and a signed uniform (its high 53 bits), accepted
// at once when inside the layer's rectangle (about 99% of draws, inlined
// here); else normalEdge tests the wedge against the density or draws the
// tail beyond R.
func normals(src *pcg, out []float64) {
	g := *src // in registers through the loop
	for i := range out {
		g = g.step()
		bits := g.value()
		x, inside := zigguratPoint(bits)
		if !inside {
			*src = g
			x = normalEdge(src, bits)
			g = *src
		}
		out[i] = x
	}
	*src = g
}

// zigguratPoint maps one draw to its point x in its layer, and whether
// the point lies inside the layer's rectangle, under the density.
func zigguratPoint(bits uint64) (x float64, inside bool) {
	i := bits & (zigguratLayers - 1)
	u := (float64(int64(bits)>>11) + 0.5) * 0x1p-52 // in (−1, 1), symmetric
	x = u * zigX[i]
	return x, math.Abs(x) < zigX[i+1]
}

// normalEdge finishes a draw whose first bits fell outside their
// layer's rectangle: the base layer draws from the tail, a wedge point is
// accepted under the density, and a rejected point is drawn again.
func normalEdge(src *pcg, bits uint64) float64 {
	for {
		x, inside := zigguratPoint(bits)
		i := bits & (zigguratLayers - 1)
		switch {
		case inside:
			return x
		case i == 0:
			return normalTail(src, x < 0)
		case zigF[i+1]+(zigF[i]-zigF[i+1])*uniform(src) < math.Exp(-x*x/2):
			return x
		}
		bits = src.Uint64()
	}
}

// normalTail draws from the normal tail beyond zigR (Marsaglia, "Generating
// a variable from the tail of the normal distribution", Technometrics
// 6(1), 1964), negated when negative.
func normalTail(src *pcg, negative bool) float64 {
	for {
		x := -math.Log1p(-uniform(src)) / zigR
		y := -math.Log1p(-uniform(src))
		if 2*y >= x*x {
			if negative {
				return -zigR - x
			}
			return zigR + x
		}
	}
}
