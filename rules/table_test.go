package rules_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

type dinnerEnv struct {
	Season     string `expr:"season"`
	GuestCount int    `expr:"guest_count"`
}

func loadTable(t *testing.T, name string) rules.TableSpec {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	spec, err := rules.ParseTableSpec(doc)
	require.NoError(t, err)
	return spec
}

func TestDecisionTableCamundaDish(t *testing.T) {
	table, err := rules.CompileTable[dinnerEnv](loadTable(t, "dish.table.json"))
	require.NoError(t, err)
	var cases struct {
		Cases []struct {
			Season string `json:"season"`
			Guests int    `json:"guests"`
			Dish   string `json:"dish"`
			Row    string `json:"row"`
		} `json:"cases"`
	}
	loadTestdata(t, "dish_cases.json", &cases)
	for _, c := range cases.Cases {
		d, err := table.Decide(dinnerEnv{Season: c.Season, GuestCount: c.Guests})
		require.NoError(t, err)
		dish, ok := d.Output("dish")
		require.True(t, ok, "%+v", c)
		assert.Equal(t, c.Dish, dish, "%+v", c)
		assert.Equal(t, []string{c.Row}, d.Rows)
	}
	d, err := table.Decide(dinnerEnv{Season: "Monsoon", GuestCount: 2})
	require.NoError(t, err)
	assert.Empty(t, d.Rows, "no row for an unknown season")
	_, ok := d.Output("dish")
	assert.False(t, ok)
}

// escalationEnv routes an SLA breach (Handbook §4.2 escalation, §6.3).
type escalationEnv struct {
	Priority  int                 `expr:"priority"`
	Penalty   outsourcing.Decimal `expr:"penalty"`
	Region    string              `expr:"region"`
	Repeated  bool                `expr:"repeated"`
	HoursLate float64             `expr:"hours_late"`
}

func escalationTable(policy rules.HitPolicy, agg rules.Aggregation) rules.TableSpec {
	return rules.TableSpec{
		ID: "escalation", HitPolicy: policy, Aggregation: agg,
		Inputs: []rules.TableInput{
			{ID: "priority", Expression: "priority"},
			{ID: "penalty", Expression: "penalty"},
			{ID: "region", Expression: "region"},
			{ID: "late", Expression: "hours_late"},
		},
		Outputs: []rules.TableOutput{{Name: "points", Type: rules.ResultDecimal}},
		Rules: []rules.TableRow{
			{ID: "p1", When: []string{"1", "-", "-", "-"}, Then: []any{"5"}},
			{ID: "big", When: []string{"-", ">= 10000", "-", "-"}, Then: []any{"3.5"}},
			{ID: "emea", When: []string{"-", "-", `"EMEA","APAC"`, "-"}, Then: []any{"1"}},
			{ID: "late", When: []string{"-", "-", "-", "(4..24]"}, Then: []any{"2"}},
			{ID: "other", When: []string{"not(1)", "< 10000", `not("EMEA","APAC")`, "? <= 4"}, Then: []any{"0"}},
		},
	}
}

func TestDecisionTableHitPolicies(t *testing.T) {
	env := escalationEnv{Priority: 1, Penalty: outsourcing.MustDecimal("12000.00"), Region: "EMEA", HoursLate: 6}
	// Rows p1, big, emea and late hold; "other" does not (priority is 1).
	cases := []struct {
		policy rules.HitPolicy
		agg    rules.Aggregation
		rows   []string
		agg10  string
		err    bool
	}{
		{policy: rules.HitPolicyFirst, rows: []string{"p1"}},
		{policy: rules.HitPolicyRuleOrder, rows: []string{"p1", "big", "emea", "late"}},
		{policy: rules.HitPolicyCollect, rows: []string{"p1", "big", "emea", "late"}},
		{policy: rules.HitPolicyCollect, agg: rules.AggregationSum, rows: []string{"p1", "big", "emea", "late"}, agg10: "11.5"},
		{policy: rules.HitPolicyCollect, agg: rules.AggregationCount, rows: []string{"p1", "big", "emea", "late"}, agg10: "4"},
		{policy: rules.HitPolicyCollect, agg: rules.AggregationMin, rows: []string{"p1", "big", "emea", "late"}, agg10: "1"},
		{policy: rules.HitPolicyCollect, agg: rules.AggregationMax, rows: []string{"p1", "big", "emea", "late"}, agg10: "5"},
		{policy: rules.HitPolicyUnique, err: true},
		{policy: rules.HitPolicyAny, err: true},
	}
	for _, c := range cases {
		t.Run(string(c.policy)+string(c.agg), func(t *testing.T) {
			table, err := rules.CompileTable[escalationEnv](escalationTable(c.policy, c.agg))
			require.NoError(t, err)
			d, err := table.Decide(env)
			if c.err {
				var hp *rules.HitPolicyError
				require.ErrorAs(t, err, &hp)
				assert.Equal(t, []string{"p1", "big", "emea", "late"}, hp.Rows)
				assert.ErrorIs(t, err, outsourcing.ErrRule)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.rows, d.Rows)
			if c.policy == rules.HitPolicyFirst {
				assert.Equal(t, []string{"p1"}, d.Matched, "FIRST stops at the first match")
			} else {
				assert.Equal(t, []string{"p1", "big", "emea", "late"}, d.Matched)
			}
			if c.agg10 != "" {
				assert.True(t, d.Aggregated)
				assertDecimal(t, c.agg10, d.Aggregate)
			}
		})
	}
	t.Run("other row and interval bounds", func(t *testing.T) {
		table, err := rules.CompileTable[escalationEnv](escalationTable(rules.HitPolicyRuleOrder, ""))
		require.NoError(t, err)
		for _, c := range []struct {
			late float64
			rows []string
		}{{4, []string{"other"}}, {4.5, []string{"late"}}, {24, []string{"late"}}, {24.5, nil}} {
			d, err := table.Decide(escalationEnv{Priority: 2, Penalty: outsourcing.MustDecimal("9999.99"), Region: "AMER", HoursLate: c.late})
			require.NoError(t, err)
			assert.Equal(t, c.rows, d.Rows, "late %v", c.late)
		}
	})
}

