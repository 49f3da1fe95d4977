package outsourcing_test

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
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
	assert.True(t, back.Target.Equal(outsourcing.MustDecimal("12.5")))
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
	assert.True(t, outsourcing.DecimalOf(decimal.NewFromInt(2)).Add(outsourcing.DecimalFromInt(1)).Equal(outsourcing.DecimalFromInt(3)))
}

func TestTrimDecimal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"98.750000", "98.75"},
		{"100.00", "100"},
		{"-1.50", "-1.5"},
		{"0.000", "0"},
		{"1500", "1500"},
		{"0.0001", "0.0001"},
	} {
		t.Run(c.in, func(t *testing.T) {
			in := outsourcing.MustDecimal(c.in)
			got := in.Trim()
			assert.Equal(t, c.want, got.String())
			assert.True(t, got.Equal(in), "the value is unchanged")
		})
	}
}

func TestDecimalFormat(t *testing.T) {
	d, big := outsourcing.MustDecimal("1.50"), outsourcing.DecimalOf(decimal.New(15, 2))
	cases := []struct {
		format string
		value  outsourcing.Decimal
		want   string
	}{
		{"%v", d, "1.50"},
		{"%s", d, "1.50"},
		{"%v", big, "1500"},
		{"%8s|", d, "    1.50|"},
		{"%-6v|", d, "1.50  |"},
		{"%q", d, `"1.50"`},
		{"%f", d, "1.50"},
		{"%f", big, "1500"},
		{"%.1f", d, "1.5"},
		{"%+f", d, "+1.50"},
		{"%08.3f", d, "0001.500"},
		{"%#v", d, `outsourcing.MustDecimal("1.50")`},
		{"%d", d, "%!d(outsourcing.Decimal=1.50)"},
	}
	render := func() []byte {
		var out []byte
		for _, c := range cases {
			out = fmt.Appendf(out, c.format+"\n", c.value)
		}
		return out
	}
	for _, c := range cases {
		assert.Equal(t, c.want, fmt.Sprintf(c.format, c.value), c.format)
	}
	assert.Equal(t, "1.50 1500", fmt.Sprint(d, " ", big), "Print and Println use String")
	testkit.AssertGlobalsIgnored(t, render)
}

func TestDecimalsFromFloats(t *testing.T) {
	ds, err := outsourcing.DecimalsFromFloats([]float64{0.1, -2.5, 1e6})
	require.NoError(t, err)
	assert.Equal(t, "0.1 -2.5 1000000", fmt.Sprint(ds[0], ds[1], ds[2]))
	_, err = outsourcing.DecimalsFromFloats([]float64{1, math.NaN()})
	require.Len(t, outsourcing.FieldErrors(err), 1)
	assert.Equal(t, "/1", outsourcing.FieldErrors(err)[0].Path)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}
