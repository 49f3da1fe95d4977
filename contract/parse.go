package contract

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

// The documents callers send, each with its schema (draft 2020-12) whose
// $id is https://outsourcing-go.github.io/schemas/contract/<name>.schema.json.
// The schemas share the definitions of the contract schema (dates,
// spans, clauses, price lines).
var (
	//go:embed schema/contract.schema.json
	contractSchemaJSON []byte
	//go:embed schema/invoice.schema.json
	invoiceSchemaJSON []byte
	//go:embed schema/dispute.schema.json
	disputeSchemaJSON []byte
	//go:embed schema/change-request.schema.json
	changeRequestSchemaJSON []byte
	//go:embed schema/acceptance-request.schema.json
	acceptanceRequestSchemaJSON []byte
	//go:embed schema/completions.schema.json
	completionsSchemaJSON []byte
	//go:embed schema/fulfilments.schema.json
	fulfilmentsSchemaJSON []byte

	contractSchema          = outsourcing.MustRegisterSchema(contractSchemaJSON)
	invoiceSchema           = outsourcing.MustRegisterSchema(invoiceSchemaJSON)
	disputeSchema           = outsourcing.MustRegisterSchema(disputeSchemaJSON)
	changeRequestSchema     = outsourcing.MustRegisterSchema(changeRequestSchemaJSON)
	acceptanceRequestSchema = outsourcing.MustRegisterSchema(acceptanceRequestSchemaJSON)
	completionsSchema       = outsourcing.MustRegisterSchema(completionsSchemaJSON)
	fulfilmentsSchema       = outsourcing.MustRegisterSchema(fulfilmentsSchemaJSON)
)

// ContractSchema returns the schema of contract documents (contract.schema.json).
// The SLA schedule refers to sla.AgreementSchema.
func ContractSchema() *outsourcing.Schema { return contractSchema }

// InvoiceSchema returns the schema of invoices (invoice.schema.json).
func InvoiceSchema() *outsourcing.Schema { return invoiceSchema }

// DisputeSchema returns the schema of disputes (dispute.schema.json).
func DisputeSchema() *outsourcing.Schema { return disputeSchema }

// ChangeRequestSchema returns the schema of change requests
// (change-request.schema.json).
func ChangeRequestSchema() *outsourcing.Schema { return changeRequestSchema }

// AcceptanceRequestSchema returns the schema of acceptance requests
// (acceptance-request.schema.json).
func AcceptanceRequestSchema() *outsourcing.Schema { return acceptanceRequestSchema }

// CompletionsSchema returns the schema of lists of transition item
// completions (completions.schema.json).
func CompletionsSchema() *outsourcing.Schema { return completionsSchema }

// FulfilmentsSchema returns the schema of lists of obligation
// fulfilments (fulfilments.schema.json).
func FulfilmentsSchema() *outsourcing.Schema { return fulfilmentsSchema }

// parse validates doc against schema and decodes it into a T.
func parse[T any](schema *outsourcing.Schema, doc []byte) (T, error) {
	var v T
	if err := schema.Decode(doc, &v); err != nil {
		var zero T
		return zero, wrap(err)
	}
	return v, nil
}

// Every Parse function validates doc against its schema and decodes it
// (numbers exact, unknown properties rejected). Problems are
// *outsourcing.FieldError values whose Path is the JSON pointer of the
// offending value in doc (an unknown property at the property), or an
// *outsourcing.SyntaxError for malformed JSON; all match
// outsourcing.ErrInvalidInput. What a schema cannot see is checked where
// the value is used, against the contract.

// ParseContract reads a contract document (ContractSchema);
// CompileContract checks what a schema cannot.
func ParseContract(doc []byte) (ContractSpec, error) { return parse[ContractSpec](contractSchema, doc) }

// ParseInvoice reads an invoice (InvoiceSchema) for Contract.CheckInvoice
// and Contract.ApplyCredits.
func ParseInvoice(doc []byte) (Invoice, error) { return parse[Invoice](invoiceSchema, doc) }

// ParseDispute reads a dispute (DisputeSchema) for Contract.Escalation.
func ParseDispute(doc []byte) (Dispute, error) { return parse[Dispute](disputeSchema, doc) }

// ParseChangeRequest reads a change request (ChangeRequestSchema) for
// Contract.AssessChange and Record.Amend.
func ParseChangeRequest(doc []byte) (ChangeRequest, error) {
	return parse[ChangeRequest](changeRequestSchema, doc)
}

// ParseAcceptanceRequest reads the acceptance request of a milestone or
// the transition (AcceptanceRequestSchema) for Contract.Accept.
func ParseAcceptanceRequest(doc []byte) (AcceptanceRequest, error) {
	return parse[AcceptanceRequest](acceptanceRequestSchema, doc)
}

// ParseCompletions reads transition item completions (CompletionsSchema)
// for Contract.TransitionProgress.
func ParseCompletions(doc []byte) ([]Completion, error) {
	return parse[[]Completion](completionsSchema, doc)
}

// ParseFulfilments reads obligation fulfilments (FulfilmentsSchema) for
// Contract.Obligations.
func ParseFulfilments(doc []byte) ([]Fulfilment, error) {
	return parse[[]Fulfilment](fulfilmentsSchema, doc)
}
