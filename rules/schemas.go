package rules

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/ruleset.schema.json
var setSchemaJSON []byte

var setSchema = outsourcing.MustRegisterSchema(setSchemaJSON)

// SetSchema validates rule set documents (see ParseSet).
func SetSchema() *outsourcing.Schema { return setSchema }

//go:embed schema/decision-table.schema.json
var tableSchemaJSON []byte

var tableSchema = outsourcing.MustRegisterSchema(tableSchemaJSON)

// TableSchema validates decision table documents (see ParseTableSpec).
func TableSchema() *outsourcing.Schema { return tableSchema }
