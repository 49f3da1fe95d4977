package risk

import "math/rand/v2"

// magnitudeBatch is the most loss magnitudes a worker draws in one batch.
const magnitudeBatch = 2048

// yearScratch is one worker's buffers for drawing chunks of years, kept
// from chunk to chunk.
type yearScratch struct {
	counts []int32   // loss events per year of the chunk
	mags   []float64 // a batch of magnitudes
}

func newYearScratch() *yearScratch {
	return &yearScratch{counts: make([]int32, chunkSize), mags: make([]float64, magnitudeBatch)}
}

// years draws a chunk of simulated years into out (at most chunkSize)
// from src: first every year's number of loss events, then the events'
// magnitudes in order, in batches, so that each loop does one kind of
// work. A year's loss is the sum of its own magnitudes, added in order.
func (m *model) years(src *rand.PCG, out []float64, s *yearScratch) {
	counts := s.counts[:len(out)]
	events := m.count.draws(src, counts)
	batch, next := s.mags[:0], 0
	for t, n := range counts {
		loss := 0.0
		for ; n > 0; n-- {
			if next == len(batch) {
				batch = s.mags[:min(events, len(s.mags))]
				events -= len(batch)
				m.magnitudes(src, batch)
				next = 0
			}
			loss += batch[next]
			next++
		}
		out[t] = loss
	}
}

// magnitudes fills out with loss magnitudes drawn in order.
func (m *model) magnitudes(src *rand.PCG, out []float64) {
	if m.kind != MagnitudeLognormal {
		for i := range out {
			out[i] = m.magnitude(src)
		}
		return
	}
	normals(src, out)
	for i, z := range out {
		out[i] = fastExp(m.logn.mu + m.logn.sigma*z)
	}
}
