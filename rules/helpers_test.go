package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

// loadTestdata decodes testdata/name into v.
func loadTestdata(t testing.TB, name string, v any) {
	t.Helper()
	testkit.LoadJSON(t, filepath.Join("testdata", name), v)
}

// assertDecimal checks numeric equality of decimals (1.0 equals 1.00).
var assertDecimal = testkit.AssertDecimal
