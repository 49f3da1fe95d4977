package sla

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/agreement.schema.json
var agreementSchemaJSON []byte

var agreementSchema = outsourcing.MustRegisterSchema(agreementSchemaJSON)

//go:embed schema/input.schema.json
var inputSchemaJSON []byte

var inputSchema = outsourcing.MustRegisterSchema(inputSchemaJSON)

//go:embed schema/report.schema.json
var reportSchemaJSON []byte

var reportSchema = outsourcing.MustRegisterSchema(reportSchemaJSON)

// AgreementSchema returns the schema of agreement documents; its $id is
// https://outsourcing-go.github.io/schemas/sla/agreement.schema.json.
func AgreementSchema() *outsourcing.Schema { return agreementSchema }

// InputSchema returns the schema of event documents (Input); its $id is
// https://outsourcing-go.github.io/schemas/sla/input.schema.json.
func InputSchema() *outsourcing.Schema { return inputSchema }

// ReportSchema returns the schema of a Report as json.Marshal writes it,
// for documents that carry reports (package termination's sla_reports);
// its $id is https://outsourcing-go.github.io/schemas/sla/report.schema.json.
func ReportSchema() *outsourcing.Schema { return reportSchema }

// ParseAgreement validates doc against AgreementSchema and decodes it
// (exact numbers, unknown fields rejected) into the spec; CompileAgreement
// builds the executable agreement from it. Errors are
// *outsourcing.FieldError values whose Path is the JSON pointer of the
// offending value in doc (an unknown property at the property).
func ParseAgreement(doc []byte) (AgreementSpec, error) {
	var spec AgreementSpec
	if err := agreementSchema.Decode(doc, &spec); err != nil {
		return AgreementSpec{}, wrap(err)
	}
	return spec, nil
}

// ParseInput validates doc against InputSchema, decodes it (exact
// numbers, unknown fields rejected: a misspelled "outgaes" is an error,
// not an input without outages) and checks every event: instants between
// 1900 and 2200, intervals that end after they start, counts that are not
// negative, ticket logs in time order that follow the ticket state
// machine, fees in one currency. Each problem is an
// *outsourcing.FieldError whose Path is the JSON pointer of the offending
// value in doc ("/outages/3/end"); they are joined in document order.
func ParseInput(doc []byte) (Input, error) {
	var in Input
	if err := inputSchema.Decode(doc, &in); err != nil {
		return Input{}, wrap(err)
	}
	if err := validateInput(in); err != nil {
		return Input{}, wrap(err)
	}
	return in, nil
}