func TestDecisionTableAnyAndPriority(t *testing.T) {
	spec := rules.TableSpec{
		ID: "route", HitPolicy: rules.HitPolicyAny,
		Inputs:  []rules.TableInput{{ID: "p", Expression: "priority"}, {ID: "r", Expression: "repeated"}},
		Outputs: []rules.TableOutput{{Name: "to", Type: rules.ResultString, Values: []string{"board", "director", "manager"}, Default: "manager"}},
		Rules: []rules.TableRow{
			{When: []string{"<= 2", "-"}, Then: []any{"director"}},
			{When: []string{"-", "true"}, Then: []any{"director"}},
			{When: []string{"1", "true"}, Then: []any{"board"}},
		},
	}
	any, err := rules.CompileTable[escalationEnv](spec)
	require.NoError(t, err)
	d, err := any.Decide(escalationEnv{Priority: 2, Repeated: true})
	require.NoError(t, err, "ANY: overlapping rows agree")
	assert.Equal(t, []string{"r1"}, d.Rows)
	_, err = any.Decide(escalationEnv{Priority: 1, Repeated: true})
	assert.ErrorIs(t, err, outsourcing.ErrRule, "ANY: overlapping rows disagree")
	d, err = any.Decide(escalationEnv{Priority: 4})
	require.NoError(t, err)
	to, _ := d.Output("to")
	assert.Equal(t, "manager", to, "default when nothing matches")

	spec.HitPolicy = rules.HitPolicyPriority
	prio, err := rules.CompileTable[escalationEnv](spec)
	require.NoError(t, err)
	d, err = prio.Decide(escalationEnv{Priority: 1, Repeated: true})
	require.NoError(t, err)
	to, _ = d.Output("to")
	assert.Equal(t, "board", to)
	assert.Equal(t, []string{"r3"}, d.Rows)
}

