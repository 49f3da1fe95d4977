package planning

import (
	"fmt"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// dec parses a decimal constant of a test, for arithmetic on expected
// values.
var dec = decimal.RequireFromString

// assertDecimal checks that got is numerically equal to want (1.0 equals
// 1.00); want is a decimal in text or any value whose String is one.
func assertDecimal(t testing.TB, want any, got fmt.Stringer, msgAndArgs ...any) bool {
	t.Helper()
	w, ok := want.(string)
	if !ok {
		w = want.(fmt.Stringer).String()
	}
	return testkit.AssertDecimal(t, w, got, msgAndArgs...)
}

// assertPkgPrefixOnce checks that err starts with "planning: " and that
// no other "planning: " appears in it or in the reasons of its
// *FieldError values.
func assertPkgPrefixOnce(t testing.TB, err error) {
	t.Helper()
	msg := err.Error()
	assert.True(t, strings.HasPrefix(msg, "planning: "), msg)
	assert.Equal(t, 1, strings.Count(msg, "planning: "), msg)
	for _, fe := range outsourcing.FieldErrors(err) {
		assert.NotContains(t, fe.Reason, "planning:", msg)
	}
}
