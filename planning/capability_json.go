package planning

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/capability.schema.json
var capabilitySchemaJSON []byte

var capabilitySchema = outsourcing.MustRegisterSchema(capabilitySchemaJSON)

// CapabilitySchema returns the schema of capability checklist documents
// (see ParseCapabilityChecklist); its $id is
// https://outsourcing-go.github.io/schemas/planning/capability.schema.json.
func CapabilitySchema() *outsourcing.Schema { return capabilitySchema }

// CapabilityChecklist is an organisation's capability self-assessment
// (Handbook §1.2): the document ParseCapabilityChecklist reads. Start from
// DefaultCapabilityChecklist, fill in the scores and adjust weights and
// targets.
type CapabilityChecklist struct {
	// ID identifies the checklist (optional).
	ID string `json:"id,omitempty"`
	// Name is a human-readable title.
	Name string `json:"name,omitempty"`
	// Items are the weighted questions, at least one, with unique IDs.
	Items []CapabilityItem `json:"items"`
}

// Assess scores the checklist; see AssessCapability.
func (c CapabilityChecklist) Assess() (CapabilityAssessment, error) {
	return AssessCapability(c.Items)
}

// ParseCapabilityChecklist validates a JSON checklist against
// CapabilitySchema, decodes it (weights exact, unknown fields rejected)
// and checks it as AssessCapability does, so a checklist it returns
// always assesses. In the document a target is 1..5 or absent (the top of
// the scale); every item needs an area.
//
// Errors: "planning: " followed by *outsourcing.SyntaxError for malformed
// JSON or *FieldError values (errors.Join, ErrInvalidInput) with JSON
// pointers into the document, for schema violations and for the checks of
// AssessCapability ("/items/1/id" for a duplicate id).
func ParseCapabilityChecklist(doc []byte) (CapabilityChecklist, error) {
	var c CapabilityChecklist
	if err := capabilitySchema.Decode(doc, &c); err != nil {
		return CapabilityChecklist{}, wrap(err)
	}
	if err := validateCapability(c.Items); err != nil {
		return CapabilityChecklist{}, wrap(err)
	}
	return c, nil
}
