package sla

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// EvaluateAll reports the same periods for many inputs — one per
// service, customer or contract of an estate — without history, on
// workers goroutines (zero or less: GOMAXPROCS). out[i] is what
// Evaluate(inputs[i], periods, nil) returns, whatever the number of
// workers or the order they finish in. Errors: the periods' (as
// Evaluate's), or the problems of every input that fails, in input order,
// each relocated under the input's index ("/3/outages/2/end"); nothing is
// returned with them.
func (a *Agreement) EvaluateAll(inputs []Input, periods []Period, workers int) ([][]Report, error) {
	if err := a.compiled(); err != nil {
		return nil, wrap(err)
	}
	if err := a.checkPeriods(periods); err != nil {
		return nil, wrap(err)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	clocks := a.clocks(periods)
	out := make([][]Report, len(inputs))
	errs := make([]error, len(inputs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(inputs)) {
		wg.Go(func() {
			sc := &scratch{}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(inputs) {
					return
				}
				out[i], errs[i] = a.evaluate(inputs[i], periods, nil, clocks, sc)
			}
		})
	}
	wg.Wait()
	var failed []error
	for i, err := range errs {
		if err != nil {
			failed = append(failed, outsourcing.AtPath(jsonptr.Join(i), err))
		}
	}
	if len(failed) > 0 {
		return nil, wrap(errors.Join(failed...))
	}
	return out, nil
}
