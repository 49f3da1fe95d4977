package planning

import _ "embed"

//go:embed schema/tco.schema.json
var tcoSchemaJSON []byte

// TCOSchema validates TCO model documents; its $id is
// https://outsourcing-go.github.io/schemas/tco.schema.json.
var TCOSchema = MustRegisterSchema(tcoSchemaJSON)

// ParseTCOModel validates a JSON TCO model against TCOSchema, decodes it
// (numbers exact, unknown fields rejected) and checks it as CompileTCO
// does, so a model it returns always compiles.
//
// Errors: "outsourcing: " followed by *FieldError values (errors.Join)
// with JSON-pointer paths for schema violations, dotted paths for the
// semantic checks of CompileTCO.
func ParseTCOModel(doc []byte) (TCOModel, error) {
	var m TCOModel
	if err := TCOSchema.Decode(doc, &m); err != nil {
		return TCOModel{}, wrapPkg(err)
	}
	if _, err := CompileTCO(m); err != nil {
		return TCOModel{}, wrapPkg(err)
	}
	return m, nil
}
