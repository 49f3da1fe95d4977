package risk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadJSON decodes testdata/name into v.
func loadJSON(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v))
}

// assertMoney checks that got equals want (same currency, numerically equal).
func assertMoney(t *testing.T, want, got outsourcing.Money) {
	t.Helper()
	assert.Truef(t, want.Equal(got), "want %s, got %s", want, got)
}

func money(amount string) *outsourcing.Money {
	m := outsourcing.MustMoney(amount, "EUR")
	return &m
}
