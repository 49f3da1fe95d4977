package risk

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
)

// assertMoney checks that got equals want (same currency, numerically equal).
func assertMoney(t *testing.T, want, got outsourcing.Money) {
	t.Helper()
	assert.Truef(t, want.Equal(got), "want %s, got %s", want, got)
}

func money(amount string) *outsourcing.Money {
	m := outsourcing.MustMoney(amount, "EUR")
	return &m
}

// compileDoc parses a matrix document and compiles the spec.
func compileDoc(doc []byte) (*Matrix, error) {
	spec, err := ParseMatrix(doc)
	if err != nil {
		return nil, err
	}
	return NewMatrix(spec)
}
