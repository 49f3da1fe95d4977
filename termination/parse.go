package termination

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/terms.schema.json
var termsSchemaJSON []byte

//go:embed schema/context.schema.json
var contextSchemaJSON []byte

//go:embed schema/settlement.schema.json
var settlementSchemaJSON []byte

//go:embed schema/review.schema.json
var reviewSchemaJSON []byte

var (
	termsSchema      = outsourcing.MustRegisterSchema(termsSchemaJSON)
	contextSchema    = outsourcing.MustRegisterSchema(contextSchemaJSON)
	settlementSchema = outsourcing.MustRegisterSchema(settlementSchemaJSON)
	reviewSchema     = outsourcing.MustRegisterSchema(reviewSchemaJSON)
)

// TermsSchema returns the schema of termination and exit schedules (see
// ParseTerms); its $id is
// https://outsourcing-go.github.io/schemas/termination/terms.schema.json.
func TermsSchema() *outsourcing.Schema { return termsSchema }

// ContextSchema returns the schema of termination contexts (see
// ParseContext); its $id is
// https://outsourcing-go.github.io/schemas/termination/context.schema.json.
func ContextSchema() *outsourcing.Schema { return contextSchema }

// SettlementSchema returns the schema of settlement inputs (see
// ParseSettlement); its $id is
// https://outsourcing-go.github.io/schemas/termination/settlement.schema.json.
func SettlementSchema() *outsourcing.Schema { return settlementSchema }

// ReviewSchema returns the schema of post-exit review inputs (see
// ParseReview); its $id is
// https://outsourcing-go.github.io/schemas/termination/review.schema.json.
// Its parts are the schemas of the documents they hold: planning's
// objective set, vendors' final-evaluation input (without as_of and
// sla_attainment).
func ReviewSchema() *outsourcing.Schema { return reviewSchema }

// ParseTerms validates doc against TermsSchema and decodes it (numbers
// exact, unknown properties rejected); CompileTerms checks it against
// the contract. Problems are *outsourcing.FieldError values at the JSON
// pointer of the offending value, or an *outsourcing.SyntaxError for
// malformed JSON; all match outsourcing.ErrInvalidInput.
func ParseTerms(doc []byte) (TermsSpec, error) { return parse[TermsSpec](termsSchema, doc) }

// ParseContext validates and decodes a termination context document
// (see ParseTerms for the errors); Triggers.Evaluate checks it against
// the terms.
func ParseContext(doc []byte) (ContextSpec, error) { return parse[ContextSpec](contextSchema, doc) }

// ParseSettlement validates and decodes a settlement input document (see
// ParseTerms for the errors); Terms.Settle checks it against the terms.
func ParseSettlement(doc []byte) (SettlementSpec, error) {
	return parse[SettlementSpec](settlementSchema, doc)
}

// ParseReview validates and decodes a post-exit review input document
// (see ParseTerms for the errors); Terms.Review checks it against the
// contract.
func ParseReview(doc []byte) (ReviewSpec, error) { return parse[ReviewSpec](reviewSchema, doc) }

func parse[T any](s *outsourcing.Schema, doc []byte) (T, error) {
	var v T
	if err := s.Decode(doc, &v); err != nil {
		var zero T
		return zero, wrap(err)
	}
	return v, nil
}