func TestDecisionTableErrors(t *testing.T) {
	good := escalationTable(rules.HitPolicyFirst, "")
	mutate := func(f func(*rules.TableSpec)) rules.TableSpec {
		s := good
		s.Inputs = append([]rules.TableInput(nil), good.Inputs...)
		s.Outputs = append([]rules.TableOutput(nil), good.Outputs...)
		s.Rules = append([]rules.TableRow(nil), good.Rules...)
		for r := range s.Rules {
			s.Rules[r].When = append([]string(nil), s.Rules[r].When...)
		}
		f(&s)
		return s
	}
	cases := map[string]struct {
		spec     rules.TableSpec
		sentinel error
		path     string
	}{
		"unknown hit policy":      {mutate(func(s *rules.TableSpec) { s.HitPolicy = "OUTPUT SORT" }), outsourcing.ErrInvalidInput, "/hit_policy"},
		"aggregation not collect": {mutate(func(s *rules.TableSpec) { s.Aggregation = rules.AggregationSum }), outsourcing.ErrInvalidInput, "/aggregation"},
		"cell count":              {mutate(func(s *rules.TableSpec) { s.Rules[0].When = []string{"1"} }), outsourcing.ErrInvalidInput, "/rules/0/when"},
		"value count":             {mutate(func(s *rules.TableSpec) { s.Rules[1].Then = nil }), outsourcing.ErrInvalidInput, "/rules/1/then"},
		"value type":              {mutate(func(s *rules.TableSpec) { s.Rules[2].Then = []any{"lots"} }), outsourcing.ErrInvalidInput, "/rules/2/then/0"},
		"duplicate row":           {mutate(func(s *rules.TableSpec) { s.Rules[1].ID = "p1" }), outsourcing.ErrInvalidInput, "/rules/1/id"},
		"bad cell":                {mutate(func(s *rules.TableSpec) { s.Rules[3].When[3] = ">= \"x\"" }), outsourcing.ErrRule, "/rules/3/when/3"},
		"cell syntax":             {mutate(func(s *rules.TableSpec) { s.Rules[2].When[1] = "> (" }), outsourcing.ErrRule, "/rules/2/when/1"},
		"unknown field in input":  {mutate(func(s *rules.TableSpec) { s.Inputs[0].Expression = "urgency" }), outsourcing.ErrRule, "/inputs/0/expression"},
		"priority without list":   {mutate(func(s *rules.TableSpec) { s.HitPolicy = rules.HitPolicyPriority }), outsourcing.ErrInvalidInput, "/outputs/0/values"},
		"no inputs":               {mutate(func(s *rules.TableSpec) { s.Inputs = nil }), outsourcing.ErrInvalidInput, "/inputs"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := rules.CompileTable[escalationEnv](c.spec)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.sentinel)
			assert.NotContains(t, err.Error(), "rules: ", "the caller's package adds its prefix")
			fields := outsourcing.FieldErrors(err)
			require.NotEmpty(t, fields, err.Error())
			assert.Equal(t, c.path, fields[0].Path, err.Error())
			assert.NotContains(t, fields[0].Reason, "rules: ")
		})
	}
}

// A number column lists its values as text; a listed 1000000 is the
// number 1000000, never 1e+06 (issue 10).
func TestDecisionTableNumberValues(t *testing.T) {
	spec := rules.TableSpec{
		ID: "limits", HitPolicy: rules.HitPolicyPriority,
		Inputs:  []rules.TableInput{{ID: "p", Expression: "priority"}},
		Outputs: []rules.TableOutput{{Name: "cap", Type: rules.ResultNumber, Values: []string{"1000000", "250000.5"}}},
		Rules: []rules.TableRow{
			{When: []string{">= 1"}, Then: []any{250000.5}},
			{When: []string{"1000000, 1"}, Then: []any{1000000}},
		},
	}
	table, err := rules.CompileTable[escalationEnv](spec)
	require.NoError(t, err)
	d, err := table.Decide(escalationEnv{Priority: 1})
	require.NoError(t, err)
	assert.Equal(t, []string{"r2"}, d.Rows)
	v, _ := d.Output("cap")
	assert.Equal(t, 1e6, v)
}

// The caller's limits apply to tables: nodes and bytes per cell, rows as
// rules, the budget per decision.
func TestDecisionTableOptions(t *testing.T) {
	spec := escalationTable(rules.HitPolicyRuleOrder, "")
	spec.Rules[4].When[3] = "? <= 4 && ? >= 0 && ? != 1"
	_, err := rules.CompileTable[escalationEnv](spec, rules.WithMaxNodes(5))
	assert.ErrorIs(t, err, outsourcing.ErrLimit)
	require.NotEmpty(t, outsourcing.FieldErrors(err))
	assert.Equal(t, "/rules/4/when/3", outsourcing.FieldErrors(err)[0].Path)
	_, err = rules.CompileTable[escalationEnv](spec, rules.WithMaxRules(4))
	assert.ErrorIs(t, err, outsourcing.ErrLimit)

	type listEnv struct {
		Scores []int `expr:"scores"`
	}
	loop := rules.TableSpec{ID: "loop", HitPolicy: rules.HitPolicyFirst,
		Inputs:  []rules.TableInput{{ID: "s", Expression: "scores"}},
		Outputs: []rules.TableOutput{{Name: "o", Type: rules.ResultBool}},
		Rules:   []rules.TableRow{{When: []string{"all(?, {# >= 0})"}, Then: []any{true}}}}
	table, err := rules.CompileTable[listEnv](loop, rules.WithBudget(1000))
	require.NoError(t, err)
	_, err = table.Decide(listEnv{Scores: make([]int, 10)})
	require.NoError(t, err)
	_, err = table.Decide(listEnv{Scores: make([]int, 2000)})
	assert.ErrorIs(t, err, outsourcing.ErrLimit)
}

