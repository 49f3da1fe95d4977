package planning

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStrategySourcingTableCases(t *testing.T) {
	raw, err := os.ReadFile("testdata/strategy_sourcing_cases.json")
	require.NoError(t, err)
	var ref struct {
		Source string `json:"source"`
		Cases  []struct {
			Name            string                `json:"name"`
			Criticality     Criticality           `json:"criticality"`
			Capability      ReadinessLevel        `json:"capability"`
			ExpectedSavings outsourcing.Percent   `json:"expected_savings"`
			Risk            outsourcing.RiskLevel `json:"risk"`
			Scope           SourcingScope         `json:"scope"`
			Location        SourcingLocation      `json:"location"`
			Row             string                `json:"row"`
			Source          string                `json:"source"`
		} `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(raw, &ref))
	require.NotEmpty(t, ref.Source)
	a := DefaultSourcingAdvisor()
	for _, c := range ref.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			rec, err := a.Recommend(SourcingInputs{Criticality: c.Criticality, Capability: c.Capability, ExpectedSavings: c.ExpectedSavings, Risk: c.Risk})
			require.NoError(t, err)
			assert.Equal(t, c.Scope, rec.Scope)
			assert.Equal(t, c.Location, rec.Location)
			assert.Equal(t, []string{c.Row}, rec.Rows)
			assert.Equal(t, "sourcing-model", rec.Table)
			assert.Contains(t, rec.Matched, c.Row)
			assert.NotEmpty(t, rec.Rationale)
			assert.NotEmpty(t, rec.Description)
		})
	}
}

// outsourcingExtent orders scopes by how much is handed to providers.
func outsourcingExtent(s SourcingScope) int {
	switch s {
	case SourcingScopeInHouse:
		return 0
	case SourcingScopeTotal:
		return 2
	}
	return 1 // partial and selective
}

// locationDistance orders locations by distance from the client.
func locationDistance(l SourcingLocation) int {
	switch l {
	case SourcingLocationNearshore:
		return 1
	case SourcingLocationOffshore:
		return 2
	}
	return 0
}

// TestStrategySourcingTableProperties checks the shipped table over every
// combination of inputs: some row always matches, and a riskier or more
// critical service is never outsourced further or farther away, while a
// more capable organisation or larger savings never lead to less.
func TestStrategySourcingTableProperties(t *testing.T) {
	a := DefaultSourcingAdvisor()
	savings := []string{"-20", "0", "9.99", "10", "24.99", "25", "60"}
	type key struct{ c, k, s, r int }
	recs := map[key]Recommendation{}
	used := map[string]bool{}
	for ci, c := range criticalities {
		for ki, k := range readinessLevels {
			for si, s := range savings {
				for ri, r := range riskLevels {
					rec, err := a.Recommend(SourcingInputs{Criticality: c, Capability: k, ExpectedSavings: outsourcing.MustPercent(s), Risk: r})
					require.NoError(t, err, "%s %s %s %s", c, k, s, r)
					require.Len(t, rec.Rows, 1)
					used[rec.Rows[0]] = true
					recs[key{ci, ki, si, ri}] = rec
				}
			}
		}
	}
	for _, row := range a.Table().Rules {
		assert.True(t, used[row.ID], "row %s is never the result", row.ID)
	}
	// next moves one input a step up; worse says whether a step up may
	// only narrow the scope and shorten the distance.
	steps := []struct {
		name  string
		next  func(key) (key, bool)
		worse bool
	}{
		{"criticality", func(k key) (key, bool) { k.c++; return k, k.c < len(criticalities) }, true},
		{"risk", func(k key) (key, bool) { k.r++; return k, k.r < len(riskLevels) }, true},
		{"capability", func(k key) (key, bool) { k.k++; return k, k.k < len(readinessLevels) }, false},
		{"savings", func(k key) (key, bool) { k.s++; return k, k.s < len(savings) }, false},
	}
	for k, rec := range recs {
		for _, st := range steps {
			up, ok := st.next(k)
			if !ok {
				continue
			}
			next := recs[up]
			msg := fmt.Sprintf("%s up from %+v: %s/%s -> %s/%s", st.name, k, rec.Scope, rec.Location, next.Scope, next.Location)
			dScope := outsourcingExtent(next.Scope) - outsourcingExtent(rec.Scope)
			dLoc := locationDistance(next.Location) - locationDistance(rec.Location)
			if st.worse {
				assert.LessOrEqual(t, dScope, 0, msg)
				assert.LessOrEqual(t, dLoc, 0, msg)
			} else {
				assert.GreaterOrEqual(t, dScope, 0, msg)
				assert.GreaterOrEqual(t, dLoc, 0, msg)
			}
		}
	}
}

func TestStrategySourcingCustomTable(t *testing.T) {
	doc := `{"id": "cost-first", "hit_policy": "FIRST",
	  "inputs": [{"id": "savings", "expression": "expected_savings"}, {"id": "risk", "expression": "risk_rank"}],
	  "outputs": [{"name": "scope", "type": "string"}, {"name": "location", "type": "string", "default": "onshore"}],
	  "rules": [
	    {"id": "cheap", "when": [">= 40", "<= 3"], "then": ["total", "offshore"], "description": "our policy"},
	    {"id": "some", "when": ["[15..40)", "-"], "then": ["selective", "nearshore"]}
	  ]}`
	spec, err := rules.ParseTableSpec([]byte(doc))
	require.NoError(t, err)
	a, err := NewSourcingAdvisor(spec)
	require.NoError(t, err)
	in := SourcingInputs{Criticality: CriticalityHigh, Capability: ReadinessReady, ExpectedSavings: outsourcing.MustPercent("45"), Risk: outsourcing.RiskLevelModerate}
	rec, err := a.Recommend(in)
	require.NoError(t, err)
	assert.Equal(t, Recommendation{Scope: SourcingScopeTotal, Location: SourcingLocationOffshore, Table: "cost-first",
		Rows: []string{"cheap"}, Matched: []string{"cheap"}, Description: "our policy"}, rec)

	in.Risk = outsourcing.RiskLevelHigh // rank 4 fails "<= 3"; 45 is outside [15..40)
	_, err = a.Recommend(in)
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	spec.Outputs[0].Default = "in_house" // now the defaults give a whole recommendation
	withDefault, err := NewSourcingAdvisor(spec)
	require.NoError(t, err)
	rec, err = withDefault.Recommend(in)
	require.NoError(t, err)
	assert.Equal(t, Recommendation{Scope: SourcingScopeInHouse, Location: SourcingLocationOnshore, Table: "cost-first"}, rec)

	in.ExpectedSavings = outsourcing.MustPercent("15")
	rec, err = a.Recommend(in)
	require.NoError(t, err)
	assert.Equal(t, []string{"some"}, rec.Rows)
	assert.Equal(t, SourcingScopeSelective, rec.Scope)

	// The shipped document round-trips through rules.ParseTableSpec.
	spec, err = rules.ParseTableSpec(SourcingTableDocument())
	require.NoError(t, err)
	assert.Equal(t, DefaultSourcingAdvisor().Table(), spec)
	assert.Equal(t, rules.HitPolicyFirst, spec.HitPolicy)
}

func TestStrategySourcingBadInput(t *testing.T) {
	a := DefaultSourcingAdvisor()
	_, err := a.Recommend(SourcingInputs{Criticality: "vital", Capability: ReadinessReady, Risk: "extreme"})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	var fe *outsourcing.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/criticality", fe.Path)
	assert.Contains(t, err.Error(), `risk: unknown risk level "extreme"`)

	good := func() rules.TableSpec {
		return rules.TableSpec{ID: "t", HitPolicy: rules.HitPolicyFirst,
			Inputs:  []rules.TableInput{{ID: "c", Expression: "criticality"}},
			Outputs: []rules.TableOutput{{Name: "scope", Type: rules.ResultString}, {Name: "location", Type: rules.ResultString}},
			Rules:   []rules.TableRow{{When: []string{"-"}, Then: []any{"total", "offshore"}}}}
	}
	_, err = NewSourcingAdvisor(good())
	require.NoError(t, err)
	bad := []struct {
		name, path string
		change     func(*rules.TableSpec)
		is         error
	}{
		{"no location", "/outputs", func(s *rules.TableSpec) { s.Outputs = s.Outputs[:1]; s.Rules[0].Then = s.Rules[0].Then[:1] }, outsourcing.ErrInvalidInput},
		{"numeric scope", "/outputs/0/type", func(s *rules.TableSpec) { s.Outputs[0].Type = rules.ResultNumber; s.Rules[0].Then[0] = "1" }, outsourcing.ErrInvalidInput},
		{"unknown scope", "/rules/0/then/0", func(s *rules.TableSpec) { s.Rules[0].Then[0] = "outsourced" }, outsourcing.ErrInvalidInput},
		{"unknown default location", "/outputs/1/default", func(s *rules.TableSpec) { s.Outputs[1].Default = "moon" }, outsourcing.ErrInvalidInput},
		{"unknown variable", "", func(s *rules.TableSpec) { s.Inputs[0].Expression = "budget" }, outsourcing.ErrRule},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			spec := good()
			b.change(&spec)
			_, err := NewSourcingAdvisor(spec)
			require.ErrorIs(t, err, b.is)
			if b.path != "" {
				var fe *outsourcing.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, b.path, fe.Path)
			}
		})
	}
}

func TestStrategySourcingConcurrent(t *testing.T) {
	a := DefaultSourcingAdvisor()
	in := SourcingInputs{Criticality: CriticalityLow, Capability: ReadinessReady, ExpectedSavings: outsourcing.MustPercent("30"), Risk: outsourcing.RiskLevelLow}
	want, err := a.Recommend(in)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				got, err := a.Recommend(in)
				assert.NoError(t, err)
				assert.Equal(t, want, got)
			}
		})
	}
	wg.Wait()
}

func TestStrategyEnums(t *testing.T) {
	for i, c := range criticalities {
		assert.Equal(t, i+1, c.Rank())
		text, err := c.MarshalText()
		require.NoError(t, err)
		var back Criticality
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, c, back)
	}
	for i, r := range riskLevels {
		assert.Equal(t, i+1, r.Rank())
		var back outsourcing.RiskLevel
		require.NoError(t, back.UnmarshalText([]byte(r.String())))
		assert.Equal(t, r, back)
	}
	assert.Equal(t, 3, ReadinessReady.Rank())
	assert.Equal(t, 0, Criticality("vital").Rank())
	var c Criticality
	assert.ErrorIs(t, c.UnmarshalText([]byte("vital")), outsourcing.ErrInvalidInput)
	var r outsourcing.RiskLevel
	assert.ErrorIs(t, r.UnmarshalText([]byte("severe")), outsourcing.ErrInvalidInput)
	_, err := outsourcing.RiskLevel("severe").MarshalText()
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func TestTCOSavingsPercent(t *testing.T) {
	// 1,000 a year in house against 800 outsourced, one year at 0 %: 20 %.
	tc, err := CompileTCO(tcoModel(PeriodUnitYear, 1, "0",
		SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, "1000")}},
		SourcingOption{ID: "out", Lines: []CostLine{recurring("fees", CostCategoryVendorFees, "800")}}))
	require.NoError(t, err)
	r := tc.Evaluate()
	p, err := r.SavingsPercent("out")
	require.NoError(t, err)
	assertDecimal(t, "20", p.Points())
	_, err = r.SavingsPercent("in")
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = r.SavingsPercent("nope")
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
}
