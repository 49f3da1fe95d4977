package outsourcing_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

// A member name given twice in one object is refused at the repeated
// name: encoding/json alone keeps the last value silently, so
// {"amount":"1","amount":"1000"} read as 1000 (RFC 8259 §4 leaves such
// documents' meaning unpredictable).
func TestDuplicateMembersRefused(t *testing.T) {
	var m outsourcing.Money
	err := json.Unmarshal([]byte(`{"amount":"1","currency":"EUR","amount":"1000"}`), &m)
	require.Error(t, err)
	assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput))
	fe := outsourcing.FieldErrors(err)
	require.Len(t, fe, 1)
	assert.Equal(t, "/amount", fe[0].Path)
	assert.True(t, m.IsZero(), "nothing written")

	for doc, path := range map[string]string{
		`{"shifts":[{"day":"monday","start":"09:00","end":"17:00"}],"shifts":[]}`:          "/shifts",
		`{"shifts":[{"day":"monday","start":"09:00","end":"17:00","end":"23:00"}]}`:        "/shifts/0/end",
		`{"holidays":[{"date":"2025-12-25"},{"date":"2025-12-26","name":"a","name":"b"}]}`: "/holidays/1/name",
		`{"time_zone":"UTC","x/y~":{"a":1},"x/y~":2}`:                                      "/x~1y~0",
		`{"holidays":[[{"a":1}],{"b":{"c":[1,{"d":1,"d":2}]}}]}`:                           "/holidays/1/b/c/1/d",
	} {
		err := outsourcing.CalendarSchema().Validate([]byte(doc))
		fe := outsourcing.FieldErrors(err)
		require.Len(t, fe, 1, doc)
		assert.Equal(t, path, fe[0].Path, doc)
		assert.Equal(t, "property given twice in one object", fe[0].Reason, doc)
	}
	// The same name in different objects, and repeated values, are fine.
	assert.NoError(t, outsourcing.CalendarSchema().Validate([]byte(
		`{"shifts":[{"day":"monday","start":"09:00","end":"17:00"},{"day":"monday","start":"18:00","end":"19:00"}]}`)))
}
