package sla_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/require"
)

func assertMoney(t testing.TB, want string, got outsourcing.Money, msgAndArgs ...any) {
	t.Helper()
	testkit.AssertDecimal(t, want, got.Amount(), msgAndArgs...)
}

func mustParse(t testing.TB, doc string) *sla.Agreement {
	t.Helper()
	a, err := parseAgreement([]byte(doc))
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

// mustPeriod returns the agreement's period containing t.
func mustPeriod(t testing.TB, a *sla.Agreement, tm time.Time) sla.Period {
	t.Helper()
	p, err := a.PeriodOf(tm)
	require.NoError(t, err)
	return p
}

// parseAgreement parses and compiles an agreement document.
func parseAgreement(doc []byte) (*sla.Agreement, error) {
	spec, err := sla.ParseAgreement(doc)
	if err != nil {
		return nil, err
	}
	return sla.CompileAgreement(spec)
}
