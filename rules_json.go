package outsourcing

// RuleSetSpec is the JSON form of a rule set:
//
//	{"id": "screening", "rules": [{"id": "iso", "expression": "\"ISO27001\" in certifications"}]}
type RuleSetSpec struct {
	// ID names the rule set (optional).
	ID string `json:"id,omitempty"`
	// Description says what the rule set is for (optional).
	Description string `json:"description,omitempty"`
	// Rules are the rules in evaluation order.
	Rules []Rule `json:"rules"`
}

// ParseRuleSet validates a rule set document against RuleSetSchema and
// decodes it. Problems are *FieldError values with JSON-pointer paths,
// matching ErrInvalidInput; unknown fields are rejected. Compile the
// result with CompileRules[E](spec.Rules, ...).
func ParseRuleSet(doc []byte) (RuleSetSpec, error) {
	var spec RuleSetSpec
	if err := RuleSetSchema.Decode(doc, &spec); err != nil {
		return RuleSetSpec{}, wrapPkg(err)
	}
	return spec, nil
}
