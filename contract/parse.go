package contract

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/contract.schema.json
var contractSchemaJSON []byte

var contractSchema = outsourcing.MustRegisterSchema(contractSchemaJSON)

// ContractSchema returns the schema of contract documents (draft
// 2020-12); its $id is
// https://outsourcing-go.github.io/schemas/contract/contract.schema.json.
// The SLA schedule refers to sla.AgreementSchema.
func ContractSchema() *outsourcing.Schema { return contractSchema }

// ParseContract validates doc against ContractSchema and decodes it
// (numbers exact, unknown properties rejected) into a ContractSpec;
// CompileContract checks what a schema cannot. Problems are
// *outsourcing.FieldError values whose Path is the JSON pointer of the
// offending value in doc (an unknown property at the property), or an
// *outsourcing.SyntaxError for malformed JSON; all match
// outsourcing.ErrInvalidInput.
func ParseContract(doc []byte) (ContractSpec, error) {
	var spec ContractSpec
	if err := contractSchema.Decode(doc, &spec); err != nil {
		return ContractSpec{}, wrap(err)
	}
	return spec, nil
}
