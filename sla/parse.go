package sla

import (
	_ "embed"
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/agreement.schema.json
var agreementSchemaJSON []byte

// AgreementSchema validates agreement documents; its $id is
// https://outsourcing-go.github.io/schemas/sla/agreement.schema.json.
var AgreementSchema = outsourcing.MustRegisterSchema(agreementSchemaJSON)

// ParseAgreement validates doc against AgreementSchema, decodes it (exact
// numbers, unknown fields rejected) and compiles it. Errors are the
// schema's *outsourcing.FieldError values with JSON-pointer paths, or
// Compile's.
func ParseAgreement(doc []byte) (*Agreement, error) {
	var spec AgreementSpec
	if err := AgreementSchema.Decode(doc, &spec); err != nil {
		return nil, fmt.Errorf("sla: %w", err)
	}
	return Compile(spec)
}
