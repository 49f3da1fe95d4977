package sla_test

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/require"
)

// TestEvaluateAllIsEvaluatePerInput: whatever the number of workers, the
// batch gives each input's Evaluate result at its index, for inputs whose
// fees repeat, change, or are the same amount written otherwise.
func TestEvaluateAllIsEvaluatePerInput(t *testing.T) {
	a := mustParse(t, benchAgreement)
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, a.Location()), time.Date(2024, 7, 1, 0, 0, 0, 0, a.Location()))
	require.NoError(t, err)
	inputs := make([]sla.Input, 7)
	for i := range inputs {
		inputs[i] = benchInput(uint64(i), 60+40*i)
		inputs[i].Fees = []outsourcing.Money{usd("250000"), usd("250000"), usd("250000.00"), usd("90000.10")}[i%4]
	}
	for _, workers := range []int{0, 1, 3, 16} {
		got, err := a.EvaluateAll(inputs, periods, workers)
		require.NoError(t, err)
		require.Len(t, got, len(inputs))
		for i, in := range inputs {
			want, err := a.Evaluate(in, periods, nil)
			require.NoError(t, err)
			require.Equal(t, want, got[i], "workers %d, input %d", workers, i)
		}
	}
}

// TestEvaluateAllErrorsAtTheInput: a bad input's problems are reported
// under its index, in input order, prefixed once.
func TestEvaluateAllErrorsAtTheInput(t *testing.T) {
	a := mustParse(t, benchAgreement)
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	start := time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)
	bad := sla.Input{Fees: usd("100"), Outages: []sla.Outage{{ID: "x", Start: start, End: start}}}
	_, err = a.EvaluateAll([]sla.Input{benchInput(1, 10), bad, {}}, periods, 2)
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	fields := outsourcing.FieldErrors(err)
	require.Len(t, fields, 2)
	require.Equal(t, "/1/outages/0/end", fields[0].Path)
	require.Equal(t, "/2/fees", fields[1].Path)
	require.Regexp(t, `^sla: /1/outages/0/end: `, err.Error())
	var fe *outsourcing.FieldError
	require.True(t, errors.As(err, &fe))
}

// TestOutageOrderDoesNotMatter: outages in any order, clustered or
// spread, long lists or short, measure alike (the sort by start is
// exercised on all its paths: a comparison sort for short lists, the
// bucket sort with spread starts, and with crowded buckets, as when
// starts cluster or cluster far from one outlier).
func TestOutageOrderDoesNotMatter(t *testing.T) {
	a := mustParse(t, `{"id":"o","credits":{},"levels":[
		{"id":"up","metric":"availability","expected":"99.9","credit":{"kind":"tiers","preset":"aws-ec2-region"}}]}`)
	periods, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{5, 127, 128, 600, 3000} {
		for _, spread := range []time.Duration{360 * 24 * time.Hour, 2 * time.Hour, time.Millisecond} {
			in := sla.Input{Fees: usd("100")}
			base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			for range n {
				s := base.Add(time.Duration(r.Int64N(int64(spread))))
				in.Outages = append(in.Outages, sla.Outage{Start: s, End: s.Add(time.Duration(1 + r.Int64N(int64(time.Hour))))})
			}
			if spread < time.Second { // one outlier months later: the others share a few keys
				s := base.AddDate(0, 10, 0)
				in.Outages = append(in.Outages, sla.Outage{Start: s, End: s.Add(time.Minute)})
			}
			want, err := a.Evaluate(in, periods, nil)
			require.NoError(t, err)
			shuffled := in
			shuffled.Outages = append([]sla.Outage(nil), in.Outages...)
			r.Shuffle(len(shuffled.Outages), func(i, j int) {
				shuffled.Outages[i], shuffled.Outages[j] = shuffled.Outages[j], shuffled.Outages[i]
			})
			got, err := a.Evaluate(shuffled, periods, nil)
			require.NoError(t, err)
			require.Equal(t, want, got, "n=%d spread=%s", n, spread)
			var downtime time.Duration
			for _, rep := range got {
				downtime += time.Duration(rep.Levels[0].Downtime)
			}
			require.Equal(t, unionLength(in.Outages), downtime, "n=%d spread=%s", n, spread)
		}
	}
}

// unionLength is the length of the union of the outages, by brute force
// over their sorted starts.
func unionLength(outages []sla.Outage) time.Duration {
	o := append([]sla.Outage(nil), outages...)
	for i := 1; i < len(o); i++ {
		for j := i; j > 0 && o[j].Start.Before(o[j-1].Start); j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
	var total time.Duration
	var end time.Time
	for _, x := range o {
		switch {
		case !x.Start.Before(end):
			total += x.End.Sub(x.Start)
			end = x.End
		case x.End.After(end):
			total += x.End.Sub(end)
			end = x.End
		}
	}
	return total
}
