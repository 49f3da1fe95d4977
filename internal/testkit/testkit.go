// Package testkit holds the test helpers the module's packages share:
// loading reference data from testdata files, comparing exact decimals
// and checking that output ignores shopspring/decimal's package globals.
// It is internal and meant for _test.go files only; it imports
// no package of the module, so the root's own tests can use it too.
package testkit

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// LoadJSON decodes the JSON file at path, relative to the test's package
// directory (for example "testdata/npv.json"), into v with encoding/json.
// A file that cannot be read or decoded stops the test at once.
func LoadJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v), path)
}

// AssertDecimal checks that got is numerically equal to want, a decimal
// in text ("1.0" equals 1.00: scale does not matter), and reports both on
// failure with the optional testify message and arguments. It returns
// whether the check held. got is an outsourcing.Decimal (or anything whose
// String is a decimal). A malformed want panics: it is a bug in the test.
func AssertDecimal(t testing.TB, want string, got fmt.Stringer, msgAndArgs ...any) bool {
	t.Helper()
	g, err := decimal.NewFromString(got.String())
	if err == nil && decimal.RequireFromString(want).Equal(g) {
		return true
	}
	return assert.Fail(t, "want "+want+", got "+got.String(), msgAndArgs...)
}
