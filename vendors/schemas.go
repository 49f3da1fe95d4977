package vendors

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/pool.schema.json
var poolSchemaJSON []byte

var poolSchema = outsourcing.MustRegisterSchema(poolSchemaJSON)

// PoolSchema returns the schema of vendor pool documents (see ParsePool);
// its $id is https://outsourcing-go.github.io/schemas/vendors/pool.schema.json.
func PoolSchema() *outsourcing.Schema { return poolSchema }
