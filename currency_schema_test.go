package outsourcing

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCurrencySchemaListsEveryCode: the shared schema's currency enum is
// exactly the table ParseCurrency reads, so a document with a well-formed
// but unknown code ("XQQ") is rejected by the schema at its JSON pointer,
// by ajv as by the Go validator, before decoding.
func TestCurrencySchemaListsEveryCode(t *testing.T) {
	var doc struct {
		Defs struct {
			Currency struct {
				Enum []string `json:"enum"`
			} `json:"currency"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(moneySchemaJSON, &doc))
	var codes []string
	for c := range iso4217 {
		codes = append(codes, string(c))
	}
	slices.Sort(codes)
	assert.Equal(t, codes, doc.Defs.Currency.Enum)
}

func TestCurrencyErrorsAreAtTheValue(t *testing.T) {
	_, err := ParseCurrency("XQQ")
	fe := FieldErrors(err)
	require.Len(t, fe, 1)
	assert.Equal(t, "", fe[0].Path)
	assert.EqualError(t, err, `currency "XQQ" is not an ISO 4217 currency code`)
	_, err = ParseMoney("1.00", "XQQ")
	assert.EqualError(t, err, `/currency: "XQQ" is not an ISO 4217 currency code`)
}
