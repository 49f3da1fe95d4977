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

// evalBools compiles each rule against env and checks its result.
func evalBools[E any](t *testing.T, env E, cases map[string]bool) {
	t.Helper()
	for src, want := range cases {
		rs, err := rules.Compile[E]([]rules.Rule{{ID: "r", Expression: src}})
		require.NoError(t, err, src)
		got, err := rs.Bool("r", env)
		require.NoError(t, err, src)
		assert.Equal(t, want, got, src)
	}
}

// evalErrors compiles each rule against env and checks that it fails
// with the sentinel.
func evalErrors[E any](t *testing.T, env E, cases map[string]error) {
	t.Helper()
	for src, sentinel := range cases {
		rs, err := rules.Compile[E]([]rules.Rule{{ID: "r", Expression: src}})
		require.NoError(t, err, src)
		_, err = rs.Bool("r", env)
		assert.ErrorIs(t, err, sentinel, src)
	}
}

// `in` compares its element with the list's by value, whatever their
// static types: expr's own `in` used deep equality, so a decimal known
// only at run time was not in a list holding it at another scale, and
// 100.0 EUR was not in [100 EUR].
func TestMembershipComparesDecimalsByValue(t *testing.T) {
	env := dynamicEnv{Fees: outsourcing.MustDecimals("3.00", "1.5"), Fee: outsourcing.MustDecimal("1000.50"), N: 2,
		Quotes: []outsourcing.Money{outsourcing.MustMoney("100", "EUR")}}
	evalBools(t, env, map[string]bool{
		`{"a": fee}.a in [Dec("1000.5")]`:     true,
		`(n > 1 ? fee : n) in [1000.5]`:       true,
		`filter(fees, # > 2)[0] in [3]`:       true,
		`first(fees) in 1..5`:                 true,
		`3 in fees`:                           true,
		`first([3]) in map(fees, #)`:          true,
		`quotes[0] * 1.0 in quotes`:           true,
		`{"a": fee}.a not in [Dec("1000.5")]`: false,
		`fee in [Dec("1.00"), "a", 1000.5]`:   true,
		`fee in fees`:                         false,
		`Dec("1.50") in fees`:                 true,
		`"k" in get({"m": {"k": 1}}, "m")`:    true,
		`first(["a"]) in ["a"]`:               true,
		`[fee] in [[1000.5]]`:                 true,
	})
	env.Quotes = append(env.Quotes, outsourcing.MustMoney("1", "USD"))
	evalErrors(t, env, map[string]error{
		`last(quotes) in [quotes[0]]`: outsourcing.ErrCurrencyMismatch, // never silently absent
		`first(quotes) in [100]`:      outsourcing.ErrRule,
	})
}

// Lists and maps compare element by element with the same equality as
// scalars: [fee] == [1000.5] holds for a fee of 1000.50. expr compared
// them by deep equality, for which 1000.50 is not 1000.5.
func TestCollectionsCompareDecimalsByValue(t *testing.T) {
	env := dynamicEnv{Fees: outsourcing.MustDecimals("3.00", "1.5"), Fee: outsourcing.MustDecimal("1000.50"),
		Quotes: []outsourcing.Money{outsourcing.MustMoney("100", "EUR"), outsourcing.MustMoney("1", "USD")}}
	evalBools(t, env, map[string]bool{
		`[fee] == [Dec("1000.5")]`:         true,
		`[fee] != [1000.5]`:                false,
		`fees == [3, 1.5]`:                 true,
		`fees == [3, 1.5, 0]`:              false,
		`{"a": fee} == {"a": 1000.5}`:      true,
		`{"a": [fee]} == {"a": [1000.5]}`:  true,
		`{"a": fee} == {"b": fee}`:         false,
		`[quotes[0]] == [quotes[0] * 1.0]`: true,
		`[fee, "x"] == [1000.5, "x"]`:      true,
		`[fee] == ["x"]`:                   false,
	})
	evalErrors(t, env, map[string]error{
		`[quotes[0]] == [quotes[1]]`: outsourcing.ErrCurrencyMismatch,
	})
}

type missingEnv struct {
	Fees   []outsourcing.Decimal          `expr:"fees"`
	Names  []string                       `expr:"names"`
	Quotes []outsourcing.Money            `expr:"quotes"`
	Rates  map[string]outsourcing.Decimal `expr:"rates"`
	Price  outsourcing.Money              `expr:"price"`
}

// first, last, find and get yield nil when they find no element, as the
// expr language documents, whether the list or map is nil or empty: nil
// equals only nil, and ordering or arithmetic on it is a rule error
// naming the cause. Before, get(rates, "x") == 0 failed with "<nil> is
// not a number" and first(names) == "a" with a type conversion error.
func TestMissingElementsAreNil(t *testing.T) {
	price := outsourcing.MustMoney("5", "EUR")
	for name, env := range map[string]missingEnv{
		"nil":   {Price: price},
		"empty": {Fees: []outsourcing.Decimal{}, Names: []string{}, Quotes: []outsourcing.Money{}, Rates: map[string]outsourcing.Decimal{}, Price: price},
	} {
		t.Run(name, func(t *testing.T) {
			evalBools(t, env, map[string]bool{
				`get(rates, "x") == 0`:   false,
				`get(rates, "x") != 0`:   true,
				`get(rates, "x") == nil`: true,
				`first(names) == "a"`:    false,
				`first(names) == nil`:    true,
				`last(fees) == 3`:        false,
				`find(fees, # > 5) == 3`: false,
				`first(quotes) == price`: false,
				`first(fees) in [3]`:     false,
				`rates["x"] == 0`:        true, // indexing a typed map reads its zero value
				`fees == []`:             true,
				`"x" in rates`:           false,
			})
			evalErrors(t, env, map[string]error{
				`first(fees) < 3`:    outsourcing.ErrRule,
				`first(names) < "b"`: outsourcing.ErrRule,
				`last(fees) + 1 > 0`: outsourcing.ErrRule,
			})
			rs, err := rules.Compile[missingEnv]([]rules.Rule{{ID: "r", Expression: `first(fees) < 3`}})
			require.NoError(t, err)
			_, err = rs.Bool("r", env)
			assert.ErrorContains(t, err, "found no element")
		})
	}
}
