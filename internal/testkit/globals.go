package testkit

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// AssertGlobalsIgnored checks that render gives the same bytes whatever
// shopspring/decimal's package globals a host program sets: it renders
// once with the globals as they are, then sets MarshalJSONWithoutQuotes
// and UseScientificNotation to true and TrimTrailingZeros to false
// (restored by t.Cleanup), checks that this does change how a plain
// decimal.Decimal is written, and renders again. render should write a
// fully filled result or document as JSON and in its text forms. The
// globals are package state: a test using this must not call t.Parallel.
// It returns whether the check held.
func AssertGlobalsIgnored(t testing.TB, render func() []byte) bool {
	t.Helper()
	before := render()
	control := func() string {
		j1, _ := decimal.New(15, 2).MarshalJSON()
		j2, _ := decimal.RequireFromString("1.50").MarshalJSON()
		return string(j1) + " " + string(j2)
	}
	plain := control()
	saved := [3]bool{decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation}
	t.Cleanup(func() {
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = saved[0], saved[1], saved[2]
	})
	decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = true, false, true
	if !assert.NotEqual(t, plain, control(), "setting the globals changes how decimal.Decimal is written") {
		return false
	}
	after := render()
	if bytes.Equal(before, after) {
		return true
	}
	return assert.Equal(t, string(before), string(after), "output depends on shopspring/decimal's package globals")
}
