package testkit

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Labelled is an enum with an id (String, and JSON through MarshalText)
// and words for a reader (Label).
type Labelled interface {
	String() string
	Label() string
}

// LabelCase is an enum value with the id and the label it must give.
type LabelCase struct {
	Value     Labelled
	ID, Label string
}

// AssertLabels checks every case: String and JSON give the id, Label the
// words. It returns whether every check held.
func AssertLabels(t testing.TB, cases ...LabelCase) bool {
	t.Helper()
	ok := true
	for _, c := range cases {
		doc, err := json.Marshal(c.Value)
		ok = assert.NoError(t, err) && ok
		ok = assert.Equal(t, `"`+c.ID+`"`, string(doc)) && ok
		ok = assert.Equal(t, c.ID, c.Value.String()) && ok
		ok = assert.Equal(t, c.Label, c.Value.Label(), "label of %s", c.ID) && ok
	}
	return ok
}
