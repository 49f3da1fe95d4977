package contract_test

import (
	"testing"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

// TestResultTypesJSON checks every exported document and result type of
// the package (and the struct types they hold): snake_case JSON names,
// and a zero value (Money{} fields, "no amount") that marshals; the list
// names or holds every exported struct type.
func TestResultTypesJSON(t *testing.T) {
	testkit.AssertCoversPackage(t, contractTypes...)
	testkit.AssertResultTypes(t, contractTypes...)
}

// contractTypes are the package's document and result types.
var contractTypes = []any{
	// documents
	contract.ContractSpec{}, contract.ChangeRequest{}, contract.Invoice{}, contract.Dispute{},
	contract.AcceptanceRequest{}, contract.Completion{}, contract.Fulfilment{},
	contract.ApprovalStep{}, contract.Decision{}, contract.DepartmentReview{}, contract.ReviewPolicy{},
	contract.Signature{}, contract.Event{},
	// results
	contract.Review{}, contract.Clearance{}, contract.Route{}, contract.Version{}, contract.Supplement{},
	contract.ChangeAssessment{}, contract.Difference{}, contract.InvoiceCheck{}, contract.Payment{},
	contract.ObligationReport{}, contract.ObligationDue{}, contract.RenewalStatus{}, contract.TransitionProgress{},
	contract.Acceptance{}, contract.EscalationStatus{}, contract.MeetingDate{},
}

// TestOutputIgnoresDecimalGlobals: documents and results do not depend
// on shopspring/decimal's package globals.
func TestOutputIgnoresDecimalGlobals(t *testing.T) {
	c := sample(t)
	testkit.AssertGlobalsIgnored(t, func() []byte {
		return append(c.Document(), []byte(c.TotalValue().String()+c.AnnualFees().String())...)
	})
}
