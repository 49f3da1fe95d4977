package schema

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
)

//go:embed contract-review.schema.json
var contractReviewSchemaJSON []byte

// contractReviewSchema validates the contract review document.
var contractReviewSchema = outsourcing.MustRegisterSchema(contractReviewSchemaJSON)

// ContractReview is the internal review of the draft contract (Handbook
// §3.2): the company's contract policy and each department's verdict.
type ContractReview struct {
	// Policy is what the review checks.
	Policy contract.ReviewPolicy `json:"policy"`
	// Departments are the departments' verdicts, once per department.
	Departments []contract.DepartmentReview `json:"departments"`
}

// ParseContractReview validates doc against the contract review schema
// and decodes it, unknown properties rejected.
func ParseContractReview(doc []byte) (ContractReview, error) {
	return decode[ContractReview](contractReviewSchema, doc)
}
