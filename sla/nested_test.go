package sla_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nestedData is testdata/nested_allocations.json.
type nestedData struct {
	Source    string          `json:"source"`
	Agreement json.RawMessage `json:"agreement"`
	Cases     []struct {
		Name, Fees, Credits, Source string
		Missed                      []string
		Levels                      map[string]struct {
			Credit            string `json:"credit"`
			ServiceAllocation string `json:"service_allocation"`
			CreditPercent     string `json:"credit_percent"`
		}
	} `json:"cases"`
	Bad []struct {
		Name, Path, Source, Allocation, Service string
		Level                                   int
		Patch                                   map[string]json.RawMessage
	} `json:"bad"`
}

func TestNestedAllocations(t *testing.T) {
	var data nestedData
	testkit.LoadJSON(t, "testdata/nested_allocations.json", &data)
	require.NotEmpty(t, data.Source)
	a := mustParse(t, string(data.Agreement))
	spec := a.Spec()
	for _, c := range data.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			in := sla.Input{Fees: usd(c.Fees)}
			for _, id := range c.Missed {
				l := spec.Levels[slices.IndexFunc(spec.Levels, func(l sla.Level) bool { return l.ID == id })]
				o := downFor(t, l.Service)
				if id == "dc-backup" {
					o.Tags = []string{"backup"}
				}
				in.Outages = append(in.Outages, o)
			}
			r, err := a.Report(in, mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z")), nil)
			require.NoError(t, err)
			assertMoney(t, c.Credits, r.Credits)
			for _, l := range r.Levels {
				want, ok := c.Levels[l.ID]
				if !ok {
					assertMoney(t, "0", l.Credit, l.ID)
					continue
				}
				assertMoney(t, want.Credit, l.Credit, l.ID)
				assertMoney(t, want.Credit, l.CreditBeforeCap, l.ID)
				testkit.AssertDecimal(t, want.ServiceAllocation, l.ServiceAllocation.Points(), l.ID)
				testkit.AssertDecimal(t, want.CreditPercent, l.CreditPercent.Points(), l.ID)
				assert.Contains(t, l.CreditReason(), "of service", l.ID)
			}
		})
	}
}

func TestNestedAllocationsOver100PercentAreRefused(t *testing.T) {
	var data nestedData
	testkit.LoadJSON(t, "testdata/nested_allocations.json", &data)
	for _, c := range data.Bad {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(data.Agreement, &doc))
			for k, v := range c.Patch {
				var x any
				require.NoError(t, json.Unmarshal(v, &x))
				doc["credits"].(map[string]any)[k] = x
			}
			l := doc["levels"].([]any)[c.Level].(map[string]any)
			if c.Allocation != "" {
				l["credit"].(map[string]any)["allocation"] = c.Allocation
			}
			if c.Service != "" {
				l["service"] = c.Service
			}
			b, err := json.Marshal(doc)
			require.NoError(t, err)
			a, err := parseAgreement(b)
			require.Error(t, err)
			assert.Nil(t, a, "nothing compiled")
			assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput))
			fe := outsourcing.FieldErrors(err)
			require.Len(t, fe, 1, "%v", err)
			assert.Equal(t, c.Path, fe[0].Path)
		})
	}
}
