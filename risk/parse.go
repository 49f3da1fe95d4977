package risk

import (
	_ "embed"
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/register.schema.json
var registerSchemaJSON []byte

//go:embed schema/matrix.schema.json
var matrixSchemaJSON []byte

// RegisterSchema validates risk register documents; its $id is
// https://outsourcing-go.github.io/schemas/risk/register.schema.json.
var RegisterSchema = outsourcing.MustRegisterSchema(registerSchemaJSON)

// MatrixSchema validates matrix specifications; its $id is
// https://outsourcing-go.github.io/schemas/risk/matrix.schema.json.
var MatrixSchema = outsourcing.MustRegisterSchema(matrixSchemaJSON)

// ParseRegister validates doc against RegisterSchema, then decodes it
// (numbers exact, unknown fields rejected). Schema violations are
// *outsourcing.FieldError values with JSON-pointer paths. Ratings are
// checked against a matrix later, by Register.Validate or Assess.
func ParseRegister(doc []byte) (Register, error) {
	var r Register
	if err := RegisterSchema.Decode(doc, &r); err != nil {
		return Register{}, fmt.Errorf("risk: register: %w", err)
	}
	return r, nil
}

// ParseMatrix validates doc against MatrixSchema, decodes it and compiles
// it with NewMatrix, whose errors it returns.
func ParseMatrix(doc []byte) (*Matrix, error) {
	var spec MatrixSpec
	if err := MatrixSchema.Decode(doc, &spec); err != nil {
		return nil, fmt.Errorf("risk: matrix: %w", err)
	}
	return NewMatrix(spec)
}
