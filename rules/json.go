package rules

// SetSpec is the JSON form of a rule set:
//
//	{"id": "screening", "rules": [{"id": "iso", "expression": "\"ISO27001\" in certifications"}]}
type SetSpec struct {
	// ID names the rule set (optional).
	ID string `json:"id,omitempty"`
	// Description says what the rule set is for (optional).
	Description string `json:"description,omitempty"`
	// Rules are the rules in evaluation order.
	Rules []Rule `json:"rules"`
}

// ParseSet validates a rule set document against SetSchema and
// decodes it. Problems are *FieldError values with JSON-pointer paths,
// matching ErrInvalidInput; unknown fields are rejected. Compile the
// result with Compile[E](spec.Rules, ...).
func ParseSet(doc []byte) (SetSpec, error) {
	var spec SetSpec
	if err := setSchema.Decode(doc, &spec); err != nil {
		return SetSpec{}, wrap(err)
	}
	return spec, nil
}
