package termination_test

import (
	"encoding/json"
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestResultTypesJSON checks the package's result and document types:
// snake_case JSON names, zero values that marshal, and a list that names
// or holds every exported struct type.
func TestResultTypesJSON(t *testing.T) {
	types := []any{termination.Assessment{}, termination.ExitPlan{}, termination.ExitProgress{},
		termination.Ledger{}, termination.HandoverReport{}, termination.InventoryItem{}, termination.Amortisation{},
		termination.PostExitReview{}, termination.YearFraction{}, termination.ProRata{}, termination.TermsSpec{},
		termination.ContextSpec{}, termination.SettlementSpec{}, termination.ReviewSpec{}}
	testkit.AssertCoversPackage(t, types...)
	testkit.AssertResultTypes(t, types...)
}

// TestDocumentsRoundTrip writes each sample document back and reads it
// through its schema again.
func TestDocumentsRoundTrip(t *testing.T) {
	terms := sampleTerms(t)
	doc, err := json.Marshal(terms.Spec())
	require.NoError(t, err)
	again, err := termination.ParseTerms(doc)
	require.NoError(t, err)
	assert.Equal(t, terms.Spec(), again)
	testkit.AssertSnakeCaseKeys(t, doc, "terms")

	ctx, err := termination.ParseContext(load("context.json"))
	require.NoError(t, err)
	doc, err = json.Marshal(ctx)
	require.NoError(t, err)
	_, err = termination.ParseContext(doc)
	require.NoError(t, err)

	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	ledger, err := terms.Settle(in)
	require.NoError(t, err)
	out, err := json.Marshal(ledger)
	require.NoError(t, err)
	testkit.AssertSnakeCaseKeys(t, out, "ledger")

	plan, err := terms.ExitPlan(contract.MustDate(2027, 7, 6), contract.MustDate(2027, 10, 6))
	require.NoError(t, err)
	out, err = json.Marshal(plan)
	require.NoError(t, err)
	testkit.AssertSnakeCaseKeys(t, out, "exit plan")
}

// TestLedgerSumsExactly checks that the net and the disputed total are
// the exact sums of the lines.
func TestLedgerSumsExactly(t *testing.T) {
	in, err := termination.ParseSettlement(load("settlement.json"))
	require.NoError(t, err)
	l, err := sampleTerms(t).Settle(in)
	require.NoError(t, err)
	sum := l.Disputed
	for _, ln := range l.Lines {
		assert.NotEmpty(t, ln.Clause, "every line names its clause: %s %s", ln.Kind, ln.Ref)
		if !ln.Disputed {
			sum, err = sum.Add(ln.Amount)
			require.NoError(t, err)
		}
	}
	total, err := l.Net.Add(l.Disputed)
	require.NoError(t, err)
	assert.True(t, sum.Equal(total))
	assert.Equal(t, "8920.00 EUR", l.Net.String())
}
