package risk

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

// firstOf[n][i] is 1 for i < n, else 0: a year with at most 4 loss
// events sums the next 4 magnitudes weighted by it, without a branch on
// its count that the processor would mispredict. m·1 = m and s + m·0 = s
// exactly (magnitudes are finite), so the sum is the one of its own
// magnitudes added in order.
var firstOf = [5][4]float64{{}, {1}, {1, 1}, {1, 1, 1}, {1, 1, 1, 1}}

// years draws a chunk of simulated years into out (at most chunkSize)
// from src: first every year's number of loss events, then the events'
// magnitudes in order, in batches, so that each loop does one kind of
// work. A year's loss is the sum of its own magnitudes, added in order.
func (m *model) years(src *pcg, out []float64, s *yearScratch) {
	counts := s.counts[:len(out)]
	events := m.count.draws(src, counts)
	batch, next := s.mags[:0], 0
	for t, n := range counts {
		if n <= 4 && next+4 <= len(batch) {
			m, w := batch[next:next+4], &firstOf[n]
			out[t] = 0 + m[0]*w[0] + m[1]*w[1] + m[2]*w[2] + m[3]*w[3]
			next += int(n)
			continue
		}
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
func (m *model) magnitudes(src *pcg, out []float64) {
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
