package sla_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBenchmarkWorkloadJSONUnchanged holds the reports of the benchmark
// workloads (and of the agreement that fills every field) to the SHA-256
// of their JSON, Markdown and text as commit b1a3b2b wrote them, before
// report text was built lazily: the speed work changes no byte of what a
// report says. Reports read back from their JSON marshal to the same
// bytes, and serve as history as the reports themselves do.
func TestBenchmarkWorkloadJSONUnchanged(t *testing.T) {
	year := func(a *sla.Agreement) []sla.Period {
		p, err := a.Periods(time.Date(2024, 1, 1, 0, 0, 0, 0, a.Location()), time.Date(2025, 1, 1, 0, 0, 0, 0, a.Location()))
		require.NoError(t, err)
		return p
	}
	bench := mustParse(t, benchAgreement)
	var few []sla.Input
	for i := range 20 {
		few = append(few, benchInput(uint64(i), 250), benchInput(uint64(i), 1000))
	}
	million := mustParse(t, `{"id":"million","time_zone":"UTC","credits":{},"levels":[
		{"id":"region","metric":"availability","expected":"99.99","credit":{"kind":"tiers","preset":"aws-ec2-region"}}]}`)
	r := rand.New(rand.NewPCG(42, 42))
	var services []sla.Input
	for range 50 {
		services = append(services, millionInput(r))
	}
	full := mustParse(t, fullAgreement)
	in, err := sla.ParseInput([]byte(fullInput))
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		a      *sla.Agreement
		inputs []sla.Input
		digest string
	}{
		{"measure year", bench, few, "cd9098adcea1f15d5be1afe7fd8f3e09117ff0bfa432702b6a63288171580d29"},
		{"availability million", million, services, "2c0f7e65f700fbfdd863af8dd14b364e3dc7bba3169b9d74ec9235907f715704"},
		{"full agreement", full, []sla.Input{in}, "1e1cd656ea965ea47b0660b4d69e0d38ee795a005525218535152aa9f35ac0d4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			periods := year(tc.a)
			all, err := tc.a.EvaluateAll(tc.inputs, periods, 0)
			require.NoError(t, err)
			h := sha256.New()
			for i, reports := range all {
				b, err := json.Marshal(reports)
				require.NoError(t, err)
				h.Write(b)
				for _, r := range reports {
					h.Write([]byte(r.Markdown() + r.Text()))
				}
				var back []sla.Report
				require.NoError(t, json.Unmarshal(b, &back))
				again, err := json.Marshal(back)
				require.NoError(t, err)
				require.Equal(t, string(b), string(again), "input %d read back", i)
				rest, err := tc.a.Evaluate(tc.inputs[i], periods[6:], back[:6])
				require.NoError(t, err)
				later, err := json.Marshal(rest)
				require.NoError(t, err)
				want, err := json.Marshal(reports[6:])
				require.NoError(t, err)
				require.Equal(t, string(want), string(later), "input %d with history read back", i)
			}
			assert.Equal(t, tc.digest, hex.EncodeToString(h.Sum(nil)))
		})
	}
}
