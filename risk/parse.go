package risk

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/register.schema.json
var registerSchemaJSON []byte

//go:embed schema/matrix.schema.json
var matrixSchemaJSON []byte

var (
	registerSchema = outsourcing.MustRegisterSchema(registerSchemaJSON)
	matrixSchema   = outsourcing.MustRegisterSchema(matrixSchemaJSON)
)

// RegisterSchema returns the schema of risk register documents; its $id
// is https://outsourcing-go.github.io/schemas/risk/register.schema.json.
func RegisterSchema() *outsourcing.Schema { return registerSchema }

// MatrixSchema returns the schema of matrix specifications; its $id is
// https://outsourcing-go.github.io/schemas/risk/matrix.schema.json.
func MatrixSchema() *outsourcing.Schema { return matrixSchema }

// ParseRegister validates doc against RegisterSchema, then decodes it
// (numbers exact, unknown fields rejected). Schema violations are
// *outsourcing.FieldError values with JSON-pointer paths into doc. Ratings
// are checked against a matrix later, by Register.Validate or Assess.
func ParseRegister(doc []byte) (Register, error) {
	var r Register
	if err := registerSchema.Decode(doc, &r); err != nil {
		return Register{}, wrap(err)
	}
	return r, nil
}

// ParseMatrix validates doc against MatrixSchema and decodes it (unknown
// fields rejected) into the spec; NewMatrix compiles it. Schema
// violations are *outsourcing.FieldError values with JSON-pointer paths
// into doc.
func ParseMatrix(doc []byte) (MatrixSpec, error) {
	var spec MatrixSpec
	if err := matrixSchema.Decode(doc, &spec); err != nil {
		return MatrixSpec{}, wrap(err)
	}
	return spec, nil
}
