package outsourcing_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

func TestDecimalJSON(t *testing.T) {
	type doc struct {
		Target outsourcing.Decimal `json:"target"`
	}
	in := doc{Target: outsourcing.MustDecimal("99.950")}
	data, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"target":"99.950"}`, string(data))

	saved := []bool{decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation}
	decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = true, false, true
	t.Cleanup(func() {
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = saved[0], saved[1], saved[2]
	})
	again, err := json.Marshal(doc{Target: outsourcing.MustDecimal("1500")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"target":"1500"}`, string(again), "globals do not change the output")

	var back doc
	require.NoError(t, json.Unmarshal([]byte(`{"target":"12.5"}`), &back))
	assert.True(t, back.Target.Equal(decimal.RequireFromString("12.5")))
	require.NoError(t, json.Unmarshal([]byte(`{"target":12.50}`), &back))
	assert.Equal(t, "12.50", back.Target.String())
	for _, bad := range []string{`{"target":"1e5"}`, `{"target":"NaN"}`, `{"target":true}`, `{"target":"12.5}`, `{"target":""}`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &back), bad)
	}
	text, err := outsourcing.MustDecimal("-0.10").MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "-0.10", string(text))
	var fromText outsourcing.Decimal
	require.NoError(t, fromText.UnmarshalText([]byte("3.14")))
	assert.Equal(t, "3.14", fromText.String())
	assert.ErrorIs(t, fromText.UnmarshalText([]byte("pi")), outsourcing.ErrInvalidInput)
	assert.Panics(t, func() { outsourcing.MustDecimal("x") })
	assert.True(t, outsourcing.NewDecimal(decimal.NewFromInt(2)).Add(decimal.NewFromInt(1)).Equal(decimal.NewFromInt(3)))
}
