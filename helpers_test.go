package outsourcing_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadTestdata decodes testdata/name into v.
func loadTestdata(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v))
}

// assertDecimal checks numeric equality of decimals (1.0 equals 1.00).
func assertDecimal(t testing.TB, want string, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	w := decimal.RequireFromString(want)
	assert.Truef(t, w.Equal(got), "want %s, got %s %v", want, got.String(), msgAndArgs)
}
