package sla_test

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadTestdata(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v))
}

func assertDecimal(t testing.TB, want string, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	assert.Truef(t, decimal.RequireFromString(want).Equal(got), "want %s, got %s %v", want, got.String(), msgAndArgs)
}

func assertMoney(t testing.TB, want string, got outsourcing.Money, msgAndArgs ...any) {
	t.Helper()
	assertDecimal(t, want, got.Amount(), msgAndArgs...)
}

func mustParse(t testing.TB, doc string) *sla.Agreement {
	t.Helper()
	a, err := sla.ParseAgreement([]byte(doc))
	require.NoError(t, err)
	return a
}

func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func usd(s string) outsourcing.Money { return outsourcing.MustMoney(s, "USD") }

type bigRat = big.Rat

func decimalOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }
