package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// Money{} ("no amount") acts as zero in every operator, as the kernel's
// Money.Add documents: it adds and subtracts as zero, scales and divides
// to Money{} and compares as zero. Division by zero stays an error.
// Before, none / 2 failed with `"" is not an ISO 4217 currency code`
// while none * 2 gave Money{}.
func TestNoAmountMoneyInOperators(t *testing.T) {
	type env struct {
		None outsourcing.Money `expr:"none"`
		Fee  outsourcing.Money `expr:"fee"`
	}
	e := env{Fee: outsourcing.MustMoney("10.50", "EUR")}
	for src, want := range map[string]outsourcing.Money{
		`none * 2`:       {},
		`none / 2`:       {},
		`none / 0.5`:     {},
		`2 * none`:       {},
		`none + none`:    {},
		`none + fee`:     e.Fee,
		`fee - none`:     e.Fee,
		`none / 2 + fee`: e.Fee,
	} {
		rs, err := rules.Compile[env]([]rules.Rule{{ID: "r", Expression: src}})
		require.NoError(t, err, src)
		got, err := rs.Money("r", e)
		require.NoError(t, err, src)
		assert.True(t, got.Equal(want), "%s = %v, want %v", src, got, want)
	}
	evalBools(t, e, map[string]bool{`none < fee`: true, `none == none`: true, `none / 2 == none * 2`: true})
	evalErrors(t, e, map[string]error{`none / 0 == none`: outsourcing.ErrRule}) // division by zero
}
