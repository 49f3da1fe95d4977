package risk

// moments are the count, mean, sum of squared deviations from the mean
// and number of positive values of a sample, mergeable in a fixed order
// (Chan, Golub and LeVeque, "Algorithms for computing the sample
// variance", 1983), so chunks summarised in parallel give one result.
type moments struct {
	n, mean, m2 float64
	positive    int
}

// chunkMoments computes the moments of xs in two passes (mean, then
// deviations), which keeps the variance accurate when it is small
// against the mean.
func chunkMoments(xs []float64) moments {
	if len(xs) == 0 {
		return moments{}
	}
	sum, positive := 0.0, 0
	for _, x := range xs {
		sum += x
		if x > 0 {
			positive++
		}
	}
	mean := sum / float64(len(xs))
	ss := 0.0
	for _, x := range xs {
		d := x - mean
		ss += d * d
	}
	return moments{n: float64(len(xs)), mean: mean, m2: ss, positive: positive}
}

// momentsOf computes the moments of a whole sample chunk by chunk, as
// fill does, so a sample gives the same summary however it was produced.
func momentsOf(xs []float64) moments {
	var total moments
	for lo := 0; lo < len(xs); lo += chunkSize {
		total = total.merge(chunkMoments(xs[lo:min(lo+chunkSize, len(xs))]))
	}
	return total
}

// merge combines the moments of two disjoint samples.
func (a moments) merge(b moments) moments {
	switch {
	case a.n == 0:
		return b
	case b.n == 0:
		return a
	}
	n := a.n + b.n
	d := b.mean - a.mean
	return moments{
		n:        n,
		mean:     a.mean + d*b.n/n,
		m2:       a.m2 + b.m2 + d*d*a.n*b.n/n,
		positive: a.positive + b.positive,
	}
}
