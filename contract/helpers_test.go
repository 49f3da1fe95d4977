package contract_test

import (
	"os"
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/require"
)

// sample reads and compiles testdata/contract.json.
func sample(t testing.TB) *contract.Contract {
	t.Helper()
	c, err := contract.CompileContract(sampleSpec(t))
	require.NoError(t, err)
	return c
}

// sampleSpec reads testdata/contract.json.
func sampleSpec(t testing.TB) contract.ContractSpec {
	t.Helper()
	doc, err := os.ReadFile("testdata/contract.json")
	require.NoError(t, err)
	spec, err := contract.ParseContract(doc)
	require.NoError(t, err)
	return spec
}
