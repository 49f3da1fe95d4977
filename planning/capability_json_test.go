package planning

import (
	"encoding/json"
	"testing"

	"github.com/outsourcing-go/outsourcing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullCapabilityJSON fills every field of the capability checklist
// document. By hand: contract items give 2·min(2,4) + 1.5·min(5,3) = 8.5
// of 2·4 + 1.5·3 = 12.5, the exit item 0.5·1 of 0.5·5 (target absent);
// in all 9 of 15 = 60 %.
const fullCapabilityJSON = `{
  "id": "service-desk-readiness",
  "name": "Service desk capability self-assessment",
  "items": [
    {"id": "contract-admin", "area": "contract_management", "question": "Can we administer contract changes?",
     "weight": "2", "score": 2, "target": 4, "critical": true},
    {"id": "contract-drafting", "area": "contract_management", "question": "Can we draft and negotiate the contract?",
     "weight": "1.5", "score": 5, "target": 3},
    {"id": "exit-plan", "area": "exit_management", "question": "Can we take the service back?",
     "weight": "0.50", "score": 1}
  ]
}`

func TestParseCapabilityChecklist(t *testing.T) {
	c, err := ParseCapabilityChecklist([]byte(fullCapabilityJSON))
	require.NoError(t, err)
	assert.Equal(t, "service-desk-readiness", c.ID)
	require.Len(t, c.Items, 3)
	assertDecimal(t, "0.5", c.Items[2].Weight)
	assert.Equal(t, 0, c.Items[2].Target)

	a, err := c.Assess()
	require.NoError(t, err)
	assertDecimal(t, "60", a.Score)
	assert.Equal(t, ReadinessDeveloping, a.Level)
	require.Len(t, a.Areas, 2)
	assertDecimal(t, "68", a.Areas[0].Score) // 8.5 / 12.5
	assertDecimal(t, "20", a.Areas[1].Score) // 0.5 / 2.5
	require.Len(t, a.Gaps, 2)
	assert.Equal(t, "contract-admin", a.Gaps[0].ItemID)
	assertDecimal(t, "26.67", a.Gaps[0].Weighted) // 2·(4−2) of 15
	assert.Equal(t, "exit-plan", a.Gaps[1].ItemID)
	assertDecimal(t, "13.33", a.Gaps[1].Weighted) // 0.5·(5−1) of 15

	// Round trip: marshal, validate against the schema, parse again.
	out, err := json.Marshal(c)
	require.NoError(t, err)
	require.NoError(t, CapabilitySchema().Validate(out), string(out))
	back, err := ParseCapabilityChecklist(out)
	require.NoError(t, err)
	assert.Equal(t, c, back)

	// The default checklist, scored, is a valid document too.
	def := CapabilityChecklist{Items: DefaultCapabilityChecklist()}
	for i := range def.Items {
		def.Items[i].Score = i % (CapabilityMaxScore + 1)
	}
	out, err = json.Marshal(def)
	require.NoError(t, err)
	back, err = ParseCapabilityChecklist(out)
	require.NoError(t, err, string(out))
	assert.Equal(t, def, back)
}

func TestParseCapabilityChecklistBadInput(t *testing.T) {
	item := func(id, extra string) string {
		return `{"id": "` + id + `", "area": "a", "weight": "1", "score": 3` + extra + `}`
	}
	cases := []struct{ name, doc, path string }{
		{"no items", `{"items": []}`, "/items"},
		{"not an object", `[]`, ""},
		{"weight zero", `{"items": [{"id": "a", "area": "a", "weight": "0.00", "score": 3}]}`, "/items/0/weight"},
		{"weight negative", `{"items": [{"id": "a", "area": "a", "weight": "-1", "score": 3}]}`, "/items/0/weight"},
		{"weight as a number", `{"items": [{"id": "a", "area": "a", "weight": 1, "score": 3}]}`, "/items/0/weight"},
		{"score above the scale", `{"items": [{"id": "a", "area": "a", "weight": "1", "score": 6}]}`, "/items/0/score"},
		{"fractional score", `{"items": [{"id": "a", "area": "a", "weight": "1", "score": 2.5}]}`, "/items/0/score"},
		{"target zero", `{"items": [` + item("a", `, "target": 0`) + `]}`, "/items/0/target"},
		{"missing area", `{"items": [{"id": "a", "weight": "1", "score": 3}]}`, "/items/0"},
		{"unknown field", `{"items": [` + item("a", `, "owner": "cio"`) + `]}`, "/items/0/owner"},
		{"duplicate id", `{"items": [` + item("a", "") + `,` + item("a", "") + `]}`, "/items/1/id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCapabilityChecklist([]byte(c.doc))
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path, err.Error())
			assertPkgPrefixOnce(t, err)
		})
	}
}

func FuzzParseCapabilityChecklist(f *testing.F) {
	f.Add([]byte(fullCapabilityJSON))
	f.Add([]byte(`{"items": [{"id": "a", "area": "a", "weight": "0.0000000000000000000000000000000000000001", "score": 0, "target": 5},
		{"id": "b", "area": "b", "weight": "99999999999999999999999999999999999999999999999999", "score": 5, "target": 1, "critical": true}]}`))
	f.Add([]byte(`{"items": [{"id": "a", "area": "a", "weight": "+1", "score": 3.0}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		c, err := ParseCapabilityChecklist(doc)
		if err != nil {
			return
		}
		a, err := c.Assess()
		require.NoError(t, err, "a parsed checklist must assess")
		assert.True(t, a.Score.Sign() >= 0 && a.Score.Cmp(outsourcing.MustDecimal("100")) <= 0, "score %s outside 0..100", a.Score)
		assert.NotEmpty(t, a.Level.Rank())
	})
}
