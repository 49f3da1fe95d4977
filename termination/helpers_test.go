package termination_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/require"
)

// sampleTerms compiles the sample contract and its exit schedule.
func sampleTerms(t testing.TB) *termination.Terms {
	t.Helper()
	cspec, err := contract.ParseContract(load("contract.json"))
	require.NoError(t, err)
	c, err := contract.CompileContract(cspec)
	require.NoError(t, err)
	spec, err := termination.ParseTerms(load("terms.json"))
	require.NoError(t, err)
	terms, err := termination.CompileTerms(spec, c)
	require.NoError(t, err)
	return terms
}

// compileWith compiles the sample exit schedule changed by edit.
func compileWith(t testing.TB, edit func(*termination.TermsSpec)) error {
	t.Helper()
	terms := sampleTerms(t)
	spec := terms.Spec()
	edit(&spec)
	_, err := termination.CompileTerms(spec, terms.Contract())
	return err
}

// rulesSpec parses a rule set document.
func rulesSpec(doc string) rules.SetSpec {
	s, err := rules.ParseSet([]byte(doc))
	if err != nil {
		panic(err)
	}
	return s
}
