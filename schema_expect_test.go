package outsourcing_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
)

// expectSchema's properties fail patterns and formats with and without
// descriptions, directly and through $ref.
var expectSchema = outsourcing.MustRegisterSchema([]byte(`{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://outsourcing-go.github.io/schemas/test/expect.schema.json",
  "type": "object",
  "properties": {
    "start": {"$ref": "https://outsourcing-go.github.io/schemas/money.schema.json#/$defs/date"},
    "at": {"$ref": "https://outsourcing-go.github.io/schemas/money.schema.json#/$defs/instant"},
    "amount": {"$ref": "https://outsourcing-go.github.io/schemas/money.schema.json#/$defs/decimal"},
    "code": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 3},
    "odd/key": {"description": "Lower-case letters.", "type": "string", "pattern": "^[a-z]+$"}
  }
}`))

// A failed pattern or format says what is expected, from the failing
// schema's description (its first sentence), once per value; the path is
// the value's pointer, as for every other problem.
func TestSchemaPatternFailuresSayWhatIsExpected(t *testing.T) {
	const date = `must be a calendar date, RFC 3339 full-date in the years 0001 to 9999: "2026-01-31"`
	for _, c := range []struct{ doc, want string }{
		{`{"start": "2026-1-31"}`, "/start: " + date},
		{`{"start": "0000-01-31"}`, "/start: " + date},
		{`{"start": "2026-02-30"}`, "/start: " + date}, // the format fails, not the pattern
		{`{"at": "2027-01-12 09:10:00Z"}`, `/at: must be a date and time, RFC 3339 as the SDK reads it: upper-case T and Z, ` +
			`seconds 00 to 59 (no leap second), an optional fraction, Z or an offset +hh:mm/-hh:mm; ` +
			`e.g. "2027-01-12T09:10:00+01:00" or "2027-01-12T08:10:00.5Z"`},
		{`{"amount": "1.5e3"}`, `/amount: must be an exact decimal number written as a string in plain notation, e.g. "1250.00" or "-0.5"`},
		{`{"odd/key": "ABC"}`, "/odd~1key: must be lower-case letters"},
		{`{"code": "ABC"}`, "/code: does not match pattern '^[a-z]+$'"},
		{`{"code": "abcd"}`, "/code: length must be <= 3, but got 4"},
	} {
		var got []string
		for _, fe := range outsourcing.FieldErrors(expectSchema.Validate([]byte(c.doc))) {
			got = append(got, fe.Path+": "+fe.Reason)
		}
		assert.Equal(t, []string{c.want}, got, c.doc)
	}
}
