package sla

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

//go:embed schema/agreement.schema.json
var agreementSchemaJSON []byte

var agreementSchema = outsourcing.MustRegisterSchema(agreementSchemaJSON)

//go:embed schema/input.schema.json
var inputSchemaJSON []byte

var inputSchema = outsourcing.MustRegisterSchema(inputSchemaJSON)

// AgreementSchema returns the schema of agreement documents; its $id is
// https://outsourcing-go.github.io/schemas/sla/agreement.schema.json.
func AgreementSchema() *outsourcing.Schema { return agreementSchema }

// InputSchema returns the schema of event documents (Input); its $id is
// https://outsourcing-go.github.io/schemas/sla/input.schema.json.
func InputSchema() *outsourcing.Schema { return inputSchema }

// ParseAgreement validates doc against AgreementSchema, decodes it (exact
// numbers, unknown fields rejected) and compiles it. Errors are
// *outsourcing.FieldError values whose Path is the JSON pointer of the
// offending value in doc (an unknown property at the property), or
// Compile's.
func ParseAgreement(doc []byte) (*Agreement, error) {
	var spec AgreementSpec
	if err := agreementSchema.Decode(doc, &spec); err != nil {
		return nil, fmt.Errorf("sla: %w", documentError(err))
	}
	return Compile(spec)
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
		return Input{}, fmt.Errorf("sla: %w", documentError(err))
	}
	if err := validateInput(in); err != nil {
		return Input{}, fmt.Errorf("sla: %w", err)
	}
	return in, nil
}

// unknownProperties matches the schema validator's report of properties
// that additionalProperties: false forbids.
var unknownProperties = regexp.MustCompile(`^additionalProperties ('.*') not allowed$`)

// documentError rewrites schema problems into RFC 6901 pointers into the
// document: the whole document is "" (not "/"), and each forbidden
// property is reported at the property itself rather than at the object
// holding it.
func documentError(err error) error {
	var in []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		in = j.Unwrap()
	} else {
		in = []error{err}
	}
	var out []error
	for _, e := range in {
		var fe *outsourcing.FieldError
		if !errors.As(e, &fe) {
			out = append(out, e)
			continue
		}
		base := fe.Path
		if base == "/" {
			base = ""
		}
		m := unknownProperties.FindStringSubmatch(fe.Reason)
		if m == nil {
			out = append(out, &outsourcing.FieldError{Path: base, Reason: fe.Reason, Err: fe.Err})
			continue
		}
		for _, name := range strings.Split(m[1], ", ") {
			name = strings.TrimSuffix(strings.TrimPrefix(name, "'"), "'")
			out = append(out, &outsourcing.FieldError{Path: jsonptr.Append(base, name),
				Reason: fmt.Sprintf("unknown property %q", name), Err: fe.Err})
		}
	}
	return errors.Join(out...)
}
