package planning

import _ "embed"

//go:embed schema/capability.schema.json
var capabilitySchemaJSON []byte

// CapabilitySchema validates capability checklist documents (see
// ParseCapabilityChecklist); its $id is
// https://outsourcing-go.github.io/schemas/capability.schema.json.
var CapabilitySchema = MustRegisterSchema(capabilitySchemaJSON)

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
// Errors: "outsourcing: " followed by *FieldError values (errors.Join,
// ErrInvalidInput) with JSON-pointer paths for schema violations and
// dotted paths ("items[1].id" for a duplicate id) for the checks of
// AssessCapability.
func ParseCapabilityChecklist(doc []byte) (CapabilityChecklist, error) {
	var c CapabilityChecklist
	if err := CapabilitySchema.Decode(doc, &c); err != nil {
		return CapabilityChecklist{}, wrapPkg(err)
	}
	if err := validateCapability(c.Items); err != nil {
		return CapabilityChecklist{}, wrapPkg(err)
	}
	return c, nil
}
