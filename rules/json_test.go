package rules_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

func TestParseRuleSetRoundTrip(t *testing.T) {
	full := rules.SetSpec{
		ID: "screening", Description: "initial screening (Handbook §2.1)",
		Rules: []rules.Rule{{
			ID: "iso27001", Description: "holds ISO/IEC 27001", Expression: `"ISO27001" in certifications`,
			Type: rules.ResultBool, Severity: outsourcing.SeverityCritical, Tags: []string{"security", "knock-out"},
		}},
	}
	doc, err := json.Marshal(full)
	require.NoError(t, err)
	require.NoError(t, rules.SetSchema().Validate(doc))
	back, err := rules.ParseSet(doc)
	require.NoError(t, err)
	assert.Equal(t, full, back)
	rs, err := rules.Compile[vendorEnv](back.Rules)
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
		"unknown field":  {`{"rules":[{"id":"a","expression":"true","weight":2}]}`, "/rules/0/weight"},
		"wrong type":     {`{"rules":[{"id":"a","expression":true}]}`, "/rules/0/expression"},
		"missing rules":  {`{"id":"x"}`, ""},
		"bad severity":   {`{"rules":[{"id":"a","expression":"true","severity":"urgent"}]}`, "/rules/0/severity"},
		"bad id":         {`{"rules":[{"id":"a b","expression":"true"}]}`, "/rules/0/id"},
		"empty expr":     {`{"rules":[{"id":"a","expression":""}]}`, "/rules/0/expression"},
		"top-level list": {`[]`, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := rules.ParseSet([]byte(c.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			assert.Equal(t, 1, strings.Count(err.Error(), "rules: "), err.Error())
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, c.path, fe.Path)
		})
	}
}

// Malformed JSON is located by line, column and byte offset, and unwraps
// to encoding/json's own error.
func TestParseSetSyntaxErrors(t *testing.T) {
	cases := []struct {
		doc            string
		line, col, off int
	}{
		{"{\"rules\": [", 1, 12, 11},
		{"{\"rules\": []}\n  {}", 2, 3, 16},
		{"{\n  \"rules\": [}\n", 2, 13, 14},
	}
	for _, c := range cases {
		_, err := rules.ParseSet([]byte(c.doc))
		var se *outsourcing.SyntaxError
		require.True(t, errors.As(err, &se), "%q: %v", c.doc, err)
		assert.Equal(t, []int{c.line, c.col, c.off}, []int{se.Line, se.Column, int(se.Offset)}, "%q: %v", c.doc, err)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
		assert.Empty(t, outsourcing.FieldErrors(err))
	}
	var js *json.SyntaxError
	_, err := rules.ParseSet([]byte(`{"rules": [}`))
	assert.True(t, errors.As(err, &js), "unwraps to *json.SyntaxError: %v", err)
}

func TestSchemasAreListedAndCompile(t *testing.T) {
	ids := map[string]bool{}
	for _, s := range outsourcing.Schemas() {
		ids[s.ID()] = true
		assert.NotEmpty(t, s.Source())
		assert.NoError(t, validateAgainstItself(s), s.ID())
	}
	assert.True(t, ids["https://outsourcing-go.github.io/schemas/money.schema.json"])
	assert.True(t, ids["https://outsourcing-go.github.io/schemas/rules/ruleset.schema.json"])
	s, ok := outsourcing.SchemaByID("https://outsourcing-go.github.io/schemas/rules/ruleset.schema.json")
	require.True(t, ok)
	assert.Same(t, rules.SetSchema(), s)
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
		spec, err := rules.ParseSet(doc)
		if err != nil {
			if !errors.Is(err, outsourcing.ErrInvalidInput) {
				t.Fatalf("parse error %v does not match ErrInvalidInput", err)
			}
			return
		}
		rs, err := rules.Compile[vendorEnv](spec.Rules, rules.WithBudget(10_000))
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
		rs, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "f", Expression: src}}, rules.WithBudget(10_000))
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