// CompileTable keeps its own copy: changing the spec afterwards changes
// no later decision, nor does changing a decision's outputs.
func TestDecisionTableCopiesSpec(t *testing.T) {
	spec := rules.TableSpec{
		ID: "route", HitPolicy: rules.HitPolicyPriority,
		Inputs:  []rules.TableInput{{ID: "p", Expression: "priority"}},
		Outputs: []rules.TableOutput{{Name: "to", Type: rules.ResultString, Values: []string{"board", "manager"}, Default: "manager"}},
		Rules: []rules.TableRow{
			{When: []string{"1"}, Then: []any{"board"}},
			{When: []string{"<= 2"}, Then: []any{"manager"}},
		},
	}
	table, err := rules.CompileTable[escalationEnv](spec)
	require.NoError(t, err)
	spec.Rules[0].When[0] = "9"
	spec.Rules[0].Then[0] = "manager"
	spec.Outputs[0].Values[0] = "manager"
	spec.Outputs[0].Default = "board"
	spec.Inputs[0].Expression = "penalty"
	d, err := table.Decide(escalationEnv{Priority: 1})
	require.NoError(t, err)
	to, _ := d.Output("to")
	assert.Equal(t, "board", to)
	d, err = table.Decide(escalationEnv{Priority: 5})
	require.NoError(t, err)
	d.Outputs[0]["to"] = "nobody"
	d, err = table.Decide(escalationEnv{Priority: 5})
	require.NoError(t, err)
	to, _ = d.Output("to")
	assert.Equal(t, "manager", to)
	assert.Equal(t, "board", table.Spec().Outputs[0].Values[0])
}

// OUTPUT ORDER on Laserfiche's credit-offer sample (testdata).
func TestDecisionTableOutputOrder(t *testing.T) {
	type applicant struct {
		Score int `expr:"credit_score"`
		Age   int `expr:"age"`
	}
	table, err := rules.CompileTable[applicant](loadTable(t, "offers.table.json"))
	require.NoError(t, err)
	d, err := table.Decide(applicant{Score: 763, Age: 21})
	require.NoError(t, err)
	assert.Equal(t, []string{"r2", "r3"}, d.Matched)
	assert.Equal(t, []string{"r3", "r2"}, d.Rows, "Basic ranks above Advanced")
}

func TestParseTableSpecErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"unknown field":   `{"id":"t","hit_policy":"FIRST","inputs":[{"id":"a","expression":"x"}],"outputs":[{"name":"o","type":"string"}],"rules":[],"version":2}`,
		"bad hit policy":  `{"id":"t","hit_policy":"first","inputs":[{"id":"a","expression":"x"}],"outputs":[{"name":"o","type":"string"}],"rules":[]}`,
		"object in then":  `{"id":"t","hit_policy":"FIRST","inputs":[{"id":"a","expression":"x"}],"outputs":[{"name":"o","type":"string"}],"rules":[{"when":["-"],"then":[{}]}]}`,
		"missing outputs": `{"id":"t","hit_policy":"FIRST","inputs":[{"id":"a","expression":"x"}],"rules":[]}`,
	} {
		_, err := rules.ParseTableSpec([]byte(doc))
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, name)
	}
}

func FuzzParseTableSpec(f *testing.F) {
	doc, err := os.ReadFile(filepath.Join("testdata", "dish.table.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(doc)
	f.Add([]byte(`{"id":"t","hit_policy":"COLLECT","aggregation":"SUM","inputs":[{"id":"a","expression":"guest_count"}],"outputs":[{"name":"o","type":"decimal"}],"rules":[{"when":["[1..5)"],"then":["1.5"]},{"when":["not(2,3)"],"then":[2]}]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		spec, err := rules.ParseTableSpec(doc)
		if err != nil {
			return
		}
		table, err := rules.CompileTable[dinnerEnv](spec, rules.WithBudget(10_000))
		if err != nil {
			return
		}
		_, _ = table.Decide(dinnerEnv{Season: "Spring", GuestCount: 5})
	})
}

func TestTableSpecRoundTrip(t *testing.T) {
	full := rules.TableSpec{
		ID: "route", Description: "every field set", HitPolicy: rules.HitPolicyCollect, Aggregation: rules.AggregationSum,
		Inputs:  []rules.TableInput{{ID: "p", Label: "priority", Expression: "priority"}},
		Outputs: []rules.TableOutput{{Name: "points", Type: rules.ResultDecimal, Values: []string{"1.5", "2"}, Default: "2"}},
		Rules: []rules.TableRow{
			{ID: "low", When: []string{"<= 2"}, Then: []any{"1.5"}, Description: "low priority"},
			{ID: "high", When: []string{"> 2"}, Then: []any{"2"}},
		},
	}
	doc, err := json.Marshal(full)
	require.NoError(t, err)
	require.NoError(t, rules.TableSchema().Validate(doc))
	back, err := rules.ParseTableSpec(doc)
	require.NoError(t, err)
	assert.Equal(t, full, back)
	table, err := rules.CompileTable[escalationEnv](back)
	require.NoError(t, err)
	d, err := table.Decide(escalationEnv{Priority: 1})
	require.NoError(t, err)
	assertDecimal(t, "1.5", d.Aggregate)
}
