package outsourcing_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

func TestParseRuleSetRoundTrip(t *testing.T) {
	full := outsourcing.RuleSetSpec{
		ID: "screening", Description: "initial screening (Handbook §2.1)",
		Rules: []outsourcing.Rule{{
			ID: "iso27001", Description: "holds ISO/IEC 27001", Expression: `"ISO27001" in certifications`,
			Type: outsourcing.ResultBool, Severity: outsourcing.SeverityCritical, Tags: []string{"security", "knock-out"},
		}},
	}
	doc, err := json.Marshal(full)
	require.NoError(t, err)
	require.NoError(t, outsourcing.RuleSetSchema.Validate(doc))
	back, err := outsourcing.ParseRuleSet(doc)
	require.NoError(t, err)
	assert.Equal(t, full, back)
	rs, err := outsourcing.CompileRules[vendorEnv](back.Rules)
	require.NoError(t, err)
	ok, err := rs.Bool("iso27001", sampleVendor())
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestParseRuleSetErrors(t *testing.T) {
	cases := map[string]struct {
		doc  string
		path string
	}{
		"unknown field":  {`{"rules":[{"id":"a","expression":"true","weight":2}]}`, "/rules/0"},
		"wrong type":     {`{"rules":[{"id":"a","expression":true}]}`, "/rules/0/expression"},
		"missing rules":  {`{"id":"x"}`, "/"},
		"bad severity":   {`{"rules":[{"id":"a","expression":"true","severity":"urgent"}]}`, "/rules/0/severity"},
		"bad id":         {`{"rules":[{"id":"a b","expression":"true"}]}`, "/rules/0/id"},
		"empty expr":     {`{"rules":[{"id":"a","expression":""}]}`, "/rules/0/expression"},
		"not json":       {`{"rules":[`, ""},
		"trailing data":  {`{"rules":[]} {}`, ""},
		"top-level list": {`[]`, "/"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := outsourcing.ParseRuleSet([]byte(c.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			assert.Contains(t, err.Error(), "outsourcing: ")
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, c.path, fe.Path)
		})
	}
}

func TestSchemasAreListedAndCompile(t *testing.T) {
	ids := map[string]bool{}
	for _, s := range outsourcing.Schemas() {
		ids[s.ID()] = true
		assert.NotEmpty(t, s.Source())
		assert.NoError(t, validateAgainstItself(s), s.ID())
	}
	assert.True(t, ids["https://outsourcing-go.github.io/schemas/money.schema.json"])
	assert.True(t, ids["https://outsourcing-go.github.io/schemas/ruleset.schema.json"])
	s, ok := outsourcing.SchemaByID("https://outsourcing-go.github.io/schemas/ruleset.schema.json")
	require.True(t, ok)
	assert.Same(t, outsourcing.RuleSetSchema, s)
	big := make([]byte, outsourcing.MaxDocumentSize+1)
	assert.ErrorIs(t, s.Validate(big), outsourcing.ErrInvalidInput)
}

// validateAgainstItself checks that the schema compiles (validating any
// document does) — a broken $ref surfaces here.
func validateAgainstItself(s *outsourcing.Schema) error {
	err := s.Validate([]byte(`{}`))
	var fe *outsourcing.FieldError
	if err == nil || errors.As(err, &fe) {
		return nil
	}
	return err
}

func FuzzParseRuleSet(f *testing.F) {
	f.Add([]byte(`{"rules":[{"id":"a","expression":"headcount > 10"}]}`))
	f.Add([]byte(`{"id":"x","rules":[{"id":"a","expression":"fee * 0.05","type":"decimal","tags":["t"]}]}`))
	f.Add([]byte(`{"rules":[{"id":"a","expression":"all(scores, {all(scores, {# > 0})})"}]}`))
	f.Add([]byte(`{"rules":[{"id":"a","expression":"(("}]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		spec, err := outsourcing.ParseRuleSet(doc)
		if err != nil {
			if !errors.Is(err, outsourcing.ErrInvalidInput) {
				t.Fatalf("parse error %v does not match ErrInvalidInput", err)
			}
			return
		}
		rs, err := outsourcing.CompileRules[vendorEnv](spec.Rules, outsourcing.WithBudget(10_000))
		if err != nil {
			if !errors.Is(err, outsourcing.ErrRule) {
				t.Fatalf("compile error %v does not match ErrRule", err)
			}
			return
		}
		_, _ = rs.Eval(sampleVendor())
	})
}

func FuzzCompileRule(f *testing.F) {
	for _, src := range []string{`headcount > 1`, `fee * 0.05 > credit`, `quote <= budget`, `name + "x"`,
		`any(children, {"x" in .certs})`, `Dec("1.5") / 0`, `1..10`, `{"a": 1}.a`, `let x = 1; x + 1`} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		rs, err := outsourcing.CompileRules[vendorEnv]([]outsourcing.Rule{{ID: "f", Expression: src}}, outsourcing.WithBudget(10_000))
		if err != nil {
			if !errors.Is(err, outsourcing.ErrRule) {
				t.Fatalf("compile error %v does not match ErrRule", err)
			}
			return
		}
		if _, err := rs.Eval(sampleVendor()); err != nil && !errors.Is(err, outsourcing.ErrRule) {
			t.Fatalf("eval error %v does not match ErrRule", err)
		}
		_, _ = rs.Explain(sampleVendor())
	})
}
