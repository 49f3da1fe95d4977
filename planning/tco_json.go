package planning

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/tco.schema.json
var tcoSchemaJSON []byte

var tcoSchema = outsourcing.MustRegisterSchema(tcoSchemaJSON)

// TCOSchema returns the schema of TCO model documents; its $id is
// https://outsourcing-go.github.io/schemas/planning/tco.schema.json.
func TCOSchema() *outsourcing.Schema { return tcoSchema }

// ParseTCOModel validates a JSON TCO model against TCOSchema, decodes it
// (numbers exact, unknown fields rejected) and checks it as CompileTCO
// does, so a model it returns always compiles.
//
// Errors: "planning: " followed by *outsourcing.SyntaxError for malformed
// JSON or *FieldError values (errors.Join) with JSON pointers into the
// document, for schema violations and for the checks of CompileTCO.
func ParseTCOModel(doc []byte) (TCOModel, error) {
	var m TCOModel
	if err := tcoSchema.Decode(doc, &m); err != nil {
		return TCOModel{}, wrap(err)
	}
	if _, err := compileTCO(m); err != nil {
		return TCOModel{}, wrap(err)
	}
	return m, nil
}
