package vendors

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func samplePool(t testing.TB) json.RawMessage {
	var ref struct{ Pool json.RawMessage }
	testkit.LoadJSON(t, "testdata/pool.json", &ref)
	return ref.Pool
}

func TestPoolRoundTrip(t *testing.T) {
	doc := samplePool(t)
	spec, err := ParsePool(doc)
	require.NoError(t, err)
	back, err := json.Marshal(spec)
	require.NoError(t, err)
	again, err := ParsePool(back)
	require.NoError(t, err)
	want, err := json.Marshal(again)
	require.NoError(t, err)
	assert.JSONEq(t, string(back), string(want))
	pool, err := CompilePool(spec)
	require.NoError(t, err)
	assert.Equal(t, []string{"acme", "globex"}, pool.IDs())
	p, ok := pool.Profile("acme")
	require.True(t, ok)
	p.Certifications[0].Standard = "changed"
	p2, _ := pool.Profile("acme")
	assert.Equal(t, "ISO27001", p2.Certifications[0].Standard, "a profile handed out is a copy")
}

func TestPoolBadInput(t *testing.T) {
	base := func(t *testing.T) PoolSpec {
		spec, err := ParsePool(samplePool(t))
		require.NoError(t, err)
		return spec
	}
	t.Run("duplicate id", func(t *testing.T) {
		s := base(t)
		s.Vendors[1].ID = "acme"
		_, err := CompilePool(s)
		assertProblem(t, err, outsourcing.ErrInvalidInput, "/vendors/1/id", `"acme"`, "/vendors/0")
	})
	t.Run("currency", func(t *testing.T) {
		s := base(t)
		s.Vendors[0].Financials.Revenue = outsourcing.MustMoney("1", "USD")
		_, err := CompilePool(s)
		assertProblem(t, err, outsourcing.ErrCurrencyMismatch, "/vendors/0/financials/revenue", `"acme"`, "USD")
	})
	t.Run("expiry", func(t *testing.T) {
		s := base(t)
		s.Vendors[0].Certifications[1].Expires = s.Vendors[0].Certifications[1].Issued
		_, err := CompilePool(s)
		assertProblem(t, err, outsourcing.ErrInvalidInput, "/vendors/0/certifications/1/expires", `"acme"`, "ISO9001")
	})
	for name, c := range map[string]struct{ doc, path string }{
		"malformed date":   {`{"vendors": [{"id": "a", "name": "A", "certifications": [{"standard": "ISO27001", "issued": "2024-13-01", "expires": "2025-01-01T00:00:00Z"}]}]}`, "/vendors/0/certifications/0/issued"},
		"unknown property": {`{"vendors": [{"id": "a", "name": "A", "ceo": "x"}]}`, "/vendors/0/ceo"},
		"bad source":       {`{"vendors": [{"id": "a", "name": "A", "sources": ["rumour"]}]}`, "/vendors/0/sources/0"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParsePool([]byte(c.doc))
			assertProblem(t, err, outsourcing.ErrInvalidInput, c.path)
		})
	}
}

func TestScreeningAndPipeline(t *testing.T) {
	spec, err := ParsePool(samplePool(t))
	require.NoError(t, err)
	pool, err := CompilePool(spec)
	require.NoError(t, err)
	set, err := rules.ParseSet([]byte(`{"rules": [
	  {"id": "iso27001", "description": "ISO 27001 in force", "expression": "\"ISO27001\" in certifications"},
	  {"id": "iso9001", "expression": "\"ISO9001\" in certifications"},
	  {"id": "finance", "expression": "has_financials && revenue >= 100000000 && current_ratio >= 1.2 && investment_grade"},
	  {"id": "litigation", "expression": "litigation_exposure < 1000000 && open_litigation <= 1"},
	  {"id": "nearshore", "expression": "\"nearshore\" in delivery_models && case_studies >= 1 && years_in_business >= 10"}
	]}`))
	require.NoError(t, err)
	s, err := CompileScreening(set)
	require.NoError(t, err)
	asOf := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	res, err := s.Screen(pool, asOf)
	require.NoError(t, err)
	assert.Equal(t, 5, res.Rules, "every vendor was screened against the five rules")
	acme := res.Vendors[0]
	require.Len(t, acme.KnockOuts, 1, "acme's ISO 9001 certificate expired in 2024")
	assert.Equal(t, "iso9001", acme.KnockOuts[0].Rule)
	assert.Equal(t, []RuleInput{{Name: "certifications", Value: "ISO27001"}}, acme.KnockOuts[0].Inputs)
	assert.Equal(t, "iso9001 (certifications = ISO27001)", acme.KnockOuts[0].String())
	require.Len(t, acme.NotCounted, 1)
	assert.Equal(t, "ISO9001 certificate expired on 2024-01-01", acme.NotCounted[0].String())
	globex := res.Vendors[1]
	assert.Len(t, globex.KnockOuts, 4, "globex has no open litigation")
	assert.Equal(t, "finance (current_ratio = unknown, has_financials = false, investment_grade = false, revenue = unknown)", globex.KnockOuts[2].String(),
		"the values a rule read, by name; no financials is not a revenue of 0")

	// A year later the ISO 27001 certificate has expired too.
	later, err := s.Screen(pool, asOf.AddDate(1, 0, 0))
	require.NoError(t, err)
	assert.Len(t, later.Vendors[0].KnockOuts, 2)

	p := NewPipeline(pool)
	moved, err := p.Apply(res.Moves(asOf, "screening")...)
	require.NoError(t, err)
	assert.Equal(t, []string{"acme", "globex"}, moved.In(StageRejected))
	assert.Equal(t, []string{"acme", "globex"}, p.In(StageLongList), "Apply leaves the original unchanged")
	assert.Contains(t, moved.History()[0].Reason, "knocked out at 2025-03-01")

	_, err = moved.Apply(Move{Vendor: "acme", To: StageShortList, Reason: "appeal"}, Move{Vendor: "zeta", To: StageShortList, Reason: "x"}, Move{Vendor: "globex", To: StageRejected})
	assertProblem(t, err, outsourcing.ErrTransition, "/moves/0/to", `"acme"`, "rejected")
	assertProblem(t, err, outsourcing.ErrNotFound, "/moves/1/vendor", `"zeta"`)
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/moves/2/reason", `"globex"`)
	assert.ErrorIs(t, NextStage(StageLongList, StageSelected), outsourcing.ErrTransition)
	assert.NoError(t, NextStage(StageEvaluated, StageSelected))
}

