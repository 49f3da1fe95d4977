package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

type dynamicEnv struct {
	Fees   []outsourcing.Decimal `expr:"fees"`
	Fee    outsourcing.Decimal   `expr:"fee"`
	N      int                   `expr:"n"`
	Quotes []outsourcing.Money   `expr:"quotes"`
}

// Values whose static type is `any` (a builtin's result, a filtered
// element, a map literal's value, a ternary of mixed branches) compare
// as decimals and Money too. expr compared them with reflect.DeepEqual,
// so first(fees) == 3 was false for a fee of 3 and 1.0 was not 1.00: a
// silent wrong answer in a screening rule.
func TestComparisonsOfDynamicallyTypedDecimals(t *testing.T) {
	env := dynamicEnv{Fees: outsourcing.MustDecimals("3.00", "1.5"), Fee: outsourcing.MustDecimal("1000.50"), N: 2,
		Quotes: []outsourcing.Money{outsourcing.MustMoney("100", "EUR")}}
	for src, want := range map[string]bool{
		`first(fees) == 3`:            true,
		`first(fees) != 3.0`:          false,
		`first(fees) == Dec("3")`:     true,
		`last(fees) < 2`:              true,
		`3 <= first(fees)`:            true,
		`filter(fees, # > 2)[0] >= 3`: true,
		`{"a": fee}.a == 1000.5`:      true,
		`(n > 1 ? fee : n) == 1000.5`: true,
		`first(quotes) == quotes[0]`:  true,
		`first(fees) == nil`:          false,
		`first([1, 2]) == 1.0`:        true,
		`first(["a"]) == "a"`:         true,
		`get({"k": "v"}, "k") != "w"`: true,
	} {
		rs, err := rules.Compile[dynamicEnv]([]rules.Rule{{ID: "r", Expression: src}})
		require.NoError(t, err, src)
		got, err := rs.Bool("r", env)
		require.NoError(t, err, src)
		assert.Equal(t, want, got, src)
	}
	env.Quotes = append(env.Quotes, outsourcing.MustMoney("1", "USD"))
	for src, sentinel := range map[string]error{
		`{"x": quotes[0]}.x == 100`:          outsourcing.ErrRule,
		`{"x": quotes[0]}.x == last(quotes)`: outsourcing.ErrCurrencyMismatch, // never silently unequal
	} {
		rs, err := rules.Compile[dynamicEnv]([]rules.Rule{{ID: "r", Expression: src}})
		require.NoError(t, err, src)
		_, err = rs.Bool("r", env)
		assert.ErrorIs(t, err, sentinel, src)
	}
}
