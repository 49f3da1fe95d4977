package risk

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/businesscase.schema.json
var businessCaseSchemaJSON []byte

var businessCaseSchema = outsourcing.MustRegisterSchema(businessCaseSchemaJSON)

// BusinessCaseSchema returns the schema of business case documents; its
// $id is https://outsourcing-go.github.io/schemas/risk/businesscase.schema.json.
// Risk scenarios follow RegisterSchema's scenario definition.
func BusinessCaseSchema() *outsourcing.Schema { return businessCaseSchema }

// ParseBusinessCase validates doc against BusinessCaseSchema and decodes it
// (numbers exact, unknown fields rejected) into the spec;
// CompileBusinessCase checks it against a TCO model. Malformed JSON is an
// *outsourcing.SyntaxError, schema violations *outsourcing.FieldError
// values with JSON pointers into doc, after the prefix "risk: ".
func ParseBusinessCase(doc []byte) (BusinessCaseSpec, error) {
	var spec BusinessCaseSpec
	if err := businessCaseSchema.Decode(doc, &spec); err != nil {
		return BusinessCaseSpec{}, wrap(err)
	}
	return spec, nil
}