// TestScreeningInputs renders every field of ScreeningEnv by its expr
// name, so a field added to the environment cannot go unexplained.
func TestScreeningInputs(t *testing.T) {
	env := NewScreeningEnv(Profile{ID: "a"}, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	typ := reflect.TypeFor[ScreeningEnv]()
	for i := range typ.NumField() {
		name := typ.Field(i).Tag.Get("expr")
		in, ok := env.input(name)
		assert.True(t, ok, name)
		assert.NotEmpty(t, in.Value, name)
	}
	in, _ := env.input("certifications")
	assert.Equal(t, "certifications = none", in.String())
	env = NewScreeningEnv(Profile{ID: "a", Financials: &Financials{Revenue: outsourcing.MustMoney("8000000.00", "EUR"), CurrentRatio: outsourcing.MustDecimal("1.20")}}, time.Time{})
	in, _ = env.input("revenue")
	assert.Equal(t, "revenue = 8000000", in.String())
	in, _ = env.input("current_ratio")
	assert.Equal(t, "current_ratio = 1.2", in.String())
	_, ok := env.input("no_such_field")
	assert.False(t, ok)
}

func TestScreeningCompileError(t *testing.T) {
	_, err := CompileScreening(rules.SetSpec{Rules: []rules.Rule{{ID: "bad", Expression: "no_such_field > 1"}}})
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	_, err = CompileScreening(rules.SetSpec{Rules: []rules.Rule{{ID: "num", Expression: "headcount + 1"}}})
	assert.ErrorIs(t, err, outsourcing.ErrRule)
}

// A move dated before the vendor's previous move would record an
// impossible path (evaluated on 1 February after being short-listed on
// 1 March); it is refused. Two moves on one day, in order, are fine, as
// are undated moves.
func TestPipelineMovesInDateOrder(t *testing.T) {
	pool, err := CompilePool(PoolSpec{Vendors: []Profile{{ID: "acme", LegalName: "Acme"}, {ID: "zeta", LegalName: "Zeta"}}})
	require.NoError(t, err)
	march, feb := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 9, 0, 0, 0, time.UTC)
	p, err := NewPipeline(pool).Apply(Move{Vendor: "acme", To: StageShortList, Reason: "screened", At: march})
	require.NoError(t, err)

	_, err = p.Apply(Move{Vendor: "acme", To: StageEvaluated, Reason: "scored", At: feb})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/moves/0/at", `"acme"`, "before its previous move")
	_, err = NewPipeline(pool).Apply(Move{Vendor: "zeta", To: StageShortList, Reason: "screened", At: march},
		Move{Vendor: "zeta", To: StageEvaluated, Reason: "scored", At: feb})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/moves/1/at", `"zeta"`)

	q, err := p.Apply(Move{Vendor: "acme", To: StageEvaluated, Reason: "scored", At: march},
		Move{Vendor: "acme", To: StageSelected, Reason: "chosen", At: march.Add(time.Hour)},
		Move{Vendor: "zeta", To: StageShortList, Reason: "screened", At: feb},
		Move{Vendor: "zeta", To: StageRejected, Reason: "withdrew"})
	require.NoError(t, err)
	assert.Len(t, q.History(), 5)
}
